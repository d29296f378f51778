"""Background work: run a function on a thread pool, deliver its outcome on the GUI thread.

Workers never touch widgets: they return plain values (or QImage, which is safe to build
off the GUI thread) and the GUI thread receives them through queued signals. A task can be
abandoned (`cancel()`): its Progress is cancelled and any late result is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from pdorganizer.core.progress import Progress

# Long jobs (import, export) run one at a time; short ones (unlock, thumbnails, previews)
# share a small pool so a long import never starves the preview.
_pools: dict[str, QThreadPool] = {}
_running: set[Task] = set()


def pool(kind: str = "light") -> QThreadPool:
    if kind not in _pools:
        p = QThreadPool()
        p.setMaxThreadCount(1 if kind == "heavy" else 2)
        _pools[kind] = p
    return _pools[kind]


class _Signals(QObject):
    """Lives on the GUI thread. The worker emits the `_raw` signals; explicit queued
    connections hop them to this object's thread, which re-emits the public ones, so
    callbacks (even lambdas) always run on the GUI thread."""

    result = Signal(object)
    error = Signal(object)
    progress = Signal(int, int, str)
    finished = Signal()
    _result_raw = Signal(object)
    _error_raw = Signal(object)
    _progress_raw = Signal(int, int, str)
    _finished_raw = Signal()

    def __init__(self) -> None:
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        # Bound methods of this object: Qt queues the call to this object's thread.
        self._result_raw.connect(self._hop_result, queued)
        self._error_raw.connect(self._hop_error, queued)
        self._progress_raw.connect(self._hop_progress, queued)
        self._finished_raw.connect(self._hop_finished, queued)

    def _hop_result(self, value: object) -> None:
        self.result.emit(value)

    def _hop_error(self, exc: object) -> None:
        self.error.emit(exc)

    def _hop_progress(self, done: int, total: int, label: str) -> None:
        self.progress.emit(done, total, label)

    def _hop_finished(self) -> None:
        self.finished.emit()


class Task(QRunnable):
    """One call of `fn(*args, **kwargs)` (plus `progress=` when `with_progress`)."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the object alive until `finished`
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()
        self.cancelled = False
        self.progress = Progress(self._report) if with_progress else None
        if with_progress:
            self.kwargs["progress"] = self.progress

    def _report(self, done: int, total: int, label: str) -> None:
        if not self.cancelled:
            self.signals._progress_raw.emit(done, total, label)

    def cancel(self) -> None:
        self.cancelled = True
        if self.progress is not None:
            self.progress.cancel()

    def release(self) -> None:
        """Forget the call's arguments (records, vault) once it is over: a finished task
        that something still references must not keep document data alive."""
        self.fn, self.args, self.kwargs = _noop, (), {}
        self.progress = None

    def run(self) -> None:
        try:
            value = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            if not self.cancelled:
                self.signals._error_raw.emit(exc)
        else:
            if not self.cancelled:
                self.signals._result_raw.emit(value)
        self.signals._finished_raw.emit()


def _noop(*_args: Any, **_kwargs: Any) -> None:
    return None


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    kind: str = "light",
    **kwargs: Any,
) -> Task:
    """Start `fn` on a worker; callbacks run on the GUI thread."""
    task = Task(fn, *args, with_progress=on_progress is not None, **kwargs)
    # A task cancelled after its outcome was queued must still not deliver it.
    if on_result is not None:
        task.signals.result.connect(lambda v: None if task.cancelled else on_result(v))
    if on_error is not None:
        task.signals.error.connect(lambda e: None if task.cancelled else on_error(e))
    if on_progress is not None:
        task.signals.progress.connect(
            lambda d, t, label: None if task.cancelled else on_progress(d, t, label)
        )

    def done() -> None:
        _running.discard(task)
        task.release()
        if on_finished is not None and not task.cancelled:
            on_finished()

    task.signals.finished.connect(done)
    _running.add(task)
    pool(kind).start(task)
    return task


def running_tasks() -> int:
    return len(_running)


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until every pool is idle (tests and shutdown)."""
    return all(p.waitForDone(msecs) for p in _pools.values())
