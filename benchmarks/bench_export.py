"""Export speed, memory and size against the pipeline a power user would script.

    .venv/bin/python benchmarks/bench_export.py [--keep DIR]

Needs, for the baseline only (not project dependencies): `pip install img2pdf pikepdf`
and the `qpdf` command.

Input: the intake benchmark's reference set (bench_import.generate: 60 phone photos
3000x4000 ~2.5 MB, every third with EXIF orientation 6; 20 grayscale PNG scans
2550x3300; 20 PDFs of 1-5 pages), imported into one vault case. Each measurement runs in
a fresh child process so its peak RSS is its own:
- baseline: img2pdf for each image, `qpdf --empty --pages` to merge, a pikepdf overlay
  of page numbers (drawn with reportlab), saved;
- export original / compact: `export_packet` from the vault (decrypting every source),
  with cover, index, slip sheets, outline, labels, split at 25 MB, verification, manifest.
Goals on the 2-core reference machine: original <= 1.0x the baseline's time; compact
< 8 s with every part < 25 MB; peak RSS < 200 MB + 1.2 x the output size.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import io
import json
import mimetypes
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PASS = "benchmark passphrase"
MB = 1024 * 1024


def build_vault(paths: list[str], db: Path) -> int:
    """Import the set (the intake service; direct inserts if it is not available)."""
    from pdorganizer.vault import CHEAP_PARAMS, Vault

    vault = Vault.create(db, PASS, CHEAP_PARAMS)
    case = vault.cases.add("Benchmark Ñúñez", a_number="A000-000-000")
    try:
        from pdorganizer.ingest.service import import_files

        results = import_files(vault, case.id, paths)
        assert all(r.status == "imported" for r in results)
    except NotImplementedError:  # pragma: no cover - before intake existed
        _direct(vault, case.id, paths)
    docs = vault.documents.list(case.id)
    factors = [f.id for f in vault.factors.taxonomy().factors][:6]
    for i, doc in enumerate(docs):  # tag them, so the index has factors and ordering
        vault.documents.tag(doc.id, [factors[i % len(factors)]])
    pages = sum(d.page_count for d in docs)
    vault.close()
    return pages


def _direct(vault, case_id: int, paths: list[str]) -> None:
    from PIL import Image
    from pypdf import PdfReader

    from pdorganizer.vault.repos import NewPage, NewSource

    for path in paths:
        data = Path(path).read_bytes()
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        src = NewSource(data, hashlib.sha256(data).hexdigest(), mime, "")
        if mime == "application/pdf":
            pages = []
            for i, p in enumerate(PdfReader(io.BytesIO(data)).pages):
                w, h = float(p.cropbox.width), float(p.cropbox.height)
                pages.append(NewPage(0, i, *((h, w) if p.rotation % 180 else (w, h))))
        else:
            im = Image.open(io.BytesIO(data))
            w, h = im.size
            if im.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                w, h = h, w
            dpi = max(max(w, h) / 11, min(w, h) / 8.5)
            pages = [NewPage(0, 0, w * 72 / dpi, h * 72 / dpi)]
        vault.documents.add(case_id, Path(path).stem, [src], pages)


def child_baseline(paths: list[str], out: Path) -> dict:
    import img2pdf
    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    started = time.perf_counter()
    work = out.parent / "baseline-parts"
    work.mkdir(exist_ok=True)
    pieces = []
    for i, path in enumerate(paths):
        if path.endswith(".pdf"):
            pieces.append(path)
            continue
        piece = work / f"{i:03d}.pdf"
        with open(path, "rb") as src, open(piece, "wb") as dst:
            dst.write(img2pdf.convert(src, rotation=img2pdf.Rotation.ifvalid))
        pieces.append(str(piece))
    merged = work / "merged.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", *pieces, "--", str(merged)], check=True)
    pdf = pikepdf.open(merged)
    numbers = io.BytesIO()
    c = Canvas(numbers, pagesize=(612, 792))
    for n in range(1, len(pdf.pages) + 1):
        c.setFont("Helvetica", 10)
        c.drawCentredString(306, 20, str(n))
        c.showPage()
    c.save()
    stamps = pikepdf.open(io.BytesIO(numbers.getvalue()))
    for page, stamp in zip(pdf.pages, stamps.pages, strict=True):
        page.add_overlay(stamp)
    pdf.save(out)
    wall = time.perf_counter() - started
    return {"wall": wall, "bytes": out.stat().st_size, "pages": len(pdf.pages), "parts": [1]}


def child_export(db: Path, out: Path, quality: str) -> dict:
    from pdorganizer.export.service import ExportOptions, export_packet
    from pdorganizer.vault import Vault

    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with Vault.open(db, PASS) as vault:
        case = vault.cases.list()[0]
        result = export_packet(vault, case.id, out, ExportOptions(quality=quality))
    wall = time.perf_counter() - started
    sizes = [os.path.getsize(f) for f in result.files]
    return {"wall": wall, "bytes": sum(sizes), "pages": result.page_count, "parts": sizes}


def peak_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _run_child(*args: str) -> dict:
    cmd = [sys.executable, __file__, "--child", *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{args[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _reference_set(generate, folder: Path) -> list[str]:
    """One set of the intake benchmark's 100 files (its generator may make several)."""
    extra = {"copies": 1} if "copies" in inspect.signature(generate).parameters else {}
    made = generate(folder, **extra)
    return made[0] if made and isinstance(made[0], list) else made


