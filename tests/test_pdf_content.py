"""Inline marked-content dictionaries emptied from content streams, nothing else changed."""

from __future__ import annotations

import pytest

from pdorganizer.ingest.pdfcontent import strip_marked_content


def test_inline_property_lists_are_emptied():
    data = b"/Span <</ActualText (a \\) b (c)) /MCID 3>> BDC (Hi) Tj EMC /P <</MCID 0>>BDC EMC"
    assert strip_marked_content(data) == b"/Span <<>> BDC (Hi) Tj EMC /P <<>>BDC EMC"


def test_nested_dicts_hex_strings_and_dp():
    data = b"/Tag <</A <</B (x>>)>> /H <414243>>> DP 1 0 0 RG"
    assert strip_marked_content(data) == b"/Tag <<>> DP 1 0 0 RG"


@pytest.mark.parametrize(
    "data",
    [
        b"/OC /oc1 BDC q Q EMC",  # a named property list: cleaned in /Properties instead
        b"/Span <</Alt (x)>> BDC BI /W 1 /H 1 ID \x00<<>> EI EMC",  # inline image: untouched
        b"/X <</A (unterminated>> BDC",  # does not lex: untouched
        b"/X <</A 1>> BDC ) EMC",  # a stray parenthesis: untouched (and no endless loop)
        b"<</Not (an operand of BDC)>> pop",
        b"(a string with << /Alt (x) >> BDC inside) Tj",
    ],
)
def test_left_alone(data):
    assert strip_marked_content(data) is None


def test_any_bytes_end_in_a_result_or_none():
    """Random streams made of content-stream pieces: the lexer always finishes, and only
    shortens dictionaries that are BDC/DP operands."""
    import random

    pieces = [b"<<", b">>", b"(", b")", b"\\", b"<", b">", b"[", b"]", b"/A", b" ", b"\n"]
    pieces += [b"%c\n", b"BDC", b"DP", b"1", b"Tj", b"{", b"}", b"\x00", b"\xff", b"BI", b"ID"]
    rng = random.Random(7)
    for _ in range(3000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        out = strip_marked_content(data)
        assert out is None or (len(out) < len(data) and out.count(b"<<>>") >= 1)
