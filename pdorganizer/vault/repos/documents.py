"""Documents, their pages, the original files behind them, factor tags and translations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pdorganizer.core.dates import PARTIAL_DATE_RE
from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.models import DOCUMENT_EDITABLE_FIELDS, Document, Page, Source, Translation
from pdorganizer.vault.repos.base import Repo, now_iso, require


@dataclass
class NewSource:
    """An original file to store: its bytes unchanged, plus what intake learned of it."""

    data: bytes
    sha256: str
    mime: str
    original_name: str = ""
    metadata: dict = field(default_factory=dict)


@dataclass
class NewPage:
    source: int  # index into the `sources` given with it
    source_index: int  # frame of an image file, page of a PDF
    width: float  # points, upright (after EXIF orientation / PDF /Rotate)
    height: float
    thumbnail: bytes | None = None
    rotation: int = 0  # extra clockwise rotation chosen by the user


_DOC_SELECT = """
SELECT d.id, d.case_id, d.title, d.kind, d.issuer, d.document_date, d.language, d.notes,
       d.expires, coalesce(s.original_name, ''), coalesce(s.sha256, ''), coalesce(s.mime, ''),
       coalesce(s.size, 0), d.added_at,
       (SELECT count(*) FROM pages p WHERE p.document_id = d.id),
       (SELECT t.original_id FROM translations t WHERE t.document_id = d.id)
