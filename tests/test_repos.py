"""Cases, documents, tags, page operations, translations and exhibits."""

from __future__ import annotations

import hashlib

import pytest

from pdorganizer.core.errors import InvalidInput, NotFound
from pdorganizer.core.letters import exhibit_letter
from pdorganizer.vault import Vault
from pdorganizer.vault.repos import NewPage, NewSource


def add(vault: Vault, case_id: int, title: str, pages: int = 1, **kw) -> int:
    data = title.encode() * 10
    src = NewSource(data, hashlib.sha256(data).hexdigest(), "application/pdf", f"{title}.pdf")
    return vault.documents.add(
        case_id, title, [src], [NewPage(0, i, 612, 792) for i in range(pages)], **kw
    ).id


def test_exhibit_letters() -> None:
    assert [exhibit_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_case_profile_roundtrip(vault: Vault) -> None:
    case = vault.cases.add(
        "Nguyễn Thị Hồng",
        a_number="A 222-333-444",
        detained=True,
        judge="Hon. Smith",
        filer_eoir_id="ZZ123456",
    )
    assert vault.cases.resolve("nguyễn thị hồng").id == case.id
    assert vault.cases.resolve(str(case.id)).judge == "Hon. Smith"
    updated = vault.cases.update(case.id, detained=False, notes="  x ")
    assert updated.detained is False and updated.notes == "x"
    with pytest.raises(InvalidInput, match="unknown case field"):
        vault.cases.update(case.id, shoe_size="9")
    with pytest.raises(InvalidInput):
        vault.cases.add("   ")
    with pytest.raises(NotFound):
        vault.cases.resolve("Nobody")


def test_coverage_counts_and_claims(vault: Vault, case) -> None:
    a = add(vault, case.id, "W-2", factors=["work", "presence"])
    add(vault, case.id, "Lease", factors=["presence"])
    vault.cases.set_claimed_factors(case.id, ["family", "work"])
    cov = vault.cases.coverage(case.id)
    assert cov["presence"] == 2 and cov["work"] == 1 and cov["family"] == 0
    assert vault.cases.get(case.id).claimed_factors == ["family", "work"]
    vault.documents.untag(a, ["work"])
    assert vault.cases.coverage(case.id)["work"] == 0


def test_custom_factor(vault: Vault, case) -> None:
    factor = vault.factors.add_custom("Church choir director")
    assert factor.id == "custom:church_choir_director"
    doc = add(vault, case.id, "Letter", factors=[factor.id])
    assert vault.documents.get(doc).factors == [factor.id]
    with pytest.raises(InvalidInput, match="exists already"):
        vault.factors.add_custom("Church choir director")
    vault.factors.remove_custom(factor.id)
    assert vault.documents.get(doc).factors == []


def test_page_operations(vault: Vault, case) -> None:
    doc = add(vault, case.id, "Letter", pages=4)
    pages = vault.documents.pages(doc)
    assert vault.documents.rotate_page(pages[0].id, 90).rotation == 90
    assert vault.documents.rotate_page(pages[0].id, -90).rotation == 0
    vault.documents.reorder_pages(doc, [p.id for p in reversed(pages)])
    assert [p.source_index for p in vault.documents.pages(doc)] == [3, 2, 1, 0]
    with pytest.raises(InvalidInput):
        vault.documents.reorder_pages(doc, [pages[0].id])
    new = vault.documents.split(doc, vault.documents.pages(doc)[2].id)
    assert new.page_count == 2 and vault.documents.get(doc).page_count == 2
    merged = vault.documents.merge([doc, new.id])
    assert merged.page_count == 4
    with pytest.raises(NotFound):
        vault.documents.get(new.id)
    vault.documents.delete_page(vault.documents.pages(doc)[0].id)
    assert [p.position for p in vault.documents.pages(doc)] == [0, 1, 2]
    single = add(vault, case.id, "ID", pages=1)
    with pytest.raises(InvalidInput, match="only page"):
        vault.documents.delete_page(vault.documents.pages(single)[0].id)


def test_delete_document_drops_its_file(vault: Vault, case) -> None:
    doc = add(vault, case.id, "Receipt")
    sha = vault.documents.get(doc).sha256
    assert vault.documents.find_source(case.id, sha) is not None
    vault.documents.delete(doc)
    assert vault.documents.find_source(case.id, sha) is None


def test_default_exhibits_order_by_factor_then_date(vault: Vault, case) -> None:
    lease = add(vault, case.id, "Lease", factors=["presence"])
    vault.documents.update(lease, document_date="2019-01-01")
    passport = add(vault, case.id, "Passport", factors=["identity"])
    old_lease = add(vault, case.id, "Old lease", factors=["presence"])
    vault.documents.update(old_lease, document_date="2012-05-01")
    untagged = add(vault, case.id, "Misc")
    exhibits = vault.exhibits.effective(case.id)
    assert [e.document_ids for e in exhibits] == [[passport], [old_lease], [lease], [untagged]]
    assert [e.letter for e in exhibits] == ["A", "B", "C", "D"]
    assert exhibits[1].description == "Old lease (2012-05-01)"


def test_translation_follows_original(vault: Vault, case) -> None:
    original = add(vault, case.id, "Acta de nacimiento", factors=["identity"])
    translation = add(vault, case.id, "Birth certificate (translation)")
    other = add(vault, case.id, "Pay stub", factors=["work"])
    vault.documents.set_translation(
        translation, original, translator_name="J. Doe", from_language="Spanish"
    )
    assert vault.documents.get(translation).translation_of == original
    assert vault.documents.translation(translation).translator_name == "J. Doe"
    exhibits = vault.exhibits.effective(case.id)
    assert [e.document_ids for e in exhibits] == [[original, translation], [other]]
    with pytest.raises(InvalidInput):
        vault.documents.set_translation(original, original)


def test_stored_exhibits_and_new_documents(vault: Vault, case) -> None:
    a, b, c = (add(vault, case.id, t) for t in ("A doc", "B doc", "C doc"))
    vault.exhibits.set(case.id, [[c], [a, b]], ["Letters", ""])
    stored = vault.exhibits.stored(case.id)
    assert [(e.letter, e.description, e.document_ids) for e in stored] == [
        ("A", "Letters", [c]),
        ("B", "A doc", [a, b]),
    ]
    d = add(vault, case.id, "D doc")
    assert [e.document_ids for e in vault.exhibits.effective(case.id)] == [[c], [a, b], [d]]
    vault.documents.delete(c)
    assert [e.letter for e in vault.exhibits.stored(case.id)] == ["A"]
    with pytest.raises(InvalidInput, match="more than one exhibit"):
        vault.exhibits.set(case.id, [[a], [a]])
    vault.exhibits.clear(case.id)
    assert vault.exhibits.stored(case.id) == []


def test_cases_are_kept_apart(vault: Vault, case) -> None:
    other = vault.cases.add("Other Person")
    doc = add(vault, case.id, "Passport")
    assert vault.documents.list(other.id) == []
    with pytest.raises(InvalidInput, match="not in this case"):
        vault.exhibits.set(other.id, [[doc]])
    vault.cases.delete(case.id)
    with pytest.raises(NotFound):
        vault.documents.get(doc)
    assert vault.check() == []
