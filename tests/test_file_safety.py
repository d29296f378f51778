"""Files the app writes: owner-only modes, a full disk, a read-only vault, passphrases
that are not text, and what child processes inherit.

Full and read-only disks are real: small tmpfs mounts (skipped where mounting is not
allowed, e.g. not root)."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_samples import jpeg
from test_export_support import build_sample

from pdorganizer.cli.main import run
from pdorganizer.core.errors import InvalidInput, PdoError, StorageError
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.ingest import store as store_mod
from pdorganizer.ingest.service import import_files
from pdorganizer.vault import CHEAP_PARAMS, Vault

ROOT = Path(__file__).resolve().parents[1]
PASS = "file safety passphrase"
FULL = "the disk is full; nothing was changed"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def wide_umask():
    old = os.umask(0o022)  # what most desktops use: new files 0644 unless we say otherwise
    yield
    os.umask(old)


@pytest.fixture
def small_disk(tmp_path: Path):
    """mount(size) -> a fresh folder on a tmpfs of that size; remount_ro(folder)."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("mounting a small file system needs root")
        folder = tmp_path / f"disk{len(mounted)}"
        folder.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
            capture_output=True,
        )
        if done.returncode != 0:
            pytest.skip("mounting is not allowed here")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_ro(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def content(path: Path) -> tuple:
    """What the vault holds (its bytes change when it records a write under way)."""
    with Vault.open(path, PASS) as vault:
        assert vault.check() == []
        meta = {k: v for k, v in vault.meta().items() if not k.startswith("pending_write.")}
        with vault.read() as con:
            bulk = con.execute("SELECT count(*), sum(length(x)) FROM filler").fetchone()
        return vault.schema_version, meta, tuple(bulk)


def fill(vault: Vault, nbytes: int) -> None:
    """Incompressible bulk inside the vault (its own table; the export ignores it)."""
    with vault.transaction() as con:
        con.execute("CREATE TABLE IF NOT EXISTS filler(x)")
        for _ in range(nbytes // 100_000):
            con.execute("INSERT INTO filler VALUES (randomblob(100000))")


# -- permissions -------------------------------------------------------------------------


def test_every_file_written_is_owner_only(tmp_path: Path, wide_umask) -> None:
    path = tmp_path / "v.pdvault"
    with Vault.create(path, PASS, CHEAP_PARAMS) as vault:
        case = vault.cases.add("Test Person")
        build_sample(vault, case.id)
        backup = vault.backup(tmp_path / "copy.pdvault")
        out = tmp_path / "out"
        out.mkdir()
        result = export_packet(vault, case.id, out / "packet.pdf", ExportOptions(index_es=True))
        split = export_packet(vault, case.id, out / "small.pdf", ExportOptions(max_part_mb=1))
    assert split.files and result.index_es_path and result.manifest_path
    assert mode_of(path) == mode_of(backup) == 0o600
    names = sorted(p.name for p in out.iterdir())
    assert "packet_indice_es.pdf" in names and "small.manifest.json" in names
    assert len(names) == 3 + len(split.files) + 1
    for file in out.iterdir():
        assert mode_of(file) == 0o600, file.name


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_passwd_keeps_the_vault_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "v.pdvault"
    Vault.create(path, PASS, CHEAP_PARAMS).close()
    path.chmod(mode)
    with Vault.open(path, PASS) as vault:
        vault.change_passphrase("the new one")
    assert mode_of(path) == mode
    Vault.open(path, "the new one").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.pdvault"]


# -- passphrases that are not text ---------------------------------------------------------


def test_a_passphrase_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.pdvault"
    with pytest.raises(InvalidInput, match="not valid text"):
        Vault.create(path, "caf\udce9", CHEAP_PARAMS)  # b"caf\xe9" seen as surrogate-escaped
    assert not path.exists()
    Vault.create(path, PASS, CHEAP_PARAMS).close()
    with pytest.raises(InvalidInput, match="not valid text"):
        Vault.open(path, "caf\udce9")


def test_cli_refuses_non_utf8_from_the_environment_and_a_file(tmp_path: Path) -> None:
    path = tmp_path / "v.pdvault"
    Vault.create(path, PASS, CHEAP_PARAMS).close()
    base = {k: v for k, v in os.environb.items() if b"PASSPHRASE" not in k}
    cmd = [sys.executable, "-m", "pdorganizer", "check", str(path)]
    done = subprocess.run(
        cmd, env={**base, b"PDORGANIZER_PASSPHRASE": b"caf\xe9"}, capture_output=True, cwd=ROOT
    )
    assert done.returncode == 1
    assert b"not valid text" in done.stderr and b"Traceback" not in done.stderr
    secret = tmp_path / "pass.txt"
    secret.write_bytes(b"caf\xe9\n")
    done = subprocess.run(
        [*cmd, "--passphrase-file", str(secret)], env=base, capture_output=True, cwd=ROOT
    )
    assert done.returncode == 1
    assert b"not valid text" in done.stderr and b"Traceback" not in done.stderr


# -- a full disk ---------------------------------------------------------------------------


def test_backup_to_a_full_disk(tmp_path: Path, small_disk, capsys, monkeypatch) -> None:
    path = tmp_path / "v.pdvault"
    with Vault.create(path, PASS, CHEAP_PARAMS) as vault:
        fill(vault, 3_000_000)
    before = content(path)
    usb = small_disk("2m")
    with Vault.open(path, PASS) as vault:
        with pytest.raises(StorageError, match="the disk is full"):
            vault.backup(usb / "copy.pdvault")
        assert vault.check() == []
    assert list(usb.iterdir()) == []  # no partial copy, no -journal
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASS)
    assert run(["backup", str(path), str(usb)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"pdorganizer: {FULL}"
    assert list(usb.iterdir()) == []
    assert content(path) == before


def test_passwd_on_a_full_disk_changes_nothing(small_disk, capsys, monkeypatch) -> None:
    disk = small_disk("4m")
    path = disk / "v.pdvault"
    with Vault.create(path, PASS, CHEAP_PARAMS) as vault:
        fill(vault, 2_500_000)
    before = content(path)
    with Vault.open(path, PASS) as vault:
        with pytest.raises(StorageError, match="the disk is full"):
            vault.change_passphrase("new passphrase")
        assert vault.check() == []  # still open and usable
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASS)
    monkeypatch.setenv("PDORGANIZER_NEW_PASSPHRASE", "new passphrase")
    assert run(["passwd", str(path)]) == 1
    assert capsys.readouterr().err.strip() == f"pdorganizer: {FULL}"
    assert sorted(p.name for p in disk.iterdir()) == ["v.pdvault"]
    assert content(path) == before


def test_schema_upgrade_on_a_full_disk_changes_nothing(small_disk) -> None:
    disk = small_disk("4m")
    path = disk / "old.pdvault"
    with Vault.create(path, PASS, CHEAP_PARAMS, schema_version=1) as vault:
        fill(vault, 2_500_000)
        with vault.read() as con:
            before = con.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
    for _ in range(2):
        with pytest.raises(StorageError, match="the disk is full"):
            Vault.open(path, PASS)  # the upgrade writes a backup first: no room for it
        assert sorted(p.name for p in disk.iterdir()) == ["old.pdvault"]
    # Still the old schema, still sound: read it as the version-1 file it is.
    import sqlcipher3

    from pdorganizer.vault import kdf

    salt = path.read_bytes()[:16]
    key = kdf.derive_key(PASS, salt, kdf.params_from_salt(salt))
    con = sqlcipher3.connect(str(path))
    con.set_key(kdf.sqlcipher_raw_key(key))
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT key, value FROM meta ORDER BY key").fetchall() == before
    con.close()


def test_export_to_a_full_disk(tmp_path: Path, small_disk) -> None:
    disk = small_disk("64k")
    with Vault.create(tmp_path / "v.pdvault", PASS, CHEAP_PARAMS) as vault:
        case = vault.cases.add("Test Person")
        build_sample(vault, case.id)
        with pytest.raises(PdoError, match="the disk is full; no packet was written"):
            export_packet(vault, case.id, disk / "packet.pdf", ExportOptions())
    assert list(disk.iterdir()) == []


def test_import_onto_a_full_disk_says_which_files_were_kept(
    tmp_path: Path, small_disk, monkeypatch
) -> None:
    disk = small_disk("2m")
    path = disk / "v.pdvault"
    files = []
    for i in range(16):
        name = tmp_path / f"photo{i:02}.jpg"
        name.write_bytes(jpeg(size=(500, 500), noisy=True, seed=i, quality=95))
        files.append(str(name))
    # Several documents per transaction, so a batch can be lost as a whole.
    monkeypatch.setattr(store_mod, "BATCH_BYTES", 400_000)
    with Vault.create(path, PASS, CHEAP_PARAMS) as vault:
        case = vault.cases.add("Test Person")
        results = import_files(vault, case.id, files)
    assert [r.path for r in results] == files  # one line per file, none missing
    kept = {r.path for r in results if r.status == "imported"}
    lost = [r for r in results if r.status != "imported"]
    assert kept and lost
    assert {r.message for r in lost} == {"the disk is full; this file was not kept"}
    with Vault.open(path, PASS) as vault:
        stored = {d.title for d in vault.documents.list(case.id)}
        assert vault.check() == []
    assert stored == {Path(p).stem.capitalize() for p in kept}
    assert sorted(p.name for p in disk.iterdir()) == ["v.pdvault"]


def test_import_into_a_read_only_vault(tmp_path: Path, small_disk, capsys, monkeypatch) -> None:
    disk = small_disk("2m")
    path = disk / "v.pdvault"
    with Vault.create(path, PASS, CHEAP_PARAMS) as vault:
        vault.cases.add("Test Person")
    remount_ro(disk)
    files = []
    for i in range(3):
        name = tmp_path / f"photo{i}.jpg"
        name.write_bytes(jpeg(seed=i))
        files.append(str(name))
    with Vault.open(path, PASS) as vault:
        results = import_files(vault, 1, files)
    assert [r.status for r in results] == ["failed"] * 3
    assert {r.message for r in results} == {
        "the vault file cannot be written (is it read-only?); this file was not kept"
    }
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASS)
    assert run(["import", str(path), "--case", "1", *files]) == 1
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert text.count("is it read-only?") == 3 and "went wrong" not in text


# -- child processes and signals -----------------------------------------------------------


def test_open_folder_starts_the_file_manager_without_passphrases(
    tmp_path: Path, monkeypatch
) -> None:
    from pdorganizer.ui import launcher

    fake = tmp_path / "bin"
    fake.mkdir()
    seen = tmp_path / "env.txt"
    for name in ("xdg-open", "open"):
        script = fake / name
        script.write_text(f"#!/bin/sh\nenv > {seen}.tmp && mv {seen}.tmp {seen}\n")
        script.chmod(0o700)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    for var in ("PDORGANIZER_PASSPHRASE", "PDORGANIZER_NEW_PASSPHRASE"):
        monkeypatch.setenv(var, "secret")
    monkeypatch.setenv("PDORGANIZER_OTHER_PASSPHRASE", "secret")
    monkeypatch.setenv("PDO_TEST_MARKER", "kept")
    assert launcher.open_folder(str(tmp_path))
    for _ in range(100):
        if seen.exists():
            break
        time.sleep(0.05)
    env = seen.read_text()
    assert "PDO_TEST_MARKER=kept" in env
    assert "PASSPHRASE" not in env and "secret" not in env
    assert "PDORGANIZER_PASSPHRASE" not in os.environ  # nor does anything Qt starts later


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child is POSIX")
def test_ctrl_c_quits_the_gui_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PDORGANIZER_PASSPHRASE": "x"}
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom pdorganizer.ui import app, interrupt\n"
            "real = interrupt.quit_on_signals\n"
            "def ready(*a):\n"
            "    timer = real(*a)\n"
            "    print('up', flush=True)\n"
            "    return timer\n"
            "interrupt.quit_on_signals = ready\n"
            "sys.exit(app.run_app())",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "up"
        time.sleep(0.5)
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_create_on_a_full_disk_leaves_nothing(small_disk) -> None:
    disk = small_disk("16k")
    (disk / "filler").write_bytes(os.urandom(12 * 1024))
    with pytest.raises(StorageError, match="the disk is full"):
        Vault.create(disk / "new.pdvault", PASS, CHEAP_PARAMS)
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_backup_to_a_read_only_folder_names_the_folder(tmp_path: Path, small_disk) -> None:
    usb = small_disk("2m")
    remount_ro(usb)
    vault = Vault.create(tmp_path / "v.pdvault", PASS, CHEAP_PARAMS)
    with vault, pytest.raises(StorageError, match=r"the folder .* cannot be written"):
        vault.backup(usb / "copy.pdvault")
    assert list(usb.iterdir()) == []


def test_hand_off_sheet_and_timeline_are_owner_only(tmp_path: Path, wide_umask) -> None:
    from pdorganizer.export.handoff_sheet import write_sheet
    from pdorganizer.timeline import render
    from pdorganizer.timeline.drawing import Drawing

    sheet = write_sheet(tmp_path / "sheet.pdf", "Test Person", "client.pdvault", "a b c d e f")
    png = render.write(Drawing(200.0, 100.0), tmp_path / "timeline.png")
    pdf = render.write(Drawing(200.0, 100.0), tmp_path / "timeline.pdf")
    for path in (sheet, png, pdf):
        assert mode_of(path) == 0o600, path.name
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "sheet.pdf",
        "timeline.pdf",
        "timeline.png",
    ]
