"""What happens to open forms when the vault locks under them, and after unlocking.

Locking closes every window that shows case data. Before it does:
- the case form keeps what was typed as a draft inside the vault (vault/drafts.py),
  offered back after the next unlock;
- the export dialog's choices are remembered for the case, as if it had been accepted;
- the document panel saves its pending edits, and a title or description being typed in
  a list is committed; an edit that is not valid (an empty title, a date not written as a
  date) cannot be saved, and the next unlock says so.
Nothing is written outside the vault."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox, QWidget

from pdorganizer.core.errors import PdoError
from pdorganizer.ui.case_dialog import CaseDialog
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.export_dialog import ExportDialog
from pdorganizer.vault import Vault
from pdorganizer.vault.drafts import discard_draft, load_draft, save_draft

log = logging.getLogger(__name__)
CASE = "case_dialog"
NOTICE = "lock_notice"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Drafts", text)


def keep_drafts(window: Any, vault: Vault) -> None:
    """Called just before the vault closes; `window` is the main window."""
    try:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, CaseDialog) and widget.draft() != widget.initial_draft:
                save_draft(vault, CASE, widget.draft())
            elif isinstance(widget, ExportDialog):
                widget.remember()
        _commit_open_editors(window.workspace)
        panel = window.workspace.document_panel
        if panel.document() is not None and not panel.save_pending():
            save_draft(vault, NOTICE, {"document": True})
    except PdoError as exc:  # a read-only or full vault: lock anyway
        log.info("could not keep a draft: %s", type(exc).__name__)


def _commit_open_editors(root: QWidget) -> None:
    """A title or description being typed in a list (F2) is saved as if Return was
    pressed: the views are about to be cleared."""
    for view in root.findChildren(QAbstractItemView):
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        for editor in view.viewport().findChildren(QLineEdit):
            if editor.isVisible():
                view.commitData(editor)


def offer_drafts(window: Any, vault: Vault) -> None:
    """After unlocking: say what the last lock could not keep, offer the case form back."""
    try:
        notice, case = load_draft(vault, NOTICE), load_draft(vault, CASE)
    except PdoError:
        return
    if notice or case:
        # The window as context: if it is gone by then, Qt drops the call.
        QTimer.singleShot(0, window, lambda: _offer(window, vault, notice, case))


def _offer(window: Any, vault: Vault, notice: dict | None, case: dict | None) -> None:
    if window.vault is not vault:
        return
    if notice:
        discard_draft(vault, NOTICE)
        QMessageBox.information(
            window,
            _tr("A change was not kept"),
            _tr(
                "When the vault locked, a change to a document's details was not valid "
                "(an empty title, or a date not written as YYYY-MM-DD) and could not be "
                "saved. Please check the document you were describing."
            ),
        )
    if case and window.vault is vault:
        _resume_case(window, vault, case)


def _resume_case(window: Any, vault: Vault, draft: dict) -> None:
    answer = QMessageBox.question(
        window,
        _tr("Unsaved case details"),
        _tr(
            "The vault locked while the case form was open. What you had typed was kept "
            "in the vault. Open the form again to finish it?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if window.vault is not vault:
        return
    if answer != QMessageBox.StandardButton.Yes:
        discard_draft(vault, CASE)
        return
    case_id = draft.get("case_id")
    try:
        case = vault.cases.get(case_id) if isinstance(case_id, int) else None
    except PdoError:  # the case is gone: keep the typing as a new case
        case = None
    dialog = CaseDialog(window, vault.factors.taxonomy(), window.lang, case)
    try:
        dialog.fill(dict(draft.get("values") or {}), list(draft.get("claimed") or []))
        accepted = dialog.exec()
        if window.vault is not vault:  # locked again: that lock kept a new draft
            return
        values, claimed = dialog.values(), dialog.claimed_factors()
    finally:
        dialog.deleteLater()
    discard_draft(vault, CASE)
    if accepted:
        _save_case(window, vault, case.id if case else None, values, claimed)


def _save_case(
    window: Any, vault: Vault, case_id: int | None, values: dict, claimed: list[str]
) -> None:
    parent: QWidget = window
    try:
        if case_id is None:
            case_id = vault.cases.add(values.pop("name"), **values).id
        else:
            vault.cases.update(case_id, **values)
        vault.cases.set_claimed_factors(case_id, claimed)
    except Exception as exc:
        show_error(parent, exc, "save case draft")
        return
    window.workspace.reload_cases()
    window.workspace.select_case(case_id)
