"""The drawn layer of the packet, one page per output page, in reportlab documents of a
few hundred pages each (export/layerpages.py: one document for a 3,000-page packet would
be held in memory whole).

Generated pages (cover, index, slip sheets, certificates, manifest) are drawn in full;
for a page of evidence only its label is drawn here and the evidence is put underneath
during assembly. Fonts are embedded subsets of DejaVu Sans, so text is real, selectable
and any name prints."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from pdorganizer.core.models import Case
from pdorganizer.export import fonts
from pdorganizer.export.cover import MARGIN, draw_cover, para_text
from pdorganizer.export.flow import Row, Table, clip, draw_table_page
from pdorganizer.export.layout import LABEL_BASELINE, LABEL_FONT_SIZE, Geometry
from pdorganizer.export.letterpages import LetterLayout
from pdorganizer.export.letterpages import draw as draw_letter
from pdorganizer.export.plan import CaseData, DocEntry, PlannedPage
from pdorganizer.timeline.drawing import Drawing
from pdorganizer.timeline.render import draw_packet_page

BLANK = "____________________________"


@dataclass
class TextLayer:
    pdf: bytes
    links: dict[int, list[tuple[float, float, float, float, int]]] = field(default_factory=dict)


@dataclass
class TextContent:
    """Everything the generated pages need besides the plan."""

    data: CaseData
    profile: str
    title: str
    label_position: str
    index_pages: list[list[Row]]
    index_table: Table
    manifest_pages: list[list[Row]]
    manifest_table: Table | None
    ranges: dict[int, str]
    letter: LetterLayout | None = None  # the request letter, laid out
    timeline: Drawing | None = None  # the dated evidence year by year (export --timeline)


def render(
    pages: list[PlannedPage],
    content: TextContent,
    geometry: Geometry,
    start: int = 0,
    stop: int | None = None,
) -> TextLayer:
    """The drawn layer of pages[start:stop], one PDF page each; links keyed by the page's
    index in `pages`. Streams are Flate only: reportlab's default ASCII85 on top makes
    them a quarter larger and costs time to encode and to read back."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        return _render(pages, content, geometry, start, stop)
    finally:
        rl_config.useA85 = saved


def _render(
    pages: list[PlannedPage], content: TextContent, geometry: Geometry, start: int, stop: int | None
) -> TextLayer:
    fonts.register()
    out = io.BytesIO()
    w, h = geometry.width, geometry.height
    c = Canvas(
        out,
        pagesize=(w, h),
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
    )
    layer = TextLayer(b"")
    stop = len(pages) if stop is None else stop
    for index in range(start, stop):
        page = pages[index]
        if page.kind == "cover":
            draw_cover(c, content.data.case, content.profile, content.title, w, h)
        elif page.kind == "letter" and content.letter is not None:
            if page.chunk < len(content.letter.pages):
                layer.links[index] = draw_letter(c, content.letter.pages[page.chunk])
        elif page.kind == "index":
            layer.links[index] = draw_table_page(
                c, content.index_table, content.index_pages[page.chunk], page.chunk, w, h
            )
        elif page.kind == "timeline" and content.timeline is not None:
            draw_packet_page(c, content.timeline, w, h, MARGIN)
        elif page.kind == "manifest" and content.manifest_table is not None:
            draw_table_page(
                c, content.manifest_table, content.manifest_pages[page.chunk], page.chunk, w, h
            )
        elif page.kind == "slip":
            assert page.exhibit is not None
            _slip(c, content, page.exhibit, w, h)
        elif page.kind == "cert":
            assert page.doc is not None and page.exhibit is not None
            _translation_certificate(c, content, page.doc, page.exhibit, w, h)
        elif page.kind == "service":
            _service_certificate(c, content.data.case, content.profile, content.title, w, h)
        if page.number is not None:
            _label(c, page.label, content.label_position, w)
        c.showPage()
    c.save()
    layer.pdf = out.getvalue()
    return layer


def _label(c: Canvas, text: str, position: str, w: float) -> None:
    # Drawn last on every page: verification reads the last string shown.
    c.setFont(fonts.REGULAR, LABEL_FONT_SIZE)
    c.setFillColorRGB(0, 0, 0)
    if position == "left":
        c.drawString(MARGIN * 0.75, LABEL_BASELINE, text)
    elif position == "right":
        c.drawRightString(w - MARGIN * 0.75, LABEL_BASELINE, text)
    else:
        c.drawCentredString(w / 2, LABEL_BASELINE, text)


