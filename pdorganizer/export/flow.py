"""Tables that flow over several pages: the index of exhibits and the manifest page.

Rows are measured with reportlab paragraphs, so the page count is known before anything
is drawn (the page numbers in the index depend on how many index pages there are)."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pdorganizer.core.anumber import format_a_number
from pdorganizer.core.titles import clip_words
from pdorganizer.export import fonts
from pdorganizer.export.cover import MARGIN, para_text, relief_requested
from pdorganizer.export.plan import CaseData

TOP_HEADER = 74.0  # title, subtitle and column headings
BOTTOM = 72.0  # lowest y a row may reach (the label band is far below)
PAD = 4.0


@dataclass
class Cell:
    """Text and style, not a Paragraph: a wrapped Paragraph holds its broken lines (tens
    of KB), and an index of a thousand exhibits would keep them all for the whole export.
    The paragraph is made again when its page is drawn."""

    text: str
    style: ParagraphStyle
    width: float
    height: float = 0.0

    def para(self) -> Paragraph:
        return Paragraph(self.text, self.style)


@dataclass
class Row:
    cells: list[Cell]
    heading: bool = False
    exhibit: int | None = None  # the exhibit a click on this row goes to
    height: float = 0.0


@dataclass
class Table:
    title: str
    subtitle: str
    columns: list[tuple[str, float]]  # heading, width
    rows: list[Row] = field(default_factory=list)

    def paginate(self, page_height: float) -> list[list[Row]]:
        room = page_height - MARGIN - TOP_HEADER - BOTTOM
        pages: list[list[Row]] = [[]]
        used = 0.0
        for i, row in enumerate(self.rows):
            need = row.height
            # A heading never sits alone at the bottom of a page.
            if row.heading and i + 1 < len(self.rows):
                need += self.rows[i + 1].height
            if pages[-1] and used + need > room:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += row.height
        return pages


def clip(text: str, limit: int) -> str:
    """A description short enough that its row always fits on a page."""
    return clip_words(text, limit)


# Heights already measured, per (text, style, width): the layout measures the index again
# each round and only the page-range column changes. One per export (it holds case text).
Heights = dict[tuple[str, str, float, float], float]


def _measure(row: Row, heights: Heights | None = None) -> Row:
    for cell in row.cells:
        key = (cell.text, cell.style.name, cell.style.fontSize, cell.width)
        if heights is not None and key in heights:
            cell.height = heights[key]
            continue
        _, cell.height = cell.para().wrap(cell.width - 2 * PAD, 10_000)
        if heights is not None:
            heights[key] = cell.height
    row.height = max(c.height for c in row.cells) + 2 * PAD
    return row


def index_table(
    data: CaseData,
    inner: float,
    ranges: dict[int, str],
    grouped: bool,
    heights: Heights | None = None,
) -> Table:
    body = fonts.style("idx-body", 9.5)
    head = fonts.style("idx-head", 10.5, bold=True)
    # The page-range column fits its longest range on one line (Bates ranges are long).
    longest = max((fonts.width(r, 9.5) for r in ranges.values()), default=0.0)
    range_w = min(max(70.0, longest + 2 * PAD + 2), 150.0)
    widths = [52.0, 0.0, 118.0, range_w]
    widths[1] = inner - sum(widths)
    subtitle = data.case.name
    if data.case.a_number:
        subtitle += f", {format_a_number(data.case.a_number)}"
    if relief_requested(data.case):
        subtitle += f"; relief requested: {relief_requested(data.case)}"
    table = Table(
        "INDEX OF EXHIBITS",
        subtitle,
        list(zip(("Exhibit", "Description", "Factor(s)", "Pages"), widths, strict=True)),
    )
    group = None
    for i, entry in enumerate(data.exhibits):
        if grouped and entry.group != group:
            group = entry.group
            heading = Row([Cell(escape(group), head, inner)], heading=True)
            table.rows.append(_measure(heading, heights))
        texts = [
            escape(entry.exhibit.letter),
            para_text(clip(entry.exhibit.description, 400)),
            escape("; ".join(entry.factor_labels)) or "-",
            escape(ranges.get(i, "")),
        ]
        cells = [Cell(t, body, w) for t, w in zip(texts, widths, strict=True)]
        table.rows.append(_measure(Row(cells, exhibit=i), heights))
    return table


def manifest_table(data: CaseData, inner: float) -> Table:
    body = fonts.style("man-body", 9)
    mono = fonts.style("man-hash", 6.8)
    widths = [44.0, 0.0, 300.0]
    widths[1] = inner - sum(widths)
    table = Table(
        "MANIFEST OF SOURCE FILES",
        "SHA-256 of each original file as kept in the vault. A file cannot hold its own "
        "hash: pdorganizer shows the SHA-256 of this PDF when the export finishes.",
        list(zip(("Exhibit", "Document", "SHA-256 of the original file(s)"), widths, strict=True)),
    )
    for entry in data.exhibits:
        for doc in entry.docs:
            hashes = []
            for page in doc.pages:
                digest = data.sources[page.source_id].sha256
                if digest not in hashes:
                    hashes.append(digest)
            texts = [
                (escape(entry.exhibit.letter), body),
                (f"{para_text(doc.doc.title)} ({len(doc.pages)} p.)", body),
                ("<br/>".join(hashes), mono),
            ]
            cells = [Cell(t, st, w) for (t, st), w in zip(texts, widths, strict=True)]
            table.rows.append(_measure(Row(cells)))
    return table


def draw_table_page(c, table: Table, rows: list[Row], page_no: int, w: float, h: float):
    """Draw one page of `table`; returns [(x0, y0, x1, y1, exhibit)] for row links."""
    c.setFont(fonts.BOLD, 14)
    title = table.title + (" (continued)" if page_no else "")
    c.drawCentredString(w / 2, h - MARGIN - 14, title)
    sub = Paragraph(para_text(table.subtitle), fonts.style("tbl-sub", 9, align=1))
    _, sh = sub.wrap(w - 2 * MARGIN, 40)
    sub.drawOn(c, MARGIN, h - MARGIN - 22 - sh)
    y = h - MARGIN - TOP_HEADER + 16
    x = MARGIN
    c.setFont(fonts.BOLD, 9.5)
    for heading, width in table.columns:
        c.drawString(x + PAD, y + 2, heading)
        x += width
    c.setLineWidth(0.8)
    c.line(MARGIN, y - 2, w - MARGIN, y - 2)
    y -= 2
    links = []
    c.setLineWidth(0.3)
    for row in rows:
        x = MARGIN
        for cell in row.cells:
            para = cell.para()
            para.wrap(cell.width - 2 * PAD, 10_000)
            para.drawOn(c, x + PAD, y - PAD - cell.height)
            x += cell.width
        if row.exhibit is not None:
            links.append((MARGIN, y - row.height, w - MARGIN, y, row.exhibit))
        y -= row.height
        if not row.heading:
            c.line(MARGIN, y, w - MARGIN, y)
    return links
