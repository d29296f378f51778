"""What may come along from a source PDF: an allow-list of keys per object type
(the list itself is ingest/pdfschemas.py; this module applies it).

Everything a page draws with is reached from its /Resources (and the appearance streams
of its filled-in fields). Each object on the way is cut down, in place, to the keys its
type needs for drawing; values are checked to be of the kind the key takes (a number
where a number belongs: a stray dictionary cannot ride along under /Width). Anything else
(document info, XMP at any level, page-piece data, LaTeX's /PTEX.* keys, /CreatorInfo,
private keys, optional-content names, marked-content property lists, ...) is dropped:
new kinds of metadata are dropped too, since nothing is copied that is not listed here.
Names of optional-content layers are replaced ("Layer" / "Hidden layer", which the
writer uses to keep hidden layers hidden)."""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Callable
from typing import Any

from pypdf import PdfReader
from pypdf.errors import LimitReachedError
from pypdf.filters import decode_stream_data
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
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

from pdorganizer.core.untrusted import DamagedFile, ImageTooLarge
from pdorganizer.ingest.partial_decode import readable, whole
from pdorganizer.ingest.pdfcontent import strip_marked_content
from pdorganizer.ingest.pdfschemas import (
    COLOR_FAMILIES,
    DRAWING_STREAMS,
    EITHER_TYPES,
    SCHEMAS,
    STANDARD_FILTERS,
    STREAM_TYPES,
)

LAYER_ON, LAYER_OFF = "Layer", "Hidden layer"
MAX_IMAGE_PIXELS = 4 * 89_478_485  # 4x Pillow's bomb limit: rendering would decode it whole


def _num(v: Any) -> Any:
    if isinstance(v, BooleanObject) or not isinstance(v, (NumberObject, FloatObject)):
        return None
    return v if math.isfinite(float(v)) else None


