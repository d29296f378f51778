"""Progress reporting and cancellation shared by long jobs (import, export).

Services take a `Progress` and call `step()`; the CLI draws it on a terminal, the GUI
forwards it to a progress bar through a signal. `cancel()` may be called from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from pdorganizer.core.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]


class Progress:
    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancelled = threading.Event()
        self.done = 0
        self.total = 0

    def start(self, total: int, label: str = "") -> None:
        self.total = total
        self.done = 0
        self._emit(label)

    def step(self, label: str = "", amount: int = 1) -> None:
        self.check()
        self.done += amount
        self._emit(label)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if someone asked to stop; call between units of work."""
        if self._cancelled.is_set():
            raise Cancelled()

    def _emit(self, label: str) -> None:
        if self._callback is not None:
            self._callback(self.done, self.total, label)
