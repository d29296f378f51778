"""Turning planned pages into `Prepared` pages, images on worker threads, in order.

Image work (decode, resize, encode) releases the GIL in Pillow, so two threads use both
cores. PDF readers are not thread-safe: PDF pages are prepared on the calling thread.

Every decoder call on a stored file runs inside `decoding()` (core/untrusted.py): a file
the export cannot use stops it with `UnusableSource`, which names the exhibit and the
document (and carries its id, so the GUI can open it)."""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Generator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from pypdf import PdfReader

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.models import Page
from pdorganizer.core.untrusted import decoding
from pdorganizer.export.assemble import PAGE_OVERHEAD, Prepared
from pdorganizer.export.encode import rendition_payload
from pdorganizer.export.images import compact_payload, original_payload
from pdorganizer.export.layout import EXIF_ORIENTATION, Geometry, place
from pdorganizer.export.pdfpages import FormPage, open_pdf
from pdorganizer.export.plan import CaseData, PlannedPage
from pdorganizer.vault import Vault, renditions

LOOKAHEAD = 6  # pages decoded ahead of the writer: bounds memory


class UnusableSource(InvalidInput):
    """A stored file the export cannot place: "exhibit C (Birth certificate): the file is
    damaged or incomplete". `reason` is the underlying message (translatable on its own:
    `reason_template`, `reason_values`); `document_id` says which document to open."""

    def __init__(self, letter: str, title: str, cause: PdoError, document_id: int) -> None:
        if letter:
            super().__init__(
                "exhibit {letter} ({title}): {reason}",
                letter=letter,
                title=title,
                reason=cause.message,
            )
        else:  # a document in no exhibit (check --deep looks at every document)
            super().__init__("document {title}: {reason}", title=title, reason=cause.message)
        self.document_id = document_id
        self.reason = cause.message
        self.reason_template = cause.template
        self.reason_values = cause.values


def unusable(data: CaseData, planned: PlannedPage, cause: PdoError) -> UnusableSource:
    """The error that names the exhibit and document of `planned`."""
    letter = ""
    if planned.exhibit is not None:
        letter = data.exhibits[planned.exhibit].exhibit.letter
    doc = planned.doc.doc if planned.doc is not None else None
    title = (doc.title if doc else "") or "untitled"
    return UnusableSource(letter, title, cause, doc.id if doc else 0)


