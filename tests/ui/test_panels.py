"""Preview, drag and drop, the error box, settings and the translation form."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from ui_helpers import add_document, answer_dialog, settle, write_images

from pdorganizer.core.errors import InvalidInput
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.import_flow import ImportDialog
from pdorganizer.ui.settings_dialog import SettingsDialog
from pdorganizer.ui.strength import strength_score


def test_preview_pages_zoom_and_rotate(qtbot, opened, vault, case):
    doc = add_document(vault, case.id, "Three pages", pages=3)
    ws = opened.workspace
    ws.reload_documents(select=doc.id)
    preview = ws.preview
    qtbot.waitUntil(lambda: not preview.image_label.pixmap().isNull(), timeout=5000)
    assert preview.page_label.text() == "Page 1 of 3"
    assert not preview.prev_button.isEnabled() and preview.next_button.isEnabled()
    width = preview.image_label.pixmap().width()
    preview.zoom_in_button.click()
    assert preview.zoom == 1.5
    assert preview.image_label.pixmap().width() > width
    preview.zoom_fit_button.click()
    assert preview.zoom == 1.0
    preview.next_button.click()
    qtbot.waitUntil(lambda: not preview.image_label.pixmap().isNull(), timeout=5000)
    assert preview.page_label.text() == "Page 2 of 3"
    page = preview.current_page()
    before = preview.image_label.pixmap().size()
    preview.rotate_button.click()
    assert vault.documents.page(page.id).rotation == 90
    after = preview.image_label.pixmap().size()
    assert (after.width() / after.height()) > (before.width() / before.height())
    preview.next_button.click()
    qtbot.waitUntil(lambda: preview.page_label.text() == "Page 3 of 3")
    assert not preview.next_button.isEnabled()


def test_drop_files_on_the_window_imports_them(qtbot, opened, tmp_path):
    paths = write_images(tmp_path, ["a.jpg", "b.jpg"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    opened.dragEnterEvent(enter)
    assert enter.isAccepted()

    def combine(dialog):
        assert isinstance(dialog, ImportDialog)
        assert dialog.combine.isEnabled() and not dialog.combine.isChecked()
        dialog.combine.setChecked(True)
        dialog.accept()

    answer_dialog(combine)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    opened.dropEvent(drop)
    settle(qtbot, opened)
    docs = opened.workspace.doc_model.documents()
    assert [d.page_count for d in docs] == [2]


def test_drop_refused_without_a_case(qtbot, window, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "x.jpg"))])
    enter = QDragEnterEvent(
        QPoint(1, 1),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_bug_box_copies_only_the_summary(qtbot, caplog):
    try:
        {}["Maria's secret document.jpg"]
    except KeyError as exc:
        error = exc
    show_error(None, error, "test")
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "bugBox" and w.isVisible()
    )
    copy = next(b for b in box.buttons() if "Copy" in b.text())
    copy.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("KeyError")
    assert "secret" not in copied and "secret" not in caplog.text
    assert "Something went wrong" in box.text()
    box.close()
    box.deleteLater()  # parentless: closing alone leaves it among the top-level widgets


def test_known_error_is_a_plain_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(text))
    show_error(None, InvalidInput("a document needs a title"))
    assert shown == ["A document needs a title"]


def test_settings_dialog_saves_without_case_data(qtbot, settings):
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.autolock.setValue(25)
    dialog.recent.setChecked(False)
    dialog.export_form.page_size.setCurrentIndex(dialog.export_form.page_size.findData("a4"))
    dialog._save()
    assert settings.language == "es"
    assert settings.autolock_minutes == 25
    assert not settings.remember_recent
    assert settings.export_defaults().page_size == "a4"
    keys = set(settings.store.allKeys())
    assert keys <= {"language", "autolock_minutes", "remember_recent"} | {
        "clinic_mode",  # booleans: clinic mode and whether it was offered
        "clinic_offered",
        "clean_photos",  # photo clean-up on import: on or off
    } | {
        f"export/{k}"
        for k in (
            "profile",
            "quality",
            "label",
            "label_position",
            "page_size",
            "cover",
            "manifest",
            "max_part_mb",
            "index_es",
        )
    }


def test_translation_form_sets_and_clears(qtbot, opened, vault, case):
    original = add_document(vault, case.id, "Acta de nacimiento")
    translation = add_document(vault, case.id, "Birth certificate (English)")
    ws = opened.workspace
    ws.reload_documents(select=translation.id)
    panel = ws.document_panel
    panel.is_translation.setChecked(True)
    panel.original_combo.setCurrentIndex(panel.original_combo.findData(original.id))
    panel.translator_name.setText("Ana Translator")
    panel.translator_phone.setText("555-0100")
    panel.from_language.setText("Spanish")
    panel.save_translation_button.click()
    info = vault.documents.translation(translation.id)
    assert (info.original_id, info.translator_name, info.from_language) == (
        original.id,
        "Ana Translator",
        "Spanish",
    )
    # The exhibit list keeps the translation with its original.
    assert [original.id, translation.id] in ws.exhibits_panel.model.groups()
    panel.is_translation.setChecked(False)
    assert vault.documents.translation(translation.id) is None


def test_rename_with_f2(qtbot, opened, vault, case):
    doc = add_document(vault, case.id, "IMG_2041")
    ws = opened.workspace
    ws.reload_documents(select=doc.id)
    ws.doc_table.setFocus()
    opened.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    opened.rename()
    assert ws.doc_table.state() == ws.doc_table.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Lease 2016")
    ws.thumbnails.invalidate(doc.id)  # a picture arriving while typing must not undo it
    settle(qtbot, opened)
    assert editor.text() == "Lease 2016"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: vault.documents.get(doc.id).title == "Lease 2016")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("", 0, 0),
        ("password", 0, 1),
        ("aaaaaaaaaaaaaaaa", 0, 1),
        ("maple river lantern seven", 3, 4),
        ("Tr0ub4dor&3", 1, 3),
    ],
)
def test_strength_estimate(text, low, high):
    assert low <= strength_score(text) <= high


def test_nothing_written_to_cache_or_config_dirs(qtbot, opened, vault, case, tmp_path):
    ws = opened.workspace
    doc = add_document(vault, case.id, "Photo", pages=2)
    ws.reload_documents(select=doc.id)
    ws.set_view_mode(1)
    settle(qtbot, opened)
    qtbot.waitUntil(lambda: len(ws.thumbnails) == 1, timeout=5000)
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME"):
        folder = Path(os.environ[var])
        written = [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
        assert written == [], f"{var} got files"


def test_find_a_case_by_name_or_a_number(qtbot, opened, vault, case):
    vault.cases.add("Ana Pérez", a_number="A987-654-321")
    vault.cases.add("Luis Gómez", a_number="A555-000-111")
    ws = opened.workspace
    ws.reload_cases()
    assert ws.case_model.rowCount() == 3
    opened.find_case_action.trigger()
    qtbot.keyClicks(ws.case_filter, "gomez")  # typed without the accent
    assert ws.case_model.rowCount() == 1
    assert ws.current_case_name() == "Luis Gómez"
    ws.case_filter.setText("987654")  # A-Number digits, typed without dashes
    assert [ws.case_model.case_at(0).name] == ["Ana Pérez"]
    ws.case_filter.clear()
    assert ws.case_model.rowCount() == 3


def test_combine_selected_documents(qtbot, opened, vault, case, monkeypatch):
    first = add_document(vault, case.id, "Letter p1")
    second = add_document(vault, case.id, "Letter p2", pages=2)
    ws = opened.workspace
    ws.reload_documents()
    ws.doc_table.selectAll()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    opened.merge_action.trigger()
    docs = vault.documents.list(case.id)
    assert [(d.id, d.page_count) for d in docs] == [(first.id, 3)]
    assert ws.doc_model.rowCount() == 1
    assert second.id not in [d.id for d in ws.doc_model.documents()]


def test_pdf_pages_render_in_memory_not_as_thumbnails(qtbot, opened, tmp_path):
    from PIL import Image

    pdf = tmp_path / "two-pages.pdf"
    pages = [Image.new("RGB", (850, 1100), c) for c in ("white", "lightyellow")]
    pages[0].save(pdf, save_all=True, append_images=pages[1:], resolution=100)
    opened.import_paths([str(pdf)], as_one=False)
    settle(qtbot, opened)
    ws = opened.workspace
    assert ws.doc_model.rowCount() == 1
    ws.select_document(ws.doc_model.document_at(0).id)
    preview = ws.preview
    qtbot.waitUntil(lambda: not preview._image.isNull(), timeout=10000)
    assert preview.page_label.text() == "Page 1 of 2"
    assert not preview._thumb_only
    assert max(preview._image.width(), preview._image.height()) > 1000  # not the 256 px thumb
