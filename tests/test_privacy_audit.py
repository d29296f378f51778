"""What the files the app writes outside the vault give away: their mode on a shared
computer (0600 whatever the umask), their metadata (no author, no tool, no dates of now),
and what a SIGKILL in the middle of writing one leaves behind (removed on the next unlock).
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from test_crash_leftovers import PASS, _hidden, _records, _run_until_paused
from test_export_support import build_sample

from pdorganizer.export.anonymous_pdf import blank_signature
from pdorganizer.export.index_es import write_index_es
from pdorganizer.request.docx_out import write_docx
from pdorganizer.timeline.drawing import Drawing, Shape
from pdorganizer.timeline.render import write as write_timeline
from pdorganizer.vault import CHEAP_PARAMS, Vault

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and SIGKILL")
LETTER = "# Request for prosecutorial discretion\n\nMaría José López has lived here since 2016."


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)  # what most desktops have: new files readable by everyone
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _drawing() -> Drawing:
    d = Drawing(300, 120)
    d.shapes.append(Shape("text", 10, 10, 0, 0, (0, 0, 0), text="María José López", size=12))
    return d


def _assert_anonymous_pdf(path: Path) -> None:
    raw = path.read_bytes()
    assert b"ReportLab" not in raw and b"reportlab" not in raw.lower()
    meta = PdfReader(path).metadata or {}
    for key in ("/Author", "/Creator", "/Producer", "/Subject", "/Keywords"):
        assert not meta.get(key), key
    for key in ("/CreationDate", "/ModDate"):
        assert str(meta.get(key, "D:2000")).startswith("D:2000"), key  # not today


@posix_only
def test_word_copy_is_private_and_says_nothing_of_who_made_it(
    vault: Vault, tmp_path: Path, loose_umask
) -> None:
    out = tmp_path / "letter.docx"
    out.write_bytes(b"an older copy")
    os.chmod(out, 0o644)
    write_docx(LETTER, {}, out, vault=vault)
    assert _mode(out) == 0o600  # replaced, and narrowed: it holds the letter
    assert _hidden(tmp_path) == []
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        core = z.read("docProps/core.xml").decode()
        settings = z.read("word/settings.xml").decode()
        body = z.read("word/document.xml").decode()
    assert "María José López" in body
    assert "docProps/app.xml" not in names  # "Microsoft Macintosh Word", company, template
    assert not any("thumbnail" in n for n in names)
    assert not any(n.startswith("docProps/custom") for n in names)
    assert "savePreviewPicture" not in settings  # Word would store page 1 as a picture
    assert "python-docx" not in core and "2000-01-01" in core
    import docx

    props = docx.Document(str(out)).core_properties
    assert props.author == "" and props.last_modified_by == "" and props.title == ""
    assert props.revision == 1 and props.created.year == 2000 and props.modified.year == 2000
    assert [k for k in vault.meta() if k.startswith("pending_write.")] == []


@posix_only
def test_timeline_png_and_pdf_are_private_and_anonymous(
    vault: Vault, tmp_path: Path, loose_umask
) -> None:
    png = tmp_path / "timeline.png"
    png.write_bytes(b"old")
    os.chmod(png, 0o644)
    write_timeline(_drawing(), png, vault=vault)
    assert _mode(png) == 0o600
    with Image.open(png) as im:
        assert im.format == "PNG"
        im.load()
        assert im.info == {} and getattr(im, "text", {}) == {}  # no tEXt/iTXt/eXIf chunks
    pdf = write_timeline(_drawing(), tmp_path / "timeline.pdf", title="Timeline of evidence")
    assert _mode(pdf) == 0o600
    _assert_anonymous_pdf(pdf)
    assert "María José López" in PdfReader(pdf).pages[0].extract_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "test.pdvault",
        "timeline.pdf",
        "timeline.png",
    ]


@posix_only
def test_spanish_index_is_private_and_names_no_tool(
    vault: Vault, tmp_path: Path, loose_umask
) -> None:
    case = vault.cases.add("Test Person")
    build_sample(vault, case.id)
    out = write_index_es(vault, case.id, tmp_path / "indice.pdf")
    assert _mode(out) == 0o600
    _assert_anonymous_pdf(out)
    assert "Índice de anexos" in PdfReader(out).pages[0].extract_text()


def test_signature_blanked_byte_for_byte() -> None:
    data = b"%PDF-1.3\n% ReportLab Generated PDF document (opensource)\n1 0 obj"
    clean = blank_signature(data)
    assert len(clean) == len(data) and b"ReportLab" not in clean
    assert clean.startswith(b"%PDF-1.3\n% ") and clean.endswith(b"\n1 0 obj")


CRASH_SCRIPT = """
from pdorganizer.vault import fsync_util

vault = Vault.open(sys.argv[1], sys.argv[2])
def replace_then_pause(src, dst):  # the temp file is complete; the rename never comes
    pause("write")
fsync_util.os.replace = replace_then_pause
if sys.argv[3] == "docx":
    from pdorganizer.request.docx_out import write_docx
    write_docx("María José López, A123-456-789", {}, sys.argv[4], vault=vault)
