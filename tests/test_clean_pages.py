"""Cleaned photos in a real vault: stored beside the untouched original, printed by the
export in the encoding that fits, turned off and on, and carried through page edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.ingest.cleaning import is_photo, reclean
from pdorganizer.ingest.service import ImportOptions, import_files
from pdorganizer.scan import synthetic
from pdorganizer.vault import Vault, renditions

AUTO = ImportOptions(clean="auto")


@pytest.fixture
def photo_file(tmp_path: Path) -> Path:
    shot = synthetic.photo(seed=2, tilt=-8.0)
    path = tmp_path / "letter-photo.jpg"
    path.write_bytes(synthetic.jpeg_bytes(shot.image))
    return path


def _images(reader: PdfReader) -> list[dict]:
    found = []
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        stack = [xobjects[name].get_object() for name in xobjects]
        while stack:
            obj = stack.pop()
            if obj.get("/Subtype") == "/Image":
                found.append(obj)
            elif obj.get("/Subtype") == "/Form":
                inner = obj.get("/Resources", {}).get("/XObject", {})
                stack += [inner[n].get_object() for n in inner]
    return found


def test_photo_is_cleaned_on_import_and_the_original_kept(
    vault: Vault, case, photo_file: Path, tmp_path: Path
) -> None:
    [result] = import_files(vault, case.id, [photo_file], AUTO)
    assert result.status == "imported"
    [page] = vault.documents.pages(result.document_id)
    source = vault.documents.source(page.source_id)
    assert vault.documents.source_data(page.source_id) == photo_file.read_bytes()
    assert is_photo(source.mime, source.metadata)
    kept = renditions.active(vault, page.id)
    assert kept is not None and kept.corners is not None
    assert kept.mode in ("gray", "bilevel")
    # the page is now the flat letter page, portrait, not the 4:3 landscape photo
    assert page.height > page.width
    assert abs(page.height / page.width - 11 / 8.5) < 0.03

    compact = tmp_path / "compact.pdf"
    export_packet(vault, case.id, compact, ExportOptions(quality="compact"))
    images = _images(PdfReader(compact))
    assert images, "the cleaned page is an image in the packet"
    image = images[-1]
    if kept.mode == "bilevel":
        assert image["/BitsPerComponent"] == 1
        assert image["/Filter"] in ("/CCITTFaxDecode", "/FlateDecode")
    else:
        assert image["/ColorSpace"] == "/DeviceGray"
    original = tmp_path / "original.pdf"
    export_packet(vault, case.id, original, ExportOptions(quality="original"))
    assert _images(PdfReader(original))


def test_clean_off_at_import_and_per_page(vault: Vault, case, photo_file: Path) -> None:
    [off] = import_files(vault, case.id, [photo_file], ImportOptions(clean="off"))
    [page] = vault.documents.pages(off.document_id)
    assert renditions.get(vault, page.id) is None
    assert page.width > page.height  # the photo as it is
    own = (page.width, page.height, vault.documents.thumbnail(page.id))

    cleaned = reclean(vault, page.id, "auto")
    assert cleaned.corners is not None
    after = vault.documents.page(page.id)
    assert after.height > after.width
    assert renditions.set_enabled(vault, page.id, False)
    back = vault.documents.page(page.id)
    assert (back.width, back.height, vault.documents.thumbnail(page.id)) == own
    assert renditions.active(vault, page.id) is None
    assert renditions.set_enabled(vault, page.id, True)
    assert vault.documents.page(page.id).height > vault.documents.page(page.id).width


def test_page_operations_keep_the_rendition(
    vault: Vault, case, photo_file: Path, tmp_path: Path
) -> None:
    shot = synthetic.photo(seed=3, tilt=20.0)
    second = tmp_path / "second.jpg"
    second.write_bytes(synthetic.jpeg_bytes(shot.image))
    result, _ = import_files(
        vault, case.id, [photo_file, second], ImportOptions(as_one=True, clean="auto")
    )
    doc_id = result.document_id
    first, other = vault.documents.pages(doc_id)
    assert renditions.active(vault, first.id) and renditions.active(vault, other.id)
    vault.documents.rotate_page(first.id, 90)
    vault.documents.reorder_pages(doc_id, [other.id, first.id])
    new_doc = vault.documents.split(doc_id, first.id)
    assert renditions.active(vault, first.id) is not None
    assert vault.documents.page(first.id).rotation == 90
    vault.documents.merge([doc_id, new_doc.id])
    out = tmp_path / "packet.pdf"
    export_packet(vault, case.id, out, ExportOptions(quality="compact"))
    assert len(_images(PdfReader(out))) >= 2
    vault.documents.delete_page(other.id)
    assert renditions.get(vault, other.id) is None


def test_a_scan_with_a_resolution_is_not_a_photo() -> None:
    assert not is_photo("image/jpeg", {"dpi": [300, 300], "pixels": [2550, 3300]})
    assert is_photo("image/jpeg", {"exif": {"Make": "Phone"}, "pixels": [1600, 1200]})
    assert not is_photo("image/jpeg", {"exif": {"Make": "Phone"}, "pixels": [300, 400]})
    assert not is_photo("application/pdf", {"exif": {"Make": "Phone"}})
    assert not is_photo("image/png", {"pixels": [4000, 3000]})


def test_black_and_white_page_prints_as_g4_and_reads_back(vault: Vault, case, tmp_path: Path):
    import io

    import pypdfium2 as pdfium
    from PIL import Image, ImageStat

    from pdorganizer.export.encode import g4_payload

    im = Image.new("1", (1700, 2200), 1)
    im.paste(0, (100, 100, 600, 300))  # a black block on white
    buf = io.BytesIO()
    im.save(buf, "PNG")
    payload = g4_payload(buf.getvalue())
    assert payload is not None and payload.entries["/Filter"] == "/CCITTFaxDecode"
    # through a real packet: a bilevel rendition, parsed back by pypdf and drawn by pdfium
    [result] = import_files(vault, case.id, [_photo(tmp_path)], AUTO)
    [page] = vault.documents.pages(result.document_id)
    kept = renditions.get(vault, page.id)
    with vault.transaction() as con:
        kept.mode, kept.mime, kept.data = "bilevel", "image/png", buf.getvalue()
        kept.width, kept.height = 612.0, 792.0
        renditions.put(con, kept)
    out = tmp_path / "bw.pdf"
    export_packet(vault, case.id, out, ExportOptions(quality="compact"))
    [image] = [i for i in _images(PdfReader(out)) if i.get("/Filter") == "/CCITTFaxDecode"]
    decoded = image.decode_as_image().convert("L")
    assert decoded.getpixel((300, 200)) < 50 and decoded.getpixel((1000, 1500)) > 200
    pdf = pdfium.PdfDocument(out.read_bytes())
    drawn = pdf[len(pdf) - 1].render(scale=1).to_pil().convert("L")
    assert drawn.getextrema()[0] < 50 and ImageStat.Stat(drawn).median[0] > 200
    pdf.close()


def _photo(tmp_path: Path) -> Path:
    path = tmp_path / "bw-photo.jpg"
    path.write_bytes(synthetic.jpeg_bytes(synthetic.photo(seed=5, tilt=3.0).image))
    return path


def test_a_page_picture_without_colour_prints_gray() -> None:
    from PIL import Image, ImageDraw

    from pdorganizer.export.colour import without_colour

    page = Image.new("RGB", (850, 1100), (250, 248, 251))
    ImageDraw.Draw(page).rectangle((100, 100, 700, 140), fill=(20, 22, 19))
    assert without_colour(page).mode == "L"
    ImageDraw.Draw(page).ellipse((500, 800, 700, 1000), fill=(200, 30, 30))  # a red stamp
    assert without_colour(page).mode == "RGB"