def _para(c: Canvas, text: str, top: float, w: float, style, x: float = MARGIN) -> float:
    p = Paragraph(text, style)
    _, ph = p.wrap(w - x - MARGIN, 10_000)
    p.drawOn(c, x, top - ph)
    return top - ph


def _slip(c: Canvas, content: TextContent, ex_index: int, w: float, h: float) -> None:
    entry = content.data.exhibits[ex_index]
    c.setFont(fonts.BOLD, 40)
    c.drawCentredString(w / 2, h * 0.58, f"EXHIBIT {entry.exhibit.letter}")
    y = h * 0.58 - 30
    desc = fonts.style("slip-desc", 14, align=TA_CENTER, leading=18)
    y = _para(c, para_text(clip(entry.exhibit.description, 1200)), y, w, desc)
    if entry.factor_labels:
        small = fonts.style("slip-factors", 10, align=TA_CENTER)
        _para(c, escape("; ".join(entry.factor_labels)), y - 14, w, small)


def _translation_certificate(
    c: Canvas, content: TextContent, doc: DocEntry, ex_index: int, w: float, h: float
) -> None:
    info = doc.translation
    assert info is not None
    letter = content.data.exhibits[ex_index].exhibit.letter
    body = fonts.style("cert-body", 11, leading=16)
    c.setFont(fonts.BOLD, 14)
    c.drawCentredString(w / 2, h - MARGIN - 14, "CERTIFICATE OF TRANSLATION")
    name = escape(info.translator_name) or BLANK
    source_lang = escape(info.from_language or doc.doc.language) or "____________"
    target_lang = escape(info.to_language or "English")
    covers = escape(doc.original_title or doc.doc.title)
    text = (
        f"I, {name}, certify that I am competent to translate from {source_lang} into "
        f"{target_lang}, and that the {target_lang} translation of the document listed "
        "below is true and accurate to the best of my knowledge and ability."
    )
    y = _para(c, text, h - MARGIN - 50, w, body) - 18
    y = _para(c, f"<b>Document translated:</b> {covers} (Exhibit {escape(letter)})", y, w, body)
    y = _para(c, f"<b>Translation:</b> {escape(doc.doc.title)}", y - 6, w, body) - 40
    lines = [
        ("Signature", ""),
        ("Printed name", info.translator_name),
        ("Address", info.translator_address),
        ("Telephone", info.translator_phone),
        ("Date", ""),
    ]
    _signature_block(c, lines, y, w)


def _signature_block(c: Canvas, lines: list[tuple[str, str]], y: float, w: float) -> None:
    body = fonts.style("sig-body", 11, leading=15)
    for label, value in lines:
        if value.strip():
            y = _para(c, f"<b>{label}:</b> {para_text(value)}", y, w, body) - 14
        else:
            c.setFont(fonts.BOLD, 11)
            c.drawString(MARGIN, y - 11, f"{label}:")
            c.setLineWidth(0.6)
            c.line(MARGIN + 90, y - 12, w - MARGIN - 60, y - 12)
            y -= 11 + 24


def _service_certificate(c: Canvas, case: Case, profile: str, title: str, w: float, h: float):
    body = fonts.style("svc-body", 11, leading=16)
    c.setFont(fonts.BOLD, 14)
    c.drawCentredString(w / 2, h - MARGIN - 14, "CERTIFICATE OF SERVICE")
    office = case.opla_office or "____________________"
    if profile == "uscis":
        recipient = "U.S. Citizenship and Immigration Services"
    else:
        recipient = (
            "the Department of Homeland Security, U.S. Immigration and Customs Enforcement, "
            f"Office of the Principal Legal Advisor, {escape(office)}"
        )
    filer = escape(case.filer_name) or BLANK
    text = (
        f"On {BLANK}, I, {filer}, served a copy of this {escape(title)} and all attached "
        f"pages on {recipient}, at the following address: {BLANK}{BLANK}, by "
        "[ ] first-class mail  [ ] personal delivery  [ ] electronic filing (ECAS)  "
        "[ ] e-mail."
    )
    y = _para(c, text, h - MARGIN - 50, w, body) - 40
    _signature_block(c, [("Signature", ""), ("Printed name", case.filer_name), ("Date", "")], y, w)
