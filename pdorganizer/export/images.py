"""Image pages as PDF image streams, for both qualities.

original: JPEG passed through (cleaned by `jpeg.clean_jpeg`, orientation applied by the
  page transform, never decoded); PNG image data passed through when PDF can take it as
  is and it inflates to exactly the rows the header promises (else decoded), orientation
  again by the page transform; anything else decoded and stored losslessly (Flate with
  PNG predictors).
compact: fitted at about 200 DPI and JPEG-encoded (grey stays grey; bilevel scans stay
  bilevel and lossless). JPEGs decode at a reduced scale, which is most of the speed.

Nothing from a source's metadata reaches the stream: only pixels. Decoding and
orientation are intake's own functions (ingest/images.py), so a file that imported
decodes here the same way."""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from pdorganizer.export.colour import simplest
from pdorganizer.export.inflate import INFLATE_ERRORS, inflater
from pdorganizer.export.jpeg import clean_jpeg
from pdorganizer.ingest.images import (
    TRANSPOSE,
    check_png_complete,
    draft_jpeg,
    flatten,
    guarded,
    load,
    open_lazy,
    orientation,
    png_parts,
)

COMPACT_DPI = 200.0
COMPACT_QUALITY = 80  # text on scans and photos of papers stays crisp at 200 DPI
# A JPEG already within this factor of the target resolution is kept, not re-encoded.
KEEP_FACTOR = 1.15
# Reduced-scale JPEG decoding may land this far under the target (about 180 DPI).
DRAFT_SLACK = 0.9


@dataclass
class ImagePayload:
    data: bytes
    width: int  # pixels as stored
    height: int
    entries: dict[str, Any] = field(default_factory=dict)  # /Filter, /ColorSpace, ...
    orientation: int = 1  # EXIF orientation still to apply (passthrough JPEGs)


def _orientation(data: bytes) -> int:
    """The orientation intake read for this file (header only, nothing decoded)."""
    return orientation(open_lazy(data))


def _jpeg_payload(data: bytes) -> ImagePayload:
    info = clean_jpeg(data)
    if not info.portable:  # lossless, arithmetic-coded or 12-bit JPEG: stored losslessly
        return _lossless(_decode(data, 0, None))
    entries: dict[str, Any] = {"/Filter": "/DCTDecode", "/BitsPerComponent": 8}
    if info.components == 1:
        entries["/ColorSpace"] = "/DeviceGray"
    elif info.components == 3:
        entries["/ColorSpace"] = "/DeviceRGB"
    else:
        entries["/ColorSpace"] = "/DeviceCMYK"
        if info.adobe_transform is not None:  # Adobe CMYK JPEGs are stored inverted
            entries["/Decode"] = [1, 0, 1, 0, 1, 0, 1, 0]
    return ImagePayload(info.data, info.width, info.height, entries, _orientation(data))


