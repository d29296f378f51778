"""Does the window stay responsive? Event-loop stalls during work, against idle.

    .venv/bin/python benchmarks/bench_ui.py [--files 100] [--docs 3000]

Offscreen, with the real main window and a CHEAP_PARAMS vault:
1. import: a 10 ms timer runs on the GUI thread while the window imports N generated
   photos (1600x1200 JPEG) through `import_paths`; the longest gap between ticks and the
   99th percentile are compared with the same timer on an idle loop for as long.
   Goal: the longest stall during import < 100 ms (a person notices ~100 ms).
2. scrolling: a case with M documents (sharing one small thumbnail) in the pictures
   grid; the view scrolls from top to bottom page by page while thumbnails load lazily.
   Reports the time to load the case and the longest single scroll step.
   Goal: loading < 1 s and no scroll step > 100 ms for 3000 documents.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.worker import running_tasks, wait_for_all
from pdorganizer.vault import CHEAP_PARAMS, Vault
from pdorganizer.vault.repos import NewPage, NewSource


class TickMeter:
    """Records gaps between 10 ms timer ticks on the GUI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart())

    def summary(self) -> tuple[float, float]:
        gaps = sorted(self.gaps) or [0.0]
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        return max(gaps), p99


def photos(folder: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        im = Image.new("RGB", (1600, 1200), (250 - i % 50, 245, 235))
        d = ImageDraw.Draw(im)
        for y in range(80, 1150, 40):
            d.line([(80, y), (1500 - (i * 31 + y) % 400, y)], fill=(90, 90, 90), width=8)
        path = folder / f"photo_{i:03d}.jpg"
        im.save(path, quality=85)
        paths.append(str(path))
    return paths


def run_loop(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)


def bench_import(app: QApplication, work: Path, n: int) -> None:
    settings = AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, CHEAP_PARAMS)
    window.show()
    vault = Vault.create(work / "import.pdvault", "x" * 12, CHEAP_PARAMS)
    vault.cases.add("Benchmark")
    window.open_vault(vault)
    paths = photos(work, n)
    meter = TickMeter()
    start = time.monotonic()
    meter.start()
    window.import_paths(paths, as_one=False)
    while window.job is not None:
        app.processEvents()
        time.sleep(0.001)
    busy_s = time.monotonic() - start
    meter.stop()
    busy_max, busy_p99 = meter.summary()
    meter.start()
    run_loop(app, min(busy_s, 5.0))
    meter.stop()
    idle_max, idle_p99 = meter.summary()
    print(f"import of {n} photos: {busy_s:.1f} s, {window.workspace.doc_model.rowCount()} docs")
    print(f"  GUI stall  busy: max {busy_max:.0f} ms, p99 {busy_p99:.0f} ms")
    print(f"             idle: max {idle_max:.0f} ms, p99 {idle_p99:.0f} ms")
    print(f"  ratio busy/idle max: {busy_max / max(idle_max, 1):.1f}x  (goal: max < 100 ms)")
    window.shutdown()
    window.close()


def bench_scroll(app: QApplication, work: Path, m: int) -> None:
    vault = Vault.create(work / "scroll.pdvault", "x" * 12, CHEAP_PARAMS)
    case = vault.cases.add("Many documents")
    thumb = io.BytesIO()
    Image.new("RGB", (200, 256), "white").save(thumb, "JPEG")
    with vault.transaction():
        for i in range(m):
            vault.documents.add(
                case.id,
                f"Document {i}",
                [NewSource(b"x", f"{i:064d}", "image/jpeg")],
                [NewPage(0, 0, 612, 792, thumbnail=thumb.getvalue())],
            )
    settings = AppSettings(QSettings(str(work / "s2.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, CHEAP_PARAMS)
    window.resize(1280, 800)
    window.show()
    t0 = time.monotonic()
    window.open_vault(vault)
    app.processEvents()
    load_s = time.monotonic() - t0
    ws = window.workspace
    ws.set_view_mode(1)
    bar = ws.doc_grid.verticalScrollBar()
    steps = []
    while bar.value() < bar.maximum():
        t = time.monotonic()
        bar.setValue(bar.value() + bar.pageStep())
        ws.doc_grid.viewport().repaint()
        app.processEvents()
        steps.append((time.monotonic() - t) * 1000)
    wait_for_all()
    app.processEvents()
    print(
        f"case with {m} documents: loaded in {load_s * 1000:.0f} ms; "
        f"{len(steps)} scroll steps, longest {max(steps or [0]):.0f} ms, "
        f"median {statistics.median(steps or [0]):.0f} ms; "
        f"{len(ws.thumbnails)} thumbnails in memory, {running_tasks()} tasks left"
    )
    window.shutdown()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--docs", type=int, default=3000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="pdorganizer-bench-ui-") as tmp:
        bench_import(app, Path(tmp), args.files)
        bench_scroll(app, Path(tmp), args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
