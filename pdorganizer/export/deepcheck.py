"""`check --deep`: every stored page decoded as the export would, nothing written.

For each document of each case, every page goes through the export's own `Preparer`
in both qualities (images: both payload paths; PDFs: the page opened, measured and
copied into a throwaway in-memory writer). A document that would stop an export is
reported once, with the reason in the person's words. Qt-free: the CLI uses it, and the
GUI can run it on a worker thread with the same Progress.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pypdf import PdfWriter

from pdorganizer.core.errors import Cancelled, PdoError
from pdorganizer.core.models import Case, Document
from pdorganizer.core.progress import Progress
from pdorganizer.core.safelog import log_unexpected
from pdorganizer.core.untrusted import decoding
from pdorganizer.export.layout import Geometry
from pdorganizer.export.plan import CaseData, DocEntry, PlannedPage
from pdorganizer.export.prepare import Preparer, UnusableSource
from pdorganizer.vault import Vault

QUALITIES = ("original", "compact")


@dataclass
class DeepProblem:
    """A document some export would fail on."""

    case_id: int
    case_name: str
    document_id: int
    title: str
    reason: str  # plain words, English (reason_template + reason_values to translate)
    reason_template: str = ""
    reason_values: dict = field(default_factory=dict)


def deep_check(
    vault: Vault, progress: Progress | None = None, page_size: str = "letter"
) -> list[DeepProblem]:
    """The documents whose stored files an export could not use (empty: all fine).

    Raises Cancelled when `progress` is cancelled."""
    progress = progress or Progress()
    geometry = Geometry.named(page_size)
    work: list[tuple[Case, list[tuple[Document, list]]]] = []
    total = 0
    for case in vault.cases.list():
        docs = [(doc, vault.documents.pages(doc.id)) for doc in vault.documents.list(case.id)]
        total += sum(len(pages) for _, pages in docs)
        work.append((case, docs))
    progress.start(total, "checking pages")
    problems: list[DeepProblem] = []
    for case, docs in work:
        for doc, pages in docs:
            problem = _check_document(vault, case, doc, pages, geometry, progress)
            if problem is not None:
                problems.append(problem)
    return problems


def _check_document(
    vault: Vault,
    case: Case,
    doc: Document,
    pages: list,
    geometry: Geometry,
    progress: Progress,
) -> DeepProblem | None:
    sources = {sid: vault.documents.source(sid) for sid in {p.source_id for p in pages}}
    data = CaseData(case, [], sources)
    # Fresh preparers per document: they keep PDF readers, which must not pile up.
    preparers = [Preparer(vault, data, geometry, quality) for quality in QUALITIES]
    entry = DocEntry(doc, pages)
    failure: DeepProblem | None = None
    for done, page in enumerate(pages):
        planned = PlannedPage("doc", doc=entry, page=page)
        try:
            if preparers[0].is_pdf(page):
                _check_pdf_page(preparers[0], planned)
            else:
                for prep in preparers:
                    prep.image(planned)
        except Cancelled:
            raise
        except UnusableSource as exc:
            failure = _problem(case, doc, exc.reason, exc.reason_template, exc.reason_values)
        except PdoError as exc:
            failure = _problem(case, doc, exc.message, exc.template, exc.values)
        except Exception as exc:  # a bug in our code, not a bad file: say so, safely
            reason = f"something went wrong ({log_unexpected(exc, 'check --deep')})"
            failure = _problem(case, doc, reason, reason, {})
        if failure is not None:
            progress.step(amount=len(pages) - done)
            return failure
        progress.step()
    return None


def _check_pdf_page(prep: Preparer, planned: PlannedPage) -> None:
    """What the export does with a PDF page: open, measure, then copy it as a form."""
    prepared = prep.pdf(planned)
    assert prepared.form is not None
    try:
        with decoding("application/pdf"):
            prepared.form.to_form(PdfWriter(), set())
    except PdoError as exc:
        raise UnusableSource("", planned.doc.doc.title if planned.doc else "", exc, 0) from None


def _problem(case: Case, doc: Document, reason: str, template: str, values: dict) -> DeepProblem:
    return DeepProblem(case.id, case.name, doc.id, doc.title, reason, template, dict(values))
