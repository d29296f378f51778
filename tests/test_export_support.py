"""Sample evidence for the export tests, generated on the fly (no binary fixtures).

Documents go straight into the vault with vault.documents.add, as intake would store
them: original bytes, upright page sizes in points, the user's extra rotation."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from dataclasses import dataclass, field

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from pdorganizer.core.models import Document
from pdorganizer.vault import Vault
from pdorganizer.vault.repos import NewPage, NewSource

CAMERA = "PlantedCam X9"
GPS_MARK = (37.0, 46.0, 29.7)
PDF_PRODUCER = "SecretProducer 7.1"
PDF_AUTHOR = "Jane Q. Hiddenauthor"
DPI = 100.0


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _source(data: bytes, mime: str, name: str) -> NewSource:
    return NewSource(data, hashlib.sha256(data).hexdigest(), mime, name)


def photo_jpeg(size: tuple[int, int] = (400, 300), orientation: int = 6, text: str = "UP") -> bytes:
    """A JPEG stored sideways (orientation 6: turn 90 clockwise to view) with GPS EXIF."""
    im = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(200, 0, 0))  # marks a corner
    draw.text((size[0] // 2, size[1] // 2), text, fill=(0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0110] = CAMERA
    exif[0x8825] = {1: "N", 2: GPS_MARK, 3: "W", 4: (122.0, 25.0, 9.9)}
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85, exif=exif.tobytes(), comment=b"secret comment")
    return out.getvalue()


def png_scan(size: tuple[int, int] = (850, 1100), mode: str = "L") -> bytes:
    im = Image.new(mode, size, "white" if mode != "RGBA" else (255, 255, 255, 0))
    draw = ImageDraw.Draw(im)
    for y in range(60, size[1] - 60, 40):
        draw.line((60, y, size[0] - 60, y), fill="black" if mode != "RGBA" else (0, 0, 0, 255))
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def tiff_frames(count: int = 2) -> bytes:
    frames = [Image.new("L", (850, 1100), 255 - 40 * i) for i in range(count)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def sample_pdf(pages: list[tuple[float, float, int]], words: str = "Source page") -> bytes:
    """A PDF with source metadata: each page (width, height, /Rotate)."""
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for i, (w, h, _rot) in enumerate(pages):
        c.setPageSize((w, h))
        c.setFont("Helvetica", 14)
        c.drawString(40, h - 60, f"{words} {i + 1}")
        c.rect(10, 10, w - 20, h - 20)
        c.showPage()
    c.save()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    writer = PdfWriter()
    for page, (_w, _h, rot) in zip(reader.pages, pages, strict=True):
        added = writer.add_page(page)
        if rot:
            added.rotate(rot)
    writer.add_metadata({"/Producer": PDF_PRODUCER, "/Author": PDF_AUTHOR, "/Title": "src"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _upright(w: float, h: float, rot: int) -> tuple[float, float]:
    return (h, w) if rot % 180 else (w, h)


@dataclass
class SampleCase:
    docs: dict[str, Document] = field(default_factory=dict)

    def page_total(self, vault: Vault) -> int:
        return sum(len(vault.documents.pages(d.id)) for d in self.docs.values())


def add_image(vault: Vault, case_id: int, title: str, data: bytes, mime: str, **kw) -> Document:
    im = Image.open(io.BytesIO(data))
    frames = getattr(im, "n_frames", 1)
    orientation = im.getexif().get(0x0112, 1) if mime == "image/jpeg" else 1
    pages = []
    for f in range(frames):
        im.seek(f)
        w, h = im.size
        if orientation in (5, 6, 7, 8):
            w, h = h, w
        pages.append(NewPage(0, f, w * 72 / DPI, h * 72 / DPI, rotation=kw.pop("rotation", 0)))
    return vault.documents.add(case_id, title, [_source(data, mime, "x")], pages, **kw)


def add_pdf(vault: Vault, case_id: int, title: str, spec: list[tuple[float, float, int]], **kw):
    data = sample_pdf(spec, kw.pop("words", "Source page"))
    pages = [NewPage(0, i, *_upright(w, h, r)) for i, (w, h, r) in enumerate(spec)]
    return vault.documents.add(
        case_id, title, [_source(data, "application/pdf", "x.pdf")], pages, **kw
    )


def build_sample(vault: Vault, case_id: int) -> SampleCase:
    s = SampleCase()
    s.docs["photo"] = add_image(
        vault, case_id, "Birth certificate of José Ñúñez", photo_jpeg(), "image/jpeg",
        factors=["identity"], document_date="2001-05-04", language="Spanish",
    )  # fmt: skip
    s.docs["translation"] = add_pdf(
        vault, case_id, "Translation: birth certificate", [(612, 792, 0)], factors=["identity"]
    )
    vault.documents.set_translation(
        s.docs["translation"].id,
        s.docs["photo"].id,
        translator_name="Nguyễn Thị Hồng",
        translator_address="12 Main St, Oakland, CA",
        translator_phone="510-555-0100",
        from_language="Spanish",
        to_language="English",
    )
    s.docs["lease"] = add_pdf(
        vault, case_id, "Lease 2015", [(792, 612, 0), (612, 792, 90), (612, 792, 0)],
        factors=["presence"], document_date="2015-01-01",
    )  # fmt: skip
    s.docs["scan"] = add_image(
        vault, case_id, "School record", png_scan(), "image/png", factors=["education"]
    )
    s.docs["alpha"] = add_image(
        vault, case_id, "Letter (transparent PNG)", png_scan((600, 800), "RGBA"), "image/png",
        factors=["community"],
    )  # fmt: skip
    s.docs["tiff"] = add_image(
        vault, case_id, "Pay stubs", tiff_frames(2), "image/tiff", factors=["work"]
    )
    return s
