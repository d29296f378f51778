"""Cleaned renditions of pages (schema v6, see migration_v6.py): read and write.

Functions over a Vault rather than a repo attribute, so the vault class stays as it is.
Turning a rendition on or off swaps the page's size and thumbnail in the same
transaction, so every reader of `pages` (layout, checks, CLI) sees the page it prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pdorganizer.vault import Vault
from pdorganizer.vault.repos.base import require


@dataclass
class Rendition:
    page_id: int
    enabled: bool
    corners: list[tuple[float, float]] | None
    settings: dict[str, Any] = field(default_factory=dict)
    mode: str = "colour"
    mime: str = ""
    data: bytes = b""
    width: float = 0.0  # points, upright, of the cleaned page
    height: float = 0.0
    thumbnail: bytes | None = None


_COLS = "page_id, enabled, corners, settings, mode, mime, data, width, height, thumbnail"


def _row(row: tuple) -> Rendition:
    corners = json.loads(row[2]) if row[2] else None
    return Rendition(
        row[0],
        bool(row[1]),
        [(float(x), float(y)) for x, y in corners] if corners else None,
        json.loads(row[3] or "{}"),
        row[4],
        row[5],
        bytes(row[6]),
        float(row[7]),
        float(row[8]),
        bytes(row[9]) if row[9] is not None else None,
    )


def get(vault: Vault, page_id: int) -> Rendition | None:
    with vault.read() as con:
        row = con.execute(f"SELECT {_COLS} FROM renditions WHERE page_id = ?", (page_id,))
        found = row.fetchone()
    return _row(found) if found else None


def active(vault: Vault, page_id: int) -> Rendition | None:
    """The rendition the export prints for this page, if it is on."""
    found = get(vault, page_id)
    return found if found is not None and found.enabled else None


def summary(vault: Vault, page_ids: list[int]) -> dict[int, tuple[bool, list | None, str]]:
    """page id -> (enabled, corners, mode) for the pages that have a rendition."""
    if not page_ids:
        return {}
    marks = ",".join("?" * len(page_ids))
    with vault.read() as con:
        rows = con.execute(
            f"SELECT page_id, enabled, corners, mode FROM renditions WHERE page_id IN ({marks})",
            page_ids,
        ).fetchall()
    return {r[0]: (bool(r[1]), json.loads(r[2]) if r[2] else None, r[3]) for r in rows}


def put(con: Any, rendition: Rendition) -> None:
    """Store (or replace) a page's rendition and switch the page to it, on `con` (inside
    the caller's transaction)."""
    page = con.execute(
        "SELECT width, height, thumbnail FROM pages WHERE id = ?", (rendition.page_id,)
    ).fetchone()
    require(page, "page", rendition.page_id)
    old = con.execute(
        "SELECT enabled, orig_width, orig_height, orig_thumbnail FROM renditions WHERE page_id = ?",
        (rendition.page_id,),
    ).fetchone()
    # while the old rendition is on, the page row holds its size: keep the page's own
    orig = (old[1], old[2], old[3]) if old is not None and old[0] else tuple(page)
    corners = (
        json.dumps([[round(x, 2), round(y, 2)] for x, y in rendition.corners])
        if (rendition.corners)
        else ""
    )
    con.execute(
        "INSERT OR REPLACE INTO renditions(page_id, enabled, corners, settings, mode, mime, "
        "data, width, height, thumbnail, orig_width, orig_height, orig_thumbnail) "
        "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rendition.page_id,
            corners,
            json.dumps(rendition.settings, sort_keys=True),
            rendition.mode,
            rendition.mime,
            rendition.data,
            rendition.width,
            rendition.height,
            rendition.thumbnail,
            *orig,
        ),
    )
    con.execute(
        "UPDATE pages SET width = ?, height = ?, thumbnail = COALESCE(?, thumbnail) WHERE id = ?",
        (rendition.width, rendition.height, rendition.thumbnail, rendition.page_id),
    )


def set_enabled(vault: Vault, page_id: int, enabled: bool) -> bool:
    """Turn a page's rendition on or off; False when the page has none."""
    with vault.transaction() as con:
        row = con.execute(
            "SELECT enabled, width, height, thumbnail, orig_width, orig_height, orig_thumbnail "
            "FROM renditions WHERE page_id = ?",
            (page_id,),
        ).fetchone()
        if row is None:
            return False
        if bool(row[0]) == enabled:
            return True
        size = (row[1], row[2], row[3]) if enabled else (row[4], row[5], row[6])
        con.execute(
            "UPDATE pages SET width = ?, height = ?, thumbnail = COALESCE(?, thumbnail) "
            "WHERE id = ?",
            (*size, page_id),
        )
        con.execute("UPDATE renditions SET enabled = ? WHERE page_id = ?", (int(enabled), page_id))
    return True


def original_thumbnail(vault: Vault, page_id: int) -> bytes | None:
    """The page's own thumbnail (the pages row holds the cleaned one while it is on)."""
    with vault.read() as con:
        row = con.execute(
            "SELECT enabled, orig_thumbnail FROM renditions WHERE page_id = ?", (page_id,)
        ).fetchone()
    if row is not None and row[0]:
        return bytes(row[1]) if row[1] is not None else None
    return vault.documents.thumbnail(page_id)
