"""Start the desktop app (placeholder window until the app work lands)."""

from __future__ import annotations

import sys


def run_app() -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("pdorganizer")
    label.setWindowTitle("pdorganizer")
    label.resize(480, 320)
    label.show()
    return app.exec()
