"""Rendering a page for the preview, in memory only (worker side, no widgets).

Images decode through intake's `open_image` (EXIF orientation applied, bomb-checked); PDF
pages rasterise through pdfium (PySide6-Essentials has no QtPdf) under intake's lock.
If a page cannot be rendered, its stored thumbnail stands in. The user's rotation is not
applied here: the panel turns the image when it draws it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from pdorganizer.core.models import Page
from pdorganizer.vault import Vault

MAX_SIDE = 1800  # pixels on the long side: sharp at 200% zoom on a laptop screen


def pil_to_qimage(im: object) -> QImage:
    from pdorganizer.ingest.images import flatten

    im = flatten(im)  # type: ignore[arg-type]
    if im.mode != "RGB":
        im = im.convert("RGB")
    w, h = im.size
    data = im.tobytes("raw", "RGB")
    return QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()  # own the pixels


def _render_image(data: bytes, frame: int) -> QImage:
    from pdorganizer.ingest.images import open_image

    im = open_image(data, frame, reduce_to=(MAX_SIDE, MAX_SIDE))
    im.thumbnail((MAX_SIDE, MAX_SIDE))
    return pil_to_qimage(im)


def _render_pdf(data: bytes, index: int) -> QImage:
    import pypdfium2 as pdfium

    from pdorganizer.ingest.pdfs import PDFIUM_LOCK

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(data)
        try:
            page = doc[index]
            try:
                w, h = page.get_size()
                bitmap = page.render(scale=MAX_SIDE / max(w, h, 1.0))
                im = bitmap.to_pil()
                bitmap.close()
            finally:
                page.close()
        finally:
            doc.close()
    return pil_to_qimage(im)


def render_page(vault: Vault, page: Page) -> tuple[QImage, bool]:
    """(upright image of the page, True when it is only the small stored thumbnail)."""
    from pdorganizer.vault import renditions

    cleaned = renditions.active(vault, page.id)  # a cleaned photo shows as it prints
    if cleaned is not None:
        try:
            return _render_image(cleaned.data, 0), False
        except Exception:
            pass
    source = vault.documents.source(page.source_id)
    data = vault.documents.source_data(page.source_id)
    try:
        if source.mime == "application/pdf":
            return _render_pdf(data, page.source_index), False
        if source.mime.startswith("image/"):
            return _render_image(data, page.source_index), False
    except Exception:
        pass
    finally:
        del data
    thumb = vault.documents.thumbnail(page.id)
    image = QImage.fromData(thumb) if thumb else QImage()
    return image, True


def scaled(image: QImage, width: int) -> QImage:
    return image.scaledToWidth(max(16, width), Qt.TransformationMode.SmoothTransformation)
