"""ui/worker.py: outcomes and callbacks reach the GUI thread, and whatever the GUI owns is
released there too (an object destroyed on a worker thread races the GUI: "double free")."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from pdorganizer.core.progress import Progress
from pdorganizer.ui.worker import run_task, running_tasks, wait_for_all


class _Tracked:
    """Notes the thread that destroys it."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_outcomes_arguments_and_callbacks_are_released_on_the_gui_thread(qtbot) -> None:
    gui = threading.current_thread().name
    seen: list[str] = []
    delivered: list[str] = []

    def make(arg: _Tracked) -> _Tracked:
        return _Tracked(seen)

    for _ in range(40):
        owner = QObject()  # a callback's object, as a widget's bound method would hold
        owner.tracked = _Tracked(seen)  # type: ignore[attr-defined]
        run_task(
            make,
            _Tracked(seen),
            on_result=lambda value, o=owner: delivered.append(threading.current_thread().name),
        )
        del owner
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)
    wait_for_all()
    qtbot.wait(20)
    assert delivered == [gui] * 40
    assert len(seen) == 120  # argument, result and the callback's object of each task
    assert set(seen) == {gui}


def test_progress_errors_and_cancel(qtbot) -> None:
    steps: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    finished: list[bool] = []

    def job(progress: Progress) -> None:
        progress.start(3)
        for _ in range(3):
            progress.step()
        raise ValueError("late")

    run_task(
        job,
        on_progress=lambda d, t, _label: steps.append((d, t)),
        on_error=errors.append,
        on_finished=lambda: finished.append(True),
    )
    gate = threading.Event()

    def blocked(progress: Progress) -> None:
        gate.wait(10)
        progress.check()

    late: list[object] = []
    task = run_task(blocked, on_progress=lambda *a: late.append(a), on_error=late.append)
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [type(e) for e in errors] == [ValueError]
    assert finished == [True]
    assert late == []  # a cancelled task delivers nothing, not even its Cancelled


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(qtbot) -> None:
    import gc

    gui = threading.current_thread().name
    seen: list[str] = []
    assert not gc.isenabled()  # conftest installs GuiThreadCollector, as the app does

    class Cycle:
        def __init__(self) -> None:
            self.me = self
            self.tracked = _Tracked(seen)

    for _ in range(1000):  # over the threshold of the youngest generation
        Cycle()

    def churn() -> int:  # allocations on a worker would trip the automatic collector
        return len([[i] for i in range(200000)])

    run_task(churn)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)
    qtbot.waitUntil(lambda: len(seen) == 1000, timeout=10000)  # the timer's collection
    assert set(seen) == {gui}
