"""`import --clean`, `pages --json` and `clean` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pdorganizer.cli.main import run
from pdorganizer.scan import synthetic
from tests.ingest_samples import image_pdf, write


def _pages(vault: Path, doc: int, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert run(["pages", str(vault), str(doc), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_import_clean_pages_json_and_clean_command(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shot = synthetic.photo(seed=1)
    photo = write(tmp_path, "photo.jpg", synthetic.jpeg_bytes(shot.image))
    letter = write(tmp_path, "letter.pdf", image_pdf(1, 1))
    assert (
        run(["import", str(cli_case_vault), "--case", "1", "--clean", "auto", photo, letter]) == 0
    )
    [page] = _pages(cli_case_vault, 1, capsys)
    assert page["cleaned"] is True and page["mode"] in ("gray", "bilevel", "colour")
    assert page["orientation"] == "portrait"
    for (x, y), (tx, ty) in zip(page["corners"], shot.corners, strict=True):
        assert abs(x - tx) < 6 and abs(y - ty) < 6
    [pdf_page] = _pages(cli_case_vault, 2, capsys)
    assert pdf_page["cleaned"] is False and pdf_page["corners"] is None

    assert run(["clean", str(cli_case_vault), str(page["id"]), "--off"]) == 0
    [off] = _pages(cli_case_vault, 1, capsys)
    assert off["cleaned"] is False and off["orientation"] == "landscape"
    corners = "100,100,1500,100,1500,1100,100,1100"
    assert run(["clean", str(cli_case_vault), str(page["id"]), "--corners", corners]) == 0
    [hand] = _pages(cli_case_vault, 1, capsys)
    assert hand["cleaned"] is True
    assert hand["corners"] == [[100, 100], [1500, 100], [1500, 1100], [100, 1100]]
    assert run(["clean", str(cli_case_vault), str(page["id"]), "--auto"]) == 0
    assert run(["rotate", str(cli_case_vault), str(page["id"])]) == 0
    [turned] = _pages(cli_case_vault, 1, capsys)
    assert turned["cleaned"] is True and turned["rotation"] == 90

    # refusals: one line on stderr, exit 1 or 2, nothing changed
    capsys.readouterr()
    assert run(["clean", str(cli_case_vault), str(page["id"]), "--corners", "1,2,3"]) == 2
    assert run(["clean", str(cli_case_vault), str(pdf_page["id"]), "--auto"]) == 1
    assert run(["clean", str(cli_case_vault), str(pdf_page["id"]), "--off"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and "PDF" in err[1] and "no cleaned version" in err[2]
    assert _pages(cli_case_vault, 1, capsys) == [turned]


def test_import_clean_off_keeps_the_photo(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = write(tmp_path, "photo.jpg", synthetic.jpeg_bytes(synthetic.photo(seed=2).image))
    assert run(["import", str(cli_case_vault), "--case", "1", "--clean", "off", photo]) == 0
    [page] = _pages(cli_case_vault, 1, capsys)
    assert page["cleaned"] is False and page["orientation"] == "landscape"
