"""The first draft of the request letter, written from the case data only.

Every sentence either states something the vault holds (names, numbers, dates, document
titles, issuers, the factors a document is tagged with) or is a placeholder the writer
must replace, marked `[WRITER: ...]`. Nothing is argued or invented: the persuasion is
the writer's. Citations are tokens (`[[DOC]]`), so they follow the exhibits."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from pdorganizer.core.anumber import format_a_number
from pdorganizer.core.factors import Taxonomy
from pdorganizer.core.models import Case, Document, Exhibit
from pdorganizer.request.tokens import make
from pdorganizer.resources_path import resource

PLACEHOLDER = "[WRITER: {}]"
PLACEHOLDER_RE = re.compile(r"\[WRITER:[^\]]*\]")  # what the writer has still to replace
REHABILITATION = "rehabilitation"


def writer(note: str) -> str:
    return PLACEHOLDER.format(note)


def placeholders(text: str) -> list[str]:
    """The [WRITER: ...] notes a letter still holds."""
    return PLACEHOLDER_RE.findall(text)


@dataclass
class Draft:
    text: str
    warnings: list[str] = field(default_factory=list)


@cache
def _phrases() -> dict[str, str]:
    return json.loads(resource("letter.json").read_text(encoding="utf-8"))["requested_pd"]


def requested_label(case: Case) -> str:
    """The requested kind of PD as the letter names it, or "" when the profile does not
    say. ("other": the profile's own words.)"""
    pd_id = str(getattr(case, "requested_pd", "") or "")
    other = " ".join(str(getattr(case, "requested_pd_other", "") or "").split())
    if pd_id == "other":
        return other
    return _phrases().get(pd_id, pd_id.replace("-", " "))


def represented(case: Case) -> bool:
    flag = getattr(case, "represented", None)
    if flag is not None and (flag or not case.filer_name.strip()):
        return bool(flag)
    # Older profiles: a filer other than the person means someone files for them.
    name = " ".join(case.name.split()).casefold()
    return bool(case.filer_name.strip()) and " ".join(case.filer_name.split()).casefold() != name


def describe(doc: Document) -> str:
    """What the document is, from its record: title, issuer, date, pages."""
    text = " ".join(doc.title.split()) or f"Document {doc.id}"
    if doc.issuer.strip():
        text += f", issued by {' '.join(doc.issuer.split())}"
    if doc.document_date.strip():
        text += f", dated {doc.document_date.strip()}"
    return text


def _court(case: Case) -> str:
    place = ", ".join(p for p in (case.court_city.strip(), case.court_state.strip()) if p)
    return f"the Immigration Court in {place}" if place else ""


def _caption(case: Case) -> list[str]:
    lines = [writer("date of the letter"), ""]
    office = case.opla_office.strip()
    addressee = [
        "Office of the Principal Legal Advisor",
        "U.S. Immigration and Customs Enforcement",
        office or writer("OPLA field location that covers the immigration court"),
    ]
    if not office and _court(case):
        addressee[-1] = writer(f"OPLA field location that covers {_court(case)}")
    lines.append("\n".join(addressee))
    lines.append("")
    re_lines = [f"**Re: {case.name}**"]
    re_lines.append(f"A-Number: {format_a_number(case.a_number) or writer('A-Number')}")
    if case.next_hearing_date.strip():
        hearing = f"Next hearing: {case.next_hearing_date.strip()}"
        if case.next_hearing_type.strip():
            hearing += f" ({case.next_hearing_type.strip()})"
        if case.judge.strip():
            hearing += f", Immigration Judge {case.judge.strip()}"
        place = ", ".join(p for p in (case.court_city.strip(), case.court_state.strip()) if p)
        if place:
            hearing += f", Immigration Court, {place}"
        re_lines.append(hearing)
    if case.detained:
        re_lines.append("DETAINED")
    lines.append("\n".join(re_lines))
    return lines


def _subject(case: Case) -> str:
    label = requested_label(case)
    asked = label or writer("the kind of prosecutorial discretion requested")
    return f"**Subject: Request for prosecutorial discretion ({asked})**"


def _factor_sections(
    case: Case, ordered: list[Document], taxonomy: Taxonomy, negatives_present: bool
) -> list[str]:
    out: list[str] = []
    for factor in taxonomy.factors:
        if factor.kind != "positive":
            continue
        if factor.id == REHABILITATION and negatives_present:
            continue  # cited where the negative factor is answered
        docs = [d for d in ordered if factor.id in d.factors]
        if not docs:
            continue
        label = factor.text()
        out.append(f"## {label}")
        out.append(writer(f"what the evidence below shows ({label})"))
        for doc in docs:
            out.append(
                f"{describe(doc)} ({make(doc.id).token()}). "
                + writer("what this document shows, in one or two sentences")
            )
    return out


def _negative_sections(ordered: list[Document], taxonomy: Taxonomy, case: Case) -> list[str]:
    out: list[str] = []
    rehab = [d for d in ordered if REHABILITATION in d.factors]
    for factor in taxonomy.factors:
        if factor.kind != "negative":
            continue
        tagged = [d for d in ordered if factor.id in d.factors]
        claimed = factor.id in case.claimed_factors
        if not tagged and not claimed:
            continue
        label = factor.text()
        out.append(f"## {label}")
        out.append(
            writer(
                f"address this factor ({label}) directly: what happened, when, and how it ended. "
                "Do not leave it out"
            )
        )
        if tagged:
            out.append("The records of this matter:")
            out += [f"{describe(d)} ({make(d.id).token()})." for d in tagged]
        else:
            out.append(
                writer(f"no document in the vault is tagged {label}; add the records or explain")
            )
        if rehab:
            out.append("Evidence of rehabilitation and of what has changed since:")
            out += [
                f"{describe(d)} ({make(d.id).token()}). " + writer("what this document shows")
                for d in rehab
            ]
        else:
            out.append(
                writer(
                    "no rehabilitation evidence is tagged in this case; add it, or say why "
                    "there is none"
                )
            )
    return out


def draft_letter(
    case: Case, documents: list[Document], exhibits: list[Exhibit], taxonomy: Taxonomy
) -> Draft:
    """The letter skeleton for `case`. `exhibits` gives the order documents are cited in."""
    by_id = {d.id: d for d in documents}
    order = [i for ex in exhibits for i in ex.document_ids]
    order += [d.id for d in documents if d.id not in order]
    # A translation rides with its original: the original is what the letter cites.
    ordered = [by_id[i] for i in order if i in by_id and by_id[i].translation_of is None]
    declarations = [d for d in ordered if d.kind == "declaration" or "declaration" in d.factors]
    negatives = {f.id for f in taxonomy.factors if f.kind == "negative"}
    negatives_present = any((set(d.factors) & negatives) for d in ordered) or bool(
        set(case.claimed_factors) & negatives
    )
    pro_se = not represented(case)
    warnings: list[str] = []

    parts = _caption(case)
    parts += ["", _subject(case), "", "Dear Chief Counsel:", ""]
    asked = requested_label(case) or writer("the kind of prosecutorial discretion requested")
    if pro_se:
        intro = (
            f"I, {case.name}, respectfully ask the Office of the Principal Legal Advisor to "
            f"exercise its prosecutorial discretion in my case in the form of {asked}."
        )
    else:
        intro = (
            f"On behalf of {case.name}, I respectfully ask the Office of the Principal Legal "
            f"Advisor to exercise its prosecutorial discretion in this case in the form of "
            f"{asked}."
        )
    intro_parts = [intro, writer("a short summary of why discretion is warranted in this case")]
    if declarations:
        who = "My" if pro_se else f"{case.name}'s"
        cites = "; ".join(make(d.id).token() for d in declarations)
        intro_parts.append(f"{who} declaration is attached ({cites}).")
    intro_parts.append("The evidence is listed in the index of exhibits that follows this letter.")
    parts.append(" ".join(intro_parts))
    body: list[str] = []
    body += _factor_sections(case, ordered, taxonomy, negatives_present)
    body += _negative_sections(ordered, taxonomy, case)
    if body:
        parts.append("")
    for line in body:
        parts += [line, ""] if not line.startswith("## ") else ["", line, ""]
    untagged = [d for d in ordered if not d.factors and d not in declarations]
    if untagged:
        parts += ["", "## Other evidence", ""]
        for d in untagged:
            parts += [f"{describe(d)} ({make(d.id).token()}). " + writer("what it shows"), ""]
    parts += ["", "## Relief requested", ""]
    subject = "I" if pro_se else case.name
    verb = "ask" if pro_se else "asks"
    parts.append(
        f"For these reasons, {subject} respectfully {verb} that the Office of the Principal "
        f"Legal Advisor exercise its prosecutorial discretion in the form of {asked}."
    )
    parts += ["", "Respectfully submitted,", ""]
    parts.append(_signature(case, pro_se))
    if str(getattr(case, "requested_pd", "")) == "dismissal":
        warnings.append(
            "dismissal was chosen: since 2025 some people whose cases were dismissed were "
            "arrested and placed in expedited removal; talk to a lawyer before asking for it"
        )
    text = "\n".join(parts)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return Draft(text.strip() + "\n", warnings)


def _signature(case: Case, pro_se: bool) -> str:
    line = "____________________________"
    if pro_se:
        return "\n".join(
            [line, case.name, writer("your mailing address"), writer("your telephone"), "Pro se"]
        )
    lines = [line, case.filer_name.strip() or writer("name of the attorney or representative")]
    lines += [
        v.strip() for v in (case.filer_address, case.filer_phone, case.filer_email) if v.strip()
    ]
    if case.filer_eoir_id.strip():
        lines.append(f"EOIR ID: {case.filer_eoir_id.strip()}")
    lines.append(writer("your title, e.g. Attorney for the Respondent"))
    return "\n".join(lines)
