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
    """NotFound with a fixed template per kind of record (literal, so the GUI's catalogue
    declares and translates it)."""
    if row is not None:
        return
    if what == "case":
        raise NotFound("no case {id} in this vault", id=ident)
    if what == "document":
        raise NotFound("no document {id} in this vault", id=ident)
    if what == "page":
        raise NotFound("no page {id} in this vault", id=ident)
    raise NotFound("no source file {id} in this vault", id=ident)
