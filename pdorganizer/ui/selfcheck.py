"""The Qt part of `pdorganizer --self-test` (pdorganizer/selftest.py), kept here so that
PySide6 is imported only under pdorganizer/ui/."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pdorganizer.core.errors import PdoError

_NATIVE_PLATFORM_PLUGIN = {
    "linux": "libqxcb.so",
    "win32": "qwindows.dll",
    "darwin": "libqcocoa.dylib",
}


def check_qt(translations: list[Path]) -> None:
    """Show a widget offscreen (unless QT_QPA_PLATFORM says otherwise) and load each `.qm`.

    The native platform plugin cannot be loaded without a display, so it is checked as a
    file. Raises PdoError with a one-line reason."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtWidgets import QApplication, QLabel

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    native = _NATIVE_PLATFORM_PLUGIN.get(sys.platform)
    if native and not (plugins / native).is_file():
        raise PdoError(f"the Qt platform plugin {native} is missing")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "pdorganizer"])
    for qm in translations:
        if not QTranslator().load(str(qm)):
            raise PdoError(f"the translation {qm.name} does not load")
    label = QLabel("pdorganizer self-test")
    label.show()
    app.processEvents()
    shown = label.isVisible() and label.width() > 0
    label.close()
    label.deleteLater()
    app.processEvents()
    if not shown:
        raise PdoError("a Qt window could not be shown")
