"""Logging that never carries document content, names or passphrases.

Exception messages can hold a file name or a value from a document, so for unexpected
errors only the exception type and the code locations (our own source files) are logged.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

log = logging.getLogger("pdorganizer")


def bug_summary(exc: BaseException) -> str:
    """'KeyError at pdorganizer/vault/vault.py:120 in open' with no message text."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    for frame in reversed(frames):
        parts = Path(frame.filename).parts
        if "pdorganizer" in parts:
            rel = "/".join(parts[len(parts) - 1 - parts[::-1].index("pdorganizer") :])
            where = f" at {rel}:{frame.lineno} in {frame.name}"
            break
    return f"{type(exc).__name__}{where}"


def log_unexpected(exc: BaseException, context: str = "") -> str:
    """Log an unexpected error without its message; return the summary for the user."""
    summary = bug_summary(exc)
    stack = " <- ".join(
        f"{Path(f.filename).name}:{f.lineno}"
        for f in reversed(traceback.extract_tb(exc.__traceback__))
    )
    log.error(
        "unexpected error%s: %s [%s]", f" during {context}" if context else "", summary, stack
    )
    return summary
