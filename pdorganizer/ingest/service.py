"""The intake service used by the CLI and the GUI (contract; the intake work fills it in).

Contract for what lands in the vault (see pdorganizer.vault.repos.documents):
- sources: the original bytes unchanged, sha256, mime ("application/pdf", "image/jpeg",
  "image/png", "image/tiff", "image/webp", "image/bmp", "image/heic"), metadata (EXIF...)
  kept only inside the vault.
- pages: source_index = PDF page index or image frame; width/height = upright size in
  points (PDF: after /Rotate; image: after EXIF orientation, pixels * 72 / dpi);
  thumbnail = JPEG bytes, upright (EXIF/Rotate applied, the user's rotation not applied),
  at most 256 px on the long side.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from pdorganizer.core.progress import Progress
from pdorganizer.vault import Vault


@dataclass
class ImportOptions:
    title: str | None = None  # None: suggested from the file name
    factors: list[str] = field(default_factory=list)
    kind: str = ""
    document_date: str = ""
    language: str = ""
    as_one: bool = False  # several files -> one document


@dataclass
class ImportResult:
    path: str
    status: str  # "imported" | "duplicate" | "failed"
    document_id: int | None = None
    message: str = ""  # for "failed": the reason in plain words; "duplicate": "duplicate of DOC"
    pages: int = 0


def import_files(
    vault: Vault,
    case_id: int,
    paths: Sequence[str | os.PathLike[str]],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import each file (or all as one document); bad files fail alone, the rest go on."""
    raise NotImplementedError
