"""The PD factor taxonomy: built-in, versioned data with stable ids, in English and Spanish.

Built-in factors come from `resources/factors.json`; a vault may add its own (custom)
factors, whose ids are prefixed `custom:` so they can never collide with a future
built-in id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from pdorganizer.resources_path import resource

KINDS = ("positive", "negative", "role")
CUSTOM_PREFIX = "custom:"


@dataclass(frozen=True)
class Factor:
    id: str
    kind: str
    label: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)
    builtin: bool = True

    def text(self, what: str = "label", lang: str = "en") -> str:
        values: dict[str, str] = getattr(self, what)
        return values.get(lang) or values.get("en") or ""

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "builtin": self.builtin,
            "label": dict(self.label),
            "help": dict(self.help),
            "examples": dict(self.examples),
        }


@dataclass(frozen=True)
class Taxonomy:
    version: int
    source: str
    factors: tuple[Factor, ...]

    def get(self, factor_id: str) -> Factor | None:
        return next((f for f in self.factors if f.id == factor_id), None)

    def ids(self) -> list[str]:
        return [f.id for f in self.factors]

    def with_custom(self, custom: list[Factor]) -> Taxonomy:
        return Taxonomy(self.version, self.source, self.factors + tuple(custom))


@cache
def builtin_taxonomy() -> Taxonomy:
    data = json.loads(resource("factors.json").read_text(encoding="utf-8"))
    factors = tuple(
        Factor(
            id=f["id"],
            kind=f["kind"],
            label=f["label"],
            help=f.get("help", {}),
            examples=f.get("examples", {}),
        )
        for f in data["factors"]
    )
    return Taxonomy(version=int(data["taxonomy_version"]), source=data["source"], factors=factors)


def custom_factor_id(label: str) -> str:
    slug = "".join(c if c.isalnum() else "_" for c in label.strip().lower()).strip("_")
    return CUSTOM_PREFIX + (slug or "factor")
