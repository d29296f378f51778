"""The vault's cases, for the list on the left."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pdorganizer.core.models import Case

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _matches(case: Case, word: str) -> bool:
    if word in _fold(case.name):
        return True
    digits = "".join(c for c in word if c.isdigit())
    return bool(digits) and digits in "".join(c for c in case.a_number if c.isdigit())


def empty_list_text(model: CaseListModel) -> str:
    """What the document area says when no case is selected: an empty vault, or a search
    that matches nothing (and how to see every case again)."""
    if model.total() and model.filter_text:
        return QCoreApplication.translate(
            "CaseListModel",
            "No case matches “%1”. Press Esc in the search box (or click its ×) to see "
            "every case again.",
        ).replace("%1", model.filter_text)
    return QCoreApplication.translate(
        "Workspace",
        "Start by adding a case: click “New case” on the left and type the person's name.",
    )


class CaseListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Case] = []
        self._cases: list[Case] = []  # the ones shown: those matching the filter
        self._filter = self._typed = ""

    def set_cases(self, cases: list[Case]) -> None:
        self.beginResetModel()
        self._all = list(cases)
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only cases that match every word of `text`, in any order, in the name or
        the A-Number; capitals and accents don't matter ("jose nunez" finds "José Núñez",
        "A123456789" finds "A123-456-789")."""
        self.beginResetModel()
        self._typed = text.strip()
        self._filter = _fold(self._typed)
        self._apply_filter()
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        """The search as typed."""
        return self._typed

    def total(self) -> int:
        """How many cases the vault has, shown or not."""
        return len(self._all)

    def _apply_filter(self) -> None:
        words = self._filter.split()
        self._cases = [c for c in self._all if all(_matches(c, w) for w in words)]

    def clear(self) -> None:
        self._filter = self._typed = ""
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