def _line(name: str, r: dict) -> str:
    parts = ", ".join(f"{b / MB:.1f}" for b in r["parts"]) if len(r["parts"]) > 1 else "1 file"
    return (
        f"{name:26} {r['wall']:6.2f} s (CPU {r['cpu']:5.2f} s)   "
        f"peak RSS {r['peak_rss_mb']:5.0f} MB   output {r['bytes'] / MB:6.1f} MB "
        f"({r['pages']} pages; parts MB: {parts})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep everything")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, *rest = args.child
        if mode == "baseline":
            result = child_baseline(rest[1:], Path(rest[0]))
        else:
            result = child_export(Path(rest[0]), Path(rest[1]), mode)
        result["peak_rss_mb"] = peak_rss_mb()
        cpu = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        result["cpu"] = sum(u.ru_utime + u.ru_stime for u in cpu)  # with qpdf, for the baseline
        print(json.dumps(result))
        return 0

    from bench_import import generate

    with tempfile.TemporaryDirectory(prefix="pdo-bench-export-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        (work / "input").mkdir(parents=True, exist_ok=True)
        paths = _reference_set(generate, work / "input")
        db = work / "bench.pdvault"
        if db.exists():
            db.unlink()
        started = time.perf_counter()
        pages = build_vault(paths, db)
        print(f"vault: {pages} evidence pages, built in {time.perf_counter() - started:.1f} s")
        os.sync()
        base = _run_child("baseline", str(work / "baseline.pdf"), *paths)
        orig = _run_child("original", str(db), str(work / "original" / "packet.pdf"))
        comp = _run_child("compact", str(db), str(work / "compact" / "packet.pdf"))
    print(f"cpus: {os.cpu_count()}, load average now: {os.getloadavg()[0]:.1f}")
    print(_line("baseline (img2pdf+qpdf+pikepdf)", base))
    print(_line("export original", orig))
    print(_line("export compact", comp))
    ratio = orig["wall"] / base["wall"]
    print(f"ratio original / baseline time: {ratio:.2f}x (goal <= 1.0)")
    print(f"ratio compact / baseline time: {comp['wall'] / base['wall']:.2f}x")
    print(f"ratio compact / original size: {comp['bytes'] / orig['bytes']:.2f}x")
    ok = ratio <= 1.0
    for name, r in (("original", orig), ("compact", comp)):
        allowed = 200 + 1.2 * r["bytes"] / MB
        mem_ok = r["peak_rss_mb"] < allowed
        print(f"memory {name}: {r['peak_rss_mb']:.0f} MB (goal < {allowed:.0f} MB) ", end="")
        print("met" if mem_ok else "NOT met")
        ok = ok and mem_ok
    comp_ok = comp["wall"] < 8.0 and max(comp["parts"]) < 25 * MB
    print(f"compact < 8 s, every part < 25 MB: {'met' if comp_ok else 'NOT met'}")
    ok = ok and comp_ok
    print(f"all goals: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
