"""Keyboard helpers shared by the screens.

Outside a dialog a QPushButton ignores Return (only Space presses it); people who work
from the keyboard expect Return on a focused button to press it, as in every dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget


def return_presses_buttons(root: QWidget) -> None:
    """Let Return and Enter press whichever push button under `root` has the focus."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)


def clear_on_escape(edit: QLineEdit) -> None:
    """Escape in a search box empties it (the search shows everything again)."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), edit)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(edit.clear)
