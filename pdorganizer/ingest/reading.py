"""Reading one file from disk and turning it into what the vault stores (worker side).

Runs on worker threads: reads, hashes, sniffs and analyses; never touches the vault.
Everything stays in memory; nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Collection
from dataclasses import dataclass, field

from pdorganizer.core.errors import PdoError
from pdorganizer.core.safelog import log_unexpected
from pdorganizer.core.untrusted import decoding
from pdorganizer.ingest.imagefile import FileInfo, analyze_image
from pdorganizer.ingest.images import sniff_mime
from pdorganizer.ingest.pdfs import PasswordProtected, analyze_pdf, decrypt_pdf

MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GiB: no phone photo, scan or agency PDF is bigger


@dataclass
class Prepared:
    path: str
    name: str  # base name only: folder names say too much about the person
    data: bytes = b""
    sha256: str = ""
    info: FileInfo | None = None
    error: str = ""  # set when the file cannot be imported: the reason in plain words
    known: bool = False  # its SHA-256 was already in the case when the import started
    # page index -> its cleaned rendition (ingest/cleaning.py: photos only)
    renditions: dict = field(default_factory=dict)


class UnreadableFile(PdoError):
    pass


def read_file(path: str) -> bytes:
    """The whole file, or UnreadableFile with a plain reason."""
    try:
        info = os.stat(path)  # before opening: opening a pipe or device could block
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise UnreadableFile("the file is too large (over 1 GB)")
        with open(path, "rb") as fh:
            # a little more than its size: a file still growing is read to its end
            data = fh.read(max(info.st_size, 0) + 65536)
            if len(data) > info.st_size:
                data += fh.read(MAX_FILE_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise UnreadableFile("the file does not exist (moved or deleted?)") from None
    except IsADirectoryError:
        raise UnreadableFile("this is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile("the file cannot be read (permission denied)") from None
    except OSError:
        raise UnreadableFile("the file cannot be read") from None
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile("the file is too large (over 1 GB)")
    if not data:
        raise UnreadableFile("the file is empty")
    return data


def analyze(data: bytes, preview_px: int = 0) -> FileInfo:
    """What the file holds, decoded the way the export will decode it. Whatever a
    decoder raises on these bytes is a damaged file (core/untrusted.py), never a bug."""
    mime = sniff_mime(data)
    if mime is None:
        raise PdoError("not an image or PDF")
    with decoding(mime):
        if mime == "application/pdf":
            return analyze_pdf(data)
        return analyze_image(data, mime, preview_px)


def prepare(
    path: str, known: Collection[str] = (), pdf_password: str = "", preview_px: int = 0
) -> Prepared:
    """Read, hash and analyse one file; failures end up in `error`, never raised.

    `pdf_password`: for PDFs that need one to open; such a PDF is stored decrypted (its
    original SHA-256 kept in the metadata), since nothing could read it later otherwise.
    """
    prep = Prepared(path=path, name=os.path.basename(path.rstrip("/\\")) or path)
    try:
        prep.data = read_file(path)
        prep.sha256 = hashlib.sha256(prep.data).hexdigest()
        if prep.sha256 in known:
            prep.known = True  # a duplicate: no need to decode it
            return prep
        try:
            prep.info = analyze(prep.data, preview_px)
        except PasswordProtected:
            if not pdf_password:
                raise
            original = prep.sha256
            with decoding("application/pdf"):
                prep.data = decrypt_pdf(prep.data, pdf_password)
                prep.sha256 = hashlib.sha256(prep.data).hexdigest()
                prep.info = analyze_pdf(prep.data)
            prep.info.metadata["decrypted_from_sha256"] = original
    except PdoError as exc:
        prep.error = exc.message
    except MemoryError:
        prep.error = "image too large"
    except Exception as exc:  # a bug, not a bad file: log it without content
        prep.error = f"something went wrong ({log_unexpected(exc, 'import')})"
    if prep.error:
        prep.data = b""
    return prep
