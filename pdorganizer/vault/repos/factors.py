"""The taxonomy as this vault sees it: built-in factors plus the user's own."""

from __future__ import annotations

from collections.abc import Iterable

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.factors import KINDS, Factor, Taxonomy, builtin_taxonomy, custom_factor_id
from pdorganizer.vault.repos.base import Repo


class FactorRepo(Repo):
    def taxonomy(self) -> Taxonomy:
        with self.vault.read() as con:
            rows = con.execute("SELECT id, kind, label, help FROM custom_factors ORDER BY id")
            custom = [
                Factor(id=r[0], kind=r[1], label={"en": r[2]}, help={"en": r[3]}, builtin=False)
                for r in rows.fetchall()
            ]
        return builtin_taxonomy().with_custom(custom)

    def add_custom(self, label: str, kind: str = "positive", help_text: str = "") -> Factor:
        label = label.strip()
        if not label:
            raise InvalidInput("a factor needs a name")
        if kind not in KINDS:
            raise InvalidInput(f"kind must be one of {', '.join(KINDS)}")
        factor_id = custom_factor_id(label)
        with self.vault.transaction() as con:
            if con.execute("SELECT 1 FROM custom_factors WHERE id = ?", (factor_id,)).fetchone():
                raise InvalidInput("a factor named {label!r} exists already", label=label)
            con.execute(
                "INSERT INTO custom_factors(id, kind, label, help) VALUES (?, ?, ?, ?)",
                (factor_id, kind, label, help_text),
            )
        return Factor(factor_id, kind, {"en": label}, {"en": help_text}, builtin=False)

    def remove_custom(self, factor_id: str) -> None:
        with self.vault.transaction() as con:
            con.execute("DELETE FROM document_factors WHERE factor_id = ?", (factor_id,))
            con.execute("DELETE FROM case_factors WHERE factor_id = ?", (factor_id,))
            con.execute("DELETE FROM custom_factors WHERE id = ?", (factor_id,))

    def validate(self, factor_ids: Iterable[str]) -> list[str]:
        """Return the ids, in order and without repeats; raise on an unknown one."""
        known = set(self.taxonomy().ids())
        out: list[str] = []
        for factor_id in factor_ids:
            if factor_id not in known:
                raise InvalidInput(
                    f"unknown factor {factor_id!r}; see 'pdorganizer factors' for the list"
                )
            if factor_id not in out:
                out.append(factor_id)
        return out
