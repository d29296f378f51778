"""An ordered map over a small thread pool with a bounded look-ahead.

Decoding and hashing release the GIL, so two workers keep both cores busy while the
caller writes finished files into the vault. At most `window` results wait at a time, so
memory stays flat however many files there are.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One per core plus one: the vault writer mostly waits on the disk."""
    return max(1, min(4, (os.cpu_count() or 1) + 1))


def _result(future: Future[R], idle: Callable[[], None] | None, idle_after: float) -> R:
    if idle is not None and not future.done():
        try:
            return future.result(timeout=idle_after)
        except TimeoutError:
            idle()
    return future.result()


@contextlib.contextmanager
def short_gil_slices(seconds: float = 0.001) -> Iterator[None]:
    """Hand the GIL over sooner while the writer and the decoders share it.

    The vault writer releases the GIL for every SQLite call and then waits for it again;
    with the default 5 ms switch interval each of those waits can cost up to 5 ms while a
    worker runs Python code (pypdf, Pillow's header parsing), which adds up to seconds
    over a batch. Process-wide, so it is restored afterwards.
    """
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    window: int | None = None,
    idle: Callable[[], None] | None = None,
    idle_after: float = 0.05,
) -> Generator[R, None, None]:
    """Yield func(item) in input order. Closing the iterator early drops pending work.

    `idle` is called when the next result is not ready within `idle_after` seconds (the
    caller commits its writes then instead of holding the vault while it waits).
    """
    items = iter(items)
    if workers <= 1:
        for item in items:
            yield func(item)
        return
    window = window or workers * 2
    pending: deque[Future[R]] = deque()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pdo-ingest")
    try:
        for item in items:
            pending.append(pool.submit(func, item))
            if len(pending) >= window:
                yield _result(pending.popleft(), idle, idle_after)
        while pending:
            yield _result(pending.popleft(), idle, idle_after)
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
