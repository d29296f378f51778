"""A cleaned page as the bytes the vault keeps, its size in points and a thumbnail.

Black-and-white pages are kept as 1-bit PNG (lossless, small), gray pages as grayscale
JPEG, colour pages as colour JPEG, at the resolution of the warp (about 240 DPI at
most). Nothing but pixels is written: no EXIF, no comment.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from pdorganizer.scan.classify import to_bilevel
from pdorganizer.scan.clean import Cleaned

QUALITY = 88
THUMB_MAX = 256  # as intake's thumbnails
LETTER_IN = (8.5, 11.0)


@dataclass
class Encoded:
    mime: str
    data: bytes
    width: float  # points
    height: float
    thumbnail: bytes


def page_points(width_px: int, height_px: int) -> tuple[float, float]:
    """A photo has no physical size: fit a letter page, as intake does for cameras."""
    dpi = max(max(width_px, height_px) / LETTER_IN[1], min(width_px, height_px) / LETTER_IN[0])
    return width_px * 72.0 / dpi, height_px * 72.0 / dpi


def image_of(cleaned: Cleaned) -> Image.Image:
    if cleaned.mode == "bilevel":
        return to_bilevel(cleaned.image.convert("L"))
    return cleaned.image


def encode(cleaned: Cleaned) -> Encoded:
    im = image_of(cleaned)
    buf = io.BytesIO()
    if im.mode == "1":
        im.save(buf, "PNG", compress_level=6)  # optimize=True costs ~300 ms a page
        mime = "image/png"
    else:
        im.save(buf, "JPEG", quality=QUALITY)
        mime = "image/jpeg"
    width, height = page_points(im.width, im.height)
    return Encoded(mime, buf.getvalue(), width, height, thumbnail(im))


def thumbnail(im: Image.Image) -> bytes:
    small = im.convert("L") if im.mode == "1" else im
    small = small.copy()
    small.thumbnail((THUMB_MAX, THUMB_MAX), Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=80)
    return buf.getvalue()
