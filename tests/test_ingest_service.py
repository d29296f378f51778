"""The import service: duplicates, several files as one document, options, progress,
cancellation, and nothing written outside the vault."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
from pathlib import Path

import pytest

from pdorganizer.core.progress import Progress
from pdorganizer.ingest.service import (
    ImportCancelled,
    ImportOptions,
    import_files,
    suggest_title,
)
from pdorganizer.vault import Vault
from tests.ingest_samples import heic, image_pdf, jpeg, png, tiff, write


def test_duplicate_is_reported_and_not_stored_twice(vault: Vault, case, tmp_path: Path) -> None:
    data = jpeg(noisy=True)
    first = write(tmp_path, "id-front.jpg", data)
    copy = write(tmp_path, "copy of id-front.jpg", data)
    [a] = import_files(vault, case.id, [first])
    results = import_files(vault, case.id, [copy, first])
    assert [r.status for r in results] == ["duplicate", "duplicate"]
    assert results[0].message == f"duplicate of doc {a.document_id}"
    assert results[0].document_id == a.document_id
    # the same file twice in one batch: stored once
    other = write(tmp_path, "other.png", png("palette"))
    twice = import_files(vault, case.id, [other, other])
    assert [r.status for r in twice] == ["imported", "duplicate"]
    assert twice[1].message == f"duplicate of doc {twice[0].document_id}"
    assert len(vault.documents.list(case.id)) == 2


def test_same_file_in_another_case_is_not_a_duplicate(vault: Vault, case, tmp_path: Path) -> None:
    other_case = vault.cases.add("Second person")
    path = write(tmp_path, "a.jpg", jpeg())
    assert import_files(vault, case.id, [path])[0].status == "imported"
    assert import_files(vault, other_case.id, [path])[0].status == "imported"


def test_as_one_makes_one_document_of_several_files(vault: Vault, case, tmp_path: Path) -> None:
    front = write(tmp_path, "front.jpg", jpeg(6, noisy=True, seed=1))
    back = write(tmp_path, "back.heic", heic(6))
    scans = write(tmp_path, "scans.tif", tiff("multipage"))
    broken = write(tmp_path, "broken.jpg", b"\xff\xd8\xff\xe0 not really")
    options = ImportOptions(
        title="Consular ID",
        as_one=True,
        factors=["identity"],
        kind="identity document",
        document_date="2021-03-04",
        language="Spanish",
    )
    results = import_files(vault, case.id, [front, back, broken, scans, front], options)
    statuses = [r.status for r in results]
    assert statuses == ["imported", "imported", "failed", "imported", "duplicate"]
    doc_id = results[0].document_id
    assert results[1].document_id == results[3].document_id == doc_id
    assert [r.pages for r in results[:4]] == [1, 1, 0, 3]
    assert results[2].message == "the file is damaged or incomplete"
    assert results[4].message == f"duplicate of doc {doc_id}"
    doc = vault.documents.get(doc_id)
    assert (doc.title, doc.kind, doc.document_date, doc.language) == (
        "Consular ID",
        "identity document",
        "2021-03-04",
        "Spanish",
    )
    assert doc.factors == ["identity"]
    pages = vault.documents.pages(doc_id)
    assert len(pages) == 5
    assert [p.source_index for p in pages] == [0, 0, 0, 1, 2]
    mimes = [vault.documents.source(p.source_id).mime for p in pages]
    assert mimes == ["image/jpeg", "image/heic", "image/tiff", "image/tiff", "image/tiff"]
    # each file is stored once as its own source; a later import of any is a duplicate
    again = import_files(vault, case.id, [back])
    assert again[0].message == f"duplicate of doc {doc_id}"


def test_as_one_with_only_bad_files_stores_nothing(vault: Vault, case, tmp_path: Path) -> None:
    results = import_files(
        vault, case.id, [write(tmp_path, "x.jpg", b"nope")], ImportOptions(as_one=True)
    )
    assert results[0].status == "failed"
    assert vault.documents.list(case.id) == []


def test_titles_suggested_from_file_names() -> None:
    assert suggest_title("birth_certificate.pdf") == "Birth certificate"
    assert suggest_title("IMG_2041.HEIC") == "IMG 2041"
    assert suggest_title("2019-05-01 lease  agreement.jpg") == "2019-05-01 lease agreement"
    assert suggest_title(".jpg") == "Untitled document"
    assert suggest_title("___.png") == "Untitled document"


def test_progress_counts_every_file(vault: Vault, case, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _label: seen.append((done, total)))
    paths = [write(tmp_path, f"{i}.jpg", jpeg(noisy=True, seed=i)) for i in range(4)]
    paths.append(write(tmp_path, "bad.jpg", b"junk"))
    import_files(vault, case.id, paths, progress=progress)
    assert seen[0] == (0, 5)
    assert seen[-1] == (5, 5)
    assert [d for d, _ in seen] == list(range(6))


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_keeps_finished_documents_and_no_half_one(
    vault: Vault, case, tmp_path: Path, workers: int
) -> None:
    paths = [write(tmp_path, f"{i}.pdf", image_pdf(i, 2)) for i in range(6)]
    progress = Progress()

    def stop_after_two(done: int, _total: int, _label: str) -> None:
        if done == 2:
            progress.cancel()

    progress._callback = stop_after_two
    with pytest.raises(ImportCancelled) as exc:
        import_files(vault, case.id, paths, ImportOptions(workers=workers), progress)
    done = exc.value.results
    assert [r.status for r in done] == ["imported", "imported"]
    docs = vault.documents.list(case.id)
    assert [d.id for d in docs] == [r.document_id for r in done]
    assert all(d.page_count == 2 for d in docs)
    assert vault.check() == []
    with vault.read() as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 2


def test_cancel_as_one_stores_nothing(vault: Vault, case, tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{i}.jpg", jpeg(noisy=True, seed=i)) for i in range(3)]
    progress = Progress()
    progress._callback = lambda done, _t, _l: progress.cancel() if done == 2 else None
    with pytest.raises(ImportCancelled):
        import_files(vault, case.id, paths, ImportOptions(as_one=True), progress)
    assert vault.documents.list(case.id) == []


def _files_holding(root: Path, needles: list[bytes], since: float, skip: set[Path]) -> list:
    hits = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            try:
                if path in skip or path.stat().st_mtime < since or path.stat().st_size > 5e8:
                    continue
                blob = path.read_bytes()
            except OSError:
                continue
            if any(n in blob for n in needles):
                hits.append(path)
    return hits


def test_nothing_readable_is_written_outside_the_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pdorganizer.vault import CHEAP_PARAMS

    source_dir, vault_dir, tmp = tmp_path / "src", tmp_path / "vault", tmp_path / "tmp"
    for d in (source_dir, vault_dir, tmp):
        d.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    # random content: other test runs on this machine write the same samples otherwise
    seed = int.from_bytes(os.urandom(4), "big")
    photo = jpeg(6, noisy=True, seed=seed, gps=True, size=(900, 1200))
    scan = image_pdf(seed + 1, 2)
    paths = [write(source_dir, "photo.jpg", photo), write(source_dir, "scan.pdf", scan)]
    started = time.time() - 1
    vault = Vault.create(vault_dir / "v.pdvault", "pass phrase", CHEAP_PARAMS)
    try:
        case = vault.cases.add("Person")
        results = import_files(vault, case.id, paths)
        assert [r.status for r in results] == ["imported", "imported"]
        pages = vault.documents.pages(results[0].document_id)
        thumb = vault.documents.thumbnail(pages[0].id)
    finally:
        vault.close()
    needles = [photo[5000:5064], photo[-4000:-3936], scan[3000:3064], thumb[-600:-536]]
    assert list(tmp.iterdir()) == []
    assert sorted(p.name for p in vault_dir.iterdir()) == ["v.pdvault"]
    skip = {Path(p) for p in paths}
    assert _files_holding(vault_dir, needles, 0, skip) == []
    assert _files_holding(Path(tempfile.gettempdir()), needles, started, skip) == []
    assert _files_holding(Path("/tmp"), needles, started, skip) == []


def test_a_document_that_fails_to_store_is_undone_alone(vault: Vault, case) -> None:
    """Several documents share a transaction; a failing one leaves no trace, the rest stay."""
    import hashlib

    from pdorganizer.ingest.store import WriteBatch
    from pdorganizer.vault.repos.documents import NewPage, NewSource

    def source(data: bytes) -> NewSource:
        return NewSource(data, hashlib.sha256(data).hexdigest(), "image/jpeg", "x.jpg")

    batch = WriteBatch(vault)
    with batch.document(1):
        vault.documents.add(case.id, "kept", [source(b"a")], [NewPage(0, 0, 612, 792)])
    with pytest.raises(IndexError), batch.document(1):  # fails after inserting its rows
        vault.documents.add(case.id, "broken", [source(b"b")], [NewPage(3, 0, 612, 792)])
    with batch.document(1):
        vault.documents.add(case.id, "also kept", [source(b"c")], [NewPage(0, 0, 612, 792)])
    batch.commit()
    assert [d.title for d in vault.documents.list(case.id)] == ["kept", "also kept"]
    with vault.read() as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 2
    assert vault.check() == []


def test_interrupt_keeps_finished_documents(vault: Vault, case, tmp_path: Path) -> None:
    """Ctrl-C in the CLI: what was fully imported stays, nothing half."""
    paths = [write(tmp_path, f"{i}.jpg", jpeg(noisy=True, seed=i)) for i in range(5)]

    def interrupt(done: int, _total: int, _label: str) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_files(vault, case.id, paths, progress=Progress(interrupt))
    assert [d.original_name for d in vault.documents.list(case.id)] == ["0.jpg", "1.jpg", "2.jpg"]
    assert vault.check() == []
    # the vault is usable afterwards (no transaction left open)
    assert import_files(vault, case.id, paths)[3].status == "imported"


def test_user_password_pdf_imports_decrypted_when_the_password_is_given(
    vault: Vault, case, tmp_path: Path
) -> None:
    from tests.ingest_samples import pdf

    locked = write(tmp_path, "locked.pdf", pdf([(612, 792, 0), (792, 612, 0)], user_password="s3"))
    [refused] = import_files(vault, case.id, [locked])
    assert refused.message == "password-protected PDF"
    [wrong] = import_files(vault, case.id, [locked], ImportOptions(pdf_password="nope"))
    assert wrong.message == "password-protected PDF"
    [ok] = import_files(vault, case.id, [locked], ImportOptions(pdf_password="s3"))
    assert ok.status == "imported" and ok.pages == 2
    page = vault.documents.pages(ok.document_id)[1]
    assert page.landscape
    source = vault.documents.source(page.source_id)
    assert (
        source.metadata["decrypted_from_sha256"]
        == hashlib.sha256(Path(locked).read_bytes()).hexdigest()
    )
    stored = vault.documents.source_data(page.source_id)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(stored))
    assert not reader.is_encrypted and len(reader.pages) == 2
    assert source.metadata["info"]["/Author"] == "Agency Clerk"
    again = import_files(vault, case.id, [locked], ImportOptions(pdf_password="s3"))
    assert again[0].message == f"duplicate of doc {ok.document_id}"
