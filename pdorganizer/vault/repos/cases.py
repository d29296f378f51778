"""Cases: one person's matter, with the profile that fills the cover page."""

from __future__ import annotations

from typing import Any

from pdorganizer.core.dates import PARTIAL_DATE_RE
from pdorganizer.core.errors import InvalidInput, NotFound
from pdorganizer.core.kinds import requested_pd_ids
from pdorganizer.core.models import CASE_BOOL_FIELDS, CASE_FIELDS, Case
from pdorganizer.vault.repos.base import Repo, now_iso, require

_COLUMNS = ("id", *CASE_FIELDS, "created_at")


def _row_to_case(row: tuple, claimed: list[str]) -> Case:
    values = dict(zip(_COLUMNS, row, strict=True))
    for name in CASE_BOOL_FIELDS:
        values[name] = bool(values[name])
    return Case(**values, claimed_factors=claimed)


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise InvalidInput(f"unknown case field(s): {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name in CASE_BOOL_FIELDS:
            out[name] = 1 if value else 0
        else:
            out[name] = "" if value is None else str(value).strip()
    if "name" in out and not out["name"]:
        raise InvalidInput("a case needs the person's name")
    if out.get("requested_pd") and out["requested_pd"] not in requested_pd_ids():
        raise InvalidInput(
            "unknown kind of PD {kind}; choose one of {choices}",
            kind=out["requested_pd"],
            choices=", ".join(requested_pd_ids()),
        )
    if out.get("entry_date") and not PARTIAL_DATE_RE.match(out["entry_date"]):
        raise InvalidInput("write the entry date as YYYY, YYYY-MM or YYYY-MM-DD")
    return out


class CaseRepo(Repo):
    def add(self, name: str, **fields: Any) -> Case:
        values = _clean({"name": name, **fields})
        values["created_at"] = now_iso()
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self.vault.transaction() as con:
            cur = con.execute(f"INSERT INTO cases({cols}) VALUES ({marks})", tuple(values.values()))
            case_id = int(cur.lastrowid)
        return self.get(case_id)

    def get(self, case_id: int) -> Case:
        with self.vault.read() as con:
            row = con.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM cases WHERE id = ?", (case_id,)
            ).fetchone()
            require(row, "case", case_id)
            claimed = [
                r[0]
                for r in con.execute(
                    "SELECT factor_id FROM case_factors WHERE case_id = ? ORDER BY rowid",
                    (case_id,),
                )
            ]
        return _row_to_case(row, claimed)

    def list(self) -> list[Case]:
        with self.vault.read() as con:
            ids = [
                r[0] for r in con.execute("SELECT id FROM cases ORDER BY name COLLATE NOCASE, id")
            ]
        return [self.get(i) for i in ids]

    def resolve(self, ref: str | int) -> Case:
        """A case by id, or by its exact name (case-insensitive) when that is unique."""
        text = str(ref).strip()
        if text.isdigit():
            return self.get(int(text))
        matches = [c for c in self.list() if c.name.casefold() == text.casefold()]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFound(f"no case {text!r} in this vault; see 'pdorganizer case list'")
        raise InvalidInput(f"several cases are named {text!r}; use the case id")

    def update(self, case_id: int, **fields: Any) -> Case:
        values = _clean(fields)
        if values:
            assignments = ", ".join(f"{name} = ?" for name in values)
            with self.vault.transaction() as con:
                cur = con.execute(
                    f"UPDATE cases SET {assignments} WHERE id = ?", (*values.values(), case_id)
                )
                require(cur.rowcount or None, "case", case_id)
        return self.get(case_id)

    def delete(self, case_id: int) -> None:
        """Remove a case and everything in it; secure_delete overwrites the freed pages."""
        with self.vault.transaction() as con:
            cur = con.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            require(cur.rowcount or None, "case", case_id)

    def set_claimed_factors(self, case_id: int, factor_ids: list[str]) -> None:
        ids = self.vault.factors.validate(factor_ids)
        with self.vault.transaction() as con:
            self.get(case_id)
            con.execute("DELETE FROM case_factors WHERE case_id = ?", (case_id,))
            con.executemany(
                "INSERT INTO case_factors(case_id, factor_id) VALUES (?, ?)",
                [(case_id, f) for f in ids],
            )

    def coverage(self, case_id: int) -> dict[str, int]:
        """Number of documents supporting each factor of the taxonomy (0 where none)."""
        counts = {f: 0 for f in self.vault.factors.taxonomy().ids()}
        with self.vault.read() as con:
            rows = con.execute(
                "SELECT df.factor_id, count(*) FROM document_factors df "
                "JOIN documents d ON d.id = df.document_id WHERE d.case_id = ? "
                "GROUP BY df.factor_id",
                (case_id,),
            ).fetchall()
        counts.update({factor: n for factor, n in rows})
        return counts
