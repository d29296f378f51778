"""The intake service used by the CLI and the GUI.

Contract for what lands in the vault (see pdorganizer.vault.repos.documents):
- sources: the original bytes unchanged, sha256, mime ("application/pdf", "image/jpeg",
  "image/png", "image/tiff", "image/webp", "image/bmp", "image/heic"), metadata (EXIF...)
  kept only inside the vault.
- pages: source_index = PDF page index or image frame; width/height = upright size in
  points (PDF: after /Rotate; image: after EXIF orientation, pixels * 72 / dpi);
  thumbnail = JPEG bytes, upright (EXIF/Rotate applied, the user's rotation not applied),
  at most 256 px on the long side.
  Images without a believable resolution (cameras write 72 dpi) are sized to fit a
  letter page: dpi = max(long side / 11 in, short side / 8.5 in).

How it runs: worker threads read, hash and decode files (pipeline.ordered_map); the
calling thread writes the finished files into the vault, several documents per
transaction but each under its own savepoint (store.WriteBatch), so a cancelled or failed
import never leaves half a document. Nothing is written outside the vault: files are
decoded from bytes in memory. Decoding for other uses (the export): images.open_image.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from pdorganizer.core.errors import Cancelled
from pdorganizer.core.progress import Progress
from pdorganizer.ingest.cleaning import prepare_cleaned
from pdorganizer.ingest.pipeline import default_workers, ordered_map, short_gil_slices
from pdorganizer.ingest.reading import Prepared
from pdorganizer.ingest.results import ImportResult
from pdorganizer.ingest.store import StorageFailed, Store, not_kept, suggest_title
from pdorganizer.vault import Vault

__all__ = [
    "ImportCancelled",
    "ImportOptions",
    "ImportResult",
    "import_files",
    "suggest_title",
]


@dataclass
class ImportOptions:
    title: str | None = None  # None: suggested from the file name
    factors: list[str] = field(default_factory=list)
    kind: str = ""
    document_date: str = ""
    language: str = ""
    as_one: bool = False  # several files -> one document
    workers: int = 0  # threads decoding files; 0: as many as pay off on this machine
    # For PDFs that need a password to open (the GUI asks for it after a
    # "password-protected PDF" result); they are stored decrypted.
    pdf_password: str = ""
    # Photos cleaned up ("auto": camera photos only; scans and PDFs stay as they are) or
    # every file kept as it is ("off"): cleaning.py.
    clean: str = "auto"


class ImportCancelled(Cancelled):
    """The user stopped the import; `results` holds the files dealt with before that."""

    def __init__(self, results: list[ImportResult]) -> None:
        super().__init__("import cancelled")
        self.results = results


def import_files(
    vault: Vault,
    case_id: int,
    paths: Sequence[str | os.PathLike[str]],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import each file (or all as one document); bad files fail alone, the rest go on.

    Raises NotFound / InvalidInput before touching anything when the case or a factor is
    unknown, and ImportCancelled (with the results so far) when progress is cancelled.
    """
    options = options or ImportOptions()
    progress = progress or Progress()
    vault.cases.get(case_id)
    factors = vault.factors.validate(options.factors)
    names = [os.fspath(p) for p in paths]
    progress.start(len(names), "import")
    known = _case_hashes(vault, case_id)
    workers = options.workers or default_workers()
    store = Store(vault, case_id, options, factors)
    prepared: Generator[Prepared, None, None] = ordered_map(
        partial(
            prepare_cleaned, known=known, pdf_password=options.pdf_password, clean=options.clean
        ),
        names,
        workers,
        idle=store.batch.commit,
    )
    results: list[ImportResult] = []
    try:
        with short_gil_slices():
            if options.as_one:
                results = _import_as_one(store, prepared, progress)
            else:
                for prep in prepared:
                    progress.check()
                    results.append(store.single(prep))
                    progress.step(prep.name)
    except StorageFailed as exc:
        # Disk full, read-only...: stop. Committed documents stay "imported"; the
        # batch that was lost and the files not reached say they were not kept.
        prepared.close()
        if exc.result is not None:
            results.append(exc.result)
        reason = not_kept(exc.error)
        results += [ImportResult(name, "failed", message=reason) for name in names[len(results) :]]
        return results
    except (Cancelled, KeyboardInterrupt) as exc:
        with contextlib.suppress(StorageFailed):  # lost ones are marked "not kept"
            store.batch.commit()  # keep every document finished so far
        prepared.close()
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ImportCancelled(results) from None
    except BaseException as exc:
        store.batch.rollback(exc)
        raise
    finally:
        prepared.close()  # stops the workers if we leave early
    with contextlib.suppress(StorageFailed):  # lost ones are marked "not kept"
        store.batch.commit()
    return results


def _import_as_one(
    store: Store, prepared: Iterator[Prepared], progress: Progress
) -> list[ImportResult]:
    """All good files become one document, written once every file has been read."""
    good: list[tuple[int, Prepared]] = []  # (index in results, file)
    repeats: list[int] = []  # the same file twice in this batch
    seen: set[str] = set()
    results: list[ImportResult] = []
    for prep in prepared:
        progress.check()
        result = store.check(prep)
        if result is None:
            if prep.sha256 in seen:
                repeats.append(len(results))
            else:
                seen.add(prep.sha256)
                good.append((len(results), prep))
            result = ImportResult(prep.path, "imported")
        results.append(result)
        progress.step(prep.name)
    progress.check()
    if not good:
        return results
    try:
        outcome: int | str = store.write([prep for _, prep in good])
        store.batch.commit()
    except StorageFailed as exc:
        outcome = not_kept(exc.error)
    for index, prep in good:
        if isinstance(outcome, str):
            results[index] = ImportResult(prep.path, "failed", message=outcome)
        else:
            assert prep.info is not None
            results[index] = ImportResult(prep.path, "imported", outcome, "", len(prep.info.pages))
    for index in repeats:
        path = results[index].path
        if isinstance(outcome, str):
            results[index] = ImportResult(path, "failed", message=outcome)
        else:
            results[index] = ImportResult(path, "duplicate", outcome, f"duplicate of doc {outcome}")
    return results


def _case_hashes(vault: Vault, case_id: int) -> frozenset[str]:
    """SHA-256 of every file in the case now, so workers can skip decoding duplicates."""
    with vault.read() as con:
        rows = con.execute("SELECT sha256 FROM sources WHERE case_id = ?", (case_id,))
        return frozenset(r[0] for r in rows.fetchall())
