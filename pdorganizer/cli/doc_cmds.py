"""docs, doc edit / remove, tag, untag."""

from __future__ import annotations

import argparse
import sys

from pdorganizer.cli.common import (
    UsageError,
    add_case_arg,
    add_json_arg,
    add_vault_arg,
    open_vault,
    print_json,
)
from pdorganizer.core.kinds import require_kind
from pdorganizer.core.models import Document, Translation

# doc edit option -> document field.
_DOC_FIELDS = {
    "title": "title",
    "kind": "kind",
    "date": "document_date",
    "expires": "expires",
    "language": "language",
    "issuer": "issuer",
    "notes": "notes",
}
_TRANSLATOR = ("translator_name", "translator_address", "translator_phone")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("docs", help="list a case's documents")
    add_vault_arg(p)
    add_case_arg(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_docs)

    doc = sub.add_parser("doc", help="edit or remove a document").add_subparsers(
        dest="doc_command", metavar="{edit,remove}", required=True
    )
    p = doc.add_parser("edit", help="change a document's fields (what the Document tab shows)")
    add_vault_arg(p)
    p.add_argument("doc", metavar="DOC", type=int, help="document id")
    p.add_argument("--title", metavar="T")
    p.add_argument("--kind", metavar="ID", help="kind of document (see 'pdorganizer kinds')")
    p.add_argument("--date", metavar="D", help="date of the document (YYYY[-MM[-DD]])")
    p.add_argument("--expires", metavar="D", help="expiry date of an identity document")
    p.add_argument("--language", metavar="L", help="language of the document")
    p.add_argument("--issuer", metavar="I", help="who issued it")
    p.add_argument("--notes", metavar="N")
    p.add_argument(
        "--translation-of",
        metavar="DOC",
        help="this document is the translation of document DOC ('none': it is not)",
    )
    p.add_argument("--translator-name", metavar="N")
    p.add_argument("--translator-address", metavar="A")
    p.add_argument("--translator-phone", metavar="P")
    p.add_argument("--json", action="store_true", help="print the document as docs --json does")
    p.set_defaults(func=cmd_doc_edit)

    p = doc.add_parser("remove", help="remove a document and its pages")
    add_vault_arg(p)
    p.add_argument("doc", metavar="DOC", type=int, help="document id")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_doc_remove)

    for name, func, text in (
        ("tag", cmd_tag, "tag a document with factors"),
        ("untag", cmd_untag, "remove factor tags from a document"),
    ):
        p = sub.add_parser(name, help=text)
        add_vault_arg(p)
        p.add_argument("doc", metavar="DOC", type=int, help="document id")
        p.add_argument("factors", metavar="FACTOR", nargs="+", help="factor id(s)")
        p.set_defaults(func=func)


def cmd_docs(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        docs = vault.documents.list(case.id)
        translators = vault.documents.translations(case.id)
    if args.json:
        print_json([doc_json(d, translators.get(d.id)) for d in docs])
        return 0
    for d in docs:
        print(
            f"{d.id:>5}  {d.title}  [{d.page_count} p.]  {','.join(d.factors) or '-'}  "
            f"{d.sha256[:12]}"
        )
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        doc = vault.documents.tag(args.doc, args.factors)
    print(f"{doc.id}: {','.join(doc.factors)}")
    return 0


def cmd_untag(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        doc = vault.documents.untag(args.doc, args.factors)
    print(f"{doc.id}: {','.join(doc.factors) or '-'}")
    return 0


def doc_json(d: Document, translation: Translation | None = None) -> dict:
    """One document as `docs --json` shows it (`kind` is a kind id, or older free text)."""
    return {
        "id": d.id,
        "title": d.title,
        "pages": d.page_count,
        "factors": d.factors,
        "sha256": d.sha256,
        "kind": d.kind,
        "date": d.document_date,
        "expires": d.expires,
        "language": d.language,
        "issuer": d.issuer,
        "mime": d.mime,
        "original_name": d.original_name,
        "translation_of": d.translation_of,
        "translator": (
            {
                "name": translation.translator_name,
                "address": translation.translator_address,
                "phone": translation.translator_phone,
            }
            if translation is not None
            else None
        ),
    }


def cmd_doc_edit(args: argparse.Namespace) -> int:
    fields = {
        field: getattr(args, option)
        for option, field in _DOC_FIELDS.items()
        if getattr(args, option) is not None
    }
    if "kind" in fields:
        fields["kind"] = require_kind(fields["kind"])
    translator = {k: getattr(args, k) for k in _TRANSLATOR if getattr(args, k) is not None}
    original = _original(args.translation_of)
    with open_vault(args) as vault:
        doc = vault.documents.get(args.doc)
        current = vault.documents.translation(doc.id)
        if translator and original is None and current is None:
            raise UsageError("the translator's details need --translation-of DOC")
        # Check the translation link before changing anything, so a refused link leaves
        # the document as it was.
        if original not in (None, 0):
            vault.documents.get(original)
        if fields:
            doc = vault.documents.update(doc.id, **fields)
        if original == 0:
            vault.documents.clear_translation(doc.id)
        elif original is not None or translator:
            keep = {
                "translator_name": current.translator_name if current else "",
                "translator_address": current.translator_address if current else "",
                "translator_phone": current.translator_phone if current else "",
                "from_language": current.from_language if current else "",
            }
            target = original if original is not None else (current.original_id if current else 0)
            vault.documents.set_translation(doc.id, target, **{**keep, **translator})
        doc = vault.documents.get(doc.id)
        info = vault.documents.translation(doc.id)
    if args.json:
        print_json(doc_json(doc, info))
    else:
        print(f"document {doc.id} updated")
    return 0


def _original(text: str | None) -> int | None:
    """--translation-of: None (not given), 0 ('none': not a translation), or a document id."""
    if text is None:
        return None
    if text.strip().lower() in ("none", "no", "0", ""):
        return 0
    if not text.strip().isdigit():
        raise UsageError("--translation-of takes a document id, or 'none'")
    return int(text)


def cmd_doc_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        doc = vault.documents.get(args.doc)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError("nothing removed: add --yes to remove without asking")
            try:
                pages = "its page" if doc.page_count == 1 else f"its {doc.page_count} pages"
                answer = input(f"Remove document {doc.id} and {pages}? [y/N] ")
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing removed")
                return 1
        vault.documents.delete(doc.id)
    print(f"document {doc.id} removed")
    return 0
