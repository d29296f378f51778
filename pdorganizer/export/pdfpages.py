"""Pages of source PDFs as Form XObjects, cleaned of metadata on the way in.

Wrapping a page (its content and resources) in a form keeps it vector and untouched,
and lets the output page place it with one matrix. Only the page's drawing comes along:
no document info, no XMP (document, page, image or font level), no page-piece data, no
thumbnails, no annotations except the visible appearance of filled-in form fields and
stamps, which are drawn into the form so what the page shows is what is printed."""

from __future__ import annotations

import io
import zlib
from functools import cache
from typing import Any

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from pdorganizer.core.errors import InvalidInput
from pdorganizer.export.jpeg import BadJpeg, clean_jpeg

_DROP_KEYS = ("/Metadata", "/PieceInfo", "/LastModified", "/Thumb")
_HIDDEN, _NOVIEW = 2, 32


class FormPage:
    """A source page ready to place: raw box size, its /Rotate, and a form factory."""

    def __init__(self, page: Any) -> None:
        self.page = page
        box = page.cropbox
        media = page.mediabox
        x0 = max(float(box.left), float(media.left))
        y0 = max(float(box.bottom), float(media.bottom))
        x1 = min(float(box.right), float(media.right))
        y1 = min(float(box.top), float(media.top))
        if x1 - x0 < 1 or y1 - y0 < 1:
            x0, y0, x1, y1 = (float(v) for v in (box.left, box.bottom, box.right, box.top))
        self.box = (x0, y0, x1, y1)
        unit = page.get("/UserUnit")
        self.unit = float(unit) if unit is not None else 1.0
        try:
            rotate = int(page.get("/Rotate", 0) or 0) % 360
        except (TypeError, ValueError):
            rotate = 0
        self.rotate = rotate if rotate % 90 == 0 else 0

    @property
    def raw_size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.box
        return (x1 - x0) * self.unit, (y1 - y0) * self.unit

    @property
    def pre_matrix(self) -> tuple[float, float, float, float, float, float]:
        """Form space -> a box at the origin, in points."""
        x0, y0, _, _ = self.box
        u = self.unit
        return (u, 0.0, 0.0, u, -x0 * u, -y0 * u)

    def estimate(self, counted: set[int]) -> int:
        """Bytes this page adds to a file: its content and the streams its resources use
        (`counted`: this reader's objects already counted, e.g. a font shared by pages)."""
        total = 0
        stack: list[Any] = [self.page.get("/Contents"), self.page.get("/Resources")]
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
                stack.extend(v for k, v in item.items() if k not in ("/Parent", "/P"))
            elif isinstance(item, ArrayObject):
                stack.extend(item)
        return total

    def to_form(self, writer: PdfWriter, cleaned: set[int]) -> IndirectObject:
        """`cleaned`: ids of this reader's objects already cleaned (shared resources)."""
        content = _page_content(self.page)
        resources = self.page.get("/Resources")
        if resources is not None:
            _clean(resources, cleaned)  # before cloning, so nothing dropped is copied
        res: Any = resources.clone(writer) if resources is not None else DictionaryObject()
        appearances = _visible_appearances(self.page)
        if appearances:
            res, extra = _add_appearances(writer, res, appearances, cleaned)
            content = b"q\n" + content + b"\nQ\n" + extra
        form = StreamObject()
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in self.box)
        form[NameObject("/Resources")] = res
        group = self.page.get("/Group")
        if group is not None:
            form[NameObject("/Group")] = group.clone(writer)
        form[NameObject("/Filter")] = NameObject("/FlateDecode")
        form._data = zlib.compress(content, 6)
        return writer._add_object(form)


