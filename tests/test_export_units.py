"""The export's building blocks: placement geometry, JPEG cleaning, image streams,
and source PDFs (rotation, filled-in form fields, metadata)."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from test_export_support import CAMERA, add_pdf, photo_jpeg, png_scan

from pdorganizer.export.images import compact_payload, original_payload
from pdorganizer.export.jpeg import BadJpeg, clean_jpeg
from pdorganizer.export.layout import LABEL_BAND, Geometry, place, then
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.vault import CHEAP_PARAMS, Vault
from pdorganizer.vault.repos import NewPage, NewSource


def _corners(m, w, h):
    a, b, c, d, e, f = m
    return [(a * x + c * y + e, b * x + d * y + f) for x, y in ((0, 0), (w, 0), (0, h), (w, h))]


@pytest.mark.parametrize(
    ("size", "turn", "mirror", "paper"),
    list(
        itertools.product(
            [(612, 792), (792, 612), (3000, 4000), (200, 100), (595, 842), (1224, 792)],
            [0, 90, 180, 270],
            [False, True],
            ["letter", "a4"],
        )
    ),
)
def test_placement_stays_in_the_safe_area(size, turn, mirror, paper):
    geo = Geometry.named(paper)
    p = place(geo, *size, turn, mirror)
    xs, ys = zip(*_corners(p.matrix, *size), strict=True)
    sx, sy, sw, sh = geo.safe
    assert min(xs) >= sx - 1e-6 and max(xs) <= sx + sw + 1e-6
    assert min(ys) >= LABEL_BAND - 1e-6 and max(ys) <= sy + sh + 1e-6
    assert p.scale <= 1.0
    # the content keeps its proportions
    assert abs((max(xs) - min(xs)) * (max(ys) - min(ys)) - size[0] * size[1] * p.scale**2) < 1


def test_landscape_is_turned_to_read_in_portrait_and_small_content_is_not_enlarged():
    geo = Geometry.named("letter")
    wide = place(geo, 792, 612)
    assert wide.turned and wide.scale > 0.9
    small = place(geo, 300, 200)
    assert not small.turned and small.scale == 1.0
    # turning counter-clockwise puts the content's top edge on the page's left side
    top_left, top_right = (0, 612), (792, 612)
    m = wide.matrix
    for x, y in (top_left, top_right):
        px = m[0] * x + m[2] * y + m[4]
        assert px < 306


def test_then_composes_in_order():
    scale = (2.0, 0.0, 0.0, 2.0, 0.0, 0.0)
    shift = (1.0, 0.0, 0.0, 1.0, 10.0, 0.0)
    assert then(scale, shift)[4] == 10.0 and then(shift, scale)[4] == 20.0


def test_clean_jpeg_strips_exif_comments_and_trailers_keeps_pixels():
    data = photo_jpeg() + b"TRAILER-after-EOI" + b"\xff\xd8 second image"
    info = clean_jpeg(data)
    assert info.orientation == 6 and (info.width, info.height) == (400, 300)
    assert b"Exif" not in info.data and CAMERA.encode() not in info.data
    assert b"secret comment" not in info.data and b"TRAILER" not in info.data
    before = Image.open(io.BytesIO(data))
    after = Image.open(io.BytesIO(info.data))
    assert after.size == before.size
    assert after.tobytes() == before.tobytes()  # the same compressed picture


def test_clean_jpeg_progressive_and_cmyk():
    im = Image.effect_noise((120, 90), 40).convert("RGB")
    out = io.BytesIO()
    im.save(out, "JPEG", progressive=True, quality=80)
    cleaned = clean_jpeg(out.getvalue())
    assert Image.open(io.BytesIO(cleaned.data)).tobytes() == Image.open(out).tobytes()
    cmyk = io.BytesIO()
    im.convert("CMYK").save(cmyk, "JPEG")
    payload = original_payload(cmyk.getvalue(), "image/jpeg", 0)
    assert payload.entries["/ColorSpace"] == "/DeviceCMYK"
    assert "/Decode" in payload.entries  # Adobe marker kept: inverted CMYK decodes right
    with pytest.raises(BadJpeg):
        clean_jpeg(b"\xff\xd8\xff\xe1\x00")


def test_png_passthrough_and_lossless_pixels_survive(tmp_path):
    scan = png_scan((300, 400))
    payload = original_payload(scan, "image/png", 0)
    assert payload.entries["/Filter"] == "/FlateDecode" and b"IDAT" not in payload.data
    # compact keeps line art lossless and small (black on white: 1-bit G4 or Flate)
    line_art = compact_payload(png_scan((1700, 2200)), "image/png", 0, 612.0, 792.0)
    assert line_art.entries["/Filter"] in ("/FlateDecode", "/CCITTFaxDecode")
    assert line_art.width == 1700
    rgba = png_scan((300, 400), "RGBA")
    flat = original_payload(rgba, "image/png", 0)  # alpha: decoded, flattened on white
    assert flat.entries["/ColorSpace"] == "/DeviceRGB"
    compact = compact_payload(photo_jpeg((2000, 1500)), "image/jpeg", 0, 200.0, 266.0)
    assert compact.orientation == 6 and compact.width > compact.height  # turned on the page
    assert (compact.width, compact.height) == (739, 556)  # 200 DPI of 3.69 x 2.78 in
    for needle in (b"Exif", b"secret comment", CAMERA.encode(), b"JFIF"):
        assert needle not in compact.data
    # written into a real packet, pypdf decodes the grey scan to the same pixels
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    src = NewSource(scan, "0" * 64, "image/png")
    vault.documents.add(case.id, "Scan", [src], [NewPage(0, 0, 216.0, 288.0)])
    export_packet(vault, case.id, tmp_path / "o.pdf", ExportOptions(quality="original"))
    vault.close()
    image = PdfReader(tmp_path / "o.pdf").pages[3].images[0].image
    assert image.tobytes() == Image.open(io.BytesIO(scan)).tobytes()


def _form_pdf() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawString(72, 720, "Application form")
    c.acroForm.textfield(name="fullname", value="FILLEDVALUE", x=72, y=600, width=200)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_source_pdf_form_values_are_kept_and_rotation_applied(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    data = _form_pdf()
    src = NewSource(data, "1" * 64, "application/pdf")
    vault.documents.add(case.id, "Form", [src], [NewPage(0, 0, 612.0, 792.0, rotation=180)])
    add_pdf(vault, case.id, "Rotated", [(612, 792, 90)])
    export_packet(vault, case.id, tmp_path / "o.pdf", ExportOptions(quality="original"))
    vault.close()
    reader = PdfReader(tmp_path / "o.pdf")
    page = reader.pages[3]
    assert "FILLEDVALUE" in page.extract_text()
    assert "/Annots" not in page  # flattened: no live widget carried over
    placement = page["/Contents"][0].get_object().get_data().decode()
    a, _b, _c, d = (float(v) for v in placement.split()[1:5])
    assert a < 0 and d < 0  # the user's half turn
    rotated = reader.pages[5]  # /Rotate 90 shows landscape; turned back to read in portrait
    data = rotated["/Contents"][0].get_object().get_data()
    a, b, c, d = (float(v) for v in data.split()[1:5])
    assert b == 0 and c == 0 and a > 0 and d > 0  # the quarter turns cancel out


def test_clean_jpeg_flags_jpegs_pdf_readers_may_not_decode():
    data = photo_jpeg()
    assert clean_jpeg(data).portable
    lossless = data.replace(b"\xff\xc0", b"\xff\xc3", 1)  # same header, lossless process
    assert not clean_jpeg(lossless).portable


def _pdf_with_exif_photo(plain_dct: bool) -> bytes:
    """A PDF embedding a camera JPEG (EXIF, GPS inside the DCT stream) plus XMP; reportlab
    wraps it in ASCII85, `plain_dct` stores the JPEG bytes as they are."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(photo_jpeg())), 72, 300, 300, 400)
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    xmp = StreamObject()
    xmp._data = b"<x:xmpmeta>Hiddenauthor XMP</x:xmpmeta>"
    ref = writer._add_object(xmp)
    writer._root_object[NameObject("/Metadata")] = ref
    image = next(iter(writer.pages[0]["/Resources"]["/XObject"].values())).get_object()
    image[NameObject("/Metadata")] = ref
    if plain_dct:
        image._data = image.get_data()
        image[NameObject("/Filter")] = NameObject("/DCTDecode")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("quality", "plain_dct"), [("original", True), ("compact", False)])
