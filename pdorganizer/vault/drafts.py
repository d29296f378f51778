"""Drafts: what a form held when the vault locked under it, kept inside the vault.

Auto-lock closes every window showing case data. A form the person was filling in (a
new case, say) is not thrown away: its values go into the vault's `meta` table, as
encrypted as everything else, and the next unlock offers them back. One draft per kind
of form; JSON values only. Qt-free: the GUI decides what a form's draft holds."""

from __future__ import annotations

import json
from typing import Any

from pdorganizer.vault.vault import Vault

KEY_PREFIX = "draft:"


def save_draft(vault: Vault, kind: str, data: dict[str, Any]) -> None:
    value = json.dumps(data, ensure_ascii=False)
    with vault.transaction() as con:
        con.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (KEY_PREFIX + kind, value)
        )


def load_draft(vault: Vault, kind: str) -> dict[str, Any] | None:
    raw = vault.meta().get(KEY_PREFIX + kind)
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def discard_draft(vault: Vault, kind: str) -> None:
    with vault.transaction() as con:
        con.execute("DELETE FROM meta WHERE key = ?", (KEY_PREFIX + kind,))
