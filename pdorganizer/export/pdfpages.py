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
from collections.abc import Callable
from functools import cache
from typing import Any

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from pdorganizer.core.untrusted import decoding
from pdorganizer.export.jpeg import clean_jpeg
from pdorganizer.export.jpx import clean_jpx
from pdorganizer.ingest.pdfsource import PageDrawing, load_pdf

# The reading (and cleaner) behind a reader open_pdf handed out, kept on the reader itself
# (a WeakKeyDictionary would never let go: its value holds the reader).
_SOURCE_ATTR = "_pdo_source"


def open_pdf(data: bytes) -> PdfReader:
    """The reader import judged the file with (ingest/pdfsource.load_pdf: same fallbacks,
    every page extracted and cleaned once). Raises PdoErrors only (DamagedFile, ...)."""
    source = load_pdf(data, on_image=_clean_image_stream)
    setattr(source.reader, _SOURCE_ATTR, source)
    return source.reader


class FormPage:
    """A source page ready to place: raw box size, its /Rotate, and a form factory.

    Everything that reads the source happens here (inside `decoding()`); `to_form` only
    copies objects already cleaned into the writer."""

    def __init__(self, page: Any) -> None:
        with decoding("PDF page"):
            source = getattr(page.pdf, _SOURCE_ATTR, None) if page.pdf is not None else None
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
        """Bytes this page adds to a file (`counted`: this reader's objects already
        counted, e.g. a font shared by pages)."""
        return self.drawing.estimate(counted)

    def to_form(self, writer: PdfWriter, cleaned: set[int] | None = None) -> IndirectObject:
        """The page as one form XObject in `writer`. Only copies objects cleaned when the
        source was opened (nothing is decoded here); `cleaned` is kept for callers."""
        return self.drawing.to_form(writer)


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
