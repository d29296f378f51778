"""Hand a case to its person in a vault of its own, and take such a vault back (merge).

Hand-off writes a new vault (its own passphrase) holding only that case, under a
temporary name, checks it (integrity, every source's bytes by SHA-256, the same content
snapshot as the original), and only then renames it into place.

Both vaults then remember the case's content snapshot (meta `sync:<case uid>`). Merging
the person's file back compares each side with it: what changed on one side only is taken
from that side; what changed on both sides keeps this vault's value and records the other
one in the notes, and the report says so. Documents match by uid, else by the SHA-256 of
their file, so nothing is duplicated; a document missing on one side is kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.progress import Progress
from pdorganizer.vault import fsync_util, kdf
from pdorganizer.vault.case_copy import (
    CopyPlan,
    Identities,
    content_of,
    copy_case,
    digest,
    exhibit_structure,
    keyed_tables,
    natural_key,
    page_structure,
    row_dicts,
    snapshot,
    table_infos,
)
from pdorganizer.vault.vault import VAULT_SUFFIX, Vault

SYNC_PREFIX = "sync:"


@dataclass
class HandoffResult:
    path: Path
    case_name: str
    documents: int
    sources: int
    size: int


@dataclass
class Conflict:
    """Both sides changed the same thing; this vault's value was kept."""

    kind: str  # "case", "document", "pages", "exhibits", or a table name
    title: str
    fields: list[str] = field(default_factory=list)


@dataclass
class MergeCaseReport:
    case_id: int
    name: str
    new_case: bool = False
    added: int = 0  # documents new to this vault
    updated: int = 0  # documents whose fields or pages were taken from the other file
    unchanged: int = 0
    only_here: int = 0  # documents this vault has and the other file does not (kept)
    profile_updated: bool = False
    exhibits_updated: bool = False
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class MergeReport:
    cases: list[MergeCaseReport] = field(default_factory=list)
    # Opening an older client file upgrades it (the merge needs this schema) after an
    # encrypted copy of the old one is written beside it: that copy's path, else None.
    client_backup: Path | None = None

    @property
    def conflicts(self) -> int:
        return sum(len(c.conflicts) for c in self.cases)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _source_digests(con: object, case_id: int) -> dict[str, str]:
    """stored SHA-256 -> SHA-256 of the stored bytes, for every file of the case."""
    out = {}
    for sha, data in con.execute(  # type: ignore[attr-defined]
        "SELECT sha256, data FROM sources WHERE case_id = ?", (case_id,)
    ):
        out[sha] = hashlib.sha256(bytes(data)).hexdigest()
    return out


def _set_meta(con: object, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))  # type: ignore[attr-defined]


