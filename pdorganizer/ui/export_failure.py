"""An export stopped by a stored file it cannot use: which exhibit, which document, and a
button that opens that document in the main window (to re-import or remove it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pdorganizer.export.prepare import UnusableSource
from pdorganizer.ui.errors import show_error


def unusable_text(exc: UnusableSource) -> str:
    """The message translated in two parts: the template ("exhibit {letter} ({title}):
    {reason}") and the reason, each from the PdoError catalogue; names filled in after."""
    reason = QCoreApplication.translate("PdoError", exc.reason_template)
    try:
        reason = reason.format(**exc.reason_values) if exc.reason_values else reason
        text = QCoreApplication.translate("PdoError", exc.template)
        text = text.format(**dict(exc.values, reason=reason))
    except (KeyError, IndexError, ValueError):  # a translation lost a placeholder
        text = exc.message
    return text[:1].upper() + text[1:]


class ExportFailureBox(QMessageBox):
    def __init__(self, parent: QWidget | None, exc: UnusableSource) -> None:
        super().__init__(parent)
        self.setObjectName("exportFailure")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The packet could not be made"))
        self.setText(unusable_text(exc))
        self.setInformativeText(
            self.tr(
                "Nothing was written. Open the document to look at it: import a new scan "
                "or photo of it, or remove the damaged file, then export again."
            )
        )
        self.open_button = self.addButton(
            self.tr("&Open the document"), QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.open_button)


def show_export_failure(
    parent: QWidget | None, exc: BaseException, open_document: Callable[[int], None]
) -> None:
    """Any export failure; the one that names a document offers to open it."""
    if not isinstance(exc, UnusableSource) or not exc.document_id:
        show_error(parent, exc, "export")
        return
    box = ExportFailureBox(parent, exc)
    document_id = exc.document_id

    def closed() -> None:
        opened = box.clickedButton() is box.open_button
        box.deleteLater()
        if opened:
            open_document(document_id)

    # open(), not exec(): no nested event loop inside the worker's error callback.
    box.finished.connect(closed)
    box.open()
