"""The declaration: a guided interview in English or Spanish, the numbered paragraphs made
from the answers (editable), and the English translation entered beside a Spanish
original, paragraph by paragraph. The closing under 28 U.S.C. 1746 and the signature
lines are added when the declaration is rendered; saving stores it as the case's document
of kind declaration (and its translation), so it is an exhibit like any other."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.request import declaration as decl
from pdorganizer.request import declaration_service as ds
from pdorganizer.request.store import DeclarationRecord
from pdorganizer.ui.errors import show_error
from pdorganizer.vault import Vault


def ui_language() -> str:
    """The app's language (i18n sets the default locale): the interview's first language."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


class DeclarationPanel(QWidget):
    saved = Signal()  # the declaration's documents changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.case_id: int | None = None
        self.rec: DeclarationRecord | None = None
        self.answer_boxes: dict[str, QPlainTextEdit] = {}
        self.question_labels: list[tuple[decl.Question, QLabel, QLabel, QLabel]] = []

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the declaration"))
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.currentIndexChanged.connect(self._language_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("The person writes and signs in:")))
        top.addWidget(self.language)
        top.addStretch(1)

        # -- interview --
        self.interview = QWidget()
        form = QVBoxLayout(self.interview)
        for q in decl.questions(negative=True):
            section, text, hint = QLabel(), QLabel(), QLabel()
            section.setObjectName("declSection")
            text.setWordWrap(True)
            hint.setWordWrap(True)
            hint.setObjectName("declHint")
            hint.setStyleSheet("color: palette(placeholder-text);")
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
            self.answer_boxes[q.id] = box
            self.question_labels.append((q, section, text, hint))
            for w in (section, text, hint, box):
                form.addWidget(w)
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.interview)
        self.save_answers_button = QPushButton(self.tr("Save answers"))
        self.save_answers_button.clicked.connect(self.save_answers)
        self.make_button = QPushButton(self.tr("Make the paragraphs from the answers"))
        self.make_button.clicked.connect(self.make_paragraphs)
        interview_tab = QWidget()
        il = QVBoxLayout(interview_tab)
        intro = QLabel(
            self.tr(
                "Answer in your own words. Only what really happened: this is a statement "
                "under penalty of perjury. Leave a question empty if it does not apply."
            )
        )
        intro.setWordWrap(True)
        il.addWidget(intro)
        il.addWidget(scroll, 1)
        # Buttons over two rows, so this tab never makes the window wider than 1280 px.
        row = QGridLayout()
        row.addWidget(self.save_answers_button, 0, 0)
        row.addWidget(self.make_button, 1, 0)
        row.setColumnStretch(1, 1)
        il.addLayout(row)

        # -- paragraphs and translation --
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("declParagraphs")
        self.table.setAccessibleName(self.tr("Paragraphs of the declaration"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Declaration"), self.tr("English translation")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add paragraph"))
        self.add_button.clicked.connect(self.add_paragraph)
        self.remove_button = QPushButton(self.tr("Remove paragraph"))
        self.remove_button.clicked.connect(self.remove_paragraph)
        self.save_button = QPushButton(self.tr("Save the declaration"))
        self.save_button.clicked.connect(self.save)
        self.translator_name = QLineEdit()
        self.translator_address = QLineEdit()
        self.translator_phone = QLineEdit()
        self.translator_box = QWidget()
        tf = QFormLayout(self.translator_box)
        tf.setContentsMargins(0, 0, 0, 0)
        tf.addRow(self.tr("Translator's name:"), self.translator_name)
        tf.addRow(self.tr("Translator's address:"), self.translator_address)
        tf.addRow(self.tr("Translator's telephone:"), self.translator_phone)
        self.translation_note = QLabel(
            self.tr(
                "A Spanish declaration is filed with its English translation and a "
                "certificate of translation. The translator types the English beside each "
                "paragraph; nothing is translated by machine."
            )
        )
        self.translation_note.setWordWrap(True)
        para_tab = QWidget()
        pl = QVBoxLayout(para_tab)
        closing = QLabel(
            self.tr(
                "Numbered paragraphs. The closing under penalty of perjury (28 U.S.C. 1746), "
                "the date and the signature lines are added when it is printed."
            )
        )
        closing.setWordWrap(True)
        pl.addWidget(closing)
        pl.addWidget(self.table, 1)
        pl.addWidget(self.translation_note)
        pl.addWidget(self.translator_box)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        pl.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        pl.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(interview_tab, self.tr("Interview"))
        self.tabs.addTab(para_tab, self.tr("Paragraphs"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._show_questions(ui_language())
        self.setEnabled(False)

    # -- loading -----------------------------------------------------------------------------
    def load(self, vault: Vault | None, case_id: int | None) -> None:
        if self.rec is not None:
            self.clear()  # keeps the previous case's unsaved answers
        self.vault, self.case_id = vault, case_id
        if vault is None or case_id is None:
            self.clear()
            return
        try:
            self.rec = ds.record(vault, case_id, default_language=ui_language())
        except Exception as exc:
            show_error(self, exc, "load declaration")
            self.clear()
            return
        rec = self.rec
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(rec.language)))
        self.language.blockSignals(False)
        self._show_questions(rec.language)
        # What happened / what changed: only for a case with a negative factor (or answered).
        negative = ds.has_negative(vault, case_id)
        for q, section, text, hint in self.question_labels:
            shown = negative or q.when != "negative" or bool(rec.answers.get(q.id))
            for widget in (section, text, hint, self.answer_boxes[q.id]):
                widget.setVisible(shown)
        for qid, box in self.answer_boxes.items():
            box.setPlainText(rec.answers.get(qid, ""))
        self._fill_table(rec.paragraphs, rec.translation)
        self.translator_name.setText(rec.translator_name)
        self.translator_address.setText(rec.translator_address)
        self.translator_phone.setText(rec.translator_phone)
        self._update_translation_column()
        self.setEnabled(True)

    def clear(self) -> None:
        """Drop everything shown (lock, other case); answers typed but not saved are kept
        in the vault first."""
        if self._answers_changed():
            self.save_answers()
        self.rec = None
        self.vault = None
        self.case_id = None
        for box in self.answer_boxes.values():
            box.clear()
        self._show_questions(ui_language())
        self.table.setRowCount(0)
        for edit in (self.translator_name, self.translator_address, self.translator_phone):
            edit.clear()
        self.setEnabled(False)

    def _answers_changed(self) -> bool:
        if self.vault is None or self.vault.closed or self.rec is None:
            return False
        return self.answers() != {k: self.rec.answers.get(k, "") for k in self.answer_boxes}

    def _show_questions(self, lang: str) -> None:
        for q, section, text, hint in self.question_labels:
            section.setText(f"<b>{q.say('section', lang)}</b>")
            text.setText(q.say("text", lang))
            hint.setText(q.say("hint", lang))

    def _fill_table(self, paragraphs: list[str], translation: list[str]) -> None:
        self.table.setRowCount(0)
        for i, para in enumerate(paragraphs):
            self.table.insertRow(i)
            self.table.setItem(i, 0, QTableWidgetItem(para))
            self.table.setItem(
                i, 1, QTableWidgetItem(translation[i] if i < len(translation) else "")
            )

    def _language_changed(self) -> None:
        self._show_questions(self.current_language())
        self._update_translation_column()

    def current_language(self) -> str:
        return str(self.language.currentData() or "en")

    def _update_translation_column(self) -> None:
        spanish = self.current_language() == "es"
        self.table.setColumnHidden(1, not spanish)
        self.translator_box.setVisible(spanish)
        self.translation_note.setVisible(spanish)

    # -- editing -------------------------------------------------------------------------------
    def answers(self) -> dict[str, str]:
        return {qid: box.toPlainText().strip() for qid, box in self.answer_boxes.items()}

    def save_answers(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        try:
            self.rec = ds.set_answers(
                self.vault, self.case_id, self.answers(), self.current_language()
            )
        except Exception as exc:
            show_error(self, exc, "save declaration")

    def make_paragraphs(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        paragraphs = decl.paragraphs_from_answers(self.answers())
        if not paragraphs:
            QMessageBox.information(
                self, self.tr("No answers yet"), self.tr("Answer at least one question first.")
            )
            return
        if self.table.rowCount():
            answer = QMessageBox.question(
                self,
                self.tr("Replace the paragraphs?"),
                self.tr("Replace the paragraphs with your answers? Changes made to them are lost."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_answers()
        self._fill_table(paragraphs, [])
        self.save()
        self.tabs.setCurrentIndex(1)

    def add_paragraph(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(""))
        self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_paragraph(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _column(self, col: int) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, col)
            out.append(" ".join((item.text() if item else "").split()))
        return out

    def save(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        rec = self.rec or ds.record(self.vault, self.case_id)
        originals = self._column(0)
        translated = self._column(1)
        keep = [i for i, text in enumerate(originals) if text]
        rec.paragraphs = [originals[i] for i in keep]
        rec.language = self.current_language()
        rec.answers = self.answers()
        wanted = [translated[i] for i in keep]
        rec.translation = wanted if rec.language == "es" and all(wanted) and wanted else []
        rec.translator_name = self.translator_name.text().strip()
        rec.translator_address = self.translator_address.text().strip()
        rec.translator_phone = self.translator_phone.text().strip()
        try:
            self.rec = ds.save(self.vault, rec)
        except Exception as exc:
            show_error(self, exc, "save declaration")
            return
        self._fill_table(self.rec.paragraphs, wanted)
        self.saved.emit()
        if rec.language == "es" and rec.paragraphs and not rec.translation:
            QMessageBox.information(
                self,
                self.tr("English translation needed"),
                self.tr(
                    "The declaration is saved. For filing, every paragraph needs its English "
                    "translation; it is added to the packet when all are filled in."
                ),
            )
