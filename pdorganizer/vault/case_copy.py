"""Copying one case's rows between two vaults, without knowing the tables in advance.

Every table that reaches `cases` through foreign keys (documents, pages, sources, tags,
exhibits, translations, and whatever later schema versions add: the request letter, the
declaration...) is found with `PRAGMA foreign_key_list`, ordered parents first, and its
columns read with `PRAGMA table_info`. A row belongs to the case when every foreign key
it has into those tables points at a row of the case. Surrogate ids (`id INTEGER PRIMARY
KEY`) are never copied: the target assigns its own and foreign keys are remapped.

`snapshot()` describes a case by content hashes that do not depend on local ids (cases
and documents by their `uid`, sources by SHA-256), so two vaults can tell what changed on
each side since a hand-off (see handoff.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pdorganizer.core.progress import Progress

Connection = Any  # an sqlcipher3 connection

# Bookkeeping columns: they change on every write and say nothing about content.
NON_CONTENT = frozenset({"uid", "updated_at", "created_at", "added_at"})
# Tables whose merge handling is written out in handoff.py; all others are generic.
KNOWN = frozenset({"cases", "documents", "sources", "pages", "exhibits", "exhibit_documents"})


@dataclass
class TableInfo:
    name: str
    columns: list[str]
    pk: list[str]
    fks: dict[str, tuple[str, str]]  # column -> (parent table, parent column)

    @property
    def surrogate(self) -> bool:
        """One INTEGER PRIMARY KEY column: an id local to this vault."""
        return len(self.pk) == 1 and self.pk[0] == "id"


def table_infos(con: Connection) -> dict[str, TableInfo]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    infos: dict[str, TableInfo] = {}
    for name in names:
        cols = con.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns = [c[1] for c in cols]
        pk = [c[1] for c in sorted((c for c in cols if c[5]), key=lambda c: c[5])]
        fks: dict[str, tuple[str, str]] = {}
        for fk in con.execute(f'PRAGMA foreign_key_list("{name}")').fetchall():
            parent, src, dst = fk[2], fk[3], fk[4]
            fks[src] = (parent, dst or "id")
        infos[name] = TableInfo(name, columns, pk, fks)
    return infos


def case_tables(infos: dict[str, TableInfo]) -> list[str]:
    """Tables that hang off `cases`, parents before children."""
    included = {"cases"}
    changed = True
    while changed:
        changed = False
        for t in infos.values():
            if t.name not in included and any(p in included for p, _ in t.fks.values()):
                included.add(t.name)
                changed = True
    order: list[str] = []
    while len(order) < len(included):
        for name in sorted(included - set(order)):
            parents = {p for p, _ in infos[name].fks.values() if p in included and p != name}
            if parents <= set(order):
                order.append(name)
                break
        else:  # a cycle: place the rest as they are (foreign keys are deferred)
            order += sorted(included - set(order))
    return order


def _linked(info: TableInfo, included: Iterable[str]) -> dict[str, tuple[str, str]]:
    inc = set(included)
    return {c: pc for c, pc in info.fks.items() if pc[0] in inc and pc[0] != info.name}


def _names(cols: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def case_rowids(con: Connection, infos: dict[str, TableInfo], case_id: int) -> dict[str, list]:
    """rowids of each case table's rows that belong to the case."""
    order = case_tables(infos)
    wanted: dict[tuple[str, str], set] = {}  # (table, column) -> values of included rows
    for t in order:
        for parent, col in infos[t].fks.values():
            wanted.setdefault((parent, col), set())
    rows: dict[str, list] = {}
    for t in order:
        linked = _linked(infos[t], order)
        refs = [c for (p, c) in wanted if p == t]
        cols = list(dict.fromkeys([*linked, *refs, "id"] if t == "cases" else [*linked, *refs]))
        rows[t] = []
        for r in con.execute(f'SELECT rowid, {_names(cols) or "NULL"} FROM "{t}"'):
            values = dict(zip(cols, r[1:], strict=False))
            if t == "cases":
                keep = values["id"] == case_id
            else:
                present = [c for c in linked if values[c] is not None]
                keep = bool(present) and all(values[c] in wanted[linked[c]] for c in present)
            if not keep:
                continue
            rows[t].append(r[0])
            for c in refs:
                wanted[(t, c)].add(values[c])
    return rows


