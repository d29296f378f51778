"""The export service used by the CLI and the GUI (contract; the export work fills it in)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from pdorganizer.core.progress import Progress
from pdorganizer.vault import Vault


@dataclass
class ExportOptions:
    profile: str = "eoir"  # eoir | opla | uscis
    quality: str = "compact"  # compact | original
    max_part_mb: float | None = None  # None: the profile's default (eoir 25, uscis 12)
    label: str = "plain"  # plain | of | bates
    bates_prefix: str = ""
    start: int = 1
    label_position: str = "center"  # left | center | right
    group_by_factor: bool = False
    page_size: str = "letter"  # letter | a4
    cover: bool = True
    service: bool = False  # certificate of service as the last page
    manifest: str = "json"  # json | page | none
    title: str = ""  # filing title on the cover; default from the profile


@dataclass
class ExportResult:
    files: list[str] = field(default_factory=list)
    page_count: int = 0
    manifest_path: str | None = None
    warnings: list[str] = field(default_factory=list)


def export_packet(
    vault: Vault,
    case_id: int,
    output: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the packet (split into _PartN files when over the size limit) and verify it."""
    raise NotImplementedError
