"""Document kinds and the kinds of PD a request can ask for: data from `resources/kinds.json`.

Kinds have stable ids (stored in the vault), English and Spanish labels, the factors a
kind usually supports, and roles that tell the pre-flight checks what a kind is
(`identity`, `clearance`, `representation`, `record`, `disposition`...). A document's kind
may also be free text from an older vault or typed by the person: `kind_label` shows it as
it is.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from pdorganizer.core.errors import InvalidInput
from pdorganizer.resources_path import resource


@dataclass(frozen=True)
class Kind:
    id: str
    label: dict[str, str]
    factors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label.get("en") or self.id

    def to_json(self) -> dict:
        return {"id": self.id, "label": dict(self.label), "factors": list(self.factors)}


@dataclass(frozen=True)
class PdKind:
    """A kind of prosecutorial discretion a request asks for (dismissal, continuance...)."""

    id: str
    label: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label.get("en") or self.id


@cache
def _data() -> dict:
    return json.loads(resource("kinds.json").read_text(encoding="utf-8"))


@cache
def document_kinds() -> tuple[Kind, ...]:
    return tuple(
        Kind(
            id=k["id"],
            label=k["label"],
            factors=tuple(k.get("factors", ())),
            roles=tuple(k.get("roles", ())),
            aliases=tuple(k.get("aliases", ())),
        )
        for k in _data()["kinds"]
    )


@cache
def requested_pd_kinds() -> tuple[PdKind, ...]:
    return tuple(PdKind(id=k["id"], label=k["label"]) for k in _data()["requested_pd"])


def get_kind(kind_id: str) -> Kind | None:
    return next((k for k in document_kinds() if k.id == kind_id), None)


def kind_ids() -> list[str]:
    return [k.id for k in document_kinds()]


def requested_pd_ids() -> list[str]:
    return [k.id for k in requested_pd_kinds()]


def kinds_with_role(role: str) -> frozenset[str]:
    return frozenset(k.id for k in document_kinds() if role in k.roles)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_kind(text: str) -> str | None:
    """The id of the kind whose id, label (English or Spanish) or alias is `text`
    (case and accents ignored), or None."""
    folded = _fold(text)
    if not folded:
        return None
    for kind in document_kinds():
        names = (kind.id, *kind.label.values(), *kind.aliases)
        if any(_fold(n) == folded for n in names):
            return kind.id
    return None


def kind_label(kind: str, lang: str = "en") -> str:
    """How to show a stored kind: its label when it is a known id, else the text as is."""
    found = get_kind(kind)
    return found.text(lang) if found else kind


def requested_pd_label(pd_id: str, lang: str = "en", other: str = "") -> str:
    if pd_id == "other" and other.strip():
        return other.strip()
    found = next((k for k in requested_pd_kinds() if k.id == pd_id), None)
    return found.text(lang) if found else pd_id


def require_kind(text: str) -> str:
    """The kind id for `text` (an id or a label in either language); '' stays ''."""
    if not text.strip():
        return ""
    found = match_kind(text)
    if found is None:
        raise InvalidInput(
            "unknown kind of document {kind}; see 'pdorganizer kinds'", kind=text.strip()
        )
    return found
