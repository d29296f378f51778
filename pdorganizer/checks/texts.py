"""The checks' texts in English and Spanish, from `resources/checks.json` (no Qt, so the
CLI speaks Spanish too).

A text that shows a number has real singular and plural forms, never "document(s)": its
"en" or "es" value is then an object `{"one": "...", "other": "..."}`, picked by the
`count` parameter the caller passes (the number of documents, notes or pages the sentence
speaks of; for a page list such as "2, 4-6", the number of pages in it). "one" is for a
count of exactly 1 in both languages ("0 documentos" is plural in Spanish too).

A sentence with several counts is built from one plural entry per count: a `words` entry
with `"plurals": {"blockers": "blocker_count", ...}` first replaces each named parameter
by that plural word rendered with `count=` its value, then formats its own template
("{blockers}, {warnings}, {infos}")."""

from __future__ import annotations

import json
from functools import cache

from pdorganizer.resources_path import resource

LANGS = ("en", "es")


@cache
def _data() -> dict:
    return json.loads(resource("checks.json").read_text(encoding="utf-8"))


def plural_form(count: int) -> str:
    """The plural category of a count, the same rule in English and Spanish."""
    return "one" if count == 1 else "other"


def _pick(values: dict, lang: str, params: dict[str, object] | None = None) -> str:
    """The template for `lang` (English when missing); for a plural text, the form that
    `params["count"]` needs."""
    value = values.get(lang) or values.get("en") or ""
    if isinstance(value, dict):
        count = (params or {}).get("count")
        if not isinstance(count, int):
            raise KeyError("count")  # a plural text called without its count: a bug
        value = value.get(plural_form(count)) or value["other"]
    return value


def _render(values: dict, lang: str, params: dict[str, object]) -> str:
    for name, plural_key in values.get("plurals", {}).items():
        params = {**params, name: word(plural_key, lang, count=params[name])}
    return _pick(values, lang, params).format(**params)


def message(key: str, lang: str, **params: object) -> str:
    return _render(_data()["checks"][key]["message"], lang, params)


def todo(key: str, lang: str, **params: object) -> str:
    entry = _data()["checks"][key]
    if "todo" not in entry:
        return ""
    return _render(entry["todo"], lang, params)


def has_text(key: str) -> bool:
    return key in _data()["checks"]


def word(key: str, lang: str, **params: object) -> str:
    return _render(_data()["words"][key], lang, params)


def severity_label(severity: str, lang: str) -> str:
    return _pick(_data()["severity"][severity], lang)


def presence_factors() -> frozenset[str]:
    return frozenset(_data()["presence_factors"])


def all_keys() -> list[str]:
    return list(_data()["checks"])


def join_words(items: list[str], lang: str) -> str:
    """'a', 'a and b', 'a, b and c' (Spanish 'y')."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word('and', lang)} {items[-1]}"


def timeline_text(key: str, lang: str, **params: object) -> str:
    return _render(_data()["timeline"][key], lang, params)


def format_runs(numbers: list[int]) -> str:
    """[2016, 2018, 2019, 2020] -> '2016, 2018-2020' (years, or page numbers)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
