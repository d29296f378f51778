"""The drawn layer, rendered a chunk of pages at a time as the writer asks for pages.

Pages are asked for in packet order, so only one chunk (its reportlab output and the
pypdf reader over it) is in memory at a time, however long the packet. Each chunk is a
document of its own with its own font subsets: a part that spans two chunks carries the
fonts twice (about 40 KB), the price of not holding the whole layer."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from pdorganizer.export.layout import Geometry
from pdorganizer.export.plan import PlannedPage
from pdorganizer.export.textpages import TextContent, render

CHUNK_PAGES = 250  # a reference packet (about 250 pages) is one chunk


class LayerPages:
    def __init__(
        self,
        pages: list[PlannedPage],
        content: TextContent,
        geometry: Geometry,
        chunk: int | None = None,
    ) -> None:
        self.pages = pages
        self.content = content
        self.geometry = geometry
        self.chunk = chunk or CHUNK_PAGES
        # index or letter page -> link rectangles with their targets, of every chunk so far
        self.links: dict[int, list[tuple[float, float, float, float, Any]]] = {}
        self._start = -1
        self._reader: PdfReader | None = None
        self.retired: list[int] = []  # id() of readers dropped since the caller last looked

    def page(self, index: int) -> Any:
        """The drawn page `index` (a pypdf page of the current chunk's reader)."""
        if self._reader is None or not self._start <= index < self._start + self.chunk:
            self._load(index - index % self.chunk)
        assert self._reader is not None
        return self._reader.pages[index - self._start]

    def _load(self, start: int) -> None:
        if self._reader is not None:
            self.retired.append(id(self._reader))
        stop = min(start + self.chunk, len(self.pages))
        layer = render(self.pages, self.content, self.geometry, start, stop)
        self.links.update(layer.links)
        self._reader = PdfReader(io.BytesIO(layer.pdf))
        self._start = start

    def take_retired(self) -> list[int]:
        out, self.retired = self.retired, []
        return out
