"""Reading a source PDF the one way both import and export read it (Qt-free).

`load_pdf` opens the bytes (lenient pypdf; if pypdf cannot make sense of the file, a copy
repaired in memory by pdfium, which is what the thumbnails come from anyway) and runs
the export's page extraction on every page: content streams decoded, resources walked and
cut down to the allow-list. Import calls it to judge a file, export calls it to use one:
a PDF that imports can be placed. Everything pypdf or pdfium raises on these bytes is a
damaged file (core/untrusted.py), never "something went wrong".
"""

from __future__ import annotations

import io
import math
import re
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pypdf import PasswordType, PdfReader, PdfWriter
from pypdf.errors import LimitReachedError
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
)

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.untrusted import DamagedFile, decoding
from pdorganizer.ingest import pdfium_guard
from pdorganizer.ingest.partial_decode import filters_of, readable, whole
from pdorganizer.ingest.pdfclean import Cleaner, cut_swallowed
from pdorganizer.ingest.pdfcontent import strip_marked_content
from pdorganizer.ingest.pdfium_jobs import MAX_PAGES, PasswordProtected

# pdfium is not thread-safe: one call into it at a time, process-wide (the GUI preview;
# import's pdfium work runs in a child process, ingest/pdfium_guard).
PDFIUM_LOCK = threading.Lock()

LETTER = (0.0, 0.0, 612.0, 792.0)  # what pdfium and poppler assume without a /MediaBox

# Filters a page's content stream can use and every viewer decodes: such a stream that
# pypdf cannot decode is copied still encoded rather than refused.
_TEXT_FILTERS = {
    "/FlateDecode", "/Fl", "/LZWDecode", "/LZW", "/ASCII85Decode", "/A85",
    "/ASCIIHexDecode", "/AHx", "/RunLengthDecode", "/RL",
}  # fmt: skip
# After the last %%EOF only junk may follow (scanners pad files); PDF syntax there means
# an update that was cut short, and pypdf's repair would silently drop its pages.
_CUT_UPDATE = re.compile(rb"\d+\s+\d+\s+obj\b|\bxref\b|\btrailer\b|\bstartxref\b|\bendstream\b")


class UnsupportedEncryption(InvalidInput):
    def __init__(
        self, message: str = "this PDF is encrypted in a way this app cannot read"
    ) -> None:
        super().__init__(message)


@dataclass
class PageDrawing:
    """One page cut down to what draws it. `content` is decoded drawing, or when `raw` is
    set, `raw` is the page's single content stream still encoded (viewers decode it)."""

    box: tuple[float, float, float, float]
    unit: float
    rotate: int
    content: bytes
    raw: StreamObject | None
    resources: Any  # cleaned /Resources (IndirectObject or DictionaryObject) or None
    group: Any
    # (matrix that puts it on the page, cleaned appearance form) per filled-in field
    appearances: list[tuple[tuple[float, ...], Any]] = field(default_factory=list)

    @property
    def raw_size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.box
        return (x1 - x0) * self.unit, (y1 - y0) * self.unit

    def estimate(self, counted: set[int]) -> int:
        """Bytes this page adds to a file: its content and the streams its resources use
        (`counted`: this reader's objects already counted, e.g. a font shared by pages)."""
        d = self
        total = len(d.content) // 3 if d.raw is None else len(d.raw._data)
        stack: list[Any] = [d.resources, d.group, *(a for _, a in d.appearances)]
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                if item.idnum in counted:
                    continue
                counted.add(item.idnum)
                item = item.get_object()
            if isinstance(item, StreamObject):
                total += len(item._data)
            if isinstance(item, DictionaryObject):
                stack.extend(item.values())
            elif isinstance(item, ArrayObject):
                stack.extend(item)
        return total

    def to_form(self, writer: PdfWriter) -> IndirectObject:
        """The page as one form XObject in `writer`: the cleaned objects copied, nothing
        decoded (import rehearses this on every page, so export cannot fail here)."""
        d = self
        res: Any = d.resources.clone(writer) if d.resources is not None else DictionaryObject()
        if d.raw is not None:
            page = _raw_form(d.raw, self.box, res)
        else:
            page = _form(d.content, self.box, res)
        if d.group is not None:
            page[NameObject("/Group")] = d.group.clone(writer)
        if not d.appearances:
            return writer._add_object(page)
        # The page and its filled-in fields, each a form inside one outer form.
        outer_res = DictionaryObject()
        xobjects = DictionaryObject()
        xobjects[NameObject("/PdoPage")] = writer._add_object(page)
        draws = [b"q /PdoPage Do Q"]
        for n, (matrix, normal) in enumerate(d.appearances):
            clone = normal.clone(writer)
            if not isinstance(clone, IndirectObject):
                clone = writer._add_object(clone)
            name = f"/PdoAnnot{n}"
            xobjects[NameObject(name)] = clone
            cm = " ".join(f"{v:.5f}" for v in matrix)
            draws.append(f"q {cm} cm {name} Do Q".encode())
        outer_res[NameObject("/XObject")] = xobjects
        return writer._add_object(_form(b"\n".join(draws), self.box, outer_res))


