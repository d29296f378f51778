"""A process killed with SIGKILL in the middle of a write leaves temp files; the vault's
record of that write lets the next use remove them (and nothing of the user's).

Each test runs a real child process that opens the vault and writes; the child pauses at
a known point (a small wrapper around one function, set up by the child script itself),
the test kills it there with SIGKILL, then checks what the next open or export does.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_export_support import build_sample

from pdorganizer.core.errors import WrongPassphrase
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.vault import CHEAP_PARAMS, Vault
from pdorganizer.vault.leftovers import KEY_PREFIX

ROOT = Path(__file__).resolve().parents[1]
PASS = "crash test passphrase"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

_PRELUDE = """
import os, sys, time
from pathlib import Path
from pdorganizer.vault import Vault

def pause(what):
    print("paused " + what, flush=True)
    time.sleep(120)
"""


def _run_until_paused(script: str, *args: str) -> None:
    """Start the child, wait for its "paused" line, kill it with SIGKILL."""
    code = _PRELUDE + textwrap.dedent(script)
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if "PASSPHRASE" not in k},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("paused"), child.stderr.read() if child.stderr else line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


@pytest.fixture
def sample_vault(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "crash.pdvault"
    with Vault.create(path, PASS, CHEAP_PARAMS) as vault:
        case = vault.cases.add("Test Person")
        build_sample(vault, case.id)
    return path, case.id


def _records(path: Path) -> list[str]:
    with Vault.open(path, PASS) as vault:
        return [k for k in vault.meta() if k.startswith(KEY_PREFIX)]


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


EXPORT_SCRIPT = """
from pdorganizer.export import assemble
from pdorganizer.export.service import ExportOptions, export_packet

real_write = assemble.PartBuilder.write
def write_then_pause(self, path):
    real_write(self, path)
    pause("export")
assemble.PartBuilder.write = write_then_pause

vault = Vault.open(sys.argv[1], sys.argv[2])
export_packet(vault, int(sys.argv[3]), sys.argv[4], ExportOptions(max_part_mb=1))
"""


def test_killed_export_leaves_nothing_after_the_next_open(sample_vault, tmp_path: Path) -> None:
    path, case_id = sample_vault
    out = tmp_path / "out"
    out.mkdir()
    # A file of the user's with a name like ours but no record: it must stay.
    decoy = out / ".packet.pdo-export-0123abcd-1.tmp"
    decoy.write_bytes(b"mine")
    _run_until_paused(EXPORT_SCRIPT, str(path), PASS, str(case_id), str(out / "packet.pdf"))
    partial = [n for n in _hidden(out) if n != decoy.name]
    assert partial and all(".pdo-export-" in n for n in partial)  # the plaintext partial
    assert b"%PDF" in (out / partial[0]).read_bytes()[:1024]

    with pytest.raises(WrongPassphrase):  # a wrong passphrase proves nothing: no cleanup
        Vault.open(path, "not it")
    assert [n for n in _hidden(out) if n != decoy.name] == partial

    Vault.open(path, PASS).close()  # the next unlock removes it
    assert _hidden(out) == [decoy.name]
    assert decoy.read_bytes() == b"mine"
    assert _records(path) == []


def test_killed_export_is_removed_by_the_next_export_to_that_folder(
    sample_vault, tmp_path: Path
) -> None:
    path, case_id = sample_vault
    out = tmp_path / "out"
    out.mkdir()
    with Vault.open(path, PASS) as vault:  # opened before the crash: its unlock is past
        _run_until_paused(EXPORT_SCRIPT, str(path), PASS, str(case_id), str(out / "packet.pdf"))
        assert any(".pdo-export-" in n for n in _hidden(out))
        result = export_packet(vault, case_id, out / "other.pdf", ExportOptions())
        assert result.files
        assert _hidden(out) == []
        assert sorted(p.name for p in out.iterdir()) == ["other.manifest.json", "other.pdf"]


BACKUP_SCRIPT = """
from pdorganizer.vault import fsync_util, vault as vault_mod

real_fsync = fsync_util.fsync_file
def fsync_then_pause(path):
    real_fsync(path)
    if ".tmp-" in Path(path).name:
        pause("backup")
vault_mod.fsync_util.fsync_file = fsync_then_pause

