"""The compiled choice among overlapping matches (rasd.text._scan.longest_first) equals the Python one."""

from __future__ import annotations

import os
import random

import pytest

from rasd.lexicon import matcher as mm
from rasd.lexicon.matcher import Match, PhraseMatcher
from rasd.text.normalize import normalize


def _compiled():
    if mm._longest_first is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.text._scan was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.text._scan is not built here")


def _random_matches(rng: random.Random) -> list[Match]:
    out = []
    for _ in range(rng.randint(2, 25)):
        s = rng.randint(0, 40)
        e = s + rng.randint(1, 8)
        out.append(Match(s, e, f"k{s}-{e}", [], "", s, e))
    return out


def test_compiled_choice_equals_python():
    _compiled()
    rng = random.Random(5)
    for _ in range(2000):
        cands = _random_matches(rng)
        got = mm._longest_first(cands)
        want = PhraseMatcher._longest_first(cands)
        assert [id(x) for x in got] == [id(x) for x in want]  # the same objects, in the same order


def test_equal_spans_keep_the_first_listed():
    _compiled()
    a, b = Match(0, 3, "a", [], "", 0, 3), Match(0, 3, "b", [], "", 0, 3)
    assert mm._longest_first([a, b]) == [a]
    assert PhraseMatcher._longest_first([b, a]) == [b] == mm._longest_first([b, a])


def test_compiled_rejects_empty_spans():
    _compiled()
    with pytest.raises(ValueError):
        mm._longest_first([Match(0, 0, "a", [], "", 2, 2), Match(0, 1, "b", [], "", 0, 1)])


def test_find_same_with_and_without_compiled_choice(monkeypatch):
    m = PhraseMatcher()
    for k in ("الأمم المتحدة", "الأمم", "المتحدة للسلام", "المتحدة", "مجلس الأمن", "الأمن"):
        m.add(k, k)
    m.build()
    text = "قالت الأمم المتحدة للسلام إن مجلس الأمن والأمم المتحدة والأمن"
    want = m.find(normalize(text))
    monkeypatch.setattr(mm, "_longest_first", None)
    assert m.find(normalize(text)) == want
    assert [text[x.start:x.end] for x in want] == ["الأمم", "المتحدة للسلام", "مجلس الأمن", "الأمم المتحدة",
                                                   "الأمن"]
