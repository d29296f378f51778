"""The letter's plain-text form, read into blocks of styled runs.

    # Heading            (level 1)     ## Heading   (level 2)
    a paragraph; lines in one paragraph keep their line breaks (addresses)
    **bold**, *italic*, [[12 p.3]] citations

Blank lines separate paragraphs. The same blocks feed the PDF pages, the .docx copy and
the editor, so all three show one letter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pdorganizer.request.tokens import TOKEN, Citation, parse_token

_INLINE = re.compile(r"(\*\*|\*|\[\[[^\[\]\n]*\]\])")


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    cite: Citation | None = None
    newline: bool = False  # a line break inside the paragraph (text is empty)


@dataclass
class Block:
    kind: str  # h1 | h2 | p
    runs: list[Run] = field(default_factory=list)

    def plain(self) -> str:
        return "".join("\n" if r.newline else (r.cite.raw if r.cite else r.text) for r in self.runs)


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", inline("\n".join(para))))
            para.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("## "):
            flush()
            blocks.append(Block("h2", inline(stripped[3:].strip())))
        elif stripped.startswith("# "):
            flush()
            blocks.append(Block("h1", inline(stripped[2:].strip())))
        else:
            para.append(line.rstrip())
    flush()
    return blocks


def inline(text: str) -> list[Run]:
    runs: list[Run] = []
    bold = italic = False
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if piece == "**":
            bold = not bold
        elif piece == "*":
            italic = not italic
        elif TOKEN.fullmatch(piece):
            runs.append(Run(piece, bold, italic, parse_token(piece)))
        else:
            lines = piece.split("\n")
            for i, part in enumerate(lines):
                if i:
                    runs.append(Run("", newline=True))
                if part:
                    runs.append(Run(part, bold, italic))
    return runs


def _mark(text: str, bold: bool, italic: bool) -> str:
    if not text.strip():
        return text
    if italic:
        text = f"*{text}*"
    if bold:
        text = f"**{text}**"
    return text


def serialize(blocks: list[Block]) -> str:
    """Blocks back to the text form (what the editor saves)."""
    out = []
    for block in blocks:
        body = ""
        for run in block.runs:
            if run.newline:
                body += "\n"
            elif run.cite is not None:
                body += run.cite.raw
            else:
                body += _mark(run.text, run.bold, run.italic)
        prefix = {"h1": "# ", "h2": "## "}.get(block.kind, "")
        if prefix:
            body = prefix + " ".join(body.split())
        out.append(body)
    return "\n\n".join(out) + ("\n" if out else "")


def citations_in(blocks: list[Block]) -> list[Citation]:
    return [r.cite for b in blocks for r in b.runs if r.cite is not None]
