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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences: list[QKeySequence]) -> str:
    texts = [s.toString(NATIVE) for s in sequences if not s.isEmpty()]
    return " / ".join(dict.fromkeys(texts))  # each once (Redo can be listed twice)


def _where(widget: QWidget | None) -> str:
    """The tab a widget lives on ("Exhibits"), else the named panel it is part of (the
    page preview), else "" for the whole window."""
    named = ""
    while widget is not None:
        parent = widget.parentWidget()
        stack = parent.parentWidget() if parent is not None else None
        if isinstance(stack, QTabWidget) and stack.indexOf(widget) >= 0:
            return _plain(stack.tabText(stack.indexOf(widget)))
        if not named and parent is not None and not isinstance(parent, QMainWindow):
            named = parent.accessibleName()
        widget = parent
    return named


def _owner(action: QAction) -> QWidget | None:
    """The widget an action works in: its parent, or the widget it was added to."""
    parent = action.parent()
    if isinstance(parent, QWidget):
        return parent
    return next((o for o in action.associatedObjects() if isinstance(o, QWidget)), None)


def _menu_actions(menu: QMenu) -> list[tuple[QAction, str]]:
    out: list[tuple[QAction, str]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _menu_actions(sub)
        elif not action.isSeparator():
            out.append((action, _plain(menu.title())))
    return out


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) for every action and button of `window` that has a
    shortcut beyond its Alt+letter: menu actions first, in menu order, then those of the
    panels (where: the tab they work on); each row once."""
    actions: list[tuple[QAction, str]] = []
    if isinstance(window, QMainWindow):
        for top in window.menuBar().actions():
            if isinstance(top.menu(), QMenu):
                actions += _menu_actions(top.menu())
    listed = {a for a, _ in actions}
    for action in window.findChildren(QAction):
        if action not in listed:
            owner = _owner(action)
            actions.append((action, _where(owner) if owner is not None else ""))
    rows: list[tuple[str, str, str]] = []
    for action, where in actions:
        keys = _keys(action.shortcuts())
        if keys and action.text():
            rows.append((keys, _plain(action.text()), where))
    for button in window.findChildren(QAbstractButton):
        seq = button.shortcut()
        if seq.isEmpty() or seq == QKeySequence.mnemonic(button.text()):
            continue
        what = button.accessibleName() or _plain(button.text())
        rows.append((seq.toString(NATIVE), what, _where(button)))
    seen: set[tuple[str, str, str]] = set()
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
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Keys"), self.tr("What it does"), self.tr("Where")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
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
        # Measured from the texts: before the dialog shows, the columns have no widths yet.
        pad = metrics.averageCharWidth() * 3
        columns = [
            max(
                [metrics.horizontalAdvance(self.table.horizontalHeaderItem(c).text())]
                + [metrics.horizontalAdvance(row[c]) for row in rows]
            )
            + pad
            for c in range(3)
        ]
        bar = self.table.verticalScrollBar().sizeHint().width()
        width = sum(columns) + bar + metrics.averageCharWidth() * 6
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
