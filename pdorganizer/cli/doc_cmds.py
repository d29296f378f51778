"""docs, tag, untag."""

from __future__ import annotations

import argparse

from pdorganizer.cli.common import (
    add_case_arg,
    add_json_arg,
    add_vault_arg,
    open_vault,
    print_json,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("docs", help="list a case's documents")
    add_vault_arg(p)
    add_case_arg(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_docs)

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
    if args.json:
        print_json(
            [
                {
                    "id": d.id,
                    "title": d.title,
                    "pages": d.page_count,
                    "factors": d.factors,
                    "sha256": d.sha256,
                    "kind": d.kind,
                    "date": d.document_date,
                    "language": d.language,
                    "mime": d.mime,
                    "original_name": d.original_name,
                    "translation_of": d.translation_of,
                }
                for d in docs
            ]
        )
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
