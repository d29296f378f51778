"""Cleaned pages (vault/renditions.py) as PDF image streams, per page the encoding that
keeps it legible at the smallest size.

black-and-white: CCITT Group 4 (Pillow's libtiff encoder, one strip) or Flate 1-bit,
  whichever is smaller; lossless either way.
gray: grayscale JPEG (compact refits it to about 200 DPI), colour: colour JPEG.
original quality prints the rendition as it is stored.
"""

from __future__ import annotations

import io

from PIL import Image, TiffImagePlugin

from pdorganizer.export.images import (
    ImagePayload,
    _lossless,
    compact_payload,
    original_payload,
)
from pdorganizer.ingest.images import guarded, open_lazy
from pdorganizer.vault.renditions import Rendition

_STRIP_OFFSETS, _STRIP_BYTES = 273, 279


def rendition_payload(
    rendition: Rendition, quality: str, placed_w: float, placed_h: float
) -> ImagePayload:
    if rendition.mode == "bilevel":
        flate = original_payload(rendition.data, rendition.mime, 0)
        fax = g4_payload(rendition.data)
        return fax if fax is not None and len(fax.data) < len(flate.data) else flate
    if quality == "original":
        return original_payload(rendition.data, rendition.mime, 0)
    return compact_payload(rendition.data, rendition.mime, 0, placed_w, placed_h)


def bilevel_payload(im: Image.Image) -> ImagePayload:
    """A 1-bit picture as CCITT G4 or 1-bit Flate, whichever is smaller."""
    flate = _lossless(im)
    fax = _g4(im)
    return fax if fax is not None and len(fax.data) < len(flate.data) else flate


def g4_payload(data: bytes) -> ImagePayload | None:
    """A stored 1-bit picture as one CCITT G4 strip; None if this Pillow cannot."""
    with guarded():
        im = open_lazy(data)
        im.load()
        if im.mode != "1":
            im = im.convert("1", dither=Image.Dither.NONE)
    return _g4(im)


def _g4(im: Image.Image) -> ImagePayload | None:
    buf = io.BytesIO()
    try:
        # one strip for the whole page: PDF takes a single G4 stream
        im.save(buf, "TIFF", compression="group4", tiffinfo={278: im.height})
    except (OSError, ValueError, KeyError):
        return None
    buf.seek(0)
    with Image.open(buf) as tif:
        assert isinstance(tif, TiffImagePlugin.TiffImageFile)
        offsets = tif.tag_v2.get(_STRIP_OFFSETS)
        counts = tif.tag_v2.get(_STRIP_BYTES)
        white_is_zero = tif.tag_v2.get(262, 1) == 0
    offsets = offsets if isinstance(offsets, tuple) else (offsets,)
    counts = counts if isinstance(counts, tuple) else (counts,)
    if len(offsets) != 1 or len(counts) != 1:
        return None
    raw = buf.getvalue()[offsets[0] : offsets[0] + counts[0]]
    entries = {
        "/Filter": "/CCITTFaxDecode",
        "/ColorSpace": "/DeviceGray",
        "/BitsPerComponent": 1,
        "/DecodeParms": {"/K": -1, "/Columns": im.width, "/Rows": im.height},
    }
    if not white_is_zero:  # BlackIs1 true, said as an inverted /Decode (the packet writer
        entries["/Decode"] = [1, 0]  # turns Python booleans into numbers)
    return ImagePayload(raw, im.width, im.height, entries)
