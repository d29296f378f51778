"""Keyboard use: standard shortcuts on the actions, and no two Alt+letter mnemonics
shown at the same time (Qt would make the user press the key twice)."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonics(window) -> list[str]:
    found = [m.lower() for a in window.menuBar().actions() for m in _MNEMONIC.findall(a.text())]
    for w in window.findChildren(QAbstractButton):
        if w.isVisible() and w.shortcut().isEmpty() is False and "&" in w.text():
            found += [m.lower() for m in _MNEMONIC.findall(w.text())]
    for w in window.findChildren(QLabel):
        if w.isVisible() and w.buddy() is not None:
            found += [m.lower() for m in _MNEMONIC.findall(w.text())]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                found += [m.lower() for m in _MNEMONIC.findall(bar.tabText(i))]
    return found


def test_no_clashing_mnemonics_on_any_tab(qtbot, opened):
    ws = opened.workspace
    for tab in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(tab)
        qtbot.wait(5)
        letters = _mnemonics(opened)
        clashes = sorted({c for c in letters if letters.count(c) > 1})
        assert clashes == [], f"tab {tab}: Alt+{clashes} used twice"


def test_standard_shortcuts(opened):
    expected = {
        opened.open_action: QKeySequence(QKeySequence.StandardKey.Open),
        opened.new_case_action: QKeySequence(QKeySequence.StandardKey.New),
        opened.import_action: QKeySequence("Ctrl+I"),
        opened.export_action: QKeySequence("Ctrl+E"),
        opened.lock_action: QKeySequence("Ctrl+L"),
        opened.rename_action: QKeySequence("F2"),
        opened.delete_action: QKeySequence(QKeySequence.StandardKey.Delete),
        opened.find_case_action: QKeySequence(QKeySequence.StandardKey.Find),
    }
    for action, keys in expected.items():
        assert action.shortcut() == keys, action.text()
        assert action.isEnabled(), action.text()
