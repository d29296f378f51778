"""Decoding image files from bytes in memory: every format intake accepts, upright.

Used by intake (page sizes, thumbnails) and by the export (page images), so both judge a
file with the same code: what imports, exports. Decoding never touches the disk. Images
whose declared size is absurd are refused before any pixel is decoded (decompression
bombs: a few KB that claim gigapixels). Every decoder call runs inside `guarded()`: any
exception a library raises on these bytes means "damaged" (core/untrusted.py).
"""

from __future__ import annotations

import contextlib
import io
import struct
import threading
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageFile

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.untrusted import DamagedFile, ImageTooLarge, decoding

# Pillow's own default (~89.5 MP, a 128 MB RGBA buffer). A 48 MP phone photo and a
# 600 dpi letter scan (34 MP) pass; anything above is refused as "image too large".
MAX_PIXELS = 89_478_485
# A multi-page TIFF with more frames than this is not a real scan.
MAX_FRAMES = 2000

# MIME type (from sniff_mime) -> the Pillow formats allowed to open it.
PIL_FORMATS: dict[str, tuple[str, ...]] = {
    "image/jpeg": ("JPEG", "MPO"),
    "image/png": ("PNG",),
    "image/tiff": ("TIFF",),
    "image/webp": ("WEBP",),
    "image/bmp": ("BMP",),
    "image/heic": ("HEIF",),
    "image/avif": ("AVIF",),  # Pillow >= 11.3 reads AVIF itself (libavif in its wheels)
    "image/gif": ("GIF",),
}

_register_lock = threading.Lock()
_registered = False


__all__ = ["DamagedFile", "ImageTooLarge", "NotSupported"]


class NotSupported(InvalidInput):
    def __init__(self, message: str = "not an image or PDF") -> None:
        super().__init__(message)


@contextlib.contextmanager
def guarded(what: str = "image") -> Iterator[None]:
    """The decode boundary, plus Pillow's bomb error read as "too large"."""
    with decoding(what):
        try:
            yield
        except Image.DecompressionBombError:
            raise ImageTooLarge() from None


def register_formats() -> None:
    """Teach Pillow HEIC/HEIF once; keep its bomb warning quiet (we refuse those images)."""
    global _registered
    with _register_lock:
        if _registered:
            return
        from pillow_heif import register_heif_opener

        register_heif_opener()
        Image.init()  # load every plugin now, not racing in the worker threads
        # Our own check refuses everything Pillow would warn about; the warning text on
        # stderr would only confuse.
        warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
        # Truncated files must fail, never come out half grey.
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        _registered = True


def sniff_mime(data: bytes) -> str | None:
    """The MIME type of an accepted format judged by its leading bytes, or None."""
    head = data[:32]
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    # classic TIFF (42) and BigTIFF (43)
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if (
        head[:2] == b"BM"
        and len(head) >= 18
        and int.from_bytes(head[14:18], "little")
        in (
            12,
            40,
            52,
            56,
            64,
            108,
            124,
        )
    ):
        return "image/bmp"
    if head[4:8] == b"ftyp":
        kind = _iso_image_kind(data)
        if kind:
            return kind
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    return None


_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1"}
_HEIF_BRANDS |= {b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}


def _iso_image_kind(data: bytes) -> str | None:
    """HEIC or AVIF from the ftyp box. Both list the generic brands mif1/msf1, so an AVIF
    brand anywhere (major first) decides for AVIF."""
    box_len = int.from_bytes(data[0:4], "big")
    if box_len < 16 or box_len > 4096:
        return None
    major = data[8:12]
    brands = [major] + [data[i : i + 4] for i in range(16, min(box_len, len(data)) - 3, 4)]
    if major in _AVIF_BRANDS:
        return "image/avif"
    if major in _HEIF_BRANDS - {b"mif1", b"msf1"}:
        return "image/heic"
    if any(b in _AVIF_BRANDS for b in brands):
        return "image/avif"
    if any(b in _HEIF_BRANDS for b in brands):
        return "image/heic"
    return None


def check_size(size: tuple[int, int]) -> None:
    w, h = size
    if w <= 0 or h <= 0:
        raise DamagedFile()
    if w * h > MAX_PIXELS:
        raise ImageTooLarge()


