"""The ordered exhibit list of a case. Letters come from the row, so they update live.

Rows move by drag and drop (QListView calls `moveRows`) or by the panel's buttons; the
panel saves the list to the vault after each change (`changed`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pdorganizer.core.letters import exhibit_letter
from pdorganizer.core.models import Exhibit

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: "no parent"
DOCS_ROLE = Qt.ItemDataRole.UserRole + 3
LETTER_ROLE = Qt.ItemDataRole.UserRole + 4


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("ExhibitListModel", text, None, n)


@dataclass
class ExhibitGroup:
    description: str
    document_ids: list[int] = field(default_factory=list)


class ExhibitListModel(QAbstractListModel):
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[ExhibitGroup] = []
        self._titles: dict[int, str] = {}
        self._pages: dict[int, int] = {}
        self._defaults: dict[int, str] = {}
        # What the last change was, for the undo history's wording.
        self.last_change = ""

    # -- content ----------------------------------------------------------------------
    def set_exhibits(
        self,
        exhibits: list[Exhibit],
        titles: dict[int, str],
        pages: dict[int, int] | None = None,
        defaults: dict[int, str] | None = None,
    ) -> None:
        """`defaults`: each document's description as an exhibit of its own (title and
        date), for the documents an ungrouped exhibit gives back."""
        self.beginResetModel()
        self._groups = [ExhibitGroup(e.description, list(e.document_ids)) for e in exhibits]
        self._titles = dict(titles)
        self._pages = dict(pages or {})
        self._defaults = dict(defaults or {})
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups, self._titles, self._pages, self._defaults = [], {}, {}, {}
        self.endResetModel()

    def snapshot(self) -> list[tuple[str, list[int]]]:
        """The whole list as plain values (for undo): (description, document ids)."""
        return [(g.description, list(g.document_ids)) for g in self._groups]

    def restore(self, state: list[tuple[str, list[int]]]) -> None:
        """Show `state` again (undo/redo); the caller saves it. Emits no `changed`."""
        self.beginResetModel()
        self._groups = [ExhibitGroup(desc, list(ids)) for desc, ids in state]
        self.endResetModel()

    def document_ids(self) -> set[int]:
        return {d for g in self._groups for d in g.document_ids}

    def summary(self, row: int) -> str:
        """ "3 documents, 7 pages" for a group, "2 pages" for one document."""
        group = self._groups[row]
        pages = sum(self._pages.get(d, 0) for d in group.document_ids)
        page_text = _tr("%n page(s)", pages)
        if len(group.document_ids) < 2:
            return page_text if pages else ""
        docs = _tr("%n document(s)", len(group.document_ids))
        return f"{docs}, {page_text}" if pages else docs

    def groups(self) -> list[list[int]]:
        return [list(g.document_ids) for g in self._groups]

    def descriptions(self) -> list[str]:
        return [g.description for g in self._groups]

    def letters(self) -> list[str]:
        return [exhibit_letter(i) for i in range(len(self._groups))]

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._groups)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group = self._groups[index.row()]
        letter = exhibit_letter(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = _tr("Exhibit %1: %2").replace("%1", letter).replace("%2", group.description)
            summary = self.summary(index.row())
            if len(group.document_ids) > 1:  # which documents: the description names one
                titles = "; ".join(self._titles.get(d, "?") for d in group.document_ids)
                summary = f"{summary}: {titles}"
            return f"{text}\n{summary}" if summary else text
        if role == Qt.ItemDataRole.EditRole:
            return group.description
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._titles.get(d, "?") for d in group.document_ids)
        if role == DOCS_ROLE:
            return list(group.document_ids)
        if role == LETTER_ROLE:
            return letter
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        group = self._groups[index.row()]
        if not text or text == group.description:
            return False
        group.description = text
        self.dataChanged.emit(index, index)
        self.last_change = "describe"
        self.changed.emit()
        return True

    def moveRows(
        self, source_parent: Index, source_row: int, count: int, dest_parent: Index, dest: int
    ) -> bool:
        n = len(self._groups)
        if source_parent.isValid() or dest_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > n or not 0 <= dest <= n:
            return False
        if source_row <= dest <= source_row + count:  # onto itself
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), dest
        ):
            return False
        moving = self._groups[source_row : source_row + count]
        del self._groups[source_row : source_row + count]
        insert_at = dest - count if dest > source_row else dest
        self._groups[insert_at:insert_at] = moving
        self.endMoveRows()
        self._letters_changed()
        self.last_change = "move"
        self.changed.emit()
        return True

    # -- grouping ---------------------------------------------------------------------
    def group_rows(self, rows: list[int]) -> int:
        """Merge the exhibits at `rows` into the first of them; returns its row."""
        rows = sorted(set(r for r in rows if 0 <= r < len(self._groups)))
        if len(rows) < 2:
            return rows[0] if rows else -1
        first = rows[0]
        self.beginResetModel()
        target = self._groups[first]
        for r in rows[1:]:
            target.document_ids += self._groups[r].document_ids
        for r in reversed(rows[1:]):
            del self._groups[r]
        self.endResetModel()
        self.last_change = "group"
        self.changed.emit()
        return first

    def ungroup_row(self, row: int) -> None:
        """Split an exhibit of several documents into one exhibit per document."""
        if not 0 <= row < len(self._groups) or len(self._groups[row].document_ids) < 2:
            return
        group = self._groups[row]
        self.beginResetModel()
        parts = [ExhibitGroup(group.description, [group.document_ids[0]])] + [
            ExhibitGroup(self._defaults.get(d) or self._titles.get(d, ""), [d])
            for d in group.document_ids[1:]
        ]
        self._groups[row : row + 1] = parts
        self.endResetModel()
        self.last_change = "ungroup"
        self.changed.emit()

    def _letters_changed(self) -> None:
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0))
