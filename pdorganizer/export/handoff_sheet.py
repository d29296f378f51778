"""The one-page hand-off sheet: the person's name, the file's name, the passphrase in large
type, how to open the file and what losing the passphrase means. English or Spanish
(texts in resources/handoff_sheet.json, so the CLI needs no Qt).

Written only when asked, owner-only, under a temporary name then renamed; with the vault,
the write is recorded in it first (`vault.writing_to`) so a temp file holding the
passphrase that a SIGKILL leaves is removed on the next unlock. The PDF's only metadata is
a neutral title: no author, no tool, no reportlab comments, no dates of now (`invariant`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pdorganizer.core.errors import InvalidInput
from pdorganizer.export.anonymous_pdf import blank_signature, clear_info
from pdorganizer.resources_path import resource
from pdorganizer.vault.outputs import write_output

if TYPE_CHECKING:
    from pdorganizer.vault import Vault


@cache
def texts() -> dict:
    return json.loads(resource("handoff_sheet.json").read_text(encoding="utf-8"))


def _t(key: str, lang: str) -> object:
    entry = texts()[key]
    return entry.get(lang) or entry["en"]


def sheet_pdf(name: str, file_name: str, passphrase: str, lang: str = "en") -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.units import inch
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer
    from reportlab.platypus.flowables import HRFlowable

    from pdorganizer.export import fonts

    fonts.register()
    out = io.BytesIO()
    width, height = letter
    c = Canvas(out, pagesize=letter, invariant=1, pageCompression=1)
    clear_info(c, str(_t("pdf_title", lang)))  # a sheet found on someone names no tool

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = fonts.style("body", 11.5, leading=15)
    label = fonts.style("label", 11.5, bold=True, leading=15)
    heading = fonts.style("heading", 13.5, bold=True, leading=18)
    words = passphrase.split(" ")
    # Large type, three words a line: easy to read aloud and to copy by hand.
    lines = [" ".join(words[i : i + 3]) for i in range(0, len(words), 3)] or [""]
    longest = max(fonts.width(line, 1, bold=True) for line in lines) or 1
    size = min(30.0, (width - 2.4 * inch) / longest)
    big = fonts.style("passphrase", size, bold=True, align=1, leading=size * 1.35)
    today = dt.date.today().isoformat()
    story = [
        Paragraph(esc(str(_t("title", lang))), fonts.style("title", 20, bold=True, leading=25)),
        Spacer(1, 8),
        Paragraph(esc(str(_t("intro", lang))), body),
        Spacer(1, 12),
        Paragraph(f"{esc(str(_t('name', lang)))}: {esc(name)}", label),
        Paragraph(f"{esc(str(_t('file', lang)))}: {esc(file_name)}", body),
        Paragraph(f"{esc(str(_t('date', lang)))}: {today}", body),
        Spacer(1, 16),
        HRFlowable(width="100%", thickness=1.5),
        Spacer(1, 8),
        Paragraph(esc(str(_t("passphrase", lang))), heading),
        Spacer(1, 6),
        *[Paragraph(esc(line), big) for line in lines],
        Spacer(1, 6),
        Paragraph(esc(str(_t("passphrase_note", lang))), body),
        Spacer(1, 8),
        HRFlowable(width="100%", thickness=1.5),
        Spacer(1, 14),
        Paragraph(esc(str(_t("open_heading", lang))), heading),
    ]
    for n, step in enumerate(_t("open_steps", lang), start=1):  # type: ignore[arg-type]
        story.append(Paragraph(f"{n}. {esc(step)}", body))
    story += [
        Spacer(1, 12),
        Paragraph(esc(str(_t("lost_heading", lang))), heading),
        Paragraph(esc(str(_t("lost_text", lang))), body),
        Spacer(1, 18),
        Paragraph(esc(str(_t("footer", lang))), fonts.style("footer", 10, bold=True)),
    ]
    frame = Frame(inch, inch, width - 2 * inch, height - 2 * inch, showBoundary=0)
    frame.addFromList([KeepInFrame(width - 2 * inch, height - 2 * inch, story, mode="shrink")], c)
    c.showPage()
    c.save()
    return blank_signature(out.getvalue())


def write_sheet(
    path: str | os.PathLike[str],
    name: str,
    file_name: str,
    passphrase: str,
    lang: str = "en",
    vault: Vault | None = None,
) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    if target.exists():
        raise InvalidInput("{name} already exists; choose another name", name=target.name)
    if not target.parent.is_dir():
        raise InvalidInput("the folder {folder} does not exist", folder=str(target.parent))
    data = sheet_pdf(name, file_name, passphrase, lang)
    return write_output(target, data, vault)  # owner-only, atomic, recorded
