"""Writing the packet as one file or as _PartN files under a size limit.

Pages stream through in order, each written to its part's file as it comes. An exhibit
that does not fit in what is left of the current part starts a new part; one larger
than a whole part is cut between pages. Only while that is undecided (an exhibit that
began after others in a part) are its pages held, at most what is left of the part.
Part 1 (cover and index) is finished last, when every exhibit's file is known, so its
index links can point into the other parts."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf.errors import PyPdfError

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.progress import Progress
from pdorganizer.core.titles import clip_words
from pdorganizer.export.assemble import PART_OVERHEAD, OutlineEntry, PartBuilder, Prepared
from pdorganizer.export.layerpages import LayerPages
from pdorganizer.export.plan import CaseData, PlannedPage
from pdorganizer.export.stamping import LabelStyle, page_labels_tree
from pdorganizer.vault import fsync_util

MB = 1024 * 1024
LETTER_BOOKMARK = "Request Letter"


_BROKEN_PDF = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError)


class Oversize(Exception):
    """A written part came out over the limit: retry with a smaller budget."""


@dataclass
class PartFile:
    number: int
    temp: Path
    pages: list[int]  # global page indices
    outline: list[OutlineEntry] = field(default_factory=list)
    links: list[tuple[int, tuple[float, float, float, float], object]] = field(default_factory=list)
    name: str = ""


def unit_of(page: PlannedPage) -> object:
    if page.kind in ("cover", "letter", "index", "timeline"):
        return "front"
    if page.exhibit is not None:
        return page.exhibit
    return ("back", page.index)


def part_name(target: Path, number: int, count: int) -> str:
    return target.name if count == 1 else f"{target.stem}_Part{number}{target.suffix}"


@dataclass
class PartWriter:
    target: Path
    data: CaseData
    pages: list[PlannedPage]
    style: LabelStyle
    title: str
    grouped: bool
    text: LayerPages
    limit: int
    budget: int
    progress: Progress
    quality: str = "compact"
    token: str = field(default_factory=lambda: secrets.token_hex(4))
    done: list[PartFile] = field(default_factory=list)
    temps: list[Path] = field(default_factory=list)
    open: list[PartBuilder] = field(default_factory=list)  # parts whose file is not finished
    # Re-opens a finished part and checks it (service._verify), on a thread of its own
    # while the next part is written; `checked()` collects the results in part order.
    check: Callable[[PartFile], Any] | None = None
    checks: dict[int, Future] = field(default_factory=dict)
    _checker: ThreadPoolExecutor | None = None

    @property
    def temp_prefix(self) -> str:
        """What every temp file of this writer's name starts with (for the vault's
        record of writes under way: vault.writing_to)."""
        return f".{self.target.stem}.pdo-export-{self.token}-"

    def _temp(self, number: int) -> Path:
        path = self.target.parent / f"{self.temp_prefix}{number}.tmp"
        self.temps.append(path)
        return path

    def extra_temp(self, what: str) -> Path:
        path = self.target.parent / f"{self.temp_prefix}{what}.tmp"
        self.temps.append(path)
        return path

    def cleanup(self) -> None:
        for builder in self.open:
            builder.abandon()
        self.open = []
        self._stop_checks()  # no thread may still read a file that is removed
        for path in self.temps:
            with contextlib.suppress(OSError):
                path.unlink()

    def _builder(self, number: int) -> PartBuilder:
        builder = PartBuilder(self.text, number, self._temp(number))
        self.open.append(builder)
        return builder

    def write(self, prepared: Iterator[Prepared]) -> list[PartFile]:
        first_builder = current = self._builder(1)  # finished parts are not kept
        pending: list[Prepared] = []  # pages of an exhibit whose part is not decided yet
        pending_size = 0
        unit: object = None
        # Does the current unit's part stay as it is (so its pages go straight in)? Yes for
        # the front matter and for a unit that began an empty part or was moved or cut.
        placed = True
        for prep in prepared:
            self.progress.step()
            planned = self.pages[prep.index]
            key = unit_of(planned)
            if key != unit:
                self._flush(current, pending)
                pending, pending_size, unit = [], 0, key
                placed = key == "front" or not current.pages
            if prep.size + PART_OVERHEAD > self.budget:
                raise self._too_large(planned)
            if current.size + pending_size + prep.size > self.budget:
                if not placed:
                    current = self._close(current)  # the unit starts a fresh part
                    placed = True
                if current.size + pending_size + prep.size > self.budget and (
                    pending or current.pages
                ):
                    self._flush(current, pending)  # too big for any part: cut it here
                    pending, pending_size = [], 0
                    current = self._close(current)
            if placed:
                self._flush(current, [*pending, prep])
                pending, pending_size = [], 0
            else:
                pending.append(prep)
                pending_size += prep.size
        self._flush(current, pending)
        if current is not first_builder:
            self._close(current)
        count = len(self.done) + 1
        first = self._part_file(first_builder)
        self.done.insert(0, first)
        for part in self.done:
            part.name = part_name(self.target, part.number, count)
        first.links = self._index_links(first)
        self._finish(first_builder, first, count)
        return self.done

    def _too_large(self, planned: PlannedPage) -> PdoError:
        limit = f"{self.limit / MB:g}"
        if planned.exhibit is None:
            return PdoError(
                "a page of the packet alone is too large for the {limit} MB file size limit",
                limit=limit,
            )
        letter = self.data.exhibits[planned.exhibit].exhibit.letter
        if self.quality == "original":
            return PdoError(
                "a page of exhibit {letter} alone is too large for the {limit} MB file size "
                "limit; export with compact quality",
                letter=letter,
                limit=limit,
            )
        return PdoError(
            "a page of exhibit {letter} alone is too large for the {limit} MB file size "
            "limit; raise the size limit",
            letter=letter,
            limit=limit,
        )

    def _what(self, planned: PlannedPage) -> str:
        if planned.exhibit is None:
            return "the packet"
        return f"exhibit {self.data.exhibits[planned.exhibit].exhibit.letter}"

    def _flush(self, builder: PartBuilder, pending: list[Prepared]) -> None:
        for prep in pending:
            try:
                builder.add(prep)
            except _BROKEN_PDF:
                if prep.form is None:
                    raise
                # a source PDF whose page objects are malformed (found while copying)
                what = self._what(self.pages[prep.index])
                raise InvalidInput(f"{what}: a page of a PDF is damaged") from None
            retired = self.text.take_retired()
            if prep.last_of_reader:
                retired.append(prep.form_reader)
            if retired:
                for held in self.open:
                    held.forget(retired)

    def _close(self, builder: PartBuilder) -> PartBuilder:
        """Write a finished part (not part 1) and start the next."""
        if builder.number != 1:
            part = self._part_file(builder)
            self.done.append(part)
            self._finish(builder, part, 0)
        return self._builder(builder.number + 1)

    def _part_file(self, builder: PartBuilder) -> PartFile:
        part = PartFile(builder.number, builder.path, list(builder.pages))
        part.outline = self._outline(part.pages)
        return part

    def _finish(self, builder: PartBuilder, part: PartFile, count: int) -> None:
        title = self.title if count == 1 else f"{self.title} (Part {builder.number})"
        labels = page_labels_tree(
            [(self.pages[g].kind, self.pages[g].number) for g in part.pages], self.style
        )
        builder.finish(title, labels, part.outline, part.links)
        builder.write(str(part.temp))
        self.open.remove(builder)
        builder.release()
        if os.path.getsize(part.temp) > self.limit:
            raise Oversize()
        if self.check is None:
            fsync_util.fsync_file(part.temp)
            return
        if part.number > 1:  # there are parts, so its name is known already
            part.name = part_name(self.target, part.number, 2)
        if self._checker is None:
            self._checker = ThreadPoolExecutor(1, thread_name_prefix="pdo-export-check")
        self.checks[part.number] = self._checker.submit(self._settle, part)

    def _settle(self, part: PartFile) -> Any:
        """(On the check thread) the part to disk, then re-opened and checked: the disk
        works while the next part is written. Nothing is renamed before this is done."""
        fsync_util.fsync_file(part.temp)
        assert self.check is not None
        return self.check(part)

    def checked(self) -> list[Any]:
        """What `check` returned for each part, in part order (its error, if one failed)."""
        try:
            return [self.checks[n].result() for n in sorted(self.checks)]
        finally:
            self._stop_checks()

    def _stop_checks(self) -> None:
        for future in self.checks.values():
            future.cancel()
        wait(list(self.checks.values()))
        self.checks = {}
        if self._checker is not None:
            self._checker.shutdown(wait=True)
            self._checker = None

    def _outline(self, pages: list[int]) -> list[OutlineEntry]:
        out: list[OutlineEntry] = []
        seen_exhibits: set[int] = set()
        group_key: str | None = None
        group_id = ""
        for local, g in enumerate(pages):
            page = self.pages[g]
            if page.kind == "cover":
                out.append(OutlineEntry("Cover", local))
            elif page.kind == "letter" and page.chunk == 0:
                out.append(OutlineEntry(LETTER_BOOKMARK, local))
            elif page.kind == "index" and page.chunk == 0:
                out.append(OutlineEntry("Index of Exhibits", local))
            elif page.kind == "timeline":
                out.append(OutlineEntry("Timeline of Evidence", local))
            elif page.kind == "manifest" and page.chunk == 0:
                out.append(OutlineEntry("Manifest of Source Files", local))
            elif page.kind == "service":
                out.append(OutlineEntry("Certificate of Service", local))
            elif page.exhibit is not None and page.exhibit not in seen_exhibits:
                seen_exhibits.add(page.exhibit)
                entry = self.data.exhibits[page.exhibit]
                title = exhibit_title(entry.exhibit.letter, entry.exhibit.description)
                if page.kind != "slip":
                    title = title.replace(":", " (continued):", 1)
                parent = None
                if self.grouped:
                    if entry.group != group_key:  # a new run of this factor: its heading
                        group_key, group_id = entry.group, f"g{local}"
                        out.append(OutlineEntry(entry.group, local, key=group_id))
                    parent = group_id
                out.append(OutlineEntry(title, local, parent=parent))
        return out

    def _index_links(self, first: PartFile) -> list:
        where: dict[int, tuple[PartFile, int]] = {}
        for part in self.done:
            for local, g in enumerate(part.pages):
                where.setdefault(g, (part, local))
        links = []
        for local, g in enumerate(first.pages):
            for x0, y0, x1, y1, ex in self.text.links.get(g, []):
                # An index row links to its exhibit; a letter citation ("page", g) to a page.
                slip = ex[1] if isinstance(ex, tuple) else self.data.exhibits[ex].first
                part, target_local = where[slip]
                target = target_local if part is first else (part.name, target_local)
                links.append((local, (x0, y0, x1, y1), target))
        return links


def exhibit_title(letter: str, description: str) -> str:
    return f"Exhibit {letter}: {clip_words(' '.join(description.split()), 90, '...')}"
