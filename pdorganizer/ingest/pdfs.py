"""PDF files -> pages: upright size in points and a thumbnail per page, plus metadata.

The file is judged by ingest/pdfsource.load_pdf, the reading the export uses (every page
extracted as the export will), so a PDF that passes here can be exported; pdfium renders
the thumbnails. Both work from the bytes in memory.
"""

from __future__ import annotations

import io
import math
from typing import Any

from pypdf import PasswordType, PdfReader, PdfWriter

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.untrusted import DamagedFile, decoding
from pdorganizer.ingest import pdfium_guard
from pdorganizer.ingest.imagefile import THUMB_MAX, THUMB_QUALITY, FileInfo
from pdorganizer.ingest.metadata import MAX_TEXT, json_value
from pdorganizer.ingest.pdfsource import (
    MAX_PAGES,
    PDFIUM_LOCK,
    PasswordProtected,
    UnsupportedEncryption,
    load_pdf,
    page_box,
    page_rotation,
    page_unit,
    pdfium_repaired,
)
from pdorganizer.vault.repos.documents import NewPage

__all__ = [
    "MAX_PAGES",
    "PDFIUM_LOCK",
    "PasswordProtected",
    "UnsupportedEncryption",
    "analyze_pdf",
    "decrypt_pdf",
    "page_rotation",
]

# 14,400 pt (200 in) is the PDF limit without UserUnit; allow banners, refuse nonsense.
MAX_PAGE_POINTS = 200_000.0
MIN_PAGE_POINTS = 1.0


def decrypt_pdf(data: bytes, password: str) -> bytes:
    """The PDF without its encryption (in memory). A wrong password gets the same
    "password-protected PDF" as none: the caller knows it gave one."""
    try:
        with decoding("PDF"):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if not reader.is_encrypted:
                return data
            if reader.decrypt(password) != PasswordType.NOT_DECRYPTED:
                writer = PdfWriter(clone_from=reader)
                out = io.BytesIO()
                writer.write(out)
                return out.getvalue()
    except DamagedFile:
        pass  # pdfium may still read it (an encryption pypdf does not know, a bad xref)
    repaired = pdfium_repaired(data, password)  # PasswordProtected if the password is wrong
    if repaired is None:
        raise DamagedFile()
    return repaired


def analyze_pdf(data: bytes) -> FileInfo:
    """Judged by the export's own reading (load_pdf): what imports can be placed."""
    source = load_pdf(data, rehearse=True)
    reader = source.reader
    with decoding("PDF"):
        count = source.count
        sizes = [_page_size(reader.pages[i]) for i in range(count)]
        meta = _metadata(reader)
    meta["pages"] = count
    if source.repaired:
        meta["repaired"] = True
    thumbs = render_thumbnails(data, count)
    pages = [NewPage(0, i, w, h, thumbs[i]) for i, (w, h) in enumerate(sizes)]
    return FileInfo("application/pdf", pages, meta)


def _page_size(page: Any) -> tuple[float, float]:
    x0, y0, x1, y1 = page_box(page)
    unit = page_unit(page)
    w, h = (x1 - x0) * unit, (y1 - y0) * unit
    if not (math.isfinite(w) and math.isfinite(h)):
        raise DamagedFile()
    if min(w, h) < MIN_PAGE_POINTS or max(w, h) > MAX_PAGE_POINTS:
        raise InvalidInput("a page of this PDF has an impossible size")
    if page_rotation(page) in (90, 270):
        w, h = h, w
    return w, h


def _metadata(reader: PdfReader) -> dict[str, Any]:
    meta: dict[str, Any] = {"format": "PDF", "encrypted": bool(reader.is_encrypted)}
    try:
        meta["pdf_version"] = str(reader.pdf_header).lstrip("%")[:16]
        info = reader.metadata
        if info:
            meta["info"] = {str(k): json_value(str(v)) for k, v in info.items()}
        root = reader.trailer["/Root"].get_object()
        stream = root.get("/Metadata")
        if stream is not None:
            raw = stream.get_object().get_data()
            meta["xmp"] = raw.decode("utf-8", "replace")[:MAX_TEXT]
    except PdoError:
        raise
    except Exception:  # untrusted bytes; metadata is a nice-to-have: a broken block is skipped
        pass
    return meta


def render_thumbnails(data: bytes, count: int) -> list[bytes]:
    """One upright JPEG per page (pdfium applies /Rotate), long side <= THUMB_MAX; in the
    guarded child process (ingest/pdfium_guard): DamagedFile if pdfium hangs or crashes."""
    args = (count, THUMB_MAX, THUMB_QUALITY)
    return pdfium_guard.run("thumbnails", data, *args, pages=count)
