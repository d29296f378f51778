"""The vault side of an import: duplicate checks and writes, on the calling thread only.

Documents are written several to a transaction (a disk sync per document would cost more
than the writing), each under its own savepoint, so a document that fails to store is
undone alone and none is ever half stored. A batch is committed after BATCH_SECONDS or
BATCH_BYTES, so the vault's lock is never held long, and when the import is cancelled.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from pdorganizer.core.errors import PdoError
from pdorganizer.core.safelog import log_unexpected
from pdorganizer.ingest.reading import Prepared
from pdorganizer.ingest.results import ImportResult
from pdorganizer.vault import Vault
from pdorganizer.vault.repos.documents import NewPage, NewSource

if TYPE_CHECKING:
    from pdorganizer.ingest.service import ImportOptions

BATCH_SECONDS = 0.5
BATCH_BYTES = 64 * 1024 * 1024
_SAVEPOINT = "pdo_ingest_doc"


class WriteBatch:
    """An open vault transaction shared by consecutive documents."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._cm: Any = None
        self._con: Any = None
        self._started = 0.0
        self._bytes = 0

    @contextlib.contextmanager
    def document(self, size: int) -> Iterator[None]:
        """Write one document inside; on any error it is undone and the error re-raised."""
        if self._cm is None:
            self._cm = self.vault.transaction()
            self._con = self._cm.__enter__()
            self._started, self._bytes = time.monotonic(), 0
        self._con.execute(f"SAVEPOINT {_SAVEPOINT}")
        try:
            yield
        except BaseException:
            self._con.execute(f"ROLLBACK TO {_SAVEPOINT}")
            self._con.execute(f"RELEASE {_SAVEPOINT}")
            raise
        self._con.execute(f"RELEASE {_SAVEPOINT}")
        self._bytes += size
        if time.monotonic() - self._started > BATCH_SECONDS or self._bytes > BATCH_BYTES:
            self.commit()

    def commit(self) -> None:
        if self._cm is not None:
            cm, self._cm, self._con = self._cm, None, None
            cm.__exit__(None, None, None)

    def rollback(self, exc: BaseException) -> None:
        if self._cm is not None:
            cm, self._cm, self._con = self._cm, None, None
            with contextlib.suppress(BaseException):
                cm.__exit__(type(exc), exc, exc.__traceback__)


class Store:
    def __init__(
        self, vault: Vault, case_id: int, options: ImportOptions, factors: list[str]
    ) -> None:
        self.vault = vault
        self.case_id = case_id
        self.options = options
        self.factors = factors
        self.batch = WriteBatch(vault)

    def check(self, prep: Prepared) -> ImportResult | None:
        """The result for a file that will not be stored (failed or duplicate), else None."""
        if prep.error:
            return ImportResult(prep.path, "failed", message=prep.error)
        found = self.vault.documents.find_source(self.case_id, prep.sha256)
        if found is not None:
            _source_id, doc_id = found
            what = f"doc {doc_id}" if doc_id is not None else "a file already in this case"
            return ImportResult(prep.path, "duplicate", doc_id, f"duplicate of {what}")
        return None

    def single(self, prep: Prepared) -> ImportResult:
        result = self.check(prep)
        if result is not None:
            return result
        assert prep.info is not None
        pages = len(prep.info.pages)
        outcome = self.write([prep])
        if isinstance(outcome, str):
            return ImportResult(prep.path, "failed", message=outcome)
        return ImportResult(prep.path, "imported", outcome, pages=pages)

    def write(self, preps: list[Prepared]) -> int | str:
        """Store the files as one document: its id, or the reason it failed."""
        sources = []
        pages: list[NewPage] = []
        for index, prep in enumerate(preps):
            assert prep.info is not None
            sources.append(
                NewSource(prep.data, prep.sha256, prep.info.mime, prep.name, prep.info.metadata)
            )
            pages.extend(replace(page, source=index) for page in prep.info.pages)
        title = self.options.title or suggest_title(preps[0].name)
        size = sum(len(p.data) for p in preps)
        try:
            with self.batch.document(size):
                doc = self.vault.documents.add(
                    self.case_id,
                    title,
                    sources,
                    pages,
                    factors=self.factors,
                    kind=self.options.kind,
                    document_date=self.options.document_date,
                    language=self.options.language,
                )
        except PdoError as exc:
            return exc.message
        except Exception as exc:  # undone by its savepoint; report it and go on
            return f"something went wrong ({log_unexpected(exc, 'import')})"
        finally:
            for prep in preps:
                prep.data = b""  # let the memory go before the next file
        return doc.id


def suggest_title(file_name: str) -> str:
    """'birth_certificate-2019.pdf' -> 'Birth certificate-2019'."""
    name = PurePath(file_name).name
    stem, dot, ext = name.rpartition(".")
    if dot and ext.isalnum() and len(ext) <= 5:  # drop an extension, keep "v1.2 draft"
        name = stem
    text = re.sub(r"[_\s]+", " ", name).strip(" .-")
    if not text:
        return "Untitled document"
    if text.islower():
        text = text[0].upper() + text[1:]
    return text[:200]
