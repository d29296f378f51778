"""Python's cycle collector runs on whichever thread happens to allocate when a threshold
trips, often a worker in the middle of an import or export. Garbage it finds there may hold
Qt objects (a closed dialog, a widget's bound-method connections): destroying those off
the GUI thread races the GUI and can crash the process. So the GUI turns automatic
collection off and collects on its own thread from a timer, by the same thresholds."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer.start()

    def check(self) -> int:
        """Collect the generations the automatic collector would have (returns which, -1
        for none)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for gen in (2, 1, 0):
            if thresholds[gen] and counts[gen] > thresholds[gen]:
                generation = gen
                break
        if generation >= 0:
            gc.collect(generation)
        return generation

    def stop(self) -> None:
        self.timer.stop()
        if self.was_enabled:
            gc.enable()


_collector: GuiThreadCollector | None = None


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install once, on the GUI thread, right after the QApplication exists."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
