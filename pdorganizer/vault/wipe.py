"""Remove a client from this computer: the case, every trace of it in the vault file, and
the app's own backups of the vault that still hold it.

Deleting runs with `secure_delete` (freed content is overwritten), then VACUUM rebuilds
the file so no free page keeps old ciphertext either (`freelist_count` is 0 afterwards).
The file system may still hold old blocks (SSDs and copy-on-write disks relocate writes);
that is encrypted data, and the README says so.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from pdorganizer.core.errors import PdoError
from pdorganizer.core.progress import Progress
from pdorganizer.vault import backups
from pdorganizer.vault.handoff import SYNC_PREFIX
from pdorganizer.vault.vault import Vault, _connect


@dataclass
class BackupFile:
    path: Path
    holds_case: bool | None  # None: it opens with another passphrase, so it cannot be read


@dataclass
class WipeResult:
    case_name: str
    documents: int
    files: int
    removed_backups: list[Path] = field(default_factory=list)
    kept_backups: list[Path] = field(default_factory=list)
    free_pages: int = 0


def backups_holding(vault: Vault, case_id: int) -> list[BackupFile]:
    """Backups the app made of this vault (schema-upgrade backups beside it, and the
    backups recorded by File > Back up) that hold the case or cannot be checked."""
    case_uid, name = _case_identity(vault, case_id)
    out = []
    for path in backups.known_backups(vault):
        holds = _holds_case(path, vault, case_uid, name)
        if holds is not False:
            out.append(BackupFile(path, holds))
    return out


def wipe_case(
    vault: Vault,
    case_id: int,
    *,
    remove_backups: list[Path] | tuple[Path, ...] = (),
    progress: Progress | None = None,
) -> WipeResult:
    """Delete the case, rebuild the file, then delete the backups named in `remove_backups`."""
    progress = progress or Progress()
    progress.start(3)
    case_uid, name = _case_identity(vault, case_id)
    with vault.transaction() as con:
        documents = con.execute(
            "SELECT count(*) FROM documents WHERE case_id = ?", (case_id,)
        ).fetchone()[0]
        files = con.execute(
            "SELECT count(*) FROM sources WHERE case_id = ?", (case_id,)
        ).fetchone()[0]
        used_only_here = [
            r[0]
            for r in con.execute(
                "SELECT id FROM custom_factors WHERE id IN ("
                " SELECT factor_id FROM case_factors WHERE case_id = :c UNION"
                " SELECT df.factor_id FROM document_factors df JOIN documents d"
                " ON d.id = df.document_id WHERE d.case_id = :c)"
                " AND id NOT IN (SELECT factor_id FROM case_factors WHERE case_id <> :c)"
                " AND id NOT IN (SELECT df.factor_id FROM document_factors df JOIN documents d"
                " ON d.id = df.document_id WHERE d.case_id <> :c)",
                {"c": case_id},
            )
        ]
        con.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        con.executemany("DELETE FROM custom_factors WHERE id = ?", [(f,) for f in used_only_here])
        if case_uid:
            con.execute("DELETE FROM meta WHERE key = ?", (SYNC_PREFIX + case_uid,))
    progress.step()
    with vault.read() as con:
        con.execute("VACUUM")  # rewrites every page; the file shrinks to what is left
        free = int(con.execute("PRAGMA freelist_count").fetchone()[0])
    progress.step()
    result = WipeResult(name, documents, files, free_pages=free)
    for path in remove_backups:
        try:
            Path(path).unlink()
            result.removed_backups.append(Path(path))
        except FileNotFoundError:
            result.removed_backups.append(Path(path))
        except OSError:
            result.kept_backups.append(Path(path))
    if result.removed_backups:
        backups.forget(vault, result.removed_backups)
    progress.step()
    return result


def _case_identity(vault: Vault, case_id: int) -> tuple[str, str]:
    with vault.read() as con:
        row = con.execute("SELECT uid, name FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise PdoError("no case {case} in this vault", case=case_id)
    return str(row[0] or ""), str(row[1])


def _holds_case(path: Path, vault: Vault, case_uid: str, name: str) -> bool | None:
    """Open the backup with this vault's key (a backup keeps the vault's key and salt)."""
    try:
        con = _connect(path, vault._key)  # same package; the key never leaves it
    except Exception:
        return None
    try:
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:
            return None  # another key: made before a passphrase change
        with contextlib.suppress(Exception):
            if con.execute("SELECT 1 FROM cases WHERE uid = ?", (case_uid,)).fetchone():
                return True
        return bool(con.execute("SELECT 1 FROM cases WHERE name = ?", (name,)).fetchone())
    except Exception:
        return None
    finally:
        con.close()