def _form(content: bytes, box: tuple[float, ...], resources: Any) -> StreamObject:
    form = _form_dict(box, resources)
    form[NameObject("/Filter")] = NameObject("/FlateDecode")
    form._data = zlib.compress(content, 6)
    return form


def _raw_form(raw: StreamObject, box: tuple[float, ...], resources: Any) -> StreamObject:
    """The page's content stream copied still encoded (pypdf could not decode it)."""
    form = _form_dict(box, resources)
    for key in ("/Filter", "/DecodeParms"):
        if key in raw:
            form[NameObject(key)] = raw[key]  # cleaned: names and plain numbers only
    form._data = raw._data
    return form


def _form_dict(box: tuple[float, ...], resources: Any) -> StreamObject:
    form = StreamObject()
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in box)
    form[NameObject("/Resources")] = resources
    return form


@dataclass
class SourcePdf:
    reader: PdfReader
    cleaner: Cleaner
    repaired: bool  # read from pdfium's repaired copy
    _index: dict[int, int] | None = None

    @property
    def count(self) -> int:
        return len(self.reader.pages)

    def index_of(self, page: Any) -> int:
        """The index of a page object of this reader (pypdf's page_number can be None
        for odd page trees)."""
        if self._index is None:
            pages = self.reader.pages
            self._index = {id(pages[i]): i for i in range(len(pages))}
        return self._index[id(page)]

    def page(self, index: int) -> PageDrawing:
        with decoding("PDF page"):
            return _drawing(self.reader.pages[index], self.cleaner)


def load_pdf(
    data: bytes,
    password: str = "",
    on_image: Callable[[StreamObject], None] | None = None,
    rehearse: bool = False,
) -> SourcePdf:
    """The PDF opened and every page extracted once (results dropped; the cleaning of
    shared resources is kept). `rehearse` (import): each page is also copied as a form
    into a throwaway writer, as the export will. PdoErrors only: DamagedFile, ..."""
    _check_complete(data)
    first: PdoError
    try:
        with decoding("PDF"):
            source = _checked(_pypdf_reader(data, password), False, on_image, rehearse)
        pages = pdfium_page_count(data, source.count, password)
        if pages is None or pages == source.count:
            return source
        # pypdf and pdfium read different page trees: take pdfium's reading, which the
        # thumbnails show, rather than export pages the person has not seen.
        first = DamagedFile()
    except (PasswordProtected, UnsupportedEncryption) as exc:
        first = exc
    except InvalidInput as exc:
        if not isinstance(exc, DamagedFile):
            raise  # too many pages, impossible size...: pdfium would not change that
        first = exc
    repaired = pdfium_repaired(data, password)
    if repaired is None:
        raise first
    try:
        with decoding("PDF"):
            return _checked(_pypdf_reader(repaired, ""), True, on_image, rehearse)
    except DamagedFile:
        raise first from None


def _check_complete(data: bytes) -> None:
    end = data.rfind(b"%%EOF")
    if end < 0 or _CUT_UPDATE.search(data, end + 5):
        raise DamagedFile()


