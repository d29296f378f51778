"""Export options: label styles and positions, no cover, A4, grouping, manifest page,
compact quality, profiles, and refusals of bad options."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader
from test_export_support import add_image, add_pdf, build_sample, have, photo_jpeg, run

from pdorganizer.core.errors import InvalidInput
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.export.verify import last_shown_text
from pdorganizer.vault import CHEAP_PARAMS, Vault


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("options")
    vault = Vault.create(folder / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("José Ñúñez", a_number="A987-654-321", opla_office="San Francisco")
    build_sample(vault, case.id)
    yield vault, case, folder
    vault.close()


def _export(sample, name: str, **options) -> tuple[PdfReader, object]:
    vault, case, folder = sample
    result = export_packet(vault, case.id, folder / name, ExportOptions(**options))
    return PdfReader(result.files[0]), result


def test_bates_labels_with_prefix_start_and_padding(sample):
    reader, _ = _export(sample, "bates.pdf", label="bates", bates_prefix="PD-", start=98)
    n = len(reader.pages)
    want = [f"PD-{k:06d}" for k in range(98, 98 + n - 1)]
    assert [last_shown_text(p) for p in reader.pages[1:]] == want
    assert list(reader.page_labels) == ["Cover", *want]  # crosses 99 -> 100 cleanly


def test_page_n_of_m_labels_right_aligned(sample):
    reader, result = _export(sample, "of.pdf", label="of", label_position="right")
    total = len(reader.pages) - 1
    labels = [last_shown_text(p) for p in reader.pages[1:]]
    assert labels == [f"Page {k} of {total}" for k in range(1, total + 1)]
    if have("pdftotext"):
        out = run("pdftotext", "-f", "2", "-l", "2", "-bbox", result.files[0], "-")
        # the label's first word starts in the right half of the page
        words = [line for line in out.splitlines() if ">Page<" in line]
        x_min = float(words[-1].split('xMin="')[1].split('"')[0])
        assert x_min > 612 / 2


def test_no_cover_a4_and_grouped_outline(sample):
    reader, _ = _export(sample, "a4.pdf", cover=False, page_size="a4", group_by_factor=True)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "INDEX OF EXHIBITS" in reader.pages[0].extract_text()
    assert last_shown_text(reader.pages[0]) == "1"
    assert reader.page_labels[0] == "1"
    outline = reader.outline
    assert outline[0].title == "Index of Exhibits"
    # factor headings, each followed by the list of its exhibits
    assert outline[1].title == "Identity and age"
    assert isinstance(outline[2], list) and outline[2][0].title.startswith("Exhibit A:")
    assert reader.get_destination_page_number(outline[1]) == reader.get_destination_page_number(
        outline[2][0]
    )
    index_text = reader.pages[0].extract_text()
    assert "Long presence in the U.S." in index_text


def test_manifest_as_last_pages(sample):
    vault, case, folder = sample
    reader, result = _export(sample, "mpage.pdf", manifest="page")
    assert result.manifest_path is None
    assert not (folder / "mpage.manifest.json").exists()
    text = reader.pages[-1].extract_text()
    assert "MANIFEST OF SOURCE FILES" in text
    for doc in vault.documents.list(case.id):
        assert doc.sha256 in "".join(p.extract_text() for p in reader.pages[-2:]).replace("\n", "")


def test_opla_and_uscis_covers(sample):
    reader, _ = _export(sample, "opla.pdf", profile="opla", title="PD request for Mr. Ñúñez")
    cover = reader.pages[0].extract_text()
    assert "OFFICE OF THE PRINCIPAL LEGAL" in cover and "SAN FRANCISCO" in cover
    assert "PD REQUEST FOR MR. ÑÚÑEZ" in cover
    assert reader.metadata["/Title"] == "PD request for Mr. Ñúñez"
    reader, _ = _export(sample, "uscis.pdf", profile="uscis")
    assert "CITIZENSHIP AND IMMIGRATION SERVICES" in reader.pages[0].extract_text()


def test_compact_fits_big_photos_at_about_200_dpi(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    # A 12 MP photo stored sideways: upright 3000 x 4000 px.
    big = photo_jpeg((4000, 3000), orientation=6)
    add_image(vault, case.id, "Photo", big, "image/jpeg")
    small = tmp_path / "c.pdf"
    export_packet(vault, case.id, small, ExportOptions(quality="compact"))
    full = tmp_path / "o.pdf"
    export_packet(vault, case.id, full, ExportOptions(quality="original"))
    vault.close()
    page = PdfReader(small).pages[3]
    img = next(
        o.get_object()
        for o in page["/Resources"]["/XObject"].values()
        if o.get_object()["/Subtype"] == "/Image"
    )
    # fitted into the safe area (about 7.6 x 10.2 in): close to 200 DPI; still stored
    # sideways, as the photo was (the page transform turns it upright)
    short, long = sorted((img["/Width"], img["/Height"]))
    assert 1300 <= short <= 1800 and 1800 <= long <= 2300
    assert img["/Width"] > img["/Height"]
    decoded = Image.open(io.BytesIO(img._data))
    assert decoded.size == (img["/Width"], img["/Height"])
    assert small.stat().st_size < full.stat().st_size


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"label": "roman"}, "plain, of or bates"),
        ({"label_position": "top"}, "left, center or right"),
        ({"label": "bates", "bates_prefix": "PD(1)"}, "Bates prefix"),
        ({"page_size": "legal"}, "letter or a4"),
        ({"quality": "best"}, "compact or original"),
        ({"profile": "bia"}, "eoir, opla or uscis"),
        ({"start": 0}, "start at 1"),
        ({"manifest": "xml"}, "json, page or none"),
    ],
)
def test_bad_options_are_refused_before_anything_is_written(sample, options, words):
    vault, case, folder = sample
    before = sorted(folder.iterdir())
    with pytest.raises(InvalidInput, match=words):
        export_packet(vault, case.id, folder / "bad.pdf", ExportOptions(**options))
    assert sorted(folder.iterdir()) == before


def test_empty_case_is_refused(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Nobody")
    with pytest.raises(InvalidInput, match="no documents"):
        export_packet(vault, case.id, tmp_path / "x.pdf")
    vault.close()
    assert not (tmp_path / "x.pdf").exists()


def test_long_index_flows_over_pages_with_true_ranges(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    for i in range(70):
        spec = [(612, 792, 0)] * (1 + i % 3)
        add_pdf(vault, case.id, f"Letter number {i}", spec, words=f"Letter {i} page")
    result = export_packet(vault, case.id, tmp_path / "p.pdf", ExportOptions(label="of"))
    vault.close()
    reader = PdfReader(result.files[0])
    texts = [p.extract_text() for p in reader.pages]
    index_pages = [i for i, t in enumerate(texts) if "INDEX OF EXHIBITS" in t]
    assert len(index_pages) >= 2 and "(continued)" in texts[index_pages[1]]
    letters = (
        [f"{a}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        + [f"A{a}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        + [f"B{a}" for a in "ABCDEFGHIJKLMNOPQR"]
    )
    seen = 0
    for i in index_pages:
        # pypdf gives each cell on its own line: letter, description, factors, pages
        row = r"^([A-Z]{1,2})\nLetter number \d+\n[^\n]*\n(\d+)(?:-(\d+))?$"
        for m in re.finditer(row, texts[i], re.M):
            letter, first, last = m.group(1), int(m.group(2)), int(m.group(3) or m.group(2))
            assert letter == letters[seen]
            assert f"EXHIBIT {letter}" in texts[first]  # label N is on page index N
            assert texts[last].rstrip().endswith(f"Page {last} of {len(texts) - 1}")
            nxt = texts[last + 1] if last + 1 < len(texts) else "EXHIBIT"
            assert "EXHIBIT" in nxt
            seen += 1
    assert seen == 70
