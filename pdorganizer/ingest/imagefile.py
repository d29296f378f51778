"""Image files -> pages: upright size in points and a thumbnail per frame, plus metadata."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image

from pdorganizer.ingest import images
from pdorganizer.ingest.images import DamagedFile, ImageTooLarge
from pdorganizer.ingest.metadata import image_metadata
from pdorganizer.vault.repos.documents import NewPage

THUMB_MAX = 256  # px, long side
THUMB_QUALITY = 80
# Scanner resolutions worth believing; 72/96 "dpi" from cameras and screenshots is not a
# physical size, so those images are sized to fit a letter page instead.
PLAUSIBLE_DPI = (100.0, 4800.0)
LETTER_IN = (8.5, 11.0)

# EXIF orientation -> the transpose that makes the stored pixels upright (as ImageOps).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_DECODE_ERRORS = (OSError, ValueError, EOFError, SyntaxError, MemoryError, RuntimeError)


@dataclass
class FileInfo:
    """What intake learned of one file: its pages (source index 0) and its metadata."""

    mime: str
    pages: list[NewPage]
    metadata: dict = field(default_factory=dict)


def analyze_image(data: bytes, mime: str) -> FileInfo:
    im = images.open_lazy(data)
    # Only TIFF frames are pages; extra frames of MPO (phone JPEGs), animated WebP or
    # HEIF collections are previews or depth maps.
    frames = images.frame_count(im) if im.format == "TIFF" else 1
    meta = image_metadata(im)
    meta["frames"] = frames
    pages = []
    for index in range(frames):
        if index:
            try:
                im.seek(index)
            except (EOFError, *_DECODE_ERRORS):
                raise DamagedFile() from None
            images.check_size(im.size)
        pages.append(_page(im, index))
    return FileInfo(mime, pages, meta)


def orientation(im: Image.Image) -> int:
    try:
        value = im.getexif().get(0x0112, 1)
    except Image.DecompressionBombError:
        raise ImageTooLarge() from None
    except _DECODE_ERRORS:
        raise DamagedFile() from None
    return value if value in _TRANSPOSE else 1


def _page(im: Image.Image, index: int) -> NewPage:
    turn = orientation(im)
    w, h = im.size  # declared, before any draft
    x_pt, y_pt = _points(im, w, h)
    if turn in (5, 6, 7, 8):
        x_pt, y_pt = y_pt, x_pt
    return NewPage(0, index, x_pt, y_pt, thumbnail(im, turn))


def _points(im: Image.Image, w: int, h: int) -> tuple[float, float]:
    """Physical size in points of the stored pixels (before orientation)."""
    dpi = im.info.get("dpi")
    try:
        xdpi, ydpi = (float(dpi[0]), float(dpi[1])) if dpi else (0.0, 0.0)
    except (TypeError, ValueError, IndexError, ZeroDivisionError):
        xdpi = ydpi = 0.0
    low, high = PLAUSIBLE_DPI
    if not (low <= xdpi <= high and low <= ydpi <= high):
        long_px, short_px = max(w, h), min(w, h)
        xdpi = ydpi = max(long_px / LETTER_IN[1], short_px / LETTER_IN[0], 1e-6)
    return w * 72.0 / xdpi, h * 72.0 / ydpi


def thumbnail(im: Image.Image, turn: int) -> bytes:
    """JPEG, upright, long side <= THUMB_MAX; decodes JPEGs at a reduced scale."""
    if im.format in ("JPEG", "MPO"):
        im.draft(im.mode, (THUMB_MAX, THUMB_MAX))
    try:
        im.load()
        flat = im.convert("L") if im.mode == "1" else images.flatten(im)
        w, h = flat.size
        scale = THUMB_MAX / max(w, h)
        if scale < 1:
            size = (max(1, round(w * scale)), max(1, round(h * scale)))
            flat = flat.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    except Image.DecompressionBombError:
        raise ImageTooLarge() from None
    except _DECODE_ERRORS:
        raise DamagedFile() from None
    if turn in _TRANSPOSE:
        flat = flat.transpose(_TRANSPOSE[turn])
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue()