def _pypdf_reader(data: bytes, password: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except NotImplementedError:  # pypdf reads /Encrypt while opening
        if b"/Encrypt" in data:
            raise UnsupportedEncryption() from None
        raise
    if reader.is_encrypted:
        try:
            result = reader.decrypt(password)
        except NotImplementedError:
            raise UnsupportedEncryption() from None
        if result == PasswordType.NOT_DECRYPTED:
            if not _only_attachments_encrypted(reader):
                raise PasswordProtected()
            # Pages and strings are not encrypted (Identity), only embedded files are,
            # and those are never read: read the rest as a plain PDF.
            reader._encryption = None
    return reader


def _only_attachments_encrypted(reader: PdfReader) -> bool:
    enc = reader.trailer["/Encrypt"].get_object()
    if not isinstance(enc, DictionaryObject) or int(enc.get("/V", 0)) < 4:
        return False
    return all(enc.get(key, "/Identity") == "/Identity" for key in ("/StmF", "/StrF"))


def _checked(
    reader: PdfReader,
    repaired: bool,
    on_image: Callable[[StreamObject], None] | None,
    rehearse: bool,
) -> SourcePdf:
    count = len(reader.pages)
    if count < 1:
        raise DamagedFile()
    if count > MAX_PAGES:
        raise InvalidInput("too many pages in one PDF")
    source = SourcePdf(reader, Cleaner(reader, on_image), repaired)
    writer = PdfWriter() if rehearse else None
    for i in range(count):
        drawing = _drawing(reader.pages[i], source.cleaner)
        if writer is not None:
            drawing.to_form(writer)
    if writer is not None:
        writer._objects.clear()  # its reference cycles would keep the copies alive
    return source


def pdfium_page_count(data: bytes, expected: int, password: str = "") -> int | None:
    """How many pages pdfium reads (`expected`: pypdf's count); None when pdfium cannot
    open the file. In the guarded child: DamagedFile if pdfium hangs or crashes on it."""
    return pdfium_guard.run("page_count", data, expected, password, pages=expected)


def pdfium_repaired(data: bytes, password: str = "") -> bytes | None:
    """pdfium's own re-save of the file (xref rebuilt, security removed), in memory; None
    when pdfium cannot open it either. PasswordProtected when it needs a password. In the
    guarded child: DamagedFile if pdfium hangs or crashes on it."""
    # pages unknown (pypdf could not read the file): the time grows with its size
    pages = len(data) // _REPAIR_BYTES_PER_PAGE
    return pdfium_guard.run("repaired", data, password, pages=pages)


_REPAIR_BYTES_PER_PAGE = 256 * 1024


def _drawing(page: Any, cleaner: Cleaner) -> PageDrawing:
    if not isinstance(page, DictionaryObject):
        raise DamagedFile()
    box = page_box(page)
    unit = page_unit(page)
    content, raw = _content(page)
    resources = page.get("/Resources")
    resources = cleaner.resources(resources) if resources is not None else None
    group = page.get("/Group")
    group = cleaner.value(group, "group") if group is not None else None
    appearances = []
    for rect, normal in visible_appearances(page, cleaner.hidden_layers):
        cleaned = cleaner.value(normal, "xobject")
        matrix = _fit(rect, cleaned.get_object()) if cleaned is not None else None
        if matrix is not None:
            appearances.append((matrix, cleaned))
    return PageDrawing(
        box,
        unit,
        page_rotation(page),
        content,
        raw,
        resources,
        group,
        appearances,
    )


def _fit(rect: list[float], form: Any) -> tuple[float, ...] | None:
    """The `cm` that draws an appearance in its annotation's rectangle (PDF 12.5.5: the
    form's BBox, transformed by its /Matrix, mapped onto /Rect)."""
    bbox = _rect(form.get("/BBox")) if isinstance(form, StreamObject) else None
    if bbox is None:
        return None
    m = form.get("/Matrix")
    a, b, c, d, e, f = (
        [float(v) for v in m] if isinstance(m, ArrayObject) and len(m) == 6 else (1, 0, 0, 1, 0, 0)
    )
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in bbox[::2] for y in bbox[1::2]]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    if w <= 0 or h <= 0 or not all(math.isfinite(v) for v in (*xs, *ys)):
        return None
    sx, sy = (rect[2] - rect[0]) / w, (rect[3] - rect[1]) / h
    return (sx, 0.0, 0.0, sy, rect[0] - min(xs) * sx, rect[1] - min(ys) * sy)


def page_box(page: Any) -> tuple[float, float, float, float]:
    """The visible box: CropBox within MediaBox; an empty or broken CropBox is the
    MediaBox, a broken MediaBox is US Letter (as pdfium and poppler do)."""
    media = _rect(page.get("/MediaBox")) or LETTER
    crop = _rect(page.get("/CropBox"))
    if crop is None:
        return media
    x0, y0 = max(crop[0], media[0]), max(crop[1], media[1])
    x1, y1 = min(crop[2], media[2]), min(crop[3], media[3])
    if x1 - x0 < 1 or y1 - y0 < 1:
        return media
    return (x0, y0, x1, y1)


