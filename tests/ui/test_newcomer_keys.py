"""Keyboard on the start screen and F1 (issue 12, items 1-3): each button acts at once on
its Alt+letter and on Return, no Alt+letter is also a menu's (hidden menus included),
Escape leaves the create page, and F1 lists every shortcut the actions have."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton
from ui_helpers import settle

from pdorganizer.ui import i18n
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.shortcuts_help import ShortcutsDialog, shortcut_rows
from pdorganizer.vault import CHEAP_PARAMS
from tests.test_i18n_gui import mnemonic_clashes


@pytest.fixture
def spanish(qapp):
    i18n.install_translator(qapp, "es")
    yield
    i18n.install_translator(qapp, "en")


def _page_clashes(window: MainWindow) -> list[str]:
    return sorted(
        f"{scope}: {sorted(keys)}" for scope, keys in mnemonic_clashes(window) if scope == "window"
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_start_pages_share_no_letter_with_the_menus(qtbot, qapp, settings, tmp_path, language):
    i18n.install_translator(qapp, language)
    try:
        win = MainWindow(settings, CHEAP_PARAMS)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        start = win.start
        for show in (
            start.show_welcome,
            start.show_create,
            lambda: start.show_unlock(str(tmp_path / "x.pdvault")),
        ):
            show()
            qtbot.wait(5)
            assert _page_clashes(win) == [], language
        win.shutdown()
    finally:
        i18n.install_translator(qapp, "en")


def test_alt_letter_and_return_press_start_buttons(qtbot, window):
    start = window.start
    start.show_welcome()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: start.stack.currentIndex() == 2, timeout=2000)
    # Escape goes back, and "Back" has its own Alt key.
    qtbot.keyClick(start.create_pass, Qt.Key.Key_Escape)
    assert start.stack.currentIndex() == 0
    start.show_create()
    assert "&" in start.create_back.text()
    start.create_back.setFocus()
    qtbot.keyClick(start.create_back, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: start.stack.currentIndex() == 0, timeout=2000)
    start.new_vault_button.setFocus()
    qtbot.keyClick(start.new_vault_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: start.stack.currentIndex() == 2, timeout=2000)


def test_workspace_buttons_press_on_return(qtbot, opened):
    for button in opened.workspace.findChildren(QPushButton):
        assert button.autoDefault(), button.text()
    # A button made after the window (a panel's own) presses on Return too.
    late = QPushButton("Late", opened.workspace.exhibits_panel)
    late.show()
    late.setAutoDefault(False)
    hits: list[int] = []
    late.clicked.connect(lambda: hits.append(1))
    opened.workspace.tabs.setCurrentWidget(opened.workspace.exhibits_panel)
    opened.activateWindow()
    late.setFocus()
    qtbot.keyClick(late, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hits == [1], timeout=2000)


def test_progress_text_is_not_red(qtbot, window, tmp_path):
    start = window.start
    start.show_create()
    start.create_path.setText(str(tmp_path / "new.pdvault"))
    start.create_pass.setText("correct horse battery")
    start.create_repeat.setText("correct horse battery")
    start.create()
    assert start.create_error.text()
    assert start.create_error.property("error") is False
    assert "a40000" not in start.create_error.styleSheet()
    settle(qtbot, window)
    start.show_create()
    start.create_path.setText(str(tmp_path / "other.pdvault"))
    start.create_pass.setText("short")
    start.create()
    assert start.create_error.property("error") is True


def test_f1_lists_every_action_shortcut(qtbot, opened):
    rows = shortcut_rows(opened)
    keys = {r[0] for r in rows}
    for key_text, _what, _where in rows:
        parts = key_text.split(" / ")
        assert len(parts) == len(set(parts)), key_text  # each sequence once
    where = {what: place for _k, what, place in rows}
    assert where["Move up"] == "Exhibits" and where["Lock"] == "File"
    native = QKeySequence.SequenceFormat.NativeText
    for seq in ("Ctrl+F", "Ctrl+G", "Ctrl+M", "Alt+Up", "Alt+Down", "PgUp", "PgDown", "Ctrl+R"):
        assert QKeySequence(seq).toString(native) in keys, seq
    for action in opened.findChildren(type(opened.open_action)):
        if not action.shortcut().isEmpty():
            assert action.shortcut().toString(native) in " / ".join(keys), action.text()
    assert len(rows) > 20
    opened.shortcuts_action.trigger()
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ShortcutsDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.table.rowCount() == len(rows)
    # The title and every row fit: no horizontal scroll bar, title not cut.
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert not dialog.table.horizontalScrollBar().isVisible()
    dialog.reject()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_create_vault_offers_to_create_a_missing_folder(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    from ui_helpers import answer_dialog

    start = window.start
    start.show_create()
    target = tmp_path / "new folder" / "mine.pdvault"
    start.create_path.setText(str(target))
    start.create_pass.setText("correct horse battery")
    start.create_repeat.setText("correct horse battery")
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.No).click(), QMessageBox)
    start.create()
    assert not target.parent.exists() and start.create_error.property("error") is True
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
    start.create()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: target.exists(), timeout=5000)
