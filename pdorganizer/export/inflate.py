"""The inflater for checking PNG data that goes into a packet as it is.

`original` quality inflates every passthrough PNG once to prove it holds exactly the rows
its header promises (images.py). ISA-L's inflate (the `isal` package) does that about
four times faster than zlib's (11 ms against 42 ms for a 2550x3300 scan): it was the
largest part of an `original` export of scans. The same checks either way (data check,
end of stream, unconsumed input); without `isal`, zlib."""

from __future__ import annotations

import zlib
from typing import Any

try:
    from isal import isal_zlib as _fast
except ImportError:  # pragma: no cover - isal is a dependency; zlib is the fallback
    _fast = None

INFLATE_ERRORS: tuple[type[BaseException], ...] = (zlib.error,)
if _fast is not None:
    INFLATE_ERRORS = (zlib.error, _fast.error)


def inflater(*, fast: bool = True) -> Any:
    """A zlib-format decompressobj (`fast=False`: zlib's own, for tests that compare)."""
    if fast and _fast is not None:
        return _fast.decompressobj()
    return zlib.decompressobj()
