"""File dialogs that leave no trace of where the user went.

Native dialogs keep recent-files lists of their own that no program can wipe: GTK's
~/.local/share/recently-used.xbel and the desktop portal on Linux, the Windows common
dialog's registry MRU and Recent items. A name like "Maria Lopez" would outlive the
session there, so every dialog is Qt's own widget dialog (DontUseNativeDialog) on every
platform. That one remembers the folders it visited ("history", "lastVisited") in the
per-user QtProject settings (~/.config/QtProject.conf on Linux, the registry on Windows),
so Qt's record is wiped after every dialog (and at start, in case a previous run crashed
before it could). Every dialog of the app goes through here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def forget_visited_folders() -> None:
    store = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    store.remove("FileDialog")
    store.sync()


def open_file(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    try:
        return QFileDialog.getOpenFileName(parent, caption, folder, filters, options=OPTIONS)[0]
    finally:
        forget_visited_folders()


def open_files(parent: QWidget | None, caption: str, folder: str, filters: str) -> list[str]:
    try:
        return QFileDialog.getOpenFileNames(parent, caption, folder, filters, options=OPTIONS)[0]
    finally:
        forget_visited_folders()


def save_file(parent: QWidget | None, caption: str, path: str, filters: str) -> str:
    try:
        return QFileDialog.getSaveFileName(parent, caption, path, filters, options=OPTIONS)[0]
    finally:
        forget_visited_folders()


def choose_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    options = OPTIONS | QFileDialog.Option.ShowDirsOnly
    try:
        return QFileDialog.getExistingDirectory(parent, caption, folder, options)
    finally:
        forget_visited_folders()
