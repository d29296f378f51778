"""Saving into a folder that does not exist yet: ask, then create it (owner-only)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Folders", text)


def offer_to_create(parent: QWidget | None, folder: str) -> str:
    """Ask whether to create `folder`; "" when it was created, else what to tell the
    person (they said no, or it cannot be created there)."""
    answer = QMessageBox.question(
        parent,
        _tr("Create the folder?"),
        _tr("The folder %1 does not exist yet. Create it?").replace("%1", folder),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return _tr("Choose a folder that exists, or let it be created.")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return _tr("That folder cannot be created here. Choose another place.")
    return ""
