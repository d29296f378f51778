"""Start the desktop app: `pdorganizer` with no arguments."""

from __future__ import annotations

import sys

from pdorganizer.core.childenv import scrub_environment
from pdorganizer.resources_path import resource


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from pdorganizer.ui.file_dialogs import forget_visited_folders
    from pdorganizer.ui.gui_gc import collect_on_gui_thread
    from pdorganizer.ui.i18n import install_translator
    from pdorganizer.ui.interrupt import quit_on_signals
    from pdorganizer.ui.main_window import MainWindow
    from pdorganizer.ui.settings import AppSettings

    scrub_environment()  # the app never reads passphrase variables; its children never get them
    # Fractional scaling (125%, 150%) as the system asks, rather than rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication((argv or sys.argv)[:1])
    collect_on_gui_thread(app)  # Qt objects in garbage die on the GUI thread only
    app.setOrganizationName("pdorganizer")
    app.setApplicationName("pdorganizer")
    app.setApplicationDisplayName("pdorganizer")
    app.setDesktopFileName("pdorganizer")
    icon = resource("icons", "pdorganizer-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings = AppSettings()
    chosen = settings.language
    lang = install_translator(app, None if chosen == "system" else chosen)
    window = MainWindow(settings, lang=lang)
    window.show()
    wake = quit_on_signals(app, window.shutdown)  # Ctrl+C: lock, then quit; no traceback
    forget_visited_folders()  # a run that crashed may have left Qt's record behind
    code = app.exec()
    wake.stop()
    window.shutdown()
    forget_visited_folders()
    return int(code)
