"""The request letter editor: paragraphs, headings, bold and italic, undo; citations are
chips (anchors) that cannot be typed into and re-render whenever the exhibits change.

The letter is kept as its text form (`pdorganizer.request.markup`); the editor converts
it to a QTextDocument and back. A chip's href holds its citation ("cite:12:3:5"), its
text is what the packet shows ("Ex. C at 14-16"), recomputed from the packet's layout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.request import service
from pdorganizer.request.draft import PLACEHOLDER_RE
from pdorganizer.request.markup import Block, Run, parse, serialize
from pdorganizer.request.tokens import TOKEN, Citation, PageMap, make, parse_token, resolve
from pdorganizer.ui.errors import show_error
from pdorganizer.vault import Vault

CITE_PREFIX = "cite:"
LETTER_MIME = "application/x-pdorganizer-letter"  # copied text with citations as tokens
LINE_BREAK = "\u2028"  # Shift+Enter inside a paragraph (addresses)
HEADING_SIZES = {1: 1.45, 2: 1.2}
SAVE_DELAY_MS = 800
CITE_INK = "#123a7a"
BROKEN_INK = "#9b1c1c"


def href_of(cite: Citation) -> str:
    first = "" if cite.first is None else str(cite.first)
    last = "" if cite.last is None else str(cite.last)
    return f"{CITE_PREFIX}{cite.doc_id}:{first}:{last}"


def cite_of(href: str) -> Citation | None:
    try:
        doc, first, last = href[len(CITE_PREFIX) :].split(":")
        return make(int(doc), int(first) if first else None, int(last) if last else None)
    except ValueError:
        return None


class PlaceholderHighlighter(QSyntaxHighlighter):
    """[WRITER: ...] stands out until the writer replaces it (display only: the
    highlight is no part of the text or of the undo history)."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.fmt = QTextCharFormat()
        self.fmt.setBackground(QColor("#fff3b0"))

    def highlightBlock(self, text: str) -> None:  # Qt's name
        for m in PLACEHOLDER_RE.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self.fmt)


