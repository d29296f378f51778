"""The export's memory does not grow with the packet: measured by structure, not by time.

A part's writer holds no page's evidence once the page is added (its objects are in the
file), the drawn layer is in memory one chunk at a time, and a source PDF's reader is let
go after its last page. The packet written this way still parses and verifies."""

from __future__ import annotations

import gc
import random
import weakref
import zlib

import pytest
from pypdf import PdfReader
from test_export_split import noise_jpeg
from test_export_support import add_image, add_pdf, have, run

from pdorganizer.core.errors import PdoError
from pdorganizer.export import assemble, layerpages, prepare, split
from pdorganizer.export.images import _inflates_exactly
from pdorganizer.export.inflate import INFLATE_ERRORS, inflater
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.vault import CHEAP_PARAMS, Vault

MB = 1024 * 1024


@pytest.fixture(scope="module")
def long_case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("memory")
    vault = Vault.create(folder / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    for i in range(14):
        add_image(vault, case.id, f"Photo {i}", noise_jpeg(i, (300, 400), 80), "image/jpeg")
        if i % 3 == 0:
            add_pdf(vault, case.id, f"Letter {i}", [(612, 792, 0)] * 3, words=f"Letter {i}")
    yield vault, case, folder
    vault.close()


def _watch(monkeypatch) -> dict:
    """Record, after every page, what the open parts hold and which readers are alive."""
    seen: dict = {"stream_bytes": 0, "extra_objects": 0, "layers": 0, "sources": 0, "pages": 0}
    layer_refs: list[weakref.ref] = []
    source_refs: list[weakref.ref] = []
    real_load = layerpages.LayerPages._load
    real_reader = prepare.Preparer._reader
    real_flush = split.PartWriter._flush

    def load(self, start):
        real_load(self, start)
        layer_refs.append(weakref.ref(self._reader))

    def reader(self, source_id, planned):
        found = real_reader(self, source_id, planned)
        if not any(r() is found[0] for r in source_refs):
            source_refs.append(weakref.ref(found[0]))
        return found

    def flush(self, builder, pending):
        real_flush(self, builder, pending)
        gc.collect()  # pypdf's objects form cycles: only the collector frees them
        seen["pages"] += len(pending)
        seen["layers"] = max(seen["layers"], sum(r() is not None for r in layer_refs))
        seen["sources"] = max(seen["sources"], sum(r() is not None for r in source_refs))
        for held in self.open:
            objects, stream_bytes = held.writer.in_memory()
            seen["stream_bytes"] = max(seen["stream_bytes"], stream_bytes)
            # page dictionaries (one per page) plus catalog, page tree and info
            seen["extra_objects"] = max(seen["extra_objects"], objects - len(held.pages))

    monkeypatch.setattr(layerpages, "CHUNK_PAGES", 8)
    monkeypatch.setattr(layerpages.LayerPages, "_load", load)
    monkeypatch.setattr(prepare.Preparer, "_reader", reader)
    monkeypatch.setattr(split.PartWriter, "_flush", flush)
    return seen


@pytest.mark.parametrize("quality", ["original", "compact"])
def test_parts_hold_no_evidence_and_one_layer_chunk(long_case, monkeypatch, quality):
    vault, case, folder = long_case
    seen = _watch(monkeypatch)
    out = folder / quality / "p.pdf"
    out.parent.mkdir()
    result = export_packet(vault, case.id, out, ExportOptions(quality=quality, max_part_mb=1))
    assert result.page_count > 40 and len(result.files) >= 2  # several chunks and parts
    assert seen["pages"] == result.page_count
    assert seen["stream_bytes"] == 0  # every image, form, font and content stream: on disk
    assert seen["extra_objects"] <= 3
    assert seen["layers"] <= 1  # the drawn layer: the current chunk only
    assert seen["sources"] <= 1  # each source PDF's pages are together: one reader at a time
    pages = sum(len(PdfReader(f).pages) for f in result.files)
    assert pages == result.page_count
    if have("qpdf"):
        for f in result.files:
            run("qpdf", "--check", f)


def test_an_exhibit_larger_than_a_part_is_not_held_whole(tmp_path, monkeypatch):
    """Pages wait (prepared, not yet in a file) only while their exhibit may still move
    to a new part: never a whole exhibit larger than a part."""
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    first = add_image(vault, case.id, "Lease", noise_jpeg(1, (500, 600)), "image/jpeg")
    album = [
        add_image(vault, case.id, f"Album {i}", noise_jpeg(10 + i, (500, 600)), "image/jpeg").id
        for i in range(16)
    ]
    vault.exhibits.set(case.id, [[first.id], album], ["Lease", "Album"])
    alive: list[weakref.ref] = []
    added: set[int] = set()
    waiting = [0]
    real_prepared = split.PartWriter.write
    real_add = assemble.PartBuilder.add

    def write(self, prepared):
        def watched():
            for prep in prepared:
                alive.append(weakref.ref(prep))
                yield prep
                waiting[0] = max(waiting[0], len(alive) - len(added))

        return real_prepared(self, watched())

    def add(self, prep):
        real_add(self, prep)
        added.add(prep.index)

    monkeypatch.setattr(split.PartWriter, "write", write)
    monkeypatch.setattr(assemble.PartBuilder, "add", add)
    out = tmp_path / "out" / "p.pdf"
    out.parent.mkdir()
    result = export_packet(vault, case.id, out, ExportOptions(quality="original", max_part_mb=1))
    vault.close()
    album_pages = 17  # slip sheet and 16 photos
    per_part = max(len(PdfReader(f).pages) for f in result.files)
    assert len(result.files) >= 3 and per_part < album_pages
    assert waiting[0] <= per_part  # at most what fits in what is left of a part


def _streams(seed: int) -> list[tuple[bytes, int, int]]:
    rng = random.Random(seed)
    out = []
    for trial in range(400):
        rows, row_bytes = rng.randint(1, 30), rng.randint(1, 50)
        raw = b"".join(
            bytes([rng.randint(0, 5 if trial % 13 == 0 else 4)]) + rng.randbytes(row_bytes)
            for _ in range(rows)
        )
        if trial % 7 == 0:
            raw = raw[: -rng.randint(1, len(raw))]
        if trial % 11 == 0:
            raw += bytes(rng.randint(1, 40))
        data = zlib.compress(raw, rng.randint(0, 9))
        kind = trial % 4
        if kind == 1:
            data = data[: rng.randint(0, len(data))]
        elif kind == 2:
            flipped = bytearray(data)
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
            data = bytes(flipped)
        elif kind == 3:
            data += rng.randbytes(rng.randint(1, 20))
        out.append((data, rows, row_bytes))
    return out


def test_fast_inflate_judges_png_data_as_zlib_does(monkeypatch):
    """The passthrough check gives the same verdict with ISA-L's inflate as with zlib's,
    on sound, short, long, corrupt and trailing-garbage streams."""
    streams = _streams(7)
    fast = [_inflates_exactly(*s) for s in streams]
    monkeypatch.setattr("pdorganizer.export.images.inflater", lambda: inflater(fast=False))
    slow = [_inflates_exactly(*s) for s in streams]
    assert fast == slow
    assert 50 < sum(fast) < len(fast) - 50  # both verdicts are exercised
    assert len(INFLATE_ERRORS) == 2  # isal is installed: the fast path is what ran


def test_image_threads_read_on_connections_that_cannot_write(long_case):
    """The export's image threads read stored files on connections of their own; those
    cannot change the vault, and a locked vault gives none."""
    vault, case, folder = long_case
    doc = vault.documents.list(case.id)[0]
    source = vault.documents.pages(doc.id)[0].source_id
    con = vault.read_only_connection()
    try:
        assert vault.documents.source_data(source, con) == vault.documents.source_data(source)
        with pytest.raises(Exception, match=r"readonly|read-only|read only"):
            con.execute("DELETE FROM sources")
    finally:
        con.close()
    assert vault.documents.source_data(source)
    other = Vault.open(folder / "v.pdvault", "pw")
    other.close()
    with pytest.raises(PdoError, match="locked"):
        other.read_only_connection()