vault = Vault.open(sys.argv[1], sys.argv[2])
vault.backup(sys.argv[3])
"""


def test_killed_backup_leaves_nothing_after_the_next_open(sample_vault, tmp_path: Path) -> None:
    path, _case = sample_vault
    dest = tmp_path / "usb"
    dest.mkdir()
    _run_until_paused(BACKUP_SCRIPT, str(path), PASS, str(dest / "copy.pdvault"))
    left = [p.name for p in dest.iterdir()]
    assert len(left) == 1 and left[0].startswith("copy.pdvault.tmp-")
    assert not (dest / "copy.pdvault").exists()
    Vault.open(path, PASS).close()
    assert list(dest.iterdir()) == []
    assert _records(path) == []


def test_killed_backup_is_removed_by_the_next_backup_there(sample_vault, tmp_path: Path) -> None:
    path, _case = sample_vault
    dest = tmp_path / "usb"
    dest.mkdir()
    with Vault.open(path, PASS) as vault:
        _run_until_paused(BACKUP_SCRIPT, str(path), PASS, str(dest / "copy.pdvault"))
        assert len(list(dest.iterdir())) == 1
        vault.backup(dest / "second.pdvault")
    assert [p.name for p in dest.iterdir()] == ["second.pdvault"]
    Vault.open(dest / "second.pdvault", PASS).close()


INDEX_ES_SCRIPT = """
import os
from pdorganizer.vault import fsync_util
from pdorganizer.export.service import ExportOptions, export_packet

real_replace = os.replace
def replace_or_pause(src, dst):
    if str(src).endswith(".part"):
        pause("index-es")
    real_replace(src, dst)
fsync_util.os.replace = replace_or_pause

vault = Vault.open(sys.argv[1], sys.argv[2])
export_packet(vault, int(sys.argv[3]), sys.argv[4], ExportOptions(index_es=True))
"""


def test_killed_index_es_leaves_nothing_after_the_next_open(sample_vault, tmp_path: Path) -> None:
    path, case_id = sample_vault
    out = tmp_path / "out"
    out.mkdir()
    _run_until_paused(INDEX_ES_SCRIPT, str(path), PASS, str(case_id), str(out / "packet.pdf"))
    part = _hidden(out)
    assert len(part) == 1 and part[0].startswith(".packet_indice_es.pdf.")
    assert part[0].endswith(".part")
    Vault.open(path, PASS).close()
    assert _hidden(out) == []
    assert (out / "packet.pdf").is_file()  # what was finished stays


HOT_JOURNAL_SCRIPT = """
vault = Vault.open(sys.argv[1], sys.argv[2])
with vault.transaction() as con:
    con.execute("PRAGMA cache_size = 2")  # spill pages to the file before the commit
    con.execute("CREATE TABLE filler(x)")
    for _ in range(400):
        con.execute("INSERT INTO filler VALUES (randomblob(2000))")
    pause("mid-transaction")
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wrong_passphrase_leaves_a_hot_journal_alone(sample_vault) -> None:
    path, _case = sample_vault
    _run_until_paused(HOT_JOURNAL_SCRIPT, str(path), PASS)
    journal = path.with_name(path.name + "-journal")
    assert journal.is_file() and journal.stat().st_size > 0
    before = (_digest(path), _digest(journal))
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, "a wrong passphrase")
        assert (_digest(path), _digest(journal)) == before
    # The right passphrase rolls the interrupted transaction back: the vault is sound.
    with Vault.open(path, PASS) as vault:
        assert vault.check() == []
        with vault.read() as con:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        assert "filler" not in tables
        assert len(vault.documents.list(_case)) == 6
    assert not journal.exists()


def test_a_write_of_a_living_process_is_left_alone(sample_vault, tmp_path: Path) -> None:
    """Two programs may have the vault open: one's unlock must not delete the other's
    packet while it is being written."""
    import json

    path, _case = sample_vault
    out = tmp_path / "out"
    out.mkdir()
    busy = out / ".packet.pdo-export-0123abcd-1.tmp"
    busy.write_bytes(b"%PDF-1.7 being written")
    writer = subprocess.Popen(["sleep", "60"])
    try:
        record = {"folder": str(out), "prefix": ".packet.pdo-export-0123abcd-", "pid": writer.pid}
        with Vault.open(path, PASS) as vault, vault.transaction() as con:
            con.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?)",
                (KEY_PREFIX + "0" * 16, json.dumps(record)),
            )
        Vault.open(path, PASS).close()
        assert busy.exists()
    finally:
        writer.kill()
        writer.wait()
    Vault.open(path, PASS).close()  # its writer is gone now
    assert not busy.exists()
    assert _records(path) == []
