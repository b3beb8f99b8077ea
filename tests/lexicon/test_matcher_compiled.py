"""The compiled loop of PhraseMatcher.find_all (rasd.text._scan.match_words) equals the Python one."""

from __future__ import annotations

import random

import pytest

from rasd.lexicon import matcher as mm
from rasd.lexicon.matcher import PhraseMatcher
from rasd.text import normalize

KEYS = ["حلب", "القاهرة", "عبد الفتاح السيسي", "السيسي", "قوات", "مصر", "الأمم المتحدة", "لبنان", "ab", "غزة"]


def _compiled():
    if mm._match_words is None:
        pytest.skip("rasd.text._scan is not built here")


def _matchers():
    plain, suff = PhraseMatcher(), PhraseMatcher(suffixes=["ها", "هم"])
    for m in (plain, suff):
        for k in KEYS:
            m.add(k, k.upper())
        m.build()
    return plain, suff


def _texts():
    rng = random.Random(7)
    pieces = KEYS + ["و", "ف", "ب", "ل", "لل", "وب", "ول", "ال", "ها", "هم", "ي", " ", " ", "، ", ".", "\n",
                     "\u064e", "\u0651", "ـ", "\u200f", "12", "٣", "x", "حلبي", "مصرف"]
    out = ["", "حلب", "وللقاهرة", "قواتها وقواتهم وقواتي", "ab abc xab", "حَلَب، بِحلب (لحلب) فلبنان ولبنانها"]
    for _ in range(300):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))))
    return out


def test_compiled_find_all_equals_python():
    _compiled()
    for m in _matchers():
        for text in _texts():
            nt = normalize(text)
            got = m.find_all(nt)
            assert got == m._find_all(nt), text
            for x in got:
                assert x.start < x.end and nt.norm[x.norm_start:x.norm_end] in (x.key, "ل" + x.key[2:])


def test_python_fallback_is_used_without_the_module(monkeypatch):
    m, _ = _matchers()
    text = "زار وزير خارجية مصر حلبَ ثم وللقاهرة"
    want = m.find(normalize(text))
    monkeypatch.setattr(mm, "_match_words", None)
    assert m.find(normalize(text)) == want
    assert [x.prefix for x in want] == ["", "", "ولل"]


def test_find_keeps_longest_then_leftmost():
    m = PhraseMatcher()
    for k in ("الأمم المتحدة", "الأمم", "المتحدة للسلام", "المتحدة"):
        m.add(k, k)
    text = "قالت الأمم المتحدة للسلام"
    assert [text[x.start:x.end] for x in m.find(normalize(text))] == ["الأمم", "المتحدة للسلام"]
