"""letter (the PD request letter) and declaration (the person's statement)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pdorganizer.cli.common import UsageError, add_case_arg, add_vault_arg, open_vault
from pdorganizer.core.errors import PdoError
from pdorganizer.export.service import ExportOptions
from pdorganizer.request import declaration_service as decl_service
from pdorganizer.request import service
from pdorganizer.request.declaration import split_paragraphs
from pdorganizer.request.tokens import citations

DOCX_NOTE = (
    "the citations in this Word copy are plain text now: they no longer update when the "
    "exhibits change"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "letter",
        help="the PD request letter: draft, show, replace, remove, or write as .docx",
        description="The request letter goes first in the packet, after the cover. Its text "
        "form: '# Heading', '## Subheading', **bold**, *italic*, blank lines between "
        "paragraphs, and citations [[DOC]], [[DOC p.N]] or [[DOC p.N-M]] (DOC: document id, "
        "N: page of that document), which the packet shows as 'Ex. C', 'Ex. C at 14', "
        "'Ex. C at 14-16' in the current exhibit order.",
    )
    add_vault_arg(p)
    add_case_arg(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--draft", action="store_true", help="write a first draft from the case")
    what.add_argument("--show", action="store_true", help="print the letter")
    what.add_argument("--set", metavar="FILE", help="replace the letter with FILE ('-': stdin)")
    what.add_argument("--clear", action="store_true", help="remove the letter")
    what.add_argument(
        "-o", "--output", metavar="LETTER.docx", help="write an editable Word copy, citations "
        "resolved (they no longer update there)"
    )  # fmt: skip
    p.add_argument("--force", action="store_true", help="with --draft: replace an existing letter")
    p.add_argument(
        "--resolved", action="store_true", help="with --show: citations as the packet shows them"
    )
    _label_args(p)
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser(
        "declaration",
        help="the person's declaration: show it, or set its paragraphs or English translation",
        description="FILE holds one paragraph per block (blank lines between; a leading '3.' "
        "is taken as numbering). The closing under 28 U.S.C. 1746, the date and the "
        "signature lines are added when it is rendered. The declaration is a document of "
        "kind 'declaration' in the case and an exhibit like any other.",
    )
    add_vault_arg(p)
    add_case_arg(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--show", action="store_true", help="print the declaration")
    what.add_argument("--set", metavar="FILE", help="replace its paragraphs ('-': stdin)")
    what.add_argument(
        "--set-translation", metavar="FILE", help="the English translation, paragraph by paragraph"
    )
    p.add_argument("--lang", choices=("en", "es"), help="with --set: the language it is written in")
    p.add_argument(
        "--translation", action="store_true", help="with --show: the English translation"
    )
    p.add_argument("--translator-name", metavar="N")
    p.add_argument("--translator-address", metavar="A")
    p.add_argument("--translator-phone", metavar="P")
    p.set_defaults(func=cmd_declaration)


def _label_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("page labels the citations resolve to (as for export)")
    g.add_argument("--label", choices=("plain", "of", "bates"), default="plain")
    g.add_argument("--bates-prefix", default="", metavar="P")
    g.add_argument("--bates-digits", type=int, default=6, metavar="N")
    g.add_argument("--start", type=int, default=1, metavar="N")
    g.add_argument("--no-cover", action="store_true")


def _options(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        label=args.label,
        bates_prefix=args.bates_prefix,
        bates_digits=args.bates_digits,
        start=args.start,
        cover=not args.no_cover,
    )


MAX_FILE = 8 * 1024 * 1024  # a letter or a declaration, not a book


def read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read(MAX_FILE + 1)
    try:
        if Path(name).stat().st_size > MAX_FILE:
            raise PdoError("{file} is too large for a letter or a declaration", file=name)
        return Path(name).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PdoError("{file} is not UTF-8 text", file=name) from None
    except OSError:
        raise PdoError("cannot read {file}", file=name) from None


def cmd_letter(args: argparse.Namespace) -> int:
    if args.force and not args.draft:
        raise UsageError("--force goes with --draft")
    if args.resolved and not args.show:
        raise UsageError("--resolved goes with --show")
    text = read_text(args.set) if args.set else None
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        if args.draft:
            result = service.draft(vault, case.id, force=args.force)
            for warning in result.warnings:
                print(f"pdorganizer: warning: {warning}", file=sys.stderr)
            count = len(citations(result.text))
            print(f"drafted the letter of case {case.id} ({count} citations)")
            return 0
        if args.clear:
            removed = service_clear(vault, case.id)
            print("letter removed" if removed else "this case has no letter")
            return 0
        if text is not None:
            service.set_text(vault, case.id, text)
            _report_broken(vault, case.id, _options(args))
            print(f"letter of case {case.id} replaced ({len(citations(text))} citations)")
            return 0
        body = service.letter_text(vault, case.id)
        if body is None:
            raise PdoError("this case has no letter; make one with --draft")
        if args.output:
            from pdorganizer.request.docx_out import write_docx

            places = service.page_map(vault, case.id, _options(args), body)
            path = write_docx(body, places, args.output, vault=vault)
            print(f"{path}  Word copy of the letter")
            print(f"pdorganizer: note: {DOCX_NOTE}", file=sys.stderr)
            return 0
        if args.resolved:
            from pdorganizer.request.tokens import broken, resolve_text

            places = service.page_map(vault, case.id, _options(args), body)
            for _cite, shown in broken(body, places):
                print(f"pdorganizer: warning: {shown}", file=sys.stderr)
            sys.stdout.write(resolve_text(body, places))
        else:
            sys.stdout.write(body)
    return 0


def service_clear(vault, case_id: int) -> bool:
    from pdorganizer.request.store import clear_letter

    vault.cases.get(case_id)
    return clear_letter(vault, case_id)


def _report_broken(vault, case_id: int, options: ExportOptions) -> None:
    for _cite, shown in service.broken_citations(vault, case_id, options):
        print(f"pdorganizer: warning: {shown}", file=sys.stderr)


def cmd_declaration(args: argparse.Namespace) -> int:
    if args.lang and not args.set:
        raise UsageError("--lang goes with --set")
    if args.translation and not args.show:
        raise UsageError("--translation goes with --show")
    source = args.set or args.set_translation
    paragraphs = split_paragraphs(read_text(source)) if source else []
    if source and not paragraphs:
        raise PdoError("{file} holds no paragraphs", file=source)
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        if args.show:
            sys.stdout.write(decl_service.show_text(vault, case.id, translation=args.translation))
            return 0
        if args.set:
            rec = decl_service.set_paragraphs(vault, case.id, paragraphs, args.lang)
            print(
                f"declaration of case {case.id}: {len(rec.paragraphs)} paragraphs "
                f"({rec.language}) -> doc {rec.document_id}"
            )
            if rec.language == "es":
                print(
                    "pdorganizer: note: a Spanish declaration needs its English translation "
                    "for filing (--set-translation FILE)",
                    file=sys.stderr,
                )
            return 0
        rec = decl_service.set_translation(
            vault,
            case.id,
            paragraphs,
            translator_name=args.translator_name,
            translator_address=args.translator_address,
            translator_phone=args.translator_phone,
        )
        print(
            f"English translation of the declaration of case {case.id}: "
            f"{len(rec.translation)} paragraphs -> doc {rec.translation_id}"
        )
        if not rec.translator_name:
            print(
                "pdorganizer: warning: no translator name; the certificate of translation "
                "needs it (--translator-name)",
                file=sys.stderr,
            )
    return 0
