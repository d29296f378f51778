"""The exported packet parsed back: pages, labels, outline, index ranges, links, metadata."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_export_support import (
    CAMERA,
    PDF_AUTHOR,
    PDF_PRODUCER,
    build_sample,
    have,
    run,
)

from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.export.verify import last_shown_text
from pdorganizer.vault import CHEAP_PARAMS, Vault

NAME = "Nguyễn Thị Hồng"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    vault = Vault.create(folder / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add(
        NAME,
        a_number="A123-456-789",
        court_city="San Francisco",
        court_state="CA",
        judge="Hon. R. Smith",
        next_hearing_date="2027-03-14",
        next_hearing_type="Master calendar",
        detained=True,
        filer_name="José Ñúñez",
        filer_address="1 Law St\nOakland, CA",
    )
    docs = build_sample(vault, case.id)
    yield vault, case, docs, folder
    vault.close()


@pytest.fixture(scope="module")
def original(sample):
    vault, case, _docs, folder = sample
    out = folder / "packet.pdf"
    result = export_packet(vault, case.id, out, ExportOptions(quality="original", service=True))
    return result, out


@pytest.fixture(scope="module")
def compact(sample):
    vault, case, _docs, folder = sample
    out = folder / "compact" / "packet.pdf"
    out.parent.mkdir()
    result = export_packet(vault, case.id, out, ExportOptions(quality="compact"))
    return result, out


def _texts(reader: PdfReader) -> list[str]:
    return [p.extract_text() for p in reader.pages]


def _expected_pages(vault, case_id, service: bool = True) -> int:
    exhibits = vault.exhibits.effective(case_id)
    docs = {d.id: d for d in vault.documents.list(case_id)}
    pages = sum(docs[d].page_count for ex in exhibits for d in ex.document_ids)
    certs = sum(1 for ex in exhibits for d in ex.document_ids if docs[d].translation_of)
    return 1 + 1 + len(exhibits) + pages + certs + (1 if service else 0)  # cover, 1 index


def test_page_count_and_files(sample, original):
    vault, case, _docs, folder = sample
    result, out = original
    assert result.files == [str(out)]
    reader = PdfReader(out)
    assert len(reader.pages) == _expected_pages(vault, case.id) == result.page_count
    assert sorted(p.name for p in folder.iterdir()) == [
        "packet.manifest.json",
        "packet.pdf",
        "v.pdvault",
    ]  # no temp files left behind
    if have("pdfinfo"):
        info = run("pdfinfo", str(out))
        assert re.search(rf"Pages:\s+{len(reader.pages)}\b", info)
    if have("qpdf"):
        assert "No syntax or stream encoding errors" in run("qpdf", "--check", str(out))


def test_labels_consecutive_stamped_and_for_viewers(original):
    _result, out = original
    reader = PdfReader(out)
    n = len(reader.pages)
    assert list(reader.page_labels) == ["Cover"] + [str(i) for i in range(1, n)]
    assert last_shown_text(reader.pages[0]) != "1"  # the cover carries no label
    for i in range(1, n):
        assert last_shown_text(reader.pages[i]) == str(i)
    if have("pdftotext"):
        for i in (2, n):  # poppler sees the same label text at the bottom of the page
            text = run("pdftotext", "-f", str(i), "-l", str(i), "-layout", str(out), "-")
            assert text.strip().splitlines()[-1].strip() == str(i - 1)


def test_structure_cover_index_slips_translation_certificate(original):
    _result, out = original
    texts = _texts(PdfReader(out))
    assert NAME in texts[0] and "José Ñúñez" in texts[0] and "DETAINED" in texts[0]
    assert "A123-456-789" in texts[0] and "SAN FRANCISCO" in texts[0]
    cover = " ".join(texts[0].split())
    assert "In Removal Proceedings" in cover and "2027-03-14 (Master calendar)" in cover
    assert "INDEX OF EXHIBITS" in texts[1]
    slips = [i for i, t in enumerate(texts) if re.search(r"EXHIBIT [A-Z]+\b", t) and i > 1]
    assert [re.search(r"EXHIBIT ([A-Z]+)", texts[i]).group(1) for i in slips] == list("ABCDE")
    # Exhibit A: the photo, its translation, then the certificate of translation.
    a = slips[0]
    assert "Source page 1" in texts[a + 2]  # the translation (a PDF page)
    assert "CERTIFICATE OF TRANSLATION" in texts[a + 3]
    assert NAME in texts[a + 3] and "510-555-0100" in texts[a + 3]
    assert "CERTIFICATE OF SERVICE" in texts[-1]


def _index_rows(text: str) -> dict[str, tuple[int, int]]:
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^\s*([A-Z]{1,2})\s.*?\s(\d+)(?:-(\d+))?\s*$", line)
        if m:
            rows[m.group(1)] = (int(m.group(2)), int(m.group(3) or m.group(2)))
    return rows


def test_index_ranges_are_the_real_pages(original):
    _result, out = original
    reader = PdfReader(out)
    texts = _texts(reader)
    if have("pdftotext"):
        index_text = run("pdftotext", "-f", "2", "-l", "2", "-layout", str(out), "-")
    else:
        index_text = texts[1]
    rows = _index_rows(index_text)
    assert sorted(rows) == list("ABCDE")
    letters = sorted(rows)
    for k, letter in enumerate(letters):
        first, last = rows[letter]
        # label N is on page index N (the cover is page 0)
        assert f"EXHIBIT {letter}" in texts[first]
        following = texts[last + 1] if last + 1 < len(texts) else ""
        if k + 1 < len(letters):
            assert f"EXHIBIT {letters[k + 1]}" in following
            assert rows[letters[k + 1]][0] == last + 1


def test_outline_titles_and_targets(original):
    _result, out = original
    reader = PdfReader(out)
    texts = _texts(reader)
    items = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
    assert items[0] == ("Cover", 0)
    assert items[1] == ("Index of Exhibits", 1)
    exhibits = [(t, p) for t, p in items if t.startswith("Exhibit ")]
    assert len(exhibits) == 5
    for title, page in exhibits:
        letter = title.split()[1].rstrip(":")
        assert f"EXHIBIT {letter}" in texts[page]
    assert exhibits[0][0] == "Exhibit A: Birth certificate of José Ñúñez (2001-05-04)"
    assert items[-1][0] == "Certificate of Service"


def test_index_links_go_to_slip_sheets(original):
    _result, out = original
    reader = PdfReader(out)
    texts = _texts(reader)
    index_of = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    annots = [a.get_object() for a in reader.pages[1]["/Annots"]]
    targets = [index_of[a["/Dest"][0].idnum] for a in annots if a["/Subtype"] == "/Link"]
    assert len(targets) == 5
    for letter, page in zip("ABCDE", targets, strict=True):
        assert f"EXHIBIT {letter}" in texts[page]


@pytest.mark.parametrize("quality", ["original", "compact"])
def test_no_source_metadata_or_exif_in_output(request, quality):
    _result, out = request.getfixturevalue(quality)
    data = out.read_bytes()
    for needle in (b"Exif", CAMERA.encode(), b"secret comment", b"xmpmeta", b"/Metadata"):
        assert needle not in data, needle
    for needle in (PDF_PRODUCER.encode(), PDF_AUTHOR.encode(), b"ReportLab", b"pypdf"):
        assert needle not in data, needle
    reader = PdfReader(out)
    assert set(reader.metadata) == {"/Title"}
    # Every embedded JPEG: no APPn segment except Adobe's colour marker, no COM.
    for page in reader.pages:
        for xobj in _images(page):
            if xobj.get("/Filter") == "/DCTDecode":
                assert _app_markers(xobj._data) <= {0xEE}


def _images(page):
    res = page["/Resources"].get_object()
    for ref in (res.get("/XObject") or {}).values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            yield obj


def _app_markers(jpeg: bytes) -> set[int]:
    found, pos = set(), 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF:
        marker = jpeg[pos + 1]
        if marker == 0xDA:
            break
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            found.add(marker)
        pos += 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
    return found


def test_manifest_hashes(sample, original):
    vault, case, _docs, _folder = sample
    result, out = original
    manifest = json.loads(Path(result.manifest_path).read_text(encoding="utf-8"))
    assert manifest["files"][0]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256[str(out)] == manifest["files"][0]["sha256"]
    stored = {d.sha256 for d in vault.documents.list(case.id)}
    listed = {
        s["sha256"] for ex in manifest["exhibits"] for d in ex["documents"] for s in d["sources"]
    }
    assert listed == stored


def test_photo_is_upright_and_clear_of_the_label_band(original):
    """The EXIF-6 photo's marked corner (stored top-left) must show top-right."""
    if not have("pdftoppm"):
        pytest.skip("poppler not installed")
    from PIL import Image

    _result, out = original
    prefix = out.with_name("render")
    run("pdftoppm", "-f", "4", "-l", "4", "-r", "36", "-png", str(out), str(prefix))
    im = Image.open(next(out.parent.glob("render*.png"))).convert("RGB")
    w, h = im.size
    reds = [
        (x, y)
        for y in range(h)
        for x in range(w)
        if (p := im.getpixel((x, y)))[0] > 150 and p[1] < 80 and p[2] < 80
    ]
    assert reds
    xs, ys = [x for x, _ in reds], [y for _, y in reds]
    image_box = [(x, y) for y in range(h) for x in range(w) if im.getpixel((x, y)) != (255,) * 3]
    top = min(y for _, y in image_box)
    right = max(x for x, y in image_box if y < h * 0.9)
    assert abs(max(xs) - right) <= 2 and abs(min(ys) - top) <= 2
