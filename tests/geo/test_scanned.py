"""ScannedMatcher (rasd.geo.scanned) finds what PhraseMatcher finds, before and after it compiles its
automaton (team-written text)."""

from __future__ import annotations

import os

import pytest

from rasd.geo import scanned
from rasd.geo.scanned import ScannedMatcher
from rasd.lexicon.matcher import PhraseMatcher
from rasd.text.normalize import normalize

_NAMES = ("حلب", "دمشق", "ريف دمشق", "الرقة", "عدن", "القاهرة", "المملكة")
_TEXTS = ["قصف على حلب وريف دمشق ثم الرقة", "في عدن2 و«القاهرة» وللقاهرة ولحلب وبحلبا", "حلبي", "",
          "دمشقُ الرقةَ عدنٌ ﻻ \U0001f600 حلب", "زار وفد المملكة دمشق، ثم عاد إلى للمملكة"]


def _key(ms):
    return [(x.start, x.end, x.key, x.values, x.prefix, x.norm_start, x.norm_end) for x in ms]


@pytest.mark.parametrize("after", [0, 3])
def test_same_matches_before_and_after_compiling(after):
    m = ScannedMatcher(compile_after=after)
    ref = PhraseMatcher()
    for name in _NAMES:
        m.add(name, name)
        ref.add(name, name)
    for _ in range(after + 2):
        for t in _TEXTS:
            nt = normalize(t)
            assert _key(m.find_all(nt)) == _key(ref.find_all(nt)), t
            assert _key(m.find(nt)) == _key(ref.find(nt)), t
    if scanned._dfa_hits is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.text._scan was not built")
        pytest.skip("rasd.text._scan is not built here")
    assert m._tables


def test_a_new_name_drops_the_table():
    m = ScannedMatcher()
    m.add("حلب", 1)
    assert _key(m.find(normalize("في حلب"))) == [(3, 6, "حلب", [1], "", 3, 6)]
    m.add("بيروت", 2)
    assert m._tables is None
    assert _key(m.find(normalize("في بيروت"))) == [(3, 8, "بيروت", [2], "", 3, 8)]


def test_an_empty_matcher_finds_nothing():
    assert ScannedMatcher().find(normalize("في حلب")) == []


def test_compile_on_demand():
    m = ScannedMatcher(compile_after=10**9)
    ref = PhraseMatcher()
    for name in _NAMES:
        m.add(name, name)
        ref.add(name, name)
    assert m.compile() == (scanned._dfa_hits is not None)
    for t in _TEXTS:
        assert _key(m.find(normalize(t))) == _key(ref.find(normalize(t)))
