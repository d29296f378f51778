"""Import and export judge an image with the same code: whatever imports can be placed
in the packet in both qualities, upright; what cannot is refused at import as damaged.

Every input is generated here: good images, then the same images damaged the ways real
files are (cut image data, short or corrupt zlib streams, APNG without frame control,
cut JPEG scans). Exported pages are rendered with pdfium to see where a marked corner
lands."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from pdorganizer.cli.main import run
from pdorganizer.core.errors import InvalidInput
from pdorganizer.export.deepcheck import deep_check
from pdorganizer.export.images import _png_passthrough, compact_payload, original_payload
from pdorganizer.export.prepare import UnusableSource
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.ingest.images import sniff_mime
from pdorganizer.ingest.service import import_files
from pdorganizer.vault import Vault
from pdorganizer.vault.repos import NewPage, NewSource
from tests.conftest import PASSPHRASE
from tests.ingest_samples import (
    _exif,
    avif,
    bigtiff,
    bmp,
    gif,
    heic,
    jpeg,
    noisy_image,
    oriented,
    png,
    tiff,
    upright_image,
    webp,
    write,
)

DAMAGED = "the file is damaged or incomplete"
QUALITIES = ("original", "compact")

# -- damaged files ---------------------------------------------------------------------


def _chunks(data: bytes):
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        yield pos, length, kind
        pos += 12 + length


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + body))
    return struct.pack(">I", len(body)) + kind + body + crc


def _rebuilt(data: bytes, change) -> bytes:
    parts = [data[:8]]
    for pos, length, kind in _chunks(data):
        parts.append(change(kind, data[pos + 8 : pos + 8 + length]))
    return b"".join(parts)


def noisy_png(size: tuple[int, int] = (200, 260), seed: int = 0) -> bytes:
    out = io.BytesIO()
    noisy_image(size, seed=seed).save(out, "PNG")
    return out.getvalue()


def png_cut_idat(cut: int = 1000, at: float = 0.5, seed: int = 0, fix: bool = True) -> bytes:
    """1,000 bytes cut out of the image data; `fix`: chunk length and CRC made right, so
    only the zlib stream is short."""
    data = noisy_png(seed=seed)
    for pos, length, kind in _chunks(data):
        if kind == b"IDAT":
            mid = int(length * at)
            if not fix:
                return data[: pos + 8 + mid] + data[pos + 8 + mid + cut :]
            body = data[pos + 8 : pos + 8 + length]
            body = body[:mid] + body[mid + cut :]
            return data[:pos] + _chunk(b"IDAT", body) + data[pos + 12 + length :]
    raise AssertionError("no IDAT")


def _png_from_rows(rows: int, total: int = 260, extra: bytes = b"", bad_filter: int = -1) -> bytes:
    im = noisy_image((200, total))
    raw = b"".join(
        bytes([7 if y == bad_filter else 0]) + im.crop((0, y, 200, y + 1)).tobytes()
        for y in range(rows)
    )
    ihdr = struct.pack(">IIBBBBB", 200, total, 8, 2, 0, 0, 0)
    body = _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(raw + extra))
    return b"\x89PNG\r\n\x1a\n" + body + _chunk(b"IEND", b"")


def png_short_zlib() -> bytes:
    """A complete, valid zlib stream holding only half the rows: Pillow decodes it
    without a word and leaves the lower half blank."""
    return _png_from_rows(130)


def png_corrupt_zlib() -> bytes:
    def change(kind: bytes, body: bytes) -> bytes:
        if kind == b"IDAT":
            mid = len(body) // 2
            body = body[:mid] + bytes(40) + body[mid + 40 :]
        return _chunk(kind, body)

    return _rebuilt(noisy_png(), change)


def apng_without_frame_control() -> bytes:
    def change(kind: bytes, body: bytes) -> bytes:
        extra = _chunk(b"acTL", struct.pack(">II", 2, 0)) if kind == b"IHDR" else b""
        return _chunk(kind, body) + extra

    return _rebuilt(noisy_png(), change)


def jpeg_scan_cut(cut: int = 1000, zero: bool = False) -> bytes:
    data = jpeg(noisy=True, size=(400, 300))
    sos = data.find(b"\xff\xda")
    mid = sos + (len(data) - sos) // 2
    return data[:mid] + (bytes(cut) if zero else b"") + data[mid + cut :]


# name -> (bytes, "refused" | "either"): "either" = refused as damaged or exportable
VARIANTS = {
    "png-idat-cut.png": (lambda: png_cut_idat(), "refused"),
    "png-idat-cut-raw.png": (lambda: png_cut_idat(fix=False), "refused"),
    "png-short-zlib.png": (png_short_zlib, "refused"),
    "png-corrupt-zlib.png": (png_corrupt_zlib, "refused"),
    "png-bad-filter.png": (lambda: _png_from_rows(260, bad_filter=100), "refused"),
    "png-truncated.png": (lambda: noisy_png()[:9000], "refused"),
    "png-extra-data.png": (lambda: _png_from_rows(260, extra=bytes(1803)), "either"),
    "apng-no-fctl.png": (apng_without_frame_control, "either"),
    "jpeg-scan-cut.jpg": (lambda: jpeg_scan_cut(), "either"),
    "jpeg-scan-zeroed.jpg": (lambda: jpeg_scan_cut(zero=True), "either"),
    "jpeg-truncated.jpg": (lambda: jpeg(noisy=True, size=(400, 300))[:9000], "refused"),
    "jpeg-no-end.jpg": (lambda: jpeg(noisy=True, size=(400, 300))[:-2], "either"),
    "tiff-truncated.tif": (lambda: _tiff(noisy=True)[:-3000], "either"),
    "gif-truncated.gif": (lambda: _gif(3, noisy=True)[:-700], "either"),
    "webp-truncated.webp": (lambda: _save("WEBP", noisy_image((200, 260)))[:-500], "either"),
    "avif-truncated.avif": (lambda: _save("AVIF", noisy_image((200, 260)))[:-500], "either"),
}


# -- good files of the newly accepted kinds ---------------------------------------------


def _save(fmt: str, im: Image.Image, **kw) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **kw)
    return out.getvalue()


def _gif(frames: int = 1, noisy: bool = False) -> bytes:
    def make(i: int) -> Image.Image:
        if noisy:
            return noisy_image((200, 260), seed=i)
        im = upright_image()
        im.paste((0, 0, 0), (100 + 20 * i, 200, 110 + 20 * i, 210))  # frames differ
        return im

    ims = [make(i).convert("P", palette=Image.Palette.ADAPTIVE) for i in range(frames)]
    extra = {"save_all": True, "append_images": ims[1:], "duration": 100} if frames > 1 else {}
    return _save("GIF", ims[0], **extra)


def _tiff(noisy: bool = False, big: bool = False) -> bytes:
    im = noisy_image((200, 260)) if noisy else upright_image()
    return _save("TIFF", im, big_tiff=big) if big else _save("TIFF", im)


# -- helpers ---------------------------------------------------------------------------


def _import(vault: Vault, case_id: int, tmp_path: Path, name: str, data: bytes):
    [result] = import_files(vault, case_id, [write(tmp_path, name, data)])
    return result


def _export(vault: Vault, case_id: int, folder: Path, quality: str) -> Path:
    folder.mkdir(exist_ok=True)
    options = ExportOptions(quality=quality, cover=False, manifest="none")
    result = export_packet(vault, case_id, folder / f"{quality}.pdf", options)
    return Path(result.files[0])


def _centroid(im: Image.Image, test) -> tuple[float, float] | None:
    small = im.convert("RGB")
    xs = ys = n = 0
    for y in range(small.height):
        for x in range(small.width):
            if test(small.getpixel((x, y))):
                xs, ys, n = xs + x, ys + y, n + 1
    return (xs / n / small.width, ys / n / small.height) if n > 20 else None


def _red(p) -> bool:
    return p[0] > 150 and p[1] < 100 and p[2] < 100


def _green(p) -> bool:
    return p[1] > 140 and p[0] < 110 and p[2] < 110


def assert_page_upright(pdf_path: Path, page: int = -1) -> None:
    """Red block top left, green block top right, as a person sees the rendered page."""
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        image = doc[page if page >= 0 else len(doc) + page].render(scale=0.25).to_pil()
    finally:
        doc.close()
    red, green = _centroid(image, _red), _centroid(image, _green)
    assert red is not None and green is not None, (red, green)
    assert red[1] < 0.5 and green[1] < 0.5, ("not at the top", red, green)
    assert red[0] < 0.5 < green[0], ("not left/right", red, green)


# -- tests -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_damaged_image_is_refused_or_exports_in_both_qualities(
    vault: Vault, case, tmp_path: Path, name: str
) -> None:
    make, expected = VARIANTS[name]
    result = _import(vault, case.id, tmp_path, name, make())
    if expected == "refused":
        assert (result.status, result.message) == ("failed", DAMAGED)
    if result.status == "failed":
        assert result.message == DAMAGED
        assert vault.documents.list(case.id) == []
        return
    assert result.status == "imported"
    assert deep_check(vault) == []
    for quality in QUALITIES:
        packet = _export(vault, case.id, tmp_path / quality, quality)
        assert len(pdfium.PdfDocument(str(packet))) == 3  # index, slip sheet, the page


def _mutated(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:  # bytes overwritten
        for _ in range(rng.randrange(1, 10)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif kind == 1:  # a run cut out
        i = rng.randrange(len(b))
        del b[i : i + rng.randrange(1, 200)]
    elif kind == 2:  # truncated
        del b[rng.randrange(8, len(b)) :]
    else:  # junk inserted
        i = rng.randrange(len(b))
        b[i:i] = rng.randbytes(rng.randrange(1, 50))
    return bytes(b)


def test_mutated_images_import_only_what_both_qualities_can_place() -> None:
    """Byte-level mutations of every image format: analyze() refuses in plain words, or
    both export payloads succeed (before issue 10: 531 of 3,900 such inputs failed)."""
    from pdorganizer.core.errors import PdoError
    from pdorganizer.ingest.reading import analyze

    seeds = [
        jpeg(6, noisy=True, size=(120, 90)),
        jpeg(progressive=True, size=(90, 120)),
        png("palette", size=(90, 120)),
        png("alpha", size=(90, 120)),
        oriented("PNG", 6),
        tiff("multipage", size=(60, 80)),
        tiff("g4", size=(60, 80)),
        webp((90, 120)),
        bmp((60, 80)),
        gif(3, (60, 80)),
        avif(3, (60, 80)),
        bigtiff((60, 80)),
    ]
    rng = random.Random(10)
    accepted = 0
    for seed in seeds:
        for _ in range(60):
            data = _mutated(rng, seed)
            try:
                info = analyze(data)
            except PdoError:
                continue
            accepted += 1
            for page in info.pages:
                original_payload(data, info.mime, page.source_index)
                w, h = page.width / 2, page.height / 2
                compact_payload(data, info.mime, page.source_index, w, h)
    assert accepted > 50  # the mutations left enough files importable to mean something


def test_cut_png_data_is_never_imported_with_blank_rows(tmp_path: Path, vault: Vault, case):
    """The reported case: 1,000 bytes cut from the image data, anywhere, any image."""
    paths = [
        write(tmp_path, f"cut{i}.png", png_cut_idat(at=0.1 + 0.04 * i, seed=i)) for i in range(20)
    ]
    results = import_files(vault, case.id, paths)
    assert [(r.status, r.message) for r in results] == [("failed", DAMAGED)] * 20


def test_metadata_is_read_only_after_the_pixels(vault: Vault, case, tmp_path: Path) -> None:
    """A good PNG with its EXIF after the image data: the metadata still arrives, and the
    thumbnail is the whole picture."""

    def move_exif(data: bytes) -> bytes:
        exif = b""

        def change(kind: bytes, body: bytes) -> bytes:
            nonlocal exif
            if kind == b"eXIf":
                exif = _chunk(kind, body)
                return b""
            if kind == b"IEND":
                return exif + _chunk(kind, body)
            return _chunk(kind, body)

        return _rebuilt(data, change)

    data = move_exif(_save("PNG", upright_image(), exif=_exif(None, gps=True)))
    result = _import(vault, case.id, tmp_path, "late-exif.png", data)
    assert result.status == "imported"
    [doc] = vault.documents.list(case.id)
    [page] = vault.documents.pages(doc.id)
    meta = vault.documents.source(page.source_id).metadata
    assert meta["exif"]["Make"] == "TestCam" and "gps" in meta
    thumb = Image.open(io.BytesIO(vault.documents.thumbnail(page.id))).convert("L")
    assert thumb.getpixel((thumb.width // 2, thumb.height - 3)) > 200  # white, not black


def _interlaced_png(im: Image.Image, rows_kept: int | None = None) -> bytes:
    """Adam7 by hand (Pillow writes no interlaced PNG); `rows_kept`: cut the last pass."""
    w, h = im.size
    raw = b""
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4))
    passes += ((1, 0, 2, 2), (0, 1, 1, 2))
    for n, (x0, y0, dx, dy) in enumerate(passes):
        ys = list(range(y0, h, dy))
        if n == 6 and rows_kept is not None:
            ys = ys[:rows_kept]
        for y in ys:
            raw += b"\x00" + b"".join(bytes(im.getpixel((x, y))) for x in range(x0, w, dx))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1)
    body = _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(raw))
    return b"\x89PNG\r\n\x1a\n" + body + _chunk(b"IEND", b"")


def test_complete_pngs_with_a_black_corner_or_interlaced_import(
    vault: Vault, case, tmp_path: Path
) -> None:
    """The quick proof of completeness (a last pixel that is not zero) has a slow
    fallback: these are counted in full, and pass."""
    black_corner = upright_image()
    black_corner.paste((0, 0, 0), (250, 350, 300, 400))
    interlaced = upright_image((60, 80))
    files = {
        "corner.png": _save("PNG", black_corner),
        "corner-alpha.png": _save("PNG", black_corner.convert("RGBA")),
        "interlaced.png": _interlaced_png(interlaced),
        "interlaced-short.png": _interlaced_png(interlaced, rows_kept=30),
    }
    results = import_files(vault, case.id, [write(tmp_path, n, d) for n, d in files.items()])
    assert [(r.status, r.message) for r in results] == [("imported", "")] * 3 + [
        ("failed", DAMAGED)
    ]
    assert deep_check(vault) == []


def test_png_passthrough_only_for_a_sound_stream() -> None:
    good = _png_from_rows(260)
    payload = _png_passthrough(good)
    assert payload is not None and payload.entries["/DecodeParms"]["/Predictor"] == 15
    assert _png_passthrough(_png_from_rows(130)) is None  # short: decoded instead
    assert _png_passthrough(_png_from_rows(260, bad_filter=3)) is None
    assert _png_passthrough(png_corrupt_zlib()) is None
    assert _png_passthrough(apng_without_frame_control()) is None
    # and the export still places the APNG (decoded, as at import)
    data = apng_without_frame_control()
    assert original_payload(data, "image/png", 0).width == 200


def test_any_decoder_exception_is_damaged_at_import_and_export(
    vault: Vault, case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NovelLibraryError(Exception):
        pass

    good = upright_image()
    png = _save("PNG", good)
    assert _import(vault, case.id, tmp_path, "good.png", png).status == "imported"
    [doc] = vault.documents.list(case.id)
    vault.documents.update(doc.id, title="Birth certificate")

    def raising(error: BaseException):
        def open_(*args, **kwargs):
            raise error

        return open_

    monkeypatch.setattr(Image, "open", raising(NovelLibraryError("content not to show")))
    assert _import(vault, case.id, tmp_path, "other.tif", _tiff()).message == DAMAGED
    for quality in QUALITIES:
        with pytest.raises(UnusableSource) as caught:
            _export(vault, case.id, tmp_path / quality, quality)
        error = caught.value
        assert error.message == f"exhibit A (Birth certificate): {DAMAGED}"
        assert error.template == "exhibit {letter} ({title}): {reason}"
        assert error.values == {"letter": "A", "title": "Birth certificate", "reason": DAMAGED}
        assert error.document_id == doc.id
        assert not any((tmp_path / quality).iterdir())
    monkeypatch.setattr(Image, "open", raising(MemoryError()))
    assert _import(vault, case.id, tmp_path, "big.bmp", _save("BMP", good)).message == (
        "image too large"
    )
    monkeypatch.setattr(Image, "open", raising(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        _export(vault, case.id, tmp_path / "interrupted", "original")


def test_tiff_setup_type_error_is_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pillow's TIFF `_setup` raised TypeError on fuzzed files (in frame_count)."""
    from PIL import TiffImagePlugin

    from pdorganizer.ingest.reading import analyze

    data = _save("TIFF", upright_image(), save_all=True, append_images=[upright_image()])

    def bad_setup(self):
        raise TypeError("unsupported operand")

    monkeypatch.setattr(TiffImagePlugin.TiffImageFile, "_setup", bad_setup)
    with pytest.raises(InvalidInput, match=DAMAGED):
        analyze(data)


