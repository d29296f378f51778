"""PySide6 6.12 on Python 3.11 loses a reference to True on every Python-side emit; our
emits must not: thousands of signals (a long session) keep True's count steady."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from pdorganizer.ui.qtcompat import emit
from pdorganizer.ui.worker import run_task, wait_for_all


class _Source(QObject):
    ping = Signal(int)


def test_emit_keeps_true_alive():
    source = _Source()
    got = []
    source.ping.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(5000):  # more than True's whole count at start-up
        emit(source.ping, i)
    assert len(got) == 5000
    assert abs(sys.getrefcount(True) - before) < 50


def test_many_worker_tasks_keep_true_alive(qtbot):
    results = []
    before = sys.getrefcount(True)
    for i in range(400):  # each task emits four times, and each hop four more
        run_task(lambda x: x, i, on_result=results.append)
    qtbot.waitUntil(lambda: len(results) == 400, timeout=20000)
    wait_for_all()
    qtbot.wait(20)
    assert abs(sys.getrefcount(True) - before) < 50


def test_none_cannot_run_out():
    from pdorganizer.ui import qtcompat

    if qtcompat.NONE_STOLEN:  # this PySide6 takes a None reference per Python call
        assert sys.getrefcount(None) > qtcompat.PIN
        assert sys.getrefcount(True) > qtcompat.PIN
    else:
        assert sys.version_info >= (3, 12) or sys.getrefcount(None) < qtcompat.PIN