def _get_meta(con: object, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()  # type: ignore[attr-defined]
    return row[0] if row else None


def _copy_custom_factors(src: object, dst: object, case_id: int) -> None:
    """Custom factors are vault-wide: copy the ones this case uses, when missing."""
    used = {
        r[0]
        for r in src.execute(  # type: ignore[attr-defined]
            "SELECT factor_id FROM case_factors WHERE case_id = ? UNION "
            "SELECT df.factor_id FROM document_factors df JOIN documents d "
            "ON d.id = df.document_id WHERE d.case_id = ?",
            (case_id, case_id),
        )
    }
    for row in row_dicts(src, "custom_factors", "1", ()):
        if row["id"] in used:
            cols = list(row)
            dst.execute(  # type: ignore[attr-defined]
                f"INSERT OR IGNORE INTO custom_factors ({', '.join(cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})",
                tuple(row.values()),
            )


# -- hand-off -------------------------------------------------------------------------


def hand_off(
    vault: Vault,
    case_id: int,
    dest: str | os.PathLike[str],
    passphrase: str,
    *,
    params: kdf.KdfParams = kdf.DEFAULT_PARAMS,
    progress: Progress | None = None,
) -> HandoffResult:
    """Write `dest`, a new vault holding only this case, locked with `passphrase`."""
    target = Path(dest)
    if target.suffix != VAULT_SUFFIX:
        target = target.with_name(target.name + VAULT_SUFFIX)
    if target.exists():
        raise InvalidInput("{name} already exists; choose another name", name=target.name)
    if not target.parent.is_dir():
        raise InvalidInput("the folder {folder} does not exist", folder=str(target.parent))
    if target.resolve() == vault.path.resolve():
        raise InvalidInput("the hand-off must not replace the vault itself")
    case = vault.cases.get(case_id)
    tmp = target.with_name(f"{target.name}.tmp-{secrets.token_hex(4)}")
    with vault.writing_to(target.parent, f"{target.name}.tmp-"):  # a crash leaves nothing
        uid, base, documents, sources = _write_handoff(
            vault, case_id, tmp, target, passphrase, params, progress
        )
    with vault.transaction() as con:
        _set_meta(con, SYNC_PREFIX + uid, json.dumps({"at": _now(), **base}))
    return HandoffResult(target, case.name, documents, sources, target.stat().st_size)


def _write_handoff(
    vault: Vault,
    case_id: int,
    tmp: Path,
    target: Path,
    passphrase: str,
    params: kdf.KdfParams,
    progress: Progress | None,
) -> tuple[str, dict, int, int]:
    new: Vault | None = None
    try:
        with vault.read() as src:
            new = Vault.create(tmp, passphrase, params)
            with new.transaction() as dst:
                dst.execute("PRAGMA defer_foreign_keys = ON")
                plan = copy_case(src, dst, case_id, CopyPlan(), progress)
                _copy_custom_factors(src, dst, case_id)
                new_id = plan.idmap["cases"][case_id]
                base = snapshot(src, case_id)
                if snapshot(dst, new_id) != base:
                    raise PdoError("the hand-off copy did not match the case; nothing was written")
                if _source_digests(dst, new_id) != _source_digests(src, case_id):
                    raise PdoError("the hand-off copy did not match the case; nothing was written")
                uid = dst.execute("SELECT uid FROM cases WHERE id = ?", (new_id,)).fetchone()[0]
                _set_meta(dst, SYNC_PREFIX + uid, json.dumps({"at": _now(), **base}))
            problems = new.check()
            if problems:
                raise PdoError("the hand-off copy did not pass its check; nothing was written")
            documents = len(new.documents.list(new_id))
            sources = plan.inserted.get("sources", 0)
            new.close()
            new = None
        fsync_util.fsync_file(tmp)
        os.replace(tmp, target)
        fsync_util.fsync_dir(target.parent)
    except BaseException:
        if new is not None:
            new.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return uid, base, documents, sources


# -- merge ----------------------------------------------------------------------------


def merge(
    vault: Vault,
    other_path: str | os.PathLike[str],
    other_passphrase: str,
    *,
    progress: Progress | None = None,
) -> MergeReport:
    """Bring every case of the other vault into this one, in one transaction. The other
    file is only read, except that an older schema is upgraded when it opens (with an
    encrypted backup beside it: `MergeReport.client_backup`)."""
    other_file = Path(other_path)
    if other_file.resolve() == vault.path.resolve():
        raise InvalidInput("choose the client's file, not this vault itself")
    report = MergeReport()
    with (
        Vault.open(other_file, other_passphrase) as other,
        other.read() as src,
        vault.transaction() as dst,
    ):
        report.client_backup = other.schema_backup
        dst.execute("PRAGMA defer_foreign_keys = ON")
        case_ids = [r[0] for r in src.execute("SELECT id FROM cases ORDER BY id")]
        for case_id in case_ids:
            report.cases.append(_merge_case(src, dst, case_id, progress))
        # Never expected; checked before the commit, so the vault stays as it was.
        if dst.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise PdoError("the client's file could not be merged; nothing was changed")
    return report


class _Bases:
    """The snapshots both sides remember; a value in neither counts as a change."""

    def __init__(self, here: dict | None, there: dict | None) -> None:
        self.here, self.there = here or {}, there or {}
        # What the other file held at earlier merges: taking the same file back twice
        # must not report (or stash) the same difference again.
        self.now_seen: dict[str, str] = dict(self.here.get("seen", {}))

    @staticmethod
    def _get(snap: dict, path: tuple) -> object:
        node: object = snap
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def changed_here(self, path: tuple, value: str) -> bool:
        return self._get(self.here, path) != value

    def changed_there(self, path: tuple, value: str) -> bool:
        key = json.dumps(list(path))
        seen = self.here.get("seen", {}).get(key)
        self.now_seen[key] = value
        known = {self._get(self.here, path), self._get(self.there, path), seen} - {None}
        return value not in known


def _merge_case(
    src: object, dst: object, case_id: int, progress: Progress | None
) -> MergeCaseReport:
    s_infos = table_infos(src)
    d_infos = table_infos(dst)
    s_ids = Identities(src)
    (s_case,) = row_dicts(src, "cases", "id = ?", (case_id,))
    found = dst.execute("SELECT id FROM cases WHERE uid = ?", (s_case["uid"],)).fetchone()  # type: ignore[attr-defined]
    if found is None:
        plan = CopyPlan(overrides=lambda t, row: _fresh_uid(dst, t, row))
        plan = copy_case(src, dst, case_id, plan, progress)
        _copy_custom_factors(src, dst, case_id)
        new_id = plan.idmap["cases"][case_id]
        _set_meta(
            dst, SYNC_PREFIX + s_case["uid"], json.dumps({"at": _now(), **snapshot(dst, new_id)})
        )
        return MergeCaseReport(
            new_id, s_case["name"], new_case=True, added=plan.inserted.get("documents", 0)
        )

    here_id = int(found[0])
    d_ids = Identities(dst)
    (d_case,) = row_dicts(dst, "cases", "id = ?", (here_id,))
    report = MergeCaseReport(here_id, d_case["name"])
    bases = _Bases(
        _load(_get_meta(dst, SYNC_PREFIX + s_case["uid"])),
        _load(_get_meta(src, SYNC_PREFIX + s_case["uid"])),
    )
    stamp = _now()
    plan = CopyPlan()
    plan.idmap["cases"] = {case_id: here_id}

    # The profile.
    theirs = content_of(s_infos["cases"], s_case, s_ids)
    ours = content_of(d_infos["cases"], d_case, d_ids)
    if theirs != ours:
        if not bases.changed_there(("case",), digest(theirs)):
            pass  # only this vault changed it
        elif not bases.changed_here(("case",), digest(ours)):
            _update(dst, "cases", here_id, {k: v for k, v in theirs.items() if k in ours})
            report.profile_updated = True
        else:
            fields = sorted(k for k in theirs if k in ours and theirs[k] != ours[k])
            _stash(dst, "cases", here_id, stamp, fields, theirs)
            report.conflicts.append(Conflict("case", d_case["name"], fields))

    # Files: the same bytes in the same case are one source.
    here_sources = dict(
        dst.execute("SELECT sha256, id FROM sources WHERE case_id = ?", (here_id,)).fetchall()  # type: ignore[attr-defined]
    )
    plan.idmap["sources"] = {
        sid: here_sources[sha]
        for sid, sha in src.execute("SELECT id, sha256 FROM sources WHERE case_id = ?", (case_id,))  # type: ignore[attr-defined]
        if sha in here_sources
    }

    # Documents: by uid, else by the SHA-256 of their file.
    here_docs = row_dicts(dst, "documents", "case_id = ?", (here_id,))
    by_uid = {d["uid"]: d for d in here_docs}
    by_sha = {d_ids.source.get(d["source_id"]): d for d in here_docs if d["source_id"]}
    matched: set[int] = set()
    take_pages: set[int] = set()  # their document ids whose pages replace ours
    as_new: set[int] = set()  # their documents kept as separate copies (pages conflict)
    for doc in row_dicts(src, "documents", "case_id = ?", (case_id,)):
        mine = by_uid.get(doc["uid"]) or by_sha.get(s_ids.source.get(doc["source_id"]))
        if mine is None or mine["id"] in matched:
            continue
        matched.add(mine["id"])
        plan.idmap.setdefault("documents", {})[doc["id"]] = mine["id"]
        path = ("docs", mine["uid"])
        changed = False
        theirs = content_of(s_infos["documents"], doc, s_ids, drop=("source_id",))
        ours = content_of(d_infos["documents"], mine, d_ids, drop=("source_id",))
        if theirs != ours and bases.changed_there((*path, "f"), digest(theirs)):
            if not bases.changed_here((*path, "f"), digest(ours)):
                _update(
                    dst, "documents", mine["id"], {k: v for k, v in theirs.items() if k in ours}
                )
                changed = True
            else:
                fields = sorted(k for k in theirs if k in ours and theirs[k] != ours[k])
                _stash(dst, "documents", mine["id"], stamp, fields, theirs)
                report.conflicts.append(Conflict("document", mine["title"], fields))
        their_pages = page_structure(src, doc["id"])
        our_pages = page_structure(dst, mine["id"])
        if their_pages != our_pages and bases.changed_there((*path, "p"), digest(their_pages)):
            if not bases.changed_here((*path, "p"), digest(our_pages)):
                dst.execute("DELETE FROM pages WHERE document_id = ?", (mine["id"],))  # type: ignore[attr-defined]
                take_pages.add(doc["id"])
                changed = True
            else:  # keep both: theirs comes in as a separate document
                del plan.idmap["documents"][doc["id"]]
                as_new.add(doc["id"])
                report.conflicts.append(Conflict("pages", mine["title"]))
                continue
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1
    report.only_here = len(here_docs) - len(matched)
    matched_theirs = set(plan.idmap.get("documents", {}))

    # The exhibit list is taken whole from one side.
    theirs_ex, ours_ex = exhibit_structure(src, case_id), exhibit_structure(dst, here_id)
    take_exhibits = False
    if theirs_ex != ours_ex and bases.changed_there(("exhibits",), digest(theirs_ex)):
        if not bases.changed_here(("exhibits",), digest(ours_ex)):
            dst.execute("DELETE FROM exhibits WHERE case_id = ?", (here_id,))  # type: ignore[attr-defined]
            take_exhibits = report.exhibits_updated = True
        else:
            report.conflicts.append(Conflict("exhibits", d_case["name"]))

    # Rows keyed by the case or a document (translations, letter, declaration...).
    replace: set[tuple] = set()
    for t in keyed_tables(s_infos):
        if t not in d_infos:
            continue
        info = s_infos[t]
        ours_rows = {
            natural_key(d_infos[t], r, d_ids): r for r in _case_rows(dst, d_infos, t, here_id)
        }
        for row in _case_rows(src, s_infos, t, case_id):
            key = natural_key(info, row, s_ids)
            mine = ours_rows.get(key)
            if mine is None:
                continue
            theirs_c = content_of(info, row, s_ids)
            ours_c = content_of(d_infos[t], mine, d_ids)
            if theirs_c == ours_c or not bases.changed_there(("rows", t, key), digest(theirs_c)):
                continue
            if not bases.changed_here(("rows", t, key), digest(ours_c)):
                replace.add((t, tuple(mine[c] for c in d_infos[t].pk)))
            else:
                fields = sorted(k for k in theirs_c if theirs_c[k] != ours_c.get(k))
                _stash(
                    dst,
                    "cases",
                    here_id,
                    stamp,
                    [f"{t}.{f}" for f in fields],
                    {f"{t}.{k}": v for k, v in theirs_c.items()},
                )
                report.conflicts.append(Conflict(t, d_case["name"], fields))

    def skip(table: str, row: dict) -> bool:
        if table == "cases":
            return True
        if table == "pages":
            return row["document_id"] in matched_theirs and row["document_id"] not in take_pages
        if table in ("exhibits", "exhibit_documents"):
            return not take_exhibits
        return False

    def overrides(table: str, row: dict) -> dict:
        if table == "documents" and row.get("id") in as_new:
            return {**row, "uid": "", "title": f"{row['title']} (2)"}
        return _fresh_uid(dst, table, row)

    plan.skip = skip
    plan.overrides = overrides
    plan.replace_keyed = lambda t, new, _old: (t, tuple(new[c] for c in d_infos[t].pk)) in replace
    copy_case(src, dst, case_id, plan, progress)
    _copy_custom_factors(src, dst, case_id)
    report.added = plan.inserted.get("documents", 0)
    # Files no page or document uses any more (their pages were replaced).
    dst.execute(  # type: ignore[attr-defined]
        "DELETE FROM sources WHERE case_id = ? AND id NOT IN (SELECT source_id FROM pages) "
        "AND id NOT IN (SELECT source_id FROM documents WHERE source_id IS NOT NULL)",
        (here_id,),
    )
    merged = {"at": stamp, **snapshot(dst, here_id), "seen": bases.now_seen}
    _set_meta(dst, SYNC_PREFIX + s_case["uid"], json.dumps(merged))
    return report


def _fresh_uid(con: object, table: str, row: dict) -> dict:
    """A uid already used elsewhere in this vault gets a new one (uids are unique)."""
    if table in ("cases", "documents") and row.get("uid"):
        taken = con.execute(f'SELECT 1 FROM "{table}" WHERE uid = ?', (row["uid"],)).fetchone()  # type: ignore[attr-defined]
        if taken:
            return {**row, "uid": ""}
    return row


def _case_rows(con: object, infos: dict, table: str, case_id: int) -> list[dict]:
    from pdorganizer.vault.case_copy import case_rowids

    rowids = case_rowids(con, infos, case_id)[table]
    return [row_dicts(con, table, "rowid = ?", (r,))[0] for r in rowids]


def _load(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _update(con: object, table: str, row_id: int, values: dict) -> None:
    if values:
        sets = ", ".join(f'"{k}" = ?' for k in values)
        con.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', (*values.values(), row_id))  # type: ignore[attr-defined]


def _stash(
    con: object, table: str, row_id: int, stamp: str, fields: list[str], theirs: dict
) -> None:
    """Keep the other copy's values in the notes, since the fields keep ours."""
    lines = [
        f"[{stamp[:10]}] Changed in both copies; this copy's values were kept. The other copy had:"
    ]
    for name in fields:
        value = theirs.get(name)
        if isinstance(value, bytes | bytearray | memoryview):
            continue
        lines.append(f"- {name.replace('_', ' ')}: {value}")
    (notes,) = con.execute(f'SELECT notes FROM "{table}" WHERE id = ?', (row_id,)).fetchone()  # type: ignore[attr-defined]
    text = "\n".join(lines)
    con.execute(  # type: ignore[attr-defined]
        f'UPDATE "{table}" SET notes = ? WHERE id = ?',
        ((notes + "\n\n" + text) if notes else text, row_id),
    )
