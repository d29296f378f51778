"""Auto-lock with a form open (issue 12, item 20): what was typed in the case form is kept
as a draft inside the vault and offered back after unlocking; a document edit that
cannot be saved is announced after unlocking instead of vanishing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import add_document, answer_dialog, settle

from pdorganizer.ui.case_dialog import CaseDialog
from pdorganizer.ui.drafts import CASE, NOTICE
from pdorganizer.vault import Vault
from pdorganizer.vault.drafts import load_draft
from tests.conftest import PASSPHRASE


def _lock_while_case_form_open(qtbot, opened) -> None:
    def type_then_lock(dialog: CaseDialog) -> None:
        dialog.edits["name"].setText("Ana Beatriz Torres")
        dialog.edits["country"].setText("El Salvador")
        opened.lock()  # what the idle timer does

    answer_dialog(type_then_lock, CaseDialog)
    opened.workspace.add_case()
    settle(qtbot, opened)


def test_case_form_is_kept_as_a_draft_and_offered_back(qtbot, opened, vault_path):
    _lock_while_case_form_open(qtbot, opened)
    assert opened.vault is None
    assert not any(
        isinstance(w, CaseDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    vault = Vault.open(vault_path, PASSPHRASE)
    draft = load_draft(vault, CASE)
    assert draft is not None and draft["values"]["name"] == "Ana Beatriz Torres"

    def answer_yes(box: QMessageBox) -> None:
        assert "typed was kept" in box.text()

        def save_form(dialog: CaseDialog) -> None:
            assert dialog.edits["name"].text() == "Ana Beatriz Torres"
            assert dialog.edits["country"].text() == "El Salvador"
            dialog._accept()

        answer_dialog(save_form, CaseDialog)
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_dialog(answer_yes, QMessageBox)
    opened.open_vault(vault)
    qtbot.waitUntil(
        lambda: any(c.name == "Ana Beatriz Torres" for c in vault.cases.list()), timeout=5000
    )
    assert load_draft(vault, CASE) is None  # used up
    case = next(c for c in vault.cases.list() if c.name == "Ana Beatriz Torres")
    assert case.country == "El Salvador"


def test_declined_draft_is_discarded(qtbot, opened, vault_path):
    _lock_while_case_form_open(qtbot, opened)
    vault = Vault.open(vault_path, PASSPHRASE)
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.No).click(), QMessageBox)
    opened.open_vault(vault)
    qtbot.waitUntil(lambda: load_draft(vault, CASE) is None, timeout=5000)
    assert not any(c.name == "Ana Beatriz Torres" for c in vault.cases.list())


def test_unsaved_document_edit_is_saved_or_announced(qtbot, opened, vault, vault_path, case):
    doc = add_document(vault, case.id, "Lease")
    ws = opened.workspace
    ws.reload_documents(select=doc.id)
    panel = ws.document_panel
    panel.issuer_edit.setText("City of Oakland")  # typed, not yet left: not saved
    opened.lock()
    reopened = Vault.open(vault_path, PASSPHRASE)
    assert reopened.documents.get(doc.id).issuer == "City of Oakland"
    assert load_draft(reopened, NOTICE) is None
    opened.open_vault(reopened)
    settle(qtbot, opened)
    ws.reload_documents(select=doc.id)
    panel.date_edit.setText("last spring")  # not a date: cannot be saved
    opened.lock()
    again = Vault.open(vault_path, PASSPHRASE)
    assert load_draft(again, NOTICE) is not None
    seen: list[str] = []
    answer_dialog(lambda box: (seen.append(box.text()), box.accept()), QMessageBox)
    opened.open_vault(again)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "could not be saved" in seen[0]
    assert load_draft(again, NOTICE) is None


def test_description_being_typed_is_saved_on_lock(qtbot, opened, vault, vault_path, case):
    from PySide6.QtWidgets import QLineEdit

    add_document(vault, case.id, "Lease")
    ws = opened.workspace
    ws.reload_documents()
    ws.tabs.setCurrentWidget(ws.exhibits_panel)
    view = ws.exhibits_panel.view
    view.setFocus()
    view.setCurrentIndex(ws.exhibits_panel.model.index(0, 0))
    view.edit(view.currentIndex())
    qtbot.waitUntil(lambda: bool(view.viewport().findChildren(QLineEdit)), timeout=2000)
    editor = view.viewport().findChildren(QLineEdit)[0]
    editor.setText("Lease for the apartment on 5th Street")
    opened.lock()
    reopened = Vault.open(vault_path, PASSPHRASE)
    assert reopened.exhibits.effective(case.id)[0].description == (
        "Lease for the apartment on 5th Street"
    )