def test_gif_avif_bigtiff_import_and_export(vault: Vault, case, tmp_path: Path) -> None:
    assert sniff_mime(avif()) == "image/avif"
    assert sniff_mime(heic()) == "image/heic"
    assert sniff_mime(_tiff(big=True)) == "image/tiff"
    files = {
        "still.gif": _gif(1),
        "animated.gif": _gif(3),
        "photo.avif": avif(),
        "big.tif": _tiff(big=True),
    }
    results = import_files(vault, case.id, [write(tmp_path, n, d) for n, d in files.items()])
    assert [(r.status, r.pages) for r in results] == [("imported", 1)] * 4
    assert [r.notes for r in results] == [
        [],
        ["GIF: only the first of 3 frames was imported"],
        [],
        [],
    ]
    assert deep_check(vault) == []
    for quality in QUALITIES:
        packet = _export(vault, case.id, tmp_path / quality, quality)
        doc = pdfium.PdfDocument(str(packet))
        assert len(doc) == 1 + 2 * 4  # index, then a slip sheet and a page per file
        doc.close()
        for page in (2, 4, 6, 8):
            assert_page_upright(packet, page)


def _oriented(fmt: str, orientation: int) -> bytes:
    if fmt == "JPEG":
        return jpeg(orientation)
    if fmt == "HEIF":
        return heic(orientation)
    if fmt == "AVIF":
        return avif(orientation)
    return oriented(fmt, orientation)


