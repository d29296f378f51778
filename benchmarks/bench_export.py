"""Export speed, memory and size against the pipeline a power user would script.

    .venv/bin/python benchmarks/bench_export.py [--keep DIR]             # speed and size
    .venv/bin/python benchmarks/bench_export.py --pages 250,3000 [--quality compact,original]

Needs, for the baseline only (not project dependencies): `pip install img2pdf pikepdf`
and the `qpdf` command.

Input: the intake benchmark's reference set (bench_import.generate: 60 phone photos
3000x4000 ~2.5 MB, every third with EXIF orientation 6; 20 grayscale PNG scans
2550x3300; 20 PDFs of 1-5 pages), imported into one vault case. Each measurement runs in
a fresh process so its peak RSS is its own.

Speed (default), two comparisons in the same run:
- whole commands, as a person runs them (process start-up and key derivation included;
  the vault has the real Argon2 parameters): `pdorganizer export VAULT --quality
  original` against `img2pdf IMAGES -o images.pdf` (one call for every image),
  `qpdf --empty --pages ...` (images and PDFs in the packet's order) and a Python script
  that overlays page numbers with pikepdf (drawn with reportlab);
- in-process (a cheap-KDF vault, `export_packet` timed inside the process, against the
  same pipeline as library calls), as this benchmark measured before.
  Our export does more: cover, index, slip sheets, outline, labels, split at 25 MB,
  verification (re-reads every file), manifest, fsync.
Memory (`--pages`): the same case grown to about each page count (the documents repeated:
new document and page rows over the same stored files), exported in a fresh process per
size; peak RSS side by side and the difference. The vault uses the cheap KDF here: the
real one's 256 MiB is paid once by every command that opens a vault, whatever it does.
Goals on the 2-core reference machine: original whole command <= 1.0x the baseline's;
compact < 8 s with every part < 25 MB; peak RSS < 200 MB + 1.2 x the output size; a
3,000-page export within 100 MB of a 250-page one.
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
import shutil
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


def build_vault(paths: list[str], db: Path, real_kdf: bool = False) -> int:
    """Import the set (the intake service; direct inserts if it is not available)."""
    from pdorganizer.vault import CHEAP_PARAMS, DEFAULT_PARAMS, Vault

    vault = Vault.create(db, PASS, DEFAULT_PARAMS if real_kdf else CHEAP_PARAMS)
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


OVERLAY_SCRIPT = """
import io, sys
import pikepdf
from reportlab.pdfgen.canvas import Canvas

pdf = pikepdf.open(sys.argv[1])
numbers = io.BytesIO()
c = Canvas(numbers, pagesize=(612, 792))
for n in range(1, len(pdf.pages) + 1):
    c.setFont("Helvetica", 10)
    c.drawCentredString(306, 20, str(n))
    c.showPage()
c.save()
stamps = pikepdf.open(io.BytesIO(numbers.getvalue()))
for page, stamp in zip(pdf.pages, stamps.pages):
    page.add_overlay(stamp)
