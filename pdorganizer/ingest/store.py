"""The vault side of an import: duplicate checks and writes, on the calling thread only.

Documents are written several to a transaction (a disk sync per document would cost more
than the writing), each under its own savepoint, so a document that fails to store is
undone alone and none is ever half stored. A batch is committed after BATCH_SECONDS or
BATCH_BYTES, so the vault's lock is never held long, and when the import is cancelled.

When the disk or the vault refuses a write (full, read-only, I/O error: StorageError),
the import stops there: documents already committed stay, those of the batch that could
not be committed are reported "not kept", the files not reached "not imported".
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from pdorganizer.core.errors import PdoError, StorageError
from pdorganizer.core.safelog import log_unexpected
from pdorganizer.ingest.cleaning import store_renditions
from pdorganizer.ingest.reading import Prepared
from pdorganizer.ingest.results import ImportResult
from pdorganizer.vault import Vault
from pdorganizer.vault.repos.documents import NewPage, NewSource
from pdorganizer.vault.vault import storage_error

if TYPE_CHECKING:
    from pdorganizer.ingest.service import ImportOptions

BATCH_SECONDS = 0.5
BATCH_BYTES = 64 * 1024 * 1024
_SAVEPOINT = "pdo_ingest_doc"

# Per-file lines for a StorageError: the file was not kept / not reached.
_NOT_KEPT = {
    "the disk is full; nothing was changed": PdoError("the disk is full; this file was not kept"),
    "the vault file cannot be written (is it read-only?)": PdoError(
        "the vault file cannot be written (is it read-only?); this file was not kept"
    ),
    "the vault is in use by another program; close it there and try again": PdoError(
        "the vault is in use by another program; this file was not kept"
    ),
    "the vault file could not be written (disk error); nothing was changed": PdoError(
        "the vault file could not be written (disk error); this file was not kept"
    ),
}


def not_kept(error: StorageError) -> str:
    found = _NOT_KEPT.get(error.message)
    return found.message if found is not None else error.message


class StorageFailed(Exception):
    """The vault stopped taking writes; the batch's results are already marked."""

    def __init__(self, error: StorageError) -> None:
        super().__init__(error.message)
        self.error = error
        self.result: ImportResult | None = None  # the file being stored when it happened


class WriteBatch:
    """An open vault transaction shared by consecutive documents."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._cm: Any = None
        self._con: Any = None
        self._started = 0.0
        self._bytes = 0
        self.uncommitted: list[ImportResult] = []  # stored in the open transaction

    @contextlib.contextmanager
    def document(self, size: int) -> Iterator[None]:
        """Write one document inside; on any error it is undone and the error re-raised.
        A StorageError (disk full, read-only ...) raises StorageFailed after keeping
        what can be kept of the batch."""
        try:
            if self._cm is None:
                self._cm = self.vault.transaction()
                self._con = self._cm.__enter__()
                self._started, self._bytes = time.monotonic(), 0
            self._con.execute(f"SAVEPOINT {_SAVEPOINT}")
        except Exception as exc:
            self._storage_failed(exc)
            raise
        try:
            yield
        except BaseException as exc:
            try:
                if not self._con.in_transaction:  # a full disk may have ended it already
                    raise StorageError("the disk is full; nothing was changed")
                self._con.execute(f"ROLLBACK TO {_SAVEPOINT}")
                self._con.execute(f"RELEASE {_SAVEPOINT}")
            except Exception as undo:
                error = storage_error(exc)
                if not isinstance(error, StorageError):
                    error = storage_error(undo)
                if not isinstance(error, StorageError):
                    error = StorageError(
                        "the vault file could not be written (disk error); nothing was changed"
                    )
                self._lose(error)
                raise StorageFailed(error) from None
            self._storage_failed(exc)
            raise
        self._con.execute(f"RELEASE {_SAVEPOINT}")
        self._bytes += size

    def _storage_failed(self, exc: BaseException) -> None:
        """For a StorageError: commit what is stored (or mark it lost) and stop."""
        error = storage_error(exc)
        if not isinstance(error, StorageError):
            return
        if self._con is not None and self._con.in_transaction:
            self.commit()  # raises StorageFailed itself when this fails too
        else:
            self._lose(error)
        raise StorageFailed(error) from None

    def kept(self, result: ImportResult) -> None:
        """`result` is stored in the open batch; commit when the batch is big or old."""
        self.uncommitted.append(result)
        if time.monotonic() - self._started > BATCH_SECONDS or self._bytes > BATCH_BYTES:
            self.commit()

    def commit(self) -> None:
        if self._cm is not None:
            cm, self._cm, self._con = self._cm, None, None
            try:
                cm.__exit__(None, None, None)
            except StorageError as error:
                self._lose(error)
                raise StorageFailed(error) from None
        self.uncommitted = []

    def _lose(self, error: StorageError) -> None:
        """The open batch is gone: its files were not kept after all."""
        if self._cm is not None:
            cm, self._cm, self._con = self._cm, None, None
            with contextlib.suppress(BaseException):
                cm.__exit__(StorageError, error, None)
        for result in self.uncommitted:
            result.status, result.document_id, result.pages = "failed", None, 0
            result.message = not_kept(error)
        self.uncommitted = []

    def rollback(self, exc: BaseException) -> None:
        if self._cm is not None:
            cm, self._cm, self._con = self._cm, None, None
            with contextlib.suppress(BaseException):
                cm.__exit__(type(exc), exc, exc.__traceback__)
        self.uncommitted = []


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
        try:
            outcome = self.write([prep])
        except StorageFailed as exc:
            exc.result = ImportResult(prep.path, "failed", message=not_kept(exc.error))
            raise
        if isinstance(outcome, str):
            return ImportResult(prep.path, "failed", message=outcome)
        result = ImportResult(prep.path, "imported", outcome, pages=pages, notes=prep.info.notes)
        try:
            self.batch.kept(result)
        except StorageFailed as exc:  # `result` is marked "not kept" already
            exc.result = result
            raise
        return result

    def write(self, preps: list[Prepared]) -> int | str:
        """Store the files as one document: its id, or the reason it failed."""
        sources = []
        pages: list[NewPage] = []
        for index, prep in enumerate(preps):
            assert prep.info is not None
            sources.append(
                NewSource(prep.data, prep.sha256, prep.info.mime, prep.name, prep.info.metadata)
            )
            for at, page in enumerate(prep.info.pages):
                if at in prep.renditions:  # stored after the pages: its index in the document
                    prep.renditions[at].page_id = len(pages)
                pages.append(replace(page, source=index))
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
                store_renditions(self.vault, doc.id, preps)
        except StorageFailed:  # the vault takes no more writes: the caller stops
            raise
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