class Cleaner:
    """Cleans the objects of one reader in place; each indirect object once per type."""

    def __init__(
        self, reader: PdfReader, on_image: Callable[[StreamObject], None] | None = None
    ) -> None:
        self.on_image = on_image  # the export's cleaning of embedded JPEG/JPEG 2000 data
        self._done: dict[tuple[int, int, str], Any] = {}
        self._off = _hidden_layers(reader)
        self.hidden_layers = frozenset(self._off)

    def resources(self, value: Any) -> Any:
        return self.value(value, "resources")

    def value(self, value: Any, kind: str) -> Any:
        """The cleaned value for a key of this kind, or None: drop the key."""
        if isinstance(value, IndirectObject):
            key = (value.idnum, value.generation, kind)
            if key in self._done:
                return self._done[key]
            self._done[key] = None  # a loop back to itself is dropped
            target = value.get_object()
            result = self._clean(target, kind, value)
            if result is target and isinstance(target, (DictionaryObject, ArrayObject)):
                result = value  # keep it shared (fonts, images used by many pages)
            self._done[key] = result
            return result
        return self._clean(value, kind, None)

    def _clean(self, v: Any, kind: str, ref: IndirectObject | None) -> Any:
        if v is None or isinstance(v, NullObject):
            return None
        if kind.startswith("map:"):
            return self._map(v, kind[4:])
        if kind.startswith("array:"):
            if not isinstance(v, ArrayObject):
                return None
            out = [self.value(item, kind[6:]) for item in v]
            return ArrayObject(item for item in out if item is not None)
        handler = getattr(self, "_k_" + kind, None)
        if handler is not None:
            return handler(v, ref)
        return self._dict(v, kind)

    def _dict(self, v: Any, kind: str) -> Any:
        schema = SCHEMAS[kind]
        if not isinstance(v, DictionaryObject):
            return None
        if kind not in EITHER_TYPES and (kind in STREAM_TYPES) != isinstance(v, StreamObject):
            return None
        for key in list(v.keys()):
            kind_of = schema.get(key)
            new = self.value(v[key], kind_of) if kind_of else None
            if new is None:
                del v[key]
            else:
                v[NameObject(key)] = new
        if isinstance(v, StreamObject):
            cut_swallowed(v)
            self._check_filters(v)
            if kind in DRAWING_STREAMS:
                _clean_content_stream(v)
        return v

    def _check_filters(self, stream: StreamObject) -> None:
        filters = stream.get("/Filter")
        names = filters if isinstance(filters, ArrayObject) else [filters] if filters else []
        if any(str(n) not in STANDARD_FILTERS for n in names):
            raise DamagedFile()  # no viewer could draw it either

    def _map(self, v: Any, kind: str) -> Any:
        if not isinstance(v, DictionaryObject) or isinstance(v, StreamObject):
            return None
        out = DictionaryObject()
        for key, item in v.items():
            new = self.value(item, kind)
            if new is not None:
                out[NameObject(key)] = new
        return out

    # scalar kinds: copied as direct values
    def _k_num(self, v: Any, ref: Any) -> Any:
        return _num(v)

    def _k_int(self, v: Any, ref: Any) -> Any:
        return v if isinstance(v, NumberObject) and not isinstance(v, BooleanObject) else None

    def _k_name(self, v: Any, ref: Any) -> Any:
        return v if isinstance(v, NameObject) else None

    def _k_bool(self, v: Any, ref: Any) -> Any:
        return v if isinstance(v, BooleanObject) else None

    def _k_str(self, v: Any, ref: Any) -> Any:
        return v if isinstance(v, (ByteStringObject, TextStringObject)) else None

    def _k_nums(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, ArrayObject):
            return None
        out = [_num(_resolve(i)) for i in v]
        return None if any(i is None for i in out) else ArrayObject(out)

    def _k_bools(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, ArrayObject):
            return None
        out = [_resolve(i) for i in v]
        return ArrayObject(out) if all(isinstance(i, BooleanObject) for i in out) else None

    def _k_numtree(self, v: Any, ref: Any) -> Any:
        if isinstance(v, ArrayObject):
            out = [self._k_numtree(_resolve(i), None) for i in v]
            return None if any(i is None for i in out) else ArrayObject(out)
        return _num(v)

    def _k_names(self, v: Any, ref: Any) -> Any:
        if isinstance(v, NameObject):
            return v
        if isinstance(v, ArrayObject):
            out = [_resolve(i) for i in v]
            return ArrayObject(out) if all(isinstance(i, NameObject) for i in out) else None
        return None

    def _k_diffs(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, ArrayObject):
            return None
        out = [_resolve(i) for i in v]
        ok = all(isinstance(i, NameObject) or _num(i) is not None for i in out)
        return ArrayObject(out) if ok else None

    def _k_decodeparms(self, v: Any, ref: Any) -> Any:
        if isinstance(v, ArrayObject):
            out = [_resolve(i) for i in v]
            return ArrayObject(
                NullObject() if not isinstance(i, DictionaryObject) else self._dict(i, "parms")
                for i in out
            )
        return self._dict(v, "parms") if isinstance(v, DictionaryObject) else None

    def _k_fontsize(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, ArrayObject) or len(v) != 2:
            return None
        font, size = self.value(v[0], "font"), _num(_resolve(v[1]))
        return ArrayObject([font, size]) if font is not None and size is not None else None

    # object kinds
    def _k_xobject(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, StreamObject):
            return None
        subtype = v.get("/Subtype")
        if subtype == "/Form":
            return self._dict(v, "form")
        if subtype == "/Image":
            return self._k_image(v, ref)
        return None  # PostScript XObjects: never drawn by today's viewers

    def _k_image(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, StreamObject):
            return None
        w, h = _num(_resolve(v.get("/Width"))), _num(_resolve(v.get("/Height")))
        if w is not None and h is not None and float(w) * float(h) > MAX_IMAGE_PIXELS:
            raise ImageTooLarge("an image in this PDF is too large")
        self._dict(v, "image")
        if self.on_image is not None:
            self.on_image(v)
        return v

    def _k_mask(self, v: Any, ref: Any) -> Any:
        if isinstance(v, StreamObject):
            return self._k_image(v, ref)
        return self._k_nums(v, ref)

    def _k_smask(self, v: Any, ref: Any) -> Any:
        if isinstance(v, NameObject):
            return v
        return self._dict(v, "smaskdict")

    def _k_nameordata(self, v: Any, ref: Any) -> Any:
        return v if isinstance(v, NameObject) else self._dict(v, "data")

    def _k_encoding(self, v: Any, ref: Any) -> Any:
        if isinstance(v, NameObject):
            return v
        if isinstance(v, StreamObject):
            return self._dict(v, "cmap")
        return self._dict(v, "encodingdict")

    def _k_function(self, v: Any, ref: Any) -> Any:
        if isinstance(v, NameObject):
            return v  # /Identity, /Default
        if isinstance(v, ArrayObject):
            out = [self.value(i, "function") for i in v]
            return None if any(i is None for i in out) else ArrayObject(out)
        return self._dict(v, "functiondict")

    def _k_shading(self, v: Any, ref: Any) -> Any:
        return self._dict(v, "shading")

    def _k_pattern(self, v: Any, ref: Any) -> Any:
        return self._dict(v, "pattern")

    def _k_colorspace(self, v: Any, ref: Any) -> Any:
        if isinstance(v, NameObject):
            return v
        if not isinstance(v, ArrayObject) or not v:
            return None
        family = _resolve(v[0])
        if not isinstance(family, NameObject) or family not in COLOR_FAMILIES:
            return None
        rest = list(v[1:])
        kinds: list[str]
        if family in ("/ICCBased",):
            kinds = ["iccstream"]
        elif family in ("/Indexed", "/I"):
            kinds = ["colorspace", "int", "lookup"]
        elif family == "/Separation":
            kinds = ["name", "colorspace", "function"]
        elif family == "/DeviceN":
            kinds = ["names", "colorspace", "function", "devicenattrs"]
        elif family == "/Pattern":
            kinds = ["colorspace"]
        elif family in ("/CalGray", "/CalRGB", "/Lab"):
            kinds = ["calparams"]
        else:
            kinds = []
        out: list[Any] = [family]
        for item, kind in zip(rest, kinds, strict=False):
            new = self.value(item, kind)
            if new is None:
                return None
            out.append(new)
        if len(out) < len(kinds) + 1 and family not in ("/Pattern", "/DeviceN"):
            return None
        return ArrayObject(out)

    def _k_lookup(self, v: Any, ref: Any) -> Any:
        return self._k_str(v, ref) if not isinstance(v, StreamObject) else self._dict(v, "data")

    def _k_property(self, v: Any, ref: Any) -> Any:
        oc = self._k_oc(v, ref)
        return oc if oc is not None else DictionaryObject()  # a property list, emptied

    def _k_oc(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, DictionaryObject):
            return None
        if v.get("/Type") == "/OCG":
            return self._k_ocg(v, ref)
        if v.get("/Type") == "/OCMD":
            return self._dict(v, "ocmd")
        return None

    def _k_ocg(self, v: Any, ref: Any) -> Any:
        if not isinstance(v, DictionaryObject) or ref is None:
            return None  # a layer must be an indirect object to mean anything
        off = (ref.idnum, ref.generation) in self._off
        v.clear()
        v[NameObject("/Type")] = NameObject("/OCG")
        v[NameObject("/Name")] = TextStringObject(LAYER_OFF if off else LAYER_ON)
        return v

    def _k_ocgs(self, v: Any, ref: Any) -> Any:
        if isinstance(v, ArrayObject):
            out = [self.value(i, "ocg") for i in v]
            return ArrayObject(i for i in out if i is not None)
        return self._k_ocg(v, ref)

    def _k_ve(self, v: Any, ref: Any) -> Any:
        if isinstance(v, DictionaryObject):
            return self._k_ocg(v, ref)
        if not isinstance(v, ArrayObject) or not v or not isinstance(v[0], NameObject):
            return None
        out = [v[0], *(self.value(i, "ve") for i in v[1:])]
        return None if any(i is None for i in out) else ArrayObject(out)


