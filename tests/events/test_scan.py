"""The one-pass lookup of the events stage's lexicons (rasd.events.scan) finds what each lexicon finds alone."""

from __future__ import annotations

import os
import random

import pytest

from rasd.events import actors, scan, triggers
from rasd.lexicon.matcher import PhraseMatcher
from rasd.text.normalize import normalize

_SENTENCES = [
    "قصفت الطائرات الحربية مواقع المسلحين في ريف المدينة، وقتل خمسة أشخاص بالاشتباكات.",
    "وأعلن الجيش أنه اعتقل عشرة متظاهرين بعد مظاهرة حاشدة أمام الوزارة.",
    "استقبل الرئيس وزير الخارجية، وبحث معه التعاون بين البلدين، ونفت الحكومة الاتهامات.",
    "للاحتجاجات والمظاهرات ولقوات الأمن وبالغارات — وزارة الداخلية (قالت) إن 3 قتلى سقطوا.",
]


def _matchers():
    return (*triggers.matchers(), actors.matcher())


def _texts(rng: random.Random) -> list[str]:
    """Sentences of ours, and strings of lexicon keys with clitics and suffixes, glued or spaced."""
    keys = []
    for m in _matchers():
        keys += sorted(m._entries)[:: max(1, len(m) // 150)]
    out = list(_SENTENCES)
    glue = ["", " ", "  ", "، ", "-", "ها ", "ات ", "\n"]
    for _ in range(150):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append(rng.choice(["", "و", "ب", "ل", "وال", "فس", "لل"]) + rng.choice(keys))
            parts.append(rng.choice(glue))
        out.append("".join(parts))
    return out


def test_one_pass_finds_what_each_lexicon_finds():
    ms = _matchers()
    rng = random.Random(9)
    for text in _texts(rng):
        nt = normalize(text)
        got = scan.find_all(nt, ms)
        assert got == [m.find_all(nt) for m in ms]
        assert scan.longest_first(got[2]) == ms[2].find(nt)


def test_split_hits_compiled_equals_python():
    if scan._compiled_split_hits is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.events._events was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.events._events is not built here")
    rng = random.Random(4)
    for _ in range(300):
        n = rng.randint(1, 4)
        hits = [(rng.randint(0, 99), tuple((rng.randrange(n), object()) for _ in range(rng.randint(1, 3))))
                for _ in range(rng.randint(0, 30))]
        want = scan._split_hits(hits, n)
        got = scan._compiled_split_hits(iter(hits), n)
        assert got == want
    with pytest.raises(IndexError):
        scan._compiled_split_hits([(0, ((5, "x"),))], 2)
    with pytest.raises(TypeError):
        scan._compiled_split_hits([(0, "x")], 2)


def test_the_combined_automaton_follows_a_rebuilt_lexicon():
    a, b = PhraseMatcher(), PhraseMatcher()
    a.add("قصف", "A")
    b.add("غارة", "B")
    b.add("قصف", "B2")
    nt = normalize("بعد قصف وغارة")
    assert [[x.values for x in ms] for ms in scan.find_all(nt, (a, b))] == [[["A"]], [["B2"], ["B"]]]
    b.add("بعد", "B3")  # the matcher is rebuilt, and the combined automaton with it
    assert [[x.values for x in ms] for ms in scan.find_all(nt, (a, b))] == [[["A"]], [["B3"], ["B2"], ["B"]]]
    assert scan.find_all(nt, (a, PhraseMatcher())) == [a.find_all(nt), []]
