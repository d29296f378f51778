"""Export from the window: the dialog's checks, the packet written on a worker, the
report listing the files, and a cancelled export that leaves nothing behind."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import add_document, answer_dialog, settle

from pdorganizer.export.service import ExportOptions
from pdorganizer.ui.export_dialog import ExportDialog, ExportReport


def _report() -> ExportReport | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ExportReport) and w.isVisible()
        ),
        None,
    )


def test_export_writes_the_packet_and_lists_the_files(qtbot, opened, vault, case, tmp_path):
    docs = [add_document(vault, case.id, f"Document {i}", pages=2) for i in range(3)]
    vault.documents.tag(docs[0].id, ["identity"])
    ws = opened.workspace
    ws.reload_documents()
    # The user's order: the last document first.
    exhibits = ws.exhibits_panel
    exhibits.view.setCurrentIndex(exhibits.model.index(2, 0))
    exhibits.move(-1)
    exhibits.move(-1)
    order = exhibits.model.groups()
    assert order[0] == [docs[2].id] or docs[2].id in order[0]
    out = tmp_path / "out" / "packet.pdf"
    out.parent.mkdir()
    opened.export_to(str(out), ExportOptions(manifest="json", index_es=True))
    assert opened.job is not None  # runs on a worker, the window stays usable
    settle(qtbot, opened, timeout=60000)
    report = _report()
    assert report is not None, "no report after export"
    files = [report.files.topLevelItem(i).text(0) for i in range(report.files.topLevelItemCount())]
    assert out.name in files
    spanish = out.with_name("packet_indice_es.pdf")
    assert spanish.name in files  # the client's Spanish copy of the index, beside it
    assert "ANEXO" in PdfReader(str(spanish)).pages[0].extract_text().upper()
    assert report.folder == str(out.parent)
    assert report.open_button.isEnabled()
    reader = PdfReader(str(out))
    # Cover + index + 3 slip sheets + 6 pages at least.
    assert len(reader.pages) >= 3 + 6
    assert opened.last_export is not None and opened.last_export.page_count == len(reader.pages)
    report.accept()


def test_export_dialog_refuses_to_overwrite(qtbot, opened, tmp_path):
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"%PDF-1.4 mine")
    dialog = ExportDialog(opened, "María", ExportOptions(), 3)
    qtbot.addWidget(dialog)
    assert dialog.output().endswith("_Exhibits.pdf")
    dialog.destination.setText(str(taken))
    dialog._accept()
    assert dialog.result() == 0 and "exists" in dialog.error_label.text()
    dialog.destination.setText(str(tmp_path / "missing" / "x.pdf"))
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.No).click(), QMessageBox)
    dialog._accept()
    assert "folder" in dialog.error_label.text()
    assert not (tmp_path / "missing").exists()
    dialog.form.label.setCurrentIndex(dialog.form.label.findData("bates"))
    dialog.form.bates_prefix.setText("RMC-")
    options = dialog.options()
    assert (options.label, options.bates_prefix) == ("bates", "RMC-")
    assert taken.read_bytes() == b"%PDF-1.4 mine"


def test_cancelled_export_writes_nothing(qtbot, opened, vault, case, tmp_path):
    for i in range(4):
        add_document(vault, case.id, f"Doc {i}", pages=3)
    opened.workspace.reload_documents()
    out = tmp_path / "cancel.pdf"
    opened.export_to(str(out), ExportOptions())
    opened.job.canceled.emit()  # the Cancel button
    settle(qtbot, opened, timeout=60000)
    assert opened.job is None
    if _report() is None:  # stopped in time: no packet, a calm status message
        assert not out.exists()
        assert not list(tmp_path.glob("cancel*"))
        assert "stopped" in opened.statusBar().currentMessage().lower()
    else:  # it had already finished: then the packet is complete
        assert out.exists() and len(PdfReader(str(out)).pages) > 0


def test_export_dialog_offers_the_spanish_index(qtbot, opened):
    dialog = ExportDialog(opened, "Ana", ExportOptions(), 2)
    qtbot.addWidget(dialog)
    assert dialog.options().index_es is False
    dialog.form.index_es.setChecked(True)
    assert dialog.options().index_es is True
