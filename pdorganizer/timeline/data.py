"""The timeline's content: which dated documents show which factor, and the years with no
evidence of presence since the first entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from pdorganizer.checks import texts
from pdorganizer.checks.context import CaseData, effective_factors
from pdorganizer.core.dates import earliest, latest, parse_partial


@dataclass
class Mark:
    document_id: int
    title: str
    date: str  # as written on the document: YYYY, YYYY-MM or YYYY-MM-DD
    start: dt.date  # the first and last day that date can mean
    end: dt.date

    @property
    def precision(self) -> str:
        parts = parse_partial(self.date)
        if parts is None or parts[1] is None:
            return "year"
        return "month" if parts[2] is None else "day"


@dataclass
class Row:
    factor_id: str
    label: str
    presence: bool  # documents of this factor show the person was here that year
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Timeline:
    case_id: int
    name: str
    as_of: dt.date
    entry_date: str  # as written in the profile, or ""
    first_year: int
    last_year: int
    rows: list[Row] = field(default_factory=list)
    covered_years: list[int] = field(default_factory=list)  # with evidence of presence
    gap_years: list[int] = field(default_factory=list)  # since the entry, without
    undated: list[int] = field(default_factory=list)  # document ids left out

    @property
    def entry(self) -> dt.date | None:
        return earliest(self.entry_date)

    def to_json(self) -> dict:
        out = asdict(self)
        out["as_of"] = self.as_of.isoformat()
        for row in out["rows"]:
            for mark in row["marks"]:
                mark["start"], mark["end"] = str(mark["start"]), str(mark["end"])
        return out


def build_timeline(data: CaseData, as_of: dt.date, lang: str = "en") -> Timeline:
    presence_ids = texts.presence_factors()
    rows: dict[str, Row] = {}
    undated: list[int] = []
    evidence = [d for d in data.documents if d.translation_of is None]
    for doc in evidence:
        start, end = earliest(doc.document_date), latest(doc.document_date)
        if start is None or end is None:
            undated.append(doc.id)
            continue
        for factor_id in effective_factors(doc):
            if factor_id not in rows:
                factor = data.taxonomy.get(factor_id)
                label = factor.text("label", lang) if factor else factor_id
                rows[factor_id] = Row(factor_id, label, factor_id in presence_ids)
            rows[factor_id].marks.append(Mark(doc.id, doc.title, doc.document_date, start, end))
    order = {f: i for i, f in enumerate(data.taxonomy.ids())}
    ordered = sorted(rows.values(), key=lambda r: order.get(r.factor_id, len(order)))
    for row in ordered:
        row.marks.sort(key=lambda m: (m.start, m.document_id))

    covered = sorted(
        {
            year
            for row in ordered
            if row.presence
            for mark in row.marks
            for year in range(mark.start.year, mark.end.year + 1)
        }
    )
    entry = earliest(data.case.entry_date)
    years = [m.start.year for r in ordered for m in r.marks]
    # From the year before the entry: older papers (a birth certificate) would squeeze the
    # years that matter into a corner; they show at the left edge with their year.
    first = entry.year - 1 if entry else min([*years, as_of.year])
    last = max([*years, as_of.year])
    first = min(first, last)  # an entry date typed in the future must not empty the axis
    # Gaps count from the entry; without one, from the first evidence of presence.
    since = entry.year if entry else (covered[0] if covered else as_of.year + 1)
    # The year under way counts once half of it has gone by: in March, no 2026 pay stub yet
    # is not a gap.
    until = as_of.year if as_of >= dt.date(as_of.year, 7, 1) else as_of.year - 1
    gaps = [y for y in range(since, until + 1) if y not in set(covered)]
    return Timeline(
        case_id=data.case.id,
        name=data.case.name,
        as_of=as_of,
        entry_date=data.case.entry_date if entry else "",
        first_year=first,
        last_year=last,
        rows=ordered,
        covered_years=covered,
        gap_years=gaps,
        undated=undated,
    )
