"""Schema v3: the requested kind of PD and the person's situation on the case, `expires` on
documents, and old free-text kinds turned into kind ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.kinds import kind_label, match_kind
from pdorganizer.vault import CHEAP_PARAMS, Vault
from tests.conftest import PASSPHRASE

OLD_KINDS = {
    "Identity document": "identity",  # the English label older versions stored
    "Declaración": "declaration",  # typed in Spanish
    "  police record ": "police_clearance",  # spaces and case do not matter
    "Lease or bill": "lease",
    "Photograph": "photo",
    "Receipt from my landlord": "Receipt from my landlord",  # no match: kept as is
}


def test_v2_vault_migrates_kinds_and_gains_the_new_fields(vault_path: Path) -> None:
    old = Vault.create(vault_path, PASSPHRASE, CHEAP_PARAMS, schema_version=2)
    with old, old.transaction() as con:  # what version 2 of the app wrote
        con.execute("INSERT INTO cases(name, created_at) VALUES ('Old Case', 'then')")
        for kind in OLD_KINDS:
            con.execute(
                "INSERT INTO documents(case_id, title, kind, added_at) VALUES (1, ?, ?, 'then')",
                (f"doc {kind}", kind),
            )
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.schema_version >= 3
        (case,) = v.cases.list()
        assert (case.requested_pd, case.entry_date, case.requested_pd_other) == ("", "", "")
        assert (case.paroled, case.represented, case.in_proceedings) == (False, False, True)
        docs = {d.title[4:]: d for d in v.documents.list(case.id)}
        assert {old: docs[old].kind for old in OLD_KINDS} == OLD_KINDS
        assert all(d.expires == "" for d in docs.values())


def test_case_profile_fields_round_trip(vault: Vault) -> None:
    case = vault.cases.add(
        "Ana",
        requested_pd="other",
        requested_pd_other="deferred inspection",
        entry_date="2019-06",
        paroled=True,
        represented=True,
        in_proceedings=False,
    )
    again = vault.cases.get(case.id)
    assert again.to_json()["requested_pd"] == "other"
    assert (again.entry_date, again.paroled, again.represented) == ("2019-06", True, True)
    assert again.in_proceedings is False
    assert vault.cases.update(case.id, in_proceedings=True).in_proceedings is True


@pytest.mark.parametrize(
    "fields", [{"requested_pd": "amnesty"}, {"entry_date": "June 2019"}, {"entry_date": "2019-13"}]
)
def test_bad_profile_values_are_refused_and_change_nothing(vault: Vault, fields: dict) -> None:
    case = vault.cases.add("Ana", entry_date="2019")
    with pytest.raises(InvalidInput):
        vault.cases.update(case.id, **fields)
    assert vault.cases.get(case.id).entry_date == "2019"


def test_kind_labels_and_matching() -> None:
    assert match_kind("PASAPORTE") == "passport"
    assert match_kind("Formulario G-28 (abogado o representante)") == "g28"
    assert match_kind("acta de nacimiento") == "birth_certificate"
    assert match_kind("something else") is None
    assert kind_label("birth_certificate", "es") == "Acta de nacimiento"
    assert kind_label("my own words", "es") == "my own words"


def test_cover_and_index_name_the_relief_requested(vault: Vault, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from pdorganizer.export.service import ExportOptions, export_packet
    from tests.checks_helpers import add_doc

    case = vault.cases.add("Ana", requested_pd="stay-of-removal", in_proceedings=False)
    add_doc(vault, case.id, "Letter", document_date="2024")
    out = tmp_path / "p.pdf"
    export_packet(vault, case.id, out, ExportOptions(manifest="none"))
    cover, index = (p.extract_text() for p in PdfReader(out).pages[:2])
    assert "Relief requested: Stay of removal" in cover
    assert "In Removal Proceedings" not in cover  # the profile says they are not
    assert "relief requested: Stay of removal" in index
    vault.cases.update(case.id, requested_pd="other", requested_pd_other="Deferred inspection")
    vault.cases.update(case.id, in_proceedings=True)
    export_packet(vault, case.id, tmp_path / "q.pdf", ExportOptions(manifest="none"))
    cover = PdfReader(tmp_path / "q.pdf").pages[0].extract_text()
    assert "Relief requested: Deferred inspection" in cover and "In Removal Proceedings" in cover
