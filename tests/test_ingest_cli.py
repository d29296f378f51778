"""`pdorganizer import` and the page commands, through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pdorganizer.cli.main import run
from pdorganizer.vault import Vault
from tests.conftest import PASSPHRASE
from tests.ingest_samples import image_pdf, jpeg, pdf, png_bomb, write


def lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_import_prints_one_line_per_file_and_exits_1_on_failure(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    letter = write(tmp_path, "letter.pdf", image_pdf(1, 3))
    photo = write(tmp_path, "photo.jpg", jpeg(6))
    bad = write(tmp_path, "notes.jpg", b"just text")
    bomb = write(tmp_path, "bomb.png", png_bomb())
    locked = write(tmp_path, "locked.pdf", pdf(user_password="x"))
    code = run(["import", str(cli_case_vault), "--case", "1", letter, photo, bad, bomb, locked])
    assert code == 1
    out = capsys.readouterr()  # results on stdout, each refused file one line on stderr
    assert out.out.splitlines() == [
        f"imported  {letter} -> doc 1 (3 pages)",
        f"imported  {photo} -> doc 2 (1 page)",
    ]
    assert out.err.splitlines() == [
        f"failed    {bad}: not an image or PDF",
        f"failed    {bomb}: image too large",
        f"failed    {locked}: password-protected PDF",
    ]
    # a duplicate alone is not a failure
    assert run(["import", str(cli_case_vault), "--case", "Ana Pérez", photo]) == 0
    assert lines(capsys) == [f"duplicate {photo}: duplicate of doc 2"]
    assert run(["check", str(cli_case_vault)]) == 0


def test_import_options_and_as_one(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    front = write(tmp_path, "front.jpg", jpeg(noisy=True, seed=1))
    back = write(tmp_path, "back.jpg", jpeg(noisy=True, seed=2))
    args = ["import", str(cli_case_vault), "--case", "1", "--as-one", "--title", "Consular ID"]
    args += ["--factor", "identity", "--factor", "presence", "--kind", "identity"]
    args += ["--date", "2020-01-02", "--language", "es", front, back]
    capsys.readouterr()
    assert run(args) == 0
    assert lines(capsys) == [
        f"imported  {front} -> doc 1 (1 page)",
        f"imported  {back} -> doc 1 (1 page)",
    ]
    assert run(["docs", str(cli_case_vault), "--case", "1", "--json"]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    assert (doc["title"], doc["pages"]) == ("Consular ID", 2)
    assert doc["factors"] == ["identity", "presence"]
    assert (doc["kind"], doc["date"], doc["language"]) == ("identity", "2020-01-02", "es")


def test_import_json_and_unknown_factor(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = write(tmp_path, "photo.jpg", jpeg())
    capsys.readouterr()
    assert run(["import", str(cli_case_vault), "--case", "1", "--factor", "nope", photo]) == 1
    assert "unknown factor" in capsys.readouterr().err
    assert run(["import", str(cli_case_vault), "--case", "1", "--json", photo]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result == {
        "path": photo,
        "status": "imported",
        "document_id": 1,
        "message": "",
        "pages": 1,
        "notes": [],
    }


def test_page_commands(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_pdf = write(tmp_path, "four.pdf", pdf([(612, 792, 0)] * 3 + [(792, 612, 0)]))
    other = write(tmp_path, "other.jpg", jpeg())
    assert run(["import", str(cli_case_vault), "--case", "1", doc_pdf, other]) == 0
    capsys.readouterr()

    def pages(doc: int) -> list[dict]:
        assert run(["pages", str(cli_case_vault), str(doc), "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    listed = pages(1)
    ids = [p["id"] for p in listed]
    assert [p["orientation"] for p in listed] == ["portrait"] * 3 + ["landscape"]
    assert run(["pages", str(cli_case_vault), "1"]) == 0
    assert "landscape" in capsys.readouterr().out

    assert run(["rotate", str(cli_case_vault), str(ids[3]), "--degrees", "-90"]) == 0
    assert lines(capsys) == [f"page {ids[3]}: turned 270°"]
    assert pages(1)[3]["orientation"] == "portrait"
    assert run(["rotate", str(cli_case_vault), str(ids[0]), "--degrees", "45"]) == 1

    assert (
        run(["reorder", str(cli_case_vault), "1", *map(str, [ids[3], ids[0], ids[1], ids[2]])]) == 0
    )
    assert lines(capsys) == ["doc 1: Four (4 pages)"]
    assert [p["id"] for p in pages(1)] == [ids[3], ids[0], ids[1], ids[2]]
    assert run(["reorder", str(cli_case_vault), "1", str(ids[0])]) == 1

    assert run(["delete-page", str(cli_case_vault), str(ids[1])]) == 0
    assert lines(capsys) == ["doc 1: Four (3 pages)"]
    assert [p["id"] for p in pages(1)] == [ids[3], ids[0], ids[2]]

    assert run(["split", str(cli_case_vault), "1", "--at", str(ids[0])]) == 0
    out = lines(capsys)
    assert out[0] == "doc 1: Four (1 page)"
    assert out[1] == "doc 3: Four (part 2) (2 pages)"

    assert run(["merge", str(cli_case_vault), "1", "3", "2"]) == 0
    assert lines(capsys) == ["doc 1: Four (4 pages)"]
    assert [p["id"] for p in pages(1)][:3] == [ids[3], ids[0], ids[2]]
    assert run(["pages", str(cli_case_vault), "3"]) == 1
    assert run(["check", str(cli_case_vault)]) == 0
    with Vault.open(cli_case_vault, PASSPHRASE) as vault:
        assert len(vault.documents.list(1)) == 1


def test_pdf_password_file(
    cli_case_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = write(tmp_path, "locked.pdf", pdf([(612, 792, 0)], user_password="pw 1"))
    secret = tmp_path / "pdf-password.txt"
    secret.write_text("pw 1\n", encoding="utf-8")
    capsys.readouterr()
    args = [
        "import",
        str(cli_case_vault),
        "--case",
        "1",
        "--pdf-password-file",
        str(secret),
        locked,
    ]
    assert run(args) == 0
    assert lines(capsys) == [f"imported  {locked} -> doc 1 (1 page)"]
    missing = ["import", str(cli_case_vault), "--case", "1", "--pdf-password-file", "nope", locked]
    assert run(missing) == 2
    assert "cannot read the password file" in capsys.readouterr().err
