"""The selected case's documents: a table (list view) whose first column also feeds the
thumbnail grid. Thumbnails come from a `ThumbnailCache` that loads them lazily."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pdorganizer.core.models import Document

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"
COLUMNS = ("title", "kind", "date", "pages", "factors")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentTableModel", text)


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._docs: list[Document] = []
        self._factor_labels: dict[str, str] = {}
        self.thumbnails: Any = None  # a ThumbnailCache, set by the workspace
        self.kind_labels: dict[str, str] = {}  # stored (English) kind -> shown text
        # Saves a new title; returns the updated document, or None after showing an error.
        self.rename: Callable[[int, str], Document | None] | None = None

    # -- content ----------------------------------------------------------------------
    def set_documents(self, docs: list[Document], factor_labels: dict[str, str]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._factor_labels = dict(factor_labels)
        self.endResetModel()

    def clear(self) -> None:
        self.set_documents([], {})

    def update_document(self, doc: Document) -> None:
        row = self.row_of(doc.id)
        if row >= 0:
            self._docs[row] = doc
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def thumbnail_ready(self, doc_id: int) -> None:
        row = self.row_of(doc_id)
        if row >= 0:
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    def document_at(self, row: int) -> Document | None:
        return self._docs[row] if 0 <= row < len(self._docs) else None

    def documents(self) -> list[Document]:
        return list(self._docs)

    def row_of(self, doc_id: int) -> int:
        return next((i for i, d in enumerate(self._docs) if d.id == doc_id), -1)

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (_tr("Title"), _tr("Kind"), _tr("Date"), _tr("Pages"), _tr("Supports"))
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc = self._docs[index.row()]
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(doc, col)
        if role == Qt.ItemDataRole.EditRole and col == "title":
            return doc.title
        if (
            role == Qt.ItemDataRole.DecorationRole
            and col == "title"
            and self.thumbnails is not None
        ):
            return self.thumbnails.get(doc.id)
        if role == Qt.ItemDataRole.ToolTipRole and col == "title":
            return self._text(doc, "factors") or _tr("Not tagged yet")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "pages":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return doc.id
        return None

    def _text(self, doc: Document, col: str) -> str:
        if col == "title":
            if doc.translation_of is not None:
                return _tr("%s (translation)") % doc.title
            return doc.title
        if col == "kind":
            return self.kind_labels.get(doc.kind, doc.kind)
        if col == "date":
            return doc.document_date
        if col == "factors":
            return ", ".join(self._factor_labels.get(f, f) for f in doc.factors)
        return str(doc.page_count)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 0:
            return False
        title = str(value).strip()
        doc = self._docs[index.row()]
        if not title or title == doc.title or self.rename is None:
            return False
        updated = self.rename(doc.id, title)
        if updated is None:
            return False
        self._docs[index.row()] = updated
        self.dataChanged.emit(index, self.index(index.row(), len(COLUMNS) - 1))
        return True
