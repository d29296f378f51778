"""One output file: the drawn layer's pages with the evidence placed underneath.

No page merging: each evidence page becomes an image or form XObject, and the output
page's content is one `q <matrix> cm /PdoSrc Do Q` stream followed by the drawn layer's
own stream (the label, drawn on top). Each page's objects go to the file as soon as the
page is added (export/pdfstream.py), so a part never holds more than one page's evidence
in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from pdorganizer.export.images import ImagePayload
from pdorganizer.export.layerpages import LayerPages
from pdorganizer.export.layout import Matrix, fmt_matrix
from pdorganizer.export.pdfpages import FormPage
from pdorganizer.export.pdfstream import StreamingPdfWriter
from pdorganizer.ingest.pdfclean import LAYER_OFF

PAGE_OVERHEAD = 2_000  # bytes per page besides its evidence (drawn layer, page objects)
PART_OVERHEAD = 160_000  # fonts, outline, cross-reference table
# What a part's end still adds to the bytes already in its file: per page its dictionary
# and cross-reference entries, then outline, labels and trailer.
TAIL_PER_PAGE, TAIL_FIXED = 600, 40_000


@dataclass
class Prepared:
    """A page ready to add: which drawn page, and the evidence under it (if any)."""

    index: int  # global page index (= page of the drawn layer)
    image: ImagePayload | None = None
    form: FormPage | None = None
    form_reader: int = 0  # id() of the reader the form comes from
    matrix: Matrix | None = None
    size: int = PAGE_OVERHEAD
    last_of_reader: bool = False  # no later page comes from the form's reader


@dataclass
class OutlineEntry:
    title: str
    page: int  # local page index in this part
    parent: str | None = None  # key of the parent entry (a factor heading)
    key: str | None = None  # set on entries that have children


@dataclass
class PartBuilder:
    text: LayerPages
    number: int
    path: Path  # the temp file, created at the first page
    writer: StreamingPdfWriter = field(init=False)
    pages: list[int] = field(default_factory=list)  # global indices held
    size: int = PART_OVERHEAD
    cleaned: dict[int, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.writer = StreamingPdfWriter(self.path)

    def add(self, prep: Prepared) -> None:
        self._add(prep)
        self.writer.flush()  # this page's objects to the file now
        # The estimates count a source PDF's shared objects (fonts...) once per export;
        # a part that repeats them knows it from the bytes written.
        written = self.writer.written + TAIL_PER_PAGE * len(self.pages) + TAIL_FIXED
        self.size = max(self.size, written)

    def forget(self, reader_ids: list[int]) -> None:
        """Drop what pypdf remembers of readers no longer used (what it copied from them,
        and the reader itself, which it keeps alive): a reader's id() may be reused."""
        for key in reader_ids:
            self.writer._id_translated.pop(key, None)
            self.cleaned.pop(key, None)

    def _add(self, prep: Prepared) -> None:
        page = self.writer.add_page(self.text.page(prep.index))
        self.pages.append(prep.index)
        self.size += prep.size
        if prep.matrix is None:
            return
        if prep.image is not None:
            xobject = self._image(prep.image)
        else:
            assert prep.form is not None
            seen = self.cleaned.setdefault(prep.form_reader, set())
            xobject = prep.form.to_form(self.writer, seen)
        place = StreamObject()
        place._data = f"q {fmt_matrix(prep.matrix)} cm /PdoSrc Do Q\n".encode()
        drawn = page.get("/Contents")
        contents = ArrayObject([self.writer._add_object(place)])
        if isinstance(drawn, ArrayObject):
            contents.extend(drawn)
        elif drawn is not None:
            contents.append(drawn)
        page[NameObject("/Contents")] = contents
        old = page.get("/Resources")
        resources = DictionaryObject(old.get_object() if old is not None else {})
        xobjects = resources.get("/XObject")
        own = DictionaryObject(xobjects.get_object() if xobjects is not None else {})
        own[NameObject("/PdoSrc")] = xobject
        resources[NameObject("/XObject")] = own
        page[NameObject("/Resources")] = resources

    def _image(self, payload: ImagePayload) -> IndirectObject:
        stream = StreamObject()
        stream[NameObject("/Type")] = NameObject("/XObject")
        stream[NameObject("/Subtype")] = NameObject("/Image")
        stream[NameObject("/Width")] = NumberObject(payload.width)
        stream[NameObject("/Height")] = NumberObject(payload.height)
        for key, value in payload.entries.items():
            stream[NameObject(key)] = _pdf_value(value)
        stream._data = payload.data
        return self.writer._add_object(stream)

    def page_ref(self, local: int) -> IndirectObject:
        return self.writer.pages[local].indirect_reference

    def finish(
        self,
        title: str,
        labels: DictionaryObject,
        outline: list[OutlineEntry],
        links: list[tuple[int, tuple[float, float, float, float], Any]],
    ) -> None:
        """Title-only metadata (replacing pypdf's /Producer; no dates, XMP or /ID), page
        labels, bookmarks, index links."""
        info = DictionaryObject()
        info[NameObject("/Title")] = TextStringObject(title)
        self.writer._info = info  # replaces pypdf's /Producer in place
        root = self.writer._root_object
        root[NameObject("/PageLabels")] = self.writer._add_object(labels)
        parents: dict[str, Any] = {}
        for entry in outline:
            parent = parents.get(entry.parent) if entry.parent else None
            item = self.writer.add_outline_item(
                title=entry.title, page_number=entry.page, parent=parent
            )
            if entry.key:
                parents[entry.key] = item
        if outline:
            root[NameObject("/PageMode")] = NameObject("/UseOutlines")
        self._layers(root)
        for local, rect, target in links:
            self._link(local, rect, target)

    def _layers(self, root: DictionaryObject) -> None:
        """Source pages' optional-content layers (renamed by the cleaner) listed in the
        catalog, so that layers the source hides by default stay hidden here."""
        found = list(self.writer.layers)  # those already in the file, then the rest
        for n, obj in enumerate(self.writer._objects):
            if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/OCG":
                found.append((IndirectObject(n + 1, 0, self.writer), obj.get("/Name") == LAYER_OFF))
        layers, hidden = ArrayObject(), ArrayObject()
        for ref, off in sorted(found, key=lambda item: item[0].idnum):
            layers.append(ref)
            if off:
                hidden.append(ref)
        if not layers:
            return
        config = DictionaryObject({NameObject("/OFF"): hidden})
        props = DictionaryObject({NameObject("/OCGs"): layers, NameObject("/D"): config})
        root[NameObject("/OCProperties")] = props

    def _link(self, local: int, rect: tuple[float, ...], target: Any) -> None:
        annot = DictionaryObject()
        annot[NameObject("/Type")] = NameObject("/Annot")
        annot[NameObject("/Subtype")] = NameObject("/Link")
        annot[NameObject("/Rect")] = ArrayObject(FloatObject(round(v, 2)) for v in rect)
        annot[NameObject("/Border")] = ArrayObject([NumberObject(0)] * 3)
        if isinstance(target, int):  # a page of this file
            keep = [NullObject(), NullObject(), NullObject()]  # keep position and zoom
            annot[NameObject("/Dest")] = ArrayObject(
                [self.page_ref(target), NameObject("/XYZ"), *keep]
            )
        else:  # (file name, page index) of another part
            name, page = target
            action = DictionaryObject()
            action[NameObject("/S")] = NameObject("/GoToR")
            action[NameObject("/F")] = TextStringObject(name)
            action[NameObject("/D")] = ArrayObject([NumberObject(page), NameObject("/Fit")])
            annot[NameObject("/A")] = action
        page = self.writer.pages[local]
        annots = page.get("/Annots")
        if annots is None:
            annots = ArrayObject()
            page[NameObject("/Annots")] = annots
        annots.append(self.writer._add_object(annot))

    def write(self, path: str) -> None:
        """Finish the file (owner-only, 0600, created at the first page): what is left,
        the cross-reference table. The caller fsyncs it."""
        assert str(path) == str(self.path)
        self.writer.close()

    def abandon(self) -> None:
        """Close an unfinished file (the caller removes it)."""
        self.writer.abandon()

    def release(self) -> None:
        """Drop the part's objects now: the writer's reference cycles would otherwise keep
        what is left of the part alive until the next full garbage collection."""
        self.writer._objects.clear()
        self.writer._id_translated.clear()
        self.writer = None  # type: ignore[assignment]


def _pdf_value(value: Any) -> Any:
    if isinstance(value, str):
        return NameObject(value)
    if isinstance(value, bool):
        return NumberObject(int(value))
    if isinstance(value, int):
        return NumberObject(value)
    if isinstance(value, float):
        return FloatObject(value)
    if isinstance(value, bytes):
        return ByteStringObject(value)
    if isinstance(value, dict):
        out = DictionaryObject()
        for k, v in value.items():
            out[NameObject(k)] = _pdf_value(v)
        return out
    return ArrayObject(_pdf_value(v) for v in value)
