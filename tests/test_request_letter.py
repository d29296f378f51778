"""The request letter: draft from the case, citation tokens, and the packet read back."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from test_export_support import add_pdf

from pdorganizer.core.errors import PdoError
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.export.verify import last_shown_text
from pdorganizer.request import service
from pdorganizer.request.markup import parse, serialize
from pdorganizer.request.tokens import DocPlace, citations, parse_token, resolve, resolve_text


def _case(vault, **kw):
    fields = dict(
        a_number="A123-456-789",
        court_city="San Francisco",
        court_state="CA",
        next_hearing_date="2027-03-14",
        judge="Hon. R. Smith",
        filer_name="José Ñúñez",
        opla_office="OPLA San Francisco",
    )
    fields.update(kw)
    return vault.cases.add("María José López", **fields)


# -- tokens -------------------------------------------------------------------------------


def test_tokens_parse_and_resolve():
    places = {
        7: DocPlace("C", ["12", "13", "14"], [20, 21, 22], whole=True, slip=19),
        8: DocPlace("D", ["30", "31"], [40, 41], whole=False, slip=38),
        9: DocPlace("E", ["PD-000050", "PD-000051"], [50, 51], range_sep=" - "),
    }
    cases = {
        "[[7]]": ("Ex. C", 19),
        "[[7 p.2]]": ("Ex. C at 13", 21),
        "[[7 p.1-3]]": ("Ex. C at 12-14", 20),
        "[[8]]": ("Ex. D at 30-31", 40),  # grouped with others: its own pages
        "[[9 p.1-2]]": ("Ex. E at PD-000050 - PD-000051", 50),
        "[[ 7 p. 3 ]]": ("Ex. C at 14", 22),
    }
    for token, (text, target) in cases.items():
        got = resolve(parse_token(token), places)
        assert (got.text, got.target, got.broken) == (text, target, False), token
    for token in ("[[99]]", "[[7 p.4]]", "[[7 p.3-2]]", "[[seven]]", "[[]]"):
        got = resolve(parse_token(token), places)
        assert got.broken and got.target is None and "BROKEN CITATION" in got.text, token
    text = "See [[7 p.2]] and [[99]]."
    assert resolve_text(text, places) == (
        "See Ex. C at 13 and [BROKEN CITATION: document 99 is not in the packet]."
    )


def test_markup_round_trip():
    text = "# Title\n\nA **bold** and *italic* line\nsecond line [[3 p.2]].\n\n## Sub\n\nEnd.\n"
    blocks = parse(text)
    assert [b.kind for b in blocks] == ["h1", "p", "h2", "p"]
    assert serialize(blocks) == text
    runs = blocks[1].runs
    assert any(r.bold and r.text == "bold" for r in runs)
    assert any(r.italic and r.text == "italic" for r in runs)
    assert any(r.newline for r in runs)
    assert [c.token() for c in citations(text)] == ["[[3 p.2]]"]


# -- draft --------------------------------------------------------------------------------


def test_draft_states_only_case_data(vault):
    case = _case(vault, requested_pd="administrative-closure")
    lease = add_pdf(
        vault, case.id, "Lease 2015", [(612, 792, 0)] * 2, factors=["presence"],
        issuer="Oak Apartments", document_date="2015-01-01",
    )  # fmt: skip
    tax = add_pdf(
        vault, case.id, "IRS transcript 2020", [(612, 792, 0)], factors=["work"], words="TAX"
    )
    court = add_pdf(
        vault, case.id, "Certified disposition", [(612, 792, 0)], factors=["criminal_history"],
        words="COURT",
    )  # fmt: skip
    rehab = add_pdf(
        vault, case.id, "Program certificate", [(612, 792, 0)], factors=["rehabilitation"],
        words="REHAB",
    )  # fmt: skip
    result = service.draft(vault, case.id)
    text = result.text
    # the subject names the requested PD
    assert "prosecutorial discretion (administrative closure of the removal proceedings)" in text
    assert "OPLA San Francisco" in text and "A-Number: A123-456-789" in text
    assert "Lease 2015, issued by Oak Apartments, dated 2015-01-01" in text
    for doc in (lease, tax, court, rehab):
        assert f"[[{doc.id}]]" in text
    # positive factors first in taxonomy order, then the negative one with its answers
    assert (
        text.index("## Long presence")
        < text.index("## Work history")
        < text.index("## Criminal history")
    )
    negative = text[text.index("## Criminal history") :]
    assert f"[[{court.id}]]" in negative and f"[[{rehab.id}]]" in negative
    assert "## Rehabilitation" not in text  # answered under the negative factor instead
    assert "José Ñúñez" in text.split("Respectfully submitted,")[1]
    # Every line is case data, a fixed frame sentence, or a marked placeholder.
    assert text.count("[WRITER:") >= 5
    with pytest.raises(PdoError, match="already has a letter"):
        service.draft(vault, case.id)
    assert service.draft(vault, case.id, force=True).text == text


def test_draft_pro_se_and_unknown_request(vault):
    case = vault.cases.add("Ana Pérez")
    text = service.draft(vault, case.id).text
    assert "I, Ana Pérez, respectfully ask" in text
    assert "[WRITER: the kind of prosecutorial discretion requested]" in text
    assert "Pro se" in text and "[WRITER: A-Number]" in text


# -- the packet read back -----------------------------------------------------------------

FILLER = (
    "This paragraph stands for the writer's own argument and makes the letter long enough "
    "to need more than one page, so that its length moves every later page label. "
)


@pytest.fixture
def packet_case(vault):
    case = _case(vault)
    spec = {"ALPHA": (3, "presence"), "BRAVO": (2, "work"), "CHARLIE": (4, "family")}
    spec["DELTA"] = (1, "community")
    docs = {
        name: add_pdf(
            vault, case.id, name.title(), [(612, 792, 0)] * n, words=name, factors=[factor]
        )
        for name, (n, factor) in spec.items()
    }
    return case, docs


CITES = [  # (marker, first, last); None: the whole document
    ("ALPHA", 2, None),
    ("ALPHA", 1, 3),
    ("CHARLIE", 4, None),
    ("CHARLIE", 2, 3),
    ("BRAVO", None, None),
    ("DELTA", None, None),  # grouped with ALPHA: cites its own page
    ("DELTA", 1, None),
]


def _letter(docs) -> str:
    parts = ["# Request", ""]
    for i, (name, first, last) in enumerate(CITES):
        doc = docs[name].id
        pages = "" if first is None else f" p.{first}" + (f"-{last}" if last else "")
        parts += [FILLER * 3, "", f"CITE{i} [[{doc}{pages}]] END{i}", ""]
    parts += ["GONE [[9999]] END", ""]
    return "\n".join(parts)


def _where(reader: PdfReader) -> tuple[dict[str, tuple[str, str, int]], list[str]]:
    """Each evidence page's marker ("ALPHA 2") -> (exhibit letter, stamped label, index)."""
    found: dict[str, tuple[str, str, int]] = {}
    letter = ""
    texts = [p.extract_text() or "" for p in reader.pages]
    for i, text in enumerate(texts):
        slip = re.search(r"EXHIBIT ([A-Z]+)\b", text)
        if slip:
            letter = slip.group(1)
        m = re.search(r"\b(ALPHA|BRAVO|CHARLIE|DELTA) (\d+)\b", text)
        if m and not slip:
            found[m.group(0)] = (letter, last_shown_text(reader.pages[i]) or "", i)
    return found, texts


