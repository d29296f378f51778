"""Writing a file the person asked for (Word copy, timeline, hand-off sheet) beside the
vault's own records: owner-only (0600), through a temp file renamed only when complete,
and, with a vault, recorded in it first (`Vault.writing_to`) so a temp file of plaintext
that a SIGKILL leaves behind is removed by the next write there or the next unlock."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from pdorganizer.core.errors import PdoError
from pdorganizer.vault import fsync_util

if TYPE_CHECKING:
    from pdorganizer.vault.vault import Vault


def write_output(target: Path, data: bytes, vault: Vault | None = None) -> Path:
    # atomic_write's temp name (.NAME.XXXXXXXX.part) is one leftovers.TEMP_PATTERNS knows.
    recorded = (
        vault.writing_to(target.parent, f".{target.name}.")
        if vault is not None
        else contextlib.nullcontext()
    )
    try:
        with recorded:
            return fsync_util.atomic_write(target, data, keep_mode=False)
    except OSError as exc:
        raise PdoError(
            "could not write {file}: {reason}",
            file=str(target),
            reason=exc.strerror or "the system refused",
        ) from None