# PDF file syntax no stream holds: a stream whose /Length or `endstream` was damaged, read
# up to a later object's end, would carry the objects after it (document info...).
_FILE_SYNTAX = re.compile(
    rb"(?:\r\n|\r|\n)?endstream\b|\bendobj\b|\bstartxref\b|\btrailer\s*<<"
    rb"|(?<![\d.])\d+\s+\d+\s+obj\b"
)
# Every match of _FILE_SYNTAX holds one of these. Python's regex engine tries each
# alternative at every byte (about 250 ms per MB of image data); `in` scans at C speed,
# so the regex runs only on the rare stream that holds one of them.
_FILE_SYNTAX_WORDS = (b"obj", b"endstream", b"startxref", b"trailer")


def cut_swallowed(stream: StreamObject) -> None:
    """Cut a stream's data where PDF file syntax begins (in place; usually no change)."""
    data = stream._data
    if not isinstance(data, bytes):
        return
    if not any(word in data for word in _FILE_SYNTAX_WORDS):
        return
    found = _FILE_SYNTAX.search(data)
    if found is not None:
        stream._data = data[: found.start()]
        if getattr(stream, "decoded_self", None) is not None:
            stream.decoded_self = None


def _clean_content_stream(stream: StreamObject) -> None:
    """Forms and patterns are copied still encoded unless there is something to clean:
    decoded here to refuse a decompression bomb (one for viewers and for pdfium making
    the thumbnails) and to empty inline marked-content dictionaries (pdfcontent.py).
    Other decoding trouble is the viewer's to judge, as for pages."""
    try:
        # decode_stream_data, not get_data (which keeps the decoded copy); it refuses
        # streams without a filter
        plain = stream.get("/Filter") is None
        data = stream._data if plain else decode_stream_data(stream)
    except LimitReachedError:
        raise DamagedFile() from None
    except Exception:  # untrusted bytes: not decodable here, perhaps by viewers
        if whole(stream):
            return
        # it ran on past its end (often over the file's metadata): only what can still
        # be read of it goes on
        data = readable(stream)
        cleaned = strip_marked_content(data) or data
    else:
        cleaned = strip_marked_content(data)
    if cleaned is None:
        return
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    if "/DecodeParms" in stream:
        del stream[NameObject("/DecodeParms")]
    stream._data = zlib.compress(cleaned, 6)
    if getattr(stream, "decoded_self", None) is not None:
        stream.decoded_self = None


def _hidden_layers(reader: PdfReader) -> set[tuple[int, int]]:
    """(idnum, generation) of the layers the source shows hidden by default."""
    try:
        props = _resolve(reader.trailer["/Root"].get_object().get("/OCProperties"))
        config = _resolve(props.get("/D")) if isinstance(props, DictionaryObject) else None
        if not isinstance(config, DictionaryObject):
            return set()
        ocgs = _resolve(props.get("/OCGs"))
        on = _refs(config.get("/ON"))
        if config.get("/BaseState") == "/OFF" and isinstance(ocgs, ArrayObject):
            return _refs(ocgs) - on
        return _refs(config.get("/OFF"))
    except Exception:  # a broken layer config: every layer shows, as in pdfium
        return set()


def _refs(value: Any) -> set[tuple[int, int]]:
    value = _resolve(value)
    if not isinstance(value, ArrayObject):
        return set()
    return {(r.idnum, r.generation) for r in value if isinstance(r, IndirectObject)}


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj
