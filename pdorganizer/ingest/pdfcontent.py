"""Marked-content property lists written inline in a content stream, emptied.

`/Span <</ActualText (...) /Alt (...)>> BDC` and `/Tag <<...>> DP` carry text that is not
drawn (alternate descriptions, tagging, anything an editor stored there); the drawing
does not depend on it. Each such inline dictionary becomes `<<>>`; everything else in the
stream stays byte for byte. A stream with inline images (binary data a simple lexer
cannot tell apart from syntax) or that does not lex cleanly is left as it is: the
cleaning must never change what a page draws."""

from __future__ import annotations

import re

_WS = b" \t\r\n\f\0"
_DELIMS = _WS + b"()<>[]{}/%"
_INLINE_IMAGE = re.compile(rb"(?:^|[\s\])>])BI(?=[\s/])")


class _Unlexable(ValueError):
    pass


def strip_marked_content(data: bytes) -> bytes | None:
    """The stream with inline marked-content dictionaries emptied; None: no change."""
    if (b"BDC" not in data and b"DP" not in data) or b"<<" not in data:
        return None
    if _INLINE_IMAGE.search(data):
        return None
    try:
        spans = _dict_operands_of(data, (b"BDC", b"DP"))
    except _Unlexable:
        return None
    spans = [(a, b) for a, b in spans if b - a > 4]  # `<<>>` already
    if not spans:
        return None
    out = bytearray()
    pos = 0
    for start, end in spans:
        out += data[pos:start] + b"<<>>"
        pos = end
    out += data[pos:]
    return bytes(out)


def _dict_operands_of(data: bytes, operators: tuple[bytes, ...]) -> list[tuple[int, int]]:
    """(start, end) of each dictionary that is the last operand of one of `operators`."""
    found: list[tuple[int, int]] = []
    last_dict: tuple[int, int] | None = None
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in _WS:
            i += 1
        elif c == 0x25:  # % comment
            while i < n and data[i] not in b"\r\n":
                i += 1
        elif c == 0x28:  # (string)
            i = _skip_string(data, i)
            last_dict = None
        elif data.startswith(b"<<", i):
            start = i
            i = _skip_dict(data, i)
            last_dict = (start, i)
        elif c == 0x3C:  # <hex>
            i = _skip_hex(data, i)
            last_dict = None
        elif c in b"[]{}":
            i += 1
            last_dict = None
        elif c == 0x3E:
            raise _Unlexable()
        elif c == 0x2F:  # /Name
            i += 1
            while i < n and data[i] not in _DELIMS:
                i += 1
            last_dict = None
        else:  # a number or an operator
            start = i
            while i < n and data[i] not in _DELIMS:
                i += 1
            if i == start:  # a stray `)`: not a stream we can lex
                raise _Unlexable()
            token = data[start:i]
            if token in operators and last_dict is not None:
                found.append(last_dict)
            last_dict = None
    return found


def _skip_string(data: bytes, i: int) -> int:
    depth, i, n = 0, i, len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash escapes the next byte
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise _Unlexable()


def _skip_hex(data: bytes, i: int) -> int:
    end = data.find(b">", i + 1)
    if end < 0:
        raise _Unlexable()
    return end + 1


def _skip_dict(data: bytes, i: int) -> int:
    depth, n = 0, len(data)
    while i < n:
        if data.startswith(b"<<", i):
            depth += 1
            i += 2
        elif data.startswith(b">>", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        elif data[i] == 0x28:
            i = _skip_string(data, i)
        elif data[i] == 0x3C:
            i = _skip_hex(data, i)
        elif data[i] == 0x25:
            while i < n and data[i] not in b"\r\n":
                i += 1
        else:
            i += 1
    raise _Unlexable()
