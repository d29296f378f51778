"""Translation catalogues: extract, compile, check.

    python installer/i18n.py update    # pyside6-lupdate over pdorganizer/ui/ -> resources/i18n/*.ts
    python installer/i18n.py release   # pyside6-lrelease: every .ts -> .qm (run before packaging)
    python installer/i18n.py check     # exit 1 when a GUI string lacks a finished translation
    python installer/i18n.py todo      # list the strings still to translate
    python installer/i18n.py errors    # re-declare the services' error messages for lupdate
    python installer/i18n.py prune     # drop strings that left the code ("vanished")

The `.ts` files are the committed sources (edit them with `pyside6-linguist` or any text
editor); the `.qm` files are built. The app also compiles a missing or stale `.qm` at
start-up (pdorganizer/ui/i18n.py), so a source checkout needs no extra step.

This script never imports PySide6 (it only locates the package's bundled tools), so it runs
in a build environment without a display.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
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
# English is the source language; its catalogue holds only the plural forms, so that
# "%n document(s)" reads "1 document" / "3 documents" (lupdate -pluralonly).
PLURAL_ONLY = ("en",)
CATALOGUE = "pdorganizer"

# Placeholders must survive translation: Qt's %1..%99 and Python's %s, %(name)s, {name}.
# %n may be spelled out in a singular form ("un documento"), so it is not checked.
_ARG = re.compile(r"%\d{1,2}|%[sd]|%\(\w+\)[sd]|\{\w*\}")
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


def _translate_context(func: ast.FunctionDef) -> tuple[str, bool] | None:
    """For a wrapper like `def _tr(text, n=-1): return QCoreApplication.translate("Ctx",
    text, None, n)`: its fixed context, and whether it passes a plural count."""
    params = [a.arg for a in func.args.args if a.arg != "self"]
    if not params:
        return None
    for node in ast.walk(func):
        if not (isinstance(node, ast.Call) and _callee(node) == "translate"):
            continue
        args = node.args
        if (
            len(args) >= 2
            and isinstance(args[0], ast.Constant)
            and isinstance(args[0].value, str)
            and isinstance(args[1], ast.Name)
            and args[1].id == params[0]
        ):
            return args[0].value, len(args) >= 4 or any(k.arg == "n" for k in node.keywords)
    return None


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _text(node: ast.AST | None) -> str | None:
    """A string literal's value; implicit concatenation and parentheses are already
    resolved by the parser."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _plural(call: ast.Call, position: int) -> bool:
    return len(call.args) > position or any(k.arg == "n" for k in call.keywords)


