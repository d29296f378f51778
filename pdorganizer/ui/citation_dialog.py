"""Insert citation: pick an exhibit's document, and optionally its pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.request.tokens import Citation, PageMap, make, resolve
from pdorganizer.vault import Vault

DOC_ROLE = Qt.ItemDataRole.UserRole


class CitationDialog(QDialog):
    def __init__(self, parent: QWidget | None, vault: Vault, case_id: int, places: PageMap):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert citation"))
        self.places = places
        self.tree = QTreeWidget()
        self.tree.setObjectName("citationTree")
        self.tree.setAccessibleName(self.tr("Exhibits and documents"))
        self.tree.setHeaderLabels([self.tr("Exhibit or document"), self.tr("Pages")])
        docs = {d.id: d for d in vault.documents.list(case_id)}
        self.page_counts: dict[int, int] = {}
        for ex in vault.exhibits.effective(case_id) if docs else []:
            top = QTreeWidgetItem([self.tr("Exhibit %1: %2").replace("%1", ex.letter).replace(
                "%2", ex.description), ""])  # fmt: skip
            self.tree.addTopLevelItem(top)
            for doc_id in ex.document_ids:
                doc = docs[doc_id]
                self.page_counts[doc_id] = doc.page_count
                item = QTreeWidgetItem([doc.title, str(doc.page_count)])
                item.setData(0, DOC_ROLE, doc_id)
                top.addChild(item)
            if len(ex.document_ids) == 1:  # picking the exhibit picks its document
                top.setData(0, DOC_ROLE, ex.document_ids[0])
            top.setExpanded(True)
        self.tree.currentItemChanged.connect(self._picked)
        self.pages_box = QCheckBox(self.tr("Cite particular pages"))
        self.pages_box.toggled.connect(self._update)
        self.first = QSpinBox()
        self.first.setAccessibleName(self.tr("From page"))
        self.last = QSpinBox()
        self.last.setAccessibleName(self.tr("To page"))
        self.first.valueChanged.connect(self._update)
        self.last.valueChanged.connect(self._update)
        self.preview = QLabel()
        self.preview.setObjectName("citationPreview")
        form = QFormLayout()
        form.addRow(self.tr("From page of the document:"), self.first)
        form.addRow(self.tr("To page:"), self.last)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.pages_box)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first.child(0) or first)
        self._update()
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.sizeHint().height())

    def _doc_id(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, DOC_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _picked(self, *_args) -> None:
        doc_id = self._doc_id()
        count = self.page_counts.get(doc_id, 1) if doc_id is not None else 1
        for spin in (self.first, self.last):
            spin.blockSignals(True)
            spin.setRange(1, max(count, 1))
            spin.blockSignals(False)
        self.first.setValue(1)
        self.last.setValue(1)
        self._update()

    def citation(self) -> Citation | None:
        doc_id = self._doc_id()
        if doc_id is None:
            return None
        if not self.pages_box.isChecked():
            return make(doc_id)
        first, last = self.first.value(), max(self.first.value(), self.last.value())
        return make(doc_id, first, last if last != first else None)

    def _update(self, *_args) -> None:
        on = self.pages_box.isChecked()
        self.first.setEnabled(on)
        self.last.setEnabled(on)
        if on and self.last.value() < self.first.value():
            self.last.setValue(self.first.value())
        cite = self.citation()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(cite is not None)
        if cite is None:
            self.preview.setText(self.tr("Pick a document."))
        else:
            self.preview.setText(self.tr("In the packet: %1").replace(
                "%1", resolve(cite, self.places).text))  # fmt: skip
