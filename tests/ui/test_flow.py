"""The whole path a person takes, through the real main window, offscreen:
create a vault, add a case, import (good and bad files), tag, order the exhibits,
lock and unlock (with a wrong passphrase first)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from ui_helpers import answer_dialog, settle, write_images

from pdorganizer.ui.case_dialog import CaseDialog
from pdorganizer.ui.import_flow import ImportReport

PASS = "maple river lantern seven"


def create_vault_through_start_screen(qtbot, window, path: Path) -> None:
    start = window.start
    qtbot.mouseClick(start.new_vault_button, Qt.MouseButton.LeftButton)
    assert start.stack.currentIndex() == 2
    start.create_path.setText(str(path))
    qtbot.keyClicks(start.create_pass, PASS)
    assert start.strength_label.text() in ("Good", "Strong")
    qtbot.keyClicks(start.create_repeat, PASS)
    qtbot.keyClick(start.create_repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10000)


def add_case_through_dialog(qtbot, window, name: str, a_number: str) -> None:
    def fill(dialog):
        assert isinstance(dialog, CaseDialog)
        dialog.edits["name"].setText(name)
        dialog.edits["a_number"].setText(a_number)
        dialog.edits["country"].setText("Honduras")
        dialog.edits["detained"].setChecked(True)
        for i in range(dialog.claimed_list.count()):
            item = dialog.claimed_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "work":
                item.setCheckState(Qt.CheckState.Checked)
        dialog._accept()

    answer_dialog(fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace.current_case_id() is not None)


def test_create_add_case_import_tag_reorder_lock(qtbot, window, tmp_path, monkeypatch):
    vault_path = tmp_path / "family.pdvault"
    create_vault_through_start_screen(qtbot, window, vault_path)
    assert window.stack.currentWidget() is window.workspace
    assert vault_path.is_file()

    add_case_through_dialog(qtbot, window, "Rosa Martínez", "A111-222-333")
    vault = window.vault
    case = vault.cases.get(window.workspace.current_case_id())
    assert (case.name, case.a_number, case.detained) == ("Rosa Martínez", "A111-222-333", True)
    assert case.claimed_factors == ["work"]

    # Import: three good photos, one broken file, one that is not a document at all.
    good = write_images(tmp_path, ["birth.jpg", "lease.png", "paystub.jpg"])
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    window.import_paths([*good, str(broken), str(notes)], as_one=False)
    settle(qtbot, window)
    statuses = sorted(r.status for r in window.last_import)
    assert statuses == ["failed", "failed", "imported", "imported", "imported"]
    reports = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ImportReport) and w.isVisible()
    ]
    assert len(reports) == 1
    failed_text = [reports[0].failed_list.item(i).text() for i in range(2)]
    assert any(t.startswith("broken.jpg: ") and len(t) > 14 for t in failed_text)
    assert any(t.startswith("notes.txt: ") for t in failed_text)
    reports[0].accept()
    model = window.workspace.doc_model
    assert model.rowCount() == 3

    # "Combine into one document": two photos of the same paper.
    both = write_images(tmp_path, ["letter-p1.jpg", "letter-p2.jpg"])
    window.import_paths(both, as_one=True)
    settle(qtbot, window)
    assert model.rowCount() == 4
    combined = [d for d in model.documents() if d.page_count == 2]
    assert len(combined) == 1

    # Tag: tick "Work" for the pay stub in the document panel.
    paystub = next(d for d in model.documents() if "aystub" in d.title)
    window.workspace.select_document(paystub.id)
    settle(qtbot, window)
    panel = window.workspace.document_panel
    assert panel.document().id == paystub.id
    panel.factor_checks["work"].click()
    assert vault.documents.get(paystub.id).factors == ["work"]
    assert "work" in model.data(model.index(model.row_of(paystub.id), 4)).lower()
    coverage = {r.factor_id: r for r in window.workspace.coverage_panel.model.rows()}
    assert coverage["work"].count == 1 and coverage["work"].status == "ok"
    # Edit a field: the date is checked, then saved.
    panel.date_edit.setText("March 2020")
    panel.save_fields()
    assert vault.documents.get(paystub.id).document_date == ""
    assert "YYYY" in panel.status_label.text()
    panel.date_edit.setText("2020-03-15")
    panel.save_fields()
    assert vault.documents.get(paystub.id).document_date == "2020-03-15"

    # Exhibits: move the last one to the top with the keyboard, then group two.
    exhibits = window.workspace.exhibits_panel
    window.workspace.tabs.setCurrentWidget(exhibits)
    ex_model = exhibits.model
    assert ex_model.rowCount() == 4
    before = ex_model.groups()
    exhibits.view.setFocus()
    exhibits.view.setCurrentIndex(ex_model.index(3, 0))
    for _ in range(3):
        exhibits.move(-1)
    assert ex_model.groups() == [before[3], *before[:3]]
    stored = vault.exhibits.stored(case.id)
    assert [e.document_ids for e in stored] == ex_model.groups()
    assert [e.letter for e in stored] == ["A", "B", "C", "D"]
    sel = exhibits.view.selectionModel()
    sel.clearSelection()
    for row in (1, 2):
        sel.select(ex_model.index(row, 0), sel.SelectionFlag.Select)
    exhibits.group()
    stored = vault.exhibits.stored(case.id)
    assert len(stored) == 3
    assert stored[1].document_ids == before[0] + before[1]
    # Describe it: F2 edits the description in place.
    assert ex_model.setData(ex_model.index(1, 0), "Birth certificate and lease")
    assert vault.exhibits.stored(case.id)[1].description == "Birth certificate and lease"

    # Lock with Ctrl+L: only the unlock prompt remains.
    digest = hashlib.sha256(vault_path.read_bytes()).hexdigest()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert window.stack.currentWidget() is window.start
    assert window.start.stack.currentIndex() == 1
    assert window.workspace.doc_model.rowCount() == 0
    assert vault.closed

    # A wrong passphrase: calm message, the field keeps what was typed, the file unchanged.
    start = window.start
    qtbot.keyClicks(start.unlock_pass, "maple river lantern eight")
    qtbot.keyClick(start.unlock_pass, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not start.working, timeout=10000)
    assert window.vault is None
    assert "did not open" in start.unlock_error.text()
    assert start.unlock_pass.text() == "maple river lantern eight"
    assert start.unlock_pass.echoMode() == QLineEdit.EchoMode.Password
    assert hashlib.sha256(vault_path.read_bytes()).hexdigest() == digest

    # The right one: back to the same case and its documents.
    start.unlock_pass.setText(PASS)
    qtbot.mouseClick(start.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10000)
    settle(qtbot, window)
    assert window.workspace.current_case_name() == "Rosa Martínez"
    assert window.workspace.doc_model.rowCount() == 4
    assert window.workspace.exhibits_panel.model.rowCount() == 3

    # Delete a document (confirmation pre-answered) and remove the case.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.workspace.select_document(paystub.id)
    window.workspace.doc_table.setFocus()
    window.delete()
    assert window.workspace.doc_model.row_of(paystub.id) == -1
    window.workspace.case_view.setFocus()
    window.delete()
    assert window.vault.cases.list() == []
    assert window.workspace.empty_docs.isVisible()


def test_recent_vaults_remember_paths_only(qtbot, window, settings, tmp_path):
    path = tmp_path / "recent.pdvault"
    create_vault_through_start_screen(qtbot, window, path)
    assert settings.recent_vaults() == [str(path)]
    window.vault.cases.add("Secret Name")
    window.close_vault()
    assert window.start.recent_list.count() == 1
    settings.sync()
    text = Path(settings.store.fileName()).read_text(encoding="utf-8")
    assert "Secret Name" not in text
    settings.remember_recent = False
    settings.sync()
    window.start.refresh_recent()
    assert settings.recent_vaults() == []
    assert window.start.recent_list.count() == 0
    assert "recent.pdvault" not in Path(settings.store.fileName()).read_text(encoding="utf-8")


def test_create_checks_passphrases(qtbot, window, tmp_path):
    start = window.start
    start.show_create()
    start.create_path.setText(str(tmp_path / "x.pdvault"))
    start.create_pass.setText("short")
    start.create_repeat.setText("short")
    start.create()
    assert "at least 8" in start.create_error.text()
    start.create_pass.setText("long enough passphrase")
    start.create_repeat.setText("long enough passphrasf")
    start.create()
    assert "different" in start.create_error.text()
    assert not (tmp_path / "x.pdvault").exists()
    (tmp_path / "taken.pdvault").write_bytes(b"x")
    start.create_path.setText(str(tmp_path / "taken.pdvault"))
    start.create_repeat.setText("long enough passphrase")
    start.create()
    assert "exists" in start.create_error.text()
    assert (tmp_path / "taken.pdvault").read_bytes() == b"x"
    assert window.vault is None


def test_open_something_that_is_not_a_vault(qtbot, window, tmp_path):
    fake = tmp_path / "photo.pdvault"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    window.start.show_unlock(str(fake))
    window.start.unlock_pass.setText("anything at all")
    window.start.unlock()
    qtbot.waitUntil(lambda: not window.start.working, timeout=10000)
    assert window.vault is None
    assert window.start.unlock_error.text()
    assert fake.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def test_cancel_an_import_keeps_what_was_done(qtbot, opened, tmp_path):
    from PySide6.QtWidgets import QPushButton

    paths = write_images(tmp_path, [f"page{i:02d}.jpg" for i in range(40)])
    opened.import_paths(paths, as_one=False)
    job = opened.job
    assert job is not None and job.isVisible()
    cancel = next(b for b in job.findChildren(QPushButton) if b.isVisible())
    cancel.click()
    settle(qtbot, opened, timeout=30000)
    assert opened.job is None
    imported = opened.workspace.doc_model.rowCount()
    assert 0 <= imported <= 40
    vault_docs = opened.vault.documents.list(opened.workspace.current_case_id())
    assert len(vault_docs) == imported  # the window shows exactly what the vault holds
    if imported < 40:
        assert "stopped" in opened.statusBar().currentMessage().lower() or any(
            r.status != "imported" for r in opened.last_import
        )


def test_password_protected_pdf_asks_for_the_password(qtbot, opened, tmp_path):
    from PIL import Image
    from pypdf import PdfReader, PdfWriter
    from PySide6.QtWidgets import QInputDialog

    plain = tmp_path / "plain.pdf"
    Image.new("RGB", (850, 1100), "white").save(plain, resolution=100)
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt("s3cret-pw")
    locked = tmp_path / "bank statement.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    asked = []

    def right_password(dialog):
        assert isinstance(dialog, QInputDialog)
        assert "bank statement.pdf" in dialog.labelText()
        asked.append(1)
        dialog.setTextValue("s3cret-pw")
        dialog.accept()

    answer_dialog(right_password, QInputDialog)
    opened.import_paths([str(locked)], as_one=False)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    settle(qtbot, opened)
    assert [r.status for r in opened.last_import] == ["imported"]
    assert opened.workspace.doc_model.rowCount() == 1


def test_skipping_the_password_reports_the_file(qtbot, opened, tmp_path):
    from PIL import Image
    from pypdf import PdfReader, PdfWriter
    from PySide6.QtWidgets import QInputDialog

    plain = tmp_path / "plain.pdf"
    Image.new("RGB", (850, 1100), "white").save(plain, resolution=100)
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt("another")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    answer_dialog(lambda dialog: dialog.reject(), QInputDialog)
    opened.import_paths([str(locked)], as_one=False)
    qtbot.waitUntil(lambda: bool(opened.last_import), timeout=10000)
    settle(qtbot, opened)
    assert [(r.status, r.message) for r in opened.last_import] == [
        ("failed", "password-protected PDF")
    ]
    report = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportReport))
    assert "locked.pdf" in report.failed_list.item(0).text()
    report.accept()
