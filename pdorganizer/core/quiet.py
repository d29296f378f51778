"""Keeping libraries off the terminal: only pdorganizer's own lines reach stderr.

Libraries talk in three ways, each stopped at its own level:
- Python warnings (with site-packages paths): captured into logging, then dropped;
- library loggers (pypdf's "incorrect startxref pointer", thousands of times for one
  damaged PDF): never given a handler that prints; the root logger holds only a
  NullHandler, so not even logging's last-resort handler prints them;
- C libraries writing straight to file descriptor 2 (libtiff's "WEBP compression support
  is not configured", pdfium, Qt): at process start fd 2 is copied to a private
  descriptor that `sys.stderr` uses for our messages, and fd 2 itself points at
  /dev/null (`silence_process`, called by the entry point only, never inside tests).

Our own log (unexpected errors as type and code location, never content, see safelog)
goes to a file created only when there is something to write, owner-only:
$XDG_STATE_HOME/pdorganizer/pdorganizer.log (~/.local/state/...). PDORGANIZER_LOG
chooses another file, "-" for stderr or "off". PDORGANIZER_DEBUG=1 leaves everything as
Python has it (for developers).
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
import warnings
from pathlib import Path

LOG_ENV = "PDORGANIZER_LOG"
DEBUG_ENV = "PDORGANIZER_DEBUG"
LIBRARY_LOGGERS = (
    "pypdf",
    "PIL",
    "pillow_heif",
    "pypdfium2",
    "fontTools",
    "reportlab",
    "sqlcipher3",
    "argon2",
    "asyncio",
)
_MARK = "_pdorganizer_quiet"  # on handlers we installed, so setup is idempotent
_OUR_STDERR: list[object] = []  # keeps the private stderr file object alive


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def quiet_libraries() -> None:
    """Python warnings and every library logger away from the terminal (in-process part;
    safe to call repeatedly)."""
    if debugging():
        return
    logging.captureWarnings(True)
    py_warnings = logging.getLogger("py.warnings")
    py_warnings.propagate = False
    _add_once(py_warnings, logging.NullHandler())
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)  # not even formatted
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False) is False and _prints(handler):
            root.removeHandler(handler)  # e.g. an earlier logging.basicConfig()
    _add_once(root, logging.NullHandler())


def _prints(handler: logging.Handler) -> bool:
    return type(handler) is logging.StreamHandler and getattr(handler, "stream", None) in (
        sys.stderr,
        sys.__stderr__,
        sys.stdout,
    )


def _add_once(logger: logging.Logger, handler: logging.Handler) -> None:
    kind = type(handler)
    if any(type(h) is kind and getattr(h, _MARK, False) for h in logger.handlers):
        return
    setattr(handler, _MARK, True)
    logger.addHandler(handler)


def log_path() -> Path | None:
    """Where our own log goes, or None (stderr or off)."""
    chosen = os.environ.get(LOG_ENV, "")
    if chosen in ("-", "off"):
        return None
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "pdorganizer" / "pdorganizer.log"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "pdorganizer" / "pdorganizer.log"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "pdorganizer" / "pdorganizer.log"


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """Created on the first record, owner-only (0600), at most about 512 kB in two files."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=256 * 1024, backupCount=1, delay=True, encoding="utf-8")

    def _open(self):
        path = Path(self.baseFilename)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # also a log left by an older version
        return open(fd, "a", encoding="utf-8")

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # a log that cannot be written must not disturb the user's operation


def setup_logging() -> None:
    """Libraries quiet, and pdorganizer's own log to its file (or PDORGANIZER_LOG)."""
    quiet_libraries()
    ours = logging.getLogger("pdorganizer")
    ours.setLevel(logging.WARNING)
    wanted = os.environ.get(LOG_ENV, "") + "|" + str(log_path())
    for old in [h for h in ours.handlers if getattr(h, _MARK, False)]:
        if getattr(old, "_pdorganizer_target", None) == wanted:
            return
        ours.removeHandler(old)  # PDORGANIZER_LOG changed (tests): follow it
        old.close()
    path = log_path()
    handler: logging.Handler
    if os.environ.get(LOG_ENV) == "off":
        handler = logging.NullHandler()
    elif path is None:
        handler = logging.StreamHandler()  # PDORGANIZER_LOG=- : our stderr
        handler.setFormatter(logging.Formatter("pdorganizer: %(message)s"))
    else:
        handler = _PrivateLogFile(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
    setattr(handler, _MARK, True)
    handler._pdorganizer_target = wanted  # type: ignore[attr-defined]
    ours.addHandler(handler)


def silence_process() -> None:
    """Point fd 2 at /dev/null; keep our messages (sys.stderr) on the real stderr.

    For the real process only (the `pdorganizer` entry point, CLI and GUI): what C
    libraries write to fd 2 is lost, what we print is not. Password prompts are
    unaffected (getpass writes to /dev/tty). A hard crash still leaves a trace:
    faulthandler writes the Python stack (file names and lines, no data) to our stderr.
    """
    if debugging():
        return
    warnings.simplefilter("ignore")
    try:
        private = os.dup(2)  # not inheritable: child processes get the silenced fd 2
    except OSError:
        return  # no stderr at all (started without one): nothing to protect
    devnull = os.open(os.devnull, os.O_WRONLY)
    old = sys.stderr
    try:
        if old is not None:
            old.flush()
        stream = open(  # noqa: SIM115 (lives as long as the process)
            private, "w", encoding=getattr(old, "encoding", None) or "utf-8",
            errors="backslashreplace", buffering=1, closefd=True,
        )  # fmt: skip
        os.dup2(devnull, 2)
    finally:
        os.close(devnull)
    _OUR_STDERR.append(stream)
    sys.stderr = stream
    faulthandler.enable(file=stream)
    sys.unraisablehook = _log_unraisable
    threading.excepthook = _log_thread_exception
    sys.excepthook = _report_uncaught


def _report_uncaught(kind: type[BaseException], exc: BaseException, tb: object) -> None:
    """An exception nobody caught (e.g. in a Qt slot): one line, the trace in our log.
    A traceback's last line holds the exception's message, which can hold content."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)  # type: ignore[arg-type]
        return
    from pdorganizer.core.safelog import log_unexpected

    summary = log_unexpected(exc, "uncaught")
    print(f"pdorganizer: something went wrong ({summary})", file=sys.stderr, flush=True)


def _log_unraisable(unraisable: object) -> None:
    """ "Exception ignored in ..." from a library's __del__: to our log, not the screen."""
    from pdorganizer.core.safelog import log_unexpected

    exc = getattr(unraisable, "exc_value", None)
    if exc is not None:
        log_unexpected(exc, "cleanup")


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    from pdorganizer.core.safelog import log_unexpected

    if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
        log_unexpected(args.exc_value, "background thread")
