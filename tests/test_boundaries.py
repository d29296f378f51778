"""Architecture rules that keep the core usable without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_and_services_load_no_qt() -> None:
    code = (
        "import sys\n"
        "import pdorganizer.cli.main, pdorganizer.vault, pdorganizer.ingest.service, "
        "pdorganizer.export.service\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == ""


def test_pyside6_imported_only_in_ui() -> None:
    offenders = []
    for path in (ROOT / "pdorganizer").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "pdorganizer").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    # cli/main.py reaches the GUI only through a function-level import of pdorganizer.ui.
    assert offenders == []


def test_keys_never_formatted_into_sql() -> None:
    for path in (ROOT / "pdorganizer").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        assert "pragma key" not in text and "pragma rekey" not in text, path
