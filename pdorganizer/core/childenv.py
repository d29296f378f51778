"""Child processes never see a passphrase.

The CLI may be given passphrases in environment variables; a process we start (the file
manager behind "Open folder", lrelease, anything later) would inherit them and could
pass them on or write them to its own logs. Every child gets `child_environment()`, and
the desktop app drops them from its own environment at start (it never reads them).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SECRET_VARIABLES = (
    "PDORGANIZER_PASSPHRASE",
    "PDORGANIZER_NEW_PASSPHRASE",
    "PDORGANIZER_OTHER_PASSPHRASE",
)


def _secret(name: str) -> bool:
    upper = name.upper()
    return upper in SECRET_VARIABLES or (upper.startswith("PDORGANIZER_") and "PASSPHRASE" in upper)


def child_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of the environment (or `base`) without any passphrase variable."""
    source = os.environ if base is None else base
    return {k: v for k, v in source.items() if not _secret(k)}


def scrub_environment() -> None:
    """Remove passphrase variables from this process's environment (also from the C
    environment, which is what Qt hands to the programs it starts)."""
    for name in [k for k in os.environ if _secret(k)]:
        os.environ.pop(name, None)