pdf.save(sys.argv[2])
"""


def _command(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Run one whole command; its wall time, CPU time and peak RSS. Started from a small
    helper process: a child's ru_maxrss starts at its parent's RSS when it was forked,
    and this benchmark's own process holds hundreds of MB after building the vaults."""
    helper = [sys.executable, __file__, "--child", "command", *cmd]
    done = subprocess.run(helper, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_command(cmd: list[str]) -> dict:
    """(In the helper) run `cmd`: os.wait4 gives its own CPU time and peak RSS."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            sys.exit(f"{cmd[0]} failed:\n{err.read().decode(errors='replace')[-3000:]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def _sum(steps: list[dict]) -> dict:
    return {
        "wall": sum(r["wall"] for r in steps),
        "cpu": sum(r["cpu"] for r in steps),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in steps),
    }


def whole_baseline(paths: list[str], work: Path) -> dict:
    """img2pdf (one call for every image), qpdf --empty --pages in packet order, a pikepdf
    overlay of page numbers: three commands, as a script would run them."""
    bin_dir = Path(sys.executable).parent
    images = [p for p in paths if not p.endswith(".pdf")]
    order: list[str] = []  # qpdf page selection: runs of images.pdf pages and whole PDFs
    image_pdf = str(work / "images.pdf")
    n = 0
    for path in paths:
        if path.endswith(".pdf"):
            order.append(path)
            continue
        n += 1
        if len(order) >= 2 and order[-2] == image_pdf:
            order[-1] = f"{order[-1].split('-')[0]}-{n}"
        else:
            order += [image_pdf, str(n)]
    script = work / "overlay.py"
    script.write_text(OVERLAY_SCRIPT, encoding="utf-8")
    merged, out = work / "merged.pdf", work / "baseline-whole.pdf"
    steps = [
        _command([str(bin_dir / "img2pdf"), "--rotation=ifvalid", *images, "-o", image_pdf]),
        _command(["qpdf", "--empty", "--pages", *order, "--", str(merged)]),
        _command([sys.executable, str(script), str(merged), str(out)]),
    ]
    result = _sum(steps)
    result["steps"] = [round(r["wall"], 2) for r in steps]
    result["bytes"] = out.stat().st_size
    return result


def whole_export(db: Path, out: Path, quality: str) -> dict:
    """`pdorganizer export` as a person types it (passphrase from the environment)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PDORGANIZER_PASSPHRASE=PASS)
    exe = str(Path(sys.executable).parent / "pdorganizer")
    cmd = [exe, "export", str(db), "--case", "1", "-o", str(out), "--quality", quality]
    result = _command(cmd, env)
    result["bytes"] = sum(f.stat().st_size for f in out.parent.glob("*.pdf"))
    return result


def grow(src: Path, dst: Path, times: int) -> None:
    """A copy of vault `src` whose case holds every document `times` times (the same
    stored files, new document and page rows)."""
    from pdorganizer.vault import Vault

    shutil.copyfile(src, dst)
    with Vault.open(dst, PASS) as vault, vault.transaction() as con:
        docs = [row[0] for row in con.execute("SELECT id FROM documents ORDER BY id")]
        for _ in range(times - 1):
            for doc_id in docs:
                new = con.execute(
                    "INSERT INTO documents(case_id, title, kind, source_id, added_at) "
                    "SELECT case_id, title, kind, source_id, added_at FROM documents "
                    "WHERE id = ?",
                    (doc_id,),
                ).lastrowid
                con.execute(
                    "INSERT INTO document_factors SELECT ?, factor_id FROM document_factors "
                    "WHERE document_id = ?",
                    (new, doc_id),
                )
                con.execute(
                    "INSERT INTO pages(document_id, position, source_id, source_index, width,"
                    " height, rotation) SELECT ?, position, source_id, source_index, width, "
                    "height, rotation FROM pages WHERE document_id = ?",
                    (new, doc_id),
                )


def memory(paths: list[str], work: Path, sizes: list[int], qualities: list[str]) -> int:
    db = work / "bench.pdvault"
    if db.exists():
        db.unlink()
    build_vault(paths, db)
    probe = _run_child("pages", str(db))["pages"]  # packet pages of one copy
    print(f"one copy of the case: {probe} packet pages", flush=True)
    ok = True
    for quality in qualities:
        results = []
        for size in sizes:
            times = max(1, round(size / probe))
            grown = work / f"grown-{times}.pdvault"
            if times == 1:
                grown = db
            elif not grown.exists():
                grow(db, grown, times)
            out = work / f"memory-{quality}-{times}" / "packet.pdf"
            if out.parent.exists():
                shutil.rmtree(out.parent)
            results.append(_run_child(quality, str(grown), str(out)))
            r = results[-1]
            print(
                f"{quality:8} {r['pages']:5} pages: peak RSS {r['peak_rss_mb']:5.0f} MB, "
                f"{r['wall']:6.1f} s, {len(r['parts'])} files",
                flush=True,
            )
        low, high = results[0], results[-1]
        diff = high["peak_rss_mb"] - low["peak_rss_mb"]
        met = diff <= 100
        ok = ok and met
        print(
            f"{quality:8} peak RSS {high['pages']} vs {low['pages']} pages: "
            f"{high['peak_rss_mb']:.0f} MB vs {low['peak_rss_mb']:.0f} MB, "
            f"difference {diff:+.0f} MB (goal within 100 MB: {'met' if met else 'NOT met'})"
        )
    print(f"cpus: {os.cpu_count()}, load average now: {os.getloadavg()[0]:.1f}")
    return 0 if ok else 1


