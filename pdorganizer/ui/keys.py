"""Keyboard helpers shared by the screens.

Outside a dialog a QPushButton ignores Return (only Space presses it); people who work
from the keyboard expect Return on a focused button to press it, as in every dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget


class _ReturnPresses(QObject):
    """A push button ignores Return unless it is a dialog's auto-default; the ignored key
    travels up to `root`, where this presses the focused button (also one made later)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or plain:
            return False
        focus, root = QApplication.focusWidget(), self.parent()
        if (
            isinstance(focus, QPushButton)
            and isinstance(root, QWidget)
            and root.isAncestorOf(focus)
            and focus.isEnabled()
        ):
            focus.animateClick()
            return True
        return False


def return_presses_buttons(root: QWidget) -> None:
    """Let Return and Enter press whichever push button under `root` has the focus."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)
    root.installEventFilter(_ReturnPresses(root))


def clear_on_escape(edit: QLineEdit) -> None:
    """Escape in a search box empties it (the search shows everything again)."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), edit)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(edit.clear)