def open_pdf(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InvalidInput("a PDF in this case is password-protected")
        return reader
    except DependencyError as exc:
        raise InvalidInput("a PDF in this case is encrypted in a way this app cannot read") from exc
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise InvalidInput("a PDF in this case is damaged") from exc


def _page_content(page: Any) -> bytes:
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    parts = []
    for item in streams:
        stream = item.get_object()
        if hasattr(stream, "get_data"):
            parts.append(stream.get_data())
    return b"\n".join(parts)


def _visible_appearances(page: Any) -> list[tuple[list[float], StreamObject]]:
    """(rect, normal appearance) of each annotation a viewer shows on the page."""
    annots = page.get("/Annots")
    found: list[tuple[list[float], StreamObject]] = []
    if annots is None:
        return found
    for ref in annots.get_object():
        annot = ref.get_object()
        if not isinstance(annot, DictionaryObject) or "/Rect" not in annot:
            continue
        if annot.get("/Subtype") in ("/Popup", "/Link"):
            continue
        if int(annot.get("/F", 0) or 0) & (_HIDDEN | _NOVIEW):
            continue
        ap = annot.get("/AP")
        normal = ap.get_object().get("/N") if ap is not None else None
        if normal is None:
            continue
        normal = normal.get_object()
        if not isinstance(normal, StreamObject):
            state = annot.get("/AS")
            normal = normal.get(state) if state is not None and state in normal else None
            normal = normal.get_object() if normal is not None else None
        if isinstance(normal, StreamObject) and "/BBox" in normal:
            found.append(([float(v) for v in annot["/Rect"]], normal))
    return found


def _add_appearances(
    writer: PdfWriter,
    res: Any,
    appearances: list[tuple[list[float], StreamObject]],
    cleaned: set[int],
) -> tuple[DictionaryObject, bytes]:
    """A private copy of the resources with the appearances added, and the drawing."""
    own = DictionaryObject(res.get_object())  # shared resources must not gain names
    xobjects = own.get("/XObject")
    own_x = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
    own[NameObject("/XObject")] = own_x
    out = []
    for n, (rect, normal) in enumerate(appearances):
        bbox = [float(v) for v in normal["/BBox"]]
        bw, bh = bbox[2] - bbox[0], bbox[3] - bbox[1]
        if bw == 0 or bh == 0:
            continue
        source_ref = normal.indirect_reference or normal
        _clean(source_ref, cleaned)
        clone = source_ref.clone(writer)
        if not isinstance(clone, IndirectObject):
            clone = writer._add_object(clone)
        name = f"/PdoAnnot{n}"
        own_x[NameObject(name)] = clone
        sx, sy = (rect[2] - rect[0]) / bw, (rect[3] - rect[1]) / bh
        e, f = rect[0] - bbox[0] * sx, rect[1] - bbox[1] * sy
        out.append(f"q {sx:.5f} 0 0 {sy:.5f} {e:.4f} {f:.4f} cm {name} Do Q".encode())
    return own, b"\n".join(out)


@cache
def _blank_jpeg() -> bytes:
    """1x1 white: stands in for an embedded JPEG that cannot be parsed."""
    out = io.BytesIO()
    Image.new("L", (1, 1), 255).save(out, "JPEG")
    return clean_jpeg(out.getvalue()).data


def _is_jpeg(stream: StreamObject) -> bool:
    filters = stream.get("/Filter")
    if isinstance(filters, ArrayObject):
        filters = filters[-1] if filters else None
    return filters in ("/DCTDecode", "/DCT")


def _clean_jpeg_stream(stream: StreamObject) -> None:
    """The JPEG without its APP segments, as a plain DCTDecode stream (a filter chain such
    as ASCII85 + DCT would otherwise carry the EXIF through, merely encoded)."""
    try:
        jpeg = stream._data if stream.get("/Filter") in ("/DCTDecode", "/DCT") else None
        if jpeg is None:
            jpeg = stream.get_data()  # undoes the outer filters; DCT data comes back as is
        cleaned = clean_jpeg(jpeg).data
    except (BadJpeg, PyPdfError, ValueError, KeyError, TypeError):
        # Unreadable: the image is dropped rather than risk carrying its metadata.
        cleaned = _blank_jpeg()
        stream[NameObject("/Width")] = NumberObject(1)
        stream[NameObject("/Height")] = NumberObject(1)
        stream[NameObject("/ColorSpace")] = NameObject("/DeviceGray")
    stream[NameObject("/Filter")] = NameObject("/DCTDecode")
    if "/DecodeParms" in stream:
        del stream[NameObject("/DecodeParms")]
    stream._data = cleaned


def _clean(obj: Any, seen: set[int]) -> None:
    """Remove metadata keys everywhere under `obj`; strip APPn segments from JPEGs."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # includes streams
            for key in _DROP_KEYS:
                if key in item:
                    del item[key]
            if isinstance(item, StreamObject) and _is_jpeg(item):
                _clean_jpeg_stream(item)
            stack.extend(v for k, v in item.items() if k not in ("/Parent", "/P"))
        elif isinstance(item, ArrayObject):
            stack.extend(item)