FROM documents d LEFT JOIN sources s ON s.id = d.source_id
"""

_PAGE_COLUMNS = "id, document_id, position, source_id, source_index, width, height, rotation"


def _doc(row: tuple, factors: list[str]) -> Document:
    return Document(
        id=row[0],
        case_id=row[1],
        title=row[2],
        kind=row[3],
        issuer=row[4],
        document_date=row[5],
        language=row[6],
        notes=row[7],
        expires=row[8],
        original_name=row[9],
        sha256=row[10],
        mime=row[11],
        size=row[12],
        added_at=row[13],
        page_count=row[14],
        translation_of=row[15],
        factors=factors,
    )


def _clean_fields(fields: dict[str, Any]) -> dict[str, str]:
    unknown = set(fields) - set(DOCUMENT_EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"unknown document field(s): {', '.join(sorted(unknown))}")
    out = {k: "" if v is None else str(v).strip() for k, v in fields.items()}
    if "title" in out and not out["title"]:
        raise InvalidInput("a document needs a title")
    for name in ("document_date", "expires"):
        if out.get(name) and not PARTIAL_DATE_RE.match(out[name]):
            raise InvalidInput("write dates as YYYY-MM-DD, YYYY-MM or just the year")
    return out


class DocumentRepo(Repo):
    # -- reading ------------------------------------------------------------------------

    def _factors(self, con: Any, doc_ids: Sequence[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {i: [] for i in doc_ids}
        if not doc_ids:
            return out
        marks = ",".join("?" for _ in doc_ids)
        for doc_id, factor_id in con.execute(
            f"SELECT document_id, factor_id FROM document_factors "
            f"WHERE document_id IN ({marks}) ORDER BY rowid",
            tuple(doc_ids),
        ):
            out[doc_id].append(factor_id)
        return out

    def list(self, case_id: int) -> list[Document]:
        with self.vault.read() as con:
            self.vault.cases.get(case_id)
            rows = con.execute(_DOC_SELECT + " WHERE d.case_id = ? ORDER BY d.id", (case_id,))
            rows = rows.fetchall()
            factors = self._factors(con, [r[0] for r in rows])
        return [_doc(r, factors[r[0]]) for r in rows]

    def get(self, doc_id: int) -> Document:
        with self.vault.read() as con:
            row = con.execute(_DOC_SELECT + " WHERE d.id = ?", (doc_id,)).fetchone()
            require(row, "document", doc_id)
            factors = self._factors(con, [doc_id])
        return _doc(row, factors[doc_id])

    def pages(self, doc_id: int) -> list[Page]:
        with self.vault.read() as con:
            rows = con.execute(
                f"SELECT {_PAGE_COLUMNS} FROM pages WHERE document_id = ? ORDER BY position",
                (doc_id,),
            ).fetchall()
        return [Page(*r) for r in rows]

    def page(self, page_id: int) -> Page:
        with self.vault.read() as con:
            row = con.execute(f"SELECT {_PAGE_COLUMNS} FROM pages WHERE id = ?", (page_id,))
            row = row.fetchone()
        require(row, "page", page_id)
        return Page(*row)

    def thumbnail(self, page_id: int) -> bytes | None:
        with self.vault.read() as con:
            row = con.execute("SELECT thumbnail FROM pages WHERE id = ?", (page_id,)).fetchone()
        require(row, "page", page_id)
        return row[0]

    def source(self, source_id: int) -> Source:
        with self.vault.read() as con:
            row = con.execute(
                "SELECT id, case_id, sha256, mime, original_name, size, metadata "
                "FROM sources WHERE id = ?",
                (source_id,),
            ).fetchone()
        require(row, "source file", source_id)
        return Source(*row[:6], metadata=json.loads(row[6] or "{}"))

    def source_data(self, source_id: int, con: Any = None) -> bytes:
        """The stored file's bytes; `con`: a connection of the caller's own
        (Vault.read_only_connection), for reading from several threads at once."""
        query = "SELECT data FROM sources WHERE id = ?"
        if con is not None:
            row = con.execute(query, (source_id,)).fetchone()
        else:
            with self.vault.read() as main:
                row = main.execute(query, (source_id,)).fetchone()
        require(row, "source file", source_id)
        return bytes(row[0])

    def find_source(self, case_id: int, sha256: str) -> tuple[int, int | None] | None:
        """(source id, id of a document showing it or None) for a file already in the case."""
        with self.vault.read() as con:
            row = con.execute(
                "SELECT s.id, (SELECT p.document_id FROM pages p WHERE p.source_id = s.id "
                "ORDER BY p.document_id LIMIT 1) FROM sources s "
                "WHERE s.case_id = ? AND s.sha256 = ?",
                (case_id, sha256),
            ).fetchone()
        return (row[0], row[1]) if row else None

    # -- adding -------------------------------------------------------------------------

    def add(
        self,
        case_id: int,
        title: str,
        sources: Sequence[NewSource],
        pages: Sequence[NewPage],
        *,
        factors: Iterable[str] = (),
        **fields: Any,
    ) -> Document:
        """Store a new document with its original files and pages, in one transaction."""
        values = _clean_fields({"title": title, **fields})
        factor_ids = self.vault.factors.validate(factors)
        if not sources or not pages:
            raise InvalidInput("a document needs at least one file and one page")
        stamp = now_iso()
        with self.vault.transaction() as con:
            self.vault.cases.get(case_id)
            source_ids = []
            for src in sources:
                cur = con.execute(
                    "INSERT INTO sources(case_id, sha256, mime, original_name, size, data, "
                    "metadata, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        case_id,
                        src.sha256,
                        src.mime,
                        src.original_name,
                        len(src.data),
                        src.data,
                        json.dumps(src.metadata, default=str),
                        stamp,
                    ),
                )
                source_ids.append(int(cur.lastrowid))
            cols = ", ".join(values)
            cur = con.execute(
                f"INSERT INTO documents(case_id, source_id, added_at, {cols}) "
                f"VALUES (?, ?, ?, {', '.join('?' for _ in values)})",
                (case_id, source_ids[0], stamp, *values.values()),
            )
            doc_id = int(cur.lastrowid)
            con.executemany(
                "INSERT INTO pages(document_id, position, source_id, source_index, width, "
                "height, rotation, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id,
                        pos,
                        source_ids[p.source],
                        p.source_index,
                        p.width,
                        p.height,
                        p.rotation % 360,
                        p.thumbnail,
                    )
                    for pos, p in enumerate(pages)
                ],
            )
            con.executemany(
                "INSERT INTO document_factors(document_id, factor_id) VALUES (?, ?)",
                [(doc_id, f) for f in factor_ids],
            )
        return self.get(doc_id)

    # -- editing ------------------------------------------------------------------------

    def update(self, doc_id: int, **fields: Any) -> Document:
        values = _clean_fields(fields)
        if values:
            assignments = ", ".join(f"{name} = ?" for name in values)
            with self.vault.transaction() as con:
                cur = con.execute(
                    f"UPDATE documents SET {assignments} WHERE id = ?", (*values.values(), doc_id)
                )
                require(cur.rowcount or None, "document", doc_id)
        return self.get(doc_id)

    def tag(self, doc_id: int, factor_ids: Iterable[str]) -> Document:
        ids = self.vault.factors.validate(factor_ids)
        with self.vault.transaction() as con:
            self.get(doc_id)
            con.executemany(
                "INSERT OR IGNORE INTO document_factors(document_id, factor_id) VALUES (?, ?)",
                [(doc_id, f) for f in ids],
            )
        return self.get(doc_id)

    def untag(self, doc_id: int, factor_ids: Iterable[str]) -> Document:
        with self.vault.transaction() as con:
            self.get(doc_id)
            con.executemany(
                "DELETE FROM document_factors WHERE document_id = ? AND factor_id = ?",
                [(doc_id, f) for f in factor_ids],
            )
        return self.get(doc_id)

    def set_factors(self, doc_id: int, factor_ids: Iterable[str]) -> Document:
        ids = self.vault.factors.validate(factor_ids)
        with self.vault.transaction() as con:
            self.get(doc_id)
            con.execute("DELETE FROM document_factors WHERE document_id = ?", (doc_id,))
            con.executemany(
                "INSERT INTO document_factors(document_id, factor_id) VALUES (?, ?)",
                [(doc_id, f) for f in ids],
            )
        return self.get(doc_id)

    def delete(self, doc_id: int) -> None:
        with self.vault.transaction() as con:
            cur = con.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            require(cur.rowcount or None, "document", doc_id)
            self._drop_unused_sources(con)

    @staticmethod
    def _drop_unused_sources(con: Any) -> None:
        con.execute(
            "DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM pages) "
            "AND id NOT IN (SELECT source_id FROM documents WHERE source_id IS NOT NULL)"
        )

    # -- translations -------------------------------------------------------------------

    def set_translation(self, doc_id: int, original_id: int, **translator: str) -> None:
        if doc_id == original_id:
            raise InvalidInput("a document cannot be its own translation")
        info = Translation(doc_id, original_id, **translator)
        with self.vault.transaction() as con:
            doc, original = self.get(doc_id), self.get(original_id)
            if doc.case_id != original.case_id:
                raise InvalidInput("a translation must belong to the same case as its original")
            if original.translation_of is not None:
                raise InvalidInput("the original is itself a translation")
            con.execute(
                "INSERT OR REPLACE INTO translations(document_id, original_id, translator_name, "
                "translator_address, translator_phone, from_language, to_language) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    original_id,
                    info.translator_name,
                    info.translator_address,
                    info.translator_phone,
                    info.from_language,
                    info.to_language,
                ),
            )

    def clear_translation(self, doc_id: int) -> None:
        with self.vault.transaction() as con:
            con.execute("DELETE FROM translations WHERE document_id = ?", (doc_id,))

    def translation(self, doc_id: int) -> Translation | None:
        with self.vault.read() as con:
            row = con.execute(
                "SELECT document_id, original_id, translator_name, translator_address, "
                "translator_phone, from_language, to_language FROM translations "
                "WHERE document_id = ?",
                (doc_id,),
            ).fetchone()
        return Translation(*row) if row else None

    def translations(self, case_id: int) -> dict[int, Translation]:
        """Every translation link of a case's documents, by translation document id."""
        with self.vault.read() as con:
            rows = con.execute(
                "SELECT t.document_id, t.original_id, t.translator_name, "
                "t.translator_address, t.translator_phone, t.from_language, t.to_language "
                "FROM translations t JOIN documents d ON d.id = t.document_id "
                "WHERE d.case_id = ?",
                (case_id,),
            ).fetchall()
        return {row[0]: Translation(*row) for row in rows}

    # -- page operations ----------------------------------------------------------------

    def rotate_page(self, page_id: int, degrees: int = 90) -> Page:
        if degrees % 90:
            raise InvalidInput("pages turn in steps of 90 degrees")
        with self.vault.transaction() as con:
            cur = con.execute(
                "UPDATE pages SET rotation = (rotation + ?) % 360 WHERE id = ?",
                (degrees % 360, page_id),
            )
            require(cur.rowcount or None, "page", page_id)
        return self.page(page_id)

    def delete_page(self, page_id: int) -> None:
        page = self.page(page_id)
        with self.vault.transaction() as con:
            count = con.execute(
                "SELECT count(*) FROM pages WHERE document_id = ?", (page.document_id,)
            ).fetchone()[0]
            if count <= 1:
                raise InvalidInput("this is the document's only page; delete the document instead")
            con.execute("DELETE FROM pages WHERE id = ?", (page_id,))
            self._renumber(con, page.document_id)
            self._drop_unused_sources(con)

    def reorder_pages(self, doc_id: int, page_ids: Sequence[int]) -> None:
        current = [p.id for p in self.pages(doc_id)]
        if sorted(current) != sorted(page_ids):
            raise InvalidInput("the new order must name every page of the document once")
        with self.vault.transaction() as con:
            con.executemany(
                "UPDATE pages SET position = ? WHERE id = ?",
                [(pos, pid) for pos, pid in enumerate(page_ids)],
            )

    def split(self, doc_id: int, first_page_id: int) -> Document:
        """Move `first_page_id` and the pages after it into a new document."""
        doc = self.get(doc_id)
        pages = self.pages(doc_id)
        ids = [p.id for p in pages]
        if first_page_id not in ids:
            raise InvalidInput("that page is not in this document")
        cut = ids.index(first_page_id)
        if cut == 0:
            raise InvalidInput("choose a page after the first one to split at")
        with self.vault.transaction() as con:
            cur = con.execute(
                "INSERT INTO documents(case_id, title, kind, issuer, document_date, language, "
                "notes, expires, source_id, added_at) SELECT case_id, ?, kind, issuer, "
                "document_date, language, notes, expires, ?, ? FROM documents WHERE id = ?",
                (f"{doc.title} (part 2)", pages[cut].source_id, now_iso(), doc_id),
            )
            new_id = int(cur.lastrowid)
            con.executemany(
                "UPDATE pages SET document_id = ?, position = ? WHERE id = ?",
                [(new_id, pos, pid) for pos, pid in enumerate(ids[cut:])],
            )
            con.execute(
                "INSERT INTO document_factors(document_id, factor_id) "
                "SELECT ?, factor_id FROM document_factors WHERE document_id = ?",
                (new_id, doc_id),
            )
        return self.get(new_id)

    def merge(self, doc_ids: Sequence[int]) -> Document:
        """Append the pages of the other documents to the first; the others go."""
        if len(doc_ids) < 2 or len(set(doc_ids)) != len(doc_ids):
            raise InvalidInput("choose two or more different documents to merge")
        docs = [self.get(i) for i in doc_ids]
        if len({d.case_id for d in docs}) != 1:
            raise InvalidInput("only documents of the same case can be merged")
        target = doc_ids[0]
        with self.vault.transaction() as con:
            position = len(self.pages(target))
            for other in doc_ids[1:]:
                for page in self.pages(other):
                    con.execute(
                        "UPDATE pages SET document_id = ?, position = ? WHERE id = ?",
                        (target, position, page.id),
                    )
                    position += 1
                con.execute(
                    "INSERT OR IGNORE INTO document_factors(document_id, factor_id) "
                    "SELECT ?, factor_id FROM document_factors WHERE document_id = ?",
                    (target, other),
                )
                con.execute("DELETE FROM documents WHERE id = ?", (other,))
        return self.get(target)

    @staticmethod
    def _renumber(con: Any, doc_id: int) -> None:
        ids = [
            r[0]
            for r in con.execute(
                "SELECT id FROM pages WHERE document_id = ? ORDER BY position", (doc_id,)
            )
        ]
        con.executemany(
            "UPDATE pages SET position = ? WHERE id = ?", [(i, pid) for i, pid in enumerate(ids)]
        )