@pytest.mark.parametrize("orientation", [3, 6])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF", "HEIF", "AVIF"])
def test_orientation_is_applied_in_both_qualities(
    vault: Vault, case, tmp_path: Path, fmt: str, orientation: int
) -> None:
    name = f"o{orientation}.{fmt.lower()}"
    result = _import(vault, case.id, tmp_path, name, _oriented(fmt, orientation))
    assert result.status == "imported", result.message
    for quality in QUALITIES:
        assert_page_upright(_export(vault, case.id, tmp_path / quality, quality))


def test_payload_paths_agree_on_orientation() -> None:
    """Orientation 3 in a PNG: the passthrough carries it to the page transform; the
    decoded (compact) path turns the pixels; neither leaves it out."""
    data = oriented("PNG", 3)
    original = original_payload(data, "image/png", 0)
    assert original.orientation == 3
    compact = compact_payload(data, "image/png", 0, 300, 400)
    assert compact.orientation in (1, 3)
    if compact.orientation == 1:  # re-encoded from upright pixels
        im = Image.open(io.BytesIO(compact.data)).convert("RGB")
        assert _red(im.getpixel((5, 5)))


def _store_raw(vault: Vault, case_id: int, title: str, data: bytes, mime: str):
    """As a vault from before these checks may hold it: stored without intake's checks."""
    src = NewSource(data, hashlib.sha256(data).hexdigest(), mime, "x")
    return vault.documents.add(case_id, title, [src], [NewPage(0, 0, 144.0, 187.0)])


