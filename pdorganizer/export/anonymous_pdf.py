"""reportlab PDFs without the name of the library that made them.

reportlab writes "ReportLab Generated PDF document" as a comment after the header and
another before the trailer, and /Producer "ReportLab PDF Library" unless told otherwise.
A file the person hands on (timeline, Spanish index, hand-off sheet) should say nothing
about the software behind it; the comments are blanked byte for byte, so every offset in
the cross-reference table stays right.
"""

from __future__ import annotations

import re
from typing import Any

_SIGNATURE = re.compile(rb"ReportLab [Gg]enerated PDF document[^\r\n]*")


def blank_signature(data: bytes) -> bytes:
    """`data` with reportlab's comment lines blanked (same length, spaces)."""
    return _SIGNATURE.sub(lambda m: b" " * len(m.group(0)), data)


def clear_info(canvas: Any, title: str) -> None:
    """Info of a reportlab canvas: the title only, every other entry empty (invariant=1
    on the canvas fixes its dates at 2000-01-01 instead of now)."""
    canvas.setTitle(title)
    for setter in ("setAuthor", "setCreator", "setProducer", "setSubject", "setKeywords"):
        getattr(canvas, setter)("")
