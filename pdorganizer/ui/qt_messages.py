"""Qt's own messages (warnings about plugins, fonts, sizes...) never reach the terminal.

Qt writes them to file descriptor 2, which core.quiet points at /dev/null in the real
process; this handler also keeps them away when it is not. Only a fatal one is shown, as
one line, because the window will not open and the person needs to know why (typically:
no display, or a missing system library for the platform plugin).
"""

from __future__ import annotations

import collections
import faulthandler
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_recent: collections.deque[str] = collections.deque(maxlen=3)


def _handle(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    first = (message or "").strip().splitlines()[:1]
    if kind != QtMsgType.QtFatalMsg:
        if first and kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg):
            _recent.append(first[0])
        return
    reason = "; ".join([*_recent, *first])
    faulthandler.disable()  # explained here: no Python stack dump after Qt aborts
    print(f"pdorganizer: the window could not be opened ({reason})", file=sys.stderr, flush=True)


def route_qt_messages() -> None:
    qInstallMessageHandler(_handle)
