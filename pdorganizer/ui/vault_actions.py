"""File menu: back up, change the passphrase, check the vault (what the CLI's `backup`,
`passwd` and `check` do), with progress on the heavy worker and plain messages; and the
reminder when a changed vault has not been backed up for a week.

The clinic items (hand off a case, take a client's file back, remove a client from this
laptop) live in clinic_dialogs.py and are installed from here, so the main window only
creates this object and tells it when a vault opens or closes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.errors import WrongPassphrase
from pdorganizer.core.progress import Progress
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.file_dialogs import choose_folder
from pdorganizer.ui.progress_dialog import JobRunner
from pdorganizer.ui.strength import strength_score
from pdorganizer.vault import VAULT_SUFFIX, Vault, backups

if TYPE_CHECKING:
    from pdorganizer.ui.main_window import MainWindow

MIN_LENGTH = 8


def backup_target(vault_path: Path, folder: str, word: str) -> Path:
    """`NAME backup DATE.pdvault` in the folder, numbered if that exists already."""
    stamp = dt.date.today().isoformat()
    n = 0
    while True:
        suffix = f" ({n})" if n else ""
        target = Path(folder) / f"{vault_path.stem} {word} {stamp}{suffix}{VAULT_SUFFIX}"
        if not target.exists():
            return target
        n += 1


# Jobs for the heavy worker: plain functions taking `progress` (JobRunner passes one).
def _backup_job(vault: Vault, target: Path, progress: Progress) -> Path:
    progress.start(1)
    result = backups.make_backup(vault, target)
    progress.step()
    return result


def _passwd_job(vault: Vault, current: str, new: str, progress: Progress) -> None:
    progress.start(2)
    Vault.open(vault.path, current).close()  # the person at the keyboard knows it
    progress.step()
    vault.change_passphrase(new)
    progress.step()


def _check_job(vault: Vault, progress: Progress) -> list[str]:
    progress.start(1)
    problems = vault.check()
    progress.step()
    return problems


class PassphraseDialog(QDialog):
    """The current passphrase, then the new one twice, with the strength shown."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Change the passphrase"))
        intro = QLabel(
            self.tr(
                "The vault is written again, locked with the new passphrase. Until that "
                "is finished the old passphrase keeps working. Backups made before keep "
                "their old passphrase."
            )
        )
        intro.setWordWrap(True)
        self.current = self._field(self.tr("Current passphrase"))
        self.new = self._field(self.tr("New passphrase"))
        self.repeat = self._field(self.tr("Repeat the new passphrase"))
        self.strength = QLabel()
        self.new.textChanged.connect(self._update_strength)
        show = QCheckBox(self.tr("Show the passphrases"))
        show.toggled.connect(self._show)
        form = QFormLayout()
        form.addRow(self.tr("&Current:"), self.current)
        form.addRow(self.tr("&New:"), self.new)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        form.addRow("", self.strength)
        form.addRow("", show)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change the passphrase"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._update_strength("")

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for edit in (self.current, self.new, self.repeat):
            edit.setEchoMode(mode)

    def _update_strength(self, text: str) -> None:
        words = (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )
        self.strength.setText(
            self.tr("Strength: %1").replace("%1", words[strength_score(text)]) if text else ""
        )

    def _accept(self) -> None:
        if not self.current.text():
            self.error.setText(self.tr("Type the current passphrase."))
        elif len(self.new.text()) < MIN_LENGTH:
            self.error.setText(
                self.tr("The passphrase needs at least %n characters.", "", MIN_LENGTH)
            )
        elif self.new.text() != self.repeat.text():
            self.error.setText(
                self.tr("The two passphrases are different. Type the same passphrase twice.")
            )
        else:
            self.accept()


