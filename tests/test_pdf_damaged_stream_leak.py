"""A damaged content stream that runs on over the file's next objects: only what can
still be read of it reaches the packet, never those objects' text (found by
benchmarks/fuzz.py: an update's /Producer was in the packet, inside the copied stream)."""

from __future__ import annotations

import base64
import contextlib
import io
import re
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.ingest.partial_decode import readable_prefix
from pdorganizer.ingest.service import import_files
from pdorganizer.vault import CHEAP_PARAMS, Vault

SECRET = b"SecretProducer"


def _damaged_pdf(filters: str) -> bytes:
    drawing = b"0 0 1 rg 72 600 200 100 re f BT /F1 24 Tf 72 700 Td (Visible) Tj ET\n" * 3
    if filters == "a85-flate":
        data = base64.a85encode(zlib.compress(drawing)) + b"~>"
        names = "[ /ASCII85Decode /FlateDecode ]"
    else:
        data = zlib.compress(drawing)
        names = "/FlateDecode"
    writer = PdfWriter()
    page = writer.add_blank_page(300, 400)
    stream = DecodedStreamObject()
    stream.set_data(b"")
    ref = writer._add_object(stream)
    page[NameObject("/Contents")] = ref
    out = io.BytesIO()
    writer.write(out)
    pdf = out.getvalue()
    # the content stream, encoded as named, with a marker to find it by
    marker = b"stream\n"
    start = pdf.index(b"/Length", pdf.index(b"%d 0 obj" % ref.idnum))
    head = pdf[:start] + f"/Filter {names} /Length {len(data)}".encode()
    rest = pdf[pdf.index(b">>", start) :]
    body_at = rest.index(marker) + len(marker)
    end_at = rest.index(b"endstream")
    pdf = head + rest[:body_at] + data + b"\n" + rest[end_at:]
    # an incremental update whose /Info holds the person's metadata
    prev = pdf[pdf.rindex(b"startxref") + 9 :].split()[0].decode()
    info_at = len(pdf)
    update = b"99 0 obj\n<< /Title (updated) /Producer (" + SECRET + b") >>\nendobj\n"
    xref_at = info_at + len(update)
    root = re.search(rb"/Root\s+\d+\s+\d+\s+R", pdf).group(0)  # type: ignore[union-attr]
    update += (
        b"xref\n99 1\n%010d 00000 n \ntrailer\n<< /Size 100 %s /Info 99 0 R /Prev %s >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (info_at, root, prev.encode(), xref_at)
    )
    pdf += update
    # the damage: zeros from inside the stream's data up to the update's text
    body = pdf.index(data) + len(data) // 3
    stop = pdf.index(b"Title (updated)")
    return pdf[:body] + b"\x00" * (stop - body) + pdf[stop:]


@pytest.mark.parametrize("filters", ["a85-flate", "flate"])
@pytest.mark.parametrize("quality", ["original", "compact"])
def test_a_stream_running_over_the_next_objects_leaves_them_out(
    tmp_path: Path, filters: str, quality: str
) -> None:
    source = tmp_path / "damaged.pdf"
    source.write_bytes(_damaged_pdf(filters))
    assert SECRET in source.read_bytes()
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    try:
        case = vault.cases.add("Ana")
        [result] = import_files(vault, case.id, [source])
        if result.status != "imported":  # refusing it is also safe
            assert result.status == "failed"
            return
        out = tmp_path / "packet.pdf"
        export_packet(vault, case.id, out, ExportOptions(quality=quality))
    finally:
        vault.close()
    for part in tmp_path.glob("packet*.pdf"):
        packet = part.read_bytes()
        assert SECRET not in packet
        # nor inside any stream the packet compresses
        for chunk in packet.split(b"stream")[1:]:
            with contextlib.suppress(zlib.error):
                assert SECRET not in zlib.decompressobj().decompress(chunk.lstrip(b"\r\n"))


def test_readable_prefix_stops_where_the_damage_starts() -> None:
    drawing = b"BT (Hello) Tj ET\n" * 50
    good = zlib.compress(drawing)
    damaged = good[: len(good) // 2] + b"\x00" * 64 + b"/Producer (" + SECRET + b")"
    got = readable_prefix(damaged, ["/FlateDecode"])
    assert drawing.startswith(got) and SECRET not in got
    a85 = base64.a85encode(good) + b"~>"
    got = readable_prefix(a85[:40] + b"\x00\x00" + SECRET, ["/ASCII85Decode", "/FlateDecode"])
    assert drawing.startswith(got) and SECRET not in got
    assert readable_prefix(b"48656c6c6f\x00" + SECRET, ["/ASCIIHexDecode"]) == b"Hello"
    assert readable_prefix(good, ["/LZWDecode"]) == b""  # no partial reading: nothing
    assert readable_prefix(good, ["/FlateDecode"], {"/Predictor": 12}) == b""


def test_a_whole_stream_is_told_from_one_that_ran_on() -> None:
    from pdorganizer.ingest.partial_decode import is_whole

    good = zlib.compress(b"BT (Hello) Tj ET\n" * 50)
    assert is_whole(good + b"\r\n", ["/FlateDecode"])
    assert not is_whole(good + b"\n99 0 obj << /Producer (" + SECRET + b") >>", ["/FlateDecode"])
    a85 = base64.a85encode(good) + b"~>"
    assert is_whole(a85 + b"\n", ["/ASCII85Decode", "/FlateDecode"])
    assert not is_whole(a85[:30] + b"\x00" * 9 + SECRET, ["/ASCII85Decode", "/FlateDecode"])
    assert is_whole(b"48656c6c6f>", ["/ASCIIHexDecode"])
    assert not is_whole(good, ["/LZWDecode"])  # cannot tell: not copied as it is
