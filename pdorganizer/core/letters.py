"""Exhibit letters: A..Z, AA, AB, ... (bijective base 26)."""

from __future__ import annotations


def exhibit_letter(index: int) -> str:
    """Letter for the exhibit at zero-based `index`: 0 -> A, 25 -> Z, 26 -> AA."""
    if index < 0:
        raise ValueError("index must be >= 0")
    n = index + 1
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out
