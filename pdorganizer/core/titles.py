"""Exhibit descriptions and bookmark titles: a document's date added once, and text
shortened at a word boundary, never inside a date or a bracket's word.

"Birth certificate (Guatemala)" dated 1988-03-14 reads "Birth certificate (Guatemala),
1988-03-14", not "(Guatemala) (1988-03-14)"; a title that already shows its date gets
none added."""

from __future__ import annotations


def describe(title: str, date: str) -> str:
    """The default exhibit description: the title, then the date unless it is there."""
    title = " ".join(title.split())
    date = date.strip()
    if not date or date in title:
        return title
    if title.endswith((")", "]")):
        return f"{title}, {date}"
    return f"{title} ({date})"


def clip_words(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` in at most `limit` characters, cut between words (a date, a word in
    brackets, stays whole or goes), with `ellipsis` when something was cut."""
    if len(text) <= limit:
        return text
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = max(limit - len(ellipsis), 1)
    cut = text[:room]
    if text[room] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    cut = cut.rstrip(" ,;:-–(")
    # An opened bracket whose closing part was cut away reads as a typo: drop it.
    if cut.count("(") > cut.count(")"):
        cut = cut[: cut.rindex("(")].rstrip(" ,;:-–")
    return (cut or text[:room]) + ellipsis
