"""Plain domain records passed between the vault, the services, the CLI and the GUI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

# Case profile fields a user can set (besides `name`), in the order forms show them.
CASE_FIELDS: tuple[str, ...] = (
    "name",
    "a_number",
    "date_of_birth",
    "country",
    "language",
    "court_city",
    "court_state",
    "judge",
    "next_hearing_date",
    "next_hearing_type",
    "detained",
    "requested_pd",
    "requested_pd_other",
    "entry_date",
    "paroled",
    "represented",
    "in_proceedings",
    "filer_name",
    "filer_address",
    "filer_phone",
    "filer_email",
    "filer_eoir_id",
    "opla_office",
    "notes",
)

# Yes/no case fields (stored as 0/1).
CASE_BOOL_FIELDS: frozenset[str] = frozenset(
    {"detained", "paroled", "represented", "in_proceedings"}
)

DOCUMENT_EDITABLE_FIELDS: tuple[str, ...] = (
    "title",
    "kind",
    "issuer",
    "document_date",
    "expires",
    "language",
    "notes",
)


@dataclass
class Case:
    id: int
    name: str
    a_number: str = ""
    date_of_birth: str = ""
    country: str = ""
    language: str = ""
    court_city: str = ""
    court_state: str = ""
    judge: str = ""
    next_hearing_date: str = ""
    next_hearing_type: str = ""
    detained: bool = False
    # The kind of PD asked for: an id of resources/kinds.json "requested_pd", or "".
    requested_pd: str = ""
    requested_pd_other: str = ""  # what is asked for when requested_pd is "other"
    entry_date: str = ""  # first entry to the U.S.: YYYY, YYYY-MM or YYYY-MM-DD
    paroled: bool = False  # entered with parole
    represented: bool = False  # by an attorney or accredited representative
    in_proceedings: bool = True  # in removal proceedings
    filer_name: str = ""
    filer_address: str = ""
    filer_phone: str = ""
    filer_email: str = ""
    filer_eoir_id: str = ""
    opla_office: str = ""
    notes: str = ""
    created_at: str = ""
    claimed_factors: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Document:
    id: int
    case_id: int
    title: str
    kind: str = ""  # a kind id of resources/kinds.json, or free text (older vaults)
    issuer: str = ""
    document_date: str = ""
    language: str = ""
    notes: str = ""
    expires: str = ""  # expiry date of an identity document, YYYY-MM-DD (or YYYY-MM)
    original_name: str = ""
    sha256: str = ""
    mime: str = ""
    size: int = 0
    page_count: int = 0
    added_at: str = ""
    factors: list[str] = field(default_factory=list)
    translation_of: int | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Page:
    id: int
    document_id: int
    position: int
    source_id: int
    source_index: int
    width: float
    height: float
    rotation: int = 0

    @property
    def landscape(self) -> bool:
        w, h = (self.height, self.width) if self.rotation % 180 else (self.width, self.height)
        return w > h


@dataclass
class Source:
    """An original file as it was imported: its bytes stay in the vault unchanged."""

    id: int
    case_id: int
    sha256: str
    mime: str
    original_name: str
    size: int
    metadata: dict = field(default_factory=dict)


@dataclass
class Translation:
    document_id: int
    original_id: int
    translator_name: str = ""
    translator_address: str = ""
    translator_phone: str = ""
    from_language: str = ""
    to_language: str = "English"


@dataclass
class Exhibit:
    id: int
    case_id: int
    position: int
    description: str
    document_ids: list[int] = field(default_factory=list)
    letter: str = ""

    def to_json(self) -> dict:
        return asdict(self)


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
