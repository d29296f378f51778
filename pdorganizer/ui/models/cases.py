"""The vault's cases, for the list on the left."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from pdorganizer.core.models import Case

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class CaseListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Case] = []
        self._cases: list[Case] = []  # the ones shown: those matching the filter
        self._filter = ""

    def set_cases(self, cases: list[Case]) -> None:
        self.beginResetModel()
        self._all = list(cases)
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only cases whose name or A-Number contains `text`; capitals and accents
        don't matter ("gomez" finds "Gómez")."""
        self.beginResetModel()
        self._filter = _fold(text.strip())
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        needle = self._filter
        digits = "".join(c for c in needle if c.isdigit())
        self._cases = [
            c
            for c in self._all
            if not needle
            or needle in _fold(c.name)
            or (digits and digits in "".join(ch for ch in c.a_number if ch.isdigit()))
        ]

    def clear(self) -> None:
        self._filter = ""
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
