"""The import report tells the truth (issue 12, item 11): when nothing was added it does
not say "the other files were imported", its title does not say files were added, and a
duplicate names the document it repeats."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import settle, write_images

from pdorganizer.ingest.service import ImportResult
from pdorganizer.ui.import_flow import ImportReport


def _texts(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_nothing_added_says_so(qtbot, tmp_path):
    results = [
        ImportResult(str(tmp_path / "a.jpg"), "failed", None, "not an image or PDF", 0),
        ImportResult(str(tmp_path / "b.jpg"), "duplicate", 7, "duplicate of doc 7", 0),
    ]
    report = ImportReport(None, results, {7: "Lease 2019"})
    qtbot.addWidget(report)
    text = _texts(report)
    assert "other files were imported" not in text
    assert "No document was added" in text
    assert report.windowTitle() == "Nothing was added"
    assert "Lease 2019" in report.duplicate_list.item(0).text()
    assert "b.jpg" in report.duplicate_list.item(0).text()


def test_some_added_keeps_the_other_files_sentence(qtbot, tmp_path):
    results = [
        ImportResult(str(tmp_path / "a.jpg"), "imported", 3, "", 1),
        ImportResult(str(tmp_path / "b.jpg"), "failed", None, "not an image or PDF", 0),
    ]
    report = ImportReport(None, results)
    qtbot.addWidget(report)
    assert "other files were imported" in _texts(report)
    assert report.windowTitle() == "Import finished"


def test_duplicate_in_the_window_names_the_document(qtbot, opened, tmp_path):
    paths = write_images(tmp_path, ["lease.jpg"])
    opened.import_paths(paths, as_one=False)
    settle(qtbot, opened)
    title = opened.workspace.doc_model.documents()[0].title
    opened.import_paths(paths, as_one=False)
    settle(qtbot, opened)
    qtbot.waitUntil(
        lambda: any(isinstance(w, ImportReport) for w in QApplication.topLevelWidgets()),
        timeout=3000,
    )
    report = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportReport))
    assert title in report.duplicate_list.item(0).text()
    assert report.windowTitle() == "Nothing was added"
    report.accept()
