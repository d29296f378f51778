"""Clean-up of photographed pages at import and on request (`clean` command, GUI).

Which files: `auto` cleans photos (JPEG, HEIC, WebP, AVIF from a camera: EXIF Make or
Model, or a phone-sized picture with no scanner resolution); flatbed scans, PDFs and
everything else stay as they are. `off` cleans nothing.

The rendition is computed on the worker thread from the bytes already in memory; the
original file is stored unchanged beside it (vault/renditions.py).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PIL import Image

from pdorganizer.core.errors import InvalidInput
from pdorganizer.ingest import images
from pdorganizer.ingest.reading import Prepared, prepare
from pdorganizer.vault import Vault
from pdorganizer.vault import renditions as store
from pdorganizer.vault.renditions import Rendition

CLEAN_CHOICES = ("auto", "off")
PHOTO_MIMES = ("image/jpeg", "image/heic", "image/webp", "image/avif")
PHONE_PIXELS = 2_000_000  # smaller pictures without camera tags are screenshots, icons
MIN_PIXELS = 1_000_000  # smaller: a thumbnail or a message's copy, too coarse to gain
SCANNER_DPI = (100.0, 4800.0)


def is_photo(mime: str, metadata: dict[str, Any]) -> bool:
    if mime not in PHOTO_MIMES or _pixels(metadata) < MIN_PIXELS:
        return False
    exif = metadata.get("exif") or {}
    if isinstance(exif, dict) and (exif.get("Make") or exif.get("Model")):
        return True
    dpi = metadata.get("dpi")
    try:
        if dpi and all(SCANNER_DPI[0] <= float(v) <= SCANNER_DPI[1] for v in dpi):
            return False  # a believable resolution: a scanner wrote it
    except (TypeError, ValueError):
        pass
    return _pixels(metadata) >= PHONE_PIXELS


def _pixels(metadata: dict[str, Any]) -> int:
    pixels = metadata.get("pixels") or [0, 0]
    try:
        return int(pixels[0]) * int(pixels[1])
    except (TypeError, ValueError, IndexError):
        return 0


def decode_rgb(data: bytes, frame: int = 0) -> Image.Image:
    """The stored picture upright in RGB (decoded as the export decodes it)."""
    im = images.flatten(images.open_image(data, frame))
    with images.guarded():
        return im.convert("RGB") if im.mode != "RGB" else im


def _upright_size(data: bytes, frame: int) -> tuple[int, int]:
    im = images.open_lazy(data, frame)  # the header only
    w, h = im.size
    return (h, w) if images.orientation(im) in (5, 6, 7, 8) else (w, h)


def decode_for(data: bytes, frame: int, mode: str) -> Image.Image:
    """The full picture upright, gray for a page that will be gray or black-and-white."""
    im = images.flatten(images.open_image(data, frame, gray=mode != "colour"))
    with images.guarded():
        if mode == "colour":
            return im.convert("RGB") if im.mode != "RGB" else im
        return im.convert("L") if im.mode != "L" else im


def _rendition(page_id: int, cleaned: Any) -> Rendition:
    from pdorganizer.scan.rendition import encode

    enc = encode(cleaned)
    settings = dict(cleaned.settings(), confidence=cleaned.confidence)
    return Rendition(
        page_id,
        True,
        cleaned.corners,
        settings,
        cleaned.mode,
        enc.mime,
        enc.data,
        enc.width,
        enc.height,
        enc.thumbnail,
    )


def clean_pages(prep: Prepared) -> None:
    """Clean every page of a photo in `prep` (worker thread). Pages that clean-up would
    not help are left alone; the import report says what happened."""
    from pdorganizer.scan.clean import plan, render

    info = prep.info
    if info is None:
        return
    for index, page in enumerate(info.pages):
        # A JPEG is decided on the import's own reduced decode: most photos that are
        # not of a page stop there, and a page is decoded in full once, to gray unless
        # it is colour. Other formats (HEIC, WebP, AVIF) have no cheap reduced decode:
        # decoded once in full for both. Only decoding is the untrusted boundary; an
        # error in the clean-up itself is a bug (prepare_cleaned logs it).
        full = None
        try:
            if index == 0 and info.preview is not None:
                preview, full_size = info.preview, _upright_size(prep.data, page.source_index)
            else:
                full = decode_rgb(prep.data, page.source_index)
                preview, full_size = full, full.size
        except (InvalidInput, MemoryError):
            info.notes.append("photo clean-up skipped: the picture could not be decoded again")
            continue
        info.preview = None
        settings = plan(preview, full_size)
        del preview
        if not settings.changed:
            info.notes.append("photo: no page outline found; the page was left as it was")
            continue
        if full is None:
            try:
                full = decode_for(prep.data, page.source_index, settings.mode)
            except (InvalidInput, MemoryError):
                info.notes.append("photo clean-up skipped: the picture could not be decoded again")
                continue
        cleaned = render(full, settings)
        del full
        if cleaned.corners is None:
            info.notes.append("photo: no page outline found; only the lighting was evened out")
        prep.renditions[index] = _rendition(0, cleaned)


def prepare_cleaned(
    path: str, known: Collection[str] = (), pdf_password: str = "", clean: str = "auto"
) -> Prepared:
    """`reading.prepare`, then the clean-up of a photo when `clean` is "auto"."""
    from pdorganizer.scan.clean import PREVIEW_PX

    prep = prepare(path, known, pdf_password, PREVIEW_PX if clean == "auto" else 0)
    if clean == "auto" and prep.info is not None and is_photo(prep.info.mime, prep.info.metadata):
        try:
            clean_pages(prep)
        except Exception as exc:  # a bug in clean-up must never lose the import
            from pdorganizer.core.safelog import log_unexpected

            log_unexpected(exc, "clean-up")
            prep.renditions.clear()
            prep.info.notes.append("photo clean-up failed; the page was left as it was")
    if prep.info is not None:
        prep.info.preview = None  # not kept while the file waits to be stored
    return prep


def store_renditions(vault: Vault, document_id: int, preps: list[Prepared]) -> None:
    """Inside the import's savepoint: each rendition onto its page of the new document
    (`page_id` holds the page's index in the document until now)."""
    found = [r for prep in preps for r in prep.renditions.values()]
    if not found:
        return
    with vault.transaction() as con:  # joins the import's open transaction
        ids = [
            row[0]
            for row in con.execute(
                "SELECT id FROM pages WHERE document_id = ? ORDER BY position", (document_id,)
            )
        ]
        for rendition in found:
            rendition.page_id = ids[rendition.page_id]
            store.put(con, rendition)


def reclean(vault: Vault, page_id: int, corners: list[float] | str) -> Rendition:
    """Clean one stored page again: `corners` "auto" or eight numbers (x1,y1,...) in the
    upright picture's pixels. Raises InvalidInput for a PDF page or bad corners."""
    from pdorganizer.scan.clean import clean, parse_corners

    page = vault.documents.page(page_id)
    source = vault.documents.source(page.source_id)
    if source.mime == "application/pdf" or not source.mime.startswith("image/"):
        raise InvalidInput("only photographed pages can be cleaned; this page is from a PDF")
    data = vault.documents.source_data(page.source_id)
    with images.guarded(source.mime):
        rgb = decode_rgb(data, page.source_index)
    del data
    if corners == "auto":
        cleaned = clean(rgb)
        if not cleaned.changed:
            raise InvalidInput("no page outline found; give the corners with --corners")
    else:
        w, h = rgb.size
        try:
            used = parse_corners([float(v) for v in corners], w, h)
        except ValueError:
            raise InvalidInput(
                "the corners must be eight numbers x1,y1,...,x4,y4 inside the "
                "picture ({width} x {height} pixels)",
                width=w,
                height=h,
            ) from None
        cleaned = clean(rgb, used)
    rendition = _rendition(page_id, cleaned)
    with vault.transaction() as con:
        store.put(con, rendition)
    return rendition


def picture_size(vault: Vault, page_id: int) -> tuple[int, int]:
    """The upright picture's pixels of a page (for corners given by hand)."""
    page = vault.documents.page(page_id)
    data = vault.documents.source_data(page.source_id)
    im = images.open_lazy(data, page.source_index)
    w, h = im.size
    return (h, w) if images.orientation(im) in (5, 6, 7, 8) else (w, h)
