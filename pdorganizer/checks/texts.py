"""The checks' texts in English and Spanish, from `resources/checks.json` (no Qt, so the
CLI speaks Spanish too)."""

from __future__ import annotations

import json
from functools import cache

from pdorganizer.resources_path import resource

LANGS = ("en", "es")


@cache
def _data() -> dict:
    return json.loads(resource("checks.json").read_text(encoding="utf-8"))


def _pick(values: dict[str, str], lang: str) -> str:
    return values.get(lang) or values.get("en") or ""


def message(key: str, lang: str, **params: object) -> str:
    return _pick(_data()["checks"][key]["message"], lang).format(**params)


def todo(key: str, lang: str, **params: object) -> str:
    entry = _data()["checks"][key]
    if "todo" not in entry:
        return ""
    return _pick(entry["todo"], lang).format(**params)


def has_text(key: str) -> bool:
    return key in _data()["checks"]


def word(key: str, lang: str, **params: object) -> str:
    return _pick(_data()["words"][key], lang).format(**params)


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
    return _pick(_data()["timeline"][key], lang).format(**params)


def format_runs(numbers: list[int]) -> str:
    """[2016, 2018, 2019, 2020] -> '2016, 2018-2020' (years, or page numbers)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
