"""Page operations: pages, rotate, delete-page, reorder, split, merge."""

from __future__ import annotations

import argparse

from pdorganizer.cli.common import (
    UsageError,
    add_json_arg,
    add_vault_arg,
    open_vault,
    print_json,
)
from pdorganizer.core.models import Document, Page
from pdorganizer.vault import renditions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pages", help="list a document's pages")
    add_vault_arg(p)
    p.add_argument("doc", metavar="DOC", type=int, help="document id")
    add_json_arg(p)
    p.set_defaults(func=cmd_pages)

    p = sub.add_parser("rotate", help="turn a page (clockwise, in steps of 90 degrees)")
    add_vault_arg(p)
    p.add_argument("page", metavar="PAGE", type=int, help="page id (see 'pages')")
    p.add_argument("--degrees", type=int, default=90, help="90, 180, 270 or -90 (default 90)")
    p.set_defaults(func=cmd_rotate)

    p = sub.add_parser("delete-page", help="remove one page from its document")
    add_vault_arg(p)
    p.add_argument("page", metavar="PAGE", type=int, help="page id (see 'pages')")
    p.set_defaults(func=cmd_delete_page)

    p = sub.add_parser("reorder", help="put a document's pages in a new order")
    add_vault_arg(p)
    p.add_argument("doc", metavar="DOC", type=int, help="document id")
    p.add_argument("pages", metavar="PAGE", type=int, nargs="+", help="every page id, in order")
    p.set_defaults(func=cmd_reorder)

    p = sub.add_parser("split", help="move a page and the ones after it into a new document")
    add_vault_arg(p)
    p.add_argument("doc", metavar="DOC", type=int, help="document id")
    p.add_argument("--at", required=True, type=int, metavar="PAGE", help="first page id to move")
    p.set_defaults(func=cmd_split)

    p = sub.add_parser(
        "merge",
        help="append other documents' pages to the first document; or, given a client's "
        ".pdvault, take its case back into VAULT",
    )
    add_vault_arg(p)
    p.add_argument(
        "docs", metavar="DOC|CLIENT.pdvault", nargs="+", help="document ids, first keeps"
    )
    p.add_argument("--json", action="store_true", help="machine-readable report (client file)")
    p.set_defaults(func=cmd_merge)


def _page_json(page: Page, cleaned: dict | None = None) -> dict:
    clean = (cleaned or {}).get(page.id)  # (enabled, corners, mode): vault/renditions.py
    return {
        "id": page.id,
        "number": page.position + 1,
        "source_id": page.source_id,
        "source_index": page.source_index,
        "width": round(page.width, 2),
        "height": round(page.height, 2),
        "rotation": page.rotation,
        "orientation": "landscape" if page.landscape else "portrait",
        "cleaned": bool(clean and clean[0]),
        "corners": clean[1] if clean else None,
        "mode": clean[2] if clean else None,
    }


def _print_doc(doc: Document) -> None:
    print(f"doc {doc.id}: {doc.title} ({doc.page_count} page{'' if doc.page_count == 1 else 's'})")


def cmd_pages(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.documents.get(args.doc)
        pages = vault.documents.pages(args.doc)
        cleaned = renditions.summary(vault, [p.id for p in pages])
    if args.json:
        print_json([_page_json(p, cleaned) for p in pages])
        return 0
    for page in pages:
        info = _page_json(page, cleaned)
        turned = f", turned {page.rotation}°" if page.rotation else ""
        clean = ", cleaned" if info["cleaned"] else ""
        print(
            f"{info['number']:>4}  page {page.id}  {info['width']:g} x {info['height']:g} pt  "
            f"{info['orientation']}{turned}{clean}"
        )
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        page = vault.documents.rotate_page(args.page, args.degrees)
    print(f"page {page.id}: turned {page.rotation}°")
    return 0


def cmd_delete_page(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        doc_id = vault.documents.page(args.page).document_id
        vault.documents.delete_page(args.page)
        _print_doc(vault.documents.get(doc_id))
    return 0


def cmd_reorder(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.documents.reorder_pages(args.doc, args.pages)
        _print_doc(vault.documents.get(args.doc))
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        new = vault.documents.split(args.doc, args.at)
        _print_doc(vault.documents.get(args.doc))
        _print_doc(new)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    if len(args.docs) == 1 and not args.docs[0].isdigit():
        from pdorganizer.cli.clinic_cmds import cmd_merge_vault

        return cmd_merge_vault(args, args.docs[0])
    if not all(d.isdigit() for d in args.docs):
        raise UsageError("merge takes document ids, or one client's .pdvault file")
    if args.json:
        raise UsageError("--json goes with a client's .pdvault file")
    with open_vault(args) as vault:
        _print_doc(vault.documents.merge([int(d) for d in args.docs]))
    return 0