class Preparer:
    def __init__(self, vault: Vault, data: CaseData, geometry: Geometry, quality: str) -> None:
        self.vault = vault
        self.data = data
        self.geometry = geometry
        self.quality = quality
        # reader and the ids of its objects already counted in size estimates
        self._readers: dict[int, tuple[PdfReader, set[int]]] = {}
        # source id -> index of the last page that uses it: its reader is dropped then
        self._last_use: dict[int, int] = {}
        # Image threads read stored files on connections of their own (parallel_reads).
        self._local = threading.local()
        self._connections: list[Any] = []
        self._connections_lock = threading.Lock()
        self.parallel_reads = False

    def _source_data(self, source_id: int) -> bytes:
        if not self.parallel_reads:
            return self.vault.documents.source_data(source_id)
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self.vault.read_only_connection()
            with self._connections_lock:
                self._connections.append(con)
        return self.vault.documents.source_data(source_id, con)

    def close(self) -> None:
        """Close the image threads' connections (after the threads are done)."""
        with self._connections_lock:
            for con in self._connections:
                with contextlib.suppress(Exception):
                    con.close()
            self._connections = []

    def plan(self, pages: list[PlannedPage]) -> None:
        for planned in pages:
            if planned.page is not None:
                self._last_use[planned.page.source_id] = planned.index

    def image(self, planned: PlannedPage) -> Prepared:
        page = planned.page
        assert page is not None
        source = self.data.sources[page.source_id]
        cleaned = renditions.active(self.vault, page.id)  # a cleaned photo prints as such
        raw = b"" if cleaned else self._source_data(page.source_id)
        try:
            with decoding(source.mime):
                if cleaned is not None:
                    fit = place(self.geometry, page.width, page.height, page.rotation)
                    payload = rendition_payload(
                        cleaned, self.quality, page.width * fit.scale, page.height * fit.scale
                    )
                elif self.quality == "original":
                    payload = original_payload(raw, source.mime, page.source_index)
                else:
                    fit = place(self.geometry, page.width, page.height, page.rotation)
                    payload = compact_payload(
                        raw,
                        source.mime,
                        page.source_index,
                        page.width * fit.scale,
                        page.height * fit.scale,
                    )
        except PdoError as exc:
            raise unusable(self.data, planned, exc) from None
        del raw
        mirror, turn = EXIF_ORIENTATION.get(payload.orientation, (False, 0))
        raw_w, raw_h = _raw_box(page, payload.orientation)
        placement = place(
            self.geometry,
            raw_w,
            raw_h,
            (turn + page.rotation) % 360,
            mirror,
            pre=(raw_w, 0.0, 0.0, raw_h, 0.0, 0.0),
        )
        return Prepared(
            planned.index,
            image=payload,
            matrix=placement.matrix,
            size=len(payload.data) + PAGE_OVERHEAD,
        )

    def pdf(self, planned: PlannedPage) -> Prepared:
        page = planned.page
        assert page is not None
        reader, counted = self._reader(page.source_id, planned)
        try:
            with decoding("application/pdf"):
                try:
                    form = FormPage(reader.pages[page.source_index])
                except IndexError:
                    raise InvalidInput("a PDF page is damaged") from None
                size = form.estimate(counted)
        except PdoError as exc:
            raise unusable(self.data, planned, exc) from None
        raw_w, raw_h = form.raw_size
        placement = place(
            self.geometry, raw_w, raw_h, (form.rotate + page.rotation) % 360, pre=form.pre_matrix
        )
        last = self._last_use.get(page.source_id) == planned.index
        if last:  # the Prepared keeps it alive until its page is written
            del self._readers[page.source_id]
        return Prepared(
            planned.index,
            form=form,
            form_reader=id(reader),
            matrix=placement.matrix,
            size=size + PAGE_OVERHEAD,
            last_of_reader=last,
        )

    def _reader(self, source_id: int, planned: PlannedPage) -> tuple[PdfReader, set[int]]:
        if source_id not in self._readers:
            raw = self.vault.documents.source_data(source_id)
            try:
                with decoding("application/pdf"):
                    reader = open_pdf(raw)
            except PdoError as exc:
                raise unusable(self.data, planned, exc) from None
            self._readers[source_id] = (reader, set())
        return self._readers[source_id]

    def is_pdf(self, page: Page) -> bool:
        return self.data.sources[page.source_id].mime == "application/pdf"


def _raw_box(page: Page, orientation: int) -> tuple[float, float]:
    """The stored image's box in points (the page row holds the upright size)."""
    if orientation in (5, 6, 7, 8):
        return page.height, page.width
    return page.width, page.height


def prepared_in_order(prep: Preparer, pages: list[PlannedPage]) -> Generator[Prepared, None, None]:
    """Every page of `pages` as Prepared, in order, images prepared ahead on two threads
    (each reading stored files on its own connection). A source PDF's reader is dropped
    after its last page (readers are not small)."""
    prep.plan(pages)
    prep.parallel_reads = True
    queue: deque[tuple[PlannedPage, Future | None]] = deque()
    todo = iter(pages)
    try:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pdo-export") as pool:
            try:
                while True:
                    while len(queue) < LOOKAHEAD:
                        planned = next(todo, None)
                        if planned is None:
                            break
                        future = None
                        if planned.kind == "doc":
                            assert planned.page is not None
                            if not prep.is_pdf(planned.page):
                                future = pool.submit(prep.image, planned)
                        queue.append((planned, future))
                    if not queue:
                        return
                    planned, future = queue.popleft()
                    if future is not None:
                        yield future.result()
                    elif planned.kind == "doc":
                        yield prep.pdf(planned)
                    else:
                        yield Prepared(planned.index)
            finally:
                for _, future in queue:
                    if future is not None:
                        future.cancel()
    finally:
        prep.close()  # the pool's exit waited for its threads