def test_jpeg_inside_a_source_pdf_loses_its_exif(tmp_path, quality, plain_dct):
    data = _pdf_with_exif_photo(plain_dct)
    source_image = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/XObject"]
    jpeg = next(iter(source_image.values())).get_object().get_data()
    assert CAMERA.encode() in jpeg and b"Exif" in jpeg  # the source really carries them
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    src = NewSource(data, "2" * 64, "application/pdf")
    vault.documents.add(case.id, "Scan", [src], [NewPage(0, 0, 612.0, 792.0)])
    result = export_packet(vault, case.id, tmp_path / "o.pdf", ExportOptions(quality=quality))
    vault.close()
    out = Path(result.files[0]).read_bytes()
    for needle in (CAMERA.encode(), b"Exif", b"xmpmeta", b"Hiddenauthor", b"/Metadata"):
        assert needle not in out, needle
    page = PdfReader(result.files[0]).pages[3]
    form = page["/Resources"]["/XObject"]["/PdoSrc"].get_object()
    (image,) = (x.get_object() for x in form["/Resources"]["/XObject"].values())
    assert image["/Filter"] == "/DCTDecode"  # no outer filter left to hide anything in
    assert b"Exif" not in image.get_data() and CAMERA.encode() not in image.get_data()
    assert page.images[0].image.size == (400, 300)  # the picture itself is intact
