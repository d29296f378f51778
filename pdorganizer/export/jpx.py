"""JPEG 2000 streams (a PDF's /JPXDecode images) made safe to embed.

A JP2/JPX file is a list of boxes; besides the picture it can carry XMP and other XML
(`xml `, `uuid` boxes: camera, GPS, software), IPR and URL boxes. Only the boxes that
decoding needs are kept (an allow-list: signature, file type, requirements, the image
header with its colour specification, the codestream); the codestream's own comment
(COM) segments in its main header go too. The picture data is copied byte for byte."""

from __future__ import annotations

import struct

_KEEP = {b"jP  ", b"ftyp", b"rreq", b"jp2h", b"jpch", b"jplh", b"jp2c"}
_SOC, _SOT, _COM = 0xFF4F, 0xFF90, 0xFF64


class BadJpx(ValueError):
    """The data does not parse as JPEG 2000 (the caller drops the image; never shown)."""


def clean_jpx(data: bytes) -> bytes:
    """The stream with only what decoding needs (a bare codestream or a JP2 file)."""
    if data[:2] == b"\xff\x4f":
        return _clean_codestream(data)
    out = bytearray()
    pos, n = 0, len(data)
    seen_codestream = False
    while pos < n:
        if pos + 8 > n:
            raise BadJpx()
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if length == 1:  # 64-bit length follows
            if pos + 16 > n:
                raise BadJpx()
            (length,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
            header = 16
        elif length == 0:  # the last box: to the end
            length = n - pos
        if length < header or pos + length > n:
            raise BadJpx()
        if kind == b"jp2c":
            body = _clean_codestream(data[pos + header : pos + length])
            out += struct.pack(">I4s", len(body) + 8, kind) + body
            seen_codestream = True
        elif kind in _KEEP:
            out += data[pos : pos + length]
        pos += length
    if not seen_codestream or out[4:8] != b"jP  ":
        raise BadJpx()
    return bytes(out)


def _clean_codestream(data: bytes) -> bytes:
    """Drop COM segments from the main header (SOC ... first SOT); the rest as is."""
    if data[:2] != b"\xff\x4f":
        raise BadJpx()
    out = bytearray(data[:2])
    pos, n = 2, len(data)
    while True:
        if pos + 4 > n:
            raise BadJpx()
        marker, length = struct.unpack(">HH", data[pos : pos + 4])
        if marker == _SOT:
            out += data[pos:]
            return bytes(out)
        if marker >> 8 != 0xFF or length < 2 or pos + 2 + length > n:
            raise BadJpx()
        if marker != _COM:
            out += data[pos : pos + 2 + length]
        pos += 2 + length
