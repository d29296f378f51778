"""Pages of source PDFs as Form XObjects, cleaned of metadata on the way in.

The source is read by ingest/pdfsource (the reading import judged it with) and cut down
to an allow-list of drawing keys by ingest/pdfclean. Wrapping a page (its content and
resources) in a form keeps it vector and untouched, and lets the output page place it
with one matrix. Only the page's drawing comes along: no document info, no XMP, no
page-piece data, no thumbnails, no annotations except the visible appearance of
filled-in form fields and stamps, which are drawn into the form so what the page shows
is what is printed."""

from __future__ import annotations

import io
import weakref
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from pdorganizer.core.untrusted import decoding
from pdorganizer.export.jpeg import clean_jpeg
from pdorganizer.export.jpx import clean_jpx
from pdorganizer.ingest.pdfsource import PageDrawing, SourcePdf, load_pdf

# The reading (and cleaner) behind each reader open_pdf handed out.
_SOURCES: weakref.WeakKeyDictionary[PdfReader, SourcePdf] = weakref.WeakKeyDictionary()


def open_pdf(data: bytes) -> PdfReader:
    """The reader import judged the file with (ingest/pdfsource.load_pdf: same fallbacks,
    every page extracted and cleaned once). Raises PdoErrors only (DamagedFile, ...)."""
    source = load_pdf(data, on_image=_clean_image_stream)
    _SOURCES[source.reader] = source
    return source.reader


class FormPage:
    """A source page ready to place: raw box size, its /Rotate, and a form factory.

    Everything that reads the source happens here (inside `decoding()`); `to_form` only
    copies objects already cleaned into the writer."""

    def __init__(self, page: Any) -> None:
        with decoding("PDF page"):
            source = _SOURCES.get(page.pdf) if page.pdf is not None else None
            if source is None:  # a reader not from open_pdf
                raise TypeError("FormPage needs a page of a reader from open_pdf")
            self.drawing: PageDrawing = source.page(source.index_of(page))
        self.box = self.drawing.box
        self.unit = self.drawing.unit
        self.rotate = self.drawing.rotate

    @property
    def raw_size(self) -> tuple[float, float]:
        return self.drawing.raw_size

    @property
    def pre_matrix(self) -> tuple[float, float, float, float, float, float]:
        """Form space -> a box at the origin, in points."""
        x0, y0, _, _ = self.box
        u = self.unit
        return (u, 0.0, 0.0, u, -x0 * u, -y0 * u)

    def estimate(self, counted: set[int]) -> int:
        """Bytes this page adds to a file: its content and the streams its resources use
        (`counted`: this reader's objects already counted, e.g. a font shared by pages)."""
        d = self.drawing
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

    def to_form(self, writer: PdfWriter, cleaned: set[int] | None = None) -> IndirectObject:
        """The page as one form XObject in `writer`. Only copies objects cleaned when the
        source was opened (nothing is decoded here); `cleaned` is kept for callers."""
        return self._to_form(writer)

    def _to_form(self, writer: PdfWriter) -> IndirectObject:
        d = self.drawing
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


@cache
def _blank_jpeg() -> bytes:
    """1x1 white: stands in for an embedded JPEG that cannot be parsed."""
    out = io.BytesIO()
    Image.new("L", (1, 1), 255).save(out, "JPEG")
    return clean_jpeg(out.getvalue()).data


def _clean_image_stream(stream: StreamObject) -> None:
    """Embedded JPEG and JPEG 2000 data without the metadata their own format carries."""
    last = _last_filter(stream)
    if last in ("/DCTDecode", "/DCT"):
        _clean_encoded(stream, "/DCTDecode", lambda data: clean_jpeg(data).data)
    elif last == "/JPXDecode":
        _clean_encoded(stream, "/JPXDecode", clean_jpx)


def _last_filter(stream: StreamObject) -> Any:
    filters = stream.get("/Filter")
    if isinstance(filters, ArrayObject):
        return filters[-1] if filters else None
    return filters


def _clean_encoded(stream: StreamObject, name: str, clean: Callable[[bytes], bytes]) -> None:
    """The image as a plain `name` stream, cleaned (a filter chain such as ASCII85 + DCT
    would otherwise carry the EXIF through, merely encoded)."""
    try:
        data = stream._data if stream.get("/Filter") == name else stream.get_data()
        # (get_data undoes the outer filters; DCT and JPX data come back as they are)
        cleaned = clean(data)
        stream[NameObject("/Filter")] = NameObject(name)
    except Exception:  # untrusted bytes, whatever the decoder raised
        # Unreadable: the image is dropped rather than risk carrying its metadata.
        cleaned = _blank_jpeg()
        stream[NameObject("/Width")] = NumberObject(1)
        stream[NameObject("/Height")] = NumberObject(1)
        stream[NameObject("/ColorSpace")] = NameObject("/DeviceGray")
        stream[NameObject("/BitsPerComponent")] = NumberObject(8)
        stream[NameObject("/Filter")] = NameObject("/DCTDecode")
        for key in ("/Decode", "/ImageMask", "/SMaskInData"):
            if key in stream:
                del stream[NameObject(key)]
    if "/DecodeParms" in stream:
        del stream[NameObject("/DecodeParms")]
    stream._data = cleaned
