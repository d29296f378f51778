"""Add or edit a case: the person, the court, who files, and the factors claimed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.models import CASE_FIELDS, Case

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
    ("filer", ("filer_name", "filer_address", "filer_phone", "filer_email", "filer_eoir_id")),
    ("notes", ("notes",)),
)
assert {f for _, fs in SECTIONS for f in fs} == set(CASE_FIELDS)


class CaseDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, taxonomy: Taxonomy, lang: str, case: Case | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit case") if case else self.tr("New case"))
        self.setObjectName("caseDialog")
        self.edits: dict[str, Any] = {}
        labels = self._labels()
        placeholders = {
            "a_number": self.tr("A123-456-789"),
            "date_of_birth": self.tr("YYYY-MM-DD"),
            "next_hearing_date": self.tr("YYYY-MM-DD"),
            "court_state": self.tr("For example: CA"),
        }
        titles = {
            "person": self.tr("The person"),
            "court": self.tr("Court and ICE office"),
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
        body_layout.addWidget(intro)
        for section, names in SECTIONS:
            box = QGroupBox(titles[section])
            form = QFormLayout(box)
            for name in names:
                if name == "detained":
                    widget: Any = QCheckBox(self.tr("Currently detained"))
                    widget.setChecked(bool(case.detained) if case else False)
                    form.addRow("", widget)
                elif name == "notes":
                    widget = QPlainTextEdit(case.notes if case else "")
                    widget.setTabChangesFocus(True)
                    widget.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
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
        self.resize(
            self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing() * 36
        )
        self.edits["name"].setFocus()

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Full &name"),
            "a_number": self.tr("&A-Number"),
            "date_of_birth": self.tr("Date of &birth"),
            "country": self.tr("Country of &citizenship"),
            "language": self.tr("Preferred &language"),
            "detained": self.tr("Detained"),
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

    def _accept(self) -> None:
        if not self.values()["name"]:
            self.error_label.setText(self.tr("Please write the person's name."))
            self.edits["name"].setFocus()
            return
        self.accept()
