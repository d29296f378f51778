"""Dates as people write them on evidence: a year, a year and month, or a full date."""

from __future__ import annotations

import datetime as dt
import re

PARTIAL_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def parse_partial(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month or None, day or None) of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; else None."""
    text = (text or "").strip()
    if not PARTIAL_DATE_RE.match(text):
        return None
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else None
    day = parts[2] if len(parts) > 2 else None
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            return None
    return year, month, day


def earliest(text: str) -> dt.date | None:
    """The first day a partial date can mean (2019 -> 2019-01-01)."""
    parts = parse_partial(text)
    if parts is None:
        return None
    year, month, day = parts
    return dt.date(year, month or 1, day or 1)


def latest(text: str) -> dt.date | None:
    """The last day a partial date can mean (2019-02 -> 2019-02-28)."""
    parts = parse_partial(text)
    if parts is None:
        return None
    year, month, day = parts
    if day is not None:
        return dt.date(year, month or 1, day)
    if month is None:
        return dt.date(year, 12, 31)
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)
