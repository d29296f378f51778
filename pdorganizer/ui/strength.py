"""A rough passphrase strength estimate (no Qt, no network, no word lists).

It estimates guessing entropy from length and character variety, with penalties for
repeats and runs; the point is to steer people toward long passphrases of several words.
"""

from __future__ import annotations

import itertools
import math
import string


def entropy_bits(passphrase: str) -> float:
    if not passphrase:
        return 0.0
    pools = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pools += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pools += 26
    if any(c in string.digits for c in passphrase):
        pools += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pools += 33
    if any(ord(c) > 127 for c in passphrase):
        pools += 40
    # Count only "surprising" characters: a repeat or a +-1 run adds little.
    effective = 1.0
    for prev, cur in itertools.pairwise(passphrase):
        effective += 0.25 if abs(ord(cur) - ord(prev)) <= 1 else 1.0
    distinct = len(set(passphrase.lower()))
    effective = min(effective, distinct * 2.5)
    return effective * math.log2(max(pools, 2))


def strength_score(passphrase: str) -> int:
    """0 very weak, 1 weak, 2 fair, 3 good, 4 strong."""
    bits = entropy_bits(passphrase)
    for score, limit in enumerate((28, 45, 60, 80)):
        if bits < limit:
            return score
    return 4
