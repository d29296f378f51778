"""The vault's cases, for the list on the left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from pdorganizer.core.models import Case

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"


class CaseListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases: list[Case] = []

    def set_cases(self, cases: list[Case]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def clear(self) -> None:
        self.set_cases([])

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._cases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return case.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return case.a_number or None
        if role == ID_ROLE:
            return case.id
        return None

    def case_at(self, row: int) -> Case | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def row_of(self, case_id: int) -> int:
        return next((i for i, c in enumerate(self._cases) if c.id == case_id), -1)
