"""The real CLI on noisy inputs: one stderr line per refused file, nothing from libraries.

Each input makes a library talk in its own way: libtiff writes to fd 2 ("WEBP compression
support is not configured"), Pillow raises a Python warning (with its site-packages
path), pypdf logs "incorrect startxref pointer". The same run with PDORGANIZER_DEBUG=1
shows that noise, so these tests know their inputs are noisy.
"""

from __future__ import annotations

import io
import os
import pty
import select
import stat
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import PASSPHRASE
from tests.ingest_samples import pdf, write

REPO = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PDORGANIZER_PASSPHRASE": PASSPHRASE,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return {k: v for k, v in env.items() if v}


def cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdorganizer", *args],
        capture_output=True,
        text=True,
        env=_env(tmp_path, **env),
        timeout=120,
        cwd=tmp_path,
    )


def _tiff_entry(data: bytes, tag: int, **fields: int) -> bytes:
    """Set `type`, `count` or `value` of one entry of the first TIFF directory."""
    out = bytearray(data)
    (ifd,) = struct.unpack_from("<I", out, 4)
    (count,) = struct.unpack_from("<H", out, ifd)
    for i in range(count):
        at = ifd + 2 + 12 * i
        if struct.unpack_from("<H", out, at)[0] == tag:
            if "type" in fields:
                struct.pack_into("<H", out, at + 2, fields["type"])
            if "count" in fields:
                struct.pack_into("<I", out, at + 4, fields["count"])
            if "value" in fields:
                struct.pack_into("<I", out, at + 8, fields["value"])
            return bytes(out)
    raise AssertionError(f"no tag {tag}")


def _tiff(**params: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "TIFF", **params)
    return out.getvalue()


def webp_tiff() -> bytes:
    """Compression 50001 (WEBP), which this libtiff lacks: it prints on fd 2."""
    return _tiff_entry(_tiff(), 259, type=3, count=1, value=50001)


def pillow_warning_tiff() -> bytes:
    """ResolutionUnit with two values: Pillow warns "Metadata Warning, tag 296 ..."."""
    return _tiff_entry(_tiff(dpi=(300, 300)), 296, count=2)