elif sys.argv[3] == "sheet":
    from pdorganizer.export.handoff_sheet import write_sheet
    write_sheet(sys.argv[4], "María José López", "client.pdvault", "one two three", vault=vault)
else:
    from pdorganizer.timeline.drawing import Drawing
    from pdorganizer.timeline.render import write
    write(Drawing(200, 100), sys.argv[4], vault=vault)
"""


@posix_only
@pytest.mark.parametrize("kind", ["docx", "pdf", "png"])
def test_killed_word_copy_or_timeline_leaves_nothing_after_the_next_unlock(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "crash.pdvault"
    Vault.create(path, PASS, CHEAP_PARAMS).close()
    out = tmp_path / "out"
    out.mkdir()
    decoy = out / f".mine.{kind}.0123abcd.part"  # like our temp names, but no record
    decoy.write_bytes(b"mine")
    _run_until_paused(CRASH_SCRIPT, str(path), PASS, kind, str(out / f"letter.{kind}"))
    partial = [n for n in _hidden(out) if n != decoy.name]
    assert len(partial) == 1 and partial[0].startswith(f".letter.{kind}.")
    assert _mode(out / partial[0]) == 0o600
    assert _records(path) == []  # _records opens the vault: that unlock removed it
    assert _hidden(out) == [decoy.name] and decoy.read_bytes() == b"mine"
    assert not (out / f"letter.{kind}").exists()


@posix_only
def test_killed_handoff_sheet_leaves_no_passphrase_after_the_next_unlock(tmp_path: Path) -> None:
    path = tmp_path / "crash.pdvault"
    Vault.create(path, PASS, CHEAP_PARAMS).close()
    out = tmp_path / "out"
    out.mkdir()
    _run_until_paused(CRASH_SCRIPT, str(path), PASS, "sheet", str(out / "sheet.pdf"))
    (partial,) = _hidden(out)  # the complete sheet, passphrase and all, never renamed
    assert partial.startswith(".sheet.pdf.") and _mode(out / partial) == 0o600
    assert len(_records(path)) == 0  # that unlock removed the file and its record
    assert list(out.iterdir()) == []


@posix_only
def test_handoff_sheet_is_private_and_names_no_tool(
    vault: Vault, tmp_path: Path, loose_umask
) -> None:
    from pdorganizer.export.handoff_sheet import write_sheet

    out = write_sheet(
        tmp_path / "hoja.pdf", "María José López", "c.pdvault", "uno dos", "es", vault=vault
    )
    assert _mode(out) == 0o600 and _hidden(tmp_path) == []
    _assert_anonymous_pdf(out)
    meta = PdfReader(out).metadata or {}
    assert meta.get("/Title") == "Su archivo"  # neutral: neither the person nor the tool
    assert "María José López" in PdfReader(out).pages[0].extract_text()
    assert [k for k in vault.meta() if k.startswith("pending_write.")] == []


@posix_only
def test_app_settings_file_is_owner_only(tmp_path: Path, loose_umask) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    from pdorganizer.ui.settings import AppSettings

    fresh = tmp_path / "new" / "pdorganizer.conf"
    settings = AppSettings(QSettings(str(fresh), QSettings.Format.IniFormat))
    settings.add_recent(str(tmp_path / "Maria Lopez.pdvault"))
    settings.sync()
    assert _mode(fresh) == 0o600 and _mode(fresh.parent) == 0o700
    assert "Maria Lopez" in fresh.read_text()  # the recent list names the vault file

    old = tmp_path / "old.conf"
    old.write_text("[General]\nlanguage=es\n")
    os.chmod(old, 0o644)  # written by an earlier version
    settings = AppSettings(QSettings(str(old), QSettings.Format.IniFormat))
    settings.add_recent(str(tmp_path / "Ana.pdvault"))
    settings.sync()
    assert _mode(old) == 0o600 and settings.language == "es"


def test_docx_bytes_in_memory_carry_no_app_properties() -> None:
    from pdorganizer.request.docx_out import docx_bytes

    with zipfile.ZipFile(io.BytesIO(docx_bytes(LETTER, {}))) as z:
        rels = z.read("_rels/.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert "extended-properties" not in rels and "thumbnail" not in rels
    assert "app.xml" not in types and "jpeg" not in types.lower()


def test_outputs_are_made_without_any_network(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx, lxml, reportlab and Pillow build every output offline: any attempt to
    resolve a name or open a connection fails this test."""
    import socket

    def refuse(*_args, **_kwargs):
        raise AssertionError("network used")

    for name in ("getaddrinfo", "create_connection", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    case = vault.cases.add("Test Person")
    build_sample(vault, case.id)
    write_docx(LETTER, {}, tmp_path / "l.docx", vault=vault)
    write_timeline(_drawing(), tmp_path / "t.pdf", vault=vault)
    write_timeline(_drawing(), tmp_path / "t.png", vault=vault)
    write_index_es(vault, case.id, tmp_path / "i.pdf")
    assert {p.name for p in tmp_path.iterdir()} >= {"l.docx", "t.pdf", "t.png", "i.pdf"}