def child_pages(db: Path) -> dict:
    from pdorganizer.export.service import layout_packet
    from pdorganizer.vault import Vault

    with Vault.open(db, PASS) as vault:
        _data, pages, _style = layout_packet(vault, vault.cases.list()[0].id)
    return {"pages": len(pages)}


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


def _median(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]


def speed(paths: list[str], work: Path, runs: int) -> int:
    db = work / "bench.pdvault"
    real = work / "bench-real-kdf.pdvault"
    for path in (db, real):
        if path.exists():
            path.unlink()
    started = time.perf_counter()
    pages = build_vault(paths, db)
    build_vault(paths, real, real_kdf=True)
    print(f"vault: {pages} evidence pages, built in {time.perf_counter() - started:.1f} s (x2)")
    os.sync()
    # Whole commands first, alternating, `runs` times each: the median of each.
    base_runs, ours_runs = [], []
    for n in range(runs):
        folder = work / f"whole-{n}"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        base_runs.append(whole_baseline(paths, folder))
        ours_runs.append(whole_export(real, folder / "export" / "packet.pdf", "original"))
    whole_base, whole_ours = _median(base_runs), _median(ours_runs)
    base = _run_child("baseline", str(work / "baseline.pdf"), *paths)
    orig = _run_child("original", str(db), str(work / "original" / "packet.pdf"))
    comp = _run_child("compact", str(db), str(work / "compact" / "packet.pdf"))
    print(f"cpus: {os.cpu_count()}, load average now: {os.getloadavg()[0]:.1f}")
    print(f"whole commands (median of {runs}; process start and real Argon2 included):")
    steps = " + ".join(f"{w:.2f}" for w in whole_base["steps"])
    print(
        f"  {'baseline img2pdf, qpdf, pikepdf':34} {whole_base['wall']:6.2f} s ({steps}) "
        f"(CPU {whole_base['cpu']:5.2f} s)   peak RSS {whole_base['peak_rss_mb']:5.0f} MB   "
        f"output {whole_base['bytes'] / MB:6.1f} MB"
    )
    print(
        f"  {'pdorganizer export --quality original':34} {whole_ours['wall']:6.2f} s "
        f"(CPU {whole_ours['cpu']:5.2f} s)   peak RSS {whole_ours['peak_rss_mb']:5.0f} MB   "
        f"output {whole_ours['bytes'] / MB:6.1f} MB"
    )
    print(
        "  each run, baseline / ours: "
        + ", ".join(
            f"{b['wall']:.2f} / {o['wall']:.2f}" for b, o in zip(base_runs, ours_runs, strict=True)
        )
    )
    print("in-process (cheap-KDF vault, timed inside the process):")
    print("  " + _line("baseline (img2pdf+qpdf+pikepdf)", base))
    print("  " + _line("export original", orig))
    print("  " + _line("export compact", comp))
    whole_ratio = whole_ours["wall"] / whole_base["wall"]
    ratio = orig["wall"] / base["wall"]
    print(f"ratio original / baseline, whole commands: {whole_ratio:.2f}x (goal <= 1.0)")
    print(f"ratio original / baseline, in-process: {ratio:.2f}x")
    print(f"ratio compact / baseline time, in-process: {comp['wall'] / base['wall']:.2f}x")
    print(f"ratio compact / original size: {comp['bytes'] / orig['bytes']:.2f}x")
    ok = whole_ratio <= 1.0
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


def main() -> int:
    if sys.argv[1:3] == ["--child", "command"]:  # the command's own options follow
        print(json.dumps(child_command(sys.argv[3:])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep everything")
    parser.add_argument(
        "--pages", metavar="N,M", help="peak memory of exports of about N and M pages"
    )
    parser.add_argument(
        "--quality", default="compact,original", help="qualities for --pages (default both)"
    )
    parser.add_argument("--runs", type=int, default=3, help="whole-command runs (median)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, *rest = args.child
        if mode == "baseline":
            result = child_baseline(rest[1:], Path(rest[0]))
        elif mode == "pages":
            result = child_pages(Path(rest[0]))
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
        if args.pages:
            sizes = sorted(int(n) for n in args.pages.split(","))
            return memory(paths, work, sizes, args.quality.split(","))
        return speed(paths, work, args.runs)


if __name__ == "__main__":
    sys.exit(main())
