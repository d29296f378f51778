"""import: files into a case, one line per file."""

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
from pdorganizer.core.kinds import require_kind
from pdorganizer.ingest.service import ImportOptions, ImportResult, import_files


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import files into a case",
        description="Import photos, scans and PDFs into a case. Each file becomes one "
        "document (or all of them one document with --as-one). A file already in the case "
        "is reported as a duplicate and not stored twice. Exit status 1 if any file failed.",
    )
    add_vault_arg(p)
    add_case_arg(p)
    p.add_argument(
        "--as-one",
        action="store_true",
        help="make one document of all the files (e.g. front and back of an ID)",
    )
    p.add_argument("--title", metavar="T", help="document title (default: from the file name)")
    p.add_argument(
        "--factor",
        dest="factors",
        action="append",
        default=[],
        metavar="F",
        help="tag with this PD factor (repeatable)",
    )
    p.add_argument(
        "--kind", default="", metavar="ID", help="kind of document (see 'pdorganizer kinds')"
    )
    p.add_argument(
        "--date", dest="document_date", default="", metavar="D", help="date of the document"
    )
    p.add_argument("--language", default="", metavar="L", help="language of the document")
    p.add_argument(
        "--pdf-password-file",
        metavar="FILE",
        help="for PDFs that need a password to open: read it from the first line of FILE "
        "(such a PDF is stored decrypted)",
    )
    p.add_argument(
        "--clean",
        choices=("auto", "off"),
        default="auto",
        help="auto (default): photos from a camera are cleaned up (page found, flattened, "
        "lighting evened out; the original is kept); off: every file as it is",
    )
    add_json_arg(p)
    p.add_argument(
        "files", metavar="FILE", nargs="+", help="images (JPEG, PNG, TIFF, WebP, BMP, HEIC) or PDFs"
    )
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    options = ImportOptions(
        title=args.title or None,
        factors=args.factors,
        kind=require_kind(args.kind),
        document_date=args.document_date,
        language=args.language,
        as_one=args.as_one,
        pdf_password=_pdf_password(args.pdf_password_file),
        clean=args.clean,
    )
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        results = import_files(vault, case.id, args.files, options, terminal_progress("importing"))
    if args.json:
        print_json([r.__dict__ for r in results])
    for result in results:  # results on stdout; each refused file one line on stderr
        if result.status == "failed":
            print(result_line(result), file=sys.stderr, flush=True)
        elif not args.json:
            print(result_line(result), flush=True)
    return 1 if any(r.status == "failed" for r in results) else 0


def _pdf_password(path: str | None) -> str:
    if not path:
        return ""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"cannot read the password file {path}") from None
    if not lines or not lines[0]:
        raise UsageError("the password file is empty")
    return lines[0]


def result_line(result: ImportResult) -> str:
    if result.status == "imported":
        pages = f"{result.pages} page{'' if result.pages == 1 else 's'}"
        notes = "".join(f"; {note}" for note in result.notes)
        return f"imported  {result.path} -> doc {result.document_id} ({pages}){notes}"
    if result.status == "duplicate":
        return f"duplicate {result.path}: {result.message}"
    return f"failed    {result.path}: {result.message}"
