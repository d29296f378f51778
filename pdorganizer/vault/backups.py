"""Backups the app makes, remembered inside the vault (meta), and the weekly reminder.

The vault's `meta` table keeps when it was last backed up and where the copies went
(inside the encrypted file, since a path may name a person), so the app can remind that a
changed vault has not been backed up for a week, and so removing a client can find the
copies that still hold them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from pdorganizer.vault.vault import Vault, now_iso

LAST_BACKUP = "last_backup_at"
BACKUP_PATHS = "backup_paths"
REMIND_AFTER = dt.timedelta(days=7)
_MAX_REMEMBERED = 50
_SLACK = 2.0  # seconds between the backup record's commit and the file's mtime


def make_backup(vault: Vault, dest: str | os.PathLike[str]) -> Path:
    """Write the encrypted copy (Vault.backup, crash-safe), then remember it."""
    target = vault.backup(dest)
    record(vault, target)
    return target


def record(vault: Vault, target: Path) -> None:
    paths = [str(Path(target).resolve())] + [
        p for p in _recorded(vault) if p != str(Path(target).resolve())
    ]
    with vault.transaction() as con:
        for key, value in (
            (LAST_BACKUP, now_iso()),
            (BACKUP_PATHS, json.dumps(paths[:_MAX_REMEMBERED])),
        ):
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def _recorded(vault: Vault) -> list[str]:
    try:
        value = json.loads(vault.meta().get(BACKUP_PATHS, "[]"))
    except ValueError:
        return []
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def known_backups(vault: Vault) -> list[Path]:
    """Existing copies: recorded backups, and schema-upgrade backups beside the vault."""
    found = [Path(p) for p in _recorded(vault) if Path(p).is_file()]
    pattern = f"{vault.path.stem}.schema*-backup-*{vault.path.suffix}"
    found += sorted(vault.path.parent.glob(pattern))
    unique: dict[str, Path] = {}
    for path in found:
        if path.resolve() != vault.path.resolve():
            unique.setdefault(str(path.resolve()), path)
    return list(unique.values())


def forget(vault: Vault, removed: list[Path]) -> None:
    gone = {str(Path(p).resolve()) for p in removed}
    paths = [p for p in _recorded(vault) if p not in gone]
    with vault.transaction() as con:
        con.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (BACKUP_PATHS, json.dumps(paths)),
        )


def last_backup(vault: Vault) -> dt.datetime | None:
    return _parse(vault.meta().get(LAST_BACKUP))


def backup_due(vault: Vault, now: dt.datetime | None = None) -> bool:
    """True when the vault changed since its last backup (or since it was made, if never
    backed up) and that backup is more than a week old."""
    meta = vault.meta()
    since = _parse(meta.get(LAST_BACKUP)) or _parse(meta.get("created_at"))
    if since is None:
        return False
    now = now or dt.datetime.now(dt.UTC)
    if now - since < REMIND_AFTER:
        return False
    try:
        changed = vault.path.stat().st_mtime > since.timestamp() + _SLACK
    except OSError:
        return False
    return changed


def _parse(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
