"""Pre-flight checks: each on a case built to trigger it, and on one built not to (a real
vault each time); the CLI's JSON shape, exit status and Spanish."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pdorganizer.checks import CHECKS, PreflightOptions, preflight
from pdorganizer.checks import texts as check_texts
from pdorganizer.checks.page_checks import PROFILE_LIMIT_MB
from pdorganizer.cli.main import run
from pdorganizer.export.service import DEFAULT_LIMIT_MB
from pdorganizer.vault import CHEAP_PARAMS, Vault
from tests.checks_helpers import add_doc, good_case, page_image
from tests.conftest import PASSPHRASE

AS_OF = dt.date(2026, 6, 1)


def doc_id(vault: Vault, case_id: int, title: str) -> int:
    return next(d.id for d in vault.documents.list(case_id) if d.title == title)


def codes(vault: Vault, case_id: int, **options: object) -> dict[str, list]:
    report = preflight(vault, case_id, PreflightOptions(as_of=AS_OF, **options))
    out: dict[str, list] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f)
    return out


def test_the_good_case_has_no_findings(vault: Vault) -> None:
    case_id = good_case(vault)
    assert preflight(vault, case_id, PreflightOptions(as_of=AS_OF)).findings == []


Mutation = Callable[[Vault, int], None]


def _delete(title: str) -> Mutation:
    return lambda v, c: v.documents.delete(doc_id(v, c, title))


def _edit(title: str, **fields: str) -> Mutation:
    return lambda v, c: v.documents.update(doc_id(v, c, title), **fields) and None


def _profile(**fields: object) -> Mutation:
    return lambda v, c: v.cases.update(c, **fields) and None


def _add(title: str, **kw: object) -> Mutation:
    kw.setdefault("document_date", "2024-02")  # dated, unless the test is about dates
    return lambda v, c: add_doc(v, c, title, **kw) and None  # type: ignore[arg-type]


def _incomplete_translation(v: Vault, c: int) -> None:
    original = doc_id(v, c, "Constancia de la iglesia")
    translation = doc_id(v, c, "Church letter (translation)")
    v.documents.set_translation(translation, original, translator_name="Ana Ruiz")


def _letter(text: str) -> Mutation:
    """A request letter citing a document gone from the case and a page that is not there."""
    from pdorganizer.request.store import set_letter

    return lambda v, c: set_letter(v, c, text.format(passport=doc_id(v, c, "Passport"))) and None


def _gap(v: Vault, c: int) -> None:
    for year in (2019, 2020, 2023):
        v.documents.delete(doc_id(v, c, f"Pay stub {year}"))


# code -> (what makes it fire, the severity expected)
TRIGGERS: dict[str, tuple[Mutation, str]] = {
    "not-in-proceedings": (_profile(in_proceedings=False), "blocker"),
    "dismissal-risk": (_profile(requested_pd="dismissal", entry_date="2025-01"), "blocker"),
    "no-representation-form": (_delete("G-28"), "blocker"),
    "missing-translation": (_add("Acta", language="Spanish", document_date="2001"), "blocker"),
    "translation-certificate-incomplete": (_incomplete_translation, "warning"),
    "no-declaration": (_delete("Declaration of Rosa"), "warning"),
    "broken-citation": (_letter("See [[9999]] and [[{passport} p.7]]."), "blocker"),
    "letter-placeholder": (_letter("Dear Chief Counsel: [WRITER: a short summary]"), "warning"),
    "no-identity": (_delete("Passport"), "warning"),
    "claimed-without-evidence": (
        lambda v, c: v.cases.set_claimed_factors(c, ["presence", "family"]),
        "warning",
    ),
    "negative-without-rehabilitation": (
        _add("Arrest report", document_date="2019-02", factors=("criminal_history",)),
        "warning",
    ),
    "presence-gap": (_gap, "warning"),
    "stale-clearance": (_edit("FBI background check", document_date="2025-03-01"), "warning"),
    "expired-identity": (_edit("Passport", expires="2026-05-31"), "warning"),
    "oversize-exhibit": (_add("Huge scan", pages=[page_image((2400, 3100))] * 3), "warning"),
    "low-resolution": (_add("Tiny photo", pages=[page_image((400, 520))]), "warning"),
    "blank-page": (_add("Two sides", pages=[page_image(), page_image(blank=True)]), "warning"),
    "record-document": (_add("NTA", kind="nta", document_date="2016-05-02"), "info"),
    "undated": (_add("Letter from the pastor", kind="letter_of_support", document_date=""), "info"),
}


def test_every_check_has_a_trigger_test_and_texts_in_both_languages() -> None:
    assert {code for code, _ in CHECKS} == set(TRIGGERS)

    def forms(value: str | dict[str, str]) -> list[str]:  # a plural text has two
        return [value] if isinstance(value, str) else [value["one"], value["other"]]

    for key in check_texts.all_keys():
        for lang in ("en", "es"):
            entry = check_texts._data()["checks"][key]
            assert all(f.strip() for f in forms(entry["message"][lang]))
            if "todo" in entry:
                assert all(f.strip() for f in forms(entry["todo"][lang]))
        assert (
            check_texts._data()["checks"][key]["message"]["es"]
            != (check_texts._data()["checks"][key]["message"]["en"])
        )


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_check_fires_on_a_case_built_for_it(vault: Vault, code: str) -> None:
    mutate, severity = TRIGGERS[code]
    case_id = good_case(vault)
    mutate(vault, case_id)
    options = {"max_part_mb": 0.4} if code == "oversize-exhibit" else {}
    found = codes(vault, case_id, **options)
    assert code in found, found
    assert found[code][0].severity == severity
    assert found[code][0].message and found[code][0].todo
    # Nothing else fires: each case is built to trigger one check.
    others = set(found) - {code}
    if code == "no-identity":
        others -= {"claimed-without-evidence"}  # the passport was the only identity proof
    assert not others, found


def test_check_details(vault: Vault) -> None:
    case_id = good_case(vault)
    _gap(vault, case_id)
    (gap,) = codes(vault, case_id)["presence-gap"]
    assert "2019-2020, 2023" in gap.message
    tiny = add_doc(vault, case_id, "Tiny", pages=[page_image(), page_image((400, 520))] * 2)
    (low,) = codes(vault, case_id)["low-resolution"]
    assert low.documents == [tiny.id] and "2, 4" in low.message
    disposition = add_doc(vault, case_id, "Disposition", kind="court_disposition")
    add_doc(vault, case_id, "Arrest", document_date="2019", factors=("criminal_history",))
    assert "negative-without-rehabilitation" not in codes(vault, case_id)
    vault.documents.delete(disposition.id)
    assert "negative-without-rehabilitation" in codes(vault, case_id)


def test_dismissal_is_safe_only_after_two_years_without_parole(vault: Vault) -> None:
    case_id = good_case(vault, requested_pd="dismissal", entry_date="2016-03")
    assert "dismissal-risk" not in codes(vault, case_id)
    vault.cases.update(case_id, paroled=True)
    (risk,) = codes(vault, case_id)["dismissal-risk"]
    assert risk.severity == "blocker" and "administrative closure" in risk.todo
    vault.cases.update(case_id, paroled=False, entry_date="2024-06")  # 2 years on 2026-06
    assert "dismissal-risk" in codes(vault, case_id)
    vault.cases.update(case_id, entry_date="2024-05")
    assert "dismissal-risk" not in codes(vault, case_id)
    vault.cases.update(case_id, entry_date="")
    (unknown,) = codes(vault, case_id)["dismissal-risk"]
    assert unknown.severity == "warning"


def test_clearance_months_and_profile_change_the_verdict(vault: Vault) -> None:
    case_id = good_case(vault)
    vault.documents.update(doc_id(vault, case_id, "FBI background check"), document_date="2025-11")
    assert "stale-clearance" not in codes(vault, case_id)
    assert "stale-clearance" in codes(vault, case_id, clearance_months=6)
    vault.documents.update(doc_id(vault, case_id, "FBI background check"), document_date="")
    (undated,) = codes(vault, case_id)["stale-clearance"]
    assert "no date" in undated.message
    add_doc(vault, case_id, "Carta", language="español", document_date="2020")
    assert codes(vault, case_id, profile="uscis")["missing-translation"][0].severity == "warning"


def test_limits_match_the_export() -> None:
    assert PROFILE_LIMIT_MB == DEFAULT_LIMIT_MB


def test_preflight_cli_json_exit_status_and_spanish(
    vault_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.create(vault_path, PASSPHRASE, CHEAP_PARAMS) as v:
        case_id = good_case(v)
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    base = ["preflight", str(vault_path), "--case", str(case_id), "--as-of", "2026-06-01"]
    capsys.readouterr()
    assert run([*base, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "case": case_id,
        "as_of": "2026-06-01",
        "findings": [],
    }
    assert run(["case", "edit", str(vault_path), str(case_id), "--not-in-proceedings"]) == 0
    err = capsys.readouterr().err
    assert "not in removal proceedings" in err
    assert run([*base, "--json", "--lang", "es"]) == 1
    report = json.loads(capsys.readouterr().out)
    (finding,) = report["findings"]
    assert set(finding) == {"code", "severity", "documents", "factors", "message", "todo"}
    assert finding["code"] == "not-in-proceedings" and finding["severity"] == "blocker"
    assert "abogado" in finding["todo"]
    assert run([*base, "--lang", "es"]) == 1
    text = capsys.readouterr().out
    assert (
        text.startswith("Impide enviar: not-in-proceedings:")
        and "1 impide enviar, 0 advertencias, 0 notas" in text
    )
    assert run([*base, "--as-of", "June"]) == 2
