"""An ordered map over a small thread pool with a bounded look-ahead.

Decoding and hashing release the GIL, so two workers keep both cores busy while the
caller writes finished files into the vault. At most `window` results wait at a time, so
memory stays flat however many files there are.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], workers: int, window: int | None = None
) -> Generator[R, None, None]:
    """Yield func(item) in input order. Closing the iterator early drops pending work."""
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
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
