"""A Spanish working copy of the index of exhibits, for the client to read.

The packet itself stays in English (the language of the court and of OPLA). This copy is
built from the same data (`vault.exhibits.effective` and the factor taxonomy), so its
letters match the packet; it is marked as a working copy that is not filed. What the user
typed (titles, descriptions) is shown as typed. Page ranges are shown when the caller
passes those of the packet it just wrote; otherwise each exhibit's page count.

Written as plain UTF-8 text (opens anywhere), or as a small PDF when the output name ends
in ".pdf" (same text, the packet's embedded font, no author or machine in its metadata).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

from pdorganizer.core.anumber import format_a_number
from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.models import Document
from pdorganizer.vault import Vault, fsync_util

MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WIDTH = 78


def fecha_es(value: str | dt.date) -> str:
    """ "2021-03-15" -> "15 de marzo de 2021"; a year or anything else is kept as given."""
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"


def paginas_es(n: int) -> str:
    return "1 página" if n == 1 else f"{n} páginas"


_OF_LABEL = re.compile(r"Page (\d+) of \d+")


def range_es(first: str, last: str) -> str:
    """Page labels of an exhibit's first and last page -> "12 a 15" ("Page 12 of 143"
    labels are reduced to their numbers; Bates labels stay as they are)."""
    first, last = (_OF_LABEL.sub(r"\1", x) for x in (first, last))
    return first if first == last else f"{first} a {last}"


def page_ranges_from_manifest(manifest: Mapping | str | os.PathLike[str]) -> dict[str, str]:
    """Exhibit letter -> page range, from the export's JSON manifest (a dict or its path),
    so the Spanish copy shows the same pages as the packet."""
    if not isinstance(manifest, Mapping):
        manifest = json.loads(Path(manifest).read_text(encoding="utf-8"))
    ranges = {}
    for exhibit in manifest.get("exhibits", []):
        pages = exhibit.get("pages") or []
        if exhibit.get("letter") and len(pages) == 2:
            ranges[str(exhibit["letter"])] = range_es(str(pages[0]), str(pages[1]))
    return ranges


def _factor_labels(docs: list[Document], taxonomy: Taxonomy) -> list[str]:
    order = {f: i for i, f in enumerate(taxonomy.ids())}
    found = sorted({f for d in docs for f in d.factors}, key=lambda f: (order.get(f, 999), f))
    labels = []
    for factor_id in found:
        factor = taxonomy.get(factor_id)
        labels.append(factor.text("label", "es") if factor else factor_id)
    return labels


def render_index_es(
    vault: Vault,
    case_id: int,
    *,
    page_ranges: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> str:
    """The working copy as text. `page_ranges`: exhibit letter -> "12 a 15", as in the
    packet (see page_ranges_from_manifest); without it each exhibit shows its number of
    pages."""
    case = vault.cases.get(case_id)
    exhibits = vault.exhibits.effective(case_id)
    if not exhibits:
        raise InvalidInput("this case has no documents to list")
    taxonomy = vault.factors.taxonomy()
    docs = {d.id: d for d in vault.documents.list(case_id)}

    who = case.name + (f" ({format_a_number(case.a_number)})" if case.a_number else "")
    lines = [
        "COPIA DE TRABAJO EN ESPAÑOL - NO SE PRESENTA ANTE LA CORTE NI ANTE ICE",
        "",
        "Índice de anexos",
        f"Caso: {who}",
        f"Preparado el {fecha_es(today or dt.date.today())}",
        "",
        *textwrap.wrap(
            "Esta copia es solo para que usted la consulte. El paquete que se presenta "
            "está en inglés, el idioma de la corte y de ICE; las letras de los anexos y "
            "las páginas coinciden con él. Las descripciones aparecen tal como se "
            "escribieron.",
            WIDTH,
        ),
        "",
    ]
    for exhibit in exhibits:
        members = [docs[i] for i in exhibit.document_ids if i in docs]
        pages = sum(d.page_count for d in members)
        where = (page_ranges or {}).get(exhibit.letter)
        if where:
            where_text = f"{'páginas' if ' a ' in where else 'página'} {where}"
        else:
            where_text = paginas_es(pages)
        lines += textwrap.wrap(
            _keep(f"Anexo {exhibit.letter}: {exhibit.description}"),
            WIDTH,
            subsequent_indent="    ",
        )
        lines.append(f"    {where_text}")
        labels = _factor_labels(members, taxonomy)
        if labels:
            lines += textwrap.wrap(
                _keep("Respalda: " + "; ".join(labels)),
                WIDTH,
                initial_indent="    ",
                subsequent_indent="      ",
            )
        if len(members) > 1:
            for doc in members:
                note = " (traducción)" if doc.translation_of is not None else ""
                lines += textwrap.wrap(
                    f"- {doc.title}{note}, {paginas_es(doc.page_count)}",
                    WIDTH,
                    initial_indent="    ",
                    subsequent_indent="      ",
                )
        lines.append("")
    total = sum(docs[i].page_count for ex in exhibits for i in ex.document_ids if i in docs)
    count = len(exhibits)
    lines.append(
        f"{count} anexo{'s' if count != 1 else ''}, {paginas_es(total)} de documentos "
        "(sin contar la portada, el índice ni las hojas separadoras)."
    )
    return _keep("\n".join(lines)) + "\n"


def _keep(text: str) -> str:
    """ "EE. UU." is one name: a no-break space keeps it on one line (textwrap and the
    PDF's wrapping break only at ordinary spaces)."""
    return text.replace("EE. UU.", "EE.\u00a0UU.")


def write_index_es(
    vault: Vault,
    case_id: int,
    output: str | os.PathLike[str],
    *,
    page_ranges: Mapping[str, str] | None = None,
) -> Path:
    """Write the working copy where the user asked (atomically: no half-written file);
    a PDF when `output` ends in ".pdf", else UTF-8 text."""
    path = Path(output)
    text = render_index_es(vault, case_id, page_ranges=page_ranges)
    data = text_pdf(text) if path.suffix.lower() == ".pdf" else text.encode("utf-8")
    # Owner-only (0600) hidden temp renamed into place; recorded in the vault first so
    # that a crash in between leaves nothing the next unlock does not remove.
    with vault.writing_to(path.parent, f".{path.name}."):
        fsync_util.atomic_write(path, data, keep_mode=False)
    return path


def text_pdf(text: str) -> bytes:
    """The text on US Letter pages, first line bold, "Página N de M" at the foot."""
    import io

    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen.canvas import Canvas

    from pdorganizer.export import fonts
    from pdorganizer.export.anonymous_pdf import blank_signature, clear_info

    fonts.register()
    size, leading, margin = 10.0, 13.0, 72.0
    width, height = letter
    per_page = int((height - 2 * margin) // leading)
    lines = fit_lines(text.rstrip("\n").split("\n"), width - 2 * margin, size)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    out = io.BytesIO()
    c = Canvas(out, pagesize=letter, invariant=1, pageCompression=1)
    clear_info(c, "Índice de anexos - copia de trabajo en español")  # no tool, no author
    for number, page in enumerate(pages, start=1):
        y = height - margin
        for i, line in enumerate(page):
            bold = number == 1 and i == 0
            c.setFont(fonts.BOLD if bold else fonts.REGULAR, size)
            c.drawString(margin, y, line)
            y -= leading
        c.setFont(fonts.REGULAR, 9)
        c.drawCentredString(width / 2, margin / 2, f"Página {number} de {len(pages)}")
        c.showPage()
    c.save()
    return blank_signature(out.getvalue())


def fit_lines(lines: list[str], room: float, size: float) -> list[str]:
    """Lines re-wrapped by their printed width (measured in the bold font, the wider, at
    `size`), so none runs into the right margin; a continuation keeps the line's indent
    plus two spaces. Breaks only at ordinary spaces: a no-break space holds words together."""
    from pdorganizer.export import fonts

    fonts.register()
    out: list[str] = []
    for line in lines:
        if fonts.width(line, size, bold=True) <= room:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        current = ""
        for word in line.strip(" ").split(" "):
            candidate = f"{current} {word}" if current else indent + word
            if current and fonts.width(candidate, size, bold=True) > room:
                out.append(current)
                current = indent + "  " + word
            else:
                current = candidate
        out.append(current)
    return out
