"""What goes in the packet, page by page: read from the vault once, then laid out.

The plan holds no document content, only references (page rows, source ids) and the
text the generated pages show (titles, descriptions, the case profile)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pdorganizer.core.errors import InvalidInput
from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.models import Case, Document, Exhibit, Page, Source, Translation
from pdorganizer.export.stamping import LabelStyle
from pdorganizer.vault import Vault

OTHER_GROUP = "Other evidence"


@dataclass
class DocEntry:
    doc: Document
    pages: list[Page]
    translation: Translation | None = None
    original_title: str = ""  # for a translation: the title of what it translates


@dataclass
class ExhibitEntry:
    exhibit: Exhibit
    docs: list[DocEntry]
    factor_labels: list[str]
    group: str  # the factor heading it sits under when grouped
    first: int = 0  # global page index of its slip sheet
    last: int = 0  # global page index of its last page


@dataclass
class PlannedPage:
    kind: str  # cover | letter | index | timeline | slip | doc | cert | manifest | service
    index: int = 0  # position in the packet (0-based, across all parts)
    number: int | None = None  # label number; None = unlabelled (cover)
    label: str = ""
    exhibit: int | None = None  # index into CaseData.exhibits
    doc: DocEntry | None = None
    page: Page | None = None
    chunk: int = 0  # which page of the index / manifest flow


@dataclass
class CaseData:
    case: Case
    exhibits: list[ExhibitEntry]
    sources: dict[int, Source] = field(default_factory=dict)


def load(vault: Vault, case_id: int) -> CaseData:
    case = vault.cases.get(case_id)
    taxonomy = vault.factors.taxonomy()
    docs = {d.id: d for d in vault.documents.list(case_id)}
    entries: list[ExhibitEntry] = []
    for exhibit in vault.exhibits.effective(case_id):
        doc_entries = []
        for doc_id in exhibit.document_ids:
            doc = docs[doc_id]
            pages = vault.documents.pages(doc_id)
            translation = vault.documents.translation(doc_id)
            original = docs.get(translation.original_id) if translation else None
            doc_entries.append(
                DocEntry(doc, pages, translation, original.title if original else "")
            )
        factor_ids = _factor_ids([d.doc for d in doc_entries], taxonomy)
        labels = [_factor_label(taxonomy, f) for f in factor_ids]
        group = labels[0] if labels else OTHER_GROUP
        entries.append(ExhibitEntry(exhibit, doc_entries, labels, group))
    if not entries:
        raise InvalidInput("this case has no documents to export")
    wanted = {p.source_id for e in entries for d in e.docs for p in d.pages}
    sources = {s.id: s for s in _sources(vault, case_id) if s.id in wanted}
    return CaseData(case, entries, sources)


def _sources(vault: Vault, case_id: int) -> list[Source]:
    """The case's source files without their bytes or metadata. (The repository's
    `source()` reads `metadata`, stored after the blob, so SQLite walks and decrypts the
    whole file to reach it: 7 ms per photo. Nothing here needs it.)"""
    with vault.read() as con:
        rows = con.execute(
            "SELECT id, case_id, sha256, mime, original_name, size FROM sources WHERE case_id = ?",
            (case_id,),
        ).fetchall()
    return [Source(*row) for row in rows]


def _factor_ids(docs: list[Document], taxonomy: Taxonomy) -> list[str]:
    order = {f: i for i, f in enumerate(taxonomy.ids())}
    found = {f for d in docs for f in d.factors}
    return sorted(found, key=lambda f: (order.get(f, len(order)), f))


def _factor_label(taxonomy: Taxonomy, factor_id: str) -> str:
    factor = taxonomy.get(factor_id)
    return factor.text() if factor else factor_id


def build_pages(
    data: CaseData,
    style: LabelStyle,
    *,
    cover: bool,
    index_pages: int,
    manifest_pages: int,
    service: bool,
    start: int,
    letter_pages: int = 0,
    timeline: bool = False,
) -> list[PlannedPage]:
    """Lay out every page of the packet and give each its label."""
    pages: list[PlannedPage] = []
    if cover:
        pages.append(PlannedPage("cover"))
    pages += [PlannedPage("letter", chunk=i) for i in range(letter_pages)]
    pages += [PlannedPage("index", chunk=i) for i in range(index_pages)]
    if timeline:  # the dated evidence year by year, right after the index
        pages.append(PlannedPage("timeline"))
    for ex_index, entry in enumerate(data.exhibits):
        entry.first = len(pages)
        pages.append(PlannedPage("slip", exhibit=ex_index))
        for doc in entry.docs:
            pages += [PlannedPage("doc", exhibit=ex_index, doc=doc, page=p) for p in doc.pages]
            if doc.translation is not None:
                pages.append(PlannedPage("cert", exhibit=ex_index, doc=doc))
        entry.last = len(pages) - 1
    pages += [PlannedPage("manifest", chunk=i) for i in range(manifest_pages)]
    if service:
        pages.append(PlannedPage("service"))
    for i, page in enumerate(pages):
        page.index = i
    labelled = [p for p in pages if p.kind != "cover"]
    last = start + len(labelled) - 1
    for n, page in enumerate(labelled, start=start):
        page.number = n
        page.label = style.text(n, last)
    return pages
