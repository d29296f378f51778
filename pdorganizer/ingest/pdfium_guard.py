"""pdfium on a person's bytes, in a child process that can be stopped (Qt-free).

pdfium is C code: a hostile PDF can keep FPDF_LoadPage busy forever (unclosed
dictionaries, found by fuzzing), and no timeout inside the process can stop that. So
import's pdfium jobs (ingest/pdfium_jobs: thumbnails, page count, in-memory repair) run in
one warm child process, started with multiprocessing's 'spawn' (forking after Qt or
threads is unsafe) and reused across calls (starting one costs a Python start-up). Each
job has a time limit (BASE_SECONDS + PER_PAGE_SECONDS a page, at most MAX_SECONDS): a
child that overruns it is killed, and a child that dies (a crash, the address-space limit)
means the same as a file pdfium refuses: DamagedFile. The next job starts a new child.

The bytes go over the pipe, never through a file. The child gets no passphrase variable
(core/childenv), its fd 1 and 2 point at /dev/null (core/quiet), and on POSIX its address
space is limited. It ends at exit, when idle for IDLE_SECONDS, or when this process dies
(its end of the pipe closes). The GUI preview (ui/render.py) keeps using pdfium in-process:
only files that passed import reach it.
"""

from __future__ import annotations

import atexit
import contextlib
import math
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

from pdorganizer.core.childenv import child_environment
from pdorganizer.core.errors import PdoError
from pdorganizer.core.untrusted import DamagedFile, ImageTooLarge

BASE_SECONDS = 10.0
PER_PAGE_SECONDS = 2.0
MAX_SECONDS = 300.0
IDLE_SECONDS = 120.0  # a warm child waits this long for the next file
# Address space of the child: room for a 1 GiB file (reading.MAX_FILE_BYTES), its copy
# in pdfium and the re-save; pdfium's runaway allocations on a hostile file stop here.
MEMORY_LIMIT = 6 * 1024**3
_ERRORS: dict[str, type[PdoError]] = {"damaged": DamagedFile, "too_large": ImageTooLarge}


def time_limit(pages: int) -> float:
    return min(BASE_SECONDS + PER_PAGE_SECONDS * max(pages, 1), MAX_SECONDS)


def run(job: str, data: bytes, *args: Any, pages: int = 1) -> Any:
    """pdfium_jobs.JOBS[job](data, *args) in the child, within time_limit(pages).
    DamagedFile when it overruns or the child dies; the job's own PdoErrors as they are."""
    return _GUARD.run(job, data, args, time_limit(pages))


def shutdown() -> None:
    """Stop the child (at exit; also for tests)."""
    _GUARD.stop()


def child_pid() -> int | None:
    """The warm child's process id, None when there is none (for tests and benchmarks)."""
    proc = _GUARD.proc
    return proc.pid if proc is not None and proc.is_alive() else None