def wrong_startxref_pdf() -> bytes:
    """A good PDF whose startxref points nowhere: pypdf logs, then recovers."""
    data = pdf([(612, 792, 0), (792, 612, 90)])
    at = data.rindex(b"startxref")
    return data[:at] + b"startxref\n%d\n%%%%EOF\n" % (len(data) // 3)


@pytest.fixture
def noisy(tmp_path: Path) -> dict[str, str]:
    assert cli(tmp_path, "init", "v.pdvault", "--insecure-fast-kdf").returncode == 0
    assert cli(tmp_path, "case", "add", "v.pdvault", "--name", "Ana").returncode == 0
    return {
        "webp": write(tmp_path, "webp.tif", webp_tiff()),
        "warn": write(tmp_path, "warn.tif", pillow_warning_tiff()),
        "xref": write(tmp_path, "xref.pdf", wrong_startxref_pdf()),
        "text": write(tmp_path, "notes.jpg", b"just some text"),
    }


def test_import_prints_results_on_stdout_and_one_line_per_refused_file(
    tmp_path: Path, noisy: dict[str, str]
) -> None:
    files = [noisy["webp"], noisy["warn"], noisy["xref"], noisy["text"]]
    done = cli(tmp_path, "import", "v.pdvault", "--case", "1", *files)
    assert done.returncode == 1
    out, err = done.stdout.splitlines(), done.stderr.splitlines()
    assert [line.split(" -> ")[0] for line in out] == [
        f"imported  {noisy['warn']}",
        f"imported  {noisy['xref']}",
    ]
    assert len(err) == 2, done.stderr
    assert err[0].startswith(f"failed    {noisy['webp']}: ")
    assert err[1] == f"failed    {noisy['text']}: not an image or PDF"
    for line in err:  # a plain reason, not a bug report
        assert "something went wrong" not in line

    # The inputs are noisy indeed: the same import, unsilenced, shows what was kept away.
    cli(tmp_path, "case", "add", "v.pdvault", "--name", "Bo")
    loud = cli(tmp_path, "import", "v.pdvault", "--case", "2", *files, PDORGANIZER_DEBUG="1")
    assert "Metadata Warning" in loud.stderr  # a Python warning from Pillow
    assert "site-packages" in loud.stderr
    assert "startxref" in loud.stderr  # pypdf's logger
    assert len(loud.stderr.splitlines()) > len(err) + 3


def test_exports_of_noisy_sources_print_only_their_files(
    tmp_path: Path, noisy: dict[str, str]
) -> None:
    imported = cli(tmp_path, "import", "v.pdvault", "--case", "1", noisy["warn"], noisy["xref"])
    assert imported.returncode == 0 and imported.stderr == ""
    for quality in ("compact", "original"):
        out = tmp_path / f"packet-{quality}.pdf"
        done = cli(
            tmp_path, "export", "v.pdvault", "--case", "1", "-o", str(out), "--quality", quality
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        lines = done.stdout.splitlines()
        assert lines[0].startswith(f"{out}  ") and "sha256" in lines[0]
        assert all(line.startswith(str(tmp_path)) for line in lines)


BUGGY_COMMAND = """
import logging, os, sys, threading, warnings
from pdorganizer.cli import vault_cmds

def broken(args):
    warnings.warn("a library warning", UserWarning)
    logging.getLogger("pypdf").warning("incorrect startxref pointer(1)")
    logging.getLogger("somelib").error("a library we never heard of")
    os.write(2, b"a C library writing to fd 2\\n")
    t = threading.Thread(target=lambda: {}["Maria Lopez passport.jpg"])
    t.start(); t.join()
    return {}["Maria Lopez birth certificate.pdf"]

vault_cmds.cmd_check = broken
from pdorganizer.__main__ import main
sys.exit(main(["check", "v.pdvault"]))
"""


def test_a_bug_is_one_line_on_stderr_and_its_trace_goes_to_a_private_log(
    tmp_path: Path,
) -> None:
    assert cli(tmp_path, "init", "v.pdvault", "--insecure-fast-kdf").returncode == 0
    done = subprocess.run(
        [sys.executable, "-c", BUGGY_COMMAND],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("pdorganizer: something went wrong (KeyError at ")
    assert "Maria" not in line
    log = tmp_path / "state" / "pdorganizer" / "pdorganizer.log"
    text = log.read_text()
    assert "KeyError" in text and "background thread" in text
    assert "Maria" not in text  # type and code location only, never content
    assert "startxref" not in text and "never heard" not in text  # libraries: nowhere
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_no_log_file_when_nothing_went_wrong(tmp_path: Path, noisy: dict[str, str]) -> None:
    cli(tmp_path, "import", "v.pdvault", "--case", "1", *noisy.values())
    assert not (tmp_path / "state").exists()


def test_passphrase_prompt_still_works_with_fd2_silenced(tmp_path: Path) -> None:
    """getpass talks to /dev/tty, which silencing fd 2 leaves alone."""
    assert cli(tmp_path, "init", "v.pdvault", "--insecure-fast-kdf").returncode == 0
    assert cli(tmp_path, "case", "add", "v.pdvault", "--name", "Ana Prompted").returncode == 0
    env = _env(tmp_path, PDORGANIZER_PASSPHRASE="")
    pid, fd = pty.fork()
    if pid == 0:  # child: the CLI on a terminal of its own
        os.chdir(tmp_path)
        os.execve(
            sys.executable, [sys.executable, "-m", "pdorganizer", "case", "list", "v.pdvault"], env
        )
    seen = b""
    deadline = time.monotonic() + 60
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if not sent and b"Passphrase:" in seen:
            os.write(fd, PASSPHRASE.encode() + b"\n")
            sent = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert sent, seen
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert b"Ana Prompted" in seen
    assert PASSPHRASE.encode() not in seen  # no echo


def test_gui_started_from_a_terminal_prints_nothing(tmp_path: Path) -> None:
    """Qt's offscreen plugin says "This plugin does not support propagateSizeHints()"."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "pdorganizer"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    time.sleep(6)
    proc.kill()
    out, err = proc.communicate(timeout=30)
    assert proc.returncode is not None and proc.returncode < 0, err  # it was still running
    assert err == b"" and out == b""


def test_an_uncaught_exception_shows_no_traceback_with_content(tmp_path: Path) -> None:
    """E.g. from a Qt slot: a traceback's last line is the message, which can hold names."""
    script = (
        "from pdorganizer.core.quiet import setup_logging, silence_process\n"
        "silence_process(); setup_logging()\n"
        "{}['Maria Lopez passport.jpg']\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["pdorganizer: something went wrong (KeyError)"]
    log = (tmp_path / "state" / "pdorganizer" / "pdorganizer.log").read_text()
    assert "KeyError" in log and "Maria" not in log
