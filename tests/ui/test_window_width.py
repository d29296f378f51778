"""The whole window fits a 1280x800 screen (also 2560x1600 at 200%: the same 1280 logical
pixels) in English and Spanish, with every tab built and shown once: no tool row may
widen it (the letter editor's tools fold into a » menu)."""

from __future__ import annotations

import pytest
from ui_helpers import add_document, settle

from pdorganizer.ui import i18n
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.vault import CHEAP_PARAMS

SCREEN_WIDTH = 1280


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    i18n.install_translator(qapp, "en")


def _visit_every_tab(qtbot, window: MainWindow) -> None:
    ws = window.workspace
    for i in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(i)
        settle(qtbot, window)
    request = ws.request_panel
    for i in range(request.tabs.count()):
        ws.tabs.setCurrentWidget(request)
        request.tabs.setCurrentIndex(i)
        settle(qtbot, window)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_main_window_fits_1280_wide(qtbot, qapp, settings, vault, case, lang):
    assert i18n.install_translator(qapp, lang) == lang
    add_document(vault, case.id, "Birth certificate of the younger child", pages=2)
    add_document(vault, case.id, "Lease 2019", kind="Lease or bill")
    window = MainWindow(settings, CHEAP_PARAMS, lang=lang)
    qtbot.addWidget(window)
    window.show()
    window.open_vault(vault)
    settle(qtbot, window)
    window.workspace.doc_table.selectRow(0)
    _visit_every_tab(qtbot, window)
    try:
        assert window.minimumSizeHint().width() <= SCREEN_WIDTH
        tools = window.workspace.request_panel.letter.tools
        assert tools.minimumSizeHint().width() < tools.sizeHint().width()  # it can fold
    finally:
        window.shutdown()
