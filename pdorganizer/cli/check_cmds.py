"""kinds, preflight ("Ready to file?") and timeline."""

from __future__ import annotations

import argparse
import datetime as dt

from pdorganizer.checks import PreflightOptions, preflight
from pdorganizer.checks import texts as check_texts
from pdorganizer.checks.context import load_case
from pdorganizer.cli.common import (
    UsageError,
    add_case_arg,
    add_json_arg,
    add_vault_arg,
    open_vault,
    print_json,
)
from pdorganizer.core.kinds import document_kinds, requested_pd_kinds


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kinds", help="list the document kinds (needs no vault)")
    add_json_arg(p)
    p.add_argument("--lang", choices=("en", "es"), default="en")
    p.set_defaults(func=cmd_kinds)

    p = sub.add_parser(
        "preflight",
        help="check a case before filing; exit 1 when something blocks it",
    )
    add_vault_arg(p)
    add_case_arg(p)
    add_json_arg(p)
    p.add_argument("--lang", choices=("en", "es"), default="en")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the filing date (default: today)")
    p.add_argument(
        "--clearance-months",
        type=int,
        default=12,
        metavar="N",
        help="a police clearance older than N months is stale (default 12)",
    )
    p.add_argument("--profile", choices=("eoir", "opla", "uscis"), default="eoir")
    p.add_argument("--quality", choices=("compact", "original"), default="compact")
    p.add_argument("--max-part-mb", type=float, metavar="N")
    p.set_defaults(func=cmd_preflight)

    p = sub.add_parser("timeline", help="draw the dated evidence year by year (PNG or PDF)")
    add_vault_arg(p)
    add_case_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.png or FILE.pdf")
    p.add_argument("--lang", choices=("en", "es"), default="en")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the last year shown (default: today)")
    p.set_defaults(func=cmd_timeline)


def cmd_kinds(args: argparse.Namespace) -> int:
    if args.json:
        print_json([k.to_json() for k in document_kinds()])
        return 0
    for k in document_kinds():
        print(f"{k.id:20} {k.text(args.lang)}")
    print()
    for k in requested_pd_kinds():
        print(f"--requested-pd {k.id:24} {k.text(args.lang)}")
    return 0


def _as_of(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError("write --as-of as YYYY-MM-DD") from None


def cmd_preflight(args: argparse.Namespace) -> int:
    if args.clearance_months < 1:
        raise UsageError("--clearance-months must be 1 or more")
    options = PreflightOptions(
        as_of=_as_of(args.as_of),
        clearance_months=args.clearance_months,
        profile=args.profile,
        quality=args.quality,
        max_part_mb=args.max_part_mb,
    )
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        report = preflight(vault, case.id, options, args.lang)
    if args.json:
        print_json(report.to_json())
    else:
        for f in report.findings:
            label = check_texts.severity_label(f.severity, args.lang)
            docs = f" [doc {', '.join(map(str, f.documents))}]" if f.documents else ""
            print(f"{label}: {f.code}{docs}: {f.message} -> {f.todo}")
        if not report.findings:
            print(check_texts.word("none", args.lang))
        else:
            print(
                check_texts.word(
                    "summary",
                    args.lang,
                    blockers=report.count("blocker"),
                    warnings=report.count("warning"),
                    infos=report.count("info"),
                )
            )
    return 1 if report.blocked else 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from pdorganizer.timeline.data import build_timeline
    from pdorganizer.timeline.drawing import lay_out
    from pdorganizer.timeline.render import write

    as_of = _as_of(args.as_of)
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        data = load_case(vault, case.id, pages=False)
        timeline = build_timeline(data, as_of, args.lang)
        drawing = lay_out(timeline, args.lang)
        path = write(drawing, args.output, title="Timeline of evidence", vault=vault)
    marks = sum(len(r.marks) for r in timeline.rows)
    years = f"{timeline.first_year}-{timeline.last_year}"
    print(f"{path}  {len(timeline.rows)} rows, {marks} marks, {years}")
    return 0
