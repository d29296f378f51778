"""Checks of the case profile and of the parts every request needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pdorganizer.checks import texts
from pdorganizer.checks.context import CaseData, Context, PreflightOptions, effective_factors
from pdorganizer.checks.finding import Finding
from pdorganizer.core.dates import latest


def not_in_proceedings(ctx: Context) -> Iterator[Finding]:
    if not ctx.case.in_proceedings:
        yield ctx.finding("not-in-proceedings", "blocker")


def dismissal_risk(ctx: Context) -> Iterator[Finding]:
    """Dismissal can mean arrest and expedited removal for people with under two years of
    presence and for parolees (NIPNLG practice alert, 2025-05-28)."""
    case = ctx.case
    if case.requested_pd != "dismissal":
        return
    entered = latest(case.entry_date)  # the latest day the entry can have been
    reasons = []
    if entered is not None and entered > _years_before(ctx.as_of, 2):
        reasons.append(texts.message("dismissal-risk.recent", ctx.lang, date=case.entry_date))
    if case.paroled:
        reasons.append(texts.message("dismissal-risk.paroled", ctx.lang))
    if reasons:
        reason = texts.join_words(reasons, ctx.lang)
        yield ctx.finding("dismissal-risk", "blocker", reason=reason)
    elif entered is None:
        yield ctx.finding("dismissal-risk", "warning", key="dismissal-risk.unknown")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def no_representation_form(ctx: Context) -> Iterator[Finding]:
    if ctx.case.represented and not any(ctx.has_role(d, "representation") for d in ctx.documents):
        yield ctx.finding("no-representation-form", "blocker", factors=["representation"])


def no_declaration(ctx: Context) -> Iterator[Finding]:
    if not any(ctx.has_role(d, "declaration") for d in ctx.documents):
        yield ctx.finding("no-declaration", "warning", factors=["declaration"])


def no_identity(ctx: Context) -> Iterator[Finding]:
    if not any(ctx.has_role(d, "identity") for d in ctx.documents):
        yield ctx.finding("no-identity", "warning", factors=["identity"])


def claimed_without_evidence(ctx: Context) -> Iterator[Finding]:
    tagged = {f for d in ctx.documents for f in d.factors}
    for factor_id in ctx.case.claimed_factors:
        if factor_id not in tagged:
            yield ctx.finding(
                "claimed-without-evidence",
                "warning",
                factors=[factor_id],
                factor=ctx.factor_label(factor_id),
            )


def negative_without_rehabilitation(ctx: Context) -> Iterator[Finding]:
    explained = any(
        "rehabilitation" in effective_factors(d)
        or ctx.has_role(d, "disposition")
        or ctx.has_role(d, "rehabilitation")
        for d in ctx.documents
    )
    if explained:
        return
    for factor in ctx.data.taxonomy.factors:
        if factor.kind != "negative":
            continue
        docs = [d.id for d in ctx.documents if factor.id in d.factors]
        if docs:
            yield ctx.finding(
                "negative-without-rehabilitation",
                "warning",
                documents=docs,
                factors=[factor.id, "rehabilitation"],
                factor=ctx.factor_label(factor.id),
            )


def missing_core_parts(data: CaseData) -> set[str]:
    """Factor ids of the parts every request needs that the case lacks (declaration,
    identity, the representation form when represented): the coverage view flags them."""
    ctx = Context(data, PreflightOptions(pages=False))
    checks = (no_declaration, no_identity, no_representation_form)
    return {f for check in checks for finding in check(ctx) for f in finding.factors}
