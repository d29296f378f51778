"""The exhibit list: drag to reorder (or Alt+Up/Alt+Down), group and ungroup, edit
descriptions (F2). Every change is saved to the vault at once; letters follow the order."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.ui.errors import show_error
from pdorganizer.ui.exhibit_undo import ExhibitHistory
from pdorganizer.ui.models import ExhibitListModel
from pdorganizer.vault import Vault
from pdorganizer.vault.repos.exhibits import default_description


class ExhibitsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.case_id: int | None = None
        self.model = ExhibitListModel(self)
        self.model.changed.connect(self.save)
        self.history = ExhibitHistory(self.model, self._restore, self)
        hint = QLabel(
            self.tr(
                "This is the order of the packet. Drag an exhibit to move it; "
                "select several and press Group to make them one exhibit. "
                "Double-click a description to change it."
            )
        )
        hint.setWordWrap(True)
        self.view = QListView()
        self.view.setObjectName("exhibitView")
        self.view.setAccessibleName(self.tr("Exhibits"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setDropIndicatorShown(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)  # long descriptions show whole, over several lines
        self.view.setSpacing(3)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.up_button = self._button(self.tr("Move up"), "Alt+Up", lambda: self.move(-1))
        self.down_button = self._button(self.tr("Move down"), "Alt+Down", lambda: self.move(1))
        self.group_button = self._button(self.tr("Group"), "Ctrl+G", self.group)
        self.group_button.setToolTip(self.tr("Make the selected exhibits one exhibit (Ctrl+G)"))
        self.ungroup_button = self._button(self.tr("Ungroup"), "Ctrl+Shift+G", self.ungroup)
        self.reset_button = self._button(self.tr("Default order"), "", self.reset)
        self.reset_button.setToolTip(
            self.tr("Forget your order and sort the exhibits by factor and date")
        )
        # Two rows: one row of five buttons made this tab (and so the window) too wide for
        # the document list to show its columns at 1280 px.
        row = QGridLayout()
        row.addWidget(self.up_button, 0, 0)
        row.addWidget(self.down_button, 0, 1)
        row.addWidget(self.group_button, 1, 0)
        row.addWidget(self.ungroup_button, 1, 1)
        row.setColumnStretch(2, 1)
        row.addWidget(self.reset_button, 0, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def _button(self, text: str, shortcut: str, slot: object) -> QPushButton:
        b = QPushButton(text)
        b.setAccessibleName(text)
        if shortcut:  # an explicit shortcut: shown in the tooltip, no mnemonic needed
            seq = QKeySequence(shortcut)
            b.setShortcut(seq)
            b.setToolTip(f"{text} ({seq.toString(QKeySequence.SequenceFormat.NativeText)})")
        b.clicked.connect(slot)  # type: ignore[arg-type]
        return b

    # -- content ----------------------------------------------------------------------
    def load(self, vault: Vault | None, case_id: int | None) -> None:
        self.vault, self.case_id = vault, case_id
        self.reload()

    def reload(self) -> None:
        if self.vault is None or self.case_id is None:
            self.model.clear()
            return
        try:
            exhibits = self.vault.exhibits.effective(self.case_id)
            docs = self.vault.documents.list(self.case_id)
        except Exception as exc:
            show_error(self, exc, "load exhibits")
            self.model.clear()
            return
        titles = {d.id: d.title for d in docs}
        pages = {d.id: d.page_count for d in docs}
        defaults = {d.id: default_description(d) for d in docs}
        self.model.set_exhibits(exhibits, titles, pages, defaults)
        self.history.loaded(self.case_id)

    def clear(self) -> None:
        self.vault, self.case_id = None, None
        self.model.clear()
        self.history.loaded(None)

    def save(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        try:
            self.vault.exhibits.set(self.case_id, self.model.groups(), self.model.descriptions())
        except Exception as exc:
            show_error(self, exc, "save exhibits")
            self.reload()

    # -- actions ----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def move(self, step: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        dest = row + 2 if step > 0 else row - 1
        if self.model.moveRows(
            self.model.index(0, 0).parent(), row, 1, self.model.index(0, 0).parent(), dest
        ):
            new_row = row + step
            self.view.selectionModel().setCurrentIndex(
                self.model.index(new_row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )

    def group(self) -> None:
        rows = self.selected_rows()
        if len(rows) < 2:
            return
        first = self.model.group_rows(rows)
        self.view.setCurrentIndex(self.model.index(first, 0))

    def ungroup(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.model.ungroup_row(rows[0])

    def reset(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        before = self.model.snapshot()
        try:
            self.vault.exhibits.clear(self.case_id)
        except Exception as exc:
            show_error(self, exc, "reset exhibits")
        self.reload()
        self.history.record(before, "reset")

    def _restore(self, state: list[tuple[str, list[int]]]) -> None:
        """Undo/redo: show an earlier list and save it."""
        self.model.restore(state)
        self.save()