def open_lazy(data: bytes, frame: int = 0) -> Image.Image:
    """Open (not decode) frame `frame`; its declared size has passed the bomb check."""
    register_formats()
    mime = sniff_mime(data)
    if mime is None or mime not in PIL_FORMATS:
        raise NotSupported()
    with guarded():
        # Only the decoder the leading bytes name: no other plugin gets to parse it.
        im = Image.open(io.BytesIO(data), formats=PIL_FORMATS[mime])
        check_size(im.size)
        # Hand the decoder the whole stream in one call: in 64 KB blocks (Pillow's
        # default) a worker re-takes the GIL dozens of times per image, waiting each time
        # for the thread that writes the vault.
        im.decodermaxblock = max(len(data), 1 << 16)
        if frame:
            im.seek(frame)
            check_size(im.size)
    return im


def frame_count(im: Image.Image) -> int:
    with guarded():
        n = int(getattr(im, "n_frames", 1))
    if n > MAX_FRAMES:
        raise ImageTooLarge("too many pages in one image file")
    return max(n, 1)


def gif_frames(data: bytes) -> int:
    """How many frames a GIF holds (only the first is a page), counted on an Image of
    its own so the page's decoder never sees the seeks; 0 when the count fails."""
    try:
        with guarded():
            im = Image.open(io.BytesIO(data), formats=("GIF",))
            return int(im.n_frames) if im.is_animated else 1
    except InvalidInput:
        return 0


@dataclass
class PngParts:
    """A PNG's header fields and image data, read by walking its chunks (no decoding)."""

    width: int
    height: int
    depth: int
    color: int
    interlace: int
    palette: bytes | None
    idat: bytes
    extras: frozenset[bytes]  # tRNS / acTL / fcTL / fdAT seen: not a plain image


_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def png_parts(data: bytes) -> PngParts | None:
    """The chunks the passthrough and the completeness check need; None when the chunk
    structure itself is broken (the decoder then judges the file)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, header, palette, extras = 8, [], None, None, set()
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if pos + 12 + length > len(data):
            return None  # a chunk cut short
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR" and length == 13:
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"PLTE":
            palette = chunk
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind in (b"tRNS", b"acTL", b"fcTL", b"fdAT"):
            extras.add(kind)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat or header[3] not in _PNG_CHANNELS:
        return None
    width, height, depth, color, _comp, _filter, interlace = header
    return PngParts(
        width, height, depth, color, interlace, palette, b"".join(idat), frozenset(extras)
    )


def png_raw_size(png: PngParts) -> int:
    """Bytes the image data must inflate to: every row of every pass, with its filter
    byte."""
    bits = _PNG_CHANNELS[png.color] * png.depth
    if not png.interlace:
        return png.height * (1 + (png.width * bits + 7) // 8)
    total = 0
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
                           (1, 0, 2, 2), (0, 1, 1, 2)):  # fmt: skip
        cols = (png.width - x0 + dx - 1) // dx
        rows = (png.height - y0 + dy - 1) // dy
        if cols > 0 and rows > 0:
            total += rows * (1 + (cols * bits + 7) // 8)
    return total


def check_png_complete(data: bytes, im: Image.Image) -> None:
    """Refuse a PNG whose image data inflates to fewer rows than its header declares.

    Pillow's decoder stops quietly where such a stream ends and leaves the missing rows
    as they were allocated: zero bytes. `im` is the decoded image: when its last pixel
    (the last bytes of the stream) holds anything but zeros, every row arrived. Else
    (a black or transparent corner, or interlaced) the stream is inflated once more and
    counted, in 1 MB pieces so memory stays flat."""
    if data[12:16] == b"IHDR" and len(data) >= 29:  # the header alone, for the quick proof
        w, h = struct.unpack(">II", data[16:24])
        if data[28] == 0 and im.size == (w, h):
            with guarded():
                if any(im.crop((w - 1, h - 1, w, h)).tobytes()):
                    return
    png = png_parts(data)
    if png is None:
        return  # the decoder has judged the chunks already
    need = png_raw_size(png)
    inflater = zlib.decompressobj()
    got, rest = 0, png.idat
    try:
        while rest and got < need:
            got += len(inflater.decompress(rest, 1 << 20))
            rest = inflater.unconsumed_tail
            if inflater.eof:
                break
        if got < need and not inflater.eof:
            got += len(inflater.flush())
    except zlib.error:
        raise DamagedFile() from None
    if got < need:
        raise DamagedFile()


# EXIF orientation -> the transpose that makes the stored pixels upright (as ImageOps).
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_ORIENTATION = 0x0112


def orientation(im: Image.Image) -> int:
    """The EXIF/TIFF orientation of the current frame (1 = upright); read before load().

    Never decodes: TIFF from the frame's tags; every other format from the EXIF block its
    header carried (a PNG's eXIf before the image data; `getexif()` would decode a PNG,
    and a failed decode there once left half-blank pixels behind). HEIF: pillow-heif has
    turned the pixels already and reports 1. An EXIF block that does not parse means
    upright: the same answer at import and at export, since both ask here.
    """
    try:
        if im.format == "TIFF":  # per frame, and getexif() goes stale after seek()
            value = im.tag_v2.get(_ORIENTATION, 1)  # type: ignore[attr-defined]
        else:
            raw = im.info.get("exif")
            if not raw:
                return 1
            exif = Image.Exif()
            exif.load(bytes(raw))
            value = exif.get(_ORIENTATION, 1)
    except Exception:  # a broken EXIF block: the pixels can still be good
        return 1
    return value if value in TRANSPOSE else 1


def load(im: Image.Image, turn: int) -> int:
    """Decode the current frame; return the turn still to apply to its pixels.

    `turn` is orientation(im) read before loading. Newer Pillow turns TIFF pixels itself
    while loading (and then drops the tag); older Pillow does not.
    """
    with guarded():
        im.load()
        if im.format == "TIFF" and _ORIENTATION not in im.tag_v2:  # type: ignore[attr-defined]
            return 1
    return turn


def upright(im: Image.Image) -> Image.Image:
    """Decode and apply the orientation: a loaded, upright image."""
    turn = load(im, orientation(im))
    with guarded():
        return im.transpose(TRANSPOSE[turn]) if turn in TRANSPOSE else im


def draft_jpeg(im: Image.Image, reduce_to: tuple[int, int] | None) -> None:
    """Let a JPEG decode at a reduced scale (most of the speed of thumbnails and compact
    pages); the size is in the file's stored orientation."""
    if reduce_to is not None and im.format in ("JPEG", "MPO"):
        with guarded():
            im.draft("RGB" if im.mode in ("RGB", "CMYK", "YCbCr") else im.mode, reduce_to)


