"""Room to work (issue 12, item 8): the window opens using the screen (maximised on a
small one), remembers its size and splitters in the settings (never case data), and at
1280x800 the document list shows title, kind, date, pages and factors."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter
from ui_helpers import settle

from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.window_memory import FIRST_SHARES, remember_window, restore_window
from pdorganizer.vault import CHEAP_PARAMS


def _settings(path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def test_small_screen_opens_maximised(qtbot, tmp_path):
    win = MainWindow(_settings(tmp_path / "s.ini"), CHEAP_PARAMS)
    qtbot.addWidget(win)
    screen = win.screen().availableGeometry()
    assert screen.width() <= 1440 or screen.height() <= 900  # offscreen: a small screen
    assert win.windowState() & Qt.WindowState.WindowMaximized
    win.shutdown()


def test_size_and_splitters_are_remembered_not_cases(qtbot, tmp_path, vault, case):
    settings = _settings(tmp_path / "s.ini")
    win = MainWindow(settings, CHEAP_PARAMS)
    qtbot.addWidget(win)
    win.show()
    win.open_vault(vault)
    settle(qtbot, win)
    win.close()  # closeEvent remembers
    settings.sync()
    text = (tmp_path / "s.ini").read_bytes()
    assert b"geometry" in text and b"mainSplitter" in text and b"documentSplitter" in text
    assert case.name.encode() not in text and case.name.encode("unicode_escape") not in text


def test_window_memory_round_trip(qtbot, tmp_path):
    settings = _settings(tmp_path / "s.ini")

    def build() -> QMainWindow:
        window = QMainWindow()
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        for _ in range(3):
            splitter.addWidget(QLabel("x"))
        window.setCentralWidget(splitter)
        qtbot.addWidget(window)
        return window

    first = build()
    restore_window(first, settings)
    assert first.windowState() & Qt.WindowState.WindowMaximized  # small offscreen screen
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.resize(700, 500)
    first.show()
    first.findChild(QSplitter).setSizes([100, 400, 200])
    qtbot.wait(10)
    sizes = first.findChild(QSplitter).sizes()
    remember_window(first, settings)
    second = build()
    restore_window(second, settings)
    assert not second.windowState() & Qt.WindowState.WindowMaximized
    assert (second.width(), second.height()) == (700, 500)
    second.show()
    qtbot.wait(10)
    assert second.findChild(QSplitter).sizes() == sizes


def test_document_columns_fit_their_share_at_1280(qtbot, opened):
    # The first start gives the documents this share of a 1280 px window; title, kind,
    # date and pages must leave the factors column room to show.
    share = int(1280 * FIRST_SHARES["mainSplitter"][1])
    header = opened.workspace.doc_table.horizontalHeader()
    fixed = sum(header.sectionSize(c) for c in range(4))
    char = header.fontMetrics().averageCharWidth()
    assert fixed + char * 14 + 40 <= share, (fixed, share)
    assert header.sectionSize(0) >= header.fontMetrics().horizontalAdvance("Birth certificate")


def test_landscape_and_portrait_thumbnails_take_the_same_room(qtbot, vault, case):
    from ui_helpers import add_document, jpeg_bytes, page_image

    from pdorganizer.ui.thumbnails import THUMB_SIZE, load_thumbnail
    from pdorganizer.vault.repos import NewPage, NewSource

    portrait = add_document(vault, case.id, "Portrait")
    wide = page_image("Wide", size=(550, 300))
    data = jpeg_bytes(wide)
    landscape = vault.documents.add(
        case.id,
        "Landscape",
        [NewSource(data=data, sha256="w" * 64, mime="image/jpeg", original_name="w.jpg")],
        [NewPage(source=0, source_index=0, width=550, height=300, thumbnail=data)],
    )
    sizes = {load_thumbnail(vault, d.id).size() for d in (portrait, landscape)}
    assert sizes == {THUMB_SIZE}
