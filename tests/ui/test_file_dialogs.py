"""Qt's file dialog must not leave the folders the user visited in Qt's own settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from pdorganizer.ui.file_dialogs import open_file, open_files, save_file


def _qt_record() -> dict[str, object]:
    store = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    store.sync()
    return {k: store.value(k) for k in store.allKeys()}


def _close_dialog_soon() -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(300, close)


def test_plain_qt_dialog_records_the_folder(qapp, tmp_path: Path) -> None:
    """The leak this module exists for, shown with Qt's own dialog."""
    folder = tmp_path / "Clients" / "Maria Lopez"
    folder.mkdir(parents=True)
    _close_dialog_soon()
    QFileDialog.getOpenFileName(None, "Open", str(folder), "*.pdvault")
    assert any("Maria" in str(v) for v in _qt_record().values())


def test_our_dialogs_leave_no_folder_behind(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "Clients" / "Maria Lopez"
    folder.mkdir(parents=True)
    for dialog in (open_file, open_files, save_file):
        _close_dialog_soon()
        dialog(None, "Choose", str(folder), "All files (*)")
        record = _qt_record()
        assert not any("Maria" in str(v) for v in record.values()), record
        assert not any(k.startswith("FileDialog") for k in record)
