"""Checks of the request letter: every citation points into the packet, and no note for
the writer is left in it."""

from __future__ import annotations

from collections.abc import Iterator

from pdorganizer.checks.context import Context
from pdorganizer.checks.finding import Finding
from pdorganizer.request.draft import placeholders
from pdorganizer.request.tokens import citations


def broken_citation(ctx: Context) -> Iterator[Finding]:
    """A citation whose document left the case, or whose page does not exist. Every
    document of the case is in the packet (the effective exhibit list holds them all)."""
    pages = {d.id: d.page_count for d in ctx.documents}
    for cite in citations(ctx.data.letter):
        shown = cite.raw
        if cite.doc_id is None or cite.doc_id not in pages:
            yield ctx.finding("broken-citation", "blocker", citation=shown)
            continue
        last = cite.last if cite.last is not None else cite.first
        if cite.first is not None and not (1 <= cite.first <= (last or 0) <= pages[cite.doc_id]):
            yield ctx.finding(
                "broken-citation",
                "blocker",
                key="broken-citation-page",
                documents=[cite.doc_id],
                citation=shown,
                pages=pages[cite.doc_id],
                count=pages[cite.doc_id],
            )


def letter_placeholder(ctx: Context) -> Iterator[Finding]:
    """The draft's [WRITER: ...] notes must not go out in the filed letter."""
    found = placeholders(ctx.data.letter)
    if found:
        yield ctx.finding("letter-placeholder", "warning", count=len(found), first=found[0])
