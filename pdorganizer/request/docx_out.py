"""The letter as an editable Word file, citations resolved to plain text ("Ex. C at 14").

For attorneys who finish in Word: in that copy the citations no longer follow the
exhibits (the CLI and the GUI say so). Written owner-only (0600) through a temp file, with
the document properties emptied (python-docx would otherwise sign it "python-docx")."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pdorganizer.core.errors import InvalidInput
from pdorganizer.request.markup import parse
from pdorganizer.request.tokens import PageMap, resolve
from pdorganizer.vault.outputs import write_output

if TYPE_CHECKING:
    from pdorganizer.vault import Vault

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # no creation time that dates the file


def docx_bytes(text: str, places: PageMap) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    _strip_template(document)
    props = document.core_properties
    for name in ("author", "title", "subject", "keywords", "comments", "last_modified_by",
                 "category", "content_status", "identifier", "language", "version"):  # fmt: skip
        setattr(props, name, "")
    props.revision = 1
    props.created = props.modified = EPOCH
    document.styles["Normal"].font.size = Pt(11)
    for block in parse(text):
        if block.kind == "h1":
            para = document.add_heading(level=1)
        elif block.kind == "h2":
            para = document.add_heading(level=2)
        else:
            para = document.add_paragraph()
        for run in block.runs:
            if run.newline:
                para.add_run().add_break()
                continue
            shown = resolve(run.cite, places).text if run.cite is not None else run.text
            out = para.add_run(shown)
            out.bold = run.bold or None
            out.italic = run.italic or None
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _strip_template(document) -> None:  # python-docx Document
    """Drop what python-docx's template carries besides the text: its thumbnail picture,
    its app.xml ("Microsoft Macintosh Word", a company and template name), its revision
    ids, and the setting that makes Word store a preview picture of page 1 (the letter's
    text as an image) inside the file when the person saves it there."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.rels.pop(rid)
    settings = document.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)


def write_docx(
    text: str, places: PageMap, path: str | os.PathLike[str], vault: Vault | None = None
) -> Path:
    """Write the Word copy owner-only through a temp file beside it; with `vault`, the
    write is recorded in it first (vault.writing_to), so a temp file of plaintext that a
    SIGKILL leaves is removed by the next write there or the next unlock."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise InvalidInput("the Word copy's name must end in .docx")
    if not target.parent.is_dir():
        raise InvalidInput("the folder {folder} does not exist", folder=str(target.parent))
    data = docx_bytes(text, places)
    return write_output(target, data, vault)  # owner-only, atomic, recorded
