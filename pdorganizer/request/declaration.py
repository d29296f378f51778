"""The person's declaration: the interview, its paragraphs, the rendered statement.

However the paragraphs were written (the interview, the editor, `--set FILE`), a rendered
declaration always ends the same way: the closing under 28 U.S.C. 1746 in the language of
the original, then the date and signature lines. A Spanish original is filed with its
English translation (entered by a translator, paragraph by paragraph: no machine
translation), which carries the English closing; the export puts it after the original
with its certificate of translation, as for any translated document."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from pdorganizer.core.errors import InvalidInput
from pdorganizer.resources_path import resource

LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}[.)]|¶\s*\d{1,3}\.?)\s+")
LINE = "______________________________"


@cache
def texts() -> dict:
    return json.loads(resource("declaration.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Question:
    id: str
    section: dict[str, str]
    text: dict[str, str]
    hint: dict[str, str]
    when: str = ""  # "negative": asked only when a negative factor is tagged or claimed

    def say(self, what: str, lang: str) -> str:
        values: dict[str, str] = getattr(self, what)
        return values.get(lang) or values["en"]


def questions(negative: bool = True) -> list[Question]:
    out = [
        Question(q["id"], q["section"], q["text"], q["hint"], q.get("when", ""))
        for q in texts()["questions"]
    ]
    return [q for q in out if negative or q.when != "negative"]


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidInput("the declaration's language must be en or es")
    return lang


def paragraphs_from_answers(answers: dict[str, str], negative: bool = True) -> list[str]:
    """The person's own answers, in the interview's order; each blank-line block of an
    answer is one paragraph. Nothing is added or reworded."""
    out: list[str] = []
    for q in questions(negative):
        out += split_paragraphs(answers.get(q.id, ""))
    return out


def split_paragraphs(text: str) -> list[str]:
    """The plain-text form: one paragraph per block; a leading "3." is the numbering, not
    text. A block that is the closing itself is dropped (rendering adds it)."""
    closings = {" ".join(c.split()).casefold() for c in texts()["closing"].values()}
    out = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        body = " ".join(_NUMBERED.sub("", block.strip(), count=1).split())
        if body and body.casefold() not in closings:
            out.append(body)
    return out


def _t(key: str, lang: str, **values: str) -> str:
    entry = texts()[key]
    text = entry.get(lang) or entry["en"] if isinstance(entry, dict) else entry
    return text.format(**values) if values else text


def render_text(name: str, paragraphs: list[str], lang: str, *, translation: bool = False) -> str:
    """The declaration as plain text: title, intro, numbered paragraphs, closing, lines."""
    title = _t("translation_title" if translation else "title", lang, name=name.upper())
    lines = [title, "", _t("intro", lang, name=name), ""]
    for n, para in enumerate(paragraphs, start=1):
        lines += [f"{n}. {para}", ""]
    lines += [_t("closing", lang), ""]
    lines.append(f"{_t('executed', lang)} {LINE} {_t('at', lang)} {LINE}.")
    lines += ["", f"{_t('signature', lang)}: {LINE}", f"{_t('printed_name', lang)}: {name}"]
    return "\n".join(lines) + "\n"


def render_pdf(name: str, paragraphs: list[str], lang: str, *, translation: bool = False) -> bytes:
    """The same as a letter-size PDF (DejaVu Sans, embedded), made in memory."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    from pdorganizer.export import fonts

    title = _t("translation_title" if translation else "title", lang, name=name.upper())
    body = fonts.style("decl-body", 11.5, leading=17)
    head = fonts.style("decl-title", 13, bold=True, align=TA_CENTER, leading=17)
    story = [Paragraph(escape(title), head), Spacer(1, 18)]
    story.append(Paragraph(escape(_t("intro", lang, name=name)), body))
    story.append(Spacer(1, 10))
    numbered = fonts.style("decl-para", 11.5, leading=17)
    numbered.leftIndent = 24
    numbered.firstLineIndent = -24
    for n, para in enumerate(paragraphs, start=1):
        story.append(Paragraph(f"{n}.&nbsp;&nbsp;&nbsp;{escape(para)}", numbered))
        story.append(Spacer(1, 8))
    closing = [
        Spacer(1, 8),
        Paragraph(escape(_t("closing", lang)), body),
        Spacer(1, 22),
        Paragraph(escape(f"{_t('executed', lang)} {LINE} {_t('at', lang)} {LINE}."), body),
        Spacer(1, 30),
        Paragraph(escape(f"{_t('signature', lang)}: {LINE}"), body),
        Spacer(1, 10),
        Paragraph(escape(f"{_t('printed_name', lang)}: {name}"), body),
    ]
    story.append(KeepTogether(closing))  # the closing is never split from the signature
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=letter,
        leftMargin=72,
        rightMargin=72,
        topMargin=72,
        bottomMargin=72,  # clear of the export's label band
        title="Declaration",
        author="",
        creator="",
        producer="",
        invariant=1,
    )
    doc.build(story)
    return out.getvalue()
