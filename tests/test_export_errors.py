"""Bad evidence stops the export with a one-line message naming the exhibit; nothing is
left in the destination folder and the vault is unchanged."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from test_export_support import add_image, photo_jpeg

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.vault import CHEAP_PARAMS, Vault
from pdorganizer.vault.repos import NewPage, NewSource


@pytest.mark.parametrize(
    ("mime", "data", "words"),
    [
        ("application/pdf", b"%PDF-1.4 this is not really a PDF", "exhibit B (Broken): the file"),
        ("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00garbage", "exhibit B (Broken): an image"),
        ("image/png", b"\x89PNG\r\n\x1a\nbroken", "exhibit B (Broken): "),
    ],
)
@pytest.mark.parametrize("quality", ["original", "compact"])
def test_damaged_source_names_the_exhibit(tmp_path, mime, data, words, quality):
    out = tmp_path / "out"
    out.mkdir()
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    add_image(vault, case.id, "A good photo", photo_jpeg(), "image/jpeg", document_date="2000")
    src = NewSource(data, "f" * 64, mime)
    vault.documents.add(case.id, "Broken", [src], [NewPage(0, 0, 612.0, 792.0)])
    before = [(d.id, d.title) for d in vault.documents.list(case.id)]
    with pytest.raises(InvalidInput) as exc:
        export_packet(vault, case.id, out / "p.pdf", ExportOptions(quality=quality))
    assert words in exc.value.message and "\n" not in exc.value.message
    assert list(out.iterdir()) == []
    assert [(d.id, d.title) for d in vault.documents.list(case.id)] == before
    vault.close()


def test_unwritable_destination_is_a_plain_error(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    add_image(vault, case.id, "Photo", photo_jpeg(), "image/jpeg")
    (tmp_path / "taken.pdf").mkdir()  # a folder where the packet should go
    with pytest.raises(PdoError, match="could not write the packet"):
        export_packet(vault, case.id, tmp_path / "taken.pdf")
    vault.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.pdf", "v.pdvault"]


def test_huge_description_is_clipped_in_the_index(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    doc = add_image(vault, case.id, "Photo", photo_jpeg(), "image/jpeg")
    vault.exhibits.set(case.id, [[doc.id]], ["word " * 2000])
    result = export_packet(vault, case.id, tmp_path / "p.pdf", ExportOptions(cover=False))
    vault.close()
    reader = PdfReader(result.files[0])
    assert "…" in reader.pages[0].extract_text()
    assert len(reader.pages) == 3  # index, slip sheet, photo
