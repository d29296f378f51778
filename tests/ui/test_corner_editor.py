"""Photo clean-up in the GUI: the preview's button, the photo beside the cleaned page,
dragging a corner, finding the page again, and turning the clean-up off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_helpers import settle

from pdorganizer.ingest.service import ImportOptions, import_files
from pdorganizer.scan import synthetic
from pdorganizer.ui.corner_editor import CornerEditor
from pdorganizer.vault import renditions


def _photo(vault, case, tmp_path: Path, clean: str = "auto") -> int:
    path = tmp_path / "photo.jpg"
    path.write_bytes(synthetic.jpeg_bytes(synthetic.photo(seed=1).image))
    [result] = import_files(vault, case.id, [path], ImportOptions(clean=clean))
    return result.document_id


def test_preview_offers_clean_up_for_photos(qtbot, opened, vault, case, tmp_path: Path):
    doc_id = _photo(vault, case, tmp_path)
    ws = opened.workspace
    ws.reload_documents(select=doc_id)
    preview = ws.preview
    qtbot.waitUntil(lambda: not preview.image_label.pixmap().isNull(), timeout=10000)
    assert preview.clean_button.isEnabled()
    # the preview shows the cleaned page: portrait, like the letter it is
    pixmap = preview.image_label.pixmap()
    assert pixmap.height() > pixmap.width()


def test_drag_a_corner_find_again_and_turn_off(qtbot, vault, case, tmp_path: Path):
    doc_id = _photo(vault, case, tmp_path, clean="off")
    [page] = vault.documents.pages(doc_id)
    dialog = CornerEditor(None, vault, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=10000)
    assert not dialog.enabled_box.isEnabled()  # nothing cleaned yet
    assert "not cleaned up yet" in dialog.status.text()

    canvas = dialog.canvas
    before = list(canvas.corners)
    handle = canvas._to_widget(*before[0]).toPoint()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle)
    QTest.mouseMove(canvas, handle + QPoint(30, 20))
    QTest.mouseRelease(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle + QPoint(30, 20)
    )
    assert canvas.corners[0][0] > before[0][0] and canvas.corners[0][1] > before[0][1]
    with qtbot.waitSignal(dialog.changed, timeout=15000):
        dialog.apply_button.click()
    kept = renditions.active(vault, page.id)
    assert kept is not None
    assert abs(kept.corners[0][0] - canvas.corners[0][0]) < 1.0

    with qtbot.waitSignal(dialog.changed, timeout=15000):
        dialog.auto_button.click()
    found = renditions.active(vault, page.id)
    for (x, y), (tx, ty) in zip(found.corners, synthetic.photo(seed=1).corners, strict=True):
        assert abs(x - tx) < 6 and abs(y - ty) < 6
    assert not dialog.cleaned.pixmap().isNull()
    assert dialog.enabled_box.isChecked()
    assert "drag it there" in dialog.status.text()  # the hint once there is a cleaned page

    dialog.enabled_box.setChecked(False)
    assert renditions.active(vault, page.id) is None
    assert vault.documents.page(page.id).width > vault.documents.page(page.id).height
    dialog.close()
    settle(qtbot)
