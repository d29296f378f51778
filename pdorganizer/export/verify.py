"""Re-open what was written and check it against the plan, before the user gets it.

Checked per file: page count, the label stamped on every page and the /PageLabels a
viewer shows, every outline entry (title and target page), every index link target, and
that no document-level metadata or non-drawing data came along."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject

from pdorganizer.core.errors import PdoError

_SHOWN = re.compile(rb"\(((?:[^()\\]|\\.)*)\)\s*Tj")


class VerificationFailed(PdoError):
    def __init__(self, name: str, what: str) -> None:
        super().__init__(f"the written packet failed its check ({name}: {what}); nothing was kept")


@dataclass
class Expected:
    name: str
    stamped: list[str | None]  # per page; None: no label (the cover)
    viewer: list[str]
    outline: list[tuple[str, int, int]]  # title, page, depth
    links: list[tuple[int, Any]] = field(default_factory=list)  # page, target


def check_file(path: Path, expected: Expected) -> str:
    """Verify `path`; return its SHA-256. The file is read from disk, never whole into
    memory: the reader seeks to the objects the checks look at."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
        fh.seek(0)
        # Closed on return: the reader's reference cycles must not keep the file open.
        _check(PdfReader(fh), expected)
    return digest.hexdigest()


def _check(reader: PdfReader, expected: Expected) -> None:
    name = expected.name
    try:
        pages = reader.pages
        count = len(pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise VerificationFailed(name, "it does not parse as a PDF") from exc
    if count != len(expected.stamped):
        raise VerificationFailed(name, f"{count} pages instead of {len(expected.stamped)}")
    for i, want in enumerate(expected.stamped):
        got = last_shown_text(pages[i])
        if want is not None and got != want:
            raise VerificationFailed(name, f"page {i + 1} is labelled {got!r}, not {want!r}")
    viewer = list(reader.page_labels)
    if viewer != expected.viewer:
        bad = next(
            (i for i, (a, b) in enumerate(zip(viewer, expected.viewer, strict=False)) if a != b),
            min(len(viewer), len(expected.viewer)),
        )
        raise VerificationFailed(name, f"the viewer page label of page {bad + 1} is wrong")
    outline = list(_walk_outline(reader, reader.outline, 0))
    if outline != expected.outline:
        raise VerificationFailed(name, "the bookmarks do not match the exhibits")
    links = _links(reader)
    if links != expected.links:
        raise VerificationFailed(name, "a link in the index points to the wrong page")
    _check_metadata(reader, name)


# Where a PDF keeps document-level data that is not drawing; none may be in a packet.
_NOT_IN_CATALOG = (
    "/Metadata", "/Names", "/OpenAction", "/AA", "/AcroForm", "/StructTreeRoot", "/Threads",
    "/PieceInfo", "/Perms", "/Collection", "/Dests", "/SpiderInfo", "/Legal", "/AF",
)  # fmt: skip
_NOT_ON_PAGES = ("/Metadata", "/PieceInfo", "/Thumb", "/AA", "/LastModified")


def _check_metadata(reader: PdfReader, name: str) -> None:
    """A second line behind the allow-list: the packet's only metadata is its title."""
    info = reader.trailer.get("/Info")
    if info is not None and set(info.get_object().keys()) - {"/Title"}:
        raise VerificationFailed(name, "it carries document metadata besides its title")
    root = reader.trailer["/Root"].get_object()
    pages = reader.pages
    if any(key in root for key in _NOT_IN_CATALOG) or any(
        key in pages[i] for i in range(len(pages)) for key in _NOT_ON_PAGES
    ):
        raise VerificationFailed(name, "it carries data from a source file besides drawing")


def last_shown_text(page: Any) -> str | None:
    """The last string the page's last content stream shows: the drawn label."""
    contents = page.get("/Contents")
    if contents is None:
        return None
    contents = contents.get_object()
    stream = contents[-1].get_object() if isinstance(contents, ArrayObject) else contents
    found = _SHOWN.findall(stream.get_data())
    if not found:
        return None
    return re.sub(rb"\\(.)", rb"\1", found[-1]).decode("latin-1")


def _walk_outline(reader: PdfReader, items: list, depth: int):
    last = None
    for item in items:
        if isinstance(item, list):
            yield from _walk_outline(reader, item, depth + 1)
            continue
        last = item
        yield (str(last.title), reader.get_destination_page_number(last), depth)


def _links(reader: PdfReader) -> list[tuple[int, Any]]:
    index_of = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out: list[tuple[int, Any]] = []
    for i, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot:
                dest = annot["/Dest"]
                out.append((i, index_of.get(dest[0].idnum, -1)))
            elif "/A" in annot:
                action = annot["/A"].get_object()
                out.append((i, (str(action.get("/F")), int(action["/D"][0]))))
    return out
