"""A pypdf writer that writes objects to its file as they are finished, not at the end.

pypdf's PdfWriter keeps every object (every image of a 25 MB part) until `write`. Here
`flush()` writes the objects added since the last flush and keeps only a stand-in for
each (its number, so pypdf's copying still finds what it copied before). Held back until
`close()`: the catalog, the page tree, the document info and the page dictionaries,
which the end of a part still changes (bookmarks, page labels, link annotations).

The file is created owner-only (0600) under the temp name the caller recorded in the
vault; `close()` writes the cross-reference table and trailer (no /ID); the caller
fsyncs it (split.py, on the thread that then checks it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfWriter
from pypdf.generic import (
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
)

from pdorganizer.ingest.pdfclean import LAYER_OFF
from pdorganizer.vault import fsync_util

_HELD_TYPES = ("/Page", "/Pages", "/Catalog")


class _Written(NullObject):
    """Stands in for an object already in the file: only its number is kept."""


class _Counting:
    """The part's file, counting what is written: tell() on the file would be a system
    call per object, each a chance for the image threads to keep the GIL."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.pos = 0

    def write(self, data: Any) -> int:
        self.pos += len(data)
        return self.fh.write(data)

    def tell(self) -> int:
        return self.pos


class StreamingPdfWriter(PdfWriter):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._fh: _Counting | None = None
        self._offsets: dict[int, int] = {}  # object number -> byte offset in the file
        self._next = 0  # index in _objects of the first object not looked at yet
        self._held: list[int] = []  # indices of objects kept for close()
        # optional-content layers already written: (reference, hidden by default?)
        self.layers: list[tuple[IndirectObject, bool]] = []

    @property
    def written(self) -> int:
        """Bytes in the file so far."""
        return self._fh.tell() if self._fh is not None else 0

    def _open(self) -> _Counting:
        if self._fh is None:
            self._fh = _Counting(fsync_util.create_private(self.path, exclusive=False))
            self._fh.write(self.pdf_header.encode() + b"\n%\xe2\xe3\xcf\xd3\n")
        return self._fh

    def flush(self) -> None:
        """Write every object added since the last flush, except those held for close()."""
        fh = self._open()
        fixed = {id(self._root_object)}
        info = self._info_obj.get_object() if self._info_obj is not None else None
        if info is not None:
            fixed.add(id(info))
        for i in range(self._next, len(self._objects)):
            obj = self._objects[i]
            if obj is None:
                continue
            if id(obj) in fixed or (
                isinstance(obj, DictionaryObject) and obj.get("/Type") in _HELD_TYPES
            ):
                self._held.append(i)
                continue
            self._write(fh, i, obj)
            stand_in = _Written()
            stand_in.indirect_reference = IndirectObject(i + 1, 0, self)
            self._objects[i] = stand_in
        self._next = len(self._objects)
        # pypdf's notes for resolving links between copied pages (the packet makes its own
        # links): they would keep every reader a page came from alive.
        self._merged_in_pages.clear()
        self._unresolved_links.clear()

    def in_memory(self) -> tuple[int, int]:
        """(objects, bytes of stream data) this writer holds that are not in the file yet."""
        kept = [o for o in self._objects if o is not None and not isinstance(o, _Written)]
        return len(kept), sum(len(o._data) for o in kept if isinstance(o, StreamObject))

    def _write(self, fh: _Counting, index: int, obj: Any) -> None:
        number = index + 1
        self._offsets[number] = fh.tell()
        fh.write(b"%d 0 obj\n" % number)
        obj.write_to_stream(fh)
        fh.write(b"\nendobj\n")
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/OCG":
            self.layers.append((IndirectObject(number, 0, self), obj.get("/Name") == LAYER_OFF))

    def close(self) -> None:
        """Write what is left, the cross-reference table and the trailer (not fsynced)."""
        fh = self._open()
        rest = self._held + list(range(self._next, len(self._objects)))
        for i in sorted(rest):
            obj = self._objects[i]
            if obj is not None and not isinstance(obj, _Written):
                self._write(fh, i, obj)
        self._next = len(self._objects)
        self._held = []
        count = len(self._objects)
        xref = fh.tell()
        lines = [b"xref\n0 %d\n" % (count + 1)]
        free = [n for n in range(1, count + 1) if n not in self._offsets] + [0]
        lines.append(b"%010d 65535 f \n" % free[0])
        next_free = 1
        for n in range(1, count + 1):
            if n in self._offsets:
                lines.append(b"%010d 00000 n \n" % self._offsets[n])
            else:
                lines.append(b"%010d 00001 f \n" % free[next_free])
                next_free += 1
        fh.write(b"".join(lines))
        trailer = DictionaryObject()
        trailer[NameObject("/Size")] = NumberObject(count + 1)
        trailer[NameObject("/Root")] = self._root_object.indirect_reference
        if self._info_obj is not None:
            trailer[NameObject("/Info")] = self._info_obj.indirect_reference
        fh.write(b"trailer\n")
        trailer.write_to_stream(fh)
        fh.write(b"\nstartxref\n%d\n%%%%EOF\n" % xref)
        fh.fh.close()
        self._fh = None

    def abandon(self) -> None:
        """Close the file without finishing it (the caller removes it)."""
        if self._fh is not None:
            self._fh.fh.close()
            self._fh = None
