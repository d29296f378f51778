"""Translation catalogues: extract, compile, check.

    python installer/i18n.py update    # pyside6-lupdate over pdorganizer/ui/ -> resources/i18n/*.ts
    python installer/i18n.py release   # pyside6-lrelease: every .ts -> .qm (run before packaging)
    python installer/i18n.py check     # exit 1 when a GUI string lacks a finished translation
    python installer/i18n.py todo      # list the strings still to translate

The `.ts` files are the committed sources (edit them with `pyside6-linguist` or any text
editor); the `.qm` files are built. The app also compiles a missing or stale `.qm` at
start-up (pdorganizer/ui/i18n.py), so a source checkout needs no extra step.

This script never imports PySide6 (it only locates the package's bundled tools), so it runs
in a build environment without a display.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "pdorganizer" / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)
CATALOGUE = "pdorganizer"

# %1..%99 arguments must survive translation; %n may be spelled out in a singular form.
_ARG = re.compile(r"%(\d{1,2})")
# A mnemonic "&F" (not a literal "&&").
_MNEMONIC = re.compile(r"(?<!&)&(?!&)\w")


def tool(name: str) -> list[str]:
    """A Qt tool shipped inside the PySide6 wheel (lupdate, lrelease), else from PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        exe = f"{name}.exe" if sys.platform == "win32" else name
        bundled = Path(spec.origin).parent / exe
        if bundled.is_file():
            return [str(bundled)]
    for candidate in (f"pyside6-{name}", name):
        found = shutil.which(candidate)
        if found:
            return [found]
    raise SystemExit(f"i18n: {name} not found; install PySide6-Essentials (it ships {name})")


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    """Every Python file of the GUI. lupdate does not scan .py files in a directory by
    itself, so they are listed one by one."""
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def lupdate(ts: Path, language: str, sources: list[Path] | None = None) -> None:
    """Merge the GUI's current strings into `ts` (created when missing). Strings no
    longer in the code are dropped, so the catalogue mirrors the code."""
    files = sources if sources is not None else ui_sources()
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        *tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        "en",
        "-target-language",
        language,
        *[str(f) for f in files],
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    cmd = [*tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)]
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)
    return qm


@dataclass
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    status: str  # "" finished, else "unfinished" / "vanished" / "obsolete"
    translations: list[str]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        return self.status == "" and bool(self.translations) and all(self.translations)


def read_ts(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                status, texts = "unfinished", []
            else:
                status = tr.get("type", "")
                forms = tr.findall("numerusform")
                texts = [f.text or "" for f in forms] if forms else [tr.text or ""]
            messages.append(
                Message(
                    context=name,
                    source=msg.findtext("source") or "",
                    comment=msg.findtext("comment") or "",
                    numerus=msg.get("numerus") == "yes",
                    status=status,
                    translations=texts,
                )
            )
    return messages


def scan_ui(ui_dir: Path = UI_DIR) -> list[Message]:
    """What the GUI asks to translate right now: a fresh lupdate into a scratch file."""
    with tempfile.TemporaryDirectory(prefix="pdorganizer-lupdate-") as tmp:
        scratch = Path(tmp) / f"{CATALOGUE}_es.ts"
        sources = ui_sources(ui_dir)
        if not sources:
            return []
        lupdate(scratch, "es", sources)
        return read_ts(scratch) if scratch.is_file() else []


@dataclass
class Report:
    total: int = 0
    translated: int = 0
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    unfinished: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # broken placeholders, mnemonics

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unfinished or self.problems)

    def lines(self) -> list[str]:
        out = [f"{self.translated} of {self.total} GUI strings translated"]
        out += [f"missing: {c}: {s!r}" + (f" ({m})" if m else "") for c, s, m in self.missing]
        out += [f"unfinished: {c}: {s!r}" + (f" ({m})" if m else "") for c, s, m in self.unfinished]
        out += self.problems
        return out


def form_problems(msg: Message) -> list[str]:
    """Placeholders and mnemonics a translation must keep."""
    out = []
    wanted = set(_ARG.findall(msg.source))
    for text in msg.translations:
        lost = wanted - set(_ARG.findall(text))
        if lost:
            args = ", ".join("%" + a for a in sorted(lost))
            out.append(f"placeholder {args} lost: {msg.context}: {msg.source!r} -> {text!r}")
        if _MNEMONIC.search(msg.source) and not _MNEMONIC.search(text):
            out.append(f"mnemonic & lost: {msg.context}: {msg.source!r} -> {text!r}")
    if msg.numerus and len(msg.translations) < 2:
        out.append(f"plural forms missing: {msg.context}: {msg.source!r}")
    return out


def check(language: str, ui_dir: Path = UI_DIR, folder: Path = I18N_DIR) -> Report:
    """Every string the GUI uses now must have a finished translation in the catalogue."""
    needed = scan_ui(ui_dir)
    ts = ts_path(language, folder)
    have = {m.key: m for m in read_ts(ts)} if ts.is_file() else {}
    report = Report(total=len(needed))
    for msg in needed:
        entry = have.get(msg.key)
        if entry is None:
            report.missing.append(msg.key)
        elif not entry.finished:
            report.unfinished.append(msg.key)
        else:
            report.translated += 1
            report.problems += form_problems(entry)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "release", "check", "todo"))
    args = parser.parse_args(argv)
    if args.command == "update":
        for lang in LANGUAGES:
            lupdate(ts_path(lang), lang)
            print(check(lang).lines()[0])
    elif args.command == "release":
        for ts in sorted(I18N_DIR.glob(f"{CATALOGUE}_*.ts")):
            print(f"built {lrelease(ts).relative_to(ROOT)}")
    elif args.command == "check":
        failed = False
        for lang in LANGUAGES:
            report = check(lang)
            print(f"[{lang}] " + "\n".join(report.lines()))
            failed |= not report.ok
        return 1 if failed else 0
    else:
        for lang in LANGUAGES:
            for msg in read_ts(ts_path(lang)):
                if not msg.finished:
                    print(f"{lang}\t{msg.context}\t{msg.source}\t{msg.comment}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
