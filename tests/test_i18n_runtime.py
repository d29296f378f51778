"""Loading the translations: language choice, on-demand compiling, Qt's own strings,
locale-aware dates and plurals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale

from pdorganizer.ui import i18n

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context><name>Probe</name>
<message><source>Hello</source><translation>{hello}</translation></message>
<message numerus="yes"><source>%n document(s)</source><translation>
<numerusform>%n documento</numerusform><numerusform>%n documentos</numerusform>
</translation></message>
</context></TS>
"""
ENGLISH = QLocale("en_US")


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Probe", text, None, n)


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    (tmp_path / "pdorganizer_es.ts").write_text(TS.format(hello="Hola"), encoding="utf-8")
    return tmp_path


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    i18n.install_translator(qapp, "en", system=ENGLISH)


def test_spanish_translates_pluralises_and_sets_the_locale(qapp, catalogue: Path) -> None:
    assert i18n.install_translator(qapp, "es", folder=catalogue, system=ENGLISH) == "es"
    assert _tr("Hello") == "Hola"
    assert _tr("%n document(s)", 1) == "1 documento"
    assert _tr("%n document(s)", 3) == "3 documentos"
    # Not a Spanish system: Spanish as written in the U.S.
    assert QLocale().name() == "es_US"
    assert "noviembre" in QLocale().toString(QDate(2026, 11, 27), QLocale.FormatType.LongFormat)
    # Qt's own buttons come along.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_english_removes_the_spanish(qapp, catalogue: Path) -> None:
    i18n.install_translator(qapp, "es", folder=catalogue, system=ENGLISH)
    assert i18n.install_translator(qapp, "en", folder=catalogue, system=ENGLISH) == "en"
    assert _tr("Hello") == "Hello"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().name() == "en_US"


@pytest.mark.parametrize(
    ("system", "expected"),
    [("es_MX", "es"), ("es_ES", "es"), ("en_GB", "en"), ("fr_FR", "en"), ("C", "en")],
)
def test_follows_the_system_language(system: str, expected: str) -> None:
    assert i18n.resolve_language(None, QLocale(system)) == expected
    assert i18n.resolve_language("system", QLocale(system)) == expected
    # An explicit choice wins over the system.
    assert i18n.resolve_language("en", QLocale(system)) == "en"
    assert i18n.resolve_language("es", QLocale(system)) == "es"


def test_a_spanish_system_keeps_its_own_formats(qapp, catalogue: Path) -> None:
    i18n.install_translator(qapp, None, folder=catalogue, system=QLocale("es_MX"))
    assert QLocale().name() == "es_MX"
    assert _tr("Hello") == "Hola"


def test_missing_qm_is_built_and_a_stale_one_rebuilt(qapp, catalogue: Path) -> None:
    ts, qm = i18n.catalogue_paths("es", catalogue)
    assert not qm.exists()
    i18n.install_translator(qapp, "es", folder=catalogue, system=ENGLISH)
    assert qm.is_file()
    # Edit the source and make it newer: the next start picks the change up.
    ts.write_text(TS.format(hello="Buenas"), encoding="utf-8")
    later = qm.stat().st_mtime + 10
    os.utime(ts, (later, later))
    i18n.install_translator(qapp, "es", folder=catalogue, system=ENGLISH)
    assert _tr("Hello") == "Buenas"
    assert qm.stat().st_mtime >= ts.stat().st_mtime


def test_read_only_install_compiles_in_memory(qapp, catalogue: Path) -> None:
    data = i18n.catalogue_bytes("es", catalogue, in_place=False)
    assert data and data[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
    assert not (catalogue / "pdorganizer_es.qm").exists()


def test_no_catalogue_means_english(qapp, tmp_path: Path) -> None:
    assert i18n.install_translator(qapp, "es", folder=tmp_path, system=ENGLISH) == "en"
    assert QLocale().name() == "en_US"


def test_shipped_catalogue_compiles(tmp_path: Path) -> None:
    ts, _ = i18n.catalogue_paths("es")
    assert ts.is_file()
    out = tmp_path / "out.qm"
    i18n.compile_catalogue(ts, out)
    assert out.stat().st_size > 0


def test_language_names_are_written_in_their_own_language() -> None:
    assert i18n.available_languages() == {"en": "English", "es": "Español"}


def _a_shipped_translation() -> tuple[str, str, str]:
    """Some finished (context, source, Spanish) from the shipped catalogue."""
    import xml.etree.ElementTree as ET

    ts, _ = i18n.catalogue_paths("es")
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if msg.get("numerus") != "yes" and tr is not None and not tr.get("type") and tr.text:
                return context.findtext("name") or "", msg.findtext("source") or "", tr.text
    pytest.fail("the shipped catalogue has no finished translation")


def test_a_fresh_app_follows_the_system_language() -> None:
    """End to end, as the app starts: the shipped catalogue, the real system locale."""
    import subprocess
    import sys

    context, source, spanish = _a_shipped_translation()
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QCoreApplication, QLocale\n"
        "app = QApplication([])\n"
        "from pdorganizer.ui.i18n import install_translator\n"
        "lang = install_translator(app)\n"
        "print(lang, QLocale().name())\n"
        "print(QCoreApplication.translate(sys.argv[1], sys.argv[2]))\n"
    )
    env = {**os.environ, "LANG": "es_MX.UTF-8", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "-c", code, context, source],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    first, second = done.stdout.split("\n", 1)
    assert first == "es es_MX"
    assert second.rstrip("\n") == spanish


def test_a_bundle_with_only_the_compiled_catalogue_loads(qapp, catalogue: Path) -> None:
    """PyInstaller bundles ship the .qm without its .ts source, and no compiler."""
    ts, qm = i18n.catalogue_paths("es", catalogue)
    i18n.compile_catalogue(ts, qm)
    ts.unlink()
    assert i18n.install_translator(qapp, "es", folder=catalogue, system=ENGLISH) == "es"
    assert _tr("Hello") == "Hola"


@pytest.mark.parametrize(
    ("context", "source", "n", "expected"),
    [
        ("ImportReport", "%n document(s) added.", 1, "1 document added."),
        ("ImportReport", "%n document(s) added.", 3, "3 documents added."),
        (
            "ImportReport",
            "%n file(s) were already in this case and were skipped:",
            1,
            "1 file was already in this case and was skipped:",
        ),
        (
            "CoveragePanel",
            "%n point(s) marked in orange need more evidence.",
            2,
            "2 points marked in orange need more evidence.",
        ),
    ],
)
def test_english_plurals_read_naturally(
    qapp, context: str, source: str, n: int, expected: str
) -> None:
    """The shipped English catalogue holds only plural forms: no "document(s)" on screen."""
    assert i18n.install_translator(qapp, "en", system=ENGLISH) == "en"
    assert QCoreApplication.translate(context, source, None, n) == expected


def test_service_errors_with_names_are_translated_then_filled(qapp) -> None:
    """A known failure that names something shows in Spanish with the name filled in."""
    from pdorganizer.core.errors import InvalidInput
    from pdorganizer.ui.errors import user_message

    exc = InvalidInput("the folder {folder} does not exist", folder="/media/Ana López")
    assert exc.message == "the folder /media/Ana López does not exist"  # CLI and logs
    assert i18n.install_translator(qapp, "es", system=ENGLISH) == "es"
    assert user_message(exc) == "la carpeta /media/Ana López no existe"
    assert i18n.install_translator(qapp, "en", system=ENGLISH) == "en"
    assert user_message(exc) == "the folder /media/Ana López does not exist"
