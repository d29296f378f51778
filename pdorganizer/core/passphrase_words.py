"""Passphrases a person can read and type: words drawn from a bundled list with `secrets`.

Each word is an independent uniform draw (`secrets.choice`), so a passphrase of n words
from a list of N distinct words has exactly n * log2(N) bits of entropy: six English words
(EFF large list, 7,776 words) give 77.5 bits, six Spanish words (8,192) give 78 bits.
"""

from __future__ import annotations

import math
import secrets
from functools import cache

from pdorganizer.core.errors import InvalidInput
from pdorganizer.resources_path import resource

WORD_LISTS = {"en": "eff_large_en.txt", "es": "common_es.txt"}
DEFAULT_WORDS = 6
MIN_WORDS, MAX_WORDS = 4, 12


@cache
def word_list(lang: str = "en") -> tuple[str, ...]:
    if lang not in WORD_LISTS:
        raise InvalidInput("no word list for the language {lang}", lang=lang)
    text = resource("wordlists", WORD_LISTS[lang]).read_text(encoding="utf-8")
    words = tuple(dict.fromkeys(w.strip() for w in text.splitlines() if w.strip()))
    return words


def entropy_bits(words: int = DEFAULT_WORDS, lang: str = "en") -> float:
    return words * math.log2(len(word_list(lang)))


def generate(words: int = DEFAULT_WORDS, lang: str = "en") -> str:
    """`words` words separated by single spaces, lower case."""
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise InvalidInput(
            "a generated passphrase has {low} to {high} words", low=MIN_WORDS, high=MAX_WORDS
        )
    pool = word_list(lang)
    return " ".join(secrets.choice(pool) for _ in range(words))
