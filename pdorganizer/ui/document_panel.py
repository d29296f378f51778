"""The selected document: its fields, the PD factors it supports, and whether it is the
translation of another document. Every change is saved at once (no Save button to forget).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.dates import PARTIAL_DATE_RE
from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.kinds import document_kinds, get_kind, match_kind
from pdorganizer.core.models import Document
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.form_layout import follow_focus
from pdorganizer.vault import Vault

DATE_RE = PARTIAL_DATE_RE  # YYYY, YYYY-MM or YYYY-MM-DD, as the vault accepts


def _narrow(combo: QComboBox) -> None:
    """A combo box as wide as the panel, not as its longest entry (a long kind or a
    document title would push the whole panel sideways)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)


class DocumentPanel(QWidget):
    document_changed = Signal(object)  # the updated Document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        # Kind id -> label in the app's language; one dict, updated in place, so the
        # document list showing it follows a change of language.
        self._kind_labels: dict[str, str] = {}
        self._lang = "en"
        self._doc: Document | None = None
        self._others: list[tuple[int, str]] = []
        self._loading = False

        self.empty_label = QLabel(
            self.tr("Select a document on the left to describe it and say what it shows.")
        )
        self.empty_label.setWordWrap(True)

        # -- fields --
        self.title_edit = QLineEdit()
        self.kind_combo = QComboBox()
        _narrow(self.kind_combo)
        self.kind_combo.setEditable(True)
        self.kind_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._fill_kinds()
        self.issuer_edit = QLineEdit()
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD, or just the year"))
        self.language_edit = QLineEdit()
        self.language_edit.setPlaceholderText(self.tr("For example: Spanish"))
        self.expires_edit = QLineEdit()
        self.expires_edit.setPlaceholderText(self.tr("For ID documents: YYYY-MM-DD"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Save status"))
        fields = QGroupBox(self.tr("About this document"))
        form = QFormLayout(fields)
        for label, widget, name in (
            (self.tr("&Title"), self.title_edit, self.tr("Title")),
            (self.tr("&Kind"), self.kind_combo, self.tr("Kind of document")),
            (self.tr("Issued &by"), self.issuer_edit, self.tr("Issued by")),
            (self.tr("D&ate"), self.date_edit, self.tr("Date of the document")),
            (self.tr("Lan&guage"), self.language_edit, self.tr("Language of the document")),
            (self.tr("Ex&pires"), self.expires_edit, self.tr("Expiry date of an ID document")),
            (self.tr("N&otes"), self.notes_edit, self.tr("Notes")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        form.addRow(self.status_label)
        for edit in (
            self.title_edit,
            self.issuer_edit,
            self.date_edit,
            self.language_edit,
            self.expires_edit,
        ):
            edit.editingFinished.connect(self.save_fields)
        self.kind_combo.lineEdit().editingFinished.connect(self.save_fields)
        self.kind_combo.activated.connect(lambda _i: self.save_fields())
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(700)
        self._notes_timer.timeout.connect(self.save_fields)
        self.notes_edit.textChanged.connect(
            lambda: None if self._loading else self._notes_timer.start()
        )

        # -- factors --
        self.factor_box = QGroupBox(self.tr("What this document shows"))
        self.factor_layout = QVBoxLayout(self.factor_box)
        intro = QLabel(self.tr("Tick every point this document helps to prove."))
        intro.setWordWrap(True)
        self.factor_layout.addWidget(intro)
        self.factor_checks: dict[str, QCheckBox] = {}

        # -- translation --
        self.translation_box = QGroupBox(self.tr("Translation"))
        self.is_translation = QCheckBox(self.tr("This document is a translation of another one"))
        self.original_combo = QComboBox()
        _narrow(self.original_combo)
        self.original_combo.setAccessibleName(self.tr("Original document"))
        self.translator_name = QLineEdit()
        self.translator_address = QLineEdit()
        self.translator_phone = QLineEdit()
        self.from_language = QLineEdit()
        self.save_translation_button = QPushButton(self.tr("Save translation details"))
        tform = QFormLayout(self.translation_box)
        tform.addRow(self.is_translation)
        for label, widget in (
            (self.tr("Original"), self.original_combo),
            (self.tr("Translator's name"), self.translator_name),
            (self.tr("Translator's address"), self.translator_address),
            (self.tr("Translator's phone"), self.translator_phone),
            (self.tr("Translated from"), self.from_language),
        ):
            widget.setAccessibleName(label)
            tform.addRow(label, widget)
        tform.addRow(self.save_translation_button)
        self.is_translation.toggled.connect(self._translation_toggled)
        self.save_translation_button.clicked.connect(self.save_translation)

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.addWidget(fields)
        content_layout.addWidget(self.factor_box)
        content_layout.addWidget(self.translation_box)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)
        self._scroll = scroll
        follow_focus(self, scroll)  # Alt+letter or a click into a row below: shown
        self.clear()

    def kind_names(self) -> dict[str, str]:
        """Kind id -> label in the app's language (kinds are data: resources/kinds.json)."""
        return self._kind_labels

    @property
    def lang(self) -> str:
        return self._lang

    @lang.setter
    def lang(self, value: str) -> None:
        if value != self._lang:
            self._lang = value
            self._fill_kinds()

    def _fill_kinds(self) -> None:
        self._kind_labels.clear()
        self.kind_combo.clear()
        for kind in document_kinds():
            label = kind.text(self._lang)
            # A kind stored as a label's words (typed, or from an older version) shows
            # in the app's language too.
            for name in (*kind.label.values(), *kind.aliases):
                self._kind_labels.setdefault(name, label)
            self._kind_labels[kind.id] = label
            self.kind_combo.addItem(label, kind.id)

    # -- taxonomy ---------------------------------------------------------------------
    def set_taxonomy(self, taxonomy: Taxonomy | None) -> None:
        for check in self.factor_checks.values():
            check.setParent(None)
            check.deleteLater()
        while self.factor_layout.count() > 1:
            item = self.factor_layout.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.factor_checks = {}
        if taxonomy is None:
            return
        headings = {
            "positive": self.tr("In the person's favour"),
            "negative": self.tr("Difficult points (with evidence that explains them)"),
            "role": self.tr("Parts of the request"),
        }
        for kind in ("positive", "negative", "role"):
            factors = [f for f in taxonomy.factors if f.kind == kind]
            if not factors:
                continue
            heading = QLabel(f"<b>{headings[kind]}</b>")
            self.factor_layout.addWidget(heading)
            for factor in factors:
                check = QCheckBox(factor.text("label", self.lang))
                help_text = factor.text("help", self.lang)
                examples = factor.text("examples", self.lang)
                tip = help_text + (
                    ("\n" + self.tr("Examples: %1").replace("%1", examples)) if examples else ""
                )
                check.setToolTip(tip)
                check.setAccessibleName(factor.text("label", self.lang))
                check.setAccessibleDescription(tip)
                check.toggled.connect(lambda on, fid=factor.id: self._factor_toggled(fid, on))
                self.factor_layout.addWidget(check)
                hint = QLabel(tip)
                hint.setWordWrap(True)
                hint.setIndent(24)
                hint.setStyleSheet("color: palette(placeholder-text);")
                self.factor_layout.addWidget(hint)
                self.factor_checks[factor.id] = check

    # -- content ----------------------------------------------------------------------
    def show_document(self, doc: Document | None, others: list[tuple[int, str]]) -> None:
        self._notes_timer.stop()
        if doc is None or self._doc is None or doc.id != self._doc.id:
            # Another document: start at its title, not where the last one was scrolled.
            self._scroll.verticalScrollBar().setValue(0)
        self._doc = doc
        self._others = [o for o in others if doc is None or o[0] != doc.id]
        self._loading = True
        try:
            has = doc is not None
            self._scroll.setVisible(has)
            self.empty_label.setVisible(not has)
            self.title_edit.setText(doc.title if doc else "")
            kind = doc.kind if doc else ""
            idx = self.kind_combo.findData(kind)
            if idx >= 0:
                self.kind_combo.setCurrentIndex(idx)
            else:
                self.kind_combo.setCurrentIndex(-1)
                self.kind_combo.setEditText(kind)
            self.issuer_edit.setText(doc.issuer if doc else "")
            self.date_edit.setText(doc.document_date if doc else "")
            self.language_edit.setText(doc.language if doc else "")
            self.expires_edit.setText(doc.expires if doc else "")
            self.notes_edit.setPlainText(doc.notes if doc else "")
            for fid, check in self.factor_checks.items():
                check.setChecked(bool(doc and fid in doc.factors))
            self._show_translation(doc)
            self.status_label.setText("")
        finally:
            self._loading = False

    def clear(self) -> None:
        self.show_document(None, [])

    def document(self) -> Document | None:
        return self._doc

    # -- saving -----------------------------------------------------------------------
    def _current_kind(self) -> str:
        text = self.kind_combo.currentText().strip()
        idx = self.kind_combo.findText(text)
        if idx >= 0:
            return str(self.kind_combo.itemData(idx))
        return match_kind(text) or text  # a label typed by hand; else the person's words

    def save_fields(self) -> bool:
        """Save the fields that changed; False when they are not valid or not saved."""
        if self._loading or self._doc is None or self.vault is None:
            return True
        self._notes_timer.stop()
        values = {
            "title": self.title_edit.text().strip(),
            "kind": self._current_kind(),
            "issuer": self.issuer_edit.text().strip(),
            "document_date": self.date_edit.text().strip(),
            "language": self.language_edit.text().strip(),
            "expires": self.expires_edit.text().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
        }
        changed = {k: v for k, v in values.items() if getattr(self._doc, k) != v}
        if not changed:
            return True
        if not values["title"]:
            self.status_label.setText(self.tr("A document needs a title."))
            return False
        if any(values[k] and not DATE_RE.match(values[k]) for k in ("document_date", "expires")):
            self.status_label.setText(
                self.tr("Write the date as YYYY-MM-DD (for example 2021-03-15), or just the year.")
            )
            return False
        try:
            doc = self.vault.documents.update(self._doc.id, **changed)
        except Exception as exc:
            show_error(self, exc, "save document")
            return False
        self._doc = doc
        self.status_label.setText(self.tr("Saved."))
        if "kind" in changed and not doc.factors and self._tick_kind_factors():
            self.status_label.setText(
                self.tr(
                    "Saved. The points this kind of document usually shows are ticked; "
                    "untick any that do not apply."
                )
            )
        self.document_changed.emit(self._doc)
        return True

    def _tick_kind_factors(self) -> bool:
        """A document nobody tagged yet gets the factors its new kind usually supports
        (a lease: presence), so coverage and the checks see it; the person can untick."""
        kind = get_kind(self._doc.kind) if self._doc is not None else None
        wanted = [f for f in kind.factors if f in self.factor_checks] if kind else []
        if not wanted or self._doc is None or self.vault is None:
            return False
        try:
            self._doc = self.vault.documents.tag(self._doc.id, wanted)
        except Exception as exc:
            show_error(self, exc, "tag document")
            return False
        self._loading = True
        try:
            for fid, check in self.factor_checks.items():
                check.setChecked(fid in self._doc.factors)
        finally:
            self._loading = False
        return True

    def save_pending(self) -> bool:
        """Before the vault locks: save what was typed and not saved yet (the notes wait
        for a pause, a field for leaving it). False when it is not valid."""
        return self.save_fields()

    def _factor_toggled(self, factor_id: str, on: bool) -> None:
        if self._loading or self._doc is None or self.vault is None:
            return
        try:
            if on:
                doc = self.vault.documents.tag(self._doc.id, [factor_id])
            else:
                doc = self.vault.documents.untag(self._doc.id, [factor_id])
        except Exception as exc:
            show_error(self, exc, "tag document")
            return
        self._doc = doc
        self.document_changed.emit(doc)

    # -- translation ------------------------------------------------------------------
    def _show_translation(self, doc: Document | None) -> None:
        self.original_combo.clear()
        for doc_id, title in self._others:
            self.original_combo.addItem(title, doc_id)
        info = None
        if doc is not None and doc.translation_of is not None and self.vault is not None:
            info = self.vault.documents.translation(doc.id)
        self.is_translation.setChecked(info is not None)
        self.translation_box.setEnabled(
            doc is not None and (bool(self._others) or info is not None)
        )
        if info is not None:
            self.original_combo.setCurrentIndex(self.original_combo.findData(info.original_id))
        for edit, value in (
            (self.translator_name, info.translator_name if info else ""),
            (self.translator_address, info.translator_address if info else ""),
            (self.translator_phone, info.translator_phone if info else ""),
            (self.from_language, info.from_language if info else ""),
        ):
            edit.setText(value)
        self._translation_toggled(info is not None, save=False)

    def _translation_toggled(self, on: bool, save: bool = True) -> None:
        for w in (
            self.original_combo,
            self.translator_name,
            self.translator_address,
            self.translator_phone,
            self.from_language,
            self.save_translation_button,
        ):
            w.setEnabled(on)
        doc = self._doc
        if on or not save or self._loading or doc is None or self.vault is None:
            return
        if doc.translation_of is not None:
            try:
                self.vault.documents.clear_translation(doc.id)
                self._doc = self.vault.documents.get(doc.id)
            except Exception as exc:
                show_error(self, exc, "clear translation")
                return
            self.document_changed.emit(self._doc)

    def save_translation(self) -> None:
        if self._doc is None or self.vault is None:
            return
        original = self.original_combo.currentData()
        try:
            if original is None:
                raise InvalidInput(self.tr("Choose the original document first."))
            self.vault.documents.set_translation(
                self._doc.id,
                int(original),
                translator_name=self.translator_name.text().strip(),
                translator_address=self.translator_address.text().strip(),
                translator_phone=self.translator_phone.text().strip(),
                from_language=self.from_language.text().strip(),
            )
            self._doc = self.vault.documents.get(self._doc.id)
        except Exception as exc:
            show_error(self, exc, "set translation")
            return
        self.status_label.setText(self.tr("Translation saved."))
        self.document_changed.emit(self._doc)
