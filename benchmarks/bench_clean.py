"""Photo clean-up and the compact packet: speed, size, legibility, memory.

    .venv/bin/python benchmarks/bench_clean.py [--keep DIR] [--quick]

Reference case (generated, nothing from outside): 60 phone-like photos of printed pages
(pdorganizer/scan/synthetic.py: 3000x2250 camera JPEGs with EXIF Make/Model, text on a
darker wood table, turned and leaning, shadow gradient, warm cast), 20 grayscale PNG
scans at 300 dpi, 20 PDFs of 1-5 pages (half born-digital, half scanned): 140 pages of
evidence, about 250 in the packet with cover, index and slip sheets.
Figures, each beside its baseline run in the same process:
- clean-up of one 12 MP photo on one core (Pillow, one thread), vs decoding it;
- import with clean-up (`--clean auto`) vs without (`--clean off`);
- compact export: size and parts of the packet with and without clean-up (goal: one
  file under 25 MB);
- legibility: mean SSIM at 150 DPI of the printed text pages against the flat page
  they show (photos: the page the photo was made from; scans: the scan itself);
- export peak RSS of a 3,000-page packet vs a 250-page one (fresh child processes; the
  vaults use cheap key derivation, so the 256 MiB of the real one is not in it).

Needs, for the SSIM measurement only (not a project dependency: the app and the
installer have no numpy): `pip install numpy`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_export import peak_rss_mb  # noqa: E402  (its children measure the same way)

PASS = "benchmark passphrase"
MB = 1024 * 1024
DPI = 150


# -- the reference case -------------------------------------------------------------------


def _scan(seed: int) -> bytes:
    import random
    from statistics import NormalDist

    from PIL import Image, ImageChops

    from pdorganizer.scan import synthetic

    page = synthetic.text_page(2550, 3300, seed=100 + seed)
    page = page.point([round(v * 0.93 + 8) for v in range(256)])  # scanner gray paper
    # sensor noise, sigma 4: seeded uniform bytes through the normal quantiles
    inv = NormalDist(128, 4).inv_cdf
    lut = [min(255, max(0, round(inv((i + 0.5) / 256)))) for i in range(256)]
    raw = random.Random(seed).randbytes(page.width * page.height)
    noise = Image.frombytes("L", page.size, raw).point(lut)
    page = ImageChops.add(page, noise, offset=-128)
    out = io.BytesIO()
    page.save(out, "PNG", dpi=(300, 300))
    return out.getvalue()


def _pdf(seed: int, pages: int) -> bytes:
    from tests.ingest_samples import noisy_image, pdf

    if seed % 2:
        return pdf([(612, 792, 0)] * pages).replace(b"Agency Clerk", f"Clerk {seed:06d}".encode())
    frames = [noisy_image((1275, 1650), "L", seed=seed * 10 + i, amount=0.1) for i in range(pages)]
    out = io.BytesIO()
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=150)
    return out.getvalue()


def generate(folder: Path, photos: int = 60, scans: int = 20, pdfs: int = 20) -> list[str]:
    from pdorganizer.scan import synthetic

    started = time.perf_counter()
    paths = []
    for i in range(photos):
        shot = synthetic.photo(3000, 2250, seed=i, tilt=(-14 + 7 * (i % 5)) or 3.0)
        path = folder / f"IMG_{1000 + i}.jpg"
        path.write_bytes(synthetic.jpeg_bytes(shot.image, quality=90))
        paths.append(str(path))
    for i in range(scans):
        path = folder / f"scan_{i:02d}.png"
        path.write_bytes(_scan(i))
        paths.append(str(path))
    for i in range(pdfs):
        path = folder / f"letter_{i:02d}.pdf"
        path.write_bytes(_pdf(i, 1 + i % 5))
        paths.append(str(path))
    size = sum(os.path.getsize(p) for p in paths) / 1e6
    took = time.perf_counter() - started
    print(f"input: {len(paths)} files, {size:.0f} MB, generated in {took:.0f} s", flush=True)
    return paths


# -- SSIM -----------------------------------------------------------------------------------


def _blur(x):
    """An 11x11 Gaussian (sigma 1.5), separable, borders mirrored without repeating the
    edge pixel (as the usual SSIM code does)."""
    import numpy as np

    taps = np.exp(-((np.arange(11) - 5) ** 2) / (2 * 1.5**2))
    taps /= taps.sum()
    h, w = x.shape
    pad = np.pad(x, 5, mode="reflect")
    rows = sum(t * pad[i : i + h, :] for i, t in enumerate(taps))
    return sum(t * rows[:, i : i + w] for i, t in enumerate(taps))


def ssim(a, b) -> float:
    """Mean SSIM of two same-sized gray uint8 arrays (Gaussian window, sigma 1.5)."""
    import numpy as np

    a, b = a.astype(np.float64), b.astype(np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    blur = _blur

    mu_a, mu_b = blur(a), blur(b)
    var_a = blur(a * a) - mu_a**2
    var_b = blur(b * b) - mu_b**2
    cov = blur(a * b) - mu_a * mu_b
    num = (2 * mu_a * mu_b + c1) * (2 * cov + c2)
    den = (mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2)
    return float((num / den).mean())


def _printed_image(pdf_page):
    """The largest picture on a packet page, decoded as a reader would show it."""
    from PIL import Image

    best = None
    for image in pdf_page.images:
        im = image.image
        if best is None or im.width * im.height > best.width * best.height:
            best = im
    return best.convert("L") if best is not None else Image.new("L", (1, 1))


def legibility(parts: list[str], truth: dict[int, object]) -> float:
    """Mean SSIM at 150 DPI of the text pages whose flat original is in `truth` (packet
    page index -> gray image), the page image printed against that original."""
    import numpy as np
    from PIL import Image
    from pypdf import PdfReader

    pages = [page for part in parts for page in PdfReader(part).pages]
    scores = []
    for index, flat in truth.items():
        printed = _printed_image(pages[index])
        w, h = flat.size
        size = (round(8.5 * DPI), round(11 * DPI)) if w < h else (round(11 * DPI), round(8.5 * DPI))
        a = np.asarray(printed.resize(size, Image.Resampling.LANCZOS))
        b = np.asarray(flat.resize(size, Image.Resampling.LANCZOS))
        scores.append(ssim(a, b))
    return float(np.mean(scores)) if scores else 0.0


# -- children: each measurement in a fresh process, so its peak RSS is its own -----------------


def child_import(paths: list[str], db: str, clean: str) -> dict:
    from pdorganizer.ingest.service import ImportOptions, import_files
    from pdorganizer.vault import CHEAP_PARAMS, Vault

    started = time.perf_counter()
    vault = Vault.create(Path(db), PASS, CHEAP_PARAMS)
    case = vault.cases.add("Benchmark")
    results = import_files(vault, case.id, paths, ImportOptions(clean=clean))
    vault.close()
    assert all(r.status == "imported" for r in results), [r.message for r in results]
    return {"wall": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def child_export(db: str, out: str) -> dict:
    from pdorganizer.export.service import ExportOptions, export_packet
    from pdorganizer.vault import Vault

    Path(out).parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with Vault.open(Path(db), PASS) as vault:
        case = vault.cases.list()[0]
        result = export_packet(vault, case.id, Path(out), ExportOptions(quality="compact"))
    return {
        "wall": time.perf_counter() - started,
        "parts": [os.path.getsize(f) for f in result.files],
        "files": list(result.files),
        "pages": result.page_count,
        "peak_rss_mb": peak_rss_mb(),
    }


def _child(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"{args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def grow(src: str, dst: str, times: int) -> None:
    """A copy of vault `src` whose case holds every document `times` times (the same
    stored files, new document and page rows, renditions copied)."""
    from pdorganizer.vault import Vault

    shutil.copyfile(src, dst)
    with Vault.open(Path(dst), PASS) as vault, vault.transaction() as con:
        docs = con.execute("SELECT id FROM documents ORDER BY id").fetchall()
        for _ in range(times - 1):
            for (doc_id,) in docs:
                new = con.execute(
                    "INSERT INTO documents(case_id, title, kind, source_id, added_at) "
                    "SELECT case_id, title, kind, source_id, added_at FROM documents WHERE id = ?",
                    (doc_id,),
                ).lastrowid
                pages = con.execute(
                    "SELECT id FROM pages WHERE document_id = ? ORDER BY position", (doc_id,)
                ).fetchall()
                for (page_id,) in pages:
                    copy = con.execute(
                        "INSERT INTO pages(document_id, position, source_id, source_index, width,"
                        " height, rotation, thumbnail) SELECT ?, position, source_id, "
                        "source_index, width, height, rotation, thumbnail FROM pages WHERE id = ?",
                        (new, page_id),
                    ).lastrowid
                    con.execute(
                        "INSERT INTO renditions SELECT ?, enabled, corners, settings, mode, mime,"
                        " data, width, height, thumbnail, orig_width, orig_height, "
                        "orig_thumbnail FROM renditions WHERE page_id = ?",
                        (copy, page_id),
                    )


# -- the parent -----------------------------------------------------------------------------


def bench_photo() -> None:
    from pdorganizer.ingest import images
    from pdorganizer.scan import synthetic
    from pdorganizer.scan.clean import clean

    shot = synthetic.photo(4000, 3000, seed=7, tilt=11.0)
    data = synthetic.jpeg_bytes(shot.image, quality=90)
    decode, cleanup = [], []
    for _ in range(5):
        t = time.perf_counter()
        with images.guarded():  # decoded upright, as import decodes a photo
            rgb = images.flatten(images.open_image(data)).convert("RGB")
        decode.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = clean(rgb)
        cleanup.append(time.perf_counter() - t)
    assert result.corners is not None
    print(
        f"clean-up of a 12 MP photo, one core: {sorted(cleanup)[2] * 1000:4.0f} ms median "
        f"(goal < 400 ms); baseline, decoding that JPEG: {sorted(decode)[2] * 1000:4.0f} ms",
        flush=True,
    )


def _truth(paths: list[str], db: str, cleaned: bool) -> dict[int, object]:
    """Packet page index -> the flat page a text page shows (photos and scans)."""
    from PIL import Image

    from pdorganizer.export.service import ExportOptions, layout_packet
    from pdorganizer.scan import synthetic
    from pdorganizer.vault import Vault

    by_name = {}
    for path in paths:
        name = Path(path).name
        if name.startswith("IMG_") and cleaned:
            seed = int(name[4:8]) - 1000
            by_name[name] = synthetic.text_page(seed=seed)
        elif name.startswith("scan_"):
            with Image.open(path) as im:
                by_name[name] = im.convert("L")
    truth = {}
    with Vault.open(Path(db), PASS) as vault:
        case = vault.cases.list()[0]
        _data, planned_pages, _style = layout_packet(
            vault, case.id, ExportOptions(quality="compact")
        )
        for planned in planned_pages:
            if planned.kind != "doc" or planned.page is None:
                continue
            source = vault.documents.source(planned.page.source_id)
            if source.original_name in by_name:
                truth[planned.index] = by_name[source.original_name]
    return truth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep everything")
    parser.add_argument("--quick", action="store_true", help="a tenth of the reference case")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "import":
            out = child_import(json.loads(Path(rest[0]).read_text()), rest[1], rest[2])
        else:
            out = child_export(rest[0], rest[1])
        print(json.dumps(out))
        return 0

    work = Path(args.keep or tempfile.mkdtemp(prefix="pdo-bench-clean-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        bench_photo()
        scale = 10 if args.quick else 1
        paths = generate(work, 60 // scale, 20 // scale, 20 // scale)
        listing = work / "paths.json"
        listing.write_text(json.dumps(paths))
        dbs = {}
        for clean in ("off", "auto"):
            dbs[clean] = str(work / f"import-{clean}.pdvault")
            dbs[clean + "_r"] = _child("import", str(listing), dbs[clean], clean)
        off, auto = dbs["off_r"], dbs["auto_r"]
        print(
            f"import with clean-up: {auto['wall']:6.1f} s; baseline --clean off: "
            f"{off['wall']:6.1f} s  ({auto['wall'] / off['wall']:.2f}x, goal < 2x)",
            flush=True,
        )
        exports = {}
        for clean in ("off", "auto"):
            exports[clean] = _child("export", dbs[clean], str(work / f"packet-{clean}" / "p.pdf"))
            r = exports[clean]
            parts = " + ".join(f"{b / MB:.1f}" for b in r["parts"])
            label = "compact, cleaned" if clean == "auto" else "compact, baseline (off)"
            print(
                f"{label:24} {sum(r['parts']) / MB:6.1f} MB in {len(r['parts'])} file(s) "
                f"[{parts} MB], {r['pages']} pages, {r['wall']:5.1f} s, "
                f"peak RSS {r['peak_rss_mb']:4.0f} MB",
                flush=True,
            )
        for clean in ("off", "auto"):
            truth = _truth(paths, dbs[clean], clean == "auto")
            label = "cleaned photos + scans" if clean == "auto" else "scans only (baseline)"
            score = legibility(exports[clean]["files"], truth)
            print(
                f"SSIM at {DPI} DPI, text pages, {label}: {score:.3f} over {len(truth)} pages",
                flush=True,
            )
        pages = exports["auto"]["pages"]
        times = max(2, round(3000 / max(1, pages)))
        big = str(work / "big.pdvault")
        grow(dbs["auto"], big, times)
        many = _child("export", big, str(work / "packet-big" / "p.pdf"))
        print(
            f"export peak RSS: {many['pages']} pages {many['peak_rss_mb']:.0f} MB vs "
            f"{pages} pages {exports['auto']['peak_rss_mb']:.0f} MB "
            f"(+{many['peak_rss_mb'] - exports['auto']['peak_rss_mb']:.0f} MB, goal within "
            f"100 MB); {many['wall']:.0f} s",
            flush=True,
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
