"""Pre-flight checks ("Ready to file?"): the mistakes practitioners warn about most, found
before the packet is written, each with what to do, in English or Spanish.

A check is one small function `check(ctx) -> Iterable[Finding]` listed in `CHECKS`, plus
its texts in `resources/checks.json`. Qt-free: the GUI and the CLI both call `preflight`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pdorganizer.checks import document_checks as docs
from pdorganizer.checks import page_checks as pages
from pdorganizer.checks import profile_checks as profile
from pdorganizer.checks import request_checks as request
from pdorganizer.checks.context import CaseData, Context, PreflightOptions, load_case
from pdorganizer.checks.finding import SEVERITIES, Finding, Report

if TYPE_CHECKING:
    from pdorganizer.vault import Vault

Check = Callable[[Context], Iterable[Finding]]

# (code, function), in the order findings of one severity are listed.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("not-in-proceedings", profile.not_in_proceedings),
    ("dismissal-risk", profile.dismissal_risk),
    ("no-representation-form", profile.no_representation_form),
    ("missing-translation", docs.missing_translation),
    ("translation-certificate-incomplete", docs.translation_certificate_incomplete),
    ("no-declaration", profile.no_declaration),
    ("broken-citation", request.broken_citation),
    ("letter-placeholder", request.letter_placeholder),
    ("no-identity", profile.no_identity),
    ("claimed-without-evidence", profile.claimed_without_evidence),
    ("negative-without-rehabilitation", profile.negative_without_rehabilitation),
    ("presence-gap", docs.presence_gap),
    ("stale-clearance", docs.stale_clearance),
    ("expired-identity", docs.expired_identity),
    ("oversize-exhibit", pages.oversize_exhibit),
    ("low-resolution", pages.low_resolution),
    ("blank-page", pages.blank_page),
    ("record-document", docs.record_document),
    ("undated", docs.undated),
)
PAGE_CHECKS = frozenset({"oversize-exhibit", "low-resolution", "blank-page"})

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "CaseData",
    "Finding",
    "PreflightOptions",
    "Report",
    "check_case",
    "preflight",
]


def check_case(data: CaseData, options: PreflightOptions, lang: str = "en") -> Report:
    """Run every check on data already read; findings by severity, then check order."""
    ctx = Context(data, options, lang)
    findings = [
        finding
        for code, check in CHECKS
        if options.pages or code not in PAGE_CHECKS
        for finding in check(ctx)
    ]
    findings.sort(key=lambda f: SEVERITIES.index(f.severity))  # stable: keeps check order
    return Report(case=data.case.id, as_of=ctx.as_of.isoformat(), findings=findings)


def preflight(
    vault: Vault, case_id: int, options: PreflightOptions | None = None, lang: str = "en"
) -> Report:
    options = options or PreflightOptions()
    return check_case(load_case(vault, case_id, pages=options.pages), options, lang)