def open_image(
    data: bytes,
    frame: int = 0,
    *,
    reduce_to: tuple[int, int] | None = None,
    gray: bool = False,
) -> Image.Image:
    """Decode frame `frame` of an accepted image file, upright, fully loaded.

    `reduce_to`: a size (in the file's stored orientation) the caller will shrink to
    anyway; JPEGs then decode at a reduced scale (much faster, much less memory).
    `gray`: the caller wants gray anyway; a colour JPEG then decodes its brightness only
    (a third of the memory, no colour conversion).
    Raises ImageTooLarge / DamagedFile / NotSupported (one-line messages).
    The mode is whatever the file holds ("1", "L", "I;16", "RGB", "RGBA", "CMYK", "P"...);
    `flatten` turns it into something any consumer can draw or encode.
    """
    im = open_lazy(data, frame)
    if gray and im.format in ("JPEG", "MPO") and im.mode in ("RGB", "YCbCr"):
        with guarded():
            im.draft("L", reduce_to or im.size)
    else:
        draft_jpeg(im, reduce_to)
    return upright(im)


def flatten(im: Image.Image) -> Image.Image:
    """Mode "1", "L" or "RGB": alpha over white, 16-bit scaled to 8, CMYK/palette to RGB."""
    with guarded():
        return _flatten(im)


def _flatten(im: Image.Image) -> Image.Image:
    if im.mode in ("1", "L", "RGB"):
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit grey: keep the top 8 bits (the common scanner case).
        return im.convert("I").point(lambda v: v / 256).convert("L")
    if im.mode == "F":
        return im.convert("L")
    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif im.mode in ("PA", "RGBa"):
        im = im.convert("RGBA")
    elif im.mode == "La":
        im = im.convert("LA")
    if im.mode in ("RGBA", "LA"):
        base = Image.new("RGB" if im.mode == "RGBA" else "L", im.size, "white")
        base.paste(im.convert(base.mode), mask=im.getchannel("A"))
        return base
    return im.convert("RGB")
