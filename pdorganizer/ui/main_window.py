"""The main window: the start screen or the open vault, the menus and shortcuts, import,
export, settings, and locking (Ctrl+L or after a quiet spell)."""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from pdorganizer.core.errors import Cancelled
from pdorganizer.export.service import ExportOptions, ExportResult, export_packet
from pdorganizer.ingest.service import ImportOptions, ImportResult, import_files
from pdorganizer.resources_path import resource
from pdorganizer.ui.drafts import keep_drafts, offer_drafts
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.export_dialog import ExportDialog, ExportReport
from pdorganizer.ui.export_failure import show_export_failure
from pdorganizer.ui.file_dialogs import open_files
from pdorganizer.ui.idle import IdleWatcher
from pdorganizer.ui.import_flow import (
    IMAGE_SUFFIXES,
    PASSWORD_MESSAGE,
    ImportDialog,
    ImportReport,
    ask_pdf_password,
)
from pdorganizer.ui.keys import return_presses_buttons
from pdorganizer.ui.progress_dialog import JobRunner
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.settings_dialog import SettingsDialog
from pdorganizer.ui.shortcuts_help import show_shortcuts
from pdorganizer.ui.start_screen import StartScreen
from pdorganizer.ui.vault_actions import VaultActions
from pdorganizer.ui.window_memory import remember_window, restore_window
from pdorganizer.ui.workspace import Workspace
from pdorganizer.vault import DEFAULT_PARAMS, KdfParams, Vault

