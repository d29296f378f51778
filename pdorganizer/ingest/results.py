"""What an import reports for each file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportResult:
    path: str
    status: str  # "imported" | "duplicate" | "failed"
    document_id: int | None = None
    message: str = ""  # for "failed": the reason in plain words; "duplicate": "duplicate of DOC"
    pages: int = 0
    # for "imported": what the person should know ("GIF: only the first of 3 frames...")
    notes: list[str] = field(default_factory=list)
