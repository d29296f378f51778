"""Clinic flows in the app: hand a case to its person in a vault of its own (with a
generated passphrase and the printable sheet), take a client's file back, and remove a
client from this laptop. The work is done by pdorganizer.vault.handoff / .wipe on the
heavy worker; these dialogs only ask and report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core import passphrase_words
from pdorganizer.core.errors import WrongPassphrase
from pdorganizer.core.progress import Progress
from pdorganizer.ui.clinic_start import neutral_vault_name
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.file_dialogs import open_file, save_file
from pdorganizer.ui.progress_dialog import JobRunner
from pdorganizer.ui.vault_actions import show_message
from pdorganizer.vault import VAULT_SUFFIX, Vault
from pdorganizer.vault.handoff import HandoffResult, MergeReport, hand_off, merge
from pdorganizer.vault.wipe import WipeResult, backups_holding, wipe_case

if TYPE_CHECKING:
    from pdorganizer.ui.main_window import MainWindow

MIN_LENGTH = 8


def _big(label: QLabel, scale: float = 1.8) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


# -- jobs (heavy worker; JobRunner passes `progress`) ------------------------------------
def _handoff_job(vault: Vault, case_id: int, path: str, passphrase: str, params, progress):
    return hand_off(vault, case_id, path, passphrase, params=params, progress=progress)


def _merge_job(vault: Vault, path: str, passphrase: str, progress: Progress) -> MergeReport:
    return merge(vault, path, passphrase, progress=progress)


def _wipe_job(vault: Vault, case_id: int, remove: list[Path], progress: Progress) -> WipeResult:
    return wipe_case(vault, case_id, remove_backups=remove, progress=progress)


class HandoffDialog(QDialog):
    """Where to write the person's own vault, and its passphrase: six generated words
    (shown large, to read out and copy) or one the person types."""

    def __init__(self, parent: QWidget | None, case_name: str, folder: str, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("handoffDialog")
        self.setWindowTitle(self.tr("Give %1 their own vault").replace("%1", case_name))
        intro = QLabel(
            self.tr(
                "A new vault file is made that holds only this case, with all its "
                "documents, locked with a passphrase for this person. Put it on their "
                "USB stick or phone; they can open it with pdorganizer and bring it to "
                "the next clinic."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(neutral_vault_name(folder, self.tr("Client")))
        self.path.setAccessibleName(self.tr("Where to save the new vault"))
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.generated = QRadioButton(self.tr("&Make up six words for the person"))
        self.typed = QRadioButton(self.tr("The person &types a passphrase"))
        self.generated.setChecked(True)
        self.lang = QComboBox()
        self.lang.addItem(self.tr("English words"), "en")
        self.lang.addItem(self.tr("Spanish words"), "es")
        self.lang.setCurrentIndex(max(0, self.lang.findData(lang)))
        self.lang.setAccessibleName(self.tr("Language of the words"))
        self.words = _big(QLabel())
        self.words.setObjectName("generatedWords")
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setWordWrap(True)
        self.words.setAccessibleName(self.tr("Generated passphrase"))
        again = QPushButton(self.tr("&Other words"))
        again.clicked.connect(self.regenerate)
        self.lang.currentIndexChanged.connect(self.regenerate)
        word_row = QHBoxLayout()
        word_row.addWidget(self.lang)
        word_row.addWidget(again)
        word_row.addStretch(1)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit, name in ((self.first, self.tr("Passphrase")), (self.second, self.tr("Repeat"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
        self.typed_box = QWidget()
        typed_form = QFormLayout(self.typed_box)
        typed_form.addRow(self.tr("&Passphrase:"), self.first)
        typed_form.addRow(self.tr("&Repeat it:"), self.second)
        self.generated.toggled.connect(self._mode)
        form = QFormLayout()
        save_label = QLabel(self.tr("&Save as:"))
        save_label.setBuddy(self.path)
        form.addRow(save_label, path_row)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write the file"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.generated)
        layout.addLayout(word_row)
        layout.addWidget(self.words)
        layout.addWidget(self.typed)
        layout.addWidget(self.typed_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.regenerate()
        self._mode(True)

    def regenerate(self) -> None:
        self.words.setText(passphrase_words.generate(6, str(self.lang.currentData())))

    def _mode(self, generated: bool) -> None:
        for w in (self.lang, self.words):
            w.setEnabled(generated)
        self.typed_box.setEnabled(not generated)

    def _browse(self) -> None:
        path = save_file(
            self,
            self.tr("Save the client's vault as"),
            self.path.text(),
            self.tr("Vaults (*%1)").replace("%1", VAULT_SUFFIX),
        )
        if path:
            self.path.setText(path if path.endswith(VAULT_SUFFIX) else path + VAULT_SUFFIX)

    def passphrase(self) -> str:
        return self.words.text() if self.generated.isChecked() else self.first.text()

    def output(self) -> str:
        path = self.path.text().strip()
        return path if path.endswith(VAULT_SUFFIX) else path + VAULT_SUFFIX

    def words_language(self) -> str:
        return str(self.lang.currentData())

    def _accept(self) -> None:
        path = self.output()
        if not self.path.text().strip():
            self.error.setText(self.tr("Choose where to save the vault."))
        elif os.path.exists(path):
            self.error.setText(
                self.tr(
                    "A file with this name exists already. Choose another name; "
                    "nothing will be overwritten."
                )
            )
        elif not os.path.isdir(os.path.dirname(path) or "."):
            self.error.setText(self.tr("That folder does not exist. Choose another place."))
        elif self.typed.isChecked() and len(self.first.text()) < MIN_LENGTH:
            self.error.setText(
                self.tr("The passphrase needs at least %n characters.", "", MIN_LENGTH)
            )
        elif self.typed.isChecked() and self.first.text() != self.second.text():
            self.error.setText(
                self.tr("The two passphrases are different. Type the same passphrase twice.")
            )
        else:
            self.accept()


class HandoffDone(QDialog):
    """The file is written: the passphrase once more, and the sheet only if asked for."""

    def __init__(
        self,
        parent: QWidget | None,
        result: HandoffResult,
        passphrase: str,
        lang: str,
        vault: Vault | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoffDone")
        self.vault = vault  # records the sheet's write: a killed save leaves no passphrase
        self.setWindowTitle(self.tr("The client's vault is ready"))
        self.result, self.passphrase, self.lang = result, passphrase, lang
        self.sheet_path: Path | None = None
        text = QLabel(
            self.tr(
                "%1 holds %n document(s) of %2. Give the person the file and its "
                "passphrase. Without the passphrase nobody can open it.",
                "",
                result.documents,
            )
            .replace("%1", result.path.name)
            .replace("%2", result.case_name)
        )
        text.setWordWrap(True)
        words = _big(QLabel(passphrase))
        words.setObjectName("handoffPassphrase")
        words.setWordWrap(True)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sheet_button = QPushButton(self.tr("Save the hand-off &sheet (PDF)…"))
        self.sheet_button.setToolTip(
            self.tr("One page with the name, the file, the passphrase and how to open it")
        )
        self.sheet_button.clicked.connect(self.save_sheet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(words)
        layout.addWidget(self.sheet_button)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def save_sheet(self, path: str = "") -> None:
        from pdorganizer.export.handoff_sheet import write_sheet

        default = str(self.result.path.with_name(self.result.path.stem + " - sheet.pdf"))
        path = path or save_file(
            self, self.tr("Save the hand-off sheet as"), default, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            self.sheet_path = write_sheet(
                path,
                self.result.case_name,
                self.result.path.name,
                self.passphrase,
                self.lang,
                vault=None if self.vault is None or self.vault.closed else self.vault,
            )
        except Exception as exc:
            show_error(self, exc, "hand-off sheet")
            return
        self.sheet_button.setText(
            self.tr("Sheet saved: %1 (print it from there)").replace("%1", self.sheet_path.name)
        )


class ClinicActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.handoff = window._action(self.tr("&Hand off in its own vault…"), self.hand_off)
        self.handoff.setStatusTip(
            self.tr("Write a new vault with only this case, for the person to take home")
        )
        self.merge = window._action(self.tr("&Take back a client's file…"), self.take_back)
        self.merge.setStatusTip(self.tr("Bring the case in a client's own vault into this one"))
        self.wipe = window._action(self.tr("Remove from this &laptop…"), self.remove_client)
        self.wipe.setStatusTip(
            self.tr("Delete this case and every trace of it in the vault file and its backups")
        )
        self.last_handoff: HandoffDone | None = None
        self.last_report: QMessageBox | None = None

    def _ready(self) -> bool:
        return self.window.vault is not None and self.window.job is None

    # -- hand-off ----------------------------------------------------------------------
    def hand_off(self) -> None:
        w = self.window
        case_id = w.workspace.current_case_id()
        if not self._ready() or case_id is None:
            return
        name = w.workspace.current_case_name()
        dialog = HandoffDialog(w, name, w.start._documents_folder(), w.lang)
        try:
            if not dialog.exec() or w.vault is None:
                return
            path, passphrase = dialog.output(), dialog.passphrase()
            lang = dialog.words_language() if dialog.generated.isChecked() else w.lang
        finally:
            dialog.deleteLater()
        w.job = JobRunner(w, self.tr("Handing off"), self.tr("Writing the client's vault…"))
        w.job.start(
            _handoff_job,
            w.vault,
            case_id,
            path,
            passphrase,
            w.start.kdf_params,
            on_result=lambda result: self._handed_off(result, passphrase, lang),
            on_error=self._failed,
        )

    def _handed_off(self, result: HandoffResult, passphrase: str, lang: str) -> None:
        self.window.job = None
        done = HandoffDone(self.window, result, passphrase, lang, self.window.vault)
        done.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        done.finished.connect(lambda _r: setattr(self, "last_handoff", None))
        done.open()
        self.last_handoff = done

    # -- take back ---------------------------------------------------------------------
    def take_back(self, path: str = "", passphrase: str = "") -> None:
        w = self.window
        if not self._ready():
            return
        path = path or open_file(
            w,
            self.tr("Open the client's vault"),
            w.start._documents_folder(),
            self.tr("Vaults (*%1);;All files (*)").replace("%1", VAULT_SUFFIX),
        )
        if not path or w.vault is None:
            return
        if not passphrase:
            passphrase, ok = QInputDialog.getText(
                w,
                self.tr("The client's passphrase"),
                self.tr("Passphrase of %1:").replace("%1", os.path.basename(path)),
                QLineEdit.EchoMode.Password,
            )
            if not ok or not passphrase or w.vault is None:
                return
        w.job = JobRunner(
            w, self.tr("Taking the file back"), self.tr("Bringing the client's case in…")
        )
        w.job.start(
            _merge_job, w.vault, path, passphrase, on_result=self._merged, on_error=self._failed
        )

    def _merged_counts(self, name: str, added: int, updated: int, unchanged: int) -> str:
        """One plural per count ("1 document added, 2 updated"): Spanish agrees each with
        its own number ("1 actualizado", "2 actualizados")."""
        return (
            self.tr("<b>%1</b>: %2, %3, %4.")
            .replace("%2", self.tr("%n document(s) added", "", added))
            .replace("%3", self.tr("%n updated", "", updated))
            .replace("%4", self.tr("%n already the same", "", unchanged))
            .replace("%1", _esc(name))  # last: a name may hold "%2"
        )

    def _merged(self, report: MergeReport) -> None:
        self.window.job = None
        self.window.workspace.reload_cases()
        if report.cases:
            self.window.workspace.select_case(report.cases[-1].case_id)
        lines = []
        for r in report.cases:
            lines.append(
                self.tr("<b>%1</b>: new in this vault.").replace("%1", _esc(r.name))
                if r.new_case
                else self._merged_counts(r.name, r.added, r.updated, r.unchanged)
            )
            for c in r.conflicts:
                lines.append(self._conflict_text(c.kind, c.title))
        box = QMessageBox(self.window)
        box.setObjectName("mergeReport")
        box.setIcon(QMessageBox.Icon.Warning if report.conflicts else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("The client's file was taken back"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText("<p>" + "</p><p>".join(lines) + "</p>")
        if report.client_backup is None:
            box.setInformativeText(
                self.tr(
                    "Nothing was lost: what was in both is kept. The client's file was not changed."
                )
            )
        else:  # opening it upgraded it, after writing its backup beside it (their stick)
            box.setInformativeText(
                self.tr(
                    "Nothing was lost: what was in both is kept. The client's file was in an "
                    "older format: to open it, it was updated to this version's format, and "
                    "a copy of it as it was, locked with the same passphrase, was saved "
                    "beside it as “%1”."
                ).replace("%1", report.client_backup.name)
            )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "last_report", None))
        box.open()
        self.last_report = box

    def _conflict_text(self, kind: str, title: str) -> str:
        if kind == "pages":
            text = self.tr(
                "The pages of “%1” were changed in both places: the client's version was "
                "added as a separate document."
            )
        elif kind in ("case", "document"):
            text = self.tr(
                "“%1” was changed in both places: this vault's values were kept and the "
                "client's are written in its notes."
            )
        elif kind == "exhibits":
            text = self.tr(
                "The exhibit order of %1 was changed in both places: this vault's order was kept."
            )
        else:
            text = self.tr(
                "A part of %1 was changed in both places: this vault's version was kept and "
                "the client's is written in the case notes."
            )
        return "⚠ " + text.replace("%1", _esc(title))

    # -- remove from this laptop -------------------------------------------------------
    def remove_client(self) -> None:
        w = self.window
        case_id = w.workspace.current_case_id()
        if not self._ready() or case_id is None or w.vault is None:
            return
        name = w.workspace.current_case_name()
        answer = QMessageBox.question(
            w,
            self.tr("Remove from this laptop"),
            self.tr(
                "Remove %1 and all their documents from this computer? The vault file is "
                "rebuilt so that nothing of them stays in it. This cannot be undone: make "
                "sure the person has their own file first."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            found = backups_holding(w.vault, case_id)
        except Exception as exc:
            show_error(w, exc, "wipe")
            return
        remove: list[Path] = []
        if found:
            dialog = BackupsDialog(w, name, [(b.path, b.holds_case) for b in found])
            try:
                if not dialog.exec():
                    return
                remove = dialog.chosen()
            finally:
                dialog.deleteLater()
        panel = getattr(w.workspace, "preflight_panel", None)
        if panel is not None:  # its background check must not look for the case meanwhile
            panel.clear()
        w.job = JobRunner(
            w, self.tr("Removing"), self.tr("Removing the case and rebuilding the vault file…")
        )
        w.job.start(
            _wipe_job, w.vault, case_id, remove, on_result=self._wiped, on_error=self._failed
        )

    def _wiped(self, result: WipeResult) -> None:
        w = self.window
        w.job = None
        w.settings.remove_recent(w.vault_path)
        w.workspace.reload_cases()
        text = self.tr("%1 was removed from this computer: %n document(s).", "", result.documents)
        text = text.replace("%1", result.case_name)
        if result.removed_backups:
            text += " " + self.tr("%n backup(s) deleted.", "", len(result.removed_backups))
        if result.kept_backups:
            text += " " + self.tr(
                "%n backup(s) could not be deleted; delete them by hand.",
                "",
                len(result.kept_backups),
            )
        box = QMessageBox(w)
        box.setObjectName("wipeReport")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Removed from this laptop"))
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "last_report", None))
        box.open()
        self.last_report = box

    def _failed(self, exc: BaseException) -> None:
        self.window.job = None
        if isinstance(exc, WrongPassphrase):
            show_message(
                self.window,
                QMessageBox.Icon.Warning,
                self.tr("Not opened"),
                self.tr(
                    "That passphrase did not open the client's file. Check Caps Lock and the "
                    "keyboard language, then try again. Nothing was changed."
                ),
                "mergeWrongPassphrase",
            )
            return
        show_error(self.window, exc, "clinic")


class BackupsDialog(QDialog):
    """The app's own backups that still hold the person: tick the ones to delete."""

    def __init__(self, parent: QWidget | None, name: str, found: list[tuple[Path, bool | None]]):
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups of this vault"))
        text = QLabel(
            self.tr(
                "These backups of the vault may still hold %1. Ticked ones are deleted "
                "with the case. A backup that opens with an older passphrase cannot be "
                "checked."
            ).replace("%1", name)
        )
        text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups to delete"))
        for path, holds in found:
            note = self.tr("holds the case") if holds else self.tr("older passphrase")
            item = QListWidgetItem(f"{path.name}    ({path.parent}) — {note}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if holds else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def chosen(self) -> list[Path]:
        return [
            Path(str(self.list.item(i).data(Qt.ItemDataRole.UserRole)))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