class _Finder(ast.NodeVisitor):
    """Every literal the GUI passes to tr(), translate(), QT_TRANSLATE_NOOP() or a
    module's own translate wrapper, with the context Qt will look it up in."""

    def __init__(self, where: str, wrappers: dict[str, tuple[str, bool]]) -> None:
        self.where = where
        self.wrappers = wrappers
        self.classes: list[str] = []
        self.found: list[tuple[str, str, str, bool, str]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name, args = _callee(node), node.args
        first = _text(args[0]) if args else None
        second = _text(args[1]) if len(args) > 1 else None
        where = f"{self.where}:{node.lineno}"
        if name == "tr" and isinstance(node.func, ast.Attribute) and first and self.classes:
            comment = second or ""
            self.found.append((self.classes[-1], first, comment, _plural(node, 2), where))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and first is not None and second:
            comment = _text(args[2]) if len(args) > 2 else None
            self.found.append((first, second, comment or "", _plural(node, 3), where))
        elif name in self.wrappers and first:
            context, passes_n = self.wrappers[name]
            self.found.append((context, first, "", passes_n and _plural(node, 1), where))
        self.generic_visit(node)


def gui_strings(sources: list[Path]) -> list[tuple[str, str, str, bool, str]]:
    """(context, text, disambiguation, plural, where) for every translatable literal in
    `sources`, found with Python's own parser. lupdate's Python reader misses some forms
    (a string wrapped in parentheses as ruff formats long ones, strings behind a
    `_tr` wrapper), so these are declared to it again through a generated shim."""
    found = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        wrappers = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                ctx = _translate_context(node)
                if ctx:
                    wrappers[node.name] = ctx
        finder = _Finder(path.name, wrappers)
        finder.visit(tree)
        found += finder.found
    return found


def wrapped_strings(sources: list[Path]) -> list[tuple[str, str, bool, str]]:
    """Only the strings passed to a module's own translate wrapper (`_tr("Title")`)."""
    out = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        for context, text, _c, plural, where in gui_strings([path]):
            line = int(where.rsplit(":", 1)[1])
            calls = [
                n
                for n in ast.walk(tree)
                if isinstance(n, ast.Call) and n.lineno == line and _callee(n) in names
            ]
            if calls:
                out.append((context, text, plural, where))
    return out


def write_shim(sources: list[Path], shim: Path) -> None:
    """A Python file lupdate reads without trouble, declaring every GUI string again."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text, comment, plural, where in gui_strings(sources):
        args = [json.dumps(context), json.dumps(text, ensure_ascii=False)]
        if comment or plural:
            args.append(json.dumps(comment) if comment else "None")
        if plural:
            args.append("1")
        lines.append(f"QCoreApplication.translate({', '.join(args)})  # {where}")
    shim.parent.mkdir(parents=True, exist_ok=True)
    shim.write_text("\n".join(lines) + "\n", encoding="utf-8")


def lupdate(
    ts: Path,
    language: str,
    sources: list[Path] | None = None,
    shim: Path | None = None,
    *,
    prune: bool = False,
) -> None:
    """Merge the GUI's current strings into `ts` (created when missing). Strings behind a
    translate wrapper go through a generated `shim` file (default: next to `ts`'s
    scratch copy in a temporary folder)."""
    files = list(sources if sources is not None else ui_sources())
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pdorganizer-i18n-") as tmp:
        shim = shim or Path(tmp) / "wrapped_strings.py"
        write_shim(files, shim)
        _run_lupdate(ts, language, [*files, shim], prune)


def _run_lupdate(ts: Path, language: str, files: list[Path], prune: bool = False) -> None:
    cmd = [
        *tool("lupdate"),
        "-silent",
        # Strings no longer in the code are kept, marked "vanished": a string that comes
        # back (an edit undone, a file caught mid-save) gets its translation back.
        # No source locations: the catalogue's diff shows only changed strings.
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        language,
        *(["-no-obsolete"] if prune else []),
        *(["-pluralonly"] if language in PLURAL_ONLY else []),
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


SERVICE_PACKAGES = ("core", "vault", "ingest", "export", "request")
ERROR_TEXTS = UI_DIR / "error_texts.py"


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """PdoError and every class that derives from it, by name."""
    names = {"PdoError"}
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(isinstance(b, ast.Name) and b.id in names for b in node.bases)
                ):
                    names.add(node.name)
                    grew = True
    return names


def service_messages(root: Path = ROOT / "pdorganizer") -> list[str]:
    """The fixed messages of known failures the services raise (the GUI shows them): a
    literal passed to a PdoError class (a template like "no vault at {path}" included: the
    GUI fills its values in after translating), or a default message of one. Messages
    built with f-strings cannot be looked up and stay English: pass values instead."""
    files = [p for pkg in SERVICE_PACKAGES for p in sorted((root / pkg).rglob("*.py"))]
    trees = [ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files]
    classes = _error_classes(trees)
    found: list[str] = []

    def literal(node: ast.AST | None) -> None:
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and text and text not in found:
            found.append(text)

    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee(node) in classes and node.args:
                literal(node.args[0])
            elif isinstance(node, ast.ClassDef) and node.name in classes:
                for item in ast.walk(node):
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        for default in item.args.defaults:
                            literal(default)
                    elif (
                        isinstance(item, ast.Call)
                        and _callee(item) == "__init__"
                        and isinstance(item.func, ast.Attribute)
                        and isinstance(item.func.value, ast.Call)
                        and item.args
                    ):
                        literal(item.args[0])  # super().__init__("...")
    return found


def error_texts_module(messages: list[str]) -> str:
    """The module's source, formatted as `ruff format` would leave it."""
    entries = []
    for message in messages:
        text = json.dumps(message, ensure_ascii=False)
        one_line = f'    QT_TRANSLATE_NOOP("PdoError", {text}),'
        if len(one_line) <= 100:
            entries.append(one_line)
        else:
            entries += ["    QT_TRANSLATE_NOOP(", f'        "PdoError", {text}', "    ),"]
    lines = [
        '"""Fixed messages of known failures (PdoError) that the GUI may show, declared for',
        "translation. Generated by `python installer/i18n.py errors`; do not edit by hand.",
        "",
        "errors.user_message() looks each message up with",
        'QCoreApplication.translate("PdoError", message); this module only makes lupdate',
        'see them."""',
        "",
        "from __future__ import annotations",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES = (",
        *entries,
        ")",
        "",
    ]
    return "\n".join(lines)


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


# Words Spanish writes the same: names, acronyms, true cognates used alone.
SAME_IN_SPANISH = {
    "pdorganizer", "pdf", "json", "bates", "opla", "ice", "eoir", "uscis", "id", "min",
    "factor", "original", "general",
}  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]{2,}")


def form_problems(msg: Message, *, copies_allowed: bool = False) -> list[str]:
    """Placeholders and mnemonics a translation must keep; no copy of the English (except
    in the English plural catalogue, where one form often equals the source)."""
    out = []
    words = {w.lower() for w in _WORDS.findall(msg.source)} - SAME_IN_SPANISH
    if words and msg.source in msg.translations and not copies_allowed:
        out.append(f"same as the English: {msg.context}: {msg.source!r}")
    wanted = set(_ARG.findall(msg.source))
    for text in msg.translations:
        lost = wanted - set(_ARG.findall(text))
        if lost:
            args = ", ".join(sorted(lost))
            out.append(f"placeholder {args} lost: {msg.context}: {msg.source!r} -> {text!r}")
        if _MNEMONIC.search(msg.source) and not _MNEMONIC.search(text):
            out.append(f"mnemonic & lost: {msg.context}: {msg.source!r} -> {text!r}")
    if msg.numerus and len(msg.translations) < 2:
        out.append(f"plural forms missing: {msg.context}: {msg.source!r}")
    return out


def check(language: str, ui_dir: Path = UI_DIR, folder: Path = I18N_DIR) -> Report:
    """Every string the GUI uses now must have a finished translation in the catalogue."""
    needed = scan_ui(ui_dir)
    if language in PLURAL_ONLY:
        needed = [m for m in needed if m.numerus]
    ts = ts_path(language, folder)
    have = {m.key: m for m in read_ts(ts)} if ts.is_file() else {}
    report = Report(total=len(needed))
    # lupdate's Python reader can file a string under a context Qt never asks for
    # (seen after a QCoreApplication.translate line); such an entry is useless.
    known = {(c, t, d) for c, t, d, _p, _w in gui_strings(ui_sources(ui_dir))}
    report.problems += [
        f"lupdate filed this under a context the code never uses: {c}: {t!r}"
        for c, t, d in (m.key for m in needed)
        if (c, t, d) not in known
    ]
    for msg in needed:
        entry = have.get(msg.key)
        if entry is None:
            report.missing.append(msg.key)
        elif not entry.finished:
            report.unfinished.append(msg.key)
        else:
            report.translated += 1
            report.problems += form_problems(entry, copies_allowed=language in PLURAL_ONLY)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", choices=("update", "release", "check", "todo", "errors", "prune")
    )
    args = parser.parse_args(argv)
    if args.command in ("update", "prune"):
        for lang in LANGUAGES + PLURAL_ONLY:
            lupdate(ts_path(lang), lang, prune=args.command == "prune")
            print(check(lang).lines()[0])
    elif args.command == "errors":
        ERROR_TEXTS.write_text(error_texts_module(service_messages()), encoding="utf-8")
        # Keep the generated file as the project's formatter wants it (CI checks).
        subprocess.run(
            [sys.executable, "-m", "ruff", "format", "-q", str(ERROR_TEXTS)], check=False
        )
        print(f"wrote {ERROR_TEXTS.relative_to(ROOT)}; now run: update")
    elif args.command == "release":
        for ts in sorted(I18N_DIR.glob(f"{CATALOGUE}_*.ts")) + sorted(
            I18N_DIR.glob("qtfixes_*.ts")  # our corrections to Qt's own Spanish
        ):
            print(f"built {lrelease(ts).relative_to(ROOT)}")
    elif args.command == "check":
        failed = False
        for lang in LANGUAGES + PLURAL_ONLY:
            report = check(lang)
            print(f"[{lang}] " + "\n".join(report.lines()))
            failed |= not report.ok
        return 1 if failed else 0
    else:
        for lang in LANGUAGES + PLURAL_ONLY:
            for msg in read_ts(ts_path(lang)):
                if not msg.finished and msg.status not in ("vanished", "obsolete"):
                    source = msg.source.replace("\n", "\\n")
                    print(f"{lang}\t{msg.context}\t{source}\t{msg.comment}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
