"""Intake of every accepted format and variant: pages, upright sizes, thumbnails, bytes."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from pdorganizer.ingest.images import flatten, open_image, sniff_mime
from pdorganizer.ingest.service import import_files
from pdorganizer.vault import Vault
from tests.ingest_samples import GOOD, Sample, jpeg, write


def _rgb(thumb: Image.Image, fx: float, fy: float) -> tuple[int, int, int]:
    w, h = thumb.size
    return thumb.convert("RGB").getpixel((int(w * fx), int(h * fy)))


def assert_upright(thumb: Image.Image, *, color: bool, pdf: bool = False) -> None:
    """Red block top left (green top right for images), white in the middle."""
    left, right, middle = _rgb(thumb, 0.08, 0.05), _rgb(thumb, 0.92, 0.05), _rgb(thumb, 0.5, 0.6)
    assert min(middle) > 200, middle
    if not color:  # grey or bilevel: the marker blocks are dark
        assert sum(left) < 3 * 170 and sum(right) < 3 * 200, (left, right)
        return
    assert left[0] > 150 and left[1] < 110 and left[2] < 110, left
    if pdf:
        assert min(right) > 200, right
    else:
        assert right[1] > 150 and right[0] < 110, right


@pytest.mark.parametrize("sample", GOOD, ids=lambda s: s.name)
def test_every_format_imports_upright(vault: Vault, case, tmp_path: Path, sample: Sample) -> None:
    data = sample.make()
    path = write(tmp_path, sample.name, data)
    [result] = import_files(vault, case.id, [path])
    assert result.status == "imported", result.message
    assert result.pages == sample.pages
    doc = vault.documents.get(result.document_id)
    assert doc.page_count == sample.pages
    assert doc.mime == sample.mime
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.original_name == sample.name
    pages = vault.documents.pages(doc.id)
    assert [p.landscape for p in pages] == list(sample.landscape)
    assert [p.source_index for p in pages] == list(range(sample.pages))
    assert vault.documents.source_data(pages[0].source_id) == data  # bytes unchanged
    grey = sample.name.startswith(("gray", "bilevel"))
    for page in pages:
        thumb = Image.open(io.BytesIO(vault.documents.thumbnail(page.id)))
        assert thumb.format == "JPEG"
        assert max(thumb.size) <= 256
        assert (thumb.width > thumb.height) == page.landscape
        assert_upright(thumb, color=not grey, pdf=sample.mime == "application/pdf")
    assert vault.check() == []


@pytest.mark.parametrize("sample", [s for s in GOOD if s.mime != "application/pdf"], ids=str)
def test_open_image_decodes_every_format_upright(sample: Sample) -> None:
    """The export decodes sources with open_image: every accepted image, upright."""
    data = sample.make()
    assert sniff_mime(data) == sample.mime
    for frame, landscape in enumerate(sample.landscape):
        im = flatten(open_image(data, frame))
        assert im.mode in ("1", "L", "RGB")
        assert (im.width > im.height) == landscape
        assert_upright(im, color=not sample.name.startswith(("gray", "bilevel")))


def test_orientation_6_photo_is_portrait_with_its_metadata_kept(
    vault: Vault, case, tmp_path: Path
) -> None:
    path = write(tmp_path, "IMG_0001.JPG", jpeg(6, size=(300, 400), gps=True))
    [result] = import_files(vault, case.id, [path])
    doc = vault.documents.get(result.document_id)
    assert doc.title == "IMG 0001"
    [page] = vault.documents.pages(doc.id)
    assert page.height > page.width  # stored 400x300 landscape, shown portrait
    source = vault.documents.source(page.source_id)
    assert source.metadata["exif"]["Orientation"] == 6
    assert source.metadata["exif"]["Make"] == "TestCam"
    assert source.metadata["gps"]["GPSLatitudeRef"] == "N"
    assert source.metadata["gps"]["GPSLatitude"] == [37.0, 46.0, 30.0]
    json.dumps(source.metadata, allow_nan=False)  # plain JSON, nothing stringified oddly
    thumb = Image.open(io.BytesIO(vault.documents.thumbnail(page.id)))
    assert not thumb.getexif()  # the thumbnail carries no EXIF/GPS


def test_pdf_metadata_and_page_sizes(vault: Vault, case, tmp_path: Path) -> None:
    sample = next(s for s in GOOD if s.name == "mixed.pdf")
    [result] = import_files(vault, case.id, [write(tmp_path, sample.name, sample.make())])
    pages = vault.documents.pages(result.document_id)
    sizes = [(round(p.width, 2), round(p.height, 2)) for p in pages]
    assert sizes == [(612, 792), (595.28, 841.89), (792, 612), (792, 612)]
    source = vault.documents.source(pages[0].source_id)
    assert source.metadata["info"]["/Author"] == "Agency Clerk"
    assert source.metadata["pages"] == 4


def test_scan_resolution_gives_physical_size(vault: Vault, case, tmp_path: Path) -> None:
    """A 300 dpi scan of 2550 x 3300 px is a letter page; a camera's 72 dpi is ignored."""
    scan = write(tmp_path, "scan.jpg", jpeg(size=(2550, 3300), dpi=(300, 300), quality=30))
    photo = write(tmp_path, "photo.jpg", jpeg(size=(3000, 4000), dpi=(72, 72), quality=30))
    results = import_files(vault, case.id, [scan, photo])
    scan_page = vault.documents.pages(results[0].document_id)[0]
    assert (round(scan_page.width), round(scan_page.height)) == (612, 792)
    photo_page = vault.documents.pages(results[1].document_id)[0]
    assert round(photo_page.height) == 792 and photo_page.width <= 612


def test_open_image_reduced_decode_and_refusals() -> None:
    from pdorganizer.ingest.images import DamagedFile, ImageTooLarge, NotSupported
    from tests.ingest_samples import png_bomb, zip_file

    big = jpeg(6, size=(1200, 1600))
    full = open_image(big)
    small = open_image(big, reduce_to=(300, 300))
    assert full.size == (1200, 1600)  # upright: stored 1600x1200 with orientation 6
    assert min(small.size) >= 300 and max(small.size) <= 800
    assert_upright(small, color=True)
    with pytest.raises(ImageTooLarge):
        open_image(png_bomb())
    with pytest.raises(DamagedFile):
        open_image(big[: len(big) // 3])
    with pytest.raises(NotSupported):
        open_image(zip_file())
    with pytest.raises(NotSupported):  # a PCX is an image, but not one intake accepts
        out = io.BytesIO()
        Image.new("P", (4, 4)).save(out, "PCX")
        open_image(out.getvalue())
    assert sniff_mime(b"%PDF-1.7\n...") == "application/pdf"
    assert sniff_mime(b"\xef\xbb\xbf" + b"junk\n" * 10 + b"%PDF-1.4") == "application/pdf"
    assert sniff_mime(b"hello") is None
