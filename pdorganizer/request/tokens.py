"""Citation tokens: `[[DOC]]`, `[[DOC p.N]]`, `[[DOC p.N-M]]` (DOC a document id, N and M
pages of that document, 1-based), resolved against the packet's exhibit order and page
labels to `Ex. C`, `Ex. C at 14`, `Ex. C at 14-16`.

A token that cannot be resolved (the document left the packet, the page does not exist,
a typo) resolves to a visible broken marker: it is never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TOKEN = re.compile(r"\[\[([^\[\]\n]*)\]\]")
_INSIDE = re.compile(r"\s*(\d+)\s*(?:p\.?\s*(\d+)\s*(?:-\s*(\d+)\s*)?)?")
BROKEN_MARK = "BROKEN CITATION"


@dataclass(frozen=True)
class Citation:
    raw: str  # the token as written, with its brackets
    doc_id: int | None  # None: not a valid token at all
    first: int | None = None  # 1-based page of the document
    last: int | None = None

    def token(self) -> str:
        """The canonical text form."""
        if self.doc_id is None:
            return self.raw
        if self.first is None:
            return f"[[{self.doc_id}]]"
        if self.last is None or self.last == self.first:
            return f"[[{self.doc_id} p.{self.first}]]"
        return f"[[{self.doc_id} p.{self.first}-{self.last}]]"


def make(doc_id: int, first: int | None = None, last: int | None = None) -> Citation:
    c = Citation("", doc_id, first, last if last != first else None)
    return Citation(c.token(), doc_id, c.first, c.last)


def parse_token(raw: str) -> Citation:
    inner = raw[2:-2]
    m = _INSIDE.fullmatch(inner)
    if not m:
        return Citation(raw, None)
    doc = int(m.group(1))
    first = int(m.group(2)) if m.group(2) else None
    last = int(m.group(3)) if m.group(3) else None
    return Citation(raw, doc, first, last)


def citations(text: str) -> list[Citation]:
    return [parse_token(m.group(0)) for m in TOKEN.finditer(text)]


@dataclass
class DocPlace:
    """Where one document sits in the packet."""

    letter: str  # its exhibit's letter
    labels: list[str]  # the page label of each of its pages ("14", "PD-000014")
    targets: list[int] = field(default_factory=list)  # packet page index of each page
    whole: bool = True  # the only document of its exhibit
    slip: int | None = None  # packet page index of the exhibit's slip sheet
    range_sep: str = "-"


PageMap = dict[int, DocPlace]


@dataclass(frozen=True)
class Resolved:
    text: str
    target: int | None  # packet page index a link goes to
    broken: bool = False


def _span(place: DocPlace, a: int, b: int) -> str:
    first, last = place.labels[a], place.labels[b]
    return first if a == b else f"{first}{place.range_sep}{last}"


def resolve(cite: Citation, places: PageMap) -> Resolved:
    if cite.doc_id is None:
        return Resolved(f"[{BROKEN_MARK}: {cite.raw[2:-2].strip() or 'empty'}]", None, True)
    place = places.get(cite.doc_id)
    if place is None:
        return Resolved(f"[{BROKEN_MARK}: document {cite.doc_id} is not in the packet]", None, True)
    count = len(place.labels)
    if cite.first is None:
        if place.whole or not count:
            return Resolved(f"Ex. {place.letter}", place.slip, False)
        target = place.targets[0] if place.targets else None
        return Resolved(f"Ex. {place.letter} at {_span(place, 0, count - 1)}", target)
    last = cite.last if cite.last is not None else cite.first
    if not (1 <= cite.first <= last <= count):
        pages = f"p.{cite.first}" + (f"-{last}" if last != cite.first else "")
        return Resolved(f"[{BROKEN_MARK}: document {cite.doc_id} has no {pages}]", None, True)
    target = place.targets[cite.first - 1] if place.targets else None
    return Resolved(f"Ex. {place.letter} at {_span(place, cite.first - 1, last - 1)}", target)


def resolve_text(text: str, places: PageMap) -> str:
    """The text with every token replaced by its resolved form."""
    return TOKEN.sub(lambda m: resolve(parse_token(m.group(0)), places).text, text)


def broken(text: str, places: PageMap) -> list[tuple[Citation, str]]:
    """Each broken citation with what it shows (for the editor and pre-flight)."""
    out = []
    for cite in citations(text):
        r = resolve(cite, places)
        if r.broken:
            out.append((cite, r.text))
    return out
