"""Open a folder in the system's file manager, with no passphrase in its environment."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from pdorganizer.core.childenv import child_environment, scrub_environment

log = logging.getLogger(__name__)


def folder_command(folder: str) -> list[str] | None:
    if sys.platform == "darwin":
        return ["open", folder]
    if os.name == "posix":
        return ["xdg-open", folder]
    return None  # Windows: os.startfile


def open_folder(folder: str) -> bool:
    """Start the file manager on `folder`; False when no launcher could be started (the
    caller may then try Qt's, which inherits the already scrubbed environment)."""
    scrub_environment()
    command = folder_command(folder)
    try:
        if command is None:
            os.startfile(folder)  # type: ignore[attr-defined]  # Windows only
            return True
        child = subprocess.Popen(
            command,
            env=child_environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            start_new_session=True,  # Ctrl+C in our terminal does not reach it
        )
        # xdg-open without a file manager exits at once with an error; one that found
        # one returns 0 or keeps running. Wait a moment to tell which.
        try:
            return child.wait(timeout=1.0) == 0
        except subprocess.TimeoutExpired:
            return True
    except OSError as exc:
        log.info("could not start the file manager: %s", type(exc).__name__)
        return False
