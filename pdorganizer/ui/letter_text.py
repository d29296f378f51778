"""The letter's text widget: a QTextEdit whose citations are chips (anchors) that cannot
be typed into, copied and pasted as tokens inside the app, and re-rendered when the
packet's layout changes; conversion between the letter's text form
(`pdorganizer.request.markup`) and the QTextDocument. The panel around it (tools, saving,
drafting) is ui/letter_editor.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QTextEdit,
    QWidget,
)

from pdorganizer.request.draft import PLACEHOLDER_RE
from pdorganizer.request.markup import Block, Run, parse, serialize
from pdorganizer.request.tokens import TOKEN, Citation, PageMap, make, parse_token, resolve

CITE_PREFIX = "cite:"
LETTER_MIME = "application/x-pdorganizer-letter"  # copied text with citations as tokens
LINE_BREAK = "\u2028"  # Shift+Enter inside a paragraph (addresses)
HEADING_SIZES = {1: 1.45, 2: 1.2}
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
