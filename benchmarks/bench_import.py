"""Import speed and memory against a plain-SQLite baseline, on a generated input set.

    .venv/bin/python benchmarks/bench_import.py [--workers N] [--keep DIR]

Input (generated, in a temp folder): 60 phone photos (3000x4000 JPEG, noisy, ~2.5 MB,
every third with EXIF orientation 6), 20 grayscale PNG scans (2550x3300), 20 PDFs of 1 to
5 pages. Each measurement runs in a fresh child process so its peak RSS is its own:
- baseline: the same bytes copied into a plain sqlite3 database, one commit per file;
- import: `import_files` into a fresh vault (thumbnails and all), one case;
- the import of twice as many files (same pictures, distinct bytes): memory stays flat.
Goal on the 2-core reference machine: the whole set in < 5 s, peak RSS < 300 MB.
The vault uses the cheap test KDF: key derivation is not what is measured here.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 5.0
GOAL_RSS_MB = 300.0


# -- input set --------------------------------------------------------------------------


def _with_comment(jpeg: bytes, text: bytes) -> bytes:
    """A distinct file (distinct SHA-256) of the same picture: a COM segment after SOI."""
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + jpeg[2:]


def _with_text_chunk(png: bytes, text: bytes) -> bytes:
    body = b"tEXt" + b"Comment\x00" + text
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    return png[:33] + chunk + png[33:]  # after the signature and IHDR


def _photo(seed: int, orientation: int | None) -> bytes:
    from tests.ingest_samples import jpeg

    # amount/quality tuned so a 3000x4000 photo is about 2.5 MB, like a phone's
    return jpeg(orientation, size=(3000, 4000), noisy=True, seed=seed, quality=80, noise=0.12)


def _scan(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    im = Image.new("L", (2550, 3300), 250)
    draw = ImageDraw.Draw(im)
    for line in range(60):  # lines of "text": dark blocks of random words
        y = 300 + line * 45
        x = 250
        while x < 2200:
            w = rng.randint(40, 220)
            draw.rectangle((x, y, x + w, y + 22), fill=rng.randint(10, 60))
            x += w + rng.randint(15, 30)
    noise = Image.frombytes("L", im.size, rng.randbytes(im.width * im.height))
    im = Image.blend(im, noise, 0.03)
    out = io.BytesIO()
    im.save(out, "PNG", dpi=(300, 300), compress_level=6)
    return out.getvalue()


def _pdf(seed: int, pages: int) -> bytes:
    from PIL import Image

    from tests.ingest_samples import noisy_image, pdf

    if seed % 2:  # a born-digital PDF: vector pages, mixed sizes and /Rotate
        sizes = [(612, 792, 0), (595.28, 841.89, 0), (792, 612, 0), (612, 792, 90)]
        data = pdf([sizes[(seed + i) % 4] for i in range(pages)])
        return data.replace(b"Agency Clerk", f"Clerk {seed:06d}".encode())
    frames = [noisy_image((1275, 1650), "L", seed=seed * 10 + i, amount=0.1) for i in range(pages)]
    out = io.BytesIO()
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=150)
    del Image
    return out.getvalue()


def generate(folder: Path, copies: int = 2) -> list[list[str]]:
    """`copies` sets of 100 distinct files (the same pictures, distinct bytes)."""
    started = time.perf_counter()
    photos = [_photo(seed, 6 if seed % 3 == 0 else None) for seed in range(6)]
    scans = [_scan(seed) for seed in range(2)]
    sets = []
    for copy in range(copies):
        paths = []
        for i in range(60):
            data = _with_comment(photos[i % 6], f"bench photo {copy}-{i}".encode())
            paths.append(_write(folder, f"IMG_{copy}{1000 + i}.jpg", data))
        for i in range(20):
            data = _with_text_chunk(scans[i % 2], f"bench scan {copy}-{i}".encode())
            paths.append(_write(folder, f"scan_{copy}{i:02d}.png", data))
        for i in range(20):
            seed = copy * 20 + i
            paths.append(_write(folder, f"letter_{copy}{i:02d}.pdf", _pdf(seed, 1 + i % 5)))
        random.Random(copy).shuffle(paths)
        sets.append(paths)
    size = sum(os.path.getsize(p) for p in sets[0]) / 1e6
    print(
        f"input: {len(sets[0])} files, {size:.0f} MB "
        f"(photo ~{len(photos[0]) / 1e6:.1f} MB, scan ~{len(scans[0]) / 1e6:.1f} MB), "
        f"generated in {time.perf_counter() - started:.1f} s"
    )
    return sets


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


# -- measurements (child processes) -----------------------------------------------------


def child_baseline(paths: list[str], db: str) -> dict:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT, data BLOB)")
    started = time.perf_counter()
    for path in paths:
        data = Path(path).read_bytes()
        con.execute("BEGIN")
        con.execute("INSERT INTO files(name, data) VALUES (?, ?)", (os.path.basename(path), data))
        con.execute("COMMIT")
    wall = time.perf_counter() - started
    con.close()
    return {"wall": wall}


def child_import(paths: list[str], db: str, workers: int, clean: str = "auto") -> dict:
    from pdorganizer.ingest.service import ImportOptions, import_files
    from pdorganizer.vault import CHEAP_PARAMS, Vault

    vault = Vault.create(db, "benchmark passphrase", CHEAP_PARAMS)
    case = vault.cases.add("Benchmark")
    started = time.perf_counter()
    results = import_files(vault, case.id, paths, ImportOptions(workers=workers, clean=clean))
    wall = time.perf_counter() - started
    vault.close()
    failed = [r for r in results if r.status != "imported"]
    pages = sum(r.pages for r in results)
    return {"wall": wall, "pages": pages, "failed": len(failed)}


def peak_rss_mb() -> float:
    """This process's own high-water RSS (ru_maxrss would include the parent's, as Linux
    carries it over fork and exec)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_child(mode: str, paths: list[str], db: Path, workers: int, clean: str = "auto") -> dict:
    args = [sys.executable, __file__, "--child", mode, "--db", str(db)]
    args += ["--workers", str(workers), "--clean", clean, *paths]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=0, help="decode threads (0: default)")
    parser.add_argument("--keep", metavar="DIR", help="generate the input into DIR and keep it")
    parser.add_argument(
        "--clean", choices=("auto", "off"), default="auto", help="photo clean-up (as import)"
    )
    parser.add_argument("--child", choices=("baseline", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "baseline":
            result = child_baseline(args.paths, args.db)
        else:
            result = child_import(args.paths, args.db, args.workers, args.clean)
        result["peak_rss_mb"] = peak_rss_mb()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["cpu"] = usage.ru_utime + usage.ru_stime
        print(json.dumps(result))
        return 0

    from pdorganizer.ingest.pipeline import default_workers

    workers = args.workers or default_workers()
    with tempfile.TemporaryDirectory(prefix="pdo-bench-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp) / "input"
        folder.mkdir(parents=True, exist_ok=True)
        sets = generate(folder)
        paths = sets[0]
        os.sync()  # flush the generated files now, not during the timed writes
        load_before = os.getloadavg()[0]
        base = _run_child("baseline", paths, Path(tmp) / "plain.sqlite", workers)
        full = _run_child("import", paths, Path(tmp) / "full.pdvault", workers, args.clean)
        double = _run_child(
            "import", sets[0] + sets[1], Path(tmp) / "double.pdvault", workers, args.clean
        )
        load_after = os.getloadavg()[0]
    print(
        f"cpus: {os.cpu_count()}, decode workers: {workers}, load average (1 min) "
        f"{load_before:.1f} before, {load_after:.1f} after (other processes slow it down)"
    )
    rss = base["peak_rss_mb"]
    print(f"baseline (plain sqlite3 copy):  {base['wall']:6.2f} s   peak RSS {rss:5.0f} MB")
    print(
        f"  (CPU time of the whole child process: baseline {base['cpu']:.2f} s, "
        f"import {full['cpu']:.2f} s)"
    )
    print(
        f"import into vault, thumbnails: {full['wall']:6.2f} s   peak RSS "
        f"{full['peak_rss_mb']:5.0f} MB   ({full['pages']} pages, {full['failed']} not imported)"
    )
    print(f"ratio import / baseline: {full['wall'] / base['wall']:.1f}x")
    print(
        f"memory flatness: 100 files {full['peak_rss_mb']:.0f} MB, "
        f"200 files {double['peak_rss_mb']:.0f} MB peak RSS ({double['wall']:.2f} s)"
    )
    ok = full["wall"] < GOAL_SECONDS and full["peak_rss_mb"] < GOAL_RSS_MB and not full["failed"]
    print(f"goal (< {GOAL_SECONDS:g} s, < {GOAL_RSS_MB:g} MB): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