def test_export_error_names_exhibit_and_title_for_a_stored_bad_file(
    vault: Vault, case, tmp_path: Path
) -> None:
    assert _import(vault, case.id, tmp_path, "ok.jpg", jpeg()).status == "imported"
    doc = _store_raw(vault, case.id, "Birth certificate", png_short_zlib(), "image/png")
    problems = deep_check(vault)
    assert [(p.case_name, p.document_id, p.title, p.reason) for p in problems] == [
        (case.name, doc.id, "Birth certificate", DAMAGED)
    ]
    letter = next(e.letter for e in vault.exhibits.effective(case.id) if doc.id in e.document_ids)
    for quality in QUALITIES:
        with pytest.raises(UnusableSource) as caught:
            _export(vault, case.id, tmp_path / quality, quality)
        assert caught.value.message == f"exhibit {letter} (Birth certificate): {DAMAGED}"
        assert caught.value.document_id == doc.id


def test_check_deep_lists_documents_that_would_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "v.pdvault"
    assert run(["init", str(path), "--insecure-fast-kdf"]) == 0
    assert run(["case", "add", str(path), "--name", "Ana"]) == 0
    good = write(tmp_path, "good.png", _save("PNG", upright_image()))
    assert run(["import", str(path), "--case", "1", good]) == 0
    capsys.readouterr()
    assert run(["check", str(path), "--deep"]) == 0
    assert capsys.readouterr().out == "vault is sound and every page can be exported\n"
    with Vault.open(path, PASSPHRASE) as vault:
        doc = _store_raw(vault, 1, "Lease", b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png")
    assert run(["check", str(path), "--deep"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"would not export: case 'Ana', doc {doc.id} (Lease): {DAMAGED}"]
    assert run(["check", str(path)]) == 0  # without --deep: the file structure only
