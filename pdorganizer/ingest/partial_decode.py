"""What can still be read of a damaged content stream, and nothing more.

A page or form whose content stream pypdf cannot decode goes into the packet still
encoded, for viewers to make what they can of it, when its data is one whole encoded
stream (`is_whole`). A damaged stream that runs on over the objects after it (a zeroed or cut
`endstream`) is different: those bytes are the source file's own text (an update's /Info
with its author and producer), and copied encoded they were in the packet. Such a stream
is decoded as far as it goes (the way a viewer reads it: Flate up to the first bad
block, ASCII85 and hex up to the first character that does not belong) and only that is
kept, re-encoded by the caller; a filter that cannot be read partially gives nothing.
"""

from __future__ import annotations

import base64
import re
import zlib
from typing import Any

from pypdf.generic import ArrayObject, IndirectObject, NullObject

from pdorganizer.core.untrusted import DamagedFile

MAX_OUTPUT = 64 * 1024 * 1024  # more than any real page's drawing: a decompression bomb
_CHUNK = 4096
_A85 = re.compile(rb"[!-uz\s]*")
_HEX = re.compile(rb"[0-9A-Fa-f\s]*")


def _resolved(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def filters_of(stream: Any) -> tuple[list[str], Any]:
    """A stream's filter names, first to last, and its decode parameters (None if none)."""
    value = _resolved(stream.get("/Filter"))
    names = value if isinstance(value, ArrayObject) else [value] if value is not None else []
    parms = _resolved(stream.get("/DecodeParms"))
    if isinstance(parms, ArrayObject):
        parms = [p for p in (_resolved(x) for x in parms) if p and not isinstance(p, NullObject)]
    elif isinstance(parms, NullObject):
        parms = None
    return [str(_resolved(n)) for n in names], parms


def whole(stream: Any) -> bool:
    """`is_whole` for a pypdf stream object."""
    data = getattr(stream, "_data", None)
    return isinstance(data, bytes) and is_whole(data, filters_of(stream)[0])


def readable(stream: Any) -> bytes:
    """`readable_prefix` for a pypdf stream object."""
    data = getattr(stream, "_data", None)
    if not isinstance(data, bytes):
        return b""
    names, parms = filters_of(stream)
    return readable_prefix(data, names, parms)


def is_whole(data: bytes, filters: list[str]) -> bool:
    """Whether `data` is one encoded stream from its first byte to its last, by the
    first filter's own end (Flate's last block, ASCII85's `~>`, hex's `>`): nothing of
    the file after it was taken in. Other filters cannot tell: not whole."""
    first = filters[0] if filters else ""
    if first in ("/FlateDecode", "/Fl"):
        inflater = zlib.decompressobj()
        try:
            for start in range(0, len(data), _CHUNK):
                inflater.decompress(data[start : start + _CHUNK], 1)  # checks, keeps little
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                if inflater.eof:
                    break
        except zlib.error:
            return False
        return inflater.eof and not inflater.unused_data.strip()
    if first in ("/ASCII85Decode", "/A85"):
        body = data.strip()
        body = body[2:] if body.startswith(b"<~") else body
        end = body.find(b"~>")
        return end >= 0 and _A85.fullmatch(body[:end]) is not None and not body[end + 2 :].strip()
    if first in ("/ASCIIHexDecode", "/AHx"):
        end = data.find(b">")
        return end >= 0 and _HEX.fullmatch(data[:end]) is not None and not data[end + 1 :].strip()
    return False


def readable_prefix(data: bytes, filters: list[str], parms: Any = None) -> bytes:
    """The decoded bytes of `data` under `filters` (first to last) as far as they go."""
    if parms:  # predictors and the like: no partial reading of those
        return b""
    for name in filters:
        step = _STEPS.get(name)
        if step is None:
            return b""
        data = step(data)
        if not data:
            return b""
    return data


def _flate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    for start in range(0, len(data), _CHUNK):
        try:
            piece = inflater.decompress(data[start : start + _CHUNK], MAX_OUTPUT - size + 1)
        except zlib.error:
            break
        size += len(piece)
        if size > MAX_OUTPUT or inflater.unconsumed_tail:
            raise DamagedFile()
        out.append(piece)
        if inflater.eof:
            break
    return b"".join(out)


def _ascii85(data: bytes) -> bytes:
    text = data.strip()
    if text.startswith(b"<~"):
        text = text[2:]
    end = text.find(b"~>")
    if end >= 0:
        text = text[:end]
    text = _A85.match(text).group(0)  # type: ignore[union-attr]
    text = re.sub(rb"\s+", b"", text)
    # whole groups only ('z' is a group of its own): a broken last group is not text
    groups: list[bytes] = []
    i = 0
    while i < len(text):
        if text[i : i + 1] == b"z":
            groups.append(b"z")
            i += 1
        elif len(text) - i >= 5 and b"z" not in text[i : i + 5]:
            groups.append(text[i : i + 5])
            i += 5
        else:
            break
    try:
        return base64.a85decode(b"".join(groups))
    except ValueError:
        return b""


def _hex(data: bytes) -> bytes:
    text = _HEX.match(data).group(0)  # type: ignore[union-attr]
    text = re.sub(rb"\s+", b"", text)
    return bytes.fromhex((text[: len(text) // 2 * 2]).decode("ascii"))


_STEPS = {
    "/FlateDecode": _flate,
    "/Fl": _flate,
    "/ASCII85Decode": _ascii85,
    "/A85": _ascii85,
    "/ASCIIHexDecode": _hex,
    "/AHx": _hex,
}
