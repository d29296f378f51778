"""pdfium on imported bytes runs in a child process that is stopped when it hangs or dies
(ingest/pdfium_guard): a hostile PDF is refused as damaged within the time limit, and the
import goes on with the next file."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from pdorganizer.ingest import pdfium_guard, pdfium_jobs
from pdorganizer.ingest.imagefile import THUMB_MAX, THUMB_QUALITY
from pdorganizer.ingest.pdfs import render_thumbnails
from pdorganizer.ingest.service import import_files
from pdorganizer.vault import Vault
from tests.ingest_samples import pdf


def hostile_pdf() -> bytes:
    """A form XObject whose dictionary never closes: a value runs into a copy of the
    page's content stream (as a damaged file splices one object into another), so pdfium
    reads that stream as the form's drawing. It draws the form twice: each form draws two
    more, and pdfium's FPDF_LoadPage walks them (2^depth) for what is practically ever."""
    body = base64.a85encode(zlib.compress(b"/X0 Do 1 0 0 1 0 50 cm /X0 Do")) + b"~>"
    content = b"<< /Filter [/ASCII85Decode /FlateDecode] /Length %d >>\nstream\n%s\nendstream"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R"
        b" /Resources << /Font 5 0 R /XObject << /X0 7 0 R >> >> >>",
        content % (len(body), body),
        b"<< /F1 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 400] /Resources << /Font 5 0 R >>"
        b" /Filter [/ASCII85Decode /FlateDecode] /Name (a)obj\n"
        + content.replace(b"endstream", b"end") % (len(body), body)
        + b"\n/Length 10 >>\nstream\n0 0 m 1 1 l\nendstream",
    ]
    out = bytearray(b"%PDF-1.3\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


@pytest.fixture(autouse=True)
def fresh_child():
    pdfium_guard.shutdown()
    yield
    pdfium_guard.shutdown()


def test_the_hostile_pdf_hangs_pdfium_in_process():
    """Without the guard the test below could not fail: pdfium itself does not return."""
    code = "import sys, pypdfium2 as p; p.PdfDocument(sys.stdin.buffer.read())[0].close()"
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run(
            [sys.executable, "-c", code], input=hostile_pdf(), timeout=5, capture_output=True
        )


def test_hostile_pdf_is_refused_within_the_limit_and_the_next_one_imports(
    vault: Vault, case, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(pdfium_guard, "BASE_SECONDS", 2.0)
    monkeypatch.setattr(pdfium_guard, "PER_PAGE_SECONDS", 1.0)
    (tmp_path / "hang.pdf").write_bytes(hostile_pdf())
    (tmp_path / "good.pdf").write_bytes(pdf([(612, 792, 0), (300, 400, 90)]))
    started = time.monotonic()
    bad, good = import_files(vault, case.id, [tmp_path / "hang.pdf", tmp_path / "good.pdf"])
    elapsed = time.monotonic() - started
    assert bad.status == "failed"
    assert bad.message == "the file is damaged or incomplete"
    assert good.status == "imported" and good.pages == 2
    assert elapsed < 2.0 + 1.0 + 10.0  # the limit, a new child, both imports
    assert len(vault.documents.list(case.id)) == 1


def test_thumbnails_are_the_ones_pdfium_renders_in_process():
    data = pdf([(612, 792, 0), (300, 400, 90), (612, 792, 180)])
    here = pdfium_jobs.thumbnails(data, 3, THUMB_MAX, THUMB_QUALITY)
    assert render_thumbnails(data, 3) == here


def test_a_child_killed_from_outside_is_replaced():
    data = pdf()
    first = render_thumbnails(data, 1)
    pid = pdfium_guard.child_pid()
    assert pid is not None and pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    assert render_thumbnails(data, 1) == first
    assert pdfium_guard.child_pid() not in (None, pid)


def test_the_child_is_warm_between_files_and_ends_when_idle(monkeypatch):
    monkeypatch.setattr(pdfium_guard, "IDLE_SECONDS", 1.0)
    render_thumbnails(pdf(), 1)
    pid = pdfium_guard.child_pid()
    render_thumbnails(pdf([(300, 400, 0)]), 1)
    assert pdfium_guard.child_pid() == pid
    deadline = time.monotonic() + 10
    while pdfium_guard.child_pid() is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pdfium_guard.child_pid() is None


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_the_child_sees_no_passphrase(monkeypatch):
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", "secret-words")
    monkeypatch.setenv("PDORGANIZER_OTHER_PASSPHRASE", "other-words")
    render_thumbnails(pdf(), 1)
    pid = pdfium_guard.child_pid()
    environ = Path(f"/proc/{pid}/environ").read_bytes()
    assert b"secret-words" not in environ and b"other-words" not in environ
    assert b"PASSPHRASE" not in environ
    assert os.environ["PDORGANIZER_PASSPHRASE"] == "secret-words"  # ours is left alone
