"""The window's size and the splitters' positions: opened as the user left them, else
at a size that uses the screen (maximised on small screens such as 1280x800).

Only geometry is kept (in the settings): never a case, a document or a folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

from pdorganizer.ui.settings import AppSettings

# Screens up to this size (logical pixels) get the whole screen.
SMALL_SCREEN = (1440, 900)
# The first time, the main splitter gives cases / documents and preview / the tabs these
# shares of the width: at 1280 px the list shows title, kind, date, pages and factors.
FIRST_SHARES = {"mainSplitter": (0.14, 0.48, 0.38)}


def _splitters(window: QMainWindow) -> dict[str, QSplitter]:
    return {s.objectName(): s for s in window.findChildren(QSplitter) if s.objectName()}


def restore_window(window: QMainWindow, settings: AppSettings) -> None:
    """Size `window` (before it is shown) and its named splitters."""
    geometry = settings.window_state("geometry")
    if geometry is None or not window.restoreGeometry(QByteArray(geometry)):
        _first_size(window)
    for name, splitter in _splitters(window).items():
        state = settings.window_state(f"splitter/{name}")
        if state is not None and splitter.restoreState(QByteArray(state)):
            continue
        shares = FIRST_SHARES.get(name)
        if shares and splitter.count() == len(shares):
            # Qt would hand out extra width by stretch factor from the widgets' own
            # sizes, leaving the document list narrow; share the window out instead.
            width = window.width()
            splitter.setSizes([int(width * share) for share in shares])
            for i, share in enumerate(shares):  # and keep the shares as it grows or shrinks
                splitter.setStretchFactor(i, int(share * 100))


def _first_size(window: QMainWindow) -> None:
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is None:
        return
    if screen.width() <= SMALL_SCREEN[0] or screen.height() <= SMALL_SCREEN[1]:
        window.resize(screen.width(), screen.height())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(int(screen.width() * 0.85), int(screen.height() * 0.85))


def remember_window(window: QMainWindow, settings: AppSettings) -> None:
    settings.set_window_state("geometry", bytes(window.saveGeometry().data()))
    for name, splitter in _splitters(window).items():
        settings.set_window_state(f"splitter/{name}", bytes(splitter.saveState().data()))
