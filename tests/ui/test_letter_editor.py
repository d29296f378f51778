"""The letter editor: the text form survives the editor, chips follow the exhibits and
cannot be typed into, formatting and undo work, and every change is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from ui_helpers import add_document

from pdorganizer.request import service
from pdorganizer.request.tokens import make
from pdorganizer.ui.letter_editor import LetterEditor


def _editor(qtbot, vault, case_id) -> LetterEditor:
    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.load(vault, case_id)
    return editor


def _chip_texts(editor: LetterEditor) -> list[str]:
    doc = editor.edit.document()
    out = []
    for pos, length, _href in editor.edit.chips():
        c = QTextCursor(doc)
        c.setPosition(pos)
        c.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
        out.append(c.selectedText())
    return out


def test_draft_round_trips_and_chips_follow_exhibits(qtbot, vault, case):
    a = add_document(vault, case.id, "Lease", pages=2, factors=["presence"])
    b = add_document(vault, case.id, "Pay stub", pages=1, factors=["work"])
    text = service.draft(vault, case.id).text
    editor = _editor(qtbot, vault, case.id)
    assert editor.edit.to_text() == text  # nothing lost or reworded by the editor
    assert _chip_texts(editor) == ["Ex. A", "Ex. B"]
    qtbot.keyClicks(editor.edit, "Note. ")  # an edit that undo can take back
    vault.exhibits.set(case.id, [[b.id], [a.id]])
    editor.refresh()
    assert _chip_texts(editor) == ["Ex. B", "Ex. A"]
    assert editor.edit.to_text() == "Note. " + text  # the tokens did not change
    while editor.edit.document().isUndoAvailable():
        editor.edit.undo()
    assert _chip_texts(editor) == ["Ex. B", "Ex. A"]  # undo never brings back stale texts
    assert "[[" in editor.edit.to_text() and editor.edit.to_text().count("[[") == 2


def test_chips_cannot_be_typed_into(qtbot, vault, case):
    doc = add_document(vault, case.id, "Lease", pages=3, factors=["presence"])
    service.set_text(vault, case.id, f"See [[{doc.id} p.2-3]] here.\n")
    editor = _editor(qtbot, vault, case.id)
    [(pos, length, _)] = editor.edit.chips()
    # cover unlabelled; letter 1, index 2, slip 3, the lease 4-6
    assert _chip_texts(editor) == ["Ex. A at 5-6"]
    cursor = QTextCursor(editor.edit.document())
    cursor.setPosition(pos + 3)
    cursor.insertText("zzz")
    assert _chip_texts(editor) == ["Ex. A at 5-6"]
    assert "zzz" not in editor.edit.to_text()
    cursor = QTextCursor(editor.edit.document())
    cursor.setPosition(pos + length)
    editor.edit.setTextCursor(cursor)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Backspace)  # into the chip: the whole chip goes
    assert editor.edit.chips() == []
    assert editor.edit.to_text() == "See  here.\n"
    editor.edit.undo()  # and comes back whole
    assert editor.edit.to_text() == f"See [[{doc.id} p.2-3]] here.\n"
    cursor = QTextCursor(editor.edit.document())
    cursor.setPosition(pos + length)
    cursor.deletePreviousChar()  # any other partial delete also takes the whole chip
    assert editor.edit.chips() == []


def test_formatting_citation_insert_undo_and_save(qtbot, vault, case):
    doc = add_document(vault, case.id, "Lease", pages=2, factors=["presence"])
    service.set_text(vault, case.id, "Intro word.\n")
    editor = _editor(qtbot, vault, case.id)
    cursor = editor.edit.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(10, QTextCursor.MoveMode.KeepAnchor)
    editor.edit.setTextCursor(cursor)
    editor.bold_action.trigger()
    assert editor.edit.to_text() == "Intro **word**.\n"
    qtbot.keyClick(editor.edit, "i", Qt.KeyboardModifier.ControlModifier)  # italic, not Import
    assert editor.edit.to_text() == "Intro ***word***.\n"
    qtbot.keyClick(editor.edit, "i", Qt.KeyboardModifier.ControlModifier)
    editor.set_heading(1)
    assert editor.edit.to_text() == "# Intro word.\n"
    editor.edit.undo()
    assert editor.edit.to_text() == "Intro **word**.\n"
    cursor = editor.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    editor.edit.insert_citation(make(doc.id, 2))
    qtbot.keyClicks(editor.edit, " ok")
    assert editor.edit.to_text() == f"Intro **word**.[[{doc.id} p.2]] ok\n"
    editor.flush()
    assert service.letter_text(vault, case.id) == editor.edit.to_text()
    # a citation to a document that leaves the case is shown broken, never dropped
    vault.documents.delete(doc.id)
    editor.refresh()
    assert "BROKEN CITATION" in _chip_texts(editor)[0]
    assert f"[[{doc.id} p.2]]" in editor.edit.to_text()
    assert "1" in editor.status.text()
    editor.clear()
    assert editor.edit.document().isEmpty() and not editor.edit.document().isUndoAvailable()


def test_label_style_of_the_last_export_and_citation_dialog(qtbot, vault, case, tmp_path):
    from pdorganizer.export.remembered import save_choices
    from pdorganizer.export.service import ExportOptions
    from pdorganizer.ui.citation_dialog import CitationDialog

    lease = add_document(vault, case.id, "Lease", pages=3, factors=["presence"])
    stub = add_document(vault, case.id, "Pay stub", pages=1, factors=["work"])
    vault.exhibits.set(case.id, [[lease.id, stub.id]])  # one exhibit of two documents
    service.set_text(vault, case.id, f"See [[{stub.id}]].\n")
    editor = _editor(qtbot, vault, case.id)
    assert _chip_texts(editor) == ["Ex. A at 7"]  # its own page inside exhibit A
    save_choices(vault, case.id, ExportOptions(label="bates", bates_prefix="PD-"), str(tmp_path))
    editor.refresh()
    assert _chip_texts(editor) == ["Ex. A at PD-000007"]
    dialog = CitationDialog(None, vault, case.id, editor.edit.places)
    qtbot.addWidget(dialog)
    top = dialog.tree.topLevelItem(0)
    dialog.tree.setCurrentItem(top.child(0))  # the lease
    dialog.pages_box.setChecked(True)
    dialog.first.setValue(2)
    dialog.last.setValue(3)
    assert dialog.citation().token() == f"[[{lease.id} p.2-3]]"
    assert dialog.preview.text().endswith("Ex. A at PD-000005 - PD-000006")
    assert dialog.last.maximum() == 3
    dialog.pages_box.setChecked(False)
    assert dialog.citation().token() == f"[[{lease.id}]]"


def test_copy_and_paste_keep_citations(qtbot, vault, case):
    from PySide6.QtCore import QMimeData

    doc = add_document(vault, case.id, "Lease", pages=3, factors=["presence"])
    service.set_text(vault, case.id, f"See [[{doc.id} p.2]] here.\n")
    editor = _editor(qtbot, vault, case.id)
    editor.edit.selectAll()
    copied = editor.edit.createMimeDataFromSelection()
    assert copied.text().startswith("See Ex. A at 5")  # other programs get what it shows
    cursor = editor.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    editor.edit.insertFromMimeData(copied)  # in the letter: the chip again
    assert editor.edit.to_text().count(f"[[{doc.id} p.2]]") == 2
    pasted = QMimeData()
    pasted.setText(f" and [[{doc.id} p.3]]")  # a token typed elsewhere becomes a chip
    editor.edit.insertFromMimeData(pasted)
    assert _chip_texts(editor)[-1] == "Ex. A at 6"


def test_word_copy_save_is_recorded_in_the_vault(qtbot, vault, case, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    from ui_helpers import answer_dialog

    from pdorganizer.vault import Vault

    service.draft(vault, case.id)
    editor = _editor(qtbot, vault, case.id)
    folders = []
    real = Vault.writing_to

    def spy(self, folder, prefix):  # the real record, noted: a killed save gets swept
        folders.append((folder, prefix))
        return real(self, folder, prefix)

    monkeypatch.setattr(Vault, "writing_to", spy)
    out = tmp_path / "letter.docx"

    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile(str(out))
        dialog.accept()

    answer_dialog(choose, QFileDialog)
    answer_dialog(lambda box: box.accept(), QMessageBox)
    editor.write_docx()
    assert out.is_file() and folders == [(out.parent, ".letter.docx.")]
    assert [k for k in vault.meta() if k.startswith("pending_write.")] == []
