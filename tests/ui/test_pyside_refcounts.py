"""PySide6 6.12.0 on Python 3.11 loses a reference to True on every Python-side emit and
to None on every Python callable Qt calls; a session then aborts ("bool_dealloc") after a
few hundred signals. pyproject pins a PySide6 without the bug: these tests fail on one
that has it, so an upgrade cannot bring it back unnoticed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from pdorganizer.ui.worker import run_task, wait_for_all


class _Source(QObject):
    ping = Signal(int)


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: object = None) -> int:
        return 1

    def data(self, index: object, role: int = 0) -> None:
        return None


def test_emit_keeps_true_alive() -> None:
    source = _Source()
    got: list[int] = []
    source.ping.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(300):  # fewer than True's count at start-up: a leak shows, no abort
        source.ping.emit(i)
    assert len(got) == 300
    assert abs(sys.getrefcount(True) - before) < 50


def test_python_callbacks_keep_none_alive() -> None:
    model = _NoneModel()
    index = model.index(0, 0, QModelIndex())
    before = sys.getrefcount(None)
    for _ in range(300):
        index.data(Qt.ItemDataRole.ToolTipRole)
    assert abs(sys.getrefcount(None) - before) < 50


def test_many_worker_tasks_keep_true_alive(qtbot) -> None:
    results: list[int] = []
    before = sys.getrefcount(True)
    for i in range(100):  # each task emits several times
        run_task(lambda x: x, i, on_result=results.append)
    qtbot.waitUntil(lambda: len(results) == 100, timeout=20000)
    wait_for_all()
    qtbot.wait(20)
    assert abs(sys.getrefcount(True) - before) < 50
