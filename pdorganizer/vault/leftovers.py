"""Temp files of writes that a crash may interrupt: recorded in the vault before they
start, removed by the next write to that folder or the next unlock.

A packet is written as hidden temp files beside its final name (plaintext until it is
renamed), a backup as an encrypted temp copy, the Spanish index as a hidden `.part`. If
the process is killed (SIGKILL, power cut) in between, nothing of ours runs to delete
them; so before the first byte is written, the vault records in its `meta` table (own
committed transaction) the folder and the name prefix of the temp files, and clears the
record when the write is over. Whoever finds a record later (the next export or backup,
the next open of the vault) deletes the files it names, but only those whose names match
our temp patterns: never a file of the user's.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KEY_PREFIX = "pending_write."
# The names our temp files have; a record can only ever delete files that match one.
TEMP_PATTERNS = (
    re.compile(r"\..+\.pdo-export-[0-9a-f]{8}-[a-z0-9]+\.tmp"),  # packet parts, manifest
    re.compile(r".+\.tmp-[0-9a-f]{8}(-journal|-wal|-shm)?"),  # backup, passphrase change
    re.compile(r"\..+\.[0-9a-f]{8}\.part"),  # fsync_util.atomic_file (Spanish index ...)
)

_active: set[str] = set()  # records of writes running in this process
_active_lock = threading.Lock()


def is_temp_name(name: str) -> bool:
    return any(p.fullmatch(name) for p in TEMP_PATTERNS)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, belongs to someone else
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def new_record(folder: Path, prefix: str) -> tuple[str, str]:
    token = secrets.token_hex(8)
    value = json.dumps(
        {"folder": str(folder.absolute()), "prefix": prefix, "pid": os.getpid(), "t": time.time()}
    )
    return KEY_PREFIX + token, value


def activate(key: str) -> None:
    with _active_lock:
        _active.add(key)


def deactivate(key: str) -> None:
    with _active_lock:
        _active.discard(key)


def still_running(key: str, record: dict[str, Any]) -> bool:
    """A write of another living process (or of this one, still going): leave it be."""
    pid = int(record.get("pid", 0))
    if pid == os.getpid():
        with _active_lock:
            return key in _active
    return _pid_alive(pid)


def remove_files(folder: Path, prefix: str) -> list[Path]:
    """Delete our temp files in `folder` whose names start with `prefix`; the removed."""
    removed: list[Path] = []
    if not prefix or not folder.is_dir():
        return removed
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(prefix) and is_temp_name(entry.name):
            try:
                if entry.is_file() and not entry.is_symlink():
                    entry.unlink()
                    removed.append(entry)
            except OSError as exc:
                log.info("could not remove a leftover temp file: %s", exc.strerror)
    return removed


def sweep(
    records: dict[str, str],
    forget: Callable[[str], None],
    folder: Path | None = None,
) -> int:
    """Remove the files of finished-or-dead records (only in `folder` when given) and
    forget those records; the number of files removed."""
    count = 0
    for key, raw in records.items():
        try:
            record = json.loads(raw)
            where = Path(record["folder"])
            prefix = str(record["prefix"])
        except (ValueError, KeyError, TypeError):
            forget(key)  # not ours to understand: drop the record, touch no file
            continue
        if folder is not None and where != folder.absolute():
            continue
        if still_running(key, record):
            continue
        if not where.is_dir():
            continue  # a removable disk not plugged in now: try again another time
        count += len(remove_files(where, prefix))
        forget(key)
    return count
