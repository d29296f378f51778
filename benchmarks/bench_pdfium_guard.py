"""What the pdfium child (ingest/pdfium_guard) costs import: its start, and per file.

    .venv/bin/python benchmarks/bench_pdfium_guard.py

Thumbnails of generated PDFs (1 and 5 pages) rendered in this process (the jobs module
called directly, as import did before the guard) and through the warm child; the child's
cold start is the first call. The thumbnails must be byte-equal.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_ms(fn, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    from pdorganizer.ingest import pdfium_guard, pdfium_jobs
    from pdorganizer.ingest.imagefile import THUMB_MAX, THUMB_QUALITY
    from pdorganizer.ingest.pdfs import render_thumbnails
    from tests.ingest_samples import pdf

    files = {1: pdf(), 5: pdf([(612, 792, 0), (300, 400, 90)] * 2 + [(612, 792, 180)])}
    started = time.perf_counter()
    render_thumbnails(files[1], 1)
    print(f"child cold start + first 1-page file: {(time.perf_counter() - started) * 1000:.0f} ms")
    for pages, data in files.items():
        here = _median_ms(
            lambda d=data, n=pages: pdfium_jobs.thumbnails(d, n, THUMB_MAX, THUMB_QUALITY)
        )
        child = _median_ms(lambda d=data, n=pages: render_thumbnails(d, n))
        same = pdfium_jobs.thumbnails(data, pages, THUMB_MAX, THUMB_QUALITY) == (
            render_thumbnails(data, pages)
        )
        print(
            f"{pages}-page PDF ({len(data) // 1024} kB): in-process {here:.1f} ms,"
            f" warm child {child:.1f} ms (+{child - here:.1f} ms), byte-equal: {same}"
        )
    pdfium_guard.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
