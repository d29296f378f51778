"""The Request tab: the letter editor and the declaration, for the selected case."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pdorganizer.ui.declaration_panel import DeclarationPanel
from pdorganizer.ui.letter_editor import LetterEditor
from pdorganizer.vault import Vault


class RequestPanel(QWidget):
    documents_changed = Signal()  # the declaration became (or changed) a case document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter = LetterEditor()
        self.declaration = DeclarationPanel()
        self.declaration.saved.connect(self.documents_changed)
        self.declaration.saved.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("requestTabs")
        self.tabs.addTab(self.letter, self.tr("Letter"))
        self.tabs.addTab(self.declaration, self.tr("Declaration"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_export_options(self, options) -> None:
        """The label style the letter's citations are shown with (the export defaults)."""
        self.letter.export_options = options

    def load(self, vault: Vault | None, case_id: int | None) -> None:
        if vault is not None and case_id == self.letter.case_id and vault is self.letter.vault:
            self.refresh()  # same case: keep the cursor and the undo history
        else:
            self.letter.load(vault, case_id)
        if case_id != self.declaration.case_id or vault is not self.declaration.vault:
            self.declaration.load(vault, case_id)

    def refresh(self) -> None:
        self.letter.refresh()

    def clear(self) -> None:
        self.letter.flush()
        self.letter.clear()
        self.declaration.clear()
