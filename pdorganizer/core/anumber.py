"""A-Numbers as filings print them: "A123-456-789".

People type them every way ("123456789", "A 123 456 789", "a-12345678"); ICE and the
court print the letter A and nine digits in three groups. Eight-digit numbers are the old
form: a leading zero makes nine. Anything else is printed as typed (it may be a
receipt number or a placeholder the filer chose)."""

from __future__ import annotations

import re

_SHAPE = re.compile(r"^\s*[aA]?[\s-]*(\d[\d\s-]*\d)\s*$")


def format_a_number(text: str) -> str:
    match = _SHAPE.match(text or "")
    if not match:
        return (text or "").strip()
    digits = re.sub(r"\D", "", match.group(1))
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9:
        return text.strip()
    return f"A{digits[:3]}-{digits[3:6]}-{digits[6:]}"
