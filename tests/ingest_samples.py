"""Generators for every file format and variant intake must handle, good and bad.

Images are drawn upright with a red block at the top left and a green block at the top
right, then stored turned/mirrored the way the EXIF orientation says, so a test can tell
from a thumbnail that the page came out upright (not turned, not mirrored).
PDF pages carry a red block at their displayed top left.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

RED = (220, 20, 20)
GREEN = (20, 200, 20)

# The transpose that turns upright pixels into what a camera stores for each orientation
# (the inverse of what a viewer applies).
_STORE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright_image(size: tuple[int, int] = (300, 400), mode: str = "RGB") -> Image.Image:
    """White page, red block top left, green block top right (as a person sees it)."""
    w, h = size
    im = Image.new("RGB", size, "white")
    im.paste(RED, (0, 0, w // 3, h // 4))
    im.paste(GREEN, (w - w // 3, 0, w, h // 4))
    return im.convert(mode) if mode != "RGB" else im


def noisy_image(
    size: tuple[int, int], mode: str = "RGB", seed: int = 0, amount: float = 0.25
) -> Image.Image:
    """Photo-like: the upright markers plus noise so JPEG/PNG do not compress it away."""
    im = upright_image(size, "RGB")
    noise = Image.frombytes("L", size, random.Random(seed).randbytes(size[0] * size[1]))
    im = Image.blend(im, Image.merge("RGB", (noise, noise, noise)), amount)
    return im.convert(mode) if mode != "RGB" else im


def _exif(orientation: int | None = None, gps: bool = False) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "Phone 1"  # Model
    if orientation:
        exif[0x0112] = orientation
    if gps:
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1] = "N"
        gps_ifd[2] = (37.0, 46.0, 30.0)
        gps_ifd[3] = "W"
        gps_ifd[4] = (122.0, 25.0, 10.0)
    return exif.tobytes()


def _stored(im: Image.Image, orientation: int | None) -> Image.Image:
    return im.transpose(_STORE[orientation]) if orientation in _STORE else im


def jpeg(
    orientation: int | None = None,
    *,
    size: tuple[int, int] = (300, 400),
    progressive: bool = False,
    cmyk: bool = False,
    gps: bool = False,
    dpi: tuple[int, int] | None = None,
    noisy: bool = False,
    seed: int = 0,
    quality: int = 85,
    noise: float = 0.25,
) -> bytes:
    im = noisy_image(size, seed=seed, amount=noise) if noisy else upright_image(size)
    im = _stored(im, orientation)
    if cmyk:
        im = im.convert("CMYK")
    out = io.BytesIO()
    kwargs: dict = {"quality": quality, "exif": _exif(orientation, gps)}
    if progressive:
        kwargs["progressive"] = True
    if dpi:
        kwargs["dpi"] = dpi
    im.save(out, "JPEG", **kwargs)
    return out.getvalue()


def png(kind: str = "rgb", size: tuple[int, int] = (300, 400), dpi: int | None = None) -> bytes:
    """kind: rgb, alpha, palette, gray16, gray (noisy grayscale scan)."""
    im = upright_image(size)
    if kind == "alpha":
        im = im.convert("RGBA")
        im.putalpha(Image.new("L", size, 255).point(lambda v: v))
        im.paste((0, 0, 0, 0), (size[0] // 3, size[1] // 2, size[0] * 2 // 3, size[1]))
    elif kind == "palette":
        im = im.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    elif kind == "gray16":
        im = im.convert("L").point(lambda v: v * 257, "I").convert("I;16")
    elif kind == "gray":
        im = noisy_image(size, "L")
    out = io.BytesIO()
    im.save(out, "PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return out.getvalue()


def tiff(kind: str = "multipage", pages: int = 3, size: tuple[int, int] = (300, 400)) -> bytes:
    """kind: multipage (LZW RGB frames), g4 (bilevel CCITT group 4), lzw (one page)."""
    out = io.BytesIO()
    if kind == "g4":
        frames = [upright_image(size, "L").point(lambda v: 255 if v > 200 else 0, "1")]
        frames[0].save(out, "TIFF", compression="group4", dpi=(300, 300))
        return out.getvalue()
    count = pages if kind == "multipage" else 1
    frames = [upright_image(size) for _ in range(count)]
    if count > 1:  # tell the frames apart: the last one is landscape
        frames[-1] = upright_image((size[1], size[0]))
    frames[0].save(
        out, "TIFF", compression="tiff_lzw", save_all=True, append_images=frames[1:], dpi=(200, 200)
    )
    return out.getvalue()


def oriented(fmt: str, orientation: int, frames: int = 1) -> bytes:
    """A PNG, TIFF or WebP whose pixels are stored turned, with the EXIF orientation."""
    pages = [_stored(upright_image((300, 400)), orientation) for _ in range(frames)]
    out = io.BytesIO()
    extra = {"save_all": True, "append_images": pages[1:]} if frames > 1 else {}
    pages[0].save(out, fmt, exif=_exif(orientation), **extra)
    return out.getvalue()


def webp(size: tuple[int, int] = (300, 400)) -> bytes:
    out = io.BytesIO()
    upright_image(size).save(out, "WEBP", quality=80)
    return out.getvalue()


def bmp(size: tuple[int, int] = (300, 400)) -> bytes:
    out = io.BytesIO()
    upright_image(size).save(out, "BMP")
    return out.getvalue()


def heic(orientation: int | None = 6, size: tuple[int, int] = (300, 400)) -> bytes:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    _stored(upright_image(size), orientation).save(
        out, "HEIF", quality=60, exif=_exif(orientation, gps=True)
    )
    return out.getvalue()


def gif(frames: int = 1, size: tuple[int, int] = (300, 400)) -> bytes:
    """A still GIF, or an animation whose frames differ (only the first is a page)."""
    ims = []
    for i in range(frames):
        im = upright_image(size)
        im.paste(
            (0, 0, 0),
            (size[0] // 2 + 8 * i, size[1] // 2, size[0] // 2 + 8 * i + 6, size[1] // 2 + 6),
        )
        ims.append(im.convert("P", palette=Image.Palette.ADAPTIVE))
    out = io.BytesIO()
    extra = {"save_all": True, "append_images": ims[1:], "duration": 100} if frames > 1 else {}
    ims[0].save(out, "GIF", **extra)
    return out.getvalue()


def avif(orientation: int | None = None, size: tuple[int, int] = (300, 400)) -> bytes:
    """Pillow writes AVIF itself (>= 11.3); the EXIF orientation as a camera would."""
    out = io.BytesIO()
    _stored(upright_image(size), orientation).save(out, "AVIF", exif=_exif(orientation))
    return out.getvalue()


def bigtiff(size: tuple[int, int] = (300, 400)) -> bytes:
    out = io.BytesIO()
    upright_image(size).save(out, "TIFF", big_tiff=True, compression="tiff_lzw")
    return out.getvalue()


# -- PDFs ------------------------------------------------------------------------------


def _marker(w: float, h: float, rotate: int) -> bytes:
    """Content that shows a red block at the displayed top left after /Rotate."""
    bw, bh = w / 4, h / 4
    corner = {  # unrotated corner that ends up displayed top left
        0: (0, h - bh),
        90: (0, 0),
        180: (w - bw, 0),
        270: (w - bw, h - bh),
    }[rotate % 360]
    return f"0.86 0.08 0.08 rg {corner[0]:.2f} {corner[1]:.2f} {bw:.2f} {bh:.2f} re f".encode()


def pdf(
    pages: list[tuple[float, float, int]] | None = None,
    *,
    owner_password: str | None = None,
    user_password: str | None = None,
    algorithm: str = "AES-256",
    info: bool = True,
    image_pixels: tuple[int, int] | None = None,
) -> bytes:
    """pages: (width, height, /Rotate) each; default one letter page."""
    writer = PdfWriter()
    for w, h, rotate in pages or [(612, 792, 0)]:
        page = writer.add_blank_page(w, h)
        stream = DecodedStreamObject()
        stream.set_data(_marker(w, h, rotate))
        page[NameObject("/Contents")] = writer._add_object(stream)
        if rotate:
            page.rotate(rotate)
    if image_pixels:  # an image XObject that declares a huge size (a bomb)
        _add_declared_image(writer, image_pixels)
    if info:
        writer.add_metadata({"/Author": "Agency Clerk", "/Title": "Notice to Appear"})
    if owner_password or user_password:
        writer.encrypt(
            user_password=user_password or "",
            owner_password=owner_password,
            permissions_flag=0,
            algorithm=algorithm,
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_declared_image(writer: PdfWriter, size: tuple[int, int]) -> None:
    from pypdf.generic import DictionaryObject, NumberObject, StreamObject

    img = StreamObject()
    img._data = zlib.compress(b"\x00" * 1024)
    img.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(size[0]),
            NameObject("/Height"): NumberObject(size[1]),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/FlateDecode"),
        }
    )
    page = writer.pages[0]
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(img)})}
    )


def image_pdf(seed: int, pages: int) -> bytes:
    """A scanned-letter-like PDF: each page a JPEG (Pillow writes these)."""
    frames = [noisy_image((850, 1100), "L", seed=seed + i) for i in range(pages)]
    out = io.BytesIO()
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=100)
    return out.getvalue()


# -- bad input -------------------------------------------------------------------------


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (width + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def zip_file() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("letter.txt", "Dear officer, ...")
    return out.getvalue()


@dataclass
class Sample:
    name: str  # file name to write it under
    make: Callable[[], bytes]
    pages: int = 1
    mime: str = ""
    landscape: tuple[bool, ...] = (False,)  # per page, as displayed


GOOD: list[Sample] = [
    Sample("baseline.jpg", lambda: jpeg(), 1, "image/jpeg"),
    Sample("progressive.jpg", lambda: jpeg(progressive=True), 1, "image/jpeg"),
    Sample("cmyk.jpg", lambda: jpeg(cmyk=True), 1, "image/jpeg"),
    *[
        Sample(f"orientation{o}.jpg", (lambda o=o: jpeg(o, gps=True)), 1, "image/jpeg")
        for o in range(1, 9)
    ],
    Sample("alpha.png", lambda: png("alpha"), 1, "image/png"),
    Sample("palette.png", lambda: png("palette"), 1, "image/png"),
    Sample("gray16.png", lambda: png("gray16"), 1, "image/png"),
    Sample("multipage.tif", lambda: tiff("multipage"), 3, "image/tiff", (False, False, True)),
    Sample("bilevel-g4.tif", lambda: tiff("g4"), 1, "image/tiff"),
    Sample("lzw.tiff", lambda: tiff("lzw"), 1, "image/tiff"),
    Sample("photo.webp", lambda: webp(), 1, "image/webp"),
    Sample("orientation6.png", lambda: oriented("PNG", 6), 1, "image/png"),
    Sample("orientation8.webp", lambda: oriented("WEBP", 8), 1, "image/webp"),
    Sample("orientation6.tif", lambda: oriented("TIFF", 6), 1, "image/tiff"),
    Sample(
        "turned-pages.tif", lambda: oriented("TIFF", 3, frames=2), 2, "image/tiff", (False, False)
    ),
    Sample("scan.bmp", lambda: bmp(), 1, "image/bmp"),
    Sample("iphone.heic", lambda: heic(6), 1, "image/heic"),
    Sample("still.gif", lambda: gif(1), 1, "image/gif"),
    Sample("animated.gif", lambda: gif(3), 1, "image/gif"),
    Sample("photo.avif", lambda: avif(), 1, "image/avif"),
    Sample("orientation6.avif", lambda: avif(6), 1, "image/avif"),
    Sample("big.tif", lambda: bigtiff(), 1, "image/tiff"),
    Sample(
        "mixed.pdf",
        lambda: pdf([(612, 792, 0), (595.28, 841.89, 0), (792, 612, 0), (612, 792, 90)]),
        4,
        "application/pdf",
        (False, False, True, True),
    ),
    Sample(
        "rotated.pdf",
        lambda: pdf([(612, 792, 90), (612, 792, 180), (612, 792, 270)]),
        3,
        "application/pdf",
        (True, False, True),
    ),
    Sample(
        "owner-only.pdf",
        lambda: pdf([(612, 792, 0), (612, 792, 0)], owner_password="owner-secret"),
        2,
        "application/pdf",
        (False, False),
    ),
    Sample(
        "owner-only-rc4.pdf",
        lambda: pdf([(612, 792, 0)], owner_password="owner-secret", algorithm="RC4-128"),
        1,
        "application/pdf",
    ),
]


def _truncated_jpeg() -> bytes:
    data = jpeg(noisy=True, size=(400, 300))
    return data[: len(data) // 2]


def _pdf_cut_in_half() -> bytes:
    data = image_pdf(1, 3)
    return data[: len(data) // 2]


BAD: list[tuple[str, Callable[[], bytes], str]] = [
    ("empty.pdf", lambda: b"", "the file is empty"),
    ("random.bin", lambda: random.Random(7).randbytes(4096), "not an image or PDF"),
    ("notes.jpg", lambda: b"These are my notes, not a picture.\n" * 20, "not an image or PDF"),
    ("truncated.jpg", _truncated_jpeg, "the file is damaged or incomplete"),
    ("half.pdf", _pdf_cut_in_half, "the file is damaged or incomplete"),
    ("locked.pdf", lambda: pdf(user_password="user-secret"), "password-protected PDF"),
    (
        "locked-rc4.pdf",
        lambda: pdf(user_password="u", algorithm="RC4-128"),
        "password-protected PDF",
    ),
    ("bomb.png", lambda: png_bomb(), "image too large"),
    ("just-over.png", lambda: png_bomb(10_000, 9_000), "image too large"),
    ("bomb.pdf", lambda: pdf(image_pixels=(200_000, 200_000)), "an image in this PDF is too large"),
    ("archive.zip", zip_file, "not an image or PDF"),
    ("broken.png", lambda: png()[:200], "the file is damaged or incomplete"),
    # A JPEG start then zeros: Pillow's JPEG parser raises KeyError on it.
    ("zeros.jpg", lambda: b"\xff\xd8\xff\xe0" + bytes(5000), "the file is damaged or incomplete"),
    ("header-only.jpg", lambda: jpeg()[:20], "the file is damaged or incomplete"),
]


def write(folder: os.PathLike[str] | str, name: str, data: bytes) -> str:
    path = os.path.join(folder, name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path
