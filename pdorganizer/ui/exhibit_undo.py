"""Undo and redo for the exhibit list: group, ungroup, reorder, describe, default order.

Each change is recorded as the list before and after it (a few ids and descriptions), so
undo restores the earlier list and saves it to the vault like any other change. The
history belongs to one case and one set of documents: it is cleared when the case
changes or a document comes or goes (an old list could name a document no longer
there). Ctrl+Z / Ctrl+Shift+Z work while the exhibit panel has the focus, so they never
take the keys from a text field elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from pdorganizer.ui.models.exhibits import ExhibitListModel

State = list[tuple[str, list[int]]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExhibitHistory", text)


def _change_names() -> dict[str, str]:
    return {
        "group": _tr("group exhibits"),
        "ungroup": _tr("ungroup the exhibit"),
        "move": _tr("move the exhibit"),
        "describe": _tr("change the description"),
        "reset": _tr("default order"),
    }


class _Change(QUndoCommand):
    def __init__(self, apply: Callable[[State], None], before: State, after: State, text: str):
        super().__init__(text)
        self._apply, self._before, self._after = apply, before, after
        self._done = True  # the change is made already when it is recorded

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)


class ExhibitHistory(QObject):
    def __init__(
        self, model: ExhibitListModel, apply: Callable[[State], None], owner: QWidget
    ) -> None:
        super().__init__(owner)
        self.model = model
        self._apply_state = apply
        self.stack = QUndoStack(self)
        self._state: State = []
        self._key: tuple[object, frozenset[int]] = (None, frozenset())
        self._applying = False
        model.changed.connect(self._changed)
        self.undo_action = self._action(owner, self.stack.createUndoAction(self, _tr("Undo")))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self._action(owner, self.stack.createRedoAction(self, _tr("Redo")))
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )

    @staticmethod
    def _action(owner: QWidget, action: QAction) -> QAction:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
        return action

    def loaded(self, case_id: object) -> None:
        """The list was (re)loaded from the vault: keep the history only when it is the
        same case with the same documents."""
        key = (case_id, frozenset(self.model.document_ids()))
        if key != self._key:
            self.stack.clear()
            self._key = key
        self._state = self.model.snapshot()

    def record(self, before: State, what: str) -> None:
        """A change made outside the model's own signals (the default order)."""
        after = self.model.snapshot()
        if after != before:
            self.stack.push(_Change(self._apply, before, after, _change_names().get(what, what)))
        self._state = after

    def _changed(self) -> None:
        if self._applying:
            return
        before, after = self._state, self.model.snapshot()
        self._state = after
        if before != after:
            name = _change_names().get(self.model.last_change, "")
            self.stack.push(_Change(self._apply, before, after, name))

    def _apply(self, state: State) -> None:
        self._applying = True
        try:
            self._apply_state(state)
        finally:
            self._applying = False
        self._state = self.model.snapshot()
