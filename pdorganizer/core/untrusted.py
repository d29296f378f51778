"""The one boundary between our code and decoders working on untrusted bytes.

Image and PDF libraries raise anything on damaged input (KeyError, TypeError,
NotImplementedError, their own error classes, ...), and the next version will raise
something new. Every call that parses a person's file goes through `decoding()`: whatever
it raises is a damaged file in the person's terms, never "something went wrong". Our own
known errors (PdoError) pass through unchanged; MemoryError means the file is too large.
The exception's type is logged (without its message, which may hold content) so a real
bug in our code can still be found.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from pdorganizer.core.errors import InvalidInput, PdoError

log = logging.getLogger("pdorganizer.untrusted")


class DamagedFile(InvalidInput):
    def __init__(self, message: str = "the file is damaged or incomplete") -> None:
        super().__init__(message)


class ImageTooLarge(InvalidInput):
    def __init__(self, message: str = "image too large") -> None:
        super().__init__(message)


@contextlib.contextmanager
def decoding(what: str = "file") -> Iterator[None]:
    """Turn any exception a decoder raises into DamagedFile (PdoErrors pass through)."""
    try:
        yield
    except PdoError:
        raise
    except MemoryError:
        raise ImageTooLarge() from None
    except RecursionError:
        raise DamagedFile() from None
    except Exception as exc:  # untrusted bytes: any library exception means damaged
        log.debug("decoder refused a %s: %s", what, type(exc).__name__)
        raise DamagedFile() from None
