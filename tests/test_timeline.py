"""The timeline: its data from a real case, and the PNG and PDF read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from pdorganizer.checks.context import load_case
from pdorganizer.cli.main import run
from pdorganizer.timeline.data import build_timeline
from pdorganizer.timeline.drawing import lay_out
from pdorganizer.vault import CHEAP_PARAMS, Vault
from tests.checks_helpers import add_doc, good_case
from tests.conftest import PASSPHRASE

AS_OF = dt.date(2026, 6, 1)


def test_timeline_data(vault: Vault) -> None:
    case_id = good_case(vault)
    for d in vault.documents.list(case_id):
        if d.title in ("Pay stub 2019", "Pay stub 2020"):
            vault.documents.delete(d.id)
    undated = add_doc(vault, case_id, "Undated letter", factors=("community",))
    timeline = build_timeline(load_case(vault, case_id, pages=False), AS_OF, "es")
    assert (timeline.first_year, timeline.last_year) == (2015, 2026)  # from the year before entry
    assert timeline.entry == dt.date(2016, 3, 1)
    assert timeline.gap_years == [2019, 2020]
    assert timeline.undated == [undated.id]
    rows = {r.factor_id: r for r in timeline.rows}
    assert rows["presence"].label == "Muchos años en EE. UU." and rows["presence"].presence
    assert [m.date[:4] for m in rows["work"].marks] == [
        str(y) for y in range(2017, 2027) if y not in (2019, 2020)
    ]
    # The church record is dated by year only and shown as a bar across that year.
    (church,) = rows["community"].marks
    assert church.precision == "year" and church.end == dt.date(2016, 12, 31)
    assert "translation" not in {m.title for r in timeline.rows for m in r.marks}
    drawing = lay_out(timeline, "es")
    marks = sum(len(r.marks) for r in timeline.rows)
    assert len(drawing.hits) == marks
    texts = [s.text for s in drawing.shapes if s.op == "text"]
    assert "Primera entrada 2016-03" in texts and "2019" in texts
    assert timeline.to_json()["gap_years"] == [2019, 2020]


def test_timeline_cli_png_and_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path = tmp_path / "t.pdvault"
    with Vault.create(vault_path, PASSPHRASE, CHEAP_PARAMS) as v:
        case_id = good_case(v)
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    base = ["timeline", str(vault_path), "--case", str(case_id), "--as-of", "2026-06-01"]
    assert run([*base, "-o", str(tmp_path / "t.png")]) == 0
    with Image.open(tmp_path / "t.png") as im:
        assert im.format == "PNG" and im.width == 1584
        assert not im.info.get("exif") and "dpi" not in im.info
    assert run([*base, "-o", str(tmp_path / "t.pdf"), "--lang", "es"]) == 0
    reader = PdfReader(tmp_path / "t.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Rosa Martínez" in text and "Primera entrada 2016-03" in text and "2026" in text
    assert set(reader.metadata or {}) <= {
        "/Title",
        "/Author",
        "/Producer",
        "/Creator",
        "/Subject",
        "/CreationDate",
        "/ModDate",
        "/Keywords",
        "/Trapped",
    }
    assert run([*base, "-o", str(tmp_path / "t.svg")]) == 1
    assert "png or .pdf" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.pdf", "t.pdvault", "t.png"]


def test_the_year_under_way_and_papers_from_before_the_entry(vault: Vault) -> None:
    case = vault.cases.add("Luis", entry_date="2020")
    for year in (2020, 2021, 2022, 2023, 2024, 2025):
        add_doc(vault, case.id, f"Lease {year}", document_date=f"{year}-02", factors=("presence",))
    birth = add_doc(vault, case.id, "Birth certificate", document_date="1990", kind="identity")
    data = load_case(vault, case.id, pages=False)
    assert build_timeline(data, dt.date(2026, 3, 1)).gap_years == []
    later = build_timeline(data, dt.date(2026, 8, 1))
    assert later.gap_years == [2026] and later.first_year == 2019
    drawing = lay_out(later)
    (hit,) = [h for h in drawing.hits if h.document_id == birth.id]
    x0 = min(s.x for s in drawing.shapes if s.op == "line" and s.y < s.h)  # first year line
    assert x0 - 6 <= hit.x < x0 + 20  # at the left edge, labelled with its year
    assert "1990" in [s.text for s in drawing.shapes if s.op == "text"]


def test_timeline_page_in_the_packet(vault: Vault, tmp_path: Path) -> None:
    from pdorganizer.export.service import ExportOptions, export_packet

    case_id = good_case(vault)
    out = tmp_path / "packet.pdf"
    result = export_packet(vault, case_id, out, ExportOptions(timeline=True, manifest="none"))
    reader = PdfReader(out)
    titles = [o.title for o in reader.outline]
    assert titles[:3] == ["Cover", "Index of Exhibits", "Timeline of Evidence"]
    page = reader.pages[reader.get_destination_page_number(reader.outline[2])]
    text = page.extract_text()
    assert "Dated evidence, year by year: Rosa Martínez" in text and "First entry 2016-03" in text
    plain = export_packet(vault, case_id, tmp_path / "plain.pdf", ExportOptions(manifest="none"))
    assert result.page_count == plain.page_count + 1
    assert "Timeline of Evidence" not in [o.title for o in PdfReader(plain.files[0]).outline]
