"""Showing failures: known ones in plain words, bugs as "Something went wrong".

A bug's details are only the type-and-location summary from `safelog` (no message text,
which could hold a document's name or content), so copying them is always safe.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pdorganizer.core.errors import Cancelled, PdoError
from pdorganizer.core.safelog import log_unexpected

_orphans: set[QMessageBox] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def user_message(exc: BaseException) -> str | None:
    """The plain-words text for a known failure; None for a bug."""
    if isinstance(exc, PdoError):
        # Service messages are English templates; the translation files carry them
        # (context "PdoError"), and the values (names, numbers) are filled in after.
        text = QCoreApplication.translate("PdoError", exc.template)
        if not exc.values:
            return text
        try:
            return text.format(**exc.values)
        except (KeyError, IndexError, ValueError):  # a translation lost a placeholder
            return exc.message
    if isinstance(exc, MemoryError):
        return _tr("The computer ran out of memory. Close other programs and try again.")
    if isinstance(exc, OSError):
        return _tr(
            "The file could not be read or written. Check that the folder "
            "exists and that you may write to it."
        )
    return None


def show_error(parent: QWidget | None, exc: BaseException, context: str = "") -> None:
    """Tell the user what failed: a calm message, or "Something went wrong" for a bug."""
    if isinstance(exc, Cancelled):
        return
    text = user_message(exc)
    if text is not None:
        QMessageBox.warning(parent, _tr("Could not finish"), _capitalise(text))
        return
    show_bug(parent, log_unexpected(exc, context))


def show_bug(parent: QWidget | None, summary: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Something went wrong"))
    box.setText(_tr("Something went wrong. Your vault was not changed by this step."))
    box.setInformativeText(
        _tr(
            "You can try again. If it happens again, copy the details and "
            "send them to whoever helps you with this program. The details "
            "contain no names or document content."
        )
    )
    box.setDetailedText(summary)
    copy = box.addButton(_tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(summary))
    box.setObjectName("bugBox")
    if parent is None:  # nothing else keeps a parentless box alive while it shows
        _orphans.add(box)
        box.finished.connect(lambda _r: _orphans.discard(box))
    box.open()
    return box


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
