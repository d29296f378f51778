"""The request letter editor: paragraphs, headings, bold and italic, undo; citations are
chips (anchors) that cannot be typed into and re-render whenever the exhibits change.

The letter is kept as its text form (`pdorganizer.request.markup`); the editor converts
it to a QTextDocument and back. A chip's href holds its citation ("cite:12:3:5"), its
text is what the packet shows ("Ex. C at 14-16"), recomputed from the packet's layout."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.request import service
from pdorganizer.request.tokens import resolve
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.letter_text import HEADING_SIZES, LetterEdit, cite_of
from pdorganizer.vault import Vault

SAVE_DELAY_MS = 800


class LetterEditor(QWidget):
    """The Letter tab: the editor with its tool row, saved to the vault as you type."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.case_id: int | None = None
        self.export_options = None  # ExportOptions the citations resolve with (Settings)
        self.edit = LetterEdit()
        self.edit.setObjectName("letterEdit")
        self.edit.setAccessibleName(self.tr("Request letter"))
        self.edit.textChanged.connect(self._changed)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("letterStatus")

        self.tools = QToolBar()  # shows a » menu for what does not fit (narrow panel)
        self.tools.setObjectName("letterTools")
        self.draft_action = self._tool(self.tr("Draft"), self.draft, "")
        self.draft_action.setToolTip(
            self.tr("Write a first draft from the case: profile, factors and documents")
        )
        self.cite_action = self._tool(self.tr("Insert citation…"), self.insert_citation, "Ctrl+K")
        self.bold_action = self._tool(self.tr("Bold"), self.toggle_bold, "Ctrl+B")
        self.italic_action = self._tool(self.tr("Italic"), self.toggle_italic, "Ctrl+I")
        self.h1_action = self._tool(self.tr("Heading"), lambda: self.set_heading(1), "")
        self.h2_action = self._tool(self.tr("Subheading"), lambda: self.set_heading(2), "")
        self.p_action = self._tool(self.tr("Paragraph"), lambda: self.set_heading(0), "")
        self.undo_action = self._tool(self.tr("Undo"), self.edit.undo, "")
        self.redo_action = self._tool(self.tr("Redo"), self.edit.redo, "")
        self.docx_action = self._tool(self.tr("Word copy…"), self.write_docx, "")
        self.docx_action.setToolTip(
            self.tr("Save an editable Word copy; its citations no longer update")
        )
        hint = QLabel(
            self.tr(
                "The letter goes first in the packet. Citations show the exhibit and page "
                "as the packet will; they follow when exhibits move. Text in [WRITER: ...] "
                "is for you to replace."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tools)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.status)
        self.setEnabled(False)

    def _tool(self, text: str, slot, shortcut: str) -> QAction:
        action = self.tools.addAction(text)
        action.triggered.connect(slot)
        if shortcut:
            # Taken by the editor while it has focus, before the window's own shortcuts
            # (Ctrl+I is Import there): see LetterEdit.event.
            self.edit.keys[QKeySequence(shortcut)[0].toCombined()] = action.trigger
            action.setToolTip(f"{text.rstrip('…')} ({QKeySequence(shortcut).toString()})")
        return action

    # -- loading ----------------------------------------------------------------------------
    def load(self, vault: Vault | None, case_id: int | None) -> None:
        self.flush()
        self.vault, self.case_id = vault, case_id
        if vault is None or case_id is None:
            self.clear()
            return
        try:
            text = service.letter_text(vault, case_id) or ""
            self.edit.places = service.page_map(vault, case_id, self.export_options, text or None)
        except Exception as exc:
            show_error(self, exc, "load letter")
            self.clear()
            return
        blocker = QSignalBlocker(self.edit)  # loading is not an edit: nothing to save
        self.edit.load_text(text)
        del blocker
        self.edit.moveCursor(QTextCursor.MoveOperation.Start)  # open at the top
        self.setEnabled(True)
        self._update_status()

    def showEvent(self, event) -> None:
        # The label style may have changed in the export dialog meanwhile.
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """The exhibits changed: re-render every citation."""
        if self.vault is None or self.case_id is None:
            return
        try:
            self.edit.places = service.page_map(
                self.vault, self.case_id, self.export_options, self.edit.to_text() or None
            )
        except Exception as exc:
            show_error(self, exc, "load letter")
            return
        blocker = QSignalBlocker(self.edit)
        self.edit.rerender()
        del blocker
        self._update_status()

    def clear(self) -> None:
        """Drop the letter from memory (lock, other case): text and undo history."""
        self._save_timer.stop()
        self.edit.places = {}
        blocker = QSignalBlocker(self.edit)
        self.edit.document().clear()
        self.edit.document().clearUndoRedoStacks()
        del blocker
        self.status.clear()
        self.vault = None
        self.case_id = None
        self.setEnabled(False)

    # -- saving ----------------------------------------------------------------------------
    def _changed(self) -> None:
        if self.vault is not None:
            self._save_timer.start()

    def flush(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save()

    def save(self) -> None:
        if self.vault is None or self.vault.closed or self.case_id is None:
            return
        text = self.edit.to_text()
        try:
            if text.strip():
                service.set_text(self.vault, self.case_id, text)
            else:
                from pdorganizer.request.store import clear_letter

                clear_letter(self.vault, self.case_id)
        except Exception as exc:
            show_error(self, exc, "save letter")
            return
        self._update_status()
        self.saved.emit()

    def _update_status(self) -> None:
        broken = [c for c in self.edit.chips() if (cite := cite_of(c[2])) is not None
                  and resolve(cite, self.edit.places).broken]  # fmt: skip
        if broken:
            self.status.setText(
                self.tr(
                    "%n citation(s) point to a document or page that is not in the packet.",
                    "",
                    len(broken),
                )
            )
        elif not self.edit.document().isEmpty():
            self.status.setText(self.tr("Saved. Every citation points into the packet."))
        else:
            self.status.setText(self.tr("No letter yet. Draft one from the case, or type."))

    # -- actions ---------------------------------------------------------------------------
    def draft(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        self.flush()
        has_letter = service.letter_text(self.vault, self.case_id) is not None
        if has_letter:
            answer = QMessageBox.question(
                self,
                self.tr("Replace the letter?"),
                self.tr("Replace the letter with a new draft? What you wrote is lost."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            result = service.draft(self.vault, self.case_id, force=True)
        except Exception as exc:
            show_error(self, exc, "draft letter")
            return
        self.load(self.vault, self.case_id)
        if result.warnings:
            QMessageBox.warning(
                self,
                self.tr("Talk to a lawyer"),
                self.tr(
                    "Since 2025, some people whose cases were dismissed were arrested and "
                    "placed in expedited removal. Talk to a lawyer before asking for "
                    "dismissal."
                ),
            )

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.edit.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self.edit.mergeCurrentCharFormat(fmt)

    def set_heading(self, level: int) -> None:
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        bfmt = cursor.blockFormat()
        bfmt.setHeadingLevel(level)
        cursor.setBlockFormat(bfmt)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cfmt = QTextCharFormat()
        base = self.edit.font().pointSizeF()
        cfmt.setFontPointSize(base * HEADING_SIZES.get(level, 1.0))
        cfmt.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        cursor.mergeCharFormat(cfmt)
        cursor.endEditBlock()

    def insert_citation(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        from pdorganizer.ui.citation_dialog import CitationDialog

        dialog = CitationDialog(self, self.vault, self.case_id, self.edit.places)
        try:
            if dialog.exec() and dialog.citation() is not None:
                self.edit.insert_citation(dialog.citation())  # type: ignore[arg-type]
                self.edit.setFocus()
        finally:
            dialog.deleteLater()

    def write_docx(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        from pdorganizer.ui.file_dialogs import save_file

        self.flush()
        path = save_file(self, self.tr("Save a Word copy"), "letter.docx", "Word (*.docx)")
        if not path:
            return
        try:
            from pdorganizer.request.docx_out import write_docx

            # Recorded in the vault: a killed save leaves no plaintext temp file for good.
            vault = self.vault if self.vault is not None and not self.vault.closed else None
            write_docx(self.edit.to_text(), self.edit.places, path, vault=vault)
        except Exception as exc:
            show_error(self, exc, "write docx")
            return
        QMessageBox.information(
            self,
            self.tr("Word copy saved"),
            self.tr(
                "The Word copy is saved. Its citations are plain text: they no longer "
                "update when you reorder the exhibits. Keep editing here to keep them live."
            ),
        )
