"""The Spanish working copy of the index of exhibits, from a real vault."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.factors import builtin_taxonomy
from pdorganizer.export.index_es import (
    fecha_es,
    page_ranges_from_manifest,
    range_es,
    render_index_es,
    write_index_es,
)
from pdorganizer.vault.repos.documents import NewPage, NewSource


def _add(vault, case, title: str, pages: int, factors=(), **fields):
    data = title.encode() * 10
    src = NewSource(data, hashlib.sha256(data).hexdigest(), "application/pdf", f"{title}.pdf")
    page_rows = [NewPage(0, i, 612, 792) for i in range(pages)]
    return vault.documents.add(case.id, title, [src], page_rows, factors=factors, **fields)


@pytest.fixture
def filled(vault, case):
    birth = _add(vault, case, "Acta de nacimiento", 2, ["family"], document_date="2015-06-01")
    translation = _add(vault, case, "Birth certificate translation", 1)
    vault.documents.set_translation(translation.id, birth.id, translator_name="Ana Ruiz")
    _add(vault, case, "Lease", 3, ["presence", "work"])
    return vault, case


def test_lists_every_exhibit_in_spanish(filled) -> None:
    vault, case = filled
    text = render_index_es(vault, case.id, today=dt.date(2026, 11, 27))
    text = text.replace("\u00a0", " ")  # "EE. UU." is held together by a no-break space
    assert "COPIA DE TRABAJO EN ESPAÑOL" in text
    assert "Caso: María José López (A123-456-789)" in text
    assert "Preparado el 27 de noviembre de 2026" in text
    letters = [ex.letter for ex in vault.exhibits.effective(case.id)]
    assert letters == ["A", "B"]
    for letter in letters:
        assert f"Anexo {letter}:" in text
    tax = builtin_taxonomy()
    for factor_id in ("family", "presence", "work"):
        factor = tax.get(factor_id)
        assert factor.text("label", "es") in text
        assert factor.text("label", "en") not in text
    # The translation rides in its original's exhibit and is named as one.
    assert "Birth certificate translation (traducción), 1 página" in text
    assert "3 páginas" in text
    assert "2 anexos, 6 páginas de documentos" in text


def test_shows_the_packets_page_ranges_from_its_manifest(filled, tmp_path: Path) -> None:
    vault, case = filled
    manifest = {
        "exhibits": [
            {"letter": "A", "pages": ["Page 3 of 12", "Page 6 of 12"]},
            {"letter": "B", "pages": ["Page 7 of 12", "Page 7 of 12"]},
        ]
    }
    path = tmp_path / "packet.manifest.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    ranges = page_ranges_from_manifest(path)
    assert ranges == {"A": "3 a 6", "B": "7"}
    text = render_index_es(vault, case.id, page_ranges=ranges)
    assert "páginas 3 a 6" in text
    assert "página 7\n" in text
    assert range_es("PD-000012", "PD-000015") == "PD-000012 a PD-000015"


def test_written_file_is_utf8_text(filled, tmp_path: Path) -> None:
    vault, case = filled
    folder = tmp_path / "out"
    folder.mkdir()
    out = write_index_es(vault, case.id, folder / "indice.txt")
    assert out.read_text(encoding="utf-8").startswith("COPIA DE TRABAJO")
    assert [p.name for p in folder.iterdir()] == ["indice.txt"]  # no leftover part file


def test_case_without_documents_is_a_plain_error(vault, case, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InvalidInput):
        write_index_es(vault, case.id, folder / "indice.txt")
    assert not list(folder.iterdir())


def test_spanish_dates() -> None:
    assert fecha_es("2021-03-15") == "15 de marzo de 2021"
    assert fecha_es("2021") == "2021"


def test_page_ranges_match_a_real_export(vault, case, tmp_path: Path) -> None:
    from pdorganizer.export.service import ExportOptions, export_packet
    from pdorganizer.ingest.service import ImportOptions, import_files
    from tests.ingest_samples import png

    files = []
    for name, width in (("acta", 300), ("recibos", 320)):
        path = tmp_path / f"{name}.png"
        path.write_bytes(png(size=(width, 400)))
        files.append(path)
    import_files(vault, case.id, files[:1], ImportOptions(factors=["family"]))
    import_files(vault, case.id, files[1:], ImportOptions(factors=["presence"]))
    out = tmp_path / "packet" / "packet.pdf"
    out.parent.mkdir()
    result = export_packet(vault, case.id, out, ExportOptions(manifest="json", label="of"))
    assert result.manifest_path
    ranges = page_ranges_from_manifest(result.manifest_path)
    letters = [ex.letter for ex in vault.exhibits.effective(case.id)]
    assert sorted(ranges) == letters == ["A", "B"]
    text = render_index_es(vault, case.id, page_ranges=ranges)
    # Cover unlabelled, the index is page 1, then a slip sheet and one page per exhibit.
    assert ranges == {"A": "2 a 3", "B": "4 a 5"}
    assert "páginas 2 a 3" in text
    assert "páginas 4 a 5" in text


def test_pdf_copy_reads_back_in_spanish(filled, tmp_path: Path) -> None:
    from pypdf import PdfReader

    vault, case = filled
    out = write_index_es(vault, case.id, tmp_path / "indice.pdf")
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Índice de anexos" in text
    assert "Anexo A:" in text and "Anexo B:" in text
    assert builtin_taxonomy().get("family").text("label", "es") in text
    assert "Página 1 de 1" in text
    meta = reader.metadata or {}
    assert not meta.get("/Author")
    assert not meta.get("/Creator") and not meta.get("/Producer")  # no tool named
