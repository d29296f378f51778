"""An export stopped by a damaged stored file names the exhibit and the document, in the
user's language, and its button selects that document in the main window."""

from __future__ import annotations

import hashlib
import os

import pytest
from ui_helpers import add_document, answer_dialog, settle

from pdorganizer.export.service import ExportOptions
from pdorganizer.ui import i18n
from pdorganizer.ui.export_failure import ExportFailureBox
from pdorganizer.vault.repos import NewPage, NewSource

TEXTS = {
    "en": "Exhibit B (Lease): the file is damaged or incomplete",
    "es": "Anexo B (Lease): el archivo está dañado o incompleto",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_damaged_file_names_exhibit_and_opens_the_document(
    qtbot, qapp, window, vault, case, tmp_path, language
):
    add_document(vault, case.id, "Birth certificate")
    data = b"\x89PNG\r\n\x1a\n" + bytes(300)  # stored by an older version, never decodable
    src = NewSource(data, hashlib.sha256(data).hexdigest(), "image/png", "lease.png")
    bad = vault.documents.add(case.id, "Lease", [src], [NewPage(0, 0, 300.0, 400.0)])
    window.open_vault(vault)
    settle(qtbot, window)
    seen: dict[str, str] = {}

    def answer(box: ExportFailureBox) -> None:
        seen["text"] = box.text()
        seen["title"] = box.windowTitle()
        if os.environ.get("PDO_SHOTS"):
            box.grab().save(os.path.join(os.environ["PDO_SHOTS"], f"export-failure-{language}.png"))
        box.open_button.click()

    i18n.install_translator(qapp, language)
    try:
        answer_dialog(answer, ExportFailureBox)
        out = tmp_path / "packet.pdf"
        window.export_to(str(out), ExportOptions())
        settle(qtbot, window, timeout=60000)
    finally:
        i18n.install_translator(qapp, "en")
    assert seen["text"] == TEXTS[language]
    assert seen["title"] != "The packet could not be made" or language == "en"
    assert window.workspace.current_document_id() == bad.id
    assert list(tmp_path.glob("packet*")) == []
