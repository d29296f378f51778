"""Export as a newcomer meets it (issue 12, items 9, 10, 12, 13): the report names each
file once with its size and the folder once; "Open folder" without a file manager says
so and shows the path; progress shows one measure; a missing folder can be created; the
case's export choices come back next time, from the vault, not the settings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import add_document, answer_dialog, settle

from pdorganizer.export.remembered import load_choices
from pdorganizer.export.service import ExportOptions, ExportResult
from pdorganizer.ui.export_dialog import ExportDialog, ExportReport
from pdorganizer.ui.progress_dialog import JobRunner


def test_report_names_sizes_and_the_folder_once(qtbot, tmp_path):
    parts = [tmp_path / "packet_Part1.pdf", tmp_path / "packet_Part2.pdf"]
    for i, p in enumerate(parts):
        p.write_bytes(b"x" * (2048 * (i + 1)))
    manifest = tmp_path / "packet.manifest.json"
    manifest.write_text("{}")
    result = ExportResult(
        files=[str(p) for p in parts],
        page_count=30,
        manifest_path=str(manifest),
        file_pages=[20, 10],
    )
    report = ExportReport(None, result)
    qtbot.addWidget(report)
    report.show()
    rows = [
        [report.files.topLevelItem(r).text(c) for c in range(3)]
        for r in range(report.files.topLevelItemCount())
    ]
    assert [r[0] for r in rows] == [p.name for p in parts] + [manifest.name]
    assert len({r[1] for r in rows}) == 3  # each says what it holds
    assert rows[0][1].startswith("Part 1 of 2") and "20 page" in rows[0][1]
    assert all(r[2] for r in rows) and rows[0][2] != rows[1][2]  # sizes, and they differ
    assert report.folder_edit.text() == str(tmp_path)
    assert not any(str(tmp_path) in r[0] for r in rows)  # the folder is shown once
    # Every name is readable whole.
    metrics = report.files.fontMetrics()
    assert report.files.columnWidth(0) >= metrics.horizontalAdvance(parts[0].name)


def test_open_folder_without_a_file_manager_says_so(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))  # no xdg-open to start
    (tmp_path / "p.pdf").write_bytes(b"%PDF")
    report = ExportReport(None, ExportResult(files=[str(tmp_path / "p.pdf")], page_count=1))
    qtbot.addWidget(report)
    report.show()
    report.open_button.click()
    assert report.open_error.isVisible()
    assert "copy" in report.open_error.text().lower()
    assert report.folder_edit.selectedText() == str(tmp_path)
    report.copy_button.click()
    assert QApplication.clipboard().text() == str(tmp_path)


def test_progress_shows_one_measure(qtbot):
    runner = JobRunner(None, "Exporting", "Making the exhibit packet…")
    qtbot.addWidget(runner)
    runner._progress(8, 14, "")
    assert "8 of 14" in runner.labelText()
    assert not runner._bar.isTextVisible()  # no "57%" beside it
    runner.deleteLater()


def test_missing_folder_is_created_on_request(qtbot, opened, tmp_path):
    dialog = ExportDialog(opened, "Ana", ExportOptions(), 2)
    qtbot.addWidget(dialog)
    target = tmp_path / "new" / "deeper" / "packet.pdf"
    dialog.destination.setText(str(target))
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
    dialog._accept()
    assert target.parent.is_dir()
    assert dialog.result() == 1


def test_choices_are_remembered_per_case_in_the_vault(qtbot, opened, vault, case, tmp_path):
    add_document(vault, case.id, "Lease")
    other = vault.cases.add("Pedro Ruiz")
    out = tmp_path / "mine.pdf"
    dialog = ExportDialog(opened, case.name, ExportOptions(), 1, vault=vault, case_id=case.id)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(out))
    dialog.form.label.setCurrentIndex(dialog.form.label.findData("bates"))
    dialog.form.bates_prefix.setText("RMC-")
    dialog.form.title.setText("Evidence for María")
    dialog._accept()
    assert dialog.result() == 1
    stored = load_choices(vault, case.id)
    assert stored is not None and stored[1] == str(out)
    assert (stored[0].label, stored[0].bates_prefix) == ("bates", "RMC-")
    assert load_choices(vault, other.id) is None
    again = ExportDialog(opened, case.name, ExportOptions(), 1, vault=vault, case_id=case.id)
    qtbot.addWidget(again)
    assert again.output() == str(out)
    assert again.options().label == "bates" and again.options().title == "Evidence for María"
    out.write_bytes(b"%PDF-1.4 written by the last export")
    third = ExportDialog(opened, case.name, ExportOptions(), 1, vault=vault, case_id=case.id)
    qtbot.addWidget(third)
    assert third.output() == str(tmp_path / "mine_2.pdf")  # never the file just written
    fresh = ExportDialog(opened, other.name, ExportOptions(), 1, vault=vault, case_id=other.id)
    qtbot.addWidget(fresh)
    assert fresh.options().label == "plain"
    # Nothing of it in the app's settings.
    settings_file = opened.settings.store.fileName()
    opened.settings.sync()
    if os.path.exists(settings_file):
        text = Path(settings_file).read_text(encoding="utf-8")
        assert "RMC-" not in text and "mine.pdf" not in text and "María" not in text
    settle(qtbot, opened)


def test_export_options_are_never_squeezed(qtbot, opened, vault, case):
    for i in range(3):
        add_document(vault, case.id, f"Doc {i}")
    dialog = ExportDialog(opened, case.name, ExportOptions(), 3, vault=vault, case_id=case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()
    form = dialog.form
    for widget in (form.profile, form.quality, form.label, form.page_size, form.manifest):
        assert widget.height() >= widget.minimumSizeHint().height(), widget.accessibleName()
