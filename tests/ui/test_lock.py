"""Locking drops everything: after lock no document pixels or metadata remain referenced
by the UI (models, caches, preview, panels); auto-lock fires after the idle time."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)
from ui_helpers import add_document, settle

from pdorganizer.core.models import Case, Document, Exhibit, Page, Translation


def _live(kind: type, exclude: tuple = ()) -> list:
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, kind) and o not in exclude]


def _pixels_alive() -> list:
    gc.collect()
    return [
        o
        for o in gc.get_objects()
        if (isinstance(o, (QImage, QPixmap)) and not o.isNull() and o.width() > 64)
        or (isinstance(o, QIcon) and not o.isNull())
    ]


def _all_texts() -> str:
    """Every text any live widget holds, visible or not."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = []
    for w in QApplication.allWidgets():
        texts += [w.windowTitle(), w.toolTip(), w.accessibleName()]
        if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QPlainTextEdit):
            texts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
    return "\n".join(texts)


def test_lock_drops_every_document_pixel_and_record(qtbot, opened, vault, case, tmp_path):
    window = opened
    bad = tmp_path / "Secret-scan.jpg"
    bad.write_bytes(b"not an image at all")
    window.import_paths([str(bad)], as_one=False)
    settle(qtbot, window)
    assert "Secret-scan.jpg" in _all_texts()  # the import report lists it
    doc_ids = [add_document(vault, case.id, f"Secret doc {i}", pages=2).id for i in range(3)]
    vault.documents.set_translation(doc_ids[1], doc_ids[0], translator_name="T. Ranslator")
    vault.documents.tag(doc_ids[0], ["identity"])
    ws = window.workspace
    ws.reload_documents()
    ws.set_view_mode(1)  # thumbnail grid: loads the pictures
    ws.select_document(doc_ids[1])
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(ws.thumbnails) == 3, timeout=5000)
    qtbot.waitUntil(lambda: not ws.preview.image_label.pixmap().isNull(), timeout=5000)
    assert ws.document_panel.translator_name.text() == "T. Ranslator"
    assert ws.exhibits_panel.model.rowCount() > 0
    assert _live(Document)
    assert _pixels_alive()

    window.lock()
    settle(qtbot, window)

    for model in (ws.case_model, ws.doc_model, ws.coverage_panel.model, ws.exhibits_panel.model):
        assert model.rowCount() == 0
    assert ws.exhibits_panel.model._titles == {}
    assert len(ws.thumbnails) == 0 and ws.thumbnails.vault is None
    assert ws.preview.image_label.pixmap().isNull() and ws.preview._image.isNull()
    assert ws.preview._pages == []
    assert ws.document_panel.document() is None
    assert ws.document_panel.title_edit.text() == ""
    assert ws.document_panel.translator_name.text() == ""
    assert ws.document_panel.original_combo.count() == 0
    assert ws.document_panel.factor_checks == {}
    assert ws.case_title.text() == ""
    assert window.vault is None and vault.closed
    # Nothing reachable anywhere in the process: no records, no decoded pages.
    assert _live(Document) == []
    assert _live(Page) == []
    assert _live(Exhibit) == []
    assert _live(Translation) == []
    assert _live(Case, exclude=(case,)) == []
    assert _pixels_alive() == []
    # Only the unlock prompt shows.
    assert window.stack.currentWidget() is window.start
    assert window.start.stack.currentIndex() == 1
    assert not window.toolbar.isVisible()
    assert not window.import_action.isEnabled()
    assert "Secret" not in window.windowTitle()
    texts = _all_texts()
    for secret in ("Secret", "T. Ranslator", case.name, case.a_number):
        assert secret not in texts


def test_lock_while_a_dialog_is_open_closes_it(qtbot, opened):
    from pdorganizer.ui.case_dialog import CaseDialog

    ws = opened.workspace
    dialog = CaseDialog(opened, opened.vault.factors.taxonomy(), "en", opened.vault.cases.list()[0])
    dialog.open()
    assert dialog.isVisible()
    opened.lock()
    assert not dialog.isVisible()
    assert ws.case_model.rowCount() == 0


def test_auto_lock_after_idle_time(qtbot, opened):
    opened.idle.set_interval_ms(150)
    opened.idle.start()
    qtbot.waitUntil(lambda: opened.vault is None, timeout=3000)
    assert opened.stack.currentWidget() is opened.start


def test_activity_postpones_auto_lock(qtbot, opened):
    opened.idle.set_interval_ms(300)
    opened.idle.start()
    for _ in range(5):
        qtbot.wait(100)
        qtbot.keyClick(opened.workspace.case_view, Qt.Key.Key_Down)  # input resets the timer
        QApplication.processEvents()
    assert opened.vault is not None
    qtbot.waitUntil(lambda: opened.vault is None, timeout=3000)


def test_settings_default_autolock_is_ten_minutes(settings):
    assert settings.autolock_minutes == 10
    settings.autolock_minutes = 3
    assert settings.autolock_minutes == 3
