"""CLI: doc edit / doc remove, kinds, the case profile's new flags, their JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pdorganizer.cli.main import run
from pdorganizer.vault import CHEAP_PARAMS, Vault
from tests.checks_helpers import add_doc
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int, int]:
    path = tmp_path / "cli.pdvault"
    with Vault.create(path, PASSPHRASE, CHEAP_PARAMS) as v:
        case = v.cases.add("Ana")
        original = add_doc(v, case.id, "Acta", language="Spanish")
        translation = add_doc(v, case.id, "Birth certificate (English)")
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    return path, case.id, original.id, translation.id


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_doc_edit_sets_every_field_and_the_translation(cli, capsys) -> None:
    path, case_id, original, translation = cli
    capsys.readouterr()
    args = ["doc", "edit", str(path), str(original), "--kind", "Acta de nacimiento"]
    args += ["--date", "1988-04", "--expires", "2030", "--issuer", "Registro Civil", "--json"]
    assert run(args) == 0
    doc = _json(capsys)
    assert (doc["kind"], doc["date"], doc["expires"], doc["issuer"]) == (
        "birth_certificate",
        "1988-04",
        "2030",
        "Registro Civil",
    )
    args = ["doc", "edit", str(path), str(translation), "--translation-of", str(original)]
    args += ["--translator-name", "Ana Ruiz", "--translator-phone", "510-555-0100", "--json"]
    assert run(args) == 0
    doc = _json(capsys)
    assert doc["translation_of"] == original
    assert doc["translator"] == {"name": "Ana Ruiz", "address": "", "phone": "510-555-0100"}
    # One detail later keeps the others.
    assert run(["doc", "edit", str(path), str(translation), "--translator-address", "Oakland"]) == 0
    assert capsys.readouterr().out == f"document {translation} updated\n"
    assert run(["docs", str(path), "--case", str(case_id), "--json"]) == 0
    listed = {d["id"]: d for d in _json(capsys)}
    assert listed[translation]["translator"] == {
        "name": "Ana Ruiz",
        "address": "Oakland",
        "phone": "510-555-0100",
    }
    assert set(listed[original]) == {
        "id", "title", "pages", "factors", "sha256", "kind", "date", "expires", "language",
        "issuer", "mime", "original_name", "translation_of", "translator",
    }  # fmt: skip
    assert run(["doc", "edit", str(path), str(translation), "--translation-of", "none"]) == 0
    capsys.readouterr()
    assert run(["docs", str(path), "--case", str(case_id), "--json"]) == 0
    assert {d["id"]: d for d in _json(capsys)}[translation]["translator"] is None


@pytest.mark.parametrize(
    "bad",
    [["--kind", "spaceship"], ["--date", "April 1988"], ["--translator-name", "X"]],
)
def test_doc_edit_refuses_bad_input_and_changes_nothing(cli, capsys, bad: list[str]) -> None:
    path, _case, original, _ = cli
    capsys.readouterr()
    assert run(["doc", "edit", str(path), str(original), "--title", "New", *bad]) in (1, 2)
    assert capsys.readouterr().err.count("\n") == 1
    with Vault.open(path, PASSPHRASE) as v:
        assert v.documents.get(original).title == "Acta"


def test_doc_remove_asks_or_needs_yes(cli, capsys, monkeypatch) -> None:
    path, case_id, original, translation = cli
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run(["doc", "remove", str(path), str(translation)]) == 2
    assert "--yes" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert run(["doc", "remove", str(path), str(translation)]) == 1
    assert run(["doc", "remove", str(path), str(translation), "--yes"]) == 0
    with Vault.open(path, PASSPHRASE) as v:
        assert [d.id for d in v.documents.list(case_id)] == [original]


def test_kinds_json_and_spanish(capsys) -> None:
    assert run(["kinds", "--json"]) == 0
    kinds = _json(capsys)
    ids = [k["id"] for k in kinds]
    for wanted in (
        "g28", "eoir28", "nta", "government_notice", "police_clearance", "background_check",
        "court_disposition", "rehabilitation", "declaration", "identity", "passport",
        "birth_certificate", "marriage_certificate", "translation", "pay_stub", "tax_return",
        "school_record", "medical_record", "letter_of_support", "lease", "utility_bill",
        "photo", "other",
    ):  # fmt: skip
        assert wanted in ids
    assert all(set(k) == {"id", "label", "factors"} and k["label"]["es"] for k in kinds)
    assert len(set(ids)) == len(ids)
    assert run(["kinds", "--lang", "es"]) == 0
    assert "Acta de nacimiento" in capsys.readouterr().out


def test_case_profile_flags_and_json(cli, capsys) -> None:
    path, *_ = cli
    capsys.readouterr()
    args = ["case", "add", str(path), "--name", "Luis", "--requested-pd", "other"]
    args += ["--requested-pd-other", "deferred inspection", "--entry-date", "2019-06"]
    args += ["--paroled", "--pro-se"]
    assert run(args) == 0
    case_id = int(capsys.readouterr().out)
    assert run(["case", "show", str(path), str(case_id), "--json"]) == 0
    case = _json(capsys)
    assert (case["requested_pd"], case["requested_pd_other"], case["entry_date"]) == (
        "other",
        "deferred inspection",
        "2019-06",
    )
    assert (case["paroled"], case["represented"], case["in_proceedings"]) == (True, False, True)
    assert run(["case", "edit", str(path), str(case_id), "--represented", "--not-paroled"]) == 0
    capsys.readouterr()
    assert run(["case", "list", str(path), "--json"]) == 0
    (luis,) = [c for c in _json(capsys) if c["id"] == case_id]
    assert (luis["represented"], luis["paroled"]) == (True, False)
    assert run(["case", "edit", str(path), str(case_id), "--entry-date", "June"]) == 1
    with pytest.raises(SystemExit) as usage:  # argparse: a choice that does not exist
        run(["case", "edit", str(path), str(case_id), "--requested-pd", "amnesty"])
    assert usage.value.code == 2
