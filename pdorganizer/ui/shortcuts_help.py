"""F1: every keyboard shortcut of the window, read from its actions and buttons.

The list is generated from the QActions and the buttons' own shortcuts each time it is
shown, so it cannot drift from what the keys really do. Alt+letter mnemonics are left
out: they show as underlined letters on the buttons themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences: list[QKeySequence]) -> str:
    return " / ".join(s.toString(NATIVE) for s in sequences if not s.isEmpty())


def _menu_actions(menu: QMenu) -> list[QAction]:
    out: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _menu_actions(sub)
        elif not action.isSeparator():
            out.append(action)
    return out


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and button of `window` that has a shortcut
    beyond its Alt+letter, menu actions first in menu order; each pair once."""
    actions: list[QAction] = []
    if isinstance(window, QMainWindow):
        for top in window.menuBar().actions():
            if isinstance(top.menu(), QMenu):
                actions += _menu_actions(top.menu())
    actions += [a for a in window.findChildren(QAction) if a not in actions]
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = _keys(action.shortcuts())
        if keys and action.text():
            rows.append((keys, _plain(action.text())))
    for button in window.findChildren(QAbstractButton):
        seq = button.shortcut()
        if seq.isEmpty() or seq == QKeySequence.mnemonic(button.text()):
            continue
        what = button.accessibleName() or _plain(button.text())
        rows.append((seq.toString(NATIVE), what))
    seen: set[tuple[str, str]] = set()
    return [r for r in rows if not (r in seen or seen.add(r))]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        intro = QLabel(
            self.tr(
                "Underlined letters on buttons and menus work with Alt, for example "
                "Alt+F opens the File menu. Tab moves to the next field."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.resizeColumnsToContents()
        # Wide enough for the longest line and the title; tall enough for every row
        # that fits the screen.
        metrics = self.fontMetrics()
        width = sum(self.table.columnWidth(c) for c in range(2)) + metrics.averageCharWidth() * 8
        width = max(width, metrics.horizontalAdvance(self.windowTitle()) * 2)
        height = self.table.rowHeight(0) * (len(rows) + 1) if rows else 0
        height += intro.sizeHint().height() + buttons.sizeHint().height() + metrics.height() * 4
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 80)
        self.resize(width, height)


def show_shortcuts(window: QWidget) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
