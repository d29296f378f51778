"""Write the timeline drawing as PNG (Pillow) or PDF (reportlab), in memory; the caller
decides where the bytes go (only a file the person asked for)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from pdorganizer.core.errors import InvalidInput
from pdorganizer.resources_path import resource
from pdorganizer.timeline.drawing import Drawing
from pdorganizer.vault.outputs import write_output

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from pdorganizer.vault import Vault

PNG_SCALE = 2.0  # pixels per point: sharp on screen and when printed


def png_bytes(d: Drawing, scale: float = PNG_SCALE) -> bytes:
    im = Image.new("RGB", (round(d.width * scale), round(d.height * scale)), "white")
    draw = ImageDraw.Draw(im)
    s = scale
    for sh in d.shapes:
        if sh.op == "rect":
            draw.rectangle((sh.x * s, sh.y * s, (sh.x + sh.w) * s, (sh.y + sh.h) * s), sh.color)
        elif sh.op == "circle":
            r = sh.w * s
            draw.ellipse((sh.x * s - r, sh.y * s - r, sh.x * s + r, sh.y * s + r), sh.color)
        elif sh.op == "line":
            _png_line(draw, sh.x * s, sh.y * s, sh.w * s, sh.h * s, sh.color, sh.width * s, sh.dash)
        elif sh.op == "text":
            anchor = {"left": "la", "center": "ma", "right": "ra"}[sh.anchor]
            face = px_font(round(sh.size * s), sh.bold)
            draw.text((sh.x * s, sh.y * s), sh.text, fill=sh.color, font=face, anchor=anchor)
    out = io.BytesIO()
    im.save(out, "PNG")  # a new image: no metadata of any source
    return out.getvalue()


@cache
def px_font(pixels: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), size=max(1, pixels))


def _png_line(
    draw: ImageDraw.ImageDraw,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    color: tuple[int, int, int],
    width: float,
    dash: bool,
) -> None:
    w = max(1, round(width))
    if not dash:
        draw.line((x1, y1, x2, y2), fill=color, width=w)
        return
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1.0
    on, off = 6.0 * w, 4.0 * w
    pos = 0.0
    while pos < length:
        a, b = pos / length, min(pos + on, length) / length
        draw.line(
            (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
            fill=color,
            width=w,
        )
        pos += on + off


def pdf_bytes(d: Drawing, title: str = "Timeline") -> bytes:
    from reportlab.pdfgen import canvas

    from pdorganizer.export.anonymous_pdf import blank_signature, clear_info
    from pdorganizer.export.fonts import register

    register()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(d.width, d.height), pageCompression=1, invariant=1)
    clear_info(c, title)
    draw_on(c, d, 0.0, d.height, 1.0)
    c.showPage()
    c.save()
    return blank_signature(out.getvalue())


def draw_on(c: Canvas, d: Drawing, left: float, top: float, scale: float) -> None:
    """Draw `d` on a reportlab canvas with its top left corner at (left, top), in PDF
    coordinates (y up), `scale` points per drawing point."""
    from pdorganizer.export.fonts import BOLD, REGULAR

    def rgb(color: tuple[int, int, int]) -> tuple[float, float, float]:
        return color[0] / 255, color[1] / 255, color[2] / 255

    c.saveState()
    c.translate(left, top)
    c.scale(scale, scale)
    for sh in d.shapes:
        if sh.op == "rect":
            c.setFillColorRGB(*rgb(sh.color))
            c.rect(sh.x, -sh.y - sh.h, sh.w, sh.h, stroke=0, fill=1)
        elif sh.op == "circle":
            c.setFillColorRGB(*rgb(sh.color))
            c.circle(sh.x, -sh.y, sh.w, stroke=0, fill=1)
        elif sh.op == "line":
            c.setStrokeColorRGB(*rgb(sh.color))
            c.setLineWidth(sh.width)
            if sh.dash:
                c.setDash(4, 3)
            else:
                c.setDash()
            c.line(sh.x, -sh.y, sh.w, -sh.h)
        elif sh.op == "text":
            c.setFillColorRGB(*rgb(sh.color))
            c.setFont(BOLD if sh.bold else REGULAR, sh.size)
            baseline = -sh.y - sh.size * 0.93  # top-anchored like the PNG
            draw = {
                "left": c.drawString,
                "center": c.drawCentredString,
                "right": c.drawRightString,
            }[sh.anchor]
            draw(sh.x, baseline, sh.text)
    c.restoreState()


def write(
    d: Drawing, path: str | Path, title: str = "Timeline", vault: Vault | None = None
) -> Path:
    """Write PNG or PDF by the file's ending, owner-only (0600), through a private temp
    file renamed over the name only when complete. With `vault`, the write is recorded
    in it first (vault.writing_to) so a temp file a SIGKILL leaves is removed later."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".png":
        data = png_bytes(d)
    elif suffix == ".pdf":
        data = pdf_bytes(d, title)
    else:
        raise InvalidInput("the timeline is written as .png or .pdf, not {name}", name=target.name)
    if not target.parent.is_dir():
        raise InvalidInput("no folder {folder}", folder=str(target.parent))
    return write_output(target, data, vault)


def draw_packet_page(c: Canvas, d: Drawing, width: float, height: float, margin: float) -> None:
    """The timeline as a page of the packet (after the index), inside the margins and above
    the label band. A wide picture is turned a quarter, its top towards the binding edge
    (as landscape evidence is), when that prints it larger."""
    from pdorganizer.export.layout import LABEL_BAND

    bottom = LABEL_BAND + 12
    room_w, room_h = width - 2 * margin, height - margin - bottom
    upright = min(room_w / d.width, room_h / d.height)
    turned = min(room_w / d.height, room_h / d.width)
    if turned <= upright * 1.1:
        draw_on(c, d, (width - d.width * upright) / 2, height - margin, upright)
        return
    c.saveState()
    c.translate((width - d.height * turned) / 2, bottom + (room_h - d.width * turned) / 2)
    c.rotate(90)  # counter-clockwise: the drawing's top edge on the left, reading upwards
    draw_on(c, d, 0.0, 0.0, turned)
    c.restoreState()
