"""Page labels: the stamped text ("12", "Page 12 of 143", "PD-000012") and /PageLabels.

The text itself is drawn by textpages (every output page has a drawn layer); this module
decides what it says and writes the matching /PageLabels so viewers show the same."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from pdorganizer.core.errors import InvalidInput

STYLES = ("plain", "of", "bates")
POSITIONS = ("left", "center", "right")
COVER_LABEL = "Cover"
_PREFIX_OK = re.compile(r"[A-Za-z0-9 ._/-]{0,20}")


@dataclass(frozen=True)
class LabelStyle:
    style: str = "plain"
    prefix: str = ""
    digits: int = 6
    position: str = "center"

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise InvalidInput("the page label must be plain, of or bates")
        if self.position not in POSITIONS:
            raise InvalidInput("the label position must be left, center or right")
        if not _PREFIX_OK.fullmatch(self.prefix):
            raise InvalidInput(
                "the Bates prefix may hold up to 20 letters, digits, spaces and . _ / -"
            )
        if not 1 <= self.digits <= 12:
            raise InvalidInput("Bates numbers take 1 to 12 digits")

    def text(self, number: int, last: int) -> str:
        if self.style == "of":
            return f"Page {number} of {last}"
        if self.style == "bates":
            return f"{self.prefix}{number:0{self.digits}d}"
        return str(number)

    def viewer_label(self, number: int) -> str:
        """What a viewer shows in its page box (no "of M": viewers show that themselves)."""
        return self.text(number, number) if self.style == "bates" else str(number)

    def range_text(self, first: int, last: int) -> str:
        a, b = self.viewer_label(first), self.viewer_label(last)
        return a if first == last else f"{a}-{b}" if self.style != "bates" else f"{a} - {b}"


def page_labels_tree(labels: list[tuple[str, int | None]], style: LabelStyle) -> DictionaryObject:
    """/PageLabels for one file: `labels` is (kind, number) per page; number None = cover."""
    nums = ArrayObject()
    previous: tuple | None = None
    for index, (_kind, number) in enumerate(labels):
        if number is None:
            key: tuple = ("cover",)
            entry = {"/P": COVER_LABEL}
        else:
            prefix = _prefix_for(style, number)
            key = ("num", prefix)
            entry = {"/S": "/D", "/St": number, "/P": prefix}
        expected_continuation = previous is not None and previous[0] == key and key[0] == "num"
        if expected_continuation and previous is not None and previous[1] + 1 == number:
            previous = (key, number)
            continue
        nums.append(NumberObject(index))
        nums.append(_label_dict(entry))
        previous = (key, number if number is not None else -10)
    tree = DictionaryObject()
    tree[NameObject("/Nums")] = nums
    return tree


def _prefix_for(style: LabelStyle, number: int) -> str:
    if style.style != "bates":
        return ""
    digits = len(str(number))
    return style.prefix + "0" * max(0, style.digits - digits)


def _label_dict(entry: dict) -> DictionaryObject:
    out = DictionaryObject()
    if "/S" in entry:
        out[NameObject("/S")] = NameObject(entry["/S"])
        out[NameObject("/St")] = NumberObject(entry["/St"])
    if entry.get("/P"):
        out[NameObject("/P")] = TextStringObject(entry["/P"])
    return out
