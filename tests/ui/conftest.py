"""Fixtures for driving the real main window offscreen.

Vaults use CHEAP_PARAMS (the start screen takes the KDF parameters as an argument);
settings live in a throwaway INI file; documents are generated images."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui_helpers import settle

from pdorganizer.ui.gui_gc import GuiThreadCollector
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.worker import running_tasks, wait_for_all
from pdorganizer.vault import CHEAP_PARAMS, Vault


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings: AppSettings) -> Iterator[MainWindow]:
    win = MainWindow(settings, CHEAP_PARAMS)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()
    wait_for_all()
    # Deliver what the workers queued while the window still exists, not into the next test.
    for _ in range(100):
        QApplication.processEvents()
        if running_tasks() == 0:
            break
        wait_for_all(50)


@pytest.fixture
def opened(qtbot, window: MainWindow, vault: Vault, case) -> MainWindow:
    """The window with the conftest vault open and its case selected."""
    window.open_vault(vault)
    settle(qtbot, window)
    return window


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(qapp) -> Iterator[None]:
    """As the app does (ui/gui_gc.py): cyclic garbage holding Qt objects is collected on
    the GUI thread, never on a worker that happens to allocate."""
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()
    gc.collect()
