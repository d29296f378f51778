"""The request letter's pages in the packet: laid out line by line, so the place of every
citation on the page is known and becomes a link to the cited page.

The layout depends on the page labels (a citation's text is "Ex. C at 14-16") and the
labels depend on how many pages the letter takes, so the export lays out until both are
stable (see `service._layout`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from pdorganizer.export import fonts
from pdorganizer.export.cover import MARGIN
from pdorganizer.export.plan import CaseData, PlannedPage
from pdorganizer.export.stamping import LabelStyle
from pdorganizer.request.markup import Block, parse
from pdorganizer.request.tokens import DocPlace, PageMap, resolve

BODY_SIZE = 11.0
SIZES = {"h1": 14.0, "h2": 12.0, "p": BODY_SIZE}
LEADING = 1.35
BOTTOM = 64.0  # lowest baseline (the label band sits below)
ITALIC_SKEW = 12.0  # degrees: the embedded fonts have no italic face, so it is slanted
_WORDS = re.compile(r"\S+|\s+")


@dataclass
class Piece:
    text: str
    bold: bool
    italic: bool
    width: float
    target: int | None = None  # packet page index of a citation's link
    cite: bool = False
    broken: bool = False


@dataclass
class TextOp:
    x: float
    y: float
    text: str
    font: str
    size: float
    italic: bool
    broken: bool = False


@dataclass
class LetterPage:
    ops: list[TextOp] = field(default_factory=list)
    links: list[tuple[float, float, float, float, tuple[str, int]]] = field(default_factory=list)


@dataclass
class LetterLayout:
    pages: list[LetterPage]


def place_map(data: CaseData, pages: list[PlannedPage], style: LabelStyle) -> PageMap:
    """Where each document of the packet sits: its exhibit letter and page labels."""
    places: PageMap = {}
    for page in pages:
        if page.kind != "doc" or page.doc is None or page.exhibit is None:
            continue
        entry = data.exhibits[page.exhibit]
        place = places.get(page.doc.doc.id)
        if place is None:
            place = DocPlace(
                entry.exhibit.letter,
                [],
                [],
                whole=len(entry.docs) == 1,
                slip=entry.first,
                range_sep=" - " if style.style == "bates" else "-",
            )
            places[page.doc.doc.id] = place
        assert page.number is not None
        place.labels.append(style.viewer_label(page.number))
        place.targets.append(page.index)
    return places


def _font(bold: bool) -> str:
    return fonts.BOLD if bold else fonts.REGULAR


def _pieces(block: Block, places: PageMap, size: float) -> list[Piece | None]:
    """The block as unbreakable pieces; None is a forced line break."""
    out: list[Piece | None] = []
    heading = block.kind != "p"
    for run in block.runs:
        if run.newline:
            out.append(None)
            continue
        bold = run.bold or heading
        if run.cite is not None:
            r = resolve(run.cite, places)
            width = pdfmetrics.stringWidth(r.text, _font(bold), size)
            out.append(Piece(r.text, bold, run.italic, width, r.target, True, r.broken))
            continue
        for word in _WORDS.findall(run.text):
            width = pdfmetrics.stringWidth(word, _font(bold), size)
            out.append(Piece(word, bold, run.italic, width))
    return out


def _split_long(piece: Piece, room: float, size: float) -> list[Piece]:
    """A word wider than the line (a long URL) is cut into pieces that fit."""
    parts: list[Piece] = []
    current = ""
    for ch in piece.text:
        w = pdfmetrics.stringWidth(current + ch, _font(piece.bold), size)
        if current and w > room:
            parts.append(Piece(current, piece.bold, piece.italic, 0.0, piece.target, piece.cite))
            current = ch
        else:
            current += ch
    parts.append(Piece(current, piece.bold, piece.italic, 0.0, piece.target, piece.cite))
    for p in parts:
        p.width = pdfmetrics.stringWidth(p.text, _font(p.bold), size)
        p.broken = piece.broken
    return parts


def _lines(pieces: list[Piece | None], room: float, size: float) -> list[list[Piece]]:
    lines: list[list[Piece]] = [[]]
    used = 0.0
    for piece in pieces:
        if piece is None:
            lines.append([])
            used = 0.0
            continue
        blank = not piece.text.strip()
        if blank and not lines[-1]:
            continue  # no leading space on a line
        chunks = [piece] if piece.width <= room else _split_long(piece, room, size)
        for chunk in chunks:
            if used + chunk.width > room and lines[-1] and not blank:
                lines.append([])
                used = 0.0
            if blank and used + chunk.width > room:
                continue
            lines[-1].append(chunk)
            used += chunk.width
    for line in lines:
        while line and not line[-1].text.strip():
            line.pop()
    return lines


def lay_out(text: str, places: PageMap, width: float, height: float) -> LetterLayout:
    fonts.register()
    room = width - 2 * MARGIN
    pages = [LetterPage()]
    y = height - MARGIN
    blocks = parse(text)
    for n, block in enumerate(blocks):
        size = SIZES[block.kind]
        leading = size * LEADING
        lines = _lines(_pieces(block, places, size), room, size)
        if block.kind != "p":
            y -= 6
            # A heading never sits alone at the foot of a page.
            need = leading * 3 if n + 1 < len(blocks) else leading
            if y - need < BOTTOM and pages[-1].ops:
                pages.append(LetterPage())
                y = height - MARGIN
        for line in lines:
            if y - size < BOTTOM:
                pages.append(LetterPage())
                y = height - MARGIN
            y -= size
            _place_line(pages[-1], line, MARGIN, y, size)
            y -= leading - size
        y -= size * 0.6
    return LetterLayout(pages)


def _place_line(page: LetterPage, line: list[Piece], x: float, y: float, size: float) -> None:
    run: list[Piece] = []

    def flush(at: float) -> float:
        if not run:
            return at
        text = "".join(p.text for p in run)
        page.ops.append(TextOp(at, y, text, _font(run[0].bold), size, run[0].italic))
        at += sum(p.width for p in run)
        run.clear()
        return at

    for piece in line:
        if piece.cite:
            x = flush(x)
            page.ops.append(
                TextOp(x, y, piece.text, _font(piece.bold), size, piece.italic, piece.broken)
            )
            if piece.target is not None:
                rect = (x - 1, y - size * 0.25, x + piece.width + 1, y + size * 0.9)
                page.links.append((*rect, ("page", piece.target)))
            x += piece.width
        elif run and (run[0].bold, run[0].italic) != (piece.bold, piece.italic):
            x = flush(x)
            run.append(piece)
        else:
            run.append(piece)
    flush(x)


def draw(c: Canvas, page: LetterPage) -> list:
    """Draw one letter page; returns its link rectangles for the assembly."""
    for op in page.ops:
        c.setFont(op.font, op.size)
        if op.broken:
            c.setFillColorRGB(0.75, 0, 0)
        if op.italic:
            c.saveState()
            c.translate(op.x, op.y)
            c.skew(0, ITALIC_SKEW)
            c.drawString(0, 0, op.text)
            c.restoreState()
        else:
            c.drawString(op.x, op.y, op.text)
        if op.broken:
            c.setFillColorRGB(0, 0, 0)
    return list(page.links)
