"""Qt translations: pick the language, make sure the compiled catalogue exists, install it.

The GUI calls `install_translator(app, language)` once at start-up, before it builds any
widget. `language` is "en", "es", or None/"system" to follow the system's UI languages.

Catalogues: `resources/i18n/pdorganizer_<lang>.ts` is the source (committed, made with
pyside6-lupdate); the `.qm` next to it is built, never committed. When the `.qm` is missing
or older than its `.ts`, it is compiled here with PySide6's lrelease:
- into `resources/i18n/` when that folder is writable (a source checkout, a dev install);
- otherwise into a throw-away folder whose bytes are loaded into memory and then deleted
  (an installed package on a read-only path). A catalogue holds no user data, so this is
  not a privacy concern; it only costs a fraction of a second.
Release builds (wheel, PyInstaller) run `python installer/i18n.py release` first, so the
shipped `.qm` is current and no compiler is needed at run time.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pdorganizer.core.childenv import child_environment
from pdorganizer.resources_path import resource

log = logging.getLogger("pdorganizer")

DEFAULT_LANGUAGE = "en"
# Language code -> its own name: what a language picker shows, never translated.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
CATALOGUE = "pdorganizer"
# Our corrections to Qt's own catalogue (strings it lacks, "archivo" for "fichero").
QT_FIXES = "qtfixes"
# Dates and numbers: Spanish as written in the United States unless the system already
# speaks a Spanish (es_MX keeps Mexican formats); likewise English.
_FALLBACK_LOCALE = {"en": "en_US", "es": "es_US"}

# Installed translators, and the catalogue bytes they read from: Qt copies neither, so
# both must outlive the call.
_installed: list[QTranslator] = []
_keep_alive: list[bytes] = []


def available_languages() -> dict[str, str]:
    """Language codes and their names written in that language, for Settings."""
    return dict(LANGUAGES)


def resolve_language(requested: str | None, system: QLocale | None = None) -> str:
    """The language to use: "en"/"es" as asked; None, "" or "system": the system's."""
    if requested and requested != "system":
        code = requested.lower().replace("-", "_").split("_")[0]
        return code if code in LANGUAGES else DEFAULT_LANGUAGE
    system = system or QLocale.system()
    for name in system.uiLanguages():
        code = name.lower().replace("-", "_").split("_")[0]
        if code in LANGUAGES:
            return code
    code = system.name().split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates, numbers and plurals: the system's own when it speaks
    `language`, else that language as used in the United States."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(_FALLBACK_LOCALE.get(language, "en_US"))


def catalogue_paths(
    language: str, folder: Path | None = None, name: str = CATALOGUE
) -> tuple[Path, Path]:
    folder = folder or resource("i18n")
    stem = f"{name}_{language}"
    return folder / f"{stem}.ts", folder / f"{stem}.qm"


def lrelease_command() -> list[str] | None:
    """PySide6's lrelease (the package ships the binary), or one on PATH."""
    import shutil

    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return [str(bundled)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Run lrelease on `ts`, writing `qm`. Raises RuntimeError when it cannot."""
    cmd = lrelease_command()
    if cmd is None:
        raise RuntimeError("lrelease (from PySide6) is not available")
    done = subprocess.run(
        [*cmd, "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=child_environment(),
    )
    if done.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease failed with status {done.returncode}")


def _is_stale(ts: Path, qm: Path) -> bool:
    return not qm.is_file() or (ts.is_file() and ts.stat().st_mtime > qm.stat().st_mtime)


def catalogue_bytes(
    language: str,
    folder: Path | None = None,
    in_place: bool | None = None,
    name: str = CATALOGUE,
) -> bytes | None:
    """The compiled catalogue for `language`, building it when missing or stale: next to
    the .ts when `in_place` (default: when that folder is writable), else in memory.
    None when there is none."""
    ts, qm = catalogue_paths(language, folder, name)
    if not _is_stale(ts, qm):
        return qm.read_bytes()
    if not ts.is_file():
        return None
    if in_place is None:
        in_place = os.access(qm.parent, os.W_OK)
    if in_place:
        try:
            tmp = qm.with_name(f".{qm.name}.{os.getpid()}.tmp")
            compile_catalogue(ts, tmp)
            # Never older than its source, even with a .ts dated in the future (clock
            # skew), or every start would compile again.
            newest = max(tmp.stat().st_mtime, ts.stat().st_mtime)
            os.utime(tmp, (newest, newest))
            os.replace(tmp, qm)  # another process may be reading the old one
            return qm.read_bytes()
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            log.warning(
                "could not build the %s translation in place: %s", language, type(exc).__name__
            )
    try:
        with tempfile.TemporaryDirectory(prefix="pdorganizer-i18n-") as tmpdir:
            out = Path(tmpdir) / qm.name
            compile_catalogue(ts, out)
            return out.read_bytes()
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        log.warning("could not build the %s translation: %s", language, type(exc).__name__)
    # A stale catalogue beats none: most strings still show translated.
    return qm.read_bytes() if qm.is_file() else None


def _load_qt_base(language: str) -> QTranslator | None:
    """Qt's own strings (standard buttons, file dialogs, context menus)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator()
        if translator.load(f"{name}_{language}", folder):
            return translator
    return None


def _add_catalogue(
    app: QCoreApplication, language: str, folder: Path | None, name: str = CATALOGUE
) -> bool:
    data = catalogue_bytes(language, folder, name=name)
    translator = QTranslator(app)
    if data is None or not translator.load(data):
        return False
    _keep_alive.append(data)
    _installed.append(translator)
    return True


def install_translator(
    app: QCoreApplication,
    language: str | None = None,
    *,
    folder: Path | None = None,
    system: QLocale | None = None,
) -> str:
    """Install translations for `language` ("en", "es"; None or "system": follow the
    system) and make it the default locale. Returns the language in use: "en" when the
    Spanish catalogue cannot be loaded, so the app never shows half a language by accident.
    Call before creating widgets; calling again replaces the previous installation."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _keep_alive.clear()

    wanted = resolve_language(language, system)
    in_use = wanted
    if wanted != DEFAULT_LANGUAGE and not _add_catalogue(app, wanted, folder):
        log.warning("no %s translation found; using English", wanted)
        in_use = DEFAULT_LANGUAGE
    if in_use == DEFAULT_LANGUAGE:
        # English needs only its plural forms ("1 document" / "3 documents"); without
        # them it still reads, as "document(s)".
        _add_catalogue(app, DEFAULT_LANGUAGE, folder)
    if in_use != DEFAULT_LANGUAGE:
        qt_base = _load_qt_base(in_use)
        if qt_base is not None:
            _installed.append(qt_base)
        # Installed after Qt's, so searched before it: our corrections win.
        _add_catalogue(app, in_use, folder, QT_FIXES)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(locale_for(in_use, system))
    return in_use
