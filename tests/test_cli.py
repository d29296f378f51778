"""The command line: interface, exit statuses, passphrase sources, JSON output."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pdorganizer.cli.main import run
from pdorganizer.vault import Vault
from pdorganizer.vault.repos import NewPage, NewSource
from tests.conftest import PASSPHRASE


@pytest.fixture
def env_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def cli_vault(tmp_path: Path, env_pass: None) -> Path:
    path = tmp_path / "cli.pdvault"
    assert run(["init", str(path), "--insecure-fast-kdf"]) == 0
    return path


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["--version"])
    assert exc.value.code == 0
    assert out(capsys).startswith("pdorganizer 0.")


def test_factors_needs_no_vault(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["factors", "--json"]) == 0
    data = json.loads(out(capsys))
    ids = [f["id"] for f in data["factors"]]
    assert data["taxonomy_version"] >= 1
    for expected in (
        "identity",
        "presence",
        "family",
        "work",
        "clean_record",
        "criminal_history",
        "rehabilitation",
    ):
        assert expected in ids
    assert all(f["label"]["es"] for f in data["factors"])
    assert run(["factors", "--lang", "es"]) == 0
    assert "Sin antecedentes penales" in out(capsys)


def test_case_add_list_and_docs(cli_vault: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        run(
            [
                "case",
                "add",
                str(cli_vault),
                "--name",
                "Ana Ruiz",
                "--a-number",
                "A-1",
                "--detained",
                "--court-city",
                "Dallas",
                "--claims",
                "family,work",
            ]
        )
        == 0
    )
    case_id = int(out(capsys).strip())
    assert run(["case", "list", str(cli_vault), "--json"]) == 0
    (case,) = json.loads(out(capsys))
    assert case["id"] == case_id and case["name"] == "Ana Ruiz" and case["detained"] is True
    assert case["court_city"] == "Dallas" and case["claimed_factors"] == ["family", "work"]
    with Vault.open(cli_vault, PASSPHRASE) as v:
        data = b"pay stub bytes"
        doc = v.documents.add(
            case_id,
            "Pay stub",
            [NewSource(data, hashlib.sha256(data).hexdigest(), "image/png", "stub.png")],
            [NewPage(0, 0, 612, 792)],
        )
    assert run(["tag", str(cli_vault), str(doc.id), "work", "presence"]) == 0
    assert run(["untag", str(cli_vault), str(doc.id), "presence"]) == 0
    capsys.readouterr()
    assert run(["docs", str(cli_vault), "--case", "Ana Ruiz", "--json"]) == 0
    (listed,) = json.loads(out(capsys))
    assert listed == {
        "id": doc.id,
        "title": "Pay stub",
        "pages": 1,
        "factors": ["work"],
        "sha256": hashlib.sha256(b"pay stub bytes").hexdigest(),
        "kind": "",
        "date": "",
        "expires": "",
        "language": "",
        "issuer": "",
        "mime": "image/png",
        "original_name": "stub.png",
        "translation_of": None,
        "translator": None,
    }
    assert run(["case", "coverage", str(cli_vault), str(case_id)]) == 0
    assert "claimed, no evidence yet" in out(capsys)


def test_exit_statuses(
    cli_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["check", str(cli_vault)]) == 0
    assert "sound" in out(capsys)
    assert run(["tag", str(cli_vault), "42", "work"]) == 1
    assert capsys.readouterr().err.strip() == "pdorganizer: no document 42 in this vault"
    with pytest.raises(SystemExit) as exc:
        run(["tag", str(cli_vault)])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        run(["frobnicate"])
    assert exc.value.code == 2
    capsys.readouterr()
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", "wrong")
    before = cli_vault.read_bytes()
    assert run(["case", "list", str(cli_vault)]) == 3
    assert capsys.readouterr().err.strip() == (
        "pdorganizer: wrong passphrase, or not a pdorganizer vault"
    )
    assert cli_vault.read_bytes() == before


def test_passphrase_file_and_passwd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PDORGANIZER_PASSPHRASE", raising=False)
    secret = tmp_path / "secret.txt"
    secret.write_text("from a file\n", encoding="utf-8")
    vault = tmp_path / "v.pdvault"
    assert run(["init", str(vault), "--passphrase-file", str(secret), "--insecure-fast-kdf"]) == 0
    assert run(["check", str(vault), "--passphrase-file", str(secret)]) == 0
    monkeypatch.setenv("PDORGANIZER_NEW_PASSPHRASE", "the new one")
    assert run(["passwd", str(vault), "--passphrase-file", str(secret)]) == 0
    assert run(["check", str(vault), "--passphrase-file", str(secret)]) == 3
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", "the new one")
    assert run(["check", str(vault)]) == 0
    assert run(["check", str(vault), "--passphrase-file", str(tmp_path / "missing")]) == 0
    monkeypatch.delenv("PDORGANIZER_PASSPHRASE")
    assert run(["check", str(vault), "--passphrase-file", str(tmp_path / "missing")]) == 2


def test_backup_command(
    cli_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "copy.pdvault"
    assert run(["backup", str(cli_vault), str(dest)]) == 0
    assert run(["check", str(dest)]) == 0
    assert run(["backup", str(cli_vault), str(dest)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_real_entry_points_and_quiet_stderr(tmp_path: Path) -> None:
    """`python -m pdorganizer` end to end: one-line errors, no SQLCipher noise, statuses."""
    vault = tmp_path / "sub.pdvault"
    env = {"PDORGANIZER_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}

    def cli(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pdorganizer", *args],
            capture_output=True,
            text=True,
            env={**env, "PDORGANIZER_PASSPHRASE": passphrase},
            timeout=60,
        )

    assert cli("init", str(vault), "--insecure-fast-kdf").returncode == 0
    added = cli("case", "add", str(vault), "--name", "José Ñúñez")
    assert added.returncode == 0 and added.stdout.strip() == "1"
    wrong = cli("case", "list", str(vault), passphrase="nope")
    assert wrong.returncode == 3
    assert wrong.stderr.splitlines() == [
        "pdorganizer: wrong passphrase, or not a pdorganizer vault"
    ]
    assert wrong.stdout == ""
    garbage = tmp_path / "garbage.pdvault"
    garbage.write_bytes(b"\x00" * 5000)
    assert cli("check", str(garbage)).returncode == 3
    missing = cli("docs", str(vault), "--case", "Nobody")
    assert missing.returncode == 1 and len(missing.stderr.splitlines()) == 1
    assert "Traceback" not in missing.stderr
