"""File dialogs that leave no trace of where the user went.

Qt's own file dialog remembers the folders it visited ("history", "lastVisited") in the
per-user QtProject settings (~/.config/QtProject.conf on Linux, the registry on Windows).
Folder names like "Clients/Maria Lopez" must not outlive the session on a shared or
clinic computer, so every dialog goes through here and Qt's record is wiped afterwards
(and at start, in case a previous run crashed before it could).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def forget_visited_folders() -> None:
    store = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    store.remove("FileDialog")
    store.sync()


def open_file(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    try:
        return QFileDialog.getOpenFileName(parent, caption, folder, filters)[0]
    finally:
        forget_visited_folders()


def open_files(parent: QWidget | None, caption: str, folder: str, filters: str) -> list[str]:
    try:
        return QFileDialog.getOpenFileNames(parent, caption, folder, filters)[0]
    finally:
        forget_visited_folders()


def save_file(parent: QWidget | None, caption: str, path: str, filters: str) -> str:
    try:
        return QFileDialog.getSaveFileName(parent, caption, path, filters)[0]
    finally:
        forget_visited_folders()
