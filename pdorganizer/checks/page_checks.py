"""Checks of what the pages will look like in the packet: resolution, blank backs, size."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

from pdorganizer.checks.context import Context, PageInfo
from pdorganizer.checks.finding import Finding
from pdorganizer.checks.texts import format_runs
from pdorganizer.export.layout import Geometry, place

MIN_DPI = 150
MB = 1024 * 1024  # as the export counts
# Same limits as the export's (export.service.DEFAULT_LIMIT_MB; a test keeps them equal).
PROFILE_LIMIT_MB = {"eoir": 25.0, "opla": 25.0, "uscis": 12.0}
# "compact" fits images at about 200 DPI, JPEG quality 80: a letter page comes out at
# about this many bytes at most, whatever the original weighed.
COMPACT_PAGE_BYTES = 900_000
# A thumbnail pixel darker than INK counts as ink; a page with less than BLANK_INK of
# them is blank (scanner noise and faint bleed-through stay lighter).
INK = 160
BLANK_INK = 0.002


def printed_dpi(ctx: Context, info: PageInfo) -> float | None:
    """The resolution an image page prints at once fitted on the packet page."""
    if info.pixels is None:
        return None
    geometry = Geometry.named(ctx.options.page_size)
    placed = place(geometry, info.page.width, info.page.height, info.page.rotation)
    long_in = max(placed.width, placed.height) / 72.0
    short_in = min(placed.width, placed.height) / 72.0
    px_long, px_short = max(info.pixels), min(info.pixels)
    if long_in <= 0 or short_in <= 0:
        return None
    return min(px_long / long_in, px_short / short_in)


def low_resolution(ctx: Context) -> Iterator[Finding]:
    """One finding per document, naming its low pages and the lowest resolution."""
    for doc in ctx.documents:
        low = {}
        for n, info in enumerate(ctx.data.pages.get(doc.id, []), start=1):
            dpi = printed_dpi(ctx, info)
            if dpi is not None and dpi < MIN_DPI:
                low[n] = dpi
        if low:
            yield ctx.finding(
                "low-resolution",
                "warning",
                documents=[doc.id],
                title=doc.title,
                pages=format_runs(list(low)),
                count=len(low),  # picks "Page 3" or "Pages 2-4"
                dpi=int(min(low.values())),
            )


def ink_share(thumbnail: bytes) -> float | None:
    """The share of a page's thumbnail that is ink; None when it cannot be read."""
    from PIL import Image

    try:
        with Image.open(BytesIO(thumbnail)) as im:
            gray = im.convert("L")
            hist = gray.histogram()
    except Exception:  # a thumbnail that does not decode says nothing about the page
        return None
    total = sum(hist)
    return sum(hist[:INK]) / total if total else None


def blank_page(ctx: Context) -> Iterator[Finding]:
    for doc in ctx.documents:
        blank = []
        for n, info in enumerate(ctx.data.pages.get(doc.id, []), start=1):
            share = ink_share(info.thumbnail) if info.thumbnail else None
            if share is not None and share < BLANK_INK:
                blank.append(n)
        if blank:
            yield ctx.finding(
                "blank-page",
                "warning",
                documents=[doc.id],
                title=doc.title,
                pages=format_runs(blank),
                count=len(blank),
            )


def estimated_bytes(ctx: Context, doc_ids: list[int]) -> int:
    """About how many bytes these documents take in the packet: each original file once
    (shared by its pages), images capped per page in compact quality."""
    total = 0
    seen: set[int] = set()
    for doc_id in doc_ids:
        for info in ctx.data.pages.get(doc_id, []):
            share = info.source_size / max(info.source_pages, 1)
            if info.mime.startswith("image/") and ctx.options.quality == "compact":
                total += int(min(share, COMPACT_PAGE_BYTES))
            elif info.page.source_id not in seen or info.source_pages > 1:
                total += int(share if info.source_pages > 1 else info.source_size)
            seen.add(info.page.source_id)
    return total


def oversize_exhibit(ctx: Context) -> Iterator[Finding]:
    limit_mb = ctx.options.max_part_mb or PROFILE_LIMIT_MB.get(ctx.options.profile, 25.0)
    for exhibit in ctx.data.exhibits:
        size = estimated_bytes(ctx, exhibit.document_ids)
        if size > limit_mb * MB:
            yield ctx.finding(
                "oversize-exhibit",
                "warning",
                documents=list(exhibit.document_ids),
                letter=exhibit.letter,
                size=f"{size / MB:.0f}",
                limit=f"{limit_mb:g}",
            )
