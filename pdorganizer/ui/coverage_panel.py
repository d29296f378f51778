"""The coverage panel: every factor, how many documents support it, and what is missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.checks.context import load_case
from pdorganizer.checks.profile_checks import missing_core_parts
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.models import CoverageModel
from pdorganizer.ui.models.coverage import CORE_MISSING, URGENT, coverage_rows
from pdorganizer.vault import Vault


class CoveragePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.model = CoverageModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("coverageSummary")
        self.view = QTableView()
        self.view.setObjectName("coverageView")
        self.view.setAccessibleName(self.tr("Coverage of the factors"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # Factor names and advice share the width and wrap, so neither is cut ("Muchos
        # años en E..."), in any language; rows grow to fit.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def load(self, vault: Vault | None, case_id: int | None) -> None:
        if vault is None or case_id is None:
            self.clear()
            return
        try:
            taxonomy = vault.factors.taxonomy()
            counts = vault.cases.coverage(case_id)
            claimed = vault.cases.get(case_id).claimed_factors
            core = missing_core_parts(load_case(vault, case_id, pages=False))
        except Exception as exc:
            show_error(self, exc, "coverage")
            self.clear()
            return
        rows = coverage_rows(taxonomy, counts, claimed, self.lang, core)
        self.model.set_rows(rows)
        urgent = sum(1 for r in rows if r.status in URGENT and r.status != CORE_MISSING)
        supported = sum(1 for r in rows if r.count and r.kind == "positive")
        text = self.tr("%n factor(s) in the person's favour have documents.", "", supported)
        if urgent:
            text += " " + self.tr("%n point(s) marked in orange need more evidence.", "", urgent)
        if core:
            missing = self.tr("%n part(s) every request needs are missing.", "", len(core))
            text += " " + missing
        self.summary.setText(text)

    def clear(self) -> None:
        self.model.clear()
        self.summary.clear()
