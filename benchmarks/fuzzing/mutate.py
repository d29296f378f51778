"""Byte-level mutations, generic and format-aware, all driven by one random.Random.

Generic ones (bit flips, interesting bytes, truncation, chunk duplication/removal,
zero-fill, integer tweaks) reach everywhere; the structural ones keep the file parseable
a little longer so the mutation lands deep in a decoder: PNG chunks with their CRC
recomputed, JPEG marker segments, TIFF directory entries, PDF tokens.
"""

from __future__ import annotations

import random
import re
import struct
import zlib
from collections.abc import Callable

Mutation = Callable[[random.Random, bytes], bytes]

INTERESTING_INTS = (0, 1, 2, 7, 8, 15, 16, 127, 128, 255, 256, 4096, 32767, 32768, 65535,
                    65536, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF)  # fmt: skip
INTERESTING_BYTES = (0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF)


def _span(rng: random.Random, size: int, longest: int = 512) -> tuple[int, int]:
    start = rng.randrange(size)
    return start, min(size, start + rng.randint(1, longest))


def bit_flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def interesting_byte(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out[rng.randrange(len(out))] = rng.choice(INTERESTING_BYTES)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    # Mostly near the end (incomplete downloads), sometimes anywhere.
    if rng.random() < 0.6:
        return data[: max(1, len(data) - rng.randint(1, max(1, len(data) // 8)))]
    return data[: rng.randint(1, len(data))]


def duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    a, b = _span(rng, len(data), 4096)
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] * rng.choice((1, 1, 2, 16)) + data[at:]


def remove_chunk(rng: random.Random, data: bytes) -> bytes:
    a, b = _span(rng, len(data), 2048)
    return data[:a] + data[b:] or data[:1]


def zero_fill(rng: random.Random, data: bytes) -> bytes:
    a, b = _span(rng, len(data), 2048)
    return data[:a] + bytes(b - a) + data[b:]


def int_tweak(rng: random.Random, data: bytes) -> bytes:
    """A 16- or 32-bit integer, either byte order, set to a boundary value or nudged:
    length fields, offsets, counts and dimensions live in such integers."""
    width, order = rng.choice((2, 4)), rng.choice("<>")
    if len(data) < width + 1:
        return bit_flip(rng, data)
    at = rng.randrange(len(data) - width)
    # Headers hold most of the fields: bias toward the first kilobyte.
    if rng.random() < 0.6:
        at = rng.randrange(min(len(data) - width, 1024))
    fmt = order + ("H" if width == 2 else "I")
    (old,) = struct.unpack_from(fmt, data, at)
    new = rng.choice((*INTERESTING_INTS, old + 1, old - 1, old * 2, old // 2, old + 64))
    new &= 0xFFFF if width == 2 else 0xFFFFFFFF
    out = bytearray(data)
    struct.pack_into(fmt, out, at, new)
    return bytes(out)


# -- structural ----------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]] | None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    chunks, at = [], 8
    while at + 8 <= len(data):
        (length,) = struct.unpack_from(">I", data, at)
        kind = data[at + 4 : at + 8]
        chunks.append((kind, data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks or None


def png_chunk(rng: random.Random, data: bytes) -> bytes:
    """Duplicate, drop, swap, cut or bit-flip one chunk, then write valid CRCs so the
    damage gets past Pillow's checksum test."""
    chunks = _png_chunks(data)
    if not chunks:
        return bit_flip(rng, data)
    i = rng.randrange(len(chunks))
    op = rng.choice(("dup", "drop", "swap", "cut", "flip", "length"))
    kind, body = chunks[i]
    if op == "dup":
        chunks.insert(rng.randrange(len(chunks) + 1), chunks[i])
    elif op == "drop" and len(chunks) > 1:
        del chunks[i]
    elif op == "swap":
        j = rng.randrange(len(chunks))
        chunks[i], chunks[j] = chunks[j], chunks[i]
    elif op == "cut" and body:
        chunks[i] = (kind, body[: rng.randrange(len(body))])
    elif body:
        chunks[i] = (kind, bit_flip(rng, body))
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    for n, (kind, body) in enumerate(chunks):
        length = len(body)
        if op == "length" and n == i:
            length = rng.choice((0, length + 1, length - 1, 0x7FFFFFFF)) & 0xFFFFFFFF
        out += struct.pack(">I", length) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return bytes(out)


def jpeg_segment(rng: random.Random, data: bytes) -> bytes:
    """Duplicate, drop or re-length one marker segment before the image data."""
    if not data.startswith(b"\xff\xd8"):
        return bit_flip(rng, data)
    segments, at = [], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        (length,) = struct.unpack_from(">H", data, at + 2)
        segments.append((at, at + 2 + length))
        at += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
    if not segments:
        return bit_flip(rng, data)
    a, b = rng.choice(segments)
    op = rng.choice(("dup", "drop", "length", "flip"))
    if op == "dup":
        return data[:a] + data[a:b] + data[a:]
    if op == "drop":
        return data[:a] + data[b:]
    if op == "length":
        out = bytearray(data)
        struct.pack_into(
            ">H", out, a + 2, rng.choice((0, 1, 2, 0xFFFF, b - a - 3, b - a + 5)) & 0xFFFF
        )
        return bytes(out)
    body = bytearray(data[a + 4 : b])
    if body:
        body = bytearray(bit_flip(rng, bytes(body)))
    return data[: a + 4] + bytes(body) + data[b:]


_TIFF_TAGS = (254, 256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 322, 323, 324, 325,
              338, 530, 34665)  # fmt: skip


def tiff_entry(rng: random.Random, data: bytes) -> bytes:
    """Change one field (tag, type, count or value) of an entry in the first directory."""
    if data[:4] not in (b"II*\x00", b"MM\x00*"):
        return int_tweak(rng, data)
    order = "<" if data[:2] == b"II" else ">"
    try:
        (ifd,) = struct.unpack_from(order + "I", data, 4)
        (count,) = struct.unpack_from(order + "H", data, ifd)
    except struct.error:
        return int_tweak(rng, data)
    if not count or ifd + 2 + 12 * count > len(data):
        return int_tweak(rng, data)
    at = ifd + 2 + 12 * rng.randrange(count)
    out = bytearray(data)
    field = rng.choice(("tag", "type", "count", "value"))
    if field == "tag":
        struct.pack_into(order + "H", out, at, rng.choice(_TIFF_TAGS))
    elif field == "type":
        struct.pack_into(order + "H", out, at + 2, rng.randint(0, 18))
    elif field == "count":
        struct.pack_into(order + "I", out, at + 4, rng.choice(INTERESTING_INTS))
    else:
        struct.pack_into(order + "I", out, at + 8, rng.choice(INTERESTING_INTS))
    return bytes(out)


_PDF_NAMES = (b"/FlateDecode", b"/LZWDecode", b"/DCTDecode", b"/JBIG2Decode", b"/JPXDecode",
              b"/CCITTFaxDecode", b"/RunLengthDecode", b"/ASCII85Decode", b"/Crypt", b"/Page",
              b"/Pages", b"/XObject", b"/Form", b"/Image", b"/Parent", b"/Kids", b"/Resources",
              b"/MediaBox", b"/CropBox", b"/Rotate", b"/Length", b"/Filter", b"/DecodeParms",
              b"/Predictor", b"/BitsPerComponent", b"/ColorSpace", b"/Indexed", b"/Pattern",
              b"/Encrypt", b"/ObjStm", b"/XRef", b"/Annots", b"/AcroForm", b"/Null")  # fmt: skip
_PDF_NUMBERS = (b"0", b"-1", b"1", b"3", b"99999", b"2147483648", b"-2147483649", b"1e308",
                b"0.0000001", b"4294967296", b"65536", b"270", b"-90", b"1.#INF")  # fmt: skip
_TOKEN = re.compile(rb"/[A-Za-z0-9_.#+-]+|-?\d+(?:\.\d+)?(?: 0 R)?|\b(?:endstream|endobj|"
                    rb"stream|obj|xref|trailer|startxref|R)\b|[\[\]]|<<|>>")  # fmt: skip


def pdf_token(rng: random.Random, data: bytes) -> bytes:
    """Swap, delete or duplicate a PDF token (names, numbers, references, keywords), or
    deepen the nesting: the things a PDF parser trusts."""
    matches = list(_TOKEN.finditer(data[: 1 << 20]))
    if not matches:
        return bit_flip(rng, data)
    m = rng.choice(matches)
    token = m.group()
    op = rng.random()
    if op < 0.15:
        new = b""
    elif op < 0.25:
        new = token + b" " + token
    elif op < 0.32:
        depth = rng.choice((64, 1000, 5000))
        new = (b"[" * depth + token + b"]" * depth) if rng.random() < 0.5 else b"<<" * depth
    elif token.startswith(b"/"):
        new = rng.choice(_PDF_NAMES)
    elif token.endswith(b" 0 R"):
        new = rng.choice((b"0 0 R", b"1 0 R", b"99999 0 R", b"-1 0 R", b"2 0 R", b"3 0 R"))
    elif token[:1].isdigit() or token.startswith(b"-"):
        new = rng.choice(_PDF_NUMBERS)
    else:
        new = rng.choice((b"endstream", b"endobj", b"stream", b"obj", b"R", b"null", b"<<"))
    return data[: m.start()] + new + data[m.end() :]


def pdf_stream(rng: random.Random, data: bytes) -> bytes:
    """Corrupt inside one stream's compressed data (content, image, object or xref stream)."""
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
    if not starts:
        return bit_flip(rng, data)
    start = rng.choice(starts)
    end = data.find(b"endstream", start)
    if end <= start + 1:
        return bit_flip(rng, data)
    body = data[start:end]
    body = rng.choice((bit_flip, zero_fill, truncate, remove_chunk))(rng, body)
    return data[:start] + body + data[end:]


def _boxes(data: bytes, start: int, size_order: str, header: int) -> list[tuple[int, int]]:
    """(start, end) of each chunk in a flat list of size-prefixed chunks."""
    spans, at = [], start
    while at + header <= len(data):
        if size_order == ">":  # ISO BMFF: 4-byte size includes the header
            (size,) = struct.unpack_from(">I", data, at)
            end = at + size
        else:  # RIFF: fourcc then 4-byte little-endian size of the body, padded to even
            (size,) = struct.unpack_from("<I", data, at + 4)
            end = at + 8 + size + (size & 1)
        if size == 0 or end > len(data) or end <= at:
            break
        spans.append((at, end))
        at = end
    return spans


def container_chunk(rng: random.Random, data: bytes) -> bytes:
    """HEIC/AVIF boxes (ftyp, meta, mdat) or WebP's RIFF chunks: duplicate, drop, swap
    or change the size field of one."""
    if data[4:8] == b"ftyp":
        spans, order, field = _boxes(data, 0, ">", 8), ">", 0
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        spans, order, field = _boxes(data, 12, "<", 8), "<", 4
    else:
        return int_tweak(rng, data)
    if not spans:
        return int_tweak(rng, data)
    a, b = rng.choice(spans)
    op = rng.choice(("dup", "drop", "swap", "size", "size", "inner"))
    if op == "dup":
        return data[:b] + data[a:b] + data[b:]
    if op == "drop":
        return data[:a] + data[b:]
    if op == "swap":
        c, d = rng.choice(spans)
        if (c, d) != (a, b):
            first, second = sorted(((a, b), (c, d)))
            return (
                data[: first[0]]
                + data[second[0] : second[1]]
                + data[first[1] : second[0]]
                + data[first[0] : first[1]]
                + data[second[1] :]
            )
        return data
    if op == "size":
        out = bytearray(data)
        (old,) = struct.unpack_from(order + "I", out, a + field)
        new = rng.choice((0, 1, 8, old - 1, old + 1, old * 2, 0xFFFFFFFF)) & 0xFFFFFFFF
        struct.pack_into(order + "I", out, a + field, new)
        return bytes(out)
    inner = int_tweak(rng, data[a + 8 : b]) if b - a > 16 else data[a + 8 : b]
    return data[: a + 8] + inner + data[b:]


GENERIC: tuple[Mutation, ...] = (
    bit_flip,
    interesting_byte,
    truncate,
    duplicate_chunk,
    remove_chunk,
    zero_fill,
    int_tweak,
)
STRUCTURAL: dict[str, tuple[Mutation, ...]] = {
    "png": (png_chunk, png_chunk),
    "jpg": (jpeg_segment, jpeg_segment),
    "tif": (tiff_entry, tiff_entry, tiff_entry),
    "pdf": (pdf_token, pdf_token, pdf_token, pdf_stream, pdf_stream),
    "heic": (container_chunk, container_chunk),
    "avif": (container_chunk, container_chunk),
    "webp": (container_chunk, container_chunk),
}


def mutate(rng: random.Random, data: bytes, ext: str) -> tuple[bytes, list[str]]:
    """One to four stacked mutations; returns the bytes and the names applied."""
    choices = GENERIC + STRUCTURAL.get(ext, ())
    names = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        fn = rng.choice(choices)
        data = fn(rng, data) or b"\x00"
        names.append(fn.__name__)
    return data, names
