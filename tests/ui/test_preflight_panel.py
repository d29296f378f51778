"""The "Ready to file?" tab, the timeline view and the export dialog's readiness box, with
real widgets offscreen on a real vault."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from ui_helpers import answer_dialog, settle

from pdorganizer.export.service import ExportOptions
from pdorganizer.ui.export_dialog import ExportDialog
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.preflight_panel import ReadinessBox
from pdorganizer.ui.timeline_view import TimelineDialog
from pdorganizer.vault import Vault
from tests.checks_helpers import add_doc, good_case


def _ready(qtbot, window: MainWindow):
    panel = window.workspace.preflight_panel
    qtbot.waitUntil(lambda: panel.report is not None and panel._task is None, timeout=15000)
    settle(qtbot, window)
    return panel


def _tab_text(window: MainWindow) -> str:
    tabs = window.workspace.tabs
    return tabs.tabText(tabs.indexOf(window.workspace.preflight_panel))


def test_ready_to_file_tab_lists_findings_with_a_count_and_opens_documents(
    qtbot, window: MainWindow, vault: Vault
) -> None:
    case_id = good_case(vault, in_proceedings=False)
    spanish = add_doc(
        vault,
        case_id,
        "Acta de nacimiento",
        language="Spanish",
        document_date="1990",
        kind="birth_certificate",
    )
    window.open_vault(vault)
    window.workspace.select_case(case_id)
    panel = _ready(qtbot, window)
    codes = [c.property("code") for c in panel.findings.cards]
    assert codes[:2] == ["not-in-proceedings", "missing-translation"]  # blockers first
    assert _tab_text(window) == "Read&y to file? (2)"
    card = panel.findings.cards[1]
    todo = card.findChild(QLabel, "findingTodo")
    assert "8 CFR 1003.33" in todo.text()
    (button,) = [b for b in card.findChildren(QPushButton) if b.property("document_id")]
    assert "Acta de nacimiento" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_document_id() == spanish.id
    assert window.workspace.tabs.currentWidget() is window.workspace.document_panel
    # Fixing it on the Document tab updates the tab's count.
    vault.cases.update(case_id, in_proceedings=True)
    panel.refresh()
    qtbot.waitUntil(lambda: _tab_text(window) == "Read&y to file? (1)", timeout=15000)
    settle(qtbot, window)
    # Locking drops every finding (they name documents).
    window.lock()
    assert panel.report is None and panel.findings.cards == []
    assert _tab_text(window) == "Read&y to file?"


def test_ready_to_file_in_spanish(qtbot, window: MainWindow, vault: Vault) -> None:
    case_id = good_case(vault, requested_pd="dismissal", paroled=True)
    window.open_vault(vault)
    window.workspace.lang = "es"
    window.workspace.select_case(case_id)
    window.workspace.reload_documents()
    panel = _ready(qtbot, window)
    (card,) = panel.findings.cards
    message = card.findChild(QLabel, "findingMessage").text()
    assert "desestimación" in message and "parole" in message


def test_timeline_view_draws_and_opens_a_document(qtbot, vault: Vault) -> None:
    case_id = good_case(vault)
    dialog = TimelineDialog(None, vault, case_id, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.timeline.entry == dt.date(2016, 3, 1)
    hit = dialog.drawing.hits[0]
    scale = dialog.view.width() / dialog.drawing.width
    clicked = []
    dialog.view.document_clicked.connect(clicked.append)
    qtbot.mouseClick(
        dialog.view,
        Qt.MouseButton.LeftButton,
        pos=QPointF((hit.x + hit.w / 2) * scale, (hit.y + hit.h / 2) * scale).toPoint(),
    )
    assert clicked == [hit.document_id]
    image = dialog.view.grab().toImage()
    assert image.width() > 600 and not image.isNull()
    dialog.close()


def test_export_dialog_shows_blockers_and_lets_the_person_go_on(
    qtbot, window: MainWindow, vault: Vault, tmp_path: Path
) -> None:
    case_id = good_case(vault, represented=True)
    vault.documents.delete(next(d.id for d in vault.documents.list(case_id) if d.title == "G-28"))
    dialog = ExportDialog(window, "Rosa", ExportOptions(), 3, vault=vault, case_id=case_id)
    qtbot.addWidget(dialog)
    box = dialog.findChild(ReadinessBox)
    qtbot.waitUntil(lambda: box.report is not None, timeout=15000)
    assert [c.property("code") for c in box.findings.cards] == ["no-representation-form"]
    assert "still export" in box.status.text()
    dialog.destination.setText(str(tmp_path / "packet.pdf"))
    answer_dialog(lambda m: m.button(QMessageBox.StandardButton.No).click(), QMessageBox)
    dialog._accept()
    assert dialog.result() == 0  # said no: the dialog stays
    answer_dialog(lambda m: m.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
    dialog._accept()
    assert dialog.result() == 1


def test_case_dialog_new_fields_and_the_not_in_proceedings_warning(qtbot, vault: Vault) -> None:
    from pdorganizer.ui.case_dialog import CaseDialog

    dialog = CaseDialog(None, vault.factors.taxonomy(), "es")
    qtbot.addWidget(dialog)
    edits = dialog.edits
    edits["name"].setText("Ana")
    combo = edits["requested_pd"]
    assert not edits["requested_pd_other"].isEnabled()
    combo.setCurrentIndex(combo.findData("other"))
    assert edits["requested_pd_other"].isEnabled()
    combo.setCurrentIndex(combo.findData("administrative-closure"))
    assert combo.currentText() == "Cierre administrativo"
    edits["entry_date"].setText("2019-06")
    assert edits["in_proceedings"].isChecked()  # the default for a new case
    edits["in_proceedings"].setChecked(False)
    edits["represented"].setChecked(True)
    seen = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text() + " " + box.informativeText())
        box.accept()

    answer_dialog(read, QMessageBox)
    dialog._accept()
    assert seen and "abogado" in seen[0] and "proceso de deportación" in seen[0]
    values = dialog.values()
    assert values["requested_pd"] == "administrative-closure"
    assert (values["entry_date"], values["in_proceedings"], values["represented"]) == (
        "2019-06",
        False,
        True,
    )
    case = vault.cases.add(values.pop("name"), **values)
    again = CaseDialog(None, vault.factors.taxonomy(), "en", case)
    qtbot.addWidget(again)
    assert again.edits["requested_pd"].currentData() == "administrative-closure"
    assert not again.edits["in_proceedings"].isChecked()


def test_document_panel_kinds_from_resources_and_expires(qtbot, vault: Vault, case) -> None:
    from pdorganizer.ui.document_panel import DocumentPanel

    doc = add_doc(vault, case.id, "Pasaporte de Ana", kind="Identity document")
    panel = DocumentPanel()
    qtbot.addWidget(panel)
    panel.vault = vault
    panel.lang = "es"
    panel.show_document(doc, [])
    assert panel.kind_combo.currentText() == "Identity document"  # older free text as is
    assert panel.kind_names()["Identity document"] == "Documento de identidad"
    panel.set_taxonomy(vault.factors.taxonomy())
    panel.show_document(doc, [])
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("passport"))
    assert panel.kind_combo.currentText() == "Pasaporte"
    panel.expires_edit.setText("2030-01-31")
    panel.save_fields()
    saved = vault.documents.get(doc.id)
    assert (saved.kind, saved.expires) == ("passport", "2030-01-31")
    # Nobody had tagged it: the kind's usual factor is ticked, and can be unticked.
    assert saved.factors == ["identity"] and panel.factor_checks["identity"].isChecked()
    panel.factor_checks["identity"].setChecked(False)
    assert vault.documents.get(doc.id).factors == []
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("lease"))
    panel.factor_checks["family"].setChecked(True)
    panel.save_fields()
    assert vault.documents.get(doc.id).factors == ["family"]  # tagged already: left alone
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("passport"))
    panel.save_fields()
    panel.expires_edit.setText("31/01/2030")
    panel.save_fields()
    assert vault.documents.get(doc.id).expires == "2030-01-31"  # refused, nothing changed
    assert "YYYY-MM-DD" in panel.status_label.text()


def test_a_failed_background_check_shows_in_the_panel_not_in_a_box(
    qtbot, vault: Vault, caplog
) -> None:
    from PySide6.QtWidgets import QApplication

    from pdorganizer.ui.preflight_panel import PreflightPanel

    case_id = good_case(vault)
    panel = PreflightPanel()
    qtbot.addWidget(panel)
    panel.load(vault, case_id)
    qtbot.waitUntil(lambda: panel.report is not None and panel._task is None, timeout=15000)
    name = vault.cases.get(case_id).name
    vault.cases.delete(case_id)  # deleted while the tab still shows it

    def boxes() -> int:  # boxes other tests left open do not count
        return sum(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())

    before = boxes()
    with caplog.at_level("INFO", logger="pdorganizer"):
        panel.refresh()
        qtbot.waitUntil(lambda: panel._task is None, timeout=15000)
        settle(qtbot)
    assert boxes() == before and QApplication.activeModalWidget() is None
    assert panel.summary.text() == "The checks could not run."
    assert panel.failure.isVisibleTo(panel) and panel.recheck_button.isEnabled()
    assert panel.failure.text() == (
        'The case or one of its documents is no longer in the vault. Press "Check again" '
        "to try once more."
    )
    assert caplog.records and name not in caplog.text  # logged, without the person's name
    case_id = good_case(vault)
    panel.load(vault, case_id)
    qtbot.waitUntil(lambda: panel.report is not None and panel._task is None, timeout=15000)
    assert "could not run" not in panel.summary.text() and panel.summary.styleSheet() == ""
    assert not panel.failure.isVisibleTo(panel)
