"""Words in the packet (issue 12, items 16-18): no doubled brackets after a title that
ends in one, bookmarks cut between words and never inside a date, the Spanish index kept
inside its margins with "EE. UU." on one line, the A-Number printed with its letter, and
the filer's address printed line by line."""

from __future__ import annotations

import hashlib
import re

from pypdf import PdfReader

from pdorganizer.core.titles import clip_words, describe
from pdorganizer.export import fonts
from pdorganizer.export.index_es import fit_lines, render_index_es, text_pdf
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.export.split import exhibit_title
from pdorganizer.vault.repos.documents import NewPage, NewSource
from tests.ui.ui_helpers import jpeg_bytes, page_image

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _add(vault, case_id: int, title: str, **fields):
    data = jpeg_bytes(page_image(title))
    src = NewSource(data, hashlib.sha256(data).hexdigest(), "image/jpeg", "a.jpg")
    return vault.documents.add(case_id, title, [src], [NewPage(0, 0, 306, 396)], **fields)


def test_describe_adds_the_date_once_without_doubled_brackets():
    assert describe("Birth certificate (Guatemala)", "1988-03-14") == (
        "Birth certificate (Guatemala), 1988-03-14"
    )
    assert describe("Lease", "2019-05-01") == "Lease (2019-05-01)"
    assert describe("Pay stub 2024-03-01", "2024-03-01") == "Pay stub 2024-03-01"
    assert describe("Letter", "") == "Letter"


def test_clip_cuts_between_words_never_inside_a_date():
    text = "Letter of support from the community center director Ana (2024-03-14)"
    for limit in range(20, len(text)):
        cut = clip_words(text, limit, "...")
        assert len(cut) <= limit
        body = cut.removesuffix("...")
        assert text.startswith(body)
        assert body == text or text[len(body)] == " ", cut
        assert not re.search(r"\(\d[\d-]*$", body), cut  # no half date, no open bracket
    assert clip_words("short", 10) == "short"
    title = exhibit_title("B", "Declaration of the applicant about her years here (2024-03-14)")
    assert len(title) <= 100
    assert DATE.search(title) or not re.search(r"\d{4}-\d", title)


def test_spanish_index_fits_its_margins_and_keeps_ee_uu(vault, case):
    long_title = (
        "Carta de apoyo de la iglesia sobre los muchos años que la familia ha vivido en "
        "EE. UU. y su trabajo voluntario con la comunidad"
    )
    _add(vault, case.id, long_title, factors=["presence"])
    text = render_index_es(vault, case.id)
    assert "EE.\u00a0UU." in text and "EE. UU." not in text
    room = 612 - 2 * 72
    lines = fit_lines(text.split("\n"), room, 10.0)
    for line in lines:
        assert fonts.width(line, 10.0, bold=True) <= room, line
        assert not line.rstrip().endswith("EE."), line
    reader = PdfReader(__import__("io").BytesIO(text_pdf(text)))
    extracted = "\n".join(p.extract_text() for p in reader.pages)
    assert not re.search(r"EE\.\s*\n\s*UU\.", extracted)


def test_packet_bookmarks_and_cover(vault, case, tmp_path):
    vault.cases.update(
        case.id, a_number="123456789", filer_address="100 Main St\nSte 310\nOakland, CA 94612"
    )
    _add(vault, case.id, "Birth certificate (Guatemala)", document_date="1988-03-14")
    _add(
        vault,
        case.id,
        "Letter of support from the pastor of the community church in Oakland about the family",
        document_date="2024-03-14",
    )
    out = tmp_path / "p.pdf"
    export_packet(vault, case.id, out, ExportOptions(manifest="none"))
    reader = PdfReader(str(out))
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    exhibit_titles = [t for t in titles if t.startswith("Exhibit")]
    assert exhibit_titles, titles
    for title in exhibit_titles:
        assert ") (" not in title, title
        assert not re.search(r"\(\d{4}-\d{0,2}(\.\.\.|…)?$", title), title
    assert "Exhibit A: Birth certificate (Guatemala), 1988-03-14" in titles
    cover = reader.pages[0].extract_text()
    assert "A123-456-789" in cover
    lines = [line.strip() for line in cover.splitlines()]
    assert "Ste 310" in lines and "100 Main St" in lines
