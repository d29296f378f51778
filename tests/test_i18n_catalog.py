"""The Spanish catalogue keeps up with the GUI, and the taxonomy speaks Spanish.

`installer/i18n.py check` runs pyside6-lupdate over the current pdorganizer/ui/ sources
into a scratch .ts and compares it with resources/i18n/pdorganizer_es.ts.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pdorganizer.core.factors import builtin_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def _load_tool():
    spec = importlib.util.spec_from_file_location("pdo_i18n_tool", ROOT / "installer" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def test_every_gui_string_has_a_finished_spanish_translation() -> None:
    report = tool.check("es")
    assert report.ok, "\n".join(report.lines()[:60])
    assert report.translated == report.total


def test_every_gui_plural_has_its_english_forms() -> None:
    """English ships a plural-only catalogue, so "%n document(s)" never reaches the screen."""
    report = tool.check("en")
    assert report.ok, "\n".join(report.lines()[:60])
    assert report.total >= 1 and report.translated == report.total


def test_catalogue_declares_spanish_with_two_plural_forms() -> None:
    ts = tool.ts_path("es")
    root = tool.ET.parse(ts).getroot()
    assert root.get("language") == "es"
    for msg in tool.read_ts(ts):
        if msg.numerus and msg.finished:
            assert len(msg.translations) == 2, msg.source


# -- the checker itself, on a tiny GUI written here ----------------------------------------

GUI = """
from PySide6.QtWidgets import QWidget