def page_unit(page: Any) -> float:
    """/UserUnit (points per unit), 1 when absent or absurd."""
    unit = _number(page.get("/UserUnit"), 1.0)
    return unit if 0.01 <= unit <= 1000 else 1.0


def _rect(value: Any) -> tuple[float, float, float, float] | None:
    value = _resolve(value)
    if not isinstance(value, ArrayObject) or len(value) != 4:
        return None
    try:
        a, b, c, d = (float(_resolve(v)) for v in value)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (a, b, c, d)):
        return None
    x0, x1, y0, y1 = min(a, c), max(a, c), min(b, d), max(b, d)
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        return None  # empty: as good as missing
    return (x0, y0, x1, y1)


def _number(value: Any, default: float) -> float:
    value = _resolve(value)
    if isinstance(value, (NumberObject, FloatObject)) and not isinstance(value, BooleanObject):
        result = float(value)
        return result if math.isfinite(result) else default
    return default


def page_rotation(page: Any) -> int:
    """/Rotate as 0, 90, 180 or 270 (inherited, negative and odd values normalised)."""
    value = _resolve(page.get("/Rotate", 0))
    try:
        value = int(value) % 360
    except (TypeError, ValueError):
        return 0
    return value if value % 90 == 0 else 0


def _content(page: Any) -> tuple[bytes, StreamObject | None]:
    contents = _resolve(page.get("/Contents"))
    if contents is None or isinstance(contents, NullObject):
        return b"", None
    items = list(contents) if isinstance(contents, ArrayObject) else [contents]
    streams = [s for s in (_resolve(i) for i in items) if isinstance(s, StreamObject)]
    parts = []
    for stream in streams:
        cut_swallowed(stream)
        try:
            parts.append(stream.get_data())
        except (PdoError, LimitReachedError):
            raise  # a decompression bomb is not passed on to viewers
        except Exception:
            if len(streams) == 1 and set(filters_of(stream)[0]) <= _TEXT_FILTERS:
                if whole(stream):
                    return b"", stream  # viewers decode it; no need for us to
                # It ran on past its end: the rest is often the file's next objects
                # (its metadata), never to be copied. Only what can still be read goes.
                parts.append(readable(stream))
                continue
            raise DamagedFile() from None
    content = b"\n".join(parts)
    return strip_marked_content(content) or content, None


_HIDDEN, _NOVIEW = 2, 32


def visible_appearances(
    page: Any, hidden_layers: frozenset[tuple[int, int]] = frozenset()
) -> list[tuple[list[float], Any]]:
    """(rect, normal appearance reference) of each annotation a viewer shows (not hidden
    by its flags, nor in a layer the source hides)."""
    annots = _resolve(page.get("/Annots"))
    found: list[tuple[list[float], Any]] = []
    if not isinstance(annots, ArrayObject):
        return found
    for ref in annots:
        annot = _resolve(ref)
        if not isinstance(annot, DictionaryObject) or "/Rect" not in annot:
            continue
        if annot.get("/Subtype") in ("/Popup", "/Link"):
            continue
        flags = _resolve(annot.get("/F", 0))
        if isinstance(flags, NumberObject) and int(flags) & (_HIDDEN | _NOVIEW):
            continue
        layer = annot.get("/OC")
        if isinstance(layer, IndirectObject) and (layer.idnum, layer.generation) in hidden_layers:
            continue
        rect = _rect(annot.get("/Rect"))
        ap = _resolve(annot.get("/AP"))
        normal_ref = ap.get("/N") if isinstance(ap, DictionaryObject) else None
        normal = _resolve(normal_ref)
        if isinstance(normal, DictionaryObject) and not isinstance(normal, StreamObject):
            state = _resolve(annot.get("/AS"))
            normal_ref = normal.get(state) if isinstance(state, NameObject) else None
            normal = _resolve(normal_ref)
        if rect is not None and isinstance(normal, StreamObject) and "/BBox" in normal:
            found.append((list(rect), normal_ref))
    return found


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


__all__ = [
    "PDFIUM_LOCK",
    "PageDrawing",
    "PasswordProtected",
    "SourcePdf",
    "UnsupportedEncryption",
    "load_pdf",
    "page_box",
    "page_rotation",
]
