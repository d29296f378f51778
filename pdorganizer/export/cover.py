"""The cover page, per destination: immigration court (eoir), OPLA PD request, USCIS.

Follows the ICPM Appendix F layout for court filings: filer block top left, DETAINED top
right when detained, court, caption (In the Matter of, A-number, proceeding), judge and
next hearing, then the title of the filing."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from pdorganizer.core.anumber import format_a_number
from pdorganizer.core.kinds import requested_pd_label
from pdorganizer.core.models import Case
from pdorganizer.export import fonts

PROFILES = ("eoir", "opla", "uscis")
DEFAULT_TITLES = {
    "eoir": "Respondent's Evidence in Support of Request for Prosecutorial Discretion",
    "opla": "Request for Prosecutorial Discretion: Supporting Evidence",
    "uscis": "Supporting Evidence",
}
MARGIN = 72.0


def para_text(text: str) -> str:
    """User text made safe for reportlab's paragraph markup; newlines kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def _draw(c: Canvas, text: str, x: float, top: float, width: float, st) -> float:
    """Draw a paragraph with its top at `top`; return the y below it."""
    p = Paragraph(text, st)
    _, h = p.wrap(width, 10_000)
    p.drawOn(c, x, top - h)
    return top - h


def _filer_block(case: Case) -> str:
    lines = [case.filer_name or "", case.filer_address or ""]
    if case.filer_phone:
        lines.append(f"Tel. {case.filer_phone}")
    if case.filer_email:
        lines.append(case.filer_email)
    if case.filer_eoir_id:
        lines.append(f"EOIR ID: {case.filer_eoir_id}")
    return "<br/>".join(para_text(x) for x in lines if x.strip())


def draw_cover(c: Canvas, case: Case, profile: str, title: str, w: float, h: float) -> None:
    body = fonts.style("cover-body", 11)
    center = fonts.style("cover-center", 12, bold=True, align=TA_CENTER)
    big = fonts.style("cover-title", 15, bold=True, align=TA_CENTER, leading=20)
    inner = w - 2 * MARGIN
    y = h - MARGIN
    filer = _filer_block(case)
    if filer:
        y = _draw(c, filer, MARGIN, y, inner * 0.6, body)
    if case.detained:
        c.setFont(fonts.BOLD, 13)
        c.drawRightString(w - MARGIN, h - MARGIN - 12, "DETAINED")
    y -= 36
    if profile == "eoir":
        heading = (
            "UNITED STATES DEPARTMENT OF JUSTICE<br/>EXECUTIVE OFFICE FOR IMMIGRATION REVIEW"
            "<br/>IMMIGRATION COURT"
        )
        place = ", ".join(x for x in (case.court_city, case.court_state) if x)
        if place:
            heading += "<br/>" + escape(place.upper())
    elif profile == "opla":
        office = case.opla_office or "[OPLA field location]"
        heading = (
            "U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT<br/>OFFICE OF THE PRINCIPAL LEGAL "
            f"ADVISOR<br/>{escape(office.upper())}"
        )
    else:
        heading = "U.S. CITIZENSHIP AND IMMIGRATION SERVICES"
    y = _draw(c, heading, MARGIN, y, inner, center) - 30
    y = _caption(c, case, profile, y, inner, body) - 40
    y = _draw(c, para_text(title).upper(), MARGIN, y, inner, big)
    relief = relief_requested(case)
    if relief:
        _draw(c, f"Relief requested: {para_text(relief)}", MARGIN, y - 14, inner, center)


def relief_requested(case: Case) -> str:
    """The kind of PD the case asks for, in English ("" when not chosen)."""
    if not case.requested_pd:
        return ""
    return requested_pd_label(case.requested_pd, "en", case.requested_pd_other)


def _caption(c: Canvas, case: Case, profile: str, top: float, inner: float, body) -> float:
    left_w = inner * 0.58
    who = "Applicant" if profile == "uscis" else "Respondent"
    left = [
        f"<b>In the Matter of:</b><br/>{para_text(case.name)}",
        f"<b>{who}.</b>",
    ]
    if profile != "uscis" and case.in_proceedings:
        left.append("In Removal Proceedings")
    right = [f"<b>File No.:</b> {escape(format_a_number(case.a_number))}"]
    if profile == "uscis":
        if case.date_of_birth:
            right.append(f"<b>Date of birth:</b> {escape(case.date_of_birth)}")
        if case.country:
            right.append(f"<b>Country of birth:</b> {escape(case.country)}")
    else:
        right.append(f"<b>Immigration Judge:</b> {escape(case.judge or '')}")
        hearing = case.next_hearing_date or ""
        if case.next_hearing_type:
            hearing += f" ({case.next_hearing_type})" if hearing else case.next_hearing_type
        right.append(f"<b>Next hearing:</b> {escape(hearing)}")
    y_left = top
    for text in left:
        y_left = _draw(c, text, MARGIN, y_left, left_w - 12, body) - 8
    y_right = top
    for text in right:
        y_right = _draw(c, text, MARGIN + left_w + 12, y_right, inner - left_w - 12, body) - 8
    bottom = min(y_left, y_right)
    c.setLineWidth(0.8)
    c.line(MARGIN + left_w, top + 4, MARGIN + left_w, bottom)  # the caption's divider
    c.line(MARGIN, bottom, MARGIN + left_w, bottom)
    return bottom
