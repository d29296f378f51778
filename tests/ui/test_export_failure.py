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
        # Not settle() at once: opening the document starts its preview on a worker.
        qtbot.waitUntil(lambda: window.job is None and "text" in seen, timeout=60000)
        qtbot.waitUntil(lambda: window.workspace.current_document_id() == bad.id)
        settle(qtbot, window)
    finally:
        i18n.install_translator(qapp, "en")
    assert seen["text"] == TEXTS[language]
    assert seen["title"] != "The packet could not be made" or language == "en"
    assert window.workspace.current_document_id() == bad.id
    assert list(tmp_path.glob("packet*")) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_import_report_says_only_the_first_gif_frame_was_imported(qtbot, qapp, tmp_path, language):
    from pdorganizer.ingest.service import import_files
    from pdorganizer.ui.import_flow import IMAGE_SUFFIXES, ImportReport
    from pdorganizer.vault import CHEAP_PARAMS, Vault
    from tests.ingest_samples import gif, write

    assert ".gif" in IMAGE_SUFFIXES and ".avif" in IMAGE_SUFFIXES  # the file picker offers them
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    paths = [write(tmp_path, "anim.gif", gif(3)), write(tmp_path, "still.gif", gif(1))]
    results = import_files(vault, case.id, paths)
    vault.close()
    i18n.install_translator(qapp, language)
    try:
        report = ImportReport(None, results)
        qtbot.addWidget(report)
        report.show()
        lines = [report.notes_list.item(i).text() for i in range(report.notes_list.count())]
        if os.environ.get("PDO_SHOTS"):
            report.grab().save(os.path.join(os.environ["PDO_SHOTS"], f"import-gif-{language}.png"))
    finally:
        i18n.install_translator(qapp, "en")
    assert lines == [
        {
            "en": "anim.gif: an animated GIF; only its first frame was imported.",
            "es": "anim.gif: un GIF animado; solo se agregó su primer cuadro.",
        }[language]
    ]
