"""Ctrl+C (or a polite kill) in the terminal that started the app: lock, then quit.

Python runs its signal handlers only between bytecodes, and while Qt's event loop waits
no Python code runs, so a KeyboardInterrupt would surface later inside whatever Python
callback Qt happens to call (the idle watcher's event filter) and the app would go on.
Instead our handler posts the quit to the event loop, and a short timer gives Python a
chance to run it.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer

_WAKE_MS = 200


def quit_on_signals(app: QCoreApplication, before_quit: Callable[[], None]) -> QTimer:
    """Install handlers for SIGINT (and SIGTERM where there is one) that call
    `before_quit` (lock the vault) and leave the event loop. Returns the wake-up timer."""

    def on_signal(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_now)

    def quit_now() -> None:
        try:
            before_quit()
        finally:
            app.quit()

    signal.signal(signal.SIGINT, on_signal)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, on_signal)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)  # lets the interpreter look at pending signals
    timer.start(_WAKE_MS)
    return timer