class LetterEdit(QTextEdit):
    """A rich-text edit whose citation chips stay whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted text comes in plain: no foreign styles
        self.setTabChangesFocus(True)
        self.places: PageMap = {}
        self.keys: dict[int, object] = {}  # key combination -> what it does (Ctrl+B...)
        self._fixing = False
        self.document().contentsChange.connect(self._contents_change)
        self.highlighter = PlaceholderHighlighter(self.document())
        self.currentCharFormatChanged.connect(self._leave_chip)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and event.keyCombination().toCombined() in self.keys  # type: ignore[attr-defined]
        ):
            event.accept()  # ours while typing here, not the window's
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # Qt's name
        handler = self.keys.get(event.keyCombination().toCombined())
        if handler is not None:
            handler()  # type: ignore[operator]
            return
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            cursor = self.textCursor()
            if self._select_whole_chips(cursor, event.key() == Qt.Key.Key_Backspace):
                cursor.removeSelectedText()  # one edit: undo brings the chip back whole
                self.setTextCursor(cursor)
                return
        super().keyPressEvent(event)

    # -- clipboard: chips travel as tokens ---------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:  # Qt's name
        data = super().createMimeDataFromSelection()  # text/plain: what it shows
        cursor = self.textCursor()
        tokens = self._text_with_tokens(cursor.selectionStart(), cursor.selectionEnd())
        data.setData(LETTER_MIME, tokens.encode("utf-8"))
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:  # Qt's name
        if source.hasFormat(LETTER_MIME):
            text = bytes(source.data(LETTER_MIME).data()).decode("utf-8", "replace")
        else:
            text = source.text()
        if not TOKEN.search(text):
            super().insertFromMimeData(source)
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        last = 0
        for m in TOKEN.finditer(text):
            if m.start() > last:
                cursor.insertText(text[last : m.start()], self._plain(cursor.charFormat()))
            cite = parse_token(m.group(0))
            if cite.doc_id is None:
                cursor.insertText(m.group(0), self._plain(cursor.charFormat()))
            else:
                self.insert_citation(cite, cursor)
            last = m.end()
        if last < len(text):
            cursor.insertText(text[last:], self._plain(cursor.charFormat()))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    @staticmethod
    def _plain(fmt: QTextCharFormat) -> QTextCharFormat:
        out = QTextCharFormat(fmt)
        out.setAnchor(False)
        out.setAnchorHref("")
        out.clearBackground()
        out.clearForeground()
        out.setToolTip("")
        return out

    def _text_with_tokens(self, a: int, b: int) -> str:
        """The selection as plain text, citations as their tokens."""
        parts: list[str] = []
        block = self.document().findBlock(a)
        while block.isValid() and block.position() < b:
            if parts:
                parts.append("\n")
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                start, end = max(a, frag.position()), min(b, frag.position() + frag.length())
                fmt = frag.charFormat()
                if start < end:
                    if fmt.isAnchor() and fmt.anchorHref().startswith(CITE_PREFIX):
                        cite = cite_of(fmt.anchorHref())
                        if cite is not None and not (parts and parts[-1] == cite.raw):
                            parts.append(cite.raw)
                    else:
                        offset = start - frag.position()
                        piece = frag.text()[offset : offset + end - start]
                        parts.append(piece.replace(LINE_BREAK, "\n"))
                it += 1
            block = block.next()
        return "".join(parts)

    def _select_whole_chips(self, cursor: QTextCursor, backwards: bool) -> bool:
        """Grow the selection (or, without one, select the chip being deleted into) to
        whole chips; False when no chip is touched."""
        if cursor.hasSelection():
            a, b = cursor.selectionStart(), cursor.selectionEnd()
        else:
            a = b = cursor.position()
        touched = False
        for pos, length, _href in self.chips():
            end = pos + length
            if cursor.hasSelection():
                hit = pos < b and end > a and not (a <= pos and end <= b)
            else:
                hit = pos < a <= end if backwards else pos <= a < end
            if hit:
                a, b, touched = min(a, pos), max(b, end), True
        if touched:
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return touched

    # -- chips --------------------------------------------------------------------------
    def chip_format(self, cite: Citation, broken: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(href_of(cite))
        fmt.setBackground(QColor("#fde2e2") if broken else QColor("#dde8fb"))
        fmt.setForeground(QColor(BROKEN_INK) if broken else QColor(CITE_INK))
        fmt.setToolTip(cite.token())
        return fmt

    def insert_citation(self, cite: Citation, cursor: QTextCursor | None = None) -> None:
        cursor = cursor or self.textCursor()
        shown = resolve(cite, self.places)
        base = cursor.charFormat()
        fmt = self.chip_format(cite, shown.broken)
        fmt.setFontWeight(base.fontWeight())
        fmt.setFontItalic(base.fontItalic())
        self._fixing = True
        try:
            cursor.insertText(shown.text, fmt)
            plain = QTextCharFormat(base)
            plain.setAnchor(False)
            plain.setAnchorHref("")
            plain.clearBackground()
            plain.clearForeground()
            plain.setToolTip("")
            cursor.setCharFormat(plain)
            self.setTextCursor(cursor)
            self.setCurrentCharFormat(plain)
        finally:
            self._fixing = False

    def chips(self) -> list[tuple[int, int, str]]:
        """(position, length, href) of every chip."""
        out = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                fmt = frag.charFormat()
                if fmt.isAnchor() and fmt.anchorHref().startswith(CITE_PREFIX):
                    if (
                        out
                        and out[-1][2] == fmt.anchorHref()
                        and sum(out[-1][:2]) == frag.position()
                    ):
                        pos, length, href = out.pop()
                        out.append((pos, length + frag.length(), href))
                    else:
                        out.append((frag.position(), frag.length(), fmt.anchorHref()))
                it += 1
            block = block.next()
        return out

    def _stale_chips(self) -> list[tuple[int, int, Citation]]:
        out = []
        doc = self.document()
        for pos, length, href in self.chips():
            cite = cite_of(href)
            if cite is None:
                continue
            cursor = QTextCursor(doc)
            cursor.setPosition(pos)
            cursor.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
            shown = resolve(cite, self.places)
            broken = cursor.charFormat().foreground().color() == QColor(BROKEN_INK)
            if cursor.selectedText() != shown.text or broken != shown.broken:
                out.append((pos, length, cite))
        return out

    def rerender(self) -> None:
        """Every chip shows its citation in the current exhibit order.

        Only chips whose text changed are touched, outside the undo history (undoing past
        a re-render would bring back stale citation texts); when any changed, the history
        starts again from here."""
        stale = self._stale_chips()
        if not stale:
            return
        doc = self.document()
        self._fixing = True
        doc.setUndoRedoEnabled(False)
        try:
            for pos, length, cite in reversed(stale):
                shown = resolve(cite, self.places)
                cursor = QTextCursor(doc)
                cursor.setPosition(pos)
                cursor.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
                fmt = self.chip_format(cite, shown.broken)
                old = cursor.charFormat()
                fmt.setFontWeight(old.fontWeight())
                fmt.setFontItalic(old.fontItalic())
                cursor.insertText(shown.text, fmt)
        finally:
            doc.setUndoRedoEnabled(True)
            self._fixing = False

    def _contents_change(self, _pos: int, removed: int, added: int) -> None:
        """A chip whose text was changed by typing or deleting: a partial delete removes
        the chip, anything typed into it is undone by re-rendering."""
        if self._fixing or (not removed and not added):
            return
        self._fixing = True
        try:
            for pos, length, href in reversed(self.chips()):
                cite = cite_of(href)
                if cite is None:
                    continue
                shown = resolve(cite, self.places).text
                cursor = QTextCursor(self.document())
                cursor.setPosition(pos)
                cursor.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
                text = cursor.selectedText()
                if text == shown:
                    continue
                if len(text) < len(shown):
                    cursor.removeSelectedText()  # part of it was deleted: the chip goes
                else:
                    cursor.insertText(shown, cursor.charFormat())
        finally:
            self._fixing = False

    def _leave_chip(self, fmt: QTextCharFormat) -> None:
        # Text typed right after a chip must not become part of it.
        if fmt.isAnchor() and not self._fixing:
            plain = QTextCharFormat(fmt)
            plain.setAnchor(False)
            plain.setAnchorHref("")
            plain.clearBackground()
            plain.clearForeground()
            plain.setToolTip("")
            self.setCurrentCharFormat(plain)

    # -- text form <-> document ------------------------------------------------------------
    def load_text(self, text: str) -> None:
        self._fixing = True
        try:
            doc = self.document()
            doc.clear()
            cursor = QTextCursor(doc)
            base_size = self.font().pointSizeF()
            for n, block in enumerate(parse(text)):
                level = {"h1": 1, "h2": 2}.get(block.kind, 0)
                bfmt = QTextBlockFormat()
                bfmt.setHeadingLevel(level)
                bfmt.setBottomMargin(6)
                cfmt = QTextCharFormat()
                if level:
                    cfmt.setFontWeight(QFont.Weight.Bold)
                    cfmt.setFontPointSize(base_size * HEADING_SIZES[level])
                if n == 0:
                    cursor.setBlockFormat(bfmt)
                    cursor.setBlockCharFormat(cfmt)
                else:
                    cursor.insertBlock(bfmt, cfmt)
                for run in block.runs:
                    self._insert_run(cursor, run, level, cfmt)
        finally:
            self._fixing = False
        doc.clearUndoRedoStacks()
        doc.setModified(False)

    def _insert_run(self, cursor: QTextCursor, run: Run, level: int, base: QTextCharFormat) -> None:
        if run.newline:
            cursor.insertText(LINE_BREAK, base)
            return
        if run.cite is not None:
            if run.cite.doc_id is None:  # not a valid token: kept as typed text
                cursor.insertText(run.cite.raw, base)
                return
            shown = resolve(run.cite, self.places)
            fmt = self.chip_format(run.cite, shown.broken)
        else:
            fmt = QTextCharFormat(base)
        if run.bold or level:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(run.italic)
        if level:
            fmt.setFontPointSize(base.fontPointSize())
        cursor.insertText(shown.text if run.cite is not None else run.text, fmt)

    def to_text(self) -> str:
        blocks: list[Block] = []
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            out = Block({1: "h1", 2: "h2"}.get(level, "p"))
            chip_end = -1
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                fmt = frag.charFormat()
                text = frag.text()
                if fmt.isAnchor() and fmt.anchorHref().startswith(CITE_PREFIX):
                    cite = cite_of(fmt.anchorHref())
                    # One chip may span fragments (part of it bold): one token.
                    same = out.runs and out.runs[-1].cite == cite and chip_end == frag.position()
                    if cite is not None and not same:
                        out.runs.append(Run(cite.raw, cite=cite))
                    chip_end = frag.position() + frag.length()
                else:
                    bold = fmt.fontWeight() >= QFont.Weight.Bold and not level
                    for i, part in enumerate(text.split(LINE_BREAK)):
                        if i:
                            out.runs.append(Run("", newline=True))
                        if part:
                            out.runs.append(Run(part, bold, fmt.fontItalic()))
                it += 1
            if out.runs or level:
                blocks.append(out)
            block = block.next()
        return serialize([b for b in blocks if any(r.text.strip() or r.cite for r in b.runs)])


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
