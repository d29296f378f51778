"""GUI texts that show a count use Qt's plural forms ("1 document" / "3 documents",
"1 actualizado" / "2 actualizados"), never a "document(s)" the person sees."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from pdorganizer.ui import i18n
from pdorganizer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
HEDGED = re.compile(r"\w\((s|n|es)\)", re.IGNORECASE)


def _tool():
    spec = importlib.util.spec_from_file_location("pdo_i18n_tool", ROOT / "installer" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_every_gui_string_with_a_hedged_plural_passes_its_count() -> None:
    """Such a string is only a source text: with %n and a count, the English and Spanish
    catalogues give the real forms; without, the person would read "document(s)"."""
    tool = _tool()
    found = tool.gui_strings(tool.ui_sources())
    hedged = [(where, text) for _, text, _, plural, where in found if HEDGED.search(text)]
    assert hedged, "the scan finds the %n strings"
    assert [(w, t) for w, t in hedged if not ("%n" in t and _plural_of(found, w))] == []


def _plural_of(found: list, where: str) -> bool:
    return any(plural for *_, plural, w in found if w == where)


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        (
            "en",
            "<b>Ana</b>: 1 document added, 1 updated, 0 already the same.",
            "<b>Ana</b>: 3 documents added, 2 updated, 5 already the same.",
        ),
        (
            "es",
            "<b>Ana</b>: 1 documento agregado, 1 actualizado, 0 ya iguales.",
            "<b>Ana</b>: 3 documentos agregados, 2 actualizados, 5 ya iguales.",
        ),
    ],
)
def test_take_back_report_agrees_each_count(
    qapp, window: MainWindow, lang: str, one: str, many: str
) -> None:
    clinic = window.vault_actions.clinic
    i18n.install_translator(qapp, lang)
    try:
        assert clinic._merged_counts("Ana", 1, 1, 0) == one
        assert clinic._merged_counts("Ana", 3, 2, 5) == many
        assert clinic._merged_counts("50%2 off", 1, 1, 1).startswith("<b>50%2 off</b>: 1 ")
    finally:
        i18n.install_translator(qapp, "en")
