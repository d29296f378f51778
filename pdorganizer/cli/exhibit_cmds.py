"""exhibits (list / define the exhibit list) and export (write the packet)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pdorganizer.cli.common import (
    UsageError,
    add_case_arg,
    add_json_arg,
    add_vault_arg,
    open_vault,
    print_json,
    terminal_progress,
)
from pdorganizer.export.index_es import page_ranges_from_manifest, write_index_es
from pdorganizer.export.service import ExportOptions, export_packet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "exhibits",
        help="show the exhibit list with letters, or define it",
        description="Without --set: the exhibit list an export uses. With --set: define it, "
        "in order, one exhibit per document id (join ids with + to put several documents in "
        "one exhibit: --set 5,3+4,9); documents not named become exhibits of their own after "
        "it. Translations always follow their original.",
    )
    add_vault_arg(p)
    add_case_arg(p)
    p.add_argument(
        "--set",
        action="append",
        metavar="DOC[,DOC...]",
        help="the exhibits in order: document ids separated by commas, DOC+DOC for one "
        "exhibit of several documents (may be repeated: the lists are joined)",
    )
    p.add_argument(
        "--description",
        action="append",
        default=[],
        metavar="D",
        help="description of the exhibit of the same position (default: title and date)",
    )
    p.add_argument("--clear", action="store_true", help="forget the list: default order again")
    add_json_arg(p)
    p.set_defaults(func=cmd_exhibits)

    p = sub.add_parser("export", help="write the exhibit packet PDF")
    add_vault_arg(p)
    add_case_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--profile", choices=("eoir", "opla", "uscis"), default="eoir")
    p.add_argument("--quality", choices=("compact", "original"), default="compact")
    p.add_argument(
        "--max-part-mb",
        type=float,
        metavar="N",
        help="size limit per file; bigger packets are split into _PartN files "
        "(default: 25 for eoir and opla, 12 for uscis)",
    )
    p.add_argument("--label", choices=("plain", "of", "bates"), default="plain")
    p.add_argument("--bates-prefix", default="", metavar="P")
    p.add_argument("--bates-digits", type=int, default=6, metavar="N", help="zero padding")
    p.add_argument("--start", type=int, default=1, metavar="N", help="first page number")
    p.add_argument("--label-position", choices=("left", "center", "right"), default="center")
    p.add_argument("--group-by-factor", action="store_true")
    p.add_argument("--page-size", choices=("letter", "a4"), default="letter")
    p.add_argument("--no-cover", action="store_true")
    p.add_argument("--no-letter", action="store_true", help="leave the case's request letter out")
    p.add_argument("--service", action="store_true", help="add a certificate of service")
    p.add_argument(
        "--timeline",
        action="store_true",
        help="add a page with the timeline of the dated evidence after the index",
    )
    p.add_argument("--manifest", choices=("json", "page", "none"), default="json")
    p.add_argument("--title", default="", help="filing title on the cover")
    p.add_argument(
        "--index-es",
        metavar="FILE",
        help="also write a Spanish working copy of the index of exhibits for the client "
        "(PDF when FILE ends in .pdf, else text; not for filing)",
    )
    p.set_defaults(func=cmd_export)


def _groups(values: list[str]) -> list[list[int]]:
    """["5,3+4", "9"] -> [[5], [3, 4], [9]]."""
    groups = []
    for value in values:
        for item in value.split(","):
            if not item.strip():
                continue
            try:
                groups.append([int(t) for t in item.split("+")])
            except ValueError:
                raise UsageError(f"--set takes document ids like 5,3+4,9, not {value!r}") from None
    if not groups:
        raise UsageError("--set needs at least one document id")
    return groups


def cmd_exhibits(args: argparse.Namespace) -> int:
    if args.set and args.clear:
        raise UsageError("use either --set or --clear")
    groups = _groups(args.set) if args.set else []
    if len(args.description) > len(groups):
        raise UsageError("there are more --description values than exhibits in --set")
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        if groups:
            vault.exhibits.set(case.id, groups, args.description)
        elif args.clear:
            vault.exhibits.clear(case.id)
        exhibits = vault.exhibits.effective(case.id)
        pages = {d.id: d.page_count for d in vault.documents.list(case.id)}
    if args.json:
        print_json(
            [
                {
                    "letter": ex.letter,
                    "description": ex.description,
                    "documents": ex.document_ids,
                    "pages": sum(pages[d] for d in ex.document_ids),
                }
                for ex in exhibits
            ]
        )
        return 0
    for ex in exhibits:
        count = sum(pages[d] for d in ex.document_ids)
        docs = ",".join(str(d) for d in ex.document_ids)
        print(f"{ex.letter:>3}  {ex.description}  [docs {docs}; {count} p.]")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    options = ExportOptions(
        profile=args.profile,
        quality=args.quality,
        max_part_mb=args.max_part_mb,
        label=args.label,
        bates_prefix=args.bates_prefix,
        bates_digits=args.bates_digits,
        start=args.start,
        label_position=args.label_position,
        group_by_factor=args.group_by_factor,
        page_size=args.page_size,
        cover=not args.no_cover,
        letter=not args.no_letter,
        service=args.service,
        timeline=args.timeline,
        manifest=args.manifest,
        title=args.title,
    )
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        result = export_packet(vault, case.id, args.output, options, terminal_progress("Exporting"))
        if args.index_es:
            ranges = (
                page_ranges_from_manifest(result.manifest_path) if result.manifest_path else None
            )
            index_es = write_index_es(vault, case.id, args.index_es, page_ranges=ranges)
    for warning in result.warnings:
        print(f"pdorganizer: warning: {warning}", file=sys.stderr)
    for path, pages in zip(result.files, result.file_pages, strict=True):
        size = Path(path).stat().st_size / (1024 * 1024)
        print(f"{path}  {pages} pages  {size:.1f} MB  sha256 {result.sha256[path]}")
    if result.manifest_path:
        print(f"{result.manifest_path}  manifest")
    if args.index_es:
        print(f"{index_es}  Spanish working copy of the index (not for filing)")
    return 0
