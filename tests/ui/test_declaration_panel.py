"""The declaration tab: the interview in Spanish, paragraphs from the answers, the English
translation beside them, and the case documents they become."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from ui_helpers import answer_dialog

from pdorganizer.request import declaration_service as ds
from pdorganizer.request.store import get_declaration
from pdorganizer.ui.declaration_panel import DeclarationPanel
from pdorganizer.ui.request_panel import RequestPanel


def test_interview_to_declaration_and_translation(qtbot, vault):
    case = vault.cases.add("Ana Pérez", language="Spanish")
    panel = DeclarationPanel()
    qtbot.addWidget(panel)
    panel.load(vault, case.id)
    assert panel.current_language() == "es"  # from the case's language
    q, _section, text, hint = panel.question_labels[0]
    assert text.text() == q.text["es"] and hint.text() == q.hint["es"]
    shown = {q.id for q, _s, text, _h in panel.question_labels if not text.isHidden()}
    assert "negative_what" not in shown and "family" in shown  # no negative factor tagged
    vault.cases.set_claimed_factors(case.id, ["criminal_history"])
    panel.load(vault, case.id)
    assert not panel.answer_boxes["negative_what"].isHidden()
    panel.answer_boxes["identity"].setPlainText("Me llamo Ana Pérez.")
    panel.answer_boxes["family"].setPlainText("Tengo dos hijos.\n\nMi esposo es ciudadano.")
    answer_dialog(lambda box: box.accept(), QMessageBox)  # "English translation needed"
    panel.make_button.click()
    rec = get_declaration(vault, case.id)
    assert rec.paragraphs == ["Me llamo Ana Pérez.", "Tengo dos hijos.", "Mi esposo es ciudadano."]
    assert rec.answers["identity"] == "Me llamo Ana Pérez."
    assert vault.documents.get(rec.document_id).kind == "declaration"
    assert rec.translation_id is None
    assert not panel.table.isColumnHidden(1)
    for row, english in enumerate(
        ["My name is Ana Pérez.", "I have two children.", "My husband is a citizen."]
    ):
        panel.table.setItem(row, 1, QTableWidgetItem(english))
    panel.translator_name.setText("T. Ran")
    panel.save()
    rec = get_declaration(vault, case.id)
    assert rec.translation[0] == "My name is Ana Pérez." and rec.translator_name == "T. Ran"
    translation = vault.documents.get(rec.translation_id)
    assert translation.translation_of == rec.document_id
    assert "I declare under penalty of perjury" in ds.show_text(vault, case.id, translation=True)
    panel.answer_boxes["work"].setPlainText("Trabajo en construcción.")
    panel.clear()  # lock: what was typed is kept in the vault, not lost
    assert get_declaration(vault, case.id).answers["work"] == "Trabajo en construcción."
    assert all(not b.toPlainText() for b in panel.answer_boxes.values())
    assert panel.table.rowCount() == 0


def test_english_hides_the_translation_column(qtbot, vault):
    case = vault.cases.add("Ann Lee", language="English")
    panel = RequestPanel()
    qtbot.addWidget(panel)
    panel.load(vault, case.id)
    decl = panel.declaration
    assert decl.current_language() == "en" and decl.table.isColumnHidden(1)
    decl.add_paragraph()
    decl.table.item(0, 0).setText("My name is Ann Lee.")
    changed = []
    panel.documents_changed.connect(lambda: changed.append(1))
    decl.save()
    assert changed and "My name is Ann Lee." in ds.show_text(vault, case.id)
