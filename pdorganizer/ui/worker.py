"""Background work: run a function on a thread pool, deliver its outcome on the GUI thread.

Workers never touch widgets: they return plain values (or QImage, which is safe to build
off the GUI thread) and the GUI thread receives them through queued signals. A task can be
abandoned (`cancel()`): its Progress is cancelled and any late result is dropped.

Lifetimes: a worker thread must never drop the last reference to anything the GUI owns
(a callback's widget, a QObject, the outcome): Python would then destroy it on the worker,
racing the GUI thread (crashes such as "double free"). So the worker knows its task only by
number. It borrows the call from `_calls`, drops its own references, parks the outcome in
`_outcomes` and sends the number to `_Hub`, one QObject that lives on the GUI thread for
the whole session; the GUI thread then takes the outcome and forgets the task.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from pdorganizer.core.progress import Progress

# Long jobs (import, export) run one at a time; short ones (unlock, thumbnails, previews)
# share a small pool so a long import never starves the preview.
_pools: dict[str, QThreadPool] = {}
_running: dict[int, Task] = {}  # GUI thread only
_lock = threading.Lock()  # guards _calls, _outcomes and _cancelled (shared with workers)
_calls: dict[int, tuple[Callable[..., Any], tuple, dict]] = {}
_outcomes: dict[int, tuple[bool, Any]] = {}  # id -> (ok, result or exception)
_cancelled: set[int] = set()
_ids = itertools.count(1)
_hub: _Hub | None = None


def pool(kind: str = "light") -> QThreadPool:
    if kind not in _pools:
        p = QThreadPool()
        p.setMaxThreadCount(1 if kind == "heavy" else 2)
        _pools[kind] = p
    return _pools[kind]


class _Hub(QObject):
    """Lives on the GUI thread. Workers emit the `_raw` signals with a task number; queued
    connections to this object's methods run the delivery on the GUI thread."""

    _progress_raw = Signal(int, int, int, str)
    _done_raw = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        self._progress_raw.connect(self._hop_progress, queued)
        self._done_raw.connect(self._hop_done, queued)

    def _hop_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        task = _running.get(task_id)
        if task is not None and not task.cancelled:
            on_progress = _alive(task.on_progress)
            if on_progress is not None:
                on_progress(done, total, label)

    def _hop_done(self, task_id: int) -> None:
        with _lock:
            _calls.pop(task_id, None)
            ok, value = _outcomes.pop(task_id, (False, None))
            _cancelled.discard(task_id)
        task = _running.pop(task_id, None)
        if task is not None:
            task.deliver(ok, value)


def _hub_instance() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


class Task:
    """One call of `fn(*args, **kwargs)` (plus `progress=` when `with_progress`). Only the
    GUI thread holds it; the worker sees its number."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> None:
        self.id = next(_ids)
        self.cancelled = False
        self.on_result: Callable[[Any], None] | None = None
        self.on_error: Callable[[BaseException], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self.on_finished: Callable[[], None] | None = None
        self.progress = Progress(functools.partial(_report, self.id)) if with_progress else None
        if with_progress:
            kwargs["progress"] = self.progress
        self._call: tuple[Callable[..., Any], tuple, dict] | None = (fn, args, kwargs)

    def cancel(self) -> None:
        self.cancelled = True
        with _lock:
            _cancelled.add(self.id)
        if self.progress is not None:
            self.progress.cancel()

    def start(self, kind: str) -> None:
        hub = _hub_instance()  # made on the GUI thread, before any worker needs it
        with _lock:
            _calls[self.id] = self._call  # type: ignore[assignment]
        _running[self.id] = self
        pool(kind).start(functools.partial(_work, self.id, hub))

    def deliver(self, ok: bool, value: Any) -> None:
        """On the GUI thread, once the worker is done with the call."""
        callbacks = (self.on_result, self.on_error, self.on_finished)
        # Forget the call's arguments (records, vault) and callbacks: a finished task that
        # something still references must not keep document data or widgets alive.
        self._call = None
        self.progress = None
        self.on_result = self.on_error = self.on_progress = self.on_finished = None
        on_result, on_error, on_finished = (_alive(c) for c in callbacks)
        try:
            if not self.cancelled:
                if ok and on_result is not None:
                    on_result(value)
                elif not ok and on_error is not None and value is not None:
                    on_error(value)
        finally:
            if on_finished is not None and not self.cancelled:
                on_finished()


def _alive(callback: Callable[..., Any] | None) -> Callable[..., Any] | None:
    """The callback, or None if it is a method of a Qt object already destroyed (a
    window closed while its work ran): calling it would raise, or worse."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return None
    return callback


def _report(task_id: int, done: int, total: int, label: str) -> None:
    if task_id not in _cancelled and _hub is not None:
        _hub._progress_raw.emit(task_id, done, total, label)


def _work(task_id: int, hub: _Hub) -> None:
    """The worker's side. Every reference it takes is dropped before it says done, so the
    GUI thread (which keeps its own until then) always lets go last."""
    with _lock:
        call = _calls.get(task_id)
    if call is not None:
        try:
            fn, args, kwargs = call
            del call
            outcome: tuple[bool, Any] = (True, fn(*args, **kwargs))
        except BaseException as exc:  # delivered to the GUI thread, which decides
            outcome = (False, exc)
            del exc
        fn = args = kwargs = None
        with _lock:
            _outcomes[task_id] = outcome
        del outcome
    hub._done_raw.emit(task_id)


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
    """Start `fn` on a worker; callbacks run on the GUI thread, never after `cancel()`."""
    task = Task(fn, *args, with_progress=on_progress is not None, **kwargs)
    task.on_result, task.on_error = on_result, on_error
    task.on_progress, task.on_finished = on_progress, on_finished
    task.start(kind)
    return task


def running_tasks() -> int:
    return len(_running)


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until every pool is idle (tests and shutdown)."""
    return all(p.waitForDone(msecs) for p in _pools.values())
