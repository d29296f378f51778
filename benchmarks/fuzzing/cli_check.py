"""Some inputs also go through the real command line, to check what reaches the terminal.

`pdorganizer import` must print one result line on stdout for a file it takes, or one
`failed    PATH: reason` line on stderr for a file it refuses, and nothing else; the
export of what it took must print only its files on stdout and nothing on stderr. Any
other line (a library's warning, log line or C-level message) is a "noise" finding.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PASSPHRASE = "fuzz"
_DIGITS = re.compile(r"\d+")


class CliChecker:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.vault = folder / "cli.pdvault"
        self.env = {
            **os.environ,
            "PDORGANIZER_PASSPHRASE": PASSPHRASE,
            "PDORGANIZER_LOG": "off",
            "PDORGANIZER_DEBUG": "",
        }
        self.ready = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pdorganizer", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=40,
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
        )

    def _setup(self) -> None:
        self._run("init", str(self.vault), "--insecure-fast-kdf")
        self.ready = True

    def check(self, name: str, data: bytes) -> str:
        """'' when the terminal output is as promised, else the first odd line."""
        if not self.ready:
            self._setup()
        path = self.folder / "cli-in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        try:
            # A case of its own: the export holds this input only.
            case = self._run("case", "add", str(self.vault), "--name", "Fuzz").stdout.strip()
            done = self._run("import", str(self.vault), "--case", case, str(path))
            out, err = done.stdout.splitlines(), done.stderr.splitlines()
            if done.returncode == 0:
                if err or len(out) != 1 or not out[0].startswith(("imported  ", "duplicate ")):
                    return _first_odd(err + out, "import")
                if out[0].startswith("duplicate "):
                    return ""
            elif done.returncode == 1:
                if out or len(err) != 1 or not err[0].startswith(f"failed    {path}: "):
                    return _first_odd(err + out, "import")
                return ""
            else:
                return f"import exit {done.returncode}: " + _first_odd(err + out, "import")
            target = self.folder / "cli-out" / "packet.pdf"
            target.parent.mkdir(exist_ok=True)
            done = self._run(
                "export", str(self.vault), "--case", case, "-o", str(target), "--manifest", "none"
            )
            for p in target.parent.iterdir():
                p.unlink()
            if done.returncode != 0 or done.stderr:
                return _first_odd(done.stderr.splitlines() or ["(no output)"], "export")
            return ""
        except subprocess.TimeoutExpired:
            return "the CLI took over 40 s"
        finally:
            path.unlink(missing_ok=True)


def _first_odd(lines: list[str], stage: str) -> str:
    """The first line, with numbers and file names blurred so findings deduplicate."""
    for line in lines:
        if line.startswith(("imported  ", "failed    ", "duplicate ")):
            continue
        text = _DIGITS.sub("N", line.strip())[:120]
        return f"{stage}: {text}"
    return f"{stage}: {len(lines)} lines"
