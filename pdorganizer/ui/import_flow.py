"""Importing files: choose (dialog or drag and drop), confirm with the "combine" option,
run on the heavy worker with progress, then list what could not be imported and why."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.ingest.service import ImportResult
from pdorganizer.ui.import_notes import note_text

# What intake reports for a PDF that needs a password to open.
PASSWORD_MESSAGE = "password-protected PDF"

IMAGE_SUFFIXES = (
    *(".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".bmp"),
    *(".gif", ".avif"),
)


class ImportDialog(QDialog):
    """Confirm a batch of files; offers to combine several into one document."""

    def __init__(self, parent: QWidget | None, paths: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import files"))
        n = len(paths)
        heading = QLabel(self.tr("%n file(s) will be added to this case.", "", n))
        heading.setWordWrap(True)
        names = QListWidget()
        names.setAccessibleName(self.tr("Files to import"))
        names.addItems([os.path.basename(p) for p in paths])
        self.combine = QCheckBox(
            self.tr("&Combine into one document (several photos of the same paper)")
        )
        self.combine.setAccessibleName(self.tr("Combine into one document"))
        self.combine.setEnabled(n > 1)
        hint = QLabel(self.tr("Leave this off when each file is a different paper."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(names, 1)
        layout.addWidget(self.combine)
        layout.addWidget(hint)
        layout.addWidget(buttons)


class ImportReport(QDialog):
    """What happened: how many imported, which were already there, which failed and why."""

    def __init__(
        self,
        parent: QWidget | None,
        results: Sequence[ImportResult],
        titles: Mapping[int, str] | None = None,
    ) -> None:
        """`titles`: document id -> title, to name the document a duplicate repeats."""
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it names files
        imported = [r for r in results if r.status == "imported"]
        duplicates = [r for r in results if r.status == "duplicate"]
        failed = [r for r in results if r.status == "failed"]
        docs = len({r.document_id for r in imported})
        self.setWindowTitle(self.tr("Import finished") if docs else self.tr("Nothing was added"))
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr("%n document(s) added.", "", docs)
            if docs
            else self.tr("No document was added to this case.")
        )
        summary.setObjectName("importSummary")
        layout.addWidget(summary)
        noted = [r for r in imported if r.notes]
        if noted:  # e.g. an animated GIF: only its first frame became a page
            self.notes_list = QListWidget()
            self.notes_list.setObjectName("importNotes")
            self.notes_list.setAccessibleName(self.tr("Remarks on imported files"))
            self.notes_list.setWordWrap(True)
            self.notes_list.addItems([self._note_line(r) for r in noted])
            layout.addWidget(self.notes_list)
        if duplicates:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "%n file(s) were already in this case and were skipped:",
                        "",
                        len(duplicates),
                    )
                )
            )
            dup_list = QListWidget()
            dup_list.setAccessibleName(self.tr("Files already in this case"))
            dup_list.addItems([_duplicate_line(r, titles or {}) for r in duplicates])
            dup_list.setWordWrap(True)
            self.duplicate_list = dup_list
            layout.addWidget(dup_list)
        if failed:
            label = QLabel(self.tr("%n file(s) could not be imported:", "", len(failed)))
            label.setWordWrap(True)
            layout.addWidget(label)
            self.failed_list = QListWidget()
            self.failed_list.setObjectName("failedList")
            self.failed_list.setAccessibleName(self.tr("Files that could not be imported"))
            self.failed_list.setWordWrap(True)  # the reason must be readable whole
            self.failed_list.addItems(
                [f"{os.path.basename(r.path)}: {_reason(r.message)}" for r in failed]
            )
            layout.addWidget(self.failed_list)
            hint = QLabel(
                self.tr(
                    "The other files were imported. You can take a new photo or scan "
                    "of these papers and import it again."
                )
                if docs
                else self.tr(
                    "You can take a new photo or scan of these papers and import it again."
                )
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.failed = [r.path for r in failed]

    def _note_line(self, result: ImportResult) -> str:
        name = os.path.basename(result.path)
        notes = list(dict.fromkeys(note_text(note) for note in result.notes))
        return f"{name}: {'; '.join(notes)}."


def ask_pdf_password(parent: QWidget | None, path: str) -> str | None:
    """Ask for the password of a protected PDF; None when the user skips the file."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("pdfPasswordDialog")
    dialog.setWindowTitle(QCoreApplication.translate("ImportReport", "Password needed"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "ImportReport",
            "%1 is protected by a password. Type the password to import it, or press "
            "Cancel to skip this file.",
        ).replace("%1", os.path.basename(path))
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    try:
        accepted = dialog.exec()
        password = dialog.textValue()
    finally:
        dialog.setTextValue("")
        dialog.deleteLater()
    return password if accepted and password else None


def _duplicate_line(result: ImportResult, titles: Mapping[int, str]) -> str:
    name = os.path.basename(result.path)
    title = titles.get(result.document_id) if result.document_id is not None else None
    if not title:
        return name
    return (
        QCoreApplication.translate("ImportReport", "%1: already here as “%2”")
        .replace("%1", name)
        .replace("%2", title)
    )


def _reason(message: str) -> str:
    return QCoreApplication.translate("PdoError", message) if message else ""
