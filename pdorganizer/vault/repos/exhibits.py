"""The ordered exhibit list of a case. Letters are derived from order, never stored.

Without a stored list, the effective list is one exhibit per document ordered by factor
(taxonomy order) then document date; a translation always rides in its original's exhibit,
right after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.letters import exhibit_letter
from pdorganizer.core.models import Document, Exhibit
from pdorganizer.core.titles import describe
from pdorganizer.vault.repos.base import Repo


def default_description(doc: Document) -> str:
    return describe(doc.title, doc.document_date or "")


class ExhibitRepo(Repo):
    def stored(self, case_id: int) -> list[Exhibit]:
        """The exhibits the user defined (may be empty), with letters."""
        with self.vault.read() as con:
            rows = con.execute(
                "SELECT id, case_id, position, description FROM exhibits "
                "WHERE case_id = ? ORDER BY position, id",
                (case_id,),
            ).fetchall()
            members: dict[int, list[int]] = {r[0]: [] for r in rows}
            for ex_id, doc_id in con.execute(
                "SELECT ed.exhibit_id, ed.document_id FROM exhibit_documents ed "
                "JOIN exhibits e ON e.id = ed.exhibit_id WHERE e.case_id = ? "
                "ORDER BY ed.position",
                (case_id,),
            ):
                members[ex_id].append(doc_id)
        exhibits = [Exhibit(*r, document_ids=members[r[0]]) for r in rows if members[r[0]]]
        for i, ex in enumerate(exhibits):
            ex.position, ex.letter = i, exhibit_letter(i)
        return exhibits

    def effective(self, case_id: int) -> list[Exhibit]:
        """What an export uses: the stored list, or the default one when none is stored.

        Documents added after the list was defined are appended as exhibits of their own,
        so nothing the user imported is silently left out of a packet."""
        docs = self.vault.documents.list(case_id)
        by_id = {d.id: d for d in docs}
        stored = self.stored(case_id)
        placed = {doc_id for ex in stored for doc_id in ex.document_ids}
        remaining = [d for d in docs if d.id not in placed]
        groups = [(ex.description, list(ex.document_ids)) for ex in stored]
        groups += [(default_description(d), [d.id]) for d in self._default_order(remaining)]
        groups = self._attach_translations(groups, by_id)
        return [
            Exhibit(
                id=0,
                case_id=case_id,
                position=i,
                description=desc,
                document_ids=ids,
                letter=exhibit_letter(i),
            )
            for i, (desc, ids) in enumerate(groups)
        ]

    def _default_order(self, docs: list[Document]) -> list[Document]:
        order = {f: i for i, f in enumerate(self.vault.factors.taxonomy().ids())}
        untagged = len(order)

        def key(doc: Document) -> tuple:
            first = min((order.get(f, untagged) for f in doc.factors), default=untagged)
            return (first, doc.document_date or "9999", doc.id)

        return sorted((d for d in docs if d.translation_of is None), key=key) + [
            d for d in docs if d.translation_of is not None
        ]

    @staticmethod
    def _attach_translations(
        groups: list[tuple[str, list[int]]], by_id: dict[int, Document]
    ) -> list[tuple[str, list[int]]]:
        """Move each translation right after its original when the original is present."""
        present = {doc_id for _, ids in groups for doc_id in ids}
        movable = {
            d.id
            for d in by_id.values()
            if d.translation_of is not None and d.translation_of in present
        }
        out: list[tuple[str, list[int]]] = []
        for desc, ids in groups:
            members: list[int] = []
            for doc_id in ids:
                if doc_id in movable:
                    continue
                members.append(doc_id)
                members += [t for t in sorted(movable) if by_id[t].translation_of == doc_id]
            if members:
                out.append((desc, members))
        return out

    def set(
        self, case_id: int, groups: Sequence[Sequence[int]], descriptions: Sequence[str] = ()
    ) -> list[Exhibit]:
        """Replace the case's exhibit list: one group of document ids per exhibit, in order.
        A missing description defaults to the first document's title and date."""
        docs = {d.id: d for d in self.vault.documents.list(case_id)}
        seen: set[int] = set()
        for group in groups:
            if not group:
                raise InvalidInput("an exhibit needs at least one document")
            for doc_id in group:
                if doc_id not in docs:
                    raise InvalidInput("document {doc} is not in this case", doc=doc_id)
                if doc_id in seen:
                    raise InvalidInput("document {doc} is in more than one exhibit", doc=doc_id)
                seen.add(doc_id)
        with self.vault.transaction() as con:
            con.execute("DELETE FROM exhibits WHERE case_id = ?", (case_id,))
            for pos, group in enumerate(groups):
                desc = descriptions[pos].strip() if pos < len(descriptions) else ""
                desc = desc or default_description(docs[group[0]])
                cur = con.execute(
                    "INSERT INTO exhibits(case_id, position, description) VALUES (?, ?, ?)",
                    (case_id, pos, desc),
                )
                con.executemany(
                    "INSERT INTO exhibit_documents(exhibit_id, document_id, position) "
                    "VALUES (?, ?, ?)",
                    [(cur.lastrowid, doc_id, i) for i, doc_id in enumerate(group)],
                )
        return self.stored(case_id)

    def clear(self, case_id: int) -> None:
        """Forget the user's list; the default order applies again."""
        with self.vault.transaction() as con:
            con.execute("DELETE FROM exhibits WHERE case_id = ?", (case_id,))
