"""Bad files: one plain message each, nothing of them in the vault, the batch goes on."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pdorganizer.ingest.service import import_files
from pdorganizer.vault import Vault
from tests.ingest_samples import BAD, jpeg, png_bomb, write


def _snapshot(vault: Vault, case_id: int) -> list[tuple]:
    """Each document with its pages, thumbnails and original bytes."""
    out = []
    for doc in vault.documents.list(case_id):
        pages = vault.documents.pages(doc.id)
        thumbs = [vault.documents.thumbnail(p.id) for p in pages]
        out.append((doc, pages, thumbs, vault.documents.source_data(pages[0].source_id)))
    return out


@pytest.mark.parametrize(("name", "make", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_gets_its_message_and_leaves_vault_intact(
    vault: Vault, case, tmp_path: Path, name: str, make, message: str
) -> None:
    first = import_files(vault, case.id, [write(tmp_path, "first.jpg", jpeg(noisy=True))])
    assert first[0].status == "imported"
    before = _snapshot(vault, case.id)
    bad = write(tmp_path, name, make())
    good = write(tmp_path, "after.jpg", jpeg(progressive=True))
    results = import_files(vault, case.id, [bad, good])
    assert [r.status for r in results] == ["failed", "imported"]
    assert results[0].message == message
    assert results[0].document_id is None and results[0].pages == 0
    assert vault.check() == []
    after = _snapshot(vault, case.id)
    assert after[0] == before[0]  # the document that was there is untouched
    assert len(after) == 2 and after[1][0].id == results[1].document_id
    with vault.read() as con:  # nothing of the bad file stored anywhere
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 2


def test_missing_folder_and_unreadable_files(vault: Vault, case, tmp_path: Path) -> None:
    gone = write(tmp_path, "gone.jpg", jpeg())
    os.remove(gone)
    folder = tmp_path / "a folder.jpg"
    folder.mkdir()
    paths = [gone, str(folder), write(tmp_path, "ok.jpg", jpeg())]
    locked = write(tmp_path, "locked.jpg", jpeg(noisy=True, seed=3))
    os.chmod(locked, 0)
    readable_anyway = os.access(locked, os.R_OK)  # root reads everything
    paths.append(locked)
    results = import_files(vault, case.id, paths)
    assert results[0].message == "the file does not exist (moved or deleted?)"
    assert results[1].message == "this is a folder, not a file"
    assert results[2].status == "imported"
    if readable_anyway:
        assert results[3].status == "imported"
    else:
        assert results[3].message == "the file cannot be read (permission denied)"
    assert vault.check() == []


def test_bomb_is_refused_before_decoding(vault: Vault, case, tmp_path: Path) -> None:
    """A 10-gigapixel header in a tiny file: refused at once, not after a decode."""
    path = write(tmp_path, "bomb.png", png_bomb(100_000, 100_000))
    assert os.path.getsize(path) < 100_000
    started = time.perf_counter()
    [result] = import_files(vault, case.id, [path])
    assert result.message == "image too large"
    assert time.perf_counter() - started < 5  # decoding 30 GB of pixels would take ages
    assert vault.documents.list(case.id) == []


def test_unknown_factor_or_case_changes_nothing(vault: Vault, case, tmp_path: Path) -> None:
    from pdorganizer.core.errors import InvalidInput, NotFound
    from pdorganizer.ingest.service import ImportOptions

    path = write(tmp_path, "a.jpg", jpeg())
    with pytest.raises(InvalidInput, match="unknown factor"):
        import_files(vault, case.id, [path], ImportOptions(factors=["no_such_factor"]))
    with pytest.raises(NotFound):
        import_files(vault, case.id + 99, [path])
    assert vault.documents.list(case.id) == []


def test_pdf_sizes_guarded_and_huge_pages_accepted(vault: Vault, case, tmp_path: Path) -> None:
    from tests.ingest_samples import pdf

    banner = write(tmp_path, "banner.pdf", pdf([(14_400, 1_000, 0)]))
    absurd = write(tmp_path, "absurd.pdf", pdf([(612, 792, 0), (10_000_000, 792, 0)]))
    tiny = write(tmp_path, "tiny.pdf", pdf([(0.01, 0.01, 0)]))
    results = import_files(vault, case.id, [banner, absurd, tiny])
    assert results[0].status == "imported"
    page = vault.documents.pages(results[0].document_id)[0]
    assert (page.width, page.height) == (14_400, 1_000)
    assert results[1].message == "a page of this PDF has an impossible size"
    assert results[2].message == "a page of this PDF has an impossible size"
    assert vault.check() == []


def test_damaged_later_tiff_frame_fails_the_whole_file(vault: Vault, case, tmp_path: Path) -> None:
    from tests.ingest_samples import tiff

    data = tiff("multipage")
    path = write(tmp_path, "cut.tif", data[: len(data) * 2 // 3])
    [result] = import_files(vault, case.id, [path])
    assert result.status == "failed"
    assert result.message == "the file is damaged or incomplete"
    assert vault.documents.list(case.id) == []
