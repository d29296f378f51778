"""The open vault: cases on the left, the case's documents and the page preview in the
middle, and on the right the selected document, the coverage and the exhibits.

`clear()` drops every record, picture and cache the UI holds (used on lock)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.models import Document
from pdorganizer.ui.case_dialog import CaseDialog
from pdorganizer.ui.coverage_panel import CoveragePanel
from pdorganizer.ui.delegates import KeepTypingDelegate
from pdorganizer.ui.document_panel import DocumentPanel
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.exhibits_panel import ExhibitsPanel
from pdorganizer.ui.keys import clear_on_escape
from pdorganizer.ui.models import CaseListModel, DocumentTableModel
from pdorganizer.ui.models.cases import empty_list_text
from pdorganizer.ui.preflight_panel import install_preflight
from pdorganizer.ui.preview import PreviewPanel
from pdorganizer.ui.request_panel import RequestPanel
from pdorganizer.ui.thumbnails import ThumbnailCache
from pdorganizer.vault import Vault


class Workspace(QWidget):
    case_changed = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.lang = "en"
        self.thumbnails = ThumbnailCache(self)
        self.case_model = CaseListModel(self)
        self.doc_model = DocumentTableModel(self)
        self.doc_model.thumbnails = self.thumbnails
        self.doc_model.rename = self._rename_document
        self.thumbnails.ready.connect(self.doc_model.thumbnail_ready)

        # -- cases --
        cases_label = QLabel(self.tr("<b>Cases</b>"))
        self.case_view = QListView()
        self.case_view.setObjectName("caseView")
        self.case_view.setAccessibleName(self.tr("Cases"))
        self.case_view.setModel(self.case_model)
        self.case_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_view.selectionModel().currentChanged.connect(lambda *_: self._case_selected())
        self.case_view.activated.connect(lambda _i: self.edit_case())
        cases_label.setBuddy(self.case_view)
        self.case_filter = QLineEdit()
        self.case_filter.setPlaceholderText(self.tr("Find a case (Ctrl+F)"))
        self.case_filter.setAccessibleName(self.tr("Find a case by name or A-Number"))
        self.case_filter.setClearButtonEnabled(True)
        self.case_filter.textChanged.connect(self._filter_cases)
        self.case_filter.returnPressed.connect(self.case_view.setFocus)
        clear_on_escape(self.case_filter)
        self.new_case_button = QPushButton(self.tr("&New case…"))
        self.new_case_button.setAccessibleName(self.tr("New case"))
        self.new_case_button.clicked.connect(self.add_case)
        self.edit_case_button = QPushButton(self.tr("Edit…"))
        self.edit_case_button.setAccessibleName(self.tr("Edit case"))
        self.edit_case_button.clicked.connect(self.edit_case)
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(self.new_case_button)
        case_buttons.addWidget(self.edit_case_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(cases_label)
        left_layout.addWidget(self.case_filter)
        left_layout.addWidget(self.case_view, 1)
        left_layout.addLayout(case_buttons)

        # -- documents --
        self.case_title = QLabel()
        self.case_title.setObjectName("caseTitle")
        self.case_title.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import files…"))
        self.import_button.setAccessibleName(self.tr("Import files"))
        self.import_button.clicked.connect(self.import_requested)
        self.list_button = QPushButton(self.tr("List"))
        self.grid_button = QPushButton(self.tr("Pictures"))
        mode_group = QButtonGroup(self)
        for i, b in enumerate((self.list_button, self.grid_button)):
            b.setCheckable(True)
            b.setAccessibleName(
                self.tr("Show documents as a list")
                if i == 0
                else self.tr("Show documents as pictures")
            )
            mode_group.addButton(b, i)
        self.list_button.setChecked(True)
        mode_group.idClicked.connect(self.set_view_mode)
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(self.list_button)
        head.addWidget(self.grid_button)
        head.addWidget(self.import_button)

        self.doc_table = QTableView()
        self.doc_table.setObjectName("documentTable")
        self.doc_table.setAccessibleName(self.tr("Documents"))
        self.doc_table.setModel(self.doc_model)
        self.doc_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doc_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.doc_table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.doc_table.verticalHeader().hide()
        self.doc_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.doc_table.setIconSize(QSize(32, 32))
        self.doc_table.verticalHeader().setDefaultSectionSize(
            max(36, self.fontMetrics().lineSpacing() + 12)
        )
        header = self.doc_table.horizontalHeader()
        # The title keeps a readable width; "Supports" (last) takes what is left.
        char = self.fontMetrics().averageCharWidth()
        for col, chars in ((0, 28), (1, 16)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, char * chars)
        # Date and pages: as wide as their header (in any language) or widest value needs;
        # measured once, since ResizeToContents would re-measure on every change.
        metrics = header.fontMetrics()
        for col, widest in ((2, "0000-00-00"), (3, "0000")):
            title = str(self.doc_model.headerData(col, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(widest))
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width + char * 2)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(char * 5)
        self.doc_table.setWordWrap(False)
        self.doc_grid = QListView()
        self.doc_grid.setObjectName("documentGrid")
        self.doc_grid.setAccessibleName(self.tr("Documents as pictures"))
        self.doc_grid.setModel(self.doc_model)
        self.doc_grid.setSelectionModel(self.doc_table.selectionModel())
        self.doc_grid.setViewMode(QListView.ViewMode.IconMode)
        self.doc_grid.setIconSize(QSize(140, 140))
        self.doc_grid.setGridSize(QSize(180, 200))
        self.doc_grid.setUniformItemSizes(True)
        self.doc_grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.doc_grid.setMovement(QListView.Movement.Static)
        self.doc_grid.setWordWrap(True)
        self.doc_grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.doc_grid.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        for view in (self.doc_table, self.doc_grid):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._document_menu(v, pos))
        self._delegate = KeepTypingDelegate(self)
        self.doc_table.setItemDelegate(self._delegate)
        self.doc_grid.setItemDelegate(self._delegate)
        self.doc_stack = QStackedWidget()
        self.empty_docs = QLabel()
        self.empty_docs.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_docs.setWordWrap(True)
        self.empty_docs.setObjectName("emptyDocuments")
        self.doc_stack.addWidget(self.doc_table)
        self.doc_stack.addWidget(self.doc_grid)
        self.doc_stack.addWidget(self.empty_docs)
        self.doc_table.selectionModel().selectionChanged.connect(lambda *_: self._doc_selected())
        self.doc_table.selectionModel().currentChanged.connect(lambda *_: self._doc_selected())

        self.preview = PreviewPanel()
        self.preview.setAccessibleName(self.tr("Page preview"))  # F1 says where keys work
        self.preview.page_rotated.connect(self.thumbnails.invalidate)
        docs_box = QWidget()
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.addWidget(self.case_title)
        docs_layout.addLayout(head)
        docs_layout.addWidget(self.doc_stack, 1)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.setObjectName("documentSplitter")  # its position is remembered
        middle.addWidget(docs_box)
        middle.addWidget(self.preview)
        middle.setStretchFactor(0, 1)
        middle.setStretchFactor(1, 2)
        line = self.fontMetrics().lineSpacing()
        middle.setSizes([line * 20, line * 24])

        # -- right --
        self.document_panel = DocumentPanel()
        self.document_panel.document_changed.connect(self._document_changed)
        self.doc_model.kind_labels = self.document_panel.kind_names()
        self.coverage_panel = CoveragePanel()
        self.exhibits_panel = ExhibitsPanel()
        self.request_panel = RequestPanel()  # the letter and the declaration
        self.exhibits_panel.model.changed.connect(self.request_panel.refresh)
        self.request_panel.documents_changed.connect(self.reload_documents)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.addTab(self.document_panel, self.tr("Docu&ment"))
        self.tabs.addTab(self.coverage_panel, self.tr("Co&verage"))
        self.tabs.addTab(self.exhibits_panel, self.tr("E&xhibits"))
        self.tabs.addTab(self.request_panel, self.tr("Re&quest"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")  # its position is remembered
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        char = self.fontMetrics().averageCharWidth()
        splitter.setSizes([char * 26, char * 70, char * 50])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.preflight_panel = install_preflight(self)  # the "Ready to file?" tab
        self._update_empty_state()

    # -- vault ------------------------------------------------------------------------
    def set_vault(self, vault: Vault, lang: str) -> None:
        self.clear()
        self.vault, self.lang = vault, lang
        self.thumbnails.set_vault(vault)
        self.preview.vault = vault
        self.document_panel.vault = vault
        self.document_panel.lang = lang
        self.coverage_panel.lang = lang
        self.document_panel.set_taxonomy(vault.factors.taxonomy())
        self.reload_cases()
        if self.case_model.rowCount():
            self.select_case(self.case_model.case_at(0).id)  # type: ignore[union-attr]

    def clear(self) -> None:
        """Forget the vault and drop everything shown: records, pictures, caches."""
        self.vault = None
        self.thumbnails.set_vault(None)
        self.preview.clear()
        self.preview.vault = None
        self.document_panel.clear()
        self.document_panel.vault = None
        self.document_panel.set_taxonomy(None)
        self.coverage_panel.clear()
        self.exhibits_panel.clear()
        self.request_panel.clear()
        self.doc_model.clear()
        self.case_model.clear()
        self.case_title.clear()
        self.case_filter.blockSignals(True)
        self.case_filter.clear()
        self.case_filter.blockSignals(False)
        self._update_empty_state()

    # -- cases ------------------------------------------------------------------------
    def reload_cases(self) -> None:
        if self.vault is None:
            return
        current = self.current_case_id()
        self.case_model.set_cases(self.vault.cases.list())
        if current is not None and self.case_model.row_of(current) >= 0:
            self.select_case(current)
        else:
            self._case_selected()

    def _filter_cases(self, text: str) -> None:
        current = self.current_case_id()
        self.case_model.set_filter(text)
        if current is not None and self.case_model.row_of(current) >= 0:
            self.select_case(current)
        elif self.case_model.rowCount():
            self.select_case(self.case_model.case_at(0).id)  # type: ignore[union-attr]
        else:
            self._case_selected()

    def select_case(self, case_id: int) -> None:
        row = self.case_model.row_of(case_id)
        if row >= 0:
            self.case_view.setCurrentIndex(self.case_model.index(row, 0))
            self._case_selected()

    def current_case_id(self) -> int | None:
        case = self.case_model.case_at(self.case_view.currentIndex().row())
        return case.id if case else None

    def current_case_name(self) -> str:
        case = self.case_model.case_at(self.case_view.currentIndex().row())
        return case.name if case else ""

    def _case_selected(self) -> None:
        case_id = self.current_case_id()
        self.case_title.setText(f"<h3>{_escape(self.current_case_name())}</h3>" if case_id else "")
        self.edit_case_button.setEnabled(case_id is not None)
        self.import_button.setEnabled(case_id is not None)
        self.reload_documents()
        self.case_changed.emit()

    def add_case(self) -> None:
        if self.vault is None:
            return
        dialog = CaseDialog(self, self.vault.factors.taxonomy(), self.lang)
        try:  # the dialog holds the case's data: it must not outlive this call
            if not dialog.exec() or self.vault is None:
                return
            values, claimed = dialog.values(), dialog.claimed_factors()
        finally:
            dialog.deleteLater()
        try:
            case = self.vault.cases.add(values.pop("name"), **values)
            self.vault.cases.set_claimed_factors(case.id, claimed)
        except Exception as exc:
            show_error(self, exc, "add case")
            return
        self.reload_cases()
        self.select_case(case.id)

    def edit_case(self) -> None:
        case_id = self.current_case_id()
        if self.vault is None or case_id is None:
            return
        try:
            case = self.vault.cases.get(case_id)
        except Exception as exc:
            show_error(self, exc, "edit case")
            return
        dialog = CaseDialog(self, self.vault.factors.taxonomy(), self.lang, case)
        del case
        try:
            if not dialog.exec() or self.vault is None:
                return
            values, claimed = dialog.values(), dialog.claimed_factors()
        finally:
            dialog.deleteLater()
        try:
            self.vault.cases.update(case_id, **values)
            self.vault.cases.set_claimed_factors(case_id, claimed)
        except Exception as exc:
            show_error(self, exc, "edit case")
            return
        self.reload_cases()

    def remove_case(self) -> None:
        case_id = self.current_case_id()
        if self.vault is None or case_id is None:
            return
        n = self.doc_model.rowCount()
        answer = QMessageBox.question(
            self,
            self.tr("Remove case"),
            self.tr(
                (
                    "Remove the case of %1 and its %n document(s) from the vault? "
                    "This cannot be undone."
                ),
                "",
                n,
            ).replace("%1", self.current_case_name()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.vault.cases.delete(case_id)
        except Exception as exc:
            show_error(self, exc, "remove case")
            return
        self.reload_cases()
        if self.case_model.rowCount():
            self.select_case(self.case_model.case_at(0).id)  # type: ignore[union-attr]

    # -- documents --------------------------------------------------------------------
    def reload_documents(self, select: int | None = None) -> None:
        case_id = self.current_case_id()
        keep = select if select is not None else self.current_document_id()
        if self.vault is None or case_id is None:
            self.doc_model.clear()
            self.thumbnails.clear()
        else:
            try:
                docs = self.vault.documents.list(case_id)
                taxonomy = self.vault.factors.taxonomy()
            except Exception as exc:
                show_error(self, exc, "load documents")
                docs, taxonomy = [], None
            labels = (
                {f.id: f.text("label", self.lang) for f in taxonomy.factors} if taxonomy else {}
            )
            self.doc_model.set_documents(docs, labels)
        self.coverage_panel.load(self.vault, case_id)
        self.exhibits_panel.load(self.vault, case_id)
        self.request_panel.load(self.vault, case_id)
        if keep is not None and self.doc_model.row_of(keep) >= 0:
            self.select_document(keep)
        else:
            self._doc_selected()
        self._update_empty_state()

    def select_document(self, doc_id: int) -> None:
        row = self.doc_model.row_of(doc_id)
        if row >= 0:
            self.doc_table.selectionModel().setCurrentIndex(
                self.doc_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_document_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.doc_table.selectionModel().selectedRows()})
        return [d.id for r in rows if (d := self.doc_model.document_at(r)) is not None]

    def current_document_id(self) -> int | None:
        ids = self.selected_document_ids()
        if len(ids) == 1:
            return ids[0]
        doc = self.doc_model.document_at(self.doc_table.currentIndex().row())
        return doc.id if doc and not ids else (ids[0] if ids else None)

    def _doc_selected(self) -> None:
        doc_id = self.current_document_id()
        doc = self.doc_model.document_at(self.doc_model.row_of(doc_id)) if doc_id else None
        others = [(d.id, d.title) for d in self.doc_model.documents()]
        if doc is None or doc.id != (
            self.document_panel.document().id if self.document_panel.document() else None
        ):
            self.preview.show_document(doc.id if doc else None)
        self.document_panel.show_document(doc, others)

    def _document_changed(self, doc: Document) -> None:
        self.doc_model.update_document(doc)
        case_id = self.current_case_id()
        self.coverage_panel.load(self.vault, case_id)
        self.exhibits_panel.reload()
        self.request_panel.refresh()

    def _rename_document(self, doc_id: int, title: str) -> Document | None:
        if self.vault is None:
            return None
        try:
            doc = self.vault.documents.update(doc_id, title=title)
        except Exception as exc:
            show_error(self, exc, "rename document")
            return None
        if self.document_panel.document() and self.document_panel.document().id == doc_id:
            self.document_panel.show_document(
                doc, [(d.id, d.title) for d in self.doc_model.documents()]
            )
        self.exhibits_panel.reload()
        return doc

    def rename_document(self) -> None:
        view = self.doc_stack.currentWidget()
        doc_id = self.current_document_id()
        if doc_id is None or not isinstance(view, QAbstractItemView):
            return
        index = self.doc_model.index(self.doc_model.row_of(doc_id), 0)
        view.setCurrentIndex(index)
        view.edit(index)

    def merge_documents(self) -> None:
        """Combine the selected documents into the first of them (its pages first)."""
        ids = self.selected_document_ids()
        if self.vault is None or len(ids) < 2:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Combine documents"),
            self.tr(
                "Combine these %n documents into one? Their pages are kept, in list order; "
                "the document keeps the first one's title.",
                "",
                len(ids),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            merged = self.vault.documents.merge(ids)
        except Exception as exc:
            show_error(self, exc, "merge documents")
            return
        self.preview.clear()
        self.reload_documents(select=merged.id)
        self.thumbnails.invalidate(merged.id)

    def _document_menu(self, view: QAbstractItemView, pos: object) -> None:
        window = self.window()
        names = ("rename_action", "delete_action", "merge_action")
        actions = [getattr(window, n) for n in names if hasattr(window, n)]
        if not actions or not self.selected_document_ids():
            return
        menu = QMenu(self)
        for action in actions:
            menu.addAction(action)
        menu.exec(view.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def delete_documents(self) -> None:
        ids = self.selected_document_ids()
        if self.vault is None or not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete documents"),
            self.tr("Delete %n document(s) from this case? This cannot be undone.", "", len(ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for doc_id in ids:
            try:
                self.vault.documents.delete(doc_id)
            except Exception as exc:
                show_error(self, exc, "delete document")
                break
        self.preview.clear()
        self.reload_documents()

    def set_view_mode(self, mode: int) -> None:
        (self.grid_button if mode == 1 else self.list_button).setChecked(True)
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.vault is None:
            text = ""
        elif self.current_case_id() is None:
            text = empty_list_text(self.case_model)
        else:
            text = self.tr(
                "No documents yet.\n\nDrag photos or PDF files here from your "
                "folders,\nor click “Import files…”."
            )
        empty = (
            self.vault is None or self.current_case_id() is None or self.doc_model.rowCount() == 0
        )
        self.empty_docs.setText(text)
        if empty:
            self.doc_stack.setCurrentWidget(self.empty_docs)
        else:
            self.doc_stack.setCurrentWidget(
                self.doc_grid if self.grid_button.isChecked() else self.doc_table
            )
        self.list_button.setEnabled(not empty)
        self.grid_button.setEnabled(not empty)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
