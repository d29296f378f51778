"""Clinic mode and the File/Case menu items for backup, passphrase, check, hand-off, take
back and remove, driven through the real window offscreen."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from ui_helpers import add_document, answer_dialog, settle

from pdorganizer.ui.clinic_dialogs import BackupsDialog, HandoffDialog
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.settings_dialog import SettingsDialog
from pdorganizer.ui.vault_actions import PassphraseDialog
from pdorganizer.vault import CHEAP_PARAMS, Vault, backups
from tests.conftest import PASSPHRASE


def idle(qtbot, window: MainWindow) -> None:
    """settle(), again if a timer started new light work (preflight, thumbnails) just then."""
    for _ in range(5):
        try:
            settle(qtbot, window, timeout=90000)
            return
        except AssertionError:
            continue
    settle(qtbot, window, timeout=90000)


def visible_texts(root: QWidget) -> str:
    parts = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if w.isVisibleTo(root) and isinstance(w, QLabel | QPushButton):
            parts += [w.text(), w.toolTip()]
    return "\n".join(parts)


def message(name: str) -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert boxes, f"no {name} message"
    return boxes[-1]  # type: ignore[return-value]


def test_first_start_offers_clinic_mode(qtbot, window: MainWindow, settings) -> None:
    start = window.start
    assert start.clinic.offer.isVisible() and not start.clinic.buttons.isVisible()
    assert start.open_button.isVisible()
    qtbot.mouseClick(start.clinic.use_button, Qt.MouseButton.LeftButton)
    assert settings.clinic_mode and settings.clinic_offered
    assert start.clinic.new_client_button.isVisible() and start.clinic.brought_button.isVisible()
    assert not start.open_button.isVisible() and not start.clinic.offer.isVisible()
    assert settings.autolock_minutes == 3 and settings.stored_autolock_minutes == 10


def test_declining_hides_the_offer_for_good(qtbot, window: MainWindow, settings) -> None:
    qtbot.mouseClick(window.start.clinic.decline_button, Qt.MouseButton.LeftButton)
    assert not settings.clinic_mode and settings.clinic_offered
    assert not window.start.clinic.offer.isVisible()
    again = MainWindow(settings, CHEAP_PARAMS)
    qtbot.addWidget(again)
    again.show()
    assert not again.start.clinic.offer.isVisible()
    again.shutdown()


def test_clinic_mode_keeps_no_paths_and_closing_shows_nothing_of_the_person(
    qtbot, window: MainWindow, settings, tmp_path: Path
) -> None:
    settings.add_recent(str(tmp_path / "Maria Lopez.pdvault"))
    settings.clinic_mode = True
    assert settings.store.value("recent_vaults") is None
    path = tmp_path / "Maria Lopez.pdvault"
    vault = Vault.create(path, PASSPHRASE, CHEAP_PARAMS)
    vault.cases.add("Maria Lopez")
    window.start._opened(vault)  # as after typing the passphrase
    idle(qtbot, window)
    assert settings.recent_vaults() == [] and settings.store.value("recent_vaults") is None
    assert window.idle.timer.interval() == 3 * 60_000
    window.lock()
    assert "Maria" not in visible_texts(window)  # the unlock page names no file
    window.open_vault(Vault.open(path, PASSPHRASE))
    idle(qtbot, window)
    assert "Maria" in visible_texts(window)  # the check below can fail
    window.close_vault()
    assert window.windowTitle() == "pdorganizer"
    assert window.start.stack.currentIndex() == 0
    texts = visible_texts(window) + window.start.create_path.text()
    assert "Maria" not in texts


def test_new_client_suggests_a_neutral_name(qtbot, window: MainWindow, settings) -> None:
    settings.clinic_mode = True
    window.start.show_welcome()
    qtbot.mouseClick(window.start.clinic.new_client_button, Qt.MouseButton.LeftButton)
    name = os.path.basename(window.start.create_path.text())
    assert name.startswith(f"Client {dt.date.today().isoformat()} ") and name.endswith(".pdvault")


def test_settings_dialog_has_clinic_mode(qtbot, window: MainWindow, settings) -> None:
    dialog = SettingsDialog(window, settings)
    qtbot.addWidget(dialog)
    assert not dialog.clinic.checkbox.isChecked() and dialog.autolock.isEnabled()
    dialog.clinic.checkbox.setChecked(True)
    assert not dialog.autolock.isEnabled() and not dialog.recent.isEnabled()
    dialog._save()
    assert settings.clinic_mode and settings.stored_autolock_minutes == 10


def test_backup_check_and_passphrase_from_the_file_menu(
    qtbot, opened: MainWindow, vault: Vault, tmp_path: Path
) -> None:
    actions = opened.vault_actions
    assert actions.backup_action.isEnabled() and actions.check_action.isEnabled()
    folder = tmp_path / "usb"
    folder.mkdir()
    actions.backup(str(folder))
    idle(qtbot, opened)
    done = message("backupDone")
    (copy,) = folder.iterdir()
    assert copy.name in done.text()
    assert backups.last_backup(vault) is not None
    with Vault.open(copy, PASSPHRASE) as v:
        assert v.check() == []
    done.close()

    actions.check()
    idle(qtbot, opened)
    assert "sound" in message("checkDone").text()
    message("checkDone").close()

    def fill(dialog: PassphraseDialog) -> None:
        dialog.current.setText(PASSPHRASE)
        dialog.new.setText("a brand new passphrase")
        dialog.repeat.setText("a brand new passphrase")
        dialog._accept()

    answer_dialog(fill, PassphraseDialog)
    actions.change_passphrase()
    idle(qtbot, opened)
    message("passphraseChanged").close()
    opened.close_vault()
    with Vault.open(vault.path, "a brand new passphrase") as v:
        assert v.check() == []


def test_wrong_current_passphrase_changes_nothing(qtbot, opened: MainWindow, vault: Vault) -> None:
    def fill(dialog: PassphraseDialog) -> None:
        dialog.current.setText("not the passphrase")
        dialog.new.setText("another passphrase")
        dialog.repeat.setText("another passphrase")
        dialog._accept()

    answer_dialog(fill, PassphraseDialog)
    opened.vault_actions.change_passphrase()
    idle(qtbot, opened)
    message("passphraseWrong").close()
    opened.close_vault()
    Vault.open(vault.path, PASSPHRASE).close()


def test_backup_reminder_when_changed_and_a_week_old(qtbot, window: MainWindow, vault: Vault):
    vault.cases.add("Someone")
    with vault.transaction() as con:
        old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=9)).replace(microsecond=0)
        con.execute("UPDATE meta SET value = ? WHERE key = 'created_at'", (old.isoformat(),))
    window.open_vault(vault)
    idle(qtbot, window)
    box = message("backupReminder")
    assert "week" in box.text()
    box.close()


def test_hand_off_take_back_and_remove_from_the_menus(
    qtbot, opened: MainWindow, vault: Vault, case, tmp_path: Path
) -> None:
    add_document(vault, case.id, "Birth certificate")
    opened.workspace.reload_documents()
    out = tmp_path / "for-maria.pdvault"
    words: list[str] = []

    def fill(dialog: HandoffDialog) -> None:
        dialog.lang.setCurrentIndex(dialog.lang.findData("es"))
        dialog.path.setText(str(out))
        words.append(dialog.passphrase())
        dialog._accept()

    answer_dialog(fill, HandoffDialog)
    opened.vault_actions.clinic.handoff.trigger()
    idle(qtbot, opened)
    done = opened.vault_actions.clinic.last_handoff
    assert done is not None and words[0] in [w.text() for w in done.findChildren(QLabel)]
    assert len(words[0].split(" ")) == 6
    sheet = tmp_path / "sheet.pdf"
    done.save_sheet(str(sheet))
    assert sheet.is_file() and done.sheet_path == sheet
    done.close()
    with Vault.open(out, words[0]) as client:
        (c,) = client.cases.list()
        assert c.name == case.name
        client.documents.update(client.documents.list(c.id)[0].id, title="Birth cert (home)")

    opened.vault_actions.clinic.take_back(str(out), words[0])
    idle(qtbot, opened)
    report = opened.vault_actions.clinic.last_report
    assert report is not None and "1 updated" in report.text()
    report.close()
    assert [d.title for d in vault.documents.list(case.id)] == ["Birth cert (home)"]

    folder = tmp_path / "copies"
    folder.mkdir()
    copy = backups.make_backup(vault, folder)

    def confirm(box: QMessageBox) -> None:
        answer_dialog(lambda d: d.accept(), BackupsDialog)  # the list of backups comes next
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_dialog(confirm, QMessageBox)
    opened.vault_actions.clinic.remove_client()
    idle(qtbot, opened)
    assert vault.cases.list() == [] and not copy.exists()
    assert "removed" in opened.vault_actions.clinic.last_report.text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_handoff_dialog_words_follow_the_language(qtbot, window: MainWindow, lang: str) -> None:
    from pdorganizer.core.passphrase_words import word_list

    dialog = HandoffDialog(window, "Ana", str(Path.home()), lang)
    qtbot.addWidget(dialog)
    assert all(w in word_list(lang) for w in dialog.passphrase().split(" "))
    first = dialog.passphrase()
    dialog.regenerate()
    assert dialog.passphrase() != first


def test_locking_closes_the_hand_off_result_and_its_passphrase(
    qtbot, opened: MainWindow, vault: Vault, case, tmp_path: Path
) -> None:
    add_document(vault, case.id, "Lease")
    opened.workspace.reload_documents()
    words: list[str] = []

    def fill(dialog: HandoffDialog) -> None:
        dialog.path.setText(str(tmp_path / "c.pdvault"))
        words.append(dialog.passphrase())
        dialog._accept()

    answer_dialog(fill, HandoffDialog)
    opened.vault_actions.clinic.handoff.trigger()
    idle(qtbot, opened)
    assert opened.vault_actions.clinic.last_handoff is not None
    opened.lock()
    qtbot.wait(10)
    assert opened.vault_actions.clinic.last_handoff is None
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert all(words[0] not in visible_texts(w) for w in shown)


def test_taking_back_an_older_client_file_says_it_was_upgraded(
    qtbot, opened: MainWindow, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    old = stick / "client.pdvault"
    Vault.create(old, "old client passphrase", CHEAP_PARAMS, schema_version=2).close()
    opened.vault_actions.clinic.take_back(str(old), "old client passphrase")
    idle(qtbot, opened)
    report = opened.vault_actions.clinic.last_report
    assert report is not None
    (backup,) = [p.name for p in stick.iterdir() if ".schema2-backup-" in p.name]
    assert "older format" in report.informativeText() and backup in report.informativeText()
    assert "was not changed" not in report.informativeText()
    report.close()
