"""The import report's remarks on photos are in the app's language: with clean-up on by
default, a photo that is not of a page (a family picture) is a common remark."""

from __future__ import annotations

import pytest

from pdorganizer.ui import i18n


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_photo_without_a_page_is_remarked_in_the_apps_language(qtbot, qapp, tmp_path, language):
    from pdorganizer.ingest.service import import_files
    from pdorganizer.scan import synthetic
    from pdorganizer.ui.import_flow import ImportReport
    from pdorganizer.vault import CHEAP_PARAMS, Vault

    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(
        synthetic.jpeg_bytes(synthetic.photo(1600, 1200, seed=4, document=False).image)
    )
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    try:
        case = vault.cases.add("Ana")
        [result] = import_files(vault, case.id, [photo])
    finally:
        vault.close()
    assert result.status == "imported" and result.notes
    i18n.install_translator(qapp, language)
    try:
        report = ImportReport(None, [result])
        qtbot.addWidget(report)
        lines = [report.notes_list.item(i).text() for i in range(report.notes_list.count())]
    finally:
        i18n.install_translator(qapp, "en")
    assert lines == [
        {
            "en": "IMG_0001.jpg: photo: no page outline found; the page was left as it was.",
            "es": "IMG_0001.jpg: foto: no se encontró el borde de la página; la página se "
            "dejó tal como estaba.",
        }[language]
    ]


def test_every_remark_intake_makes_is_declared_for_translation() -> None:
    import re
    from pathlib import Path

    from pdorganizer.ui.import_notes import NOTES

    root = Path(__file__).resolve().parents[2] / "pdorganizer" / "ingest"
    made = set()
    for path in root.glob("*.py"):
        made |= set(re.findall(r'notes\.append\(\s*"([^"{]+)"\s*\)', path.read_text()))
    assert made and made <= set(NOTES)
