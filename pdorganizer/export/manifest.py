"""The manifest beside the packet: SHA-256 of every source file and of every output file,
so anyone can later show the packet and its sources are the ones that were filed."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from pdorganizer.export.plan import CaseData, PlannedPage
from pdorganizer.vault import fsync_util

FORMAT = "pdorganizer-export-manifest"


@dataclass
class OutputFile:
    name: str
    sha256: str
    size: int
    pages: list[int]  # global page indices


def manifest_name(target: Path) -> str:
    return f"{target.stem}.manifest.json"


def build(data: CaseData, pages: list[PlannedPage], title: str, files: list[OutputFile]) -> dict:
    def label(index: int) -> str:
        return pages[index].label or "Cover"

    exhibits = []
    for entry in data.exhibits:
        documents = []
        for doc in entry.docs:
            source_ids: list[int] = []
            for page in doc.pages:
                if page.source_id not in source_ids:
                    source_ids.append(page.source_id)
            documents.append(
                {
                    "id": doc.doc.id,
                    "title": doc.doc.title,
                    "pages": len(doc.pages),
                    "translation_of": doc.doc.translation_of,
                    "sources": [
                        {
                            "sha256": data.sources[s].sha256,
                            "type": data.sources[s].mime,
                            "bytes": data.sources[s].size,
                        }
                        for s in source_ids
                    ],
                }
            )
        exhibits.append(
            {
                "letter": entry.exhibit.letter,
                "description": entry.exhibit.description,
                "pages": [label(entry.first), label(entry.last)],
                "documents": documents,
            }
        )
    return {
        "format": FORMAT,
        "version": 1,
        "title": title,
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "page_count": len(pages),
        "files": [
            {
                "name": f.name,
                "sha256": f.sha256,
                "bytes": f.size,
                "pages": len(f.pages),
                "labels": [label(f.pages[0]), label(f.pages[-1])],
            }
            for f in files
        ],
        "exhibits": exhibits,
    }


def write(path: Path, manifest: dict) -> None:
    """Into a new temp file of the export (owner-only, 0600), synced to disk."""
    data = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    with fsync_util.create_private(path, exclusive=False) as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
