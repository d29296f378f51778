"""Lay the timeline out as simple shapes in points (origin top left, y down), so the PNG
and the PDF (and the GUI, through the PNG) draw the same picture."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from PIL import ImageFont

from pdorganizer.checks import texts
from pdorganizer.resources_path import resource
from pdorganizer.timeline.data import Mark, Timeline

WIDTH = 792.0  # a landscape letter page
MARGIN = 28.0
LABEL_W = 190.0
ROW_H = 26.0
TITLE_H = 34.0
AXIS_H = 22.0
MARK_R = 4.2

INK = (20, 20, 20)
GRID = (200, 200, 200)
STRIPE = (244, 244, 244)
GAP = (253, 219, 199)  # soft orange: visible in grey print too
MARK = (32, 86, 160)
EARLIER = (120, 140, 175)  # a document from before the years shown
ENTRY = (170, 30, 30)


@dataclass
class Shape:
    op: str  # rect | line | text | circle
    x: float
    y: float
    w: float = 0.0  # rect: width; line: x2; circle: radius
    h: float = 0.0  # rect: height; line: y2
    color: tuple[int, int, int] = INK
    text: str = ""
    size: float = 9.0
    bold: bool = False
    anchor: str = "left"  # text: left | center | right
    dash: bool = False
    width: float = 1.0  # line width


@dataclass
class Hit:
    """Where a document's mark is, so a click can open it."""

    document_id: int
    x: float
    y: float
    w: float
    h: float


@dataclass
class Drawing:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)


@cache
def font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), size=max(1, round(size * 10)))


def text_width(text: str, size: float, bold: bool = False) -> float:
    return font(size, bold).getlength(text) / 10.0


def fit_text(text: str, size: float, room: float, bold: bool = False) -> str:
    if text_width(text, size, bold) <= room:
        return text
    while text and text_width(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def lay_out(timeline: Timeline, lang: str = "en") -> Drawing:
    rows = timeline.rows
    body_h = max(len(rows), 1) * ROW_H
    legend_y = MARGIN + TITLE_H + AXIS_H + body_h + 30
    height = legend_y + 48 + MARGIN
    d = Drawing(WIDTH, height)
    add = d.shapes.append
    title = texts.timeline_text("title", lang, name=timeline.name)
    add(
        Shape(
            "text",
            MARGIN,
            MARGIN,
            text=fit_text(title, 14, WIDTH - 2 * MARGIN, True),
            size=14,
            bold=True,
        )
    )
    as_of = texts.timeline_text("as_of", lang, date=timeline.as_of.isoformat())
    add(Shape("text", WIDTH - MARGIN, MARGIN + 3, text=as_of, size=9, anchor="right"))

    x0, x1 = MARGIN + LABEL_W, WIDTH - MARGIN
    top = MARGIN + TITLE_H + AXIS_H
    years = list(range(timeline.first_year, timeline.last_year + 1))
    year_w = (x1 - x0) / len(years)

    def x_of(day: dt.date) -> float:
        start = dt.date(day.year, 1, 1)
        span = (dt.date(day.year + 1, 1, 1) - start).days
        return x0 + (day.year - timeline.first_year + (day - start).days / span) * year_w

    for i in range(len(rows)):
        if i % 2 == 0:
            add(Shape("rect", MARGIN, top + i * ROW_H, WIDTH - 2 * MARGIN, ROW_H, STRIPE))
    for year in timeline.gap_years:
        if timeline.first_year <= year <= timeline.last_year:
            gx = x0 + (year - timeline.first_year) * year_w
            add(Shape("rect", gx, top, year_w, body_h, GAP))
    step = max(1, round(len(years) / 16 + 0.49))  # keep year labels from touching
    for i, year in enumerate(years):
        gx = x0 + i * year_w
        add(Shape("line", gx, top - 4, gx, top + body_h, GRID, width=0.6))
        if i % step == 0:
            add(
                Shape(
                    "text",
                    gx + year_w / 2,
                    top - AXIS_H + 4,
                    text=str(year),
                    size=8.5,
                    anchor="center",
                )
            )
    add(Shape("line", x1, top - 4, x1, top + body_h, GRID, width=0.6))

    for i, row in enumerate(rows):
        cy = top + i * ROW_H + ROW_H / 2
        label = fit_text(row.label, 9, LABEL_W - 10)
        add(Shape("text", MARGIN + 4, cy - 6, text=label, size=9))
        for mark in row.marks:
            _add_mark(d, mark, cy, x_of, year_w, timeline.first_year)
    if not rows:
        add(
            Shape(
                "text", x0 + 8, top + ROW_H / 2 - 6, text=texts.timeline_text("empty", lang), size=9
            )
        )

    entry = timeline.entry
    if entry is not None:
        ex = x_of(entry)
        add(Shape("line", ex, top - 8, ex, top + body_h + 4, ENTRY, dash=True, width=1.4))
        label = texts.timeline_text("entry", lang, date=timeline.entry_date)
        anchor = "left" if ex < (x0 + x1) / 2 else "right"
        add(
            Shape(
                "text",
                ex + (3 if anchor == "left" else -3),
                top + body_h + 4,
                text=label,
                size=8,
                color=ENTRY,
                anchor=anchor,
            )
        )

    _legend(d, legend_y, lang, len(timeline.undated))
    return d


def _add_mark(
    d: Drawing,
    mark: Mark,
    cy: float,
    x_of: Callable[[dt.date], float],
    year_w: float,
    first_year: int,
) -> None:
    if mark.end < dt.date(first_year, 1, 1):  # before the timeline: at its left edge
        cx = x_of(dt.date(first_year, 1, 1)) + MARK_R + 1
        d.shapes.append(Shape("circle", cx, cy, MARK_R, color=EARLIER))
        d.shapes.append(Shape("text", cx + MARK_R + 2, cy - 5, text=f"{mark.start.year}", size=7))
        d.hits.append(Hit(mark.document_id, cx - 6, cy - 6, 12, 12))
        return
    if mark.precision == "year":
        left = x_of(mark.start) + 2
        width = max(year_w - 4, 3)
        d.shapes.append(Shape("rect", left, cy - 2.5, width, 5, MARK))
        d.hits.append(Hit(mark.document_id, left, cy - 6, width, 12))
    else:
        middle = mark.start + (mark.end - mark.start) / 2
        cx = x_of(middle)
        d.shapes.append(Shape("circle", cx, cy, MARK_R, color=MARK))
        d.hits.append(Hit(mark.document_id, cx - 6, cy - 6, 12, 12))


def _legend(d: Drawing, y: float, lang: str, undated: int) -> None:
    add = d.shapes.append
    x = MARGIN + 4
    items = (
        ("circle", texts.timeline_text("legend_mark", lang)),
        ("bar", texts.timeline_text("legend_year", lang)),
        ("gap", texts.timeline_text("legend_gap", lang)),
        ("entry", texts.timeline_text("legend_entry", lang)),
    )
    for what, label in items:
        if what == "circle":
            add(Shape("circle", x + 5, y + 6, MARK_R, color=MARK))
        elif what == "bar":
            add(Shape("rect", x, y + 3.5, 12, 5, MARK))
        elif what == "gap":
            add(Shape("rect", x, y, 12, 12, GAP))
        else:
            add(Shape("line", x + 6, y - 1, x + 6, y + 13, ENTRY, dash=True, width=1.4))
        add(Shape("text", x + 17, y, text=label, size=8.5))
        x += 17 + text_width(label, 8.5) + 18
    if undated:
        note = texts.timeline_text("undated", lang, count=undated)
        add(Shape("text", MARGIN + 4, y + 22, text=note, size=8.5))