@dataclass
class CopyPlan:
    """How to place the source rows in the target."""

    idmap: dict[str, dict[Any, Any]] = field(default_factory=dict)  # table -> old id -> new
    skip: Callable[[str, dict], bool] = lambda _t, _row: False
    overrides: Callable[[str, dict], dict] = lambda _t, row: row
    replace_keyed: Callable[[str, dict, dict], bool] = lambda _t, _new, _old: False
    inserted: dict[str, int] = field(default_factory=dict)
    kept: list[tuple[str, dict, dict]] = field(default_factory=list)  # (table, theirs, ours)


def copy_case(
    src: Connection,
    dst: Connection,
    case_id: int,
    plan: CopyPlan,
    progress: Progress | None = None,
) -> CopyPlan:
    """Insert the case's rows of `src` into `dst` (the caller holds dst's transaction)."""
    s_infos, d_infos = table_infos(src), table_infos(dst)
    order = case_tables(s_infos)
    rowids = case_rowids(src, s_infos, case_id)
    if progress is not None:
        progress.start(sum(len(rowids[t]) for t in order))
    for t in order:
        if t not in d_infos:
            continue
        info, target = s_infos[t], d_infos[t]
        cols = [c for c in info.columns if c in target.columns]
        select = _names(cols)
        mapping = plan.idmap.setdefault(t, {})
        for rowid in rowids[t]:
            if progress is not None:
                progress.step()
            if info.surrogate and rowid in mapping:
                continue  # already there; an INTEGER PRIMARY KEY is the rowid: no blob read
            raw = src.execute(f'SELECT {select} FROM "{t}" WHERE rowid = ?', (rowid,)).fetchone()
            row = dict(zip(cols, raw, strict=True))
            old_id = row.get("id")
            if info.surrogate and old_id in mapping:
                continue  # already there (matched, or pre-placed by the caller)
            if plan.skip(t, row):
                continue
            placed = _remap(row, info, plan.idmap)
            if placed is None:
                continue  # points at something that was not copied
            placed = plan.overrides(t, placed)
            if info.surrogate:
                placed.pop("id", None)
                cur = dst.execute(
                    f'INSERT INTO "{t}" ({_names(placed)}) VALUES ({_marks(placed)})',
                    tuple(placed.values()),
                )
                mapping[old_id] = int(cur.lastrowid)
            else:
                _insert_keyed(dst, t, target, placed, plan)
            plan.inserted[t] = plan.inserted.get(t, 0) + 1
    return plan


def _remap(row: dict, info: TableInfo, idmap: dict[str, dict]) -> dict | None:
    out = dict(row)
    for col, (parent, _pcol) in info.fks.items():
        value = row.get(col)
        if value is None or parent == info.name or col not in out:
            continue
        if parent not in idmap:
            continue  # a table outside the case (none today): its ids are shared
        mapped = idmap[parent].get(value)
        if mapped is None:
            if info.surrogate and col not in info.pk and parent in ("documents", "sources"):
                out[col] = None  # e.g. a declaration's rendered document left behind
                continue
            return None
        out[col] = mapped
    return out


def _insert_keyed(dst: Connection, t: str, info: TableInfo, row: dict, plan: CopyPlan) -> None:
    """A row keyed by other rows (tags, links, one-per-case records): add it if absent;
    when present and different, the caller decides (replace, or keep ours and report)."""
    where = " AND ".join(f'"{c}" IS ?' for c in info.pk)
    key = tuple(row[c] for c in info.pk)
    names = list(row)
    current = dst.execute(f'SELECT {_names(names)} FROM "{t}" WHERE {where}', key).fetchone()
    if current is None:
        dst.execute(
            f'INSERT INTO "{t}" ({_names(names)}) VALUES ({_marks(names)})', tuple(row.values())
        )
        return
    ours = dict(zip(names, current, strict=True))
    if _content(ours) == _content(row):
        return
    if plan.replace_keyed(t, row, ours):
        sets = ", ".join(f'"{c}" = ?' for c in names if c not in info.pk)
        dst.execute(
            f'UPDATE "{t}" SET {sets} WHERE {where}',
            (*[row[c] for c in names if c not in info.pk], *key),
        )
    else:
        plan.kept.append((t, row, ours))


def _marks(cols: Iterable[str]) -> str:
    return ", ".join("?" for _ in cols)


