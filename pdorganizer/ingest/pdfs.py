"""PDF files -> pages: upright size in points and a thumbnail per page, plus metadata.

pypdf reads the structure (the export reads it the same way, so a PDF that passes here
can be exported); pdfium renders the thumbnails. Both work from the bytes in memory.
"""

from __future__ import annotations

import io
import math
import struct
import threading
import zlib
from typing import Any

import pypdfium2 as pdfium
from pypdf import PasswordType, PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject, IndirectObject

from pdorganizer.core.errors import InvalidInput
from pdorganizer.ingest.imagefile import THUMB_MAX, THUMB_QUALITY, FileInfo
from pdorganizer.ingest.images import MAX_PIXELS, DamagedFile, ImageTooLarge
from pdorganizer.ingest.metadata import MAX_TEXT, json_value
from pdorganizer.vault.repos.documents import NewPage

MAX_PAGES = 10_000
# 14,400 pt (200 in) is the PDF limit without UserUnit; allow banners, refuse nonsense.
MAX_PAGE_POINTS = 200_000.0
MIN_PAGE_POINTS = 1.0

# Errors pypdf raises on malformed input besides its own: a bad file, not a bug of ours.
_PARSE_ERRORS = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    OSError,
    EOFError,
    struct.error,
    zlib.error,
)

# pdfium is not thread-safe: one call into it at a time, process-wide.
PDFIUM_LOCK = threading.Lock()


class PasswordProtected(InvalidInput):
    def __init__(self, message: str = "password-protected PDF") -> None:
        super().__init__(message)


def open_pdf(data: bytes) -> PdfReader:
    """A pypdf reader over the bytes; owner-password-only PDFs are decrypted."""
    if b"%%EOF" not in data[-2048:]:
        # A PDF cut short still parses with pypdf's repair, silently missing pages.
        raise DamagedFile()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise PasswordProtected()
    except InvalidInput:
        raise
    except _PARSE_ERRORS:
        raise DamagedFile() from None
    return reader


def decrypt_pdf(data: bytes, password: str) -> bytes:
    """The PDF without its encryption (in memory). A wrong password gets the same
    "password-protected PDF" as none: the caller knows it gave one."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if not reader.is_encrypted:
            return data
        if reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
            raise PasswordProtected()
        writer = PdfWriter(clone_from=reader)
        out = io.BytesIO()
        writer.write(out)
    except InvalidInput:
        raise
    except _PARSE_ERRORS:
        raise DamagedFile() from None
    return out.getvalue()


def analyze_pdf(data: bytes) -> FileInfo:
    reader = open_pdf(data)
    try:
        count = len(reader.pages)
        if count < 1:
            raise DamagedFile()
        if count > MAX_PAGES:
            raise InvalidInput("too many pages in one PDF")
        sizes = [_page_size(reader.pages[i]) for i in range(count)]
        for i in range(count):
            _check_images(reader.pages[i])
        meta = _metadata(reader)
    except InvalidInput:
        raise
    except _PARSE_ERRORS:
        raise DamagedFile() from None
    meta["pages"] = count
    thumbs = render_thumbnails(data, count)
    pages = [NewPage(0, i, w, h, thumbs[i]) for i, (w, h) in enumerate(sizes)]
    return FileInfo("application/pdf", pages, meta)


def _page_size(page: Any) -> tuple[float, float]:
    box = page.cropbox
    w, h = abs(float(box.width)), abs(float(box.height))
    unit = page.get("/UserUnit")
    if unit is not None:
        w, h = w * float(unit), h * float(unit)
    if not (math.isfinite(w) and math.isfinite(h)):
        raise DamagedFile()
    if min(w, h) < MIN_PAGE_POINTS or max(w, h) > MAX_PAGE_POINTS:
        raise InvalidInput("a page of this PDF has an impossible size")
    if page_rotation(page) in (90, 270):
        w, h = h, w
    return w, h


def page_rotation(page: Any) -> int:
    """/Rotate as 0, 90, 180 or 270 (inherited, negative and odd values normalised)."""
    try:
        value = int(page.rotation)
    except (TypeError, ValueError):
        return 0
    value %= 360
    return value if value % 90 == 0 else 0


def _check_images(page: Any, depth: int = 0, seen: set[int] | None = None) -> None:
    """Refuse image XObjects that declare more pixels than any scan has (bombs)."""
    seen = set() if seen is None else seen
    resources = page.get("/Resources") if depth == 0 else page
    xobjects = _resolve(_resolve(resources).get("/XObject")) if resources else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for ref in xobjects.values():
        if isinstance(ref, IndirectObject):
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
        obj = _resolve(ref)
        if not isinstance(obj, DictionaryObject):
            continue
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            w, h = float(obj.get("/Width", 0)), float(obj.get("/Height", 0))
            if w * h > 4 * MAX_PIXELS:  # rendering would decode it whole
                raise ImageTooLarge("an image in this PDF is too large")
        elif subtype == "/Form" and depth < 4:
            inner = obj.get("/Resources")
            if inner is not None:
                _check_images(_resolve(inner), depth + 1, seen)


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


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
    except _PARSE_ERRORS:  # metadata is a nice-to-have; a broken block is skipped
        pass
    return meta


def render_thumbnails(data: bytes, count: int) -> list[bytes]:
    """One upright JPEG per page (pdfium applies /Rotate), long side <= THUMB_MAX."""
    out = []
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise PasswordProtected() from None
            raise DamagedFile() from None
        try:
            if len(doc) != count:
                raise DamagedFile()
            for i in range(count):
                page = doc[i]
                try:
                    w, h = page.get_size()
                    scale = THUMB_MAX / max(w, h, 1.0)
                    bitmap = page.render(scale=scale)
                    image = bitmap.to_pil().convert("RGB")
                    bitmap.close()
                    image.thumbnail((THUMB_MAX, THUMB_MAX))  # pdfium may round up a pixel
                except pdfium.PdfiumError:
                    raise DamagedFile() from None
                finally:
                    page.close()
                buf = io.BytesIO()
                image.save(buf, "JPEG", quality=THUMB_QUALITY)
                out.append(buf.getvalue())
        finally:
            doc.close()
    return out