def _png_passthrough(data: bytes, *, turned: bool = True) -> ImagePayload | None:
    """PNG pixel data as a Flate stream, when no decoding is needed (no alpha, no
    interlace, no transparency key) and the data is sound; else None (then decoded).

    Sound: the IDAT chunks inflate to exactly the rows the header declares, each with a
    valid filter byte; a short or corrupt stream would break every PDF reader.
    `turned`: carry the file's orientation for the page transform (the payload of a
    decoded image is upright already, so its own PNG must not)."""
    png = png_parts(data)
    if png is None or png.extras or png.interlace:
        return None  # transparency, animation, interlace: decoded like the intake did
    width, height, depth, color, palette = png.width, png.height, png.depth, png.color, png.palette
    if color not in (0, 2, 3) or depth not in (1, 2, 4, 8) or (color == 2 and depth != 8):
        return None
    colors = {0: 1, 2: 3, 3: 1}[color]
    if color == 3 and (not palette or len(palette) % 3 or len(palette) > 768):
        return None
    stream = png.idat
    if not _inflates_exactly(stream, height, (width * colors * depth + 7) // 8):
        return None
    if color == 0:
        space: Any = "/DeviceGray"
    elif color == 2:
        space = "/DeviceRGB"
    else:
        space = ["/Indexed", "/DeviceRGB", len(palette) // 3 - 1, palette]
    entries = {
        "/Filter": "/FlateDecode",
        "/ColorSpace": space,
        "/BitsPerComponent": depth,
        "/DecodeParms": {
            "/Predictor": 15,
            "/Colors": colors,
            "/BitsPerComponent": depth,
            "/Columns": width,
        },
    }
    turn = _orientation(data) if turned else 1
    return ImagePayload(stream, width, height, entries, turn)


def _inflates_exactly(stream: bytes, rows: int, row_bytes: int) -> bool:
    """Whether a PNG zlib stream ends after exactly `rows` filtered rows (filter 0..4)."""
    stride = row_bytes + 1
    expected = rows * stride
    try:
        inflating = inflater()
        raw = inflating.decompress(stream, expected + 1)
        if len(raw) != expected or inflating.unconsumed_tail:
            return False
        raw += inflating.flush()
    except INFLATE_ERRORS:
        return False
    if len(raw) != expected or not inflating.eof:
        return False
    return max(memoryview(raw)[::stride]) <= 4


def _lossless(im: Image.Image) -> ImagePayload:
    """Pillow's PNG encoder does the filtering and deflate in C; its IDAT is reused."""
    buf = io.BytesIO()
    with guarded():
        im.save(buf, "PNG", compress_level=6)
    payload = _png_passthrough(buf.getvalue(), turned=False)
    if payload is None:  # cannot happen for modes "1", "L", "RGB"
        raw = zlib.compress(im.convert("RGB").tobytes(), 6)
        entries = {"/Filter": "/FlateDecode", "/ColorSpace": "/DeviceRGB", "/BitsPerComponent": 8}
        return ImagePayload(raw, im.width, im.height, entries)
    return payload


def _jpeg_encode(im: Image.Image) -> ImagePayload:
    im.info = {}  # Pillow would carry a source's comment (and more) into the new file
    buf = io.BytesIO()
    with guarded():
        im.save(buf, "JPEG", quality=COMPACT_QUALITY, optimize=False)
    data = clean_jpeg(buf.getvalue()).data  # and if it still wrote an APP segment: gone
    space = "/DeviceGray" if im.mode == "L" else "/DeviceRGB"
    entries = {"/Filter": "/DCTDecode", "/ColorSpace": space, "/BitsPerComponent": 8}
    return ImagePayload(data, im.width, im.height, entries)


def _decode(
    data: bytes, frame: int, reduce_to: tuple[int, int] | None, *, turn: bool = True
) -> Image.Image:
    """Decode with the intake's own functions (bomb limits, HEIC, one-line errors), so a
    file decodes here exactly as it did when it was imported. `turn=False` keeps the
    stored orientation (passthrough-sized JPEGs: the page transform turns them)."""
    im = open_lazy(data, frame)
    draft_jpeg(im, reduce_to)
    pending = load(im, orientation(im) if turn else 1)
    if im.format == "PNG":
        check_png_complete(data, im)  # as at import: Pillow leaves a short stream's rows blank
    if pending in TRANSPOSE:
        with guarded():
            im = im.transpose(TRANSPOSE[pending])
    return flatten(im)


def original_payload(data: bytes, mime: str, frame: int) -> ImagePayload:
    if mime == "image/jpeg" and frame == 0:
        return _jpeg_payload(data)
    if mime == "image/png" and frame == 0:
        payload = _png_passthrough(data)
        if payload is not None:
            return payload
    return _lossless(_decode(data, frame, None))


def compact_payload(
    data: bytes, mime: str, frame: int, placed_w: float, placed_h: float
) -> ImagePayload:
    """`placed_w/h`: the upright image's size on the page in points."""
    target = (
        max(1, round(placed_w / 72.0 * COMPACT_DPI)),
        max(1, round(placed_h / 72.0 * COMPACT_DPI)),
    )
    request = (round(target[0] * DRAFT_SLACK), round(target[1] * DRAFT_SLACK))
    if mime == "image/jpeg" and frame == 0:
        # JPEGs stay in their stored orientation (the page transform turns them), so
        # sizes are compared in stored orientation.
        head = clean_jpeg(data, header_only=True)
        turn = _orientation(data)
        if turn in (5, 6, 7, 8):
            target, request = (target[1], target[0]), (request[1], request[0])
        if head.width <= target[0] * KEEP_FACTOR and head.height <= target[1] * KEEP_FACTOR:
            return _jpeg_payload(data)
        shrunk = simplest(_shrink(_decode(data, 0, request, turn=False), target))
        payload = _bilevel(shrunk) if shrunk.mode == "1" else _jpeg_encode(shrunk)
        payload.orientation = turn
        return payload
    im = _decode(data, frame, request)
    if im.mode == "1":
        return _lossless(im)
    shrunk = simplest(_shrink(im, target))  # gray prints gray, black text on white 1-bit
    if shrunk.mode == "1":
        return _bilevel(shrunk)
    encoded = _jpeg_encode(shrunk)
    if mime == "image/png" and frame == 0 and len(data) <= len(encoded.data) * 1.5:
        kept = _png_passthrough(data)  # line art: the original PNG data may be smaller
        if kept is not None and len(kept.data) <= len(encoded.data):
            return kept
    return encoded


def _bilevel(im: Image.Image) -> ImagePayload:
    from pdorganizer.export.encode import bilevel_payload  # it builds on this module

    return bilevel_payload(im)


def _shrink(im: Image.Image, target: tuple[int, int]) -> Image.Image:
    if im.width > target[0] * KEEP_FACTOR or im.height > target[1] * KEEP_FACTOR:
        return im.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return im