def show_message(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str
) -> QMessageBox:
    """A result message that does not block (the work is done; nothing waits on it)."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class VaultActions(QObject):
    def __init__(self, window: MainWindow, file_menu: QMenu, case_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.backup_action = w._action(self.tr("&Back up the vault…"), self.backup)
        self.backup_action.setStatusTip(self.tr("Write an encrypted copy of the vault"))
        self.passwd_action = w._action(self.tr("Change the &passphrase…"), self.change_passphrase)
        self.check_action = w._action(self.tr("Chec&k the vault"), self.check)
        from pdorganizer.ui.clinic_dialogs import ClinicActions

        self.clinic = ClinicActions(window)
        before = w.lock_action
        for a in (self.backup_action, self.passwd_action, self.check_action, self.clinic.merge):
            file_menu.insertAction(before, a)
        file_menu.insertSeparator(before)
        case_menu.addSeparator()
        case_menu.addAction(self.clinic.handoff)
        case_menu.addAction(self.clinic.wipe)
        self.update(False, False)

    def update(self, is_open: bool, has_case: bool) -> None:
        for a in (self.backup_action, self.passwd_action, self.check_action, self.clinic.merge):
            a.setEnabled(is_open)
        for a in (self.clinic.handoff, self.clinic.wipe):
            a.setEnabled(has_case)

    def _busy(self) -> bool:
        return self.window.vault is None or self.window.job is not None

    # -- opening and closing -----------------------------------------------------------
    def opened(self) -> None:
        vault = self.window.vault
        try:
            due = vault is not None and backups.backup_due(vault)
        except Exception:  # a reminder must never stand in the way of the work
            due = False
        if due:
            self.remind()

    def remind(self) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setObjectName("backupReminder")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Time for a backup"))
        box.setText(
            self.tr(
                "This vault has changed and has not been backed up for more than a week. "
                "A backup is an encrypted copy, for example on a USB stick, that opens "
                "with the same passphrase."
            )
        )
        now = box.addButton(self.tr("Back up now…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        now.clicked.connect(self.backup)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def closed(self) -> None:
        """Clinic mode: the start screen keeps nothing of the last person's file."""
        if self.window.settings.clinic_mode:
            start = self.window.start
            start.create_path.clear()
            start.unlock_path.clear()
            start.unlock_path.setToolTip("")
            start.pending_path = ""

    # -- backup ------------------------------------------------------------------------
    def backup(self, folder: str = "") -> None:
        if self._busy():
            return
        vault = self.window.vault
        assert vault is not None
        folder = folder or choose_folder(
            self.window, self.tr("Choose where to put the backup"), os.path.expanduser("~")
        )
        if not folder or self.window.vault is None:
            return
        if Path(folder).resolve() == vault.path.parent.resolve():
            answer = QMessageBox.question(
                self.window,
                self.tr("Same folder as the vault"),
                self.tr(
                    "A backup in the same folder is lost with the vault if this computer "
                    "breaks or is lost. Put it there anyway?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        target = backup_target(vault.path, folder, self.tr("backup"))
        self.window.job = JobRunner(
            self.window, self.tr("Backing up"), self.tr("Writing the encrypted copy…")
        )
        self.window.job.start(
            _backup_job, vault, target, on_result=self._backed_up, on_error=self._failed
        )

    def _backed_up(self, target: Path) -> None:
        self.window.job = None
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Backup written"),
            self.tr(
                "The backup %1 is in %2. It opens with the same passphrase as this vault. "
                "Keep it somewhere else than this computer."
            )
            .replace("%1", target.name)
            .replace("%2", str(target.parent)),
            "backupDone",
        )

    def _failed(self, exc: BaseException) -> None:
        self.window.job = None
        if isinstance(exc, WrongPassphrase):
            show_message(
                self.window,
                QMessageBox.Icon.Warning,
                self.tr("Passphrase not changed"),
                self.tr("The current passphrase is not right. Nothing was changed."),
                "passphraseWrong",
            )
            return
        show_error(self.window, exc, "vault action")

    # -- passphrase --------------------------------------------------------------------
    def change_passphrase(self) -> None:
        if self._busy():
            return
        dialog = PassphraseDialog(self.window)
        try:
            if not dialog.exec() or self.window.vault is None:
                return
            current, new = dialog.current.text(), dialog.new.text()
        finally:
            dialog.deleteLater()
        self.window.job = JobRunner(
            self.window,
            self.tr("Changing the passphrase"),
            self.tr("Writing the vault again with the new passphrase…"),
        )
        self.window.job.start(
            _passwd_job,
            self.window.vault,
            current,
            new,
            on_result=self._passwd_done,
            on_error=self._failed,
        )

    def _passwd_done(self, _result: object) -> None:
        self.window.job = None
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Passphrase changed"),
            self.tr("From now on the vault opens with the new passphrase."),
            "passphraseChanged",
        )

    # -- check -------------------------------------------------------------------------
    def check(self) -> None:
        if self._busy():
            return
        self.window.job = JobRunner(
            self.window, self.tr("Checking the vault"), self.tr("Reading every part of the vault…")
        )
        self.window.job.start(
            _check_job, self.window.vault, on_result=self._checked, on_error=self._failed
        )

    def _checked(self, problems: list[str]) -> None:
        self.window.job = None
        if not problems:
            show_message(
                self.window,
                QMessageBox.Icon.Information,
                self.tr("Vault checked"),
                self.tr("The vault is sound: every part of it could be read."),
                "checkDone",
            )
            return
        show_message(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("The vault has a problem"),
            self.tr(
                "The check found %n problem(s). Make a backup now (File, Back up the "
                "vault), then ask whoever helps you with this program.",
                "",
                len(problems),
            ),
            "checkDone",
        )
