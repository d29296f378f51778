"""Files the app writes: owner-only from their first byte, durable, replaced atomically.

Every file pdorganizer creates (vaults, backups, packets, manifests, the Spanish index,
anything else) is made with `create_private` or `atomic_write`: os.open with mode 0o600,
so other accounts on a shared computer can never read it (a umask can only narrow a mode,
never widen it, so 0o600 is what the file gets). A file that replaces an existing one
keeps the mode the user gave the old one (`keep_mode_of`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600
# Errors that mean "the disk is full" (ENOSPC) or "over the user's quota" (EDQUOT).
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def create_private(path: str | os.PathLike[str], *, exclusive: bool = True) -> BinaryIO:
    """Open a new file for writing, readable and writable by its owner only (0600).

    `exclusive`: fail when the file exists (default). Otherwise an existing file is
    truncated and narrowed to 0600 too."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_EXCL if exclusive else os.O_TRUNC
    fd = os.open(path, flags, PRIVATE_MODE)
    try:
        if not exclusive and hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_MODE)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def touch_private(path: str | os.PathLike[str]) -> None:
    """Create an empty owner-only file (e.g. for SQLite to fill: it keeps the mode, and
    gives its journal the same mode)."""
    create_private(path).close()


def keep_mode_of(original: Path, replacement: Path) -> None:
    """Give `replacement` the permission bits of `original` before it replaces it."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(replacement, stat.S_IMODE(original.stat().st_mode))


def temp_beside(path: Path, what: str = "part") -> Path:
    """A hidden, unique name in the same folder (so the final rename is atomic)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.{what}")


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str], *, keep_mode: bool = True) -> Iterator[BinaryIO]:
    """Write `path` through a private temp file renamed over it only when complete.

    A failure (or a crash) never leaves a half-written `path`; the temp file is removed
    on failure. An existing `path` keeps its mode when `keep_mode`, else becomes 0600."""
    target = Path(path)
    tmp = temp_beside(target)
    try:
        with create_private(tmp) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if keep_mode:
            keep_mode_of(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def atomic_write(path: str | os.PathLike[str], data: bytes, *, keep_mode: bool = True) -> Path:
    """`atomic_file` for bytes already in memory."""
    with atomic_file(path, keep_mode=keep_mode) as fh:
        fh.write(data)
    return Path(path)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync
        return
    fd = os.open(path, os.O_RDONLY)
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def sqlite_companions(path: Path) -> list[Path]:
    """The file and the journals SQLite may leave beside it."""
    return [path] + [path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm")]
