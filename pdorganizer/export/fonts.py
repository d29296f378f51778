"""The embedded fonts (DejaVu Sans, subset by reportlab): any name, any accent."""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pdorganizer.resources_path import resource

REGULAR = "PdoSans"
BOLD = "PdoSans-Bold"


@cache
def register() -> None:
    # asciiReadable: ASCII keeps its own codes, so labels stay plain text in the stream.
    pdfmetrics.registerFont(
        TTFont(REGULAR, str(resource("fonts", "DejaVuSans.ttf")), asciiReadable=True)
    )
    pdfmetrics.registerFont(
        TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf")), asciiReadable=True)
    )
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR)


def style(
    name: str, size: float = 10.5, *, bold: bool = False, align: int = 0, leading: float = 0
) -> ParagraphStyle:
    register()
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=leading or size * 1.25,
        alignment=align,
    )


def width(text: str, size: float, *, bold: bool = False) -> float:
    register()
    return pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size)
