"""Exhibits (issue 12, item 15): a grouped exhibit shows "N documents, P pages" and which
documents; Ctrl+Z / Ctrl+Shift+Z undo and redo group, ungroup, reorder and describe, and
each undo is saved to the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import add_document


def _panel(opened, vault, case):
    docs = [add_document(vault, case.id, f"Doc {i}", pages=i + 1) for i in range(3)]
    ws = opened.workspace
    ws.reload_documents()
    ws.tabs.setCurrentWidget(ws.exhibits_panel)
    return ws.exhibits_panel, docs


def _stored(vault, case):
    return [list(e.document_ids) for e in vault.exhibits.effective(case.id)]


def _select(panel, rows):
    from PySide6.QtCore import QItemSelectionModel

    sel = panel.view.selectionModel()
    sel.clear()
    for r in rows:
        sel.select(panel.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select)


def test_group_shows_count_and_pages_and_undoes(qtbot, opened, vault, case):
    panel, docs = _panel(opened, vault, case)
    original = _stored(vault, case)
    _select(panel, [0, 1])
    panel.group()
    text = panel.model.data(panel.model.index(0, 0))
    first_two = [d for d in docs if d.id in panel.model.groups()[0]]
    pages = sum(d.page_count for d in first_two)
    assert "2 document" in text and f"{pages} page" in text
    for d in first_two:
        assert d.title in text  # which documents, not only the first one's description
    assert len(_stored(vault, case)) == 2
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.groups() == original
    assert _stored(vault, case) == original  # the undo is saved
    qtbot.keyClick(
        panel.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(panel.model.groups()) == 2 and len(_stored(vault, case)) == 2
    # Ungroup, then undo it.
    _select(panel, [0])
    panel.ungroup()
    assert len(panel.model.groups()) == 3
    panel.history.undo_action.trigger()
    assert len(panel.model.groups()) == 2


def test_move_and_describe_undo(qtbot, opened, vault, case):
    panel, _docs = _panel(opened, vault, case)
    original = panel.model.groups()
    _select(panel, [2])
    panel.view.setCurrentIndex(panel.model.index(2, 0))
    panel.move(-1)
    assert panel.model.groups() != original
    index = panel.model.index(0, 0)
    assert panel.model.setData(index, "Lease for the apartment")
    assert vault.exhibits.effective(case.id)[0].description == "Lease for the apartment"
    assert panel.history.undo_action.text().lower().endswith("change the description")
    panel.history.undo_action.trigger()
    assert vault.exhibits.effective(case.id)[0].description != "Lease for the apartment"
    panel.history.undo_action.trigger()
    assert panel.model.groups() == original
    assert _stored(vault, case) == original
    assert not panel.history.undo_action.isEnabled()


def test_history_is_cleared_when_documents_change(qtbot, opened, vault, case):
    panel, _docs = _panel(opened, vault, case)
    _select(panel, [0, 1])
    panel.group()
    assert panel.history.undo_action.isEnabled()
    add_document(vault, case.id, "New one")
    opened.workspace.reload_documents()
    assert not panel.history.undo_action.isEnabled()


def test_ungrouped_documents_get_their_dated_descriptions(qtbot, opened, vault, case):
    docs = [
        add_document(vault, case.id, "Lease", document_date="2019-05-01"),
        add_document(vault, case.id, "Birth certificate (Guatemala)", document_date="1988-03-14"),
    ]
    ws = opened.workspace
    ws.reload_documents()
    panel = ws.exhibits_panel
    _select(panel, [0, 1])
    panel.group()
    _select(panel, [0])
    panel.ungroup()
    descriptions = panel.model.descriptions()
    assert len(descriptions) == 2
    assert any(d.endswith("(2019-05-01)") or d.endswith(", 1988-03-14") for d in descriptions[1:])
    assert all(d.title for d in docs)
