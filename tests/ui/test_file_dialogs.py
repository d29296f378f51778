"""Qt's file dialog must not leave the folders the user visited in Qt's own settings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from pdorganizer.ui.file_dialogs import choose_folder, open_file, open_files, save_file


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


def _recent_lists() -> dict[Path, tuple[int, int] | None]:
    """GTK's recently-used list, in the real home (read only) and in the sandbox's
    XDG_DATA_HOME: existence, size and mtime."""
    places = {Path.home() / ".local/share/recently-used.xbel"}
    if os.environ.get("XDG_DATA_HOME"):
        places.add(Path(os.environ["XDG_DATA_HOME"]) / "recently-used.xbel")
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else None for p in places}


def test_every_dialog_is_qt_own_and_leaves_no_recent_file(qapp, tmp_path: Path) -> None:
    """Native dialogs keep recent-files lists we cannot wipe (GTK's recently-used.xbel,
    the portal, Windows' MRU): ours must be Qt's widget dialog on every platform."""
    folder = tmp_path / "Clients" / "Maria Lopez"
    folder.mkdir(parents=True)
    (folder / "Maria Lopez.pdvault").write_bytes(b"x")
    before = _recent_lists()
    seen: list[bool] = []

    def pick_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                seen.append(widget.testOption(QFileDialog.Option.DontUseNativeDialog))
                widget.reject()

    calls = [
        lambda: open_file(None, "Open", str(folder), "Vaults (*.pdvault)"),
        lambda: open_files(None, "Add", str(folder), "All files (*)"),
        lambda: save_file(None, "Save", str(folder / "Maria Lopez.pdf"), "PDF (*.pdf)"),
        lambda: choose_folder(None, "Folder", str(folder)),
    ]
    for call in calls:
        QTimer.singleShot(300, pick_and_close)
        assert call() in ("", [])
    assert seen == [True] * len(calls)
    assert _recent_lists() == before
    assert not any("Maria" in str(v) for v in _qt_record().values())
