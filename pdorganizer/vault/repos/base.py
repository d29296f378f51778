"""Shared plumbing for repositories."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pdorganizer.core.errors import NotFound

if TYPE_CHECKING:
    from pdorganizer.vault.vault import Vault


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class Repo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault


def require(row: object, what: str, ident: object) -> None:
    if row is None:
        raise NotFound(f"no {what} {ident} in this vault")
