"""How well the case's evidence covers each PD factor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from pdorganizer.core.factors import Taxonomy

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 1
REHABILITATION = "rehabilitation"

# Statuses, from calm to urgent. CORE_MISSING: a part every request needs (declaration,
# identity; the G-28 / EOIR-28 when represented), as the pre-flight checks find it.
OK, NONE, CLAIMED_NONE, NEEDS_REHAB = "ok", "none", "claimed_none", "needs_rehab"
CORE_MISSING = "core_missing"
URGENT = (CLAIMED_NONE, NEEDS_REHAB, CORE_MISSING)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoverageModel", text)


@dataclass
class CoverageRow:
    factor_id: str
    label: str
    kind: str
    count: int
    status: str


def coverage_rows(
    taxonomy: Taxonomy,
    counts: dict[str, int],
    claimed: list[str],
    lang: str,
    core_missing: frozenset[str] | set[str] = frozenset(),
) -> list[CoverageRow]:
    rehab = counts.get(REHABILITATION, 0)
    rows = []
    for factor in taxonomy.factors:
        n = counts.get(factor.id, 0)
        if factor.id in core_missing:
            status = CORE_MISSING
        elif factor.kind == "negative":
            status = NEEDS_REHAB if n and not rehab else OK
        elif n == 0:
            status = CLAIMED_NONE if factor.id in claimed else NONE
        else:
            status = OK
        rows.append(CoverageRow(factor.id, factor.text("label", lang), factor.kind, n, status))
    return rows


class CoverageModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CoverageRow] = []

    def set_rows(self, rows: list[CoverageRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[CoverageRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (_tr("Factor"), _tr("Documents"), _tr("What to do"))
        return names[section] if 0 <= section < 3 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return row.label
            if col == 1:
                return str(row.count)
            return self._advice(row)
        if role == Qt.ItemDataRole.BackgroundRole and row.status in URGENT:
            return QBrush(QColor(255, 226, 204))
        if role == Qt.ItemDataRole.ForegroundRole and row.status == NONE:
            return QBrush(QColor(110, 110, 110))
        if role == Qt.ItemDataRole.FontRole and row.status in URGENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._explain(row)
        if role == STATUS_ROLE:
            return row.status
        if role == ID_ROLE:
            return row.factor_id
        return None

    @staticmethod
    def _explain(row: CoverageRow) -> str:
        if row.status == CLAIMED_NONE:
            return _tr("The request relies on this point, but no document shows it yet.")
        if row.status == NEEDS_REHAB:
            return _tr(
                "Documents show this difficult point. Add evidence of rehabilitation or "
                'of changed circumstances, and tag it "Rehabilitation".'
            )
        if row.status == CORE_MISSING:
            if row.factor_id == "representation":
                return _tr(
                    "The person is represented: the signed G-28 (for ICE) or EOIR-28 (for the "
                    "court) goes with the request."
                )
            return _tr("Every request needs this. Add it and choose its kind.")
        if row.status == NONE:
            return _tr(
                "No document shows this point. Add evidence only if it applies to the person."
            )
        return ""

    @staticmethod
    def _advice(row: CoverageRow) -> str:
        if row.status == CLAIMED_NONE:
            return _tr("Claimed: add evidence")
        if row.status == NEEDS_REHAB:
            return _tr("Add rehabilitation evidence")
        if row.status == CORE_MISSING:
            return _tr("Needed: add it")
        if row.status == NONE:
            return _tr("Optional: add if it applies")
        return ""