IMPORT_SUFFIXES = (*IMAGE_SUFFIXES, ".pdf")


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: AppSettings | None = None,
        kdf_params: KdfParams = DEFAULT_PARAMS,
        lang: str = "en",
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.lang = lang
        self.vault: Vault | None = None
        self.vault_path = ""
        self.job: JobRunner | None = None
        self.last_import: list[ImportResult] = []
        self._import_results: list[ImportResult] = []  # of the import running now
        self._passwords_asked: set[str] = set()
        self.last_export: ExportResult | None = None
        icon = resource("icons", "pdorganizer-256.png")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self.start = StartScreen(self.settings, kdf_params)
        self.start.vault_opened.connect(self.open_vault)
        self.workspace = Workspace()
        self.workspace.import_requested.connect(self.choose_import)
        self.workspace.case_changed.connect(self._update_actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self.setAcceptDrops(True)
        self._build_actions()
        return_presses_buttons(self.workspace)

        self.idle = IdleWatcher(self.settings.autolock_minutes, self)
        self.idle.idle.connect(self.lock)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._update_title()
        self._update_actions()
        restore_window(self, self.settings)  # as left last time, else using the screen

    # -- actions ----------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: object = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[arg-type]
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Open vault…"), self.choose_vault, QKeySequence.StandardKey.Open
        )
        self.new_vault_action = self._action(self.tr("New &vault…"), self.new_vault)
        self.import_action = self._action(
            self.tr("&Import files…"),
            self.choose_import,
            "Ctrl+I",
            self.tr("Add photos or PDF files to this case"),
        )
        self.export_action = self._action(
            self.tr("&Export packet…"),
            self.choose_export,
            "Ctrl+E",
            self.tr("Make the exhibit packet (PDF)"),
        )
        self.lock_action = self._action(
            self.tr("&Lock"), self.lock, "Ctrl+L", self.tr("Lock the vault now")
        )
        self.close_action = self._action(self.tr("&Close vault"), self.close_vault)
        self.settings_action = self._action(
            self.tr("&Settings…"), self.show_settings, QKeySequence.StandardKey.Preferences
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.new_case_action = self._action(
            self.tr("&New case…"), self.workspace.add_case, QKeySequence.StandardKey.New
        )
        self.edit_case_action = self._action(self.tr("&Edit case…"), self.workspace.edit_case)
        self.remove_case_action = self._action(self.tr("&Remove case…"), self.workspace.remove_case)
        self.find_case_action = self._action(
            self.tr("&Find a case"), self._find_case, QKeySequence.StandardKey.Find
        )
        self.merge_action = self._action(
            self.tr("&Combine selected documents"), self.workspace.merge_documents, "Ctrl+M"
        )
        self.rename_action = self._action(self.tr("Re&name"), self.rename, "F2")
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete, QKeySequence.StandardKey.Delete
        )
        self.list_action = self._action(
            self.tr("As a &list"), lambda: self.workspace.set_view_mode(0), "Ctrl+1"
        )
        self.grid_action = self._action(
            self.tr("As &pictures"), lambda: self.workspace.set_view_mode(1), "Ctrl+2"
        )
        self.about_action = self._action(self.tr("&About pdorganizer"), self.about)
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for a in (
            self.open_action,
            self.new_vault_action,
            None,
            self.import_action,
            self.export_action,
            None,
            self.lock_action,
            self.close_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        case_menu = bar.addMenu(self.tr("&Case"))
        self.case_menu = case_menu
        for a in (
            self.new_case_action,
            self.edit_case_action,
            self.remove_case_action,
            None,
            self.find_case_action,
        ):
            case_menu.addSeparator() if a is None else case_menu.addAction(a)
        doc_menu = bar.addMenu(self.tr("&Document"))
        self.doc_menu = doc_menu
        for a in (
            self.rename_action,
            self.delete_action,
            self.merge_action,
            None,
            self.list_action,
            self.grid_action,
        ):
            doc_menu.addSeparator() if a is None else doc_menu.addAction(a)
        self.vault_actions = VaultActions(self, file_menu, case_menu)  # backup, clinic
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        tools = self.addToolBar(self.tr("Main actions"))
        tools.setObjectName("mainToolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a, icon in (
            (self.new_case_action, "list-add"),
            (self.import_action, "document-open"),
            (self.export_action, "document-save"),
            (self.lock_action, "system-lock-screen"),
        ):
            if QIcon.hasThemeIcon(icon):
                a.setIcon(QIcon.fromTheme(icon))
            tools.addAction(a)
        self.toolbar = tools

    def _update_actions(self) -> None:
        is_open = self.vault is not None
        has_case = is_open and self.workspace.current_case_id() is not None
        for a in (self.lock_action, self.close_action, self.new_case_action, self.find_case_action):
            a.setEnabled(is_open)
        for a in (
            self.import_action,
            self.export_action,
            self.edit_case_action,
            self.remove_case_action,
            self.rename_action,
            self.delete_action,
            self.list_action,
            self.grid_action,
        ):
            a.setEnabled(has_case)
        self.toolbar.setVisible(is_open)
        self.case_menu.menuAction().setVisible(is_open)
        self.doc_menu.menuAction().setVisible(is_open)
        self.vault_actions.update(is_open, has_case)
        self.workspace.setEnabled(is_open)

    def _update_title(self) -> None:
        if self.vault is not None:
            self.setWindowTitle(f"{os.path.basename(self.vault_path)} — pdorganizer")
        elif self.vault_path:
            self.setWindowTitle(self.tr("Locked") + " — pdorganizer")
        else:
            self.setWindowTitle("pdorganizer")

    # -- vault ------------------------------------------------------------------------
    def open_vault(self, vault: Vault) -> None:
        if self.vault is not None and self.vault is not vault:
            self.vault.close()
        self.vault = vault
        self.vault_path = str(vault.path)
        self.workspace.set_vault(vault, self.lang)
        self.stack.setCurrentWidget(self.workspace)
        self.idle.set_minutes(self.settings.autolock_minutes)
        self.idle.start()
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Vault unlocked."), 4000)
        self.vault_actions.opened()
        if self.workspace.current_case_id() is None:
            self.workspace.new_case_button.setFocus()
        else:
            self.workspace.doc_table.setFocus()
        offer_drafts(self, vault)  # what the last lock kept of an open form

    def lock(self) -> None:
        """Close the vault and drop everything the window shows of it."""
        if self.vault is None:
            return
        self._drop_vault()
        self.start.show_unlock(self.vault_path, locked=True)
        self.stack.setCurrentWidget(self.start)
        self._update_title()
        self._update_actions()

    def close_vault(self) -> None:
        if self.vault is None:
            return
        self._drop_vault()
        self.vault_path = ""
        self.vault_actions.closed()
        self.start.show_welcome()
        self.stack.setCurrentWidget(self.start)
        self._update_title()
        self._update_actions()

    def _drop_vault(self) -> None:
        self.idle.stop()
        if self.job is not None:
            if self.job.task is not None:
                self.job.task.cancel()  # its outcome is dropped, not shown over the lock
            self.job._close()
            self.job = None
        if self.vault is not None:
            keep_drafts(self, self.vault)  # open forms keep what was typed, in the vault
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.workspace.clear()
        self.last_import = []
        self.last_export = None
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()
        self.statusBar().clearMessage()
        gc.collect()

    def choose_vault(self) -> None:
        if self.job is not None:
            return
        self.close_vault()
        self.start.choose_vault()

    def new_vault(self) -> None:
        if self.job is not None:
            return
        self.close_vault()
        self.start.show_create()

    def _find_case(self) -> None:
        self.workspace.case_filter.setFocus()
        self.workspace.case_filter.selectAll()

    # -- commands that depend on focus ------------------------------------------------
    def rename(self) -> None:
        focus = QApplication.focusWidget()
        if focus is self.workspace.case_view:
            self.workspace.edit_case()
        elif focus is self.workspace.exhibits_panel.view:
            view = self.workspace.exhibits_panel.view
            if view.currentIndex().isValid():
                view.edit(view.currentIndex())
        else:
            self.workspace.rename_document()

    def delete(self) -> None:
        focus = QApplication.focusWidget()
        if focus is self.workspace.case_view:
            self.workspace.remove_case()
        elif focus in (self.workspace.doc_table, self.workspace.doc_grid):
            self.workspace.delete_documents()

    # -- import -----------------------------------------------------------------------
    def choose_import(self) -> None:
        if self.vault is None or self.workspace.current_case_id() is None or self.job:
            return
        patterns = " ".join(f"*{s}" for s in IMPORT_SUFFIXES)
        paths = open_files(
            self,
            self.tr("Choose photos or PDF files"),
            os.path.expanduser("~"),
            self.tr("Photos and PDF files (%1);;All files (*)").replace("%1", patterns),
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str], *, as_one: bool | None = None) -> None:
        """Import `paths` into the selected case; asks about combining unless `as_one`."""
        case_id = self.workspace.current_case_id()
        if self.vault is None or case_id is None or not paths or self.job is not None:
            return
        paths = list(paths)
        if as_one is None:
            dialog = ImportDialog(self, paths)
            try:
                if not dialog.exec() or self.vault is None:
                    return
                as_one = dialog.combine.isChecked()
            finally:
                dialog.deleteLater()
        self._import_results = []
        self._passwords_asked: set[str] = set()
        self._run_import(case_id, paths, ImportOptions(as_one=bool(as_one)))

    def _run_import(self, case_id: int, paths: list[str], options: ImportOptions) -> None:
        options.clean = "auto" if self.settings.clean_photos else "off"
        self.job = JobRunner(self, self.tr("Importing"), self.tr("Adding the files to the vault…"))
        self.job.start(
            import_files,
            self.vault,
            case_id,
            paths,
            options,
            on_result=lambda results: self._imported(case_id, results),
            on_error=self._import_failed,
        )

    def _imported(self, case_id: int, results: list[ImportResult]) -> None:
        self.job = None
        # A retry (with a PDF password) replaces that file's earlier result.
        retried = {r.path for r in results}
        self._import_results = [r for r in self._import_results if r.path not in retried]
        self._import_results += results
        for result in self._import_results:
            if result.status == "failed" and result.message == PASSWORD_MESSAGE:
                if result.path in self._passwords_asked or self.vault is None:
                    continue
                self._passwords_asked.add(result.path)
                password = ask_pdf_password(self, result.path)
                if password:
                    self._run_import(case_id, [result.path], ImportOptions(pdf_password=password))
                    return
        self._import_done(self._import_results)

    def _import_done(self, results: list[ImportResult]) -> None:
        self._import_results = []
        if self.vault is None:  # locked meanwhile: nothing about the files may show
            return
        self.last_import = list(results)
        first = next((r.document_id for r in results if r.status == "imported"), None)
        self.workspace.reload_documents(select=first)
        self._update_actions()
        if any(r.status != "imported" for r in results):
            titles = {d.id: d.title for d in self.workspace.doc_model.documents()}
            ImportReport(self, results, titles).open()
        else:
            docs = len({r.document_id for r in results})
            self.statusBar().showMessage(self.tr("%n document(s) added.", "", docs), 8000)

    def _import_failed(self, exc: BaseException) -> None:
        self.job = None
        self.last_import = self._import_results + list(getattr(exc, "results", []))
        self._import_results = []
        self.workspace.reload_documents()
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(
                self.tr("Import stopped. Files imported before you pressed Cancel are kept."), 8000
            )
        else:
            show_error(self, exc, "import")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._droppable(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: object) -> None:  # type: ignore[override]
        event.acceptProposedAction()  # type: ignore[attr-defined]

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._droppable(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def _droppable(self, urls: Sequence[object]) -> list[str]:
        if self.vault is None or self.workspace.current_case_id() is None or self.job:
            return []
        paths: list[str] = []
        for url in urls:
            if not url.isLocalFile():  # type: ignore[attr-defined]
                continue
            path = url.toLocalFile()  # type: ignore[attr-defined]
            if os.path.isdir(path):
                for root, _dirs, files in sorted(os.walk(path)):
                    paths += [
                        os.path.join(root, f)
                        for f in sorted(files)
                        if f.lower().endswith(IMPORT_SUFFIXES)
                    ]
            elif os.path.isfile(path):
                paths.append(path)
        return paths

    # -- export -----------------------------------------------------------------------
    def choose_export(self) -> None:
        case_id = self.workspace.current_case_id()
        if self.vault is None or case_id is None or self.job is not None:
            return
        count = self.workspace.exhibits_panel.model.rowCount()
        if count == 0:
            QMessageBox.information(
                self,
                self.tr("Nothing to export yet"),
                self.tr("Import at least one document into this case first."),
            )
            return
        dialog = ExportDialog(
            self,
            self.workspace.current_case_name(),
            self.settings.export_defaults(),
            count,
            vault=self.vault,
            case_id=case_id,
        )
        try:
            if not dialog.exec() or self.vault is None:
                return
            output, options = dialog.output(), dialog.options()
        finally:
            dialog.deleteLater()
        self.export_to(output, options)

    def export_to(self, output: str, options: ExportOptions) -> None:
        case_id = self.workspace.current_case_id()
        if self.vault is None or case_id is None or self.job is not None:
            return
        self.job = JobRunner(self, self.tr("Exporting"), self.tr("Making the exhibit packet…"))
        self.job.start(
            export_packet,
            self.vault,
            case_id,
            output,
            options,
            on_result=self._exported,
            on_error=self._export_failed,
        )

    def _exported(self, result: ExportResult) -> None:
        self.job = None
        self.last_export = result
        ExportReport(self, result).open()

    def _export_failed(self, exc: BaseException) -> None:
        self.job = None
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Export stopped; no packet was written."), 8000)
        else:  # a damaged stored file: offer to open its document
            show_export_failure(self, exc, self.workspace.select_document)

    # -- settings and help ------------------------------------------------------------
    def show_settings(self) -> None:
        dialog = SettingsDialog(self, self.settings)
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.idle.set_minutes(self.settings.autolock_minutes)
            if self.vault is not None:
                self.idle.start()
            self.start.refresh_recent()

    def about(self) -> None:
        from pdorganizer import __version__

        QMessageBox.about(
            self,
            self.tr("About pdorganizer"),
            self.tr(
                "<b>pdorganizer %1</b><p>Organises the evidence for a request "
                "for prosecutorial discretion and makes an indexed exhibit "
                "packet.</p><p>Everything stays on this computer, in an "
                "encrypted vault. The program never connects to the "
                "internet.</p><p>This program does not give legal advice.</p>"
            ).replace("%1", __version__),
        )

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    # -- shutdown ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Quit"),
                self.tr("Work is still running. Stop it and quit?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        remember_window(self, self.settings)
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        if self.vault is not None:
            self._drop_vault()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