def _content(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in NON_CONTENT}


# -- snapshots -----------------------------------------------------------------------


def digest(value: object) -> str:
    def norm(v: object) -> object:
        if isinstance(v, bytes | bytearray | memoryview):
            return "sha256:" + hashlib.sha256(bytes(v)).hexdigest()
        return v

    if isinstance(value, dict):
        value = {k: norm(v) for k, v in sorted(value.items())}
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Identities:
    """Local ids -> ids that mean the same in any vault (uid, SHA-256)."""

    def __init__(self, con: Connection) -> None:
        self.case = dict(con.execute("SELECT id, uid FROM cases").fetchall())
        self.doc = dict(con.execute("SELECT id, uid FROM documents").fetchall())
        self.source = dict(con.execute("SELECT id, sha256 FROM sources").fetchall())

    def of(self, parent: str, value: object) -> object:
        table = {"cases": self.case, "documents": self.doc, "sources": self.source}.get(parent)
        return table.get(value, value) if table is not None else value


def content_of(info: TableInfo, row: dict, ids: Identities, *, drop: Iterable[str] = ()) -> dict:
    """A row's content in vault-independent terms."""
    out = {}
    for col, value in row.items():
        if col in NON_CONTENT or col in drop or (info.surrogate and col == "id"):
            continue
        if col in info.fks and info.fks[col][0] == "cases":
            continue
        out[col] = ids.of(info.fks[col][0], value) if col in info.fks else value
    return out


def row_dicts(con: Connection, table: str, where: str, args: tuple) -> list[dict]:
    cur = con.execute(f'SELECT * FROM "{table}" WHERE {where}', args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def keyed_tables(infos: dict[str, TableInfo]) -> list[str]:
    """Generic case tables whose rows are keyed by other rows and carry content
    (translations, a request letter, a declaration...)."""
    return [
        t
        for t in case_tables(infos)
        if t not in KNOWN
        and not infos[t].surrogate
        and any(c not in infos[t].pk and c not in NON_CONTENT for c in infos[t].columns)
    ]


def natural_key(info: TableInfo, row: dict, ids: Identities) -> str:
    return json.dumps(
        [ids.of(info.fks[c][0], row[c]) if c in info.fks else row[c] for c in info.pk],
        default=str,
    )


def snapshot(con: Connection, case_id: int) -> dict:
    """Content hashes of a case: what a later merge compares against."""
    infos = table_infos(con)
    ids = Identities(con)
    (case_row,) = row_dicts(con, "cases", "id = ?", (case_id,))
    docs = {}
    for doc in row_dicts(con, "documents", "case_id = ?", (case_id,)):
        docs[doc["uid"]] = {
            "f": digest(content_of(infos["documents"], doc, ids, drop=("source_id",))),
            "p": digest(page_structure(con, doc["id"])),
        }
    rows: dict[str, dict[str, str]] = {}
    rowids = case_rowids(con, infos, case_id)
    for t in keyed_tables(infos):
        rows[t] = {}
        for rowid in rowids[t]:
            (row,) = row_dicts(con, t, "rowid = ?", (rowid,))
            rows[t][natural_key(infos[t], row, ids)] = digest(content_of(infos[t], row, ids))
    return {
        "case": digest(content_of(infos["cases"], case_row, ids)),
        "docs": docs,
        "exhibits": digest(exhibit_structure(con, case_id)),
        "rows": rows,
    }


def page_structure(con: Connection, doc_id: int) -> list:
    return [
        list(r)
        for r in con.execute(
            "SELECT s.sha256, p.source_index, p.rotation FROM pages p "
            "JOIN sources s ON s.id = p.source_id WHERE p.document_id = ? ORDER BY p.position",
            (doc_id,),
        )
    ]


def exhibit_structure(con: Connection, case_id: int) -> list:
    out = []
    for ex_id, desc in con.execute(
        "SELECT id, description FROM exhibits WHERE case_id = ? ORDER BY position, id", (case_id,)
    ).fetchall():
        members = [
            r[0]
            for r in con.execute(
                "SELECT d.uid FROM exhibit_documents ed JOIN documents d ON d.id = ed.document_id "
                "WHERE ed.exhibit_id = ? ORDER BY ed.position",
                (ex_id,),
            )
        ]
        out.append([desc, members])
    return out
