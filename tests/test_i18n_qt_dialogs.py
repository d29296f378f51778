"""Qt's own dialogs speak U.S. Spanish too (issue 12, item 7): the file dialog's labels
that PySide6's qtbase_es lacks are ours (resources/i18n/qtfixes_es.ts), and no Qt text
says "fichero" where the glossary says "archivo"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox

from pdorganizer.ui import i18n


@pytest.fixture
def spanish(qapp):
    assert i18n.install_translator(qapp, "es") == "es"
    yield
    i18n.install_translator(qapp, "en")


def _texts(widget) -> list[str]:
    widgets = widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
    return [w.text() for w in widgets if w.text()]


def test_file_dialog_is_spanish(qtbot, spanish, tmp_path):
    (tmp_path / "sub").mkdir()
    dialog = QFileDialog(None, "x", str(tmp_path), "Vaults (*.pdvault);;All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(50)
    texts = _texts(dialog)
    for english in ("&Look in:", "Files of &type:", "File &name:"):
        assert english not in texts, texts
    assert "&Buscar en:" in texts and "&Tipo de archivo:" in texts
    assert not [t for t in texts if "ichero" in t]
    for ctx, src, comment in (
        ("QFileDialog", "All Files (*)", None),
        ("QFileDialog", "%1 already exists.\nDo you want to replace it?", None),
        ("QAbstractFileIconProvider", "Folder", "All other platforms"),
    ):
        text = QCoreApplication.translate(ctx, src, comment)
        assert text != src and "ichero" not in text, (src, text)


def test_message_box_buttons_are_spanish(qtbot, spanish):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Sí"