class _Guard:
    def __init__(self) -> None:
        self.lock = threading.Lock()  # one job at a time: one child
        self.proc: Any = None
        self.conn: Connection | None = None
        self.last_used = 0.0
        self.timer: threading.Timer | None = None

    def run(self, job: str, data: bytes, args: tuple[Any, ...], limit: float) -> Any:
        with self.lock:
            conn = self._send(job, data, args, limit)
            try:
                status, value = _receive(conn, time.monotonic() + limit)
            except (TimeoutError, EOFError, OSError, ValueError, IndexError):
                self._stop_locked()  # stuck or dead (a crash, the memory limit)
                raise DamagedFile() from None
            self.last_used = time.monotonic()
            self._arm_idle_timer()
        if status == "ok":
            return value
        if status == "password":
            from pdorganizer.ingest.pdfium_jobs import PasswordProtected

            raise PasswordProtected()
        raise _ERRORS.get(status, DamagedFile)()

    def _send(self, job: str, data: bytes, args: tuple[Any, ...], limit: float) -> Connection:
        """The job handed to a live child (a new one if it died or was stopped meanwhile)."""
        for attempt in (1, 2):
            if self.proc is None or not self.proc.is_alive():
                self._stop_locked()
                self._start()
            assert self.conn is not None
            try:
                self.conn.send((job, args, limit))
                self.conn.send_bytes(data)
                return self.conn
            except (OSError, EOFError, ValueError):
                self._stop_locked()  # died between jobs (killed from outside): once more
                if attempt == 2:
                    raise DamagedFile() from None
        raise AssertionError("unreachable")

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe(duplex=True)
        proc = ctx.Process(
            target=_child_main, args=(theirs, MEMORY_LIMIT), name="pdorganizer-pdfium", daemon=True
        )
        with _without_secrets(), _daemonic_parent_allowed():
            proc.start()
        theirs.close()
        self.proc, self.conn = proc, ours

    def _arm_idle_timer(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.timer = threading.Timer(IDLE_SECONDS, self._stop_if_idle)
        self.timer.daemon = True
        self.timer.start()

    def _stop_if_idle(self) -> None:
        with self.lock:
            if time.monotonic() - self.last_used >= IDLE_SECONDS - 1:
                self._stop_locked()

    def stop(self) -> None:
        with self.lock:
            self._stop_locked()
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None

    def _stop_locked(self) -> None:
        proc, conn = self.proc, self.conn
        self.proc = self.conn = None
        if conn is not None:
            conn.close()  # an idle child reads EOF and ends by itself
        if proc is not None:
            proc.join(0.5)
            if proc.is_alive():
                proc.kill()  # busy in pdfium: only a kill stops it
                proc.join(5)
            with contextlib.suppress(ValueError):
                proc.close()


@contextlib.contextmanager
def _without_secrets() -> Iterator[None]:
    """multiprocessing hands the child this process's environment: take the passphrase
    variables out while it starts (the CLI has read them by the time it imports)."""
    saved = {k: v for k, v in os.environ.items() if k not in child_environment({k: v})}
    for name in saved:
        os.environ.pop(name, None)
    try:
        yield
    finally:
        os.environ.update(saved)


@contextlib.contextmanager
def _daemonic_parent_allowed() -> Iterator[None]:
    """multiprocessing refuses children to a daemonic process (e.g. a fuzz worker,
    benchmarks/fuzz.py) lest they be orphaned; ours cannot be: it ends when our end of
    the pipe closes, or by its CPU limit when busy."""
    config = multiprocessing.current_process()._config  # type: ignore[attr-defined]
    daemonic = config.pop("daemon", None)
    try:
        yield
    finally:
        if daemonic is not None:
            config["daemon"] = daemonic


def _child_main(conn: Connection, memory_limit: int) -> None:
    """The child: quiet, limited, then jobs until the pipe closes."""
    _quiet_child()
    _limit_memory(memory_limit)
    from pdorganizer.ingest.pdfium_jobs import JOBS, PasswordProtected

    while True:
        try:
            job, args, limit = conn.recv()
            data = conn.recv_bytes()
            _limit_cpu(limit)
        except (EOFError, OSError, MemoryError):
            return
        try:
            frames = _frames("ok", JOBS[job](data, *args))
        except PasswordProtected:
            frames = [b"password"]
        except (MemoryError, ImageTooLarge):
            frames = [b"too_large"]
        except BaseException:  # untrusted bytes: anything else means damaged
            frames = [b"damaged"]
        del data
        try:
            for frame in frames:
                conn.send_bytes(frame)
        except (OSError, MemoryError):
            return


# The answer travels as plain byte frames, not pickles: a child whose pdfium a hostile
# file took over must not be able to run code here by what it sends back.
def _frames(status: str, value: Any) -> list[bytes]:
    if value is None:
        return [b"ok none"]
    if isinstance(value, int):
        return [b"ok int %d" % value]
    if isinstance(value, bytes):
        return [b"ok bytes", value]
    items = list(value)
    return [b"ok list %d" % len(items), *items]


def _receive(conn: Connection, deadline: float) -> tuple[str, Any]:
    """(status, value) from the child's frames; TimeoutError past the deadline."""

    def frame(maxlength: int | None = None) -> bytes:
        if not conn.poll(max(deadline - time.monotonic(), 0)):
            raise TimeoutError  # still busy: pdfium is stuck on this file
        return conn.recv_bytes(maxlength)

    head = frame(64).decode("ascii").split()
    if head[0] != "ok":
        return head[0], None
    kind = head[1]
    if kind == "none":
        return "ok", None
    if kind == "int":
        return "ok", int(head[2])
    if kind == "bytes":
        return "ok", frame()
    if kind == "list":
        return "ok", [frame() for _ in range(int(head[2]))]
    raise ValueError(kind)


def _quiet_child() -> None:
    from pdorganizer.core.childenv import scrub_environment
    from pdorganizer.core.quiet import debugging, quiet_libraries

    scrub_environment()
    if debugging():
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    quiet_libraries()


def _limit_memory(limit: int) -> None:
    """Address space limited, and no core file (it would hold the document) on POSIX."""
    if sys.platform == "win32" or limit <= 0:
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _limit_cpu(seconds: float) -> None:
    """The job's CPU time capped at its time limit (and a margin): should this process be
    left alone with a hang (ours killed without a chance to stop it), SIGXCPU ends it."""
    if sys.platform == "win32":
        return
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds + 5)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


_GUARD = _Guard()
atexit.register(shutdown)
