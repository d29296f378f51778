"""Checks of single documents: translations, dates, clearances, identity, the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pdorganizer.checks import texts
from pdorganizer.checks.context import Context
from pdorganizer.checks.finding import Finding
from pdorganizer.core.dates import earliest, latest

ENGLISH = frozenset({"", "english", "en", "eng", "ingles", "inglés"})
# Titles listed in one message before "..." (the documents stay one click away).
MAX_TITLES = 6


def _is_english(language: str) -> bool:
    return language.strip().casefold() in ENGLISH


def missing_translation(ctx: Context) -> Iterator[Finding]:
    """8 CFR 1003.33: a foreign-language document filed with the court needs an English
    translation and a translator's certificate; OPLA asks the same."""
    translated = {d.translation_of for d in ctx.documents if d.translation_of is not None}
    severity = "warning" if ctx.options.profile == "uscis" else "blocker"
    for doc in ctx.evidence():
        if not _is_english(doc.language) and doc.id not in translated:
            yield ctx.finding(
                "missing-translation",
                severity,
                documents=[doc.id],
                title=doc.title,
                language=doc.language.strip(),
            )


def translation_certificate_incomplete(ctx: Context) -> Iterator[Finding]:
    for doc in ctx.documents:
        info = ctx.data.translations.get(doc.id)
        if info is None:
            continue
        missing = [
            texts.word(name, ctx.lang)
            for name, value in (
                ("name", info.translator_name),
                ("address", info.translator_address),
                ("phone", info.translator_phone),
            )
            if not value.strip()
        ]
        if missing:
            yield ctx.finding(
                "translation-certificate-incomplete",
                "warning",
                documents=[doc.id, info.original_id],
                title=doc.title,
                missing=texts.join_words(missing, ctx.lang),
            )


def stale_clearance(ctx: Context) -> Iterator[Finding]:
    months = ctx.options.clearance_months
    limit = _months_before(ctx.as_of, months)
    for doc in ctx.evidence():
        if not ctx.has_role(doc, "clearance"):
            continue
        dated = latest(doc.document_date)
        if dated is None:
            yield ctx.finding(
                "stale-clearance",
                "warning",
                key="stale-clearance.undated",
                documents=[doc.id],
                title=doc.title,
            )
        elif dated < limit:
            yield ctx.finding(
                "stale-clearance",
                "warning",
                documents=[doc.id],
                title=doc.title,
                date=doc.document_date,
                months=months,
            )


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def expired_identity(ctx: Context) -> Iterator[Finding]:
    for doc in ctx.evidence():
        if not ctx.has_role(doc, "identity"):
            continue
        expires = latest(doc.expires)
        if expires is not None and expires < ctx.as_of:
            yield ctx.finding(
                "expired-identity", "warning", documents=[doc.id], title=doc.title, date=doc.expires
            )


def undated(ctx: Context) -> Iterator[Finding]:
    docs = [d for d in ctx.evidence() if earliest(d.document_date) is None]
    if docs:
        titles = [d.title for d in docs[:MAX_TITLES]]
        listed = "; ".join(f'"{t}"' for t in titles) + ("; ..." if len(docs) > MAX_TITLES else "")
        yield ctx.finding(
            "undated", "info", documents=[d.id for d in docs], count=len(docs), titles=listed
        )


def record_document(ctx: Context) -> Iterator[Finding]:
    for doc in ctx.evidence():
        if ctx.has_role(doc, "record"):
            yield ctx.finding("record-document", "info", documents=[doc.id], title=doc.title)


def presence_gap(ctx: Context) -> Iterator[Finding]:
    from pdorganizer.timeline.data import build_timeline

    if earliest(ctx.case.entry_date) is None:
        return
    timeline = build_timeline(ctx.data, ctx.as_of, ctx.lang)
    if timeline.gap_years:
        yield ctx.finding(
            "presence-gap",
            "warning",
            factors=["presence"],
            years=texts.format_runs(timeline.gap_years),
        )
