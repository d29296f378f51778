"""Seed files for the fuzzer: a small valid file of every format and variant intake accepts.

Generated here (never copied from elsewhere), small so mutations reach deep parts of the
decoders quickly. A few seeds are hostile on purpose (an unsupported TIFF compression, a
wrong startxref, a password to open) because they make libraries talk or refuse.
"""

from __future__ import annotations

import contextlib
import io
import random
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

# Private values planted in metadata of the seeds (EXIF, XMP, PDF info, a form XObject's
# /PTEX.InfoDict): an export that contains one of them leaked source metadata.
LEAK_MARKERS = (b"FuzzCam", b"FuzzAuthor", b"FuzzProducer", b"FuzzXmpSecret", b"FuzzPtexInfo")


@dataclass(frozen=True)
class Seed:
    name: str  # e.g. "jpeg-progressive"
    ext: str  # file name ending, so sniffing by content is what decides
    data: bytes


def _picture(size: tuple[int, int] = (96, 128), seed: int = 0) -> Image.Image:
    """Upright page with marks and some noise (so compression keeps structure)."""
    w, h = size
    im = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, w // 3, h // 4), fill=(220, 20, 20))
    draw.rectangle((w - w // 3, 0, w, h // 4), fill=(20, 200, 20))
    draw.line((0, h - 1, w - 1, h // 2), fill=(0, 0, 0), width=3)
    noise = Image.frombytes("L", size, random.Random(seed).randbytes(w * h))
    return Image.blend(im, Image.merge("RGB", (noise, noise, noise)), 0.15)


def _save(im: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **params)
    return out.getvalue()


def _exif(orientation: int = 6, gps: bool = True) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "FuzzCam"
    exif[0x0132] = "2024:01:02 03:04:05"
    if gps:
        exif[0x8825] = {1: "N", 2: (40.0, 42.0, 51.0), 3: "W", 4: (74.0, 0.0, 21.0)}
    return exif.tobytes()


def _jpegs() -> list[Seed]:
    im = _picture()
    return [
        Seed("jpeg-baseline", "jpg", _save(im, "JPEG", quality=85)),
        Seed("jpeg-progressive", "jpg", _save(im, "JPEG", progressive=True, optimize=True)),
        Seed("jpeg-cmyk", "jpg", _save(im.convert("CMYK"), "JPEG")),
        Seed("jpeg-gray", "jpg", _save(im.convert("L"), "JPEG")),
        Seed("jpeg-exif-gps", "jpg", _save(im, "JPEG", exif=_exif(6))),
        Seed("jpeg-xmp", "jpg", _save(im, "JPEG", xmp=b"<x:xmpmeta>FuzzXmpSecret</x:xmpmeta>")),
        Seed("jpeg-444-restart", "jpg", _save(im, "JPEG", subsampling=0, restart_marker_rows=1)),
    ]


def _apng() -> bytes:
    frames = [_picture(seed=i) for i in range(3)]
    return _save(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=100)


def _pngs() -> list[Seed]:
    im = _picture()
    rgba = im.convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(im.size))
    pal = im.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    gray16 = im.convert("L").convert("I").point(lambda v: v * 257).convert("I;16")
    return [
        Seed("png-rgb", "png", _save(im, "PNG")),
        Seed("png-palette-trns", "png", _save(pal, "PNG", transparency=0)),
        Seed("png-alpha", "png", _save(rgba, "PNG")),
        Seed("png-16bit", "png", _save(gray16, "PNG")),
        Seed("png-1bit", "png", _save(im.convert("1"), "PNG")),
        Seed("png-exif", "png", _save(im, "PNG", exif=_exif(3, gps=False), dpi=(150, 150))),
        Seed("apng", "png", _apng()),
    ]


def _tiff_with_compression(code: int) -> bytes:
    """An uncompressed TIFF relabelled with another compression code (e.g. 50001 WEBP,
    which this libtiff lacks: it prints its own message on stderr)."""
    data = bytearray(_save(_picture((32, 32)), "TIFF"))
    (ifd,) = struct.unpack_from("<I", data, 4)
    (count,) = struct.unpack_from("<H", data, ifd)
    for i in range(count):
        at = ifd + 2 + 12 * i
        if struct.unpack_from("<H", data, at)[0] == 259:  # Compression
            struct.pack_into("<HHIHH", data, at, 259, 3, 1, code, 0)
    return bytes(data)


def _tiffs() -> list[Seed]:
    im = _picture()
    pages = [_picture(seed=i) for i in range(3)]
    return [
        Seed(
            "tiff-multipage-lzw",
            "tif",
            _save(pages[0], "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw"),
        ),
        Seed(
            "tiff-g4", "tif", _save(im.convert("1"), "TIFF", compression="group4", dpi=(200, 200))
        ),
        Seed("tiff-jpeg", "tif", _save(im, "TIFF", compression="jpeg")),
        Seed(
            "tiff-deflate-cmyk",
            "tif",
            _save(im.convert("CMYK"), "TIFF", compression="tiff_adobe_deflate"),
        ),
        Seed(
            "tiff-packbits-gray16", "tif", _save(im.convert("I;16"), "TIFF", compression="packbits")
        ),
        Seed("bigtiff", "tif", _save(im, "TIFF", big_tiff=True)),
        Seed("tiff-webp-unsupported", "tif", _tiff_with_compression(50001)),
    ]


def _others() -> list[Seed]:
    im = _picture()
    frames = [_picture(seed=i) for i in range(3)]
    seeds = [
        Seed("webp-lossy", "webp", _save(im, "WEBP", quality=70)),
        Seed("webp-lossless-alpha", "webp", _save(im.convert("RGBA"), "WEBP", lossless=True)),
        Seed(
            "webp-animated",
            "webp",
            _save(frames[0], "WEBP", save_all=True, append_images=frames[1:]),
        ),
        Seed("bmp-24", "bmp", _save(im, "BMP")),
        Seed("bmp-8-palette", "bmp", _save(im.convert("P"), "BMP")),
        Seed("bmp-32", "bmp", _save(im.convert("RGBA"), "BMP")),
        Seed("gif-still", "gif", _save(im.convert("P"), "GIF")),
        Seed(
            "gif-animated", "gif", _save(frames[0], "GIF", save_all=True, append_images=frames[1:])
        ),
    ]
    try:
        import pillow_heif

        heif = pillow_heif.from_pillow(im)
        out = io.BytesIO()
        heif.save(out, quality=60, exif=_exif(6))
        seeds.append(Seed("heic", "heic", out.getvalue()))
    except Exception:  # no HEVC encoder in this build: no HEIC seed
        pass
    with contextlib.suppress(Exception):  # Pillow without AVIF: no AVIF seed
        seeds.append(Seed("avif", "avif", _save(im, "AVIF", quality=60)))
    return seeds


# -- PDFs ----------------------------------------------------------------------------------


def _reportlab_pdf(draw: Callable[..., None], pagesize: tuple[float, float] = (300, 400)) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=pagesize, pageCompression=1)
    c.setAuthor("FuzzAuthor")
    draw(c)
    c.save()
    return out.getvalue()


def _pdf_text(c) -> None:
    c.setFont("Helvetica", 14)
    c.drawString(40, 350, "Fuzz seed: a letter")
    c.rect(20, 20, 100, 60, fill=1)
    c.showPage()
    c.setPageSize((400, 300))  # a landscape second page
    c.drawString(40, 250, "page two")
    c.showPage()


def _pdf_images(c) -> None:
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(io.BytesIO(_save(_picture(), "JPEG"))), 20, 100, 150, 200)
    c.drawImage(ImageReader(_picture(seed=3).convert("RGBA")), 180, 100, 100, 130, mask="auto")
    c.showPage()


def _pdf_form_xobject(c) -> None:
    c.beginForm("logo")
    c.circle(50, 50, 40, fill=1)
    c.drawString(20, 45, "form")
    c.endForm()
    for y in (50, 200):
        c.doForm("logo")
        c.translate(0, y)
    c.showPage()


def _pdf_acroform(c) -> None:
    c.drawString(20, 370, "Name:")
    c.acroForm.textfield(name="name", value="Ana", x=70, y=360, width=150, height=20)
    c.acroForm.checkbox(name="ok", x=70, y=320, checked=True)
    c.showPage()


def _with_pypdf(data: bytes, edit: Callable[..., None]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _annotate(writer) -> None:
    from pypdf.annotations import FreeText, Link

    writer.add_annotation(0, FreeText(text="note", rect=(20, 20, 120, 60)))
    writer.add_annotation(0, Link(rect=(20, 300, 120, 320), url="https://example.org/"))
    writer.pages[0].rotate(90)


def _ptex_info(writer) -> None:
    """A LaTeX-style embedded figure: its form XObject carries the figure's document info."""
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    xobjects = writer.pages[0]["/Resources"]["/XObject"]
    for name in list(xobjects):
        form = xobjects[name].get_object()
        form[NameObject("/PTEX.InfoDict")] = DictionaryObject(
            {NameObject("/Author"): TextStringObject("FuzzPtexInfo")}
        )
        form[NameObject("/PTEX.FileName")] = TextStringObject("FuzzPtexInfo/figure.pdf")


def _object_stream_pdf() -> bytes:
    """Objects inside an /ObjStm and a cross-reference stream (PDF 1.5), written by hand:
    neither reportlab nor pypdf write them."""
    content = b"BT /F1 18 Tf 30 300 Td (object streams) Tj ET 0 0 1 rg 20 20 80 40 re f"
    inner = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    header, body, offset = [], b"", 0
    for num, obj in inner.items():
        header.append(f"{num} {offset}".encode())
        body += obj + b"\n"
        offset = len(body)
    head = b" ".join(header) + b"\n"
    objstm = zlib.compress(head + body)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    offsets[4] = len(out)
    stream = zlib.compress(content)
    out += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    out += stream + b"\nendstream\nendobj\n"
    offsets[6] = len(out)
    out += b"6 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\n" % (
        len(inner),
        len(head),
        len(objstm),
    )
    out += b"stream\n" + objstm + b"\nendstream\nendobj\n"
    xref_at = len(out)
    rows = [b"\x00" + struct.pack(">IH", 0, 65535)]  # object 0: free
    index_in_stm = {num: i for i, num in enumerate(inner)}
    for num in range(1, 8):
        if num in index_in_stm:
            rows.append(b"\x02" + struct.pack(">IH", 6, index_in_stm[num]))
        elif num == 7:
            rows.append(b"\x01" + struct.pack(">IH", xref_at, 0))
        else:
            rows.append(b"\x01" + struct.pack(">IH", offsets[num], 0))
    xref = zlib.compress(b"".join(rows))
    out += b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d " % len(xref)
    out += b"/Filter /FlateDecode >>\nstream\n" + xref + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _image_pdf(image: bytes, params: bytes) -> bytes:
    """One page drawing one image XObject whose stream is `image` as is (params: the
    stream dictionary's /Filter, /ColorSpace... entries)."""
    content = b"q 200 0 0 150 50 100 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Image %s /Length %d >>\nstream\n%s\nendstream"
        % (params, len(image), image),
    ]
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def _jpx_pdf() -> bytes:
    im = _picture((64, 48))
    jp2 = _save(im, "JPEG2000", irreversible=True, quality_mode="rates", quality_layers=[20])
    return _image_pdf(jp2, b"/Width 64 /Height 48 /Filter /JPXDecode")


def _ccitt_pdf() -> bytes:
    """A CCITT G4 strip taken out of a TIFF, as scanners put it in PDFs."""
    from PIL import TiffImagePlugin

    tif = _save(_picture((64, 48)).convert("1"), "TIFF", compression="group4")
    with Image.open(io.BytesIO(tif)) as im:
        assert isinstance(im, TiffImagePlugin.TiffImageFile)
        offset, length = im.tag_v2[273][0], im.tag_v2[279][0]
    return _image_pdf(
        tif[offset : offset + length],
        b"/Width 64 /Height 48 /ColorSpace /DeviceGray /BitsPerComponent 1 "
        b"/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 /Rows 48 /BlackIs1 false >>",
    )


def _wrong_startxref(data: bytes) -> bytes:
    """The same PDF with its startxref pointing nowhere (pypdf logs and recovers)."""
    at = data.rindex(b"startxref")
    return data[:at] + b"startxref\n%d\n%%%%EOF\n" % (len(data) // 3)


def _incremental(data: bytes) -> bytes:
    """An incremental update appended: a new Info dictionary and a second xref section."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer.raw_get("/Root").idnum
    size = int(reader.trailer["/Size"])
    prev = data.rindex(b"startxref")
    prev_at = int(data[prev + 9 :].split()[0])
    obj_at = len(data)
    added = b"%d 0 obj\n<< /Title (updated) /Producer (FuzzProducer) >>\nendobj\n" % size
    xref_at = obj_at + len(added)
    xref = b"xref\n%d 1\n%010d 00000 n \n" % (size, obj_at)
    trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\n" % (
        size + 1,
        root,
        size,
        prev_at,
    )
    return data + added + xref + trailer + b"startxref\n%d\n%%%%EOF\n" % xref_at


def _pdfs() -> list[Seed]:
    text = _reportlab_pdf(_pdf_text)
    seeds = [
        Seed("pdf-text-2pages", "pdf", text),
        Seed("pdf-images", "pdf", _reportlab_pdf(_pdf_images)),
        Seed("pdf-form-xobject", "pdf", _reportlab_pdf(_pdf_form_xobject)),
        Seed(
            "pdf-form-ptex-info",
            "pdf",
            _with_pypdf(_reportlab_pdf(_pdf_form_xobject), _ptex_info),
        ),
        Seed("pdf-acroform", "pdf", _reportlab_pdf(_pdf_acroform)),
        Seed("pdf-annotations-rotate", "pdf", _with_pypdf(text, _annotate)),
        Seed(
            "pdf-owner-password-aes",
            "pdf",
            _with_pypdf(text, lambda w: w.encrypt("", owner_password="owner", algorithm="AES-256")),
        ),
        Seed(
            "pdf-owner-password-rc4",
            "pdf",
            _with_pypdf(text, lambda w: w.encrypt("", owner_password="owner", algorithm="RC4-128")),
        ),
        Seed(
            "pdf-user-password",
            "pdf",
            _with_pypdf(text, lambda w: w.encrypt("secret", algorithm="AES-128")),
        ),
        Seed("pdf-object-streams", "pdf", _object_stream_pdf()),
        Seed("pdf-ccitt-image", "pdf", _ccitt_pdf()),
        Seed("pdf-wrong-startxref", "pdf", _wrong_startxref(text)),
        Seed("pdf-incremental", "pdf", _incremental(text)),
    ]
    with contextlib.suppress(Exception):  # Pillow without OpenJPEG: no JPEG 2000 seed
        seeds.append(Seed("pdf-jpx-image", "pdf", _jpx_pdf()))
    return seeds


def all_seeds() -> list[Seed]:
    """Every seed, in a fixed order (the fuzzer's choices depend on it)."""
    return _jpegs() + _pngs() + _tiffs() + _others() + _pdfs()


if __name__ == "__main__":  # list them: python benchmarks/fuzzing/seeds.py
    for s in all_seeds():
        print(f"{s.name:28} {len(s.data):7} bytes")