class Panel(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle(self.tr("Documents"))
        self.tr("&Open vault")
        self.tr("%n page(s)", "", 2)
        self.tr("Exhibit %1 of %2")
"""

TS_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _ts(body: str) -> str:
    return (
        TS_HEAD
        + f'<TS version="2.1" language="es"><context><name>Panel</name>{body}</context></TS>'
    )


def _msg(source: str, translation: str, extra: str = "") -> str:
    return f"<message{extra}><source>{source}</source>{translation}</message>"


DONE = {
    "Documents": "<translation>Documentos</translation>",
    "&amp;Open vault": "<translation>&amp;Abrir archivo</translation>",
    "%n page(s)": (
        "<translation><numerusform>%n página</numerusform>"
        "<numerusform>%n páginas</numerusform></translation>"
    ),
    "Exhibit %1 of %2": "<translation>Prueba %1 de %2</translation>",
}


def _write(tmp_path: Path, done: dict[str, str]) -> tuple[Path, Path]:
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "panel.py").write_text(GUI, encoding="utf-8")
    i18n = tmp_path / "i18n"
    i18n.mkdir()
    body = "".join(
        _msg(src, tr, ' numerus="yes"' if "%n" in src else "") for src, tr in done.items()
    )
    tool.ts_path("es", i18n).write_text(_ts(body), encoding="utf-8")
    return ui, i18n


def test_checker_passes_a_complete_catalogue(tmp_path: Path) -> None:
    ui, i18n = _write(tmp_path, DONE)
    report = tool.check("es", ui, i18n)
    assert report.ok, report.lines()
    assert (report.translated, report.total) == (4, 4)


def test_checker_reports_a_missing_string(tmp_path: Path) -> None:
    ui, i18n = _write(tmp_path, {k: v for k, v in DONE.items() if k != "Documents"})
    report = tool.check("es", ui, i18n)
    assert report.missing == [("Panel", "Documents", "")]
    assert not report.ok


def test_checker_reports_unfinished_and_vanished(tmp_path: Path) -> None:
    done = dict(DONE)
    done["Documents"] = '<translation type="unfinished">Documentos</translation>'
    done["&amp;Open vault"] = '<translation type="vanished">&amp;Abrir</translation>'
    ui, i18n = _write(tmp_path, done)
    report = tool.check("es", ui, i18n)
    assert sorted(s for _, s, _ in report.unfinished) == ["&Open vault", "Documents"]


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ("Exhibit %1 of %2", "<translation>Prueba %1</translation>"),
        ("&amp;Open vault", "<translation>Abrir archivo</translation>"),
        ("Documents", "<translation>Documents</translation>"),
    ],
)
def test_checker_reports_lost_placeholders_mnemonics_and_copies(
    tmp_path: Path, source: str, bad: str
) -> None:
    ui, i18n = _write(tmp_path, {**DONE, source: bad})
    report = tool.check("es", ui, i18n)
    assert len(report.problems) == 1, report.problems


def test_update_merges_new_strings_as_unfinished(tmp_path: Path) -> None:
    ui, i18n = _write(tmp_path, {k: v for k, v in DONE.items() if k != "Documents"})
    ts = tool.ts_path("es", i18n)
    tool.lupdate(ts, "es", tool.ui_sources(ui))
    by_source = {m.source: m for m in tool.read_ts(ts)}
    assert by_source["Documents"].status == "unfinished"
    assert by_source["Exhibit %1 of %2"].translations == ["Prueba %1 de %2"]


# -- the factor taxonomy ------------------------------------------------------------------


@pytest.mark.parametrize("what", ["label", "help", "examples"])
def test_every_factor_has_spanish(what: str) -> None:
    missing = []
    for factor in builtin_taxonomy().factors:
        values = getattr(factor, what)
        es, en = (values.get("es") or "").strip(), (values.get("en") or "").strip()
        if not en:
            missing.append(f"{factor.id}: no English {what}")
        if not es or es == en:
            missing.append(f"{factor.id}: no Spanish {what}")
    assert not missing, "\n".join(missing)


WRAPPED = """
from PySide6.QtCore import QCoreApplication


def _tr(text, n=-1):
    return QCoreApplication.translate("Model", text, None, n)


HEADERS = (_tr("Title"), _tr("(%n page(s))", 3))
"""


def test_strings_behind_a_translate_wrapper_are_extracted(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(WRAPPED, encoding="utf-8")
    found = {(c, t, plural) for c, t, plural, _ in tool.wrapped_strings([tmp_path / "model.py"])}
    assert found == {("Model", "Title", False), ("Model", "(%n page(s))", True)}
    report = tool.check("es", tmp_path, tmp_path)
    assert report.total == 2
    assert sorted(report.missing) == [("Model", "(%n page(s))", ""), ("Model", "Title", "")]


# -- error messages of the services that the GUI shows -----------------------------------


def test_every_fixed_service_error_message_is_declared_for_translation() -> None:
    from pdorganizer.ui.error_texts import MESSAGES

    undeclared = [m for m in tool.service_messages() if m not in MESSAGES]
    assert not undeclared, (
        "run `python installer/i18n.py errors` then `update`, and translate:\n"
        + "\n".join(undeclared)
    )


def test_service_messages_are_found(tmp_path: Path) -> None:
    pkg = tmp_path / "core"
    pkg.mkdir()
    for name in ("vault", "ingest", "export"):
        (tmp_path / name).mkdir()
    (pkg / "errors.py").write_text(
        "class PdoError(Exception): ...\n"
        "class Bad(PdoError):\n"
        "    def __init__(self, message: str = 'bad file') -> None:\n"
        "        super().__init__(message)\n"
        "class Worse(Bad):\n"
        "    def __init__(self):\n"
        "        super().__init__('worse file')\n"
        "def f(name):\n"
        "    raise Bad('the disk is full')\n"
        "def g(name):\n"
        "    raise Bad(f'no {name}')\n",
        encoding="utf-8",
    )
    assert tool.service_messages(tmp_path) == ["bad file", "worse file", "the disk is full"]


FORMATTED = """
from PySide6.QtWidgets import QWidget


class Dialog(QWidget):
    def __init__(self, n):
        super().__init__()
        self.tr(
            (
                "The packet has %n "
                "exhibit(s)."
            ),
            "",
            n,
        )
        self.tr("Open", "menu")
"""


def test_strings_lupdate_misses_are_declared_again(tmp_path: Path) -> None:
    """ruff wraps long implicit concatenations in parentheses; lupdate's Python reader
    then skips the call, so the catalogue check must still see the string."""
    (tmp_path / "dialog.py").write_text(FORMATTED, encoding="utf-8")
    found = {(c, t, d, p) for c, t, d, p, _ in tool.gui_strings([tmp_path / "dialog.py"])}
    assert found == {
        ("Dialog", "The packet has %n exhibit(s).", "", True),
        ("Dialog", "Open", "menu", False),
    }
    ts = tmp_path / "out.ts"
    tool.lupdate(ts, "es", [tmp_path / "dialog.py"])
    by_source = {m.source: m for m in tool.read_ts(ts)}
    assert by_source["The packet has %n exhibit(s)."].numerus
    assert by_source["Open"].comment == "menu"


MISFILED = """
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow


class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        QCoreApplication.translate("Errors", "Wrong passphrase")
        self.tr("Open", "menu")
"""


def test_checker_reports_strings_lupdate_files_under_a_wrong_context(tmp_path: Path) -> None:
    (tmp_path / "window.py").write_text(MISFILED, encoding="utf-8")
    report = tool.check("es", tmp_path, tmp_path)
    misfiled = [p for p in report.problems if "context the code never uses" in p]
    assert misfiled, [m.key for m in tool.scan_ui(tmp_path)]
