"""The export choices last used for a case, kept inside the vault (its `meta` table).

They may name the person (the cover title) and the client's folder (the destination), so
they live in the encrypted vault with the case, never in the app's settings. Qt-free:
the GUI's export dialog and any other front use the same two functions."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from pdorganizer.export.service import ExportOptions
from pdorganizer.vault import Vault

KEY_PREFIX = "export_choices:"


def _key(case_id: int) -> str:
    return f"{KEY_PREFIX}{int(case_id)}"


def load_choices(vault: Vault, case_id: int) -> tuple[ExportOptions, str] | None:
    """(options, destination) from the case's last export, or None when it has none.
    Unknown or mistyped values are dropped (a newer version may have written more)."""
    raw = vault.meta().get(_key(case_id))
    if not raw:
        return None
    try:
        stored: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(stored, dict) or not isinstance(stored.get("options"), dict):
        return None
    options = ExportOptions()
    for f in dataclasses.fields(ExportOptions):
        if f.name not in stored["options"]:
            continue
        value, default = stored["options"][f.name], getattr(options, f.name)
        if f.name == "max_part_mb":
            if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
                options.max_part_mb = None if value is None else float(value)
        elif isinstance(default, bool):
            if isinstance(value, bool):
                setattr(options, f.name, value)
        elif type(value) is type(default):
            setattr(options, f.name, value)
    destination = stored.get("destination")
    return options, destination if isinstance(destination, str) else ""


def save_choices(vault: Vault, case_id: int, options: ExportOptions, destination: str) -> None:
    value = json.dumps(
        {"options": dataclasses.asdict(options), "destination": str(destination)},
        ensure_ascii=False,
    )
    with vault.transaction() as con:
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (_key(case_id), value))


def forget_choices(vault: Vault, case_id: int) -> None:
    with vault.transaction() as con:
        con.execute("DELETE FROM meta WHERE key = ?", (_key(case_id),))
