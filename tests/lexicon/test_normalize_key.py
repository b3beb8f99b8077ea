"""normalize_key's fast path (str.split) equals the reference (the \\s runs of ``regex``, then strip)."""

from __future__ import annotations

import random
import sys

from rasd.lexicon.matcher import _SPACES, normalize_key
from rasd.text.normalize import normalize_word


def _reference(phrase: str) -> str:
    return _SPACES.sub(" ", normalize_word(phrase)).strip()


def test_every_whitespace_character_alone_and_inside_words():
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if not (c.isspace() or _SPACES.fullmatch(c)):
            continue
        for phrase in (c, f"قال{c}مسؤول", f"{c}{c}بيروت{c} ", f"a{c}{c}b{c}"):
            assert normalize_key.__wrapped__(phrase) == _reference(phrase), hex(cp)


def test_random_phrases():
    rng = random.Random(3)
    pieces = ["في", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "\x1f", "\x85", "\u200f", "ـ", "أ", "ة",
              "\u064e", "Σ", "İ", "x", "ﻻ"]
    for _ in range(3000):
        phrase = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert normalize_key.__wrapped__(phrase) == _reference(phrase), repr(phrase)


def test_keys_are_single_spaced():
    assert normalize_key("  الأمم\u00a0\u00a0المتحدة \n") == "الامم المتحده"
