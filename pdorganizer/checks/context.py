"""What the checks look at: one case's profile, documents, translations, exhibits and (for
the page checks) what each page looks like, read once from the vault."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from pdorganizer.checks import texts
from pdorganizer.checks.finding import Finding
from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.kinds import get_kind
from pdorganizer.core.models import Case, Document, Exhibit, Page, Translation
from pdorganizer.request.store import get_letter

if TYPE_CHECKING:
    from pdorganizer.vault import Vault

# The first bytes of an image file almost always hold its size; read no more than this
# from the vault to learn it (a whole phone photo is megabytes).
HEADER_BYTES = 256 * 1024


@dataclass
class PreflightOptions:
    as_of: dt.date | None = None  # the day the packet goes out; None: today
    clearance_months: int = 12  # a police clearance older than this is stale
    profile: str = "eoir"  # eoir | opla | uscis, as the export's
    quality: str = "compact"  # compact | original, as the export's
    max_part_mb: float | None = None  # None: the profile's limit
    page_size: str = "letter"
    pages: bool = True  # look at the pages themselves (reads thumbnails and image headers)


@dataclass
class PageInfo:
    page: Page
    mime: str
    source_size: int  # bytes of the original file
    source_pages: int  # pages that file gives (a multi-page TIFF or PDF)
    pixels: tuple[int, int] | None  # stored pixel size of an image page; None for PDF pages
    thumbnail: bytes | None


@dataclass
class CaseData:
    case: Case
    documents: list[Document]
    translations: dict[int, Translation]
    taxonomy: Taxonomy
    exhibits: list[Exhibit]
    pages: dict[int, list[PageInfo]] = field(default_factory=dict)
    letter: str = ""  # the request letter's text form, citations as tokens


@dataclass
class Context:
    data: CaseData
    options: PreflightOptions
    lang: str = "en"

    @property
    def case(self) -> Case:
        return self.data.case

    @property
    def documents(self) -> list[Document]:
        return self.data.documents

    @property
    def as_of(self) -> dt.date:
        return self.options.as_of or dt.date.today()

    def finding(
        self,
        code: str,
        severity: str,
        *,
        key: str | None = None,
        documents: list[int] | None = None,
        factors: list[str] | None = None,
        **params: object,
    ) -> Finding:
        """A finding with its texts in the context's language; `key` picks a variant text."""
        key = key or code
        return Finding(
            code=code,
            severity=severity,
            message=texts.message(key, self.lang, **params),
            todo=texts.todo(key, self.lang, **params),
            documents=list(documents or []),
            factors=list(factors or []),
        )

    def factor_label(self, factor_id: str) -> str:
        factor = self.data.taxonomy.get(factor_id)
        return factor.text("label", self.lang) if factor else factor_id

    def has_role(self, doc: Document, role: str) -> bool:
        kind = get_kind(doc.kind)
        return kind is not None and role in kind.roles

    def evidence(self) -> list[Document]:
        """Documents that are evidence of their own (translations ride with their original)."""
        return [d for d in self.documents if d.translation_of is None]


def effective_factors(doc: Document) -> list[str]:
    """The factors a document is tagged with, or, when untagged, those its kind usually
    supports (a lease nobody ticked still shows presence)."""
    if doc.factors:
        return list(doc.factors)
    kind = get_kind(doc.kind)
    return list(kind.factors) if kind else []


def load_case(vault: Vault, case_id: int, *, pages: bool = True) -> CaseData:
    """Read what the checks need from the vault."""
    v = vault
    case = v.cases.get(case_id)
    docs = v.documents.list(case_id)
    data = CaseData(
        case=case,
        documents=docs,
        translations=v.documents.translations(case_id),
        taxonomy=v.factors.taxonomy(),
        exhibits=v.exhibits.effective(case_id),
    )
    if pages:
        data.pages = _load_pages(v, docs)
    letter = get_letter(v, case_id)
    data.letter = letter.body if letter is not None else ""
    return data


# Pixel sizes of image pages, per open vault, by (source id, frame): original files never
# change once stored, and reading a header means decrypting the file's blob, so the checks
# that run after every edit read each file once per session. Sizes only, in memory; the
# entry goes with the Vault object (closing or locking drops it).
_PIXELS: WeakKeyDictionary[Vault, dict[tuple[int, int], tuple[int, int] | None]] = (
    WeakKeyDictionary()
)


def _load_pages(vault: Vault, docs: list[Document]) -> dict[int, list[PageInfo]]:
    if not docs:
        return {}
    case_id = docs[0].case_id
    # Only columns stored before the blob: reading `metadata` would decrypt every file.
    with vault.read() as con:
        sources = {
            sid: (mime, size)
            for sid, mime, size in con.execute(
                "SELECT id, mime, size FROM sources WHERE case_id = ?", (case_id,)
            )
        }
        shown = dict(
            con.execute(
                "SELECT p.source_id, count(*) FROM pages p JOIN documents d "
                "ON d.id = p.document_id WHERE d.case_id = ? GROUP BY p.source_id",
                (case_id,),
            ).fetchall()
        )
    sizes = _PIXELS.setdefault(vault, {})
    out: dict[int, list[PageInfo]] = {}
    for doc in docs:
        infos = []
        for page in vault.documents.pages(doc.id):
            mime, size = sources.get(page.source_id, ("", 0))
            pixels = None
            if mime.startswith("image/"):
                key = (page.source_id, page.source_index)
                if key not in sizes:
                    sizes[key] = _pixel_size(
                        lambda sid=page.source_id, n=None: _read(vault, sid, n),
                        page.source_index,
                    )
                pixels = sizes[key]
            infos.append(
                PageInfo(
                    page=page,
                    mime=mime,
                    source_size=size,
                    source_pages=int(shown.get(page.source_id, 1)),
                    pixels=pixels,
                    thumbnail=vault.documents.thumbnail(page.id),
                )
            )
        out[doc.id] = infos
    return out


def _read(vault: Vault, source_id: int, limit: int | None) -> bytes:
    if limit is None:
        return vault.documents.source_data(source_id)
    with vault.read() as con:
        row = con.execute(
            "SELECT substr(data, 1, ?) FROM sources WHERE id = ?", (limit, source_id)
        ).fetchone()
    return bytes(row[0]) if row and row[0] is not None else b""


def _pixel_size(read: Callable[..., bytes], frame: int) -> tuple[int, int] | None:
    """An image's stored pixel size from its header: the first bytes, or the whole file
    when the header lies further in. None when it cannot be read (the export will say)."""
    from pdorganizer.ingest.images import open_lazy  # Pillow only when pages are looked at

    for limit in (HEADER_BYTES, None):
        try:
            with open_lazy(read(n=limit), frame) as im:
                return int(im.size[0]), int(im.size[1])
        except Exception:  # a truncated header: try the whole file; else give up quietly
            continue
    return None
