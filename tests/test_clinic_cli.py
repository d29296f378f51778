"""The clinic commands: handoff, merge VAULT CLIENT.pdvault, case remove --wipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from pdorganizer.cli.main import run
from pdorganizer.vault import Vault, backups
from tests.conftest import PASSPHRASE
from tests.test_handoff import add_doc


@pytest.fixture
def clinic_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "clinic.pdvault"
    assert run(["init", str(path), "--insecure-fast-kdf"]) == 0
    with Vault.open(path, PASSPHRASE) as v:
        a = v.cases.add("Ana Perez")
        add_doc(v, a.id, "Ana ID")
        b = v.cases.add("Bob Other")
        add_doc(v, b.id, "Bob ID")
    return path


def test_handoff_generate_merge_and_check(clinic_file: Path, tmp_path: Path, capsys, monkeypatch):
    client = tmp_path / "client-7.pdvault"
    sheet = tmp_path / "sheet.pdf"
    args = ["handoff", str(clinic_file), "--case", "Ana Perez", "-o", str(client)]
    assert (
        run([*args, "--generate", "--lang", "es", "--sheet", str(sheet), "--insecure-fast-kdf"])
        == 0
    )
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if x.startswith("passphrase")]
    words = line.split(": ", 1)[1]
    assert len(words.split(" ")) == 6 and "78 bits" in line
    text = PdfReader(sheet).pages[0].extract_text()
    assert "Ana Perez" in text and words.split(" ")[0] in text and "client-7.pdvault" in text
    with Vault.open(client, words) as v:
        assert [c.name for c in v.cases.list()] == ["Ana Perez"]
        assert [d.title for d in v.documents.list(v.cases.list()[0].id)] == ["Ana ID"]
    monkeypatch.setenv("PDORGANIZER_OTHER_PASSPHRASE", words)
    assert run(["merge", str(clinic_file), str(client)]) == 0
    assert "1 unchanged" in capsys.readouterr().out
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", words)
    assert run(["check", str(client)]) == 0
    monkeypatch.setenv("PDORGANIZER_OTHER_PASSPHRASE", "wrong")
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    assert run(["merge", str(clinic_file), str(client)]) == 3
    assert run(["check", str(clinic_file)]) == 0


def test_handoff_takes_the_new_passphrase_from_the_environment(clinic_file, tmp_path, monkeypatch):
    monkeypatch.setenv("PDORGANIZER_NEW_PASSPHRASE", "a client chosen passphrase")
    out = tmp_path / "c.pdvault"
    assert (
        run(["handoff", str(clinic_file), "--case", "1", "-o", str(out), "--insecure-fast-kdf"])
        == 0
    )
    with Vault.open(out, "a client chosen passphrase") as v:
        assert len(v.cases.list()) == 1
    assert run(["handoff", str(clinic_file), "--case", "1", "-o", str(out), "--words", "5"]) == 2


def test_page_merge_still_takes_document_ids(clinic_file: Path) -> None:
    with Vault.open(clinic_file, PASSPHRASE) as v:
        case = v.cases.list()[0]
        extra = add_doc(v, case.id, "Ana ID back")
        first = v.documents.list(case.id)[0].id
    assert run(["merge", str(clinic_file), str(first), str(extra)]) == 0
    with Vault.open(clinic_file, PASSPHRASE) as v:
        assert v.documents.get(first).page_count == 2


def test_case_remove_wipe_removes_backups_when_told(clinic_file: Path, tmp_path: Path, capsys):
    with Vault.open(clinic_file, PASSPHRASE) as v:
        copy = backups.make_backup(v, tmp_path / "copy.pdvault")
    assert run(["case", "remove", str(clinic_file), "Ana Perez", "--wipe", "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"backup removed: {copy}" in out and "0 free pages" in out
    assert not copy.exists()
    with Vault.open(clinic_file, PASSPHRASE) as v:
        assert [c.name for c in v.cases.list()] == ["Bob Other"]


def test_handoff_and_merge_json(clinic_file: Path, tmp_path: Path, capsys, monkeypatch):
    import json

    from pdorganizer.vault import CHEAP_PARAMS

    client, sheet = tmp_path / "c.pdvault", tmp_path / "s.pdf"
    args = ["handoff", str(clinic_file), "--case", "Ana Perez", "-o", str(client), "--json"]
    assert run([*args, "--generate", "--sheet", str(sheet), "--insecure-fast-kdf"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["path"] == str(client) and out["sheet"] == str(sheet)
    assert out["documents"] == 1 and out["words"] == 6 and len(out["passphrase"].split()) == 6
    monkeypatch.setenv("PDORGANIZER_OTHER_PASSPHRASE", out["passphrase"])
    assert run(["merge", str(clinic_file), str(client), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (case,) = report["cases"]
    assert case["name"] == "Ana Perez" and case["unchanged"] == 1 and case["conflicts"] == []
    assert report["client_backup"] is None
    assert run(["merge", str(clinic_file), "1", "2", "--json"]) == 2  # doc ids: no JSON

    old = tmp_path / "stick" / "old.pdvault"  # a client file of an older version
    old.parent.mkdir()
    Vault.create(old, "old client passphrase", CHEAP_PARAMS, schema_version=2).close()
    monkeypatch.setenv("PDORGANIZER_OTHER_PASSPHRASE", "old client passphrase")
    assert run(["merge", str(clinic_file), str(old), "--json"]) == 0
    backup = Path(json.loads(capsys.readouterr().out)["client_backup"])
    assert backup.parent == old.parent and ".schema2-backup-" in backup.name
    Vault.open(backup, "old client passphrase").close()  # encrypted, same passphrase
    assert run(["merge", str(clinic_file), str(old)]) == 0  # upgraded now: nothing to say
    assert "older format" not in capsys.readouterr().out