def _expected(found, name, first, last, count, whole):
    letter = found[f"{name} 1"][0]
    if first is None and whole:
        return f"Ex. {letter}"
    a = first or 1
    b = last or (first if first is not None else count)
    la, lb = found[f"{name} {a}"][1], found[f"{name} {b}"][1]
    return f"Ex. {letter} at {la}" + (f"-{lb}" if b != a else "")


@pytest.mark.parametrize("label", ["plain", "bates"])
def test_packet_citations_name_the_real_pages(vault, packet_case, tmp_path, label):
    case, docs = packet_case
    service.draft(vault, case.id)
    service.set_text(vault, case.id, _letter(docs))
    # Reorder and group after writing: the tokens must follow.
    vault.exhibits.set(
        case.id,
        [[docs["CHARLIE"].id], [docs["ALPHA"].id, docs["DELTA"].id], [docs["BRAVO"].id]],
    )
    options = ExportOptions(label=label, bates_prefix="PD-", start=1)
    out = tmp_path / "packet.pdf"
    export_packet(vault, case.id, out, options)
    reader = PdfReader(str(out))
    found, texts = _where(reader)
    assert len(found) == 10
    outline = {o.title: reader.get_destination_page_number(o) for o in reader.outline}
    assert outline["Request Letter"] == 1  # after the cover
    letter_pages = [i for i, t in enumerate(texts) if "CITE" in t or "GONE" in t]
    assert len(letter_pages) >= 2 and letter_pages[0] == 1
    assert outline["Index of Exhibits"] == letter_pages[-1] + 1
    letter_text = " ".join(" ".join(texts[i].split()) for i in letter_pages)
    counts = {"ALPHA": 3, "BRAVO": 2, "CHARLIE": 4, "DELTA": 1}
    whole = {"ALPHA": False, "BRAVO": True, "CHARLIE": True, "DELTA": False}
    sep = " - " if label == "bates" else "-"
    for i, (name, first, last) in enumerate(CITES):
        want = _expected(found, name, first, last, counts[name], whole[name]).replace("-", sep, 1)
        if label == "bates":  # "PD-000012" holds a hyphen of its own: rebuild plainly
            want = _expected(found, name, first, last, counts[name], whole[name])
            want = re.sub(r"(PD-\d+)-(PD-\d+)", r"\1 - \2", want)
        m = re.search(rf"CITE{i} (.*?) END{i}", letter_text)
        assert m, i
        assert m.group(1) == want, (i, m.group(1), want)
    assert "GONE [BROKEN CITATION: document 9999 is not in the packet] END" in letter_text
    # Links: one per resolved citation, each landing on the cited page (or slip sheet).
    targets = []
    index_of = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    for i in letter_pages:
        for ref in reader.pages[i].get("/Annots") or []:
            annot = ref.get_object()
            targets.append(index_of[annot["/Dest"][0].idnum])
    want_targets = []
    for name, first, _last in CITES:
        if first is None and whole[name]:
            want_targets.append(found[f"{name} 1"][2] - 1)  # the exhibit's slip sheet
        else:
            want_targets.append(found[f"{name} {first or 1}"][2])
    assert sorted(targets) == sorted(want_targets)
    # Every label in the packet is consecutive: the letter's pages are counted.
    stamped = [last_shown_text(p) for p in reader.pages[1:]]
    if label == "plain":
        assert stamped == [str(n) for n in range(1, len(reader.pages))]
    # What the CLI shows resolved is what the packet says.
    resolved = " ".join(service.resolved(vault, case.id, options).split())
    for i in range(len(CITES)):
        assert re.search(rf"CITE{i} (.*?) END{i}", resolved).group(1) == re.search(
            rf"CITE{i} (.*?) END{i}", letter_text
        ).group(1)


def test_no_letter_and_broken_listed(vault, packet_case, tmp_path):
    case, docs = packet_case
    service.set_text(
        vault, case.id, f"See [[{docs['ALPHA'].id} p.9]] and [[{docs['BRAVO'].id}]].\n"
    )
    broken = service.broken_citations(vault, case.id)
    assert [c.doc_id for c, _ in broken] == [docs["ALPHA"].id]
    out = tmp_path / "p.pdf"
    export_packet(vault, case.id, out, ExportOptions(letter=False))
    reader = PdfReader(str(out))
    assert "Request Letter" not in [o.title for o in reader.outline]
    vault.documents.delete(docs["BRAVO"].id)
    assert len(service.broken_citations(vault, case.id)) == 2


def test_resolved_without_the_letter_counts_no_letter_pages(vault):
    case = _case(vault)
    doc = add_pdf(vault, case.id, "Lease", [(612, 792, 0)] * 2, factors=["presence"])
    service.set_text(vault, case.id, f"[[{doc.id} p.1]]\n")
    assert service.resolved(vault, case.id) == "Ex. A at 4\n"  # letter 1, index 2, slip 3
    assert service.resolved(vault, case.id, ExportOptions(letter=False)) == "Ex. A at 3\n"
