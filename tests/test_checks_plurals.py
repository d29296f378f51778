"""The checks' texts say "1 document has" / "2 documents have", never "document(s)", in
English and Spanish: the plural forms of resources/checks.json, on real findings too."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator

import pytest

from pdorganizer.checks import PreflightOptions, preflight, texts
from pdorganizer.resources_path import resource
from pdorganizer.vault import Vault
from tests.checks_helpers import add_doc, good_case, page_image

AS_OF = dt.date(2026, 6, 1)
# "document(s)", "impide(n)", "La(s)", "vacía(s)", "mes(es)": a plural left to the reader.
HEDGED = re.compile(r"\w\((s|n|es)\)", re.IGNORECASE)


def _strings(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{where}/{i}")


def test_no_text_in_checks_json_hedges_its_plural() -> None:
    data = json.loads(resource("checks.json").read_text(encoding="utf-8"))
    hedged = [(where, text) for where, text in _strings(data) if HEDGED.search(text)]
    assert not hedged


def test_the_scan_sees_a_hedged_plural() -> None:
    assert HEDGED.search("3 document(s)") and HEDGED.search("parece(n)")
    assert not HEDGED.search("(the empty back of a scanned sheet?)")


def _plural_objects(node: object) -> Iterator[dict]:
    if isinstance(node, dict):
        if set(node) & {"one", "other"}:
            yield node
        else:
            for value in node.values():
                yield from _plural_objects(value)


def test_every_plural_text_has_both_forms_in_both_languages() -> None:
    data = json.loads(resource("checks.json").read_text(encoding="utf-8"))
    found = list(_plural_objects(data))
    assert len(found) >= 10
    for forms in found:
        assert set(forms) == {"one", "other"}
        assert forms["one"].strip() and forms["other"].strip() and forms["one"] != forms["other"]
    for section in ("words", "checks", "timeline"):
        for entry in data[section].values():
            for values in (entry.get("message"), entry.get("todo"), entry):
                if isinstance(values, dict) and "en" in values:
                    # A plural in one language is a plural in the other (the same count).
                    assert isinstance(values["en"], dict) == isinstance(values["es"], dict)


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 document has no date, so it cannot", "2 documents have no date, so they cannot"),
        ("es", "1 documento no tiene fecha, así que no muestra", "2 documentos no tienen fecha"),
    ],
)
def test_undated_message_singular_and_plural(lang: str, one: str, two: str) -> None:
    assert texts.message("undated", lang, count=1, titles='"A"').startswith(one)
    assert texts.message("undated", lang, count=2, titles='"A"; "B"').startswith(two)


def test_zero_is_plural_in_both_languages() -> None:
    assert texts.timeline_text("undated", "en", count=0).startswith("0 documents without")
    assert texts.timeline_text("undated", "es", count=0) == "0 documentos sin fecha no aparecen."
    assert texts.timeline_text("undated", "es", count=1) == "1 documento sin fecha no aparece."


def test_a_plural_text_without_its_count_is_a_bug_not_a_guess() -> None:
    with pytest.raises(KeyError):
        texts.message("undated", "en", titles='"A"')


def test_summary_is_built_from_one_plural_per_count() -> None:
    assert (
        texts.word("summary", "en", blockers=1, warnings=2, infos=0)
        == "1 blocker, 2 warnings, 0 notes"
    )
    assert (
        texts.word("summary", "es", blockers=2, warnings=1, infos=1)
        == "2 impiden enviar, 1 advertencia, 1 nota"
    )


def test_page_texts_follow_the_number_of_pages() -> None:
    one = texts.message("blank-page", "es", pages="2", count=1, title="X")
    many = texts.message("blank-page", "es", pages="2, 4", count=2, title="X")
    assert one.startswith('La página 2 de "X" parece estar en blanco')
    assert many.startswith('Las páginas 2, 4 de "X" parecen estar en blanco')
    assert texts.todo("blank-page", "en", pages="2", count=1, title="X") == (
        "Delete the empty page from the document."
    )


def _messages(vault: Vault, case_id: int, lang: str, code: str) -> list[str]:
    report = preflight(vault, case_id, PreflightOptions(as_of=AS_OF), lang)
    return [f.message for f in report.findings if f.code == code]


def test_real_findings_say_1_document_has_and_2_documents_have(vault: Vault) -> None:
    case_id = good_case(vault)
    add_doc(vault, case_id, "Letter from the pastor", kind="letter_of_support")
    ((en,), (es,)) = (_messages(vault, case_id, lang, "undated") for lang in ("en", "es"))
    assert en.startswith("1 document has no date") and '"Letter from the pastor"' in en
    assert es.startswith("1 documento no tiene fecha")
    add_doc(vault, case_id, "Letter from the coach", kind="letter_of_support")
    ((en,), (es,)) = (_messages(vault, case_id, lang, "undated") for lang in ("en", "es"))
    assert en.startswith("2 documents have no date")
    assert es.startswith("2 documentos no tienen fecha")


def test_real_blank_page_findings_count_the_pages(vault: Vault) -> None:
    case_id = good_case(vault)
    add_doc(
        vault,
        case_id,
        "One side",
        pages=[page_image(), page_image(blank=True)],
        document_date="2024",
    )
    (en,) = _messages(vault, case_id, "en", "blank-page")
    assert en.startswith('Page 2 of "One side" looks blank')
    blank = page_image(blank=True)
    add_doc(
        vault,
        case_id,
        "Backs",
        pages=[page_image(), blank, page_image(), blank],
        document_date="2024",
    )
    es = sorted(_messages(vault, case_id, "es", "blank-page"))
    assert es == [
        'La página 2 de "One side" parece estar en blanco (¿el reverso vacío de una hoja '
        "escaneada?).",
        'Las páginas 2, 4 de "Backs" parecen estar en blanco (¿los reversos vacíos de hojas '
        "escaneadas?).",
    ]
