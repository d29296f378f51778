"""clean: a photographed page's clean-up, found again, set by hand, or turned off."""

from __future__ import annotations

import argparse

from pdorganizer.cli.common import UsageError, add_json_arg, add_vault_arg, open_vault, print_json
from pdorganizer.core.errors import InvalidInput


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="clean up a photographed page (find the page, flatten it, even out the light)",
        description="The original photo is always kept; the cleaned page is what the packet "
        "prints while it is on. Corners are pixels of the upright photo: top left, top right, "
        "bottom right, bottom left (any order is sorted).",
    )
    add_vault_arg(p)
    p.add_argument("page", metavar="PAGE", type=int, help="page id (see 'pages')")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--corners", metavar="X1,Y1,...,X4,Y4", help="the page's four corners")
    how.add_argument("--auto", action="store_true", help="find the page's outline again")
    how.add_argument("--off", action="store_true", help="print the photo as it is")
    how.add_argument("--on", action="store_true", help="print the cleaned page again")
    add_json_arg(p)
    p.set_defaults(func=cmd_clean)


def _corners(text: str) -> list[float]:
    try:
        values = [float(v) for v in text.replace(" ", "").split(",") if v]
    except ValueError:
        raise UsageError("--corners takes eight numbers: x1,y1,x2,y2,x3,y3,x4,y4") from None
    if len(values) != 8:
        raise UsageError("--corners takes eight numbers: x1,y1,x2,y2,x3,y3,x4,y4")
    return values


def cmd_clean(args: argparse.Namespace) -> int:
    from pdorganizer.ingest.cleaning import reclean
    from pdorganizer.vault import renditions

    corners = _corners(args.corners) if args.corners else None
    with open_vault(args) as vault:
        vault.documents.page(args.page)  # "no page N" before anything else
        if args.off or args.on:
            if not renditions.set_enabled(vault, args.page, bool(args.on)):
                raise InvalidInput("page {page} has no cleaned version", page=args.page)
        else:
            reclean(vault, args.page, corners if corners is not None else "auto")
        found = renditions.get(vault, args.page)
        page = vault.documents.page(args.page)
    cleaned = found is not None and found.enabled
    if args.json:
        print_json(
            {
                "page": args.page,
                "cleaned": cleaned,
                "corners": [list(c) for c in found.corners] if found and found.corners else None,
                "mode": found.mode if found else None,
                "width": round(page.width, 2),
                "height": round(page.height, 2),
            }
        )
    elif cleaned:
        assert found is not None
        where = (
            " corners " + " ".join(f"{x:.0f},{y:.0f}" for x, y in found.corners)
            if found.corners
            else ""
        )
        print(f"page {args.page}: cleaned ({found.mode}){where}")
    else:
        print(f"page {args.page}: printed as photographed")
    return 0
