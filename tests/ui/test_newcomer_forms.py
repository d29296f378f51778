"""Forms and lists as a newcomer meets them (issue 12, items 4-6 and 18): the document
panel starts at the top for a new selection; the case dialog fits its content, lines its
labels up, scrolls to the field that takes the focus and says "only the name" only when
adding; the case search matches every word, accents optional, and says when nothing
matches."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QPlainTextEdit
from ui_helpers import add_document, settle

from pdorganizer.core.anumber import format_a_number
from pdorganizer.core.factors import builtin_taxonomy
from pdorganizer.ui.case_dialog import CaseDialog


def test_new_selection_starts_at_the_top(qtbot, opened, vault, case):
    first = add_document(vault, case.id, "First")
    second = add_document(vault, case.id, "Second")
    ws = opened.workspace
    ws.reload_documents(select=first.id)
    settle(qtbot, opened)
    bar = ws.document_panel._scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(bar.maximum())
    ws.select_document(second.id)
    settle(qtbot, opened)
    assert bar.value() == 0


def _labels_x(dialog) -> set[int]:
    xs = set()
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if field is not None and field.widget() is not None:
                xs.add(field.widget().mapTo(dialog, field.widget().rect().topLeft()).x())
    return xs


def test_case_dialog_fits_aligns_and_follows_focus(qtbot):
    dialog = CaseDialog(None, builtin_taxonomy(), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    scroll = dialog._scroll
    assert not scroll.horizontalScrollBar().isVisible()
    # Every field of the three groups starts at one x: the labels line up.
    assert len(_labels_x(dialog)) == 1, _labels_x(dialog)
    # Opens tall enough for most of the form on a 800 px screen.
    assert dialog.height() >= min(700, dialog.screen().availableGeometry().height() * 0.85)
    # Tab to the claims list far below: it scrolls into view.
    scroll.verticalScrollBar().setValue(0)
    dialog.claimed_list.setFocus()
    qtbot.wait(20)
    top = dialog.claimed_list.mapTo(scroll.viewport(), dialog.claimed_list.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()
    texts = [w.text() for w in dialog.findChildren(type(dialog.error_label)) if w.isVisible()]
    assert any(t.startswith("Only the name is needed now") for t in texts)


def test_editing_a_case_does_not_say_only_the_name(qtbot, vault, case):
    vault.cases.update(case.id, filer_address="100 Main St\nSte 310\nOakland, CA 94612")
    dialog = CaseDialog(None, builtin_taxonomy(), "en", vault.cases.get(case.id))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(type(dialog.error_label)) if w.isVisible()]
    assert not any(t.startswith("Only the name") for t in texts)
    address = dialog.edits["filer_address"]
    assert isinstance(address, QPlainTextEdit)
    assert dialog.values()["filer_address"].splitlines() == [
        "100 Main St",
        "Ste 310",
        "Oakland, CA 94612",
    ]


def test_a_numbers_print_with_the_letter():
    assert format_a_number("123-456-789") == "A123-456-789"
    assert format_a_number("a 123456789") == "A123-456-789"
    assert format_a_number("12345678") == "A012-345-678"
    assert format_a_number("A123-456-789") == "A123-456-789"
    assert format_a_number("pending") == "pending"
    assert format_a_number("") == ""


def test_case_search_every_word_any_order(qtbot, opened, vault):
    vault.cases.add("José Núñez Pérez", a_number="A987-654-321")
    ws = opened.workspace
    ws.reload_cases()
    for query, found in (
        ("jose nunez", True),
        ("nunez jose", True),
        ("NÚÑEZ", True),
        ("jose lopez", False),
        ("perez 987654321", True),
        ("987-654", True),
    ):
        ws.case_filter.setText(query)
        names = [ws.case_model.case_at(r).name for r in range(ws.case_model.rowCount())]
        assert ("José Núñez Pérez" in names) is found, query
    ws.case_filter.setText("zzz nobody")
    assert ws.case_model.rowCount() == 0
    text = ws.empty_docs.text()
    assert "zzz nobody" in text and "Start by adding" not in text
    ws.case_filter.setFocus()
    qtbot.keyClick(ws.case_filter, "\x1b")  # Escape clears the search
    qtbot.waitUntil(lambda: ws.case_filter.text() == "", timeout=2000)
    assert ws.case_model.rowCount() == 2


def test_document_panel_scrolls_to_the_focused_row(qtbot, opened, vault, case):
    doc = add_document(vault, case.id, "Lease")
    ws = opened.workspace
    ws.reload_documents(select=doc.id)
    settle(qtbot, opened)
    panel = ws.document_panel
    scroll = panel._scroll
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=3000)
    scroll.verticalScrollBar().setValue(0)
    last = list(panel.factor_checks.values())[-1]
    last.setFocus()  # as Alt+letter or a screen reader would move it
    qtbot.wait(20)
    top = last.mapTo(scroll.viewport(), last.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()
