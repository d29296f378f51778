"""Add or edit a case: the person, the court, who files, and the factors claimed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.checks import texts as check_texts
from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.kinds import requested_pd_kinds
from pdorganizer.core.models import CASE_BOOL_FIELDS, CASE_FIELDS, Case
from pdorganizer.ui.form_layout import align_form_labels, fit_to_content, follow_focus

SECTIONS = (
    ("person", ("name", "a_number", "date_of_birth", "country", "language", "detained")),
    (
        "court",
        (
            "court_city",
            "court_state",
            "judge",
            "next_hearing_date",
            "next_hearing_type",
            "opla_office",
        ),
    ),
    (
        "request",
        (
            "requested_pd",
            "requested_pd_other",
            "entry_date",
            "paroled",
            "in_proceedings",
            "represented",
        ),
    ),
    ("filer", ("filer_name", "filer_address", "filer_phone", "filer_email", "filer_eoir_id")),
    ("notes", ("notes",)),
)
assert {f for _, fs in SECTIONS for f in fs} == set(CASE_FIELDS)


class CaseDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, taxonomy: Taxonomy, lang: str, case: Case | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        # Warn when the profile changes to "not in proceedings" (or a new case starts so).
        self._was_in_proceedings = case.in_proceedings if case else True
        self.setWindowTitle(self.tr("Edit case") if case else self.tr("New case"))
        self.setObjectName("caseDialog")
        self.case_id = case.id if case else None  # None: a new case
        self.edits: dict[str, Any] = {}
        labels = self._labels()
        placeholders = {
            "a_number": self.tr("A123-456-789"),
            "date_of_birth": self.tr("YYYY-MM-DD"),
            "next_hearing_date": self.tr("YYYY-MM-DD"),
            "court_state": self.tr("For example: CA"),
            "entry_date": self.tr("YYYY, YYYY-MM or YYYY-MM-DD"),
            "requested_pd_other": self.tr("What the request asks for"),
        }
        titles = {
            "person": self.tr("The person"),
            "court": self.tr("Court and ICE office"),
            "request": self.tr("What the request asks for, and the person's situation"),
            "filer": self.tr("Who files the request (attorney, representative or the person)"),
            "notes": self.tr("Notes"),
        }
        body = QWidget()
        body_layout = QVBoxLayout(body)
        intro = QLabel(
            self.tr(
                "Only the name is needed now. You can fill in the rest later; it "
                "goes on the cover page of the packet."
            )
        )
        intro.setWordWrap(True)
        if case is None:  # when editing, the name is there already
            body_layout.addWidget(intro)
        for section, names in SECTIONS:
            box = QGroupBox(titles[section])
            form = QFormLayout(box)
            for name in names:
                if name in CASE_BOOL_FIELDS:
                    widget: Any = QCheckBox(self._check_texts()[name])
                    default = name == "in_proceedings"
                    widget.setChecked(bool(getattr(case, name)) if case else default)
                    form.addRow("", widget)
                elif name == "requested_pd":
                    widget = QComboBox()
                    widget.addItem(self.tr("Not chosen yet"), "")
                    for pd_kind in requested_pd_kinds():
                        widget.addItem(pd_kind.text(lang), pd_kind.id)
                    found = widget.findData(case.requested_pd if case else "")
                    widget.setCurrentIndex(max(found, 0))
                    form.addRow(labels[name], widget)
                elif name in ("notes", "filer_address"):  # several lines each
                    widget = QPlainTextEdit(str(getattr(case, name)) if case else "")
                    widget.setTabChangesFocus(True)
                    lines = 5 if name == "notes" else 3
                    widget.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
                    form.addRow(labels[name], widget)
                else:
                    widget = QLineEdit(str(getattr(case, name)) if case else "")
                    widget.setPlaceholderText(placeholders.get(name, ""))
                    form.addRow(labels[name], widget)
                widget.setAccessibleName(labels[name].replace("&", ""))
                self.edits[name] = widget
            body_layout.addWidget(box)

        claimed_box = QGroupBox(self.tr("Points the request relies on"))
        claimed_layout = QVBoxLayout(claimed_box)
        hint = QLabel(
            self.tr(
                "Tick what you will argue; the coverage panel then warns you "
                "when no document shows it yet."
            )
        )
        hint.setWordWrap(True)
        claimed_layout.addWidget(hint)
        self.claimed_list = QListWidget()
        self.claimed_list.setAccessibleName(self.tr("Points the request relies on"))
        claimed = set(case.claimed_factors) if case else set()
        for factor in taxonomy.factors:
            if factor.kind != "positive":
                continue
            item = QListWidgetItem(factor.text("label", lang))
            item.setData(Qt.ItemDataRole.UserRole, factor.id)
            item.setToolTip(factor.text("help", lang))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if factor.id in claimed else Qt.CheckState.Unchecked
            )
            self.claimed_list.addItem(item)
        self.claimed_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        claimed_layout.addWidget(self.claimed_list)
        body_layout.addWidget(claimed_box)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self._scroll = scroll
        align_form_labels(body)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.error_label, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
        fit_to_content(self, body, scroll)
        follow_focus(self, scroll)
        # "If other, what" only means something when the kind of PD is "other".
        pd_combo, other = self.edits["requested_pd"], self.edits["requested_pd_other"]
        pd_combo.currentIndexChanged.connect(
            lambda _i: other.setEnabled(pd_combo.currentData() == "other" or bool(other.text()))
        )
        other.setEnabled(pd_combo.currentData() == "other" or bool(other.text()))
        self.edits["name"].setFocus()
        self.initial_draft = self.draft()  # a draft is kept only when something changed

    def _check_texts(self) -> dict[str, str]:
        return {
            "detained": self.tr("Currently detained"),
            "paroled": self.tr("Entered the U.S. with parole"),
            "in_proceedings": self.tr("In removal proceedings (has a case in immigration court)"),
            "represented": self.tr("Has an attorney or accredited representative"),
        }

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Full &name"),
            "a_number": self.tr("&A-Number"),
            "date_of_birth": self.tr("Date of &birth"),
            "country": self.tr("Country of &citizenship"),
            "language": self.tr("Preferred &language"),
            "detained": self.tr("Detained"),
            "requested_pd": self.tr("&Kind of PD requested"),
            "requested_pd_other": self.tr("If other, what"),
            "entry_date": self.tr("First &entry to the U.S."),
            "paroled": self.tr("Paroled"),
            "in_proceedings": self.tr("In proceedings"),
            "represented": self.tr("Represented"),
            "court_city": self.tr("Immigration court (city)"),
            "court_state": self.tr("Court state"),
            "judge": self.tr("Immigration judge"),
            "next_hearing_date": self.tr("Next hearing date"),
            "next_hearing_type": self.tr("Next hearing type"),
            "opla_office": self.tr("ICE OPLA office"),
            "filer_name": self.tr("Filer's name"),
            "filer_address": self.tr("Filer's address"),
            "filer_phone": self.tr("Filer's phone"),
            "filer_email": self.tr("Filer's email"),
            "filer_eoir_id": self.tr("Filer's EOIR ID"),
            "notes": self.tr("Notes"),
        }

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.edits.items():
            if isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[name] = str(widget.currentData() or "")
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText().strip()
            else:
                out[name] = widget.text().strip()
        return out

    def claimed_factors(self) -> list[str]:
        out = []
        for i in range(self.claimed_list.count()):
            item = self.claimed_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    # -- drafts (the vault locked while this was open: ui/drafts.py) --------------------
    def draft(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "values": self.values(), "claimed": self.claimed_factors()}

    def fill(self, values: dict[str, Any], claimed: list[str]) -> None:
        """Put a draft's values back in the form (unknown fields are ignored)."""
        for name, value in values.items():
            widget = self.edits.get(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(str(value)), 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
        wanted = set(claimed)
        for i in range(self.claimed_list.count()):
            item = self.claimed_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _accept(self) -> None:
        if not self.values()["name"]:
            self.error_label.setText(self.tr("Please write the person's name."))
            self.edits["name"].setFocus()
            return
        if self._was_in_proceedings and not self.values()["in_proceedings"]:
            self._warn_not_in_proceedings()
        self.accept()

    def _warn_not_in_proceedings(self) -> None:
        """Asking ICE for PD can put a person who is not in proceedings into them: say so
        when the profile first says it (the same words as the pre-flight check)."""
        key = "not-in-proceedings"
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not in removal proceedings"),
            check_texts.message(key, self._lang),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(check_texts.todo(key, self._lang))
        box.exec()
        box.deleteLater()
