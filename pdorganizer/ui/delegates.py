"""Item delegates shared by the views."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QWidget


class KeepTypingDelegate(QStyledItemDelegate):
    """Views push the model's value into an open editor whenever the row changes (a
    thumbnail arriving, say). Once the user has typed, keep what they typed."""

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)
