"""The pdfium work import does on a person's bytes (run by ingest/pdfium_guard in a child
process; importable there cheaply: pdfium, Pillow and core only).

Each job takes the file's bytes first and returns plain values; PasswordProtected and
DamagedFile (core/untrusted) are the only failures it raises.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.untrusted import DamagedFile, decoding

MAX_PAGES = 10_000


class PasswordProtected(InvalidInput):
    def __init__(self, message: str = "password-protected PDF") -> None:
        super().__init__(message)


def loadable_pages(doc: pdfium.PdfDocument, expected: int) -> list[int]:
    """Indices of the pages pdfium reads: all, when it counts `expected` of them (no page
    is parsed then); else the ones it can load (a page tree counting pages that are not
    there, references to missing objects)."""
    count = len(doc)
    if count == expected:
        return list(range(count))
    found = []
    for i in range(min(count, MAX_PAGES + 1)):
        try:
            doc[i].close()
        except Exception:  # a page pdfium cannot load
            continue
        found.append(i)
    return found


def thumbnails(data: bytes, count: int, size: int, quality: int) -> list[bytes]:
    """One upright JPEG per page (pdfium applies /Rotate), long side <= `size`."""
    out = []
    with decoding("PDF"):
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise PasswordProtected() from None
            raise DamagedFile() from None
        try:
            indices = loadable_pages(doc, count)
            if len(indices) != count:
                raise DamagedFile()
            for i in indices:
                page = doc[i]
                try:
                    w, h = page.get_size()
                    scale = size / max(w, h, 1.0)
                    bitmap = page.render(scale=scale)
                    image = bitmap.to_pil().convert("RGB")
                    bitmap.close()
                    image.thumbnail((size, size))  # pdfium may round up a pixel
                finally:
                    page.close()
                buf = io.BytesIO()
                image.save(buf, "JPEG", quality=quality)
                out.append(buf.getvalue())
        finally:
            doc.close()
    return out


def page_count(data: bytes, expected: int, password: str) -> int | None:
    """How many pages pdfium reads (`expected`: pypdf's count, see loadable_pages);
    None when pdfium cannot open the file."""
    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except Exception:  # untrusted bytes: pdfium cannot read them
        return None
    try:
        return len(loadable_pages(doc, expected))
    finally:
        doc.close()


def repaired(data: bytes, password: str) -> bytes | None:
    """pdfium's own re-save of the file (xref rebuilt, security removed), in memory; None
    when pdfium cannot open it either. PasswordProtected when it needs a password."""
    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PasswordProtected() from None
        return None
    except Exception:  # untrusted bytes: whatever pdfium raises means it cannot
        return None
    try:
        out = io.BytesIO()
        doc.save(out, flags=pdfium_c.FPDF_REMOVE_SECURITY)
        return out.getvalue()
    except Exception:
        return None
    finally:
        doc.close()


JOBS = {"thumbnails": thumbnails, "page_count": page_count, "repaired": repaired}
