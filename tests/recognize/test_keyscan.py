"""The compiled scan of a small automaton (rasd.recognize.keyscan, ``dfa_hits`` in rasd/text/_scan.c)
gives pyahocorasick's hits, and so does its Python reference."""

from __future__ import annotations

import os
import random

import ahocorasick
import pytest

from rasd.recognize import dates, figures, keyscan, numbers
from rasd.text.normalize import normalize


def _compiled():
    if keyscan._dfa_hits is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.text._scan was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.text._scan is not built here")


def _automaton(items) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for k, v in items:
        auto.add_word(k, v)
    auto.make_automaton()
    return auto


def _ends_word(text: str, i: int, mode: int) -> bool:
    if mode == 0 or i + 1 >= len(text):
        return True
    return not (text[i + 1].isalnum() if mode == 1 else text[i + 1].isalpha())


def _check(auto, tables, text: str) -> None:
    ref = list(auto.iter(text))
    for mode in (0, 1, 2):
        want = [(i, v) for i, v in ref if _ends_word(text, i, mode)]
        assert keyscan.hits_py(text, tables, mode) == want
        if keyscan._dfa_hits is not None:
            assert keyscan._dfa_hits(text, *tables, mode) == want


def test_random_automata_give_pyahocorasick_hits():
    rng = random.Random(7)
    for _ in range(300):
        keys = {"".join(rng.choice("abcب ") for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 15))}
        auto = _automaton((k, k.upper()) for k in keys)
        tables = keyscan.compile_tables(auto.items())
        for _ in range(5):
            _check(auto, tables, "".join(rng.choice("abcبd 1\U0001f600") for _ in range(rng.randint(0, 50))))


def test_nested_keys_longest_first_and_repeated_values():
    auto = _automaton([("xabc", 1), ("abc", 2), ("bc", 3), ("c", 4), ("ab", 5), ("b", (6, 7))])
    tables = keyscan.compile_tables(auto.items())
    assert keyscan.hits_py("xabcd abc", tables) == list(auto.iter("xabcd abc"))
    assert [v for _, v in keyscan.hits_py("xabc", tables)][-4:] == [1, 2, 3, 4]


def test_tables_that_do_not_fit():
    assert keyscan.compile_tables([]) is None
    assert keyscan.compile_tables([("\U0001f600", 1)]) is None
    assert keyscan.compile_tables([("abcdef", 1)], max_states=3) is None


def test_recognizer_automata_on_arabic_text():
    _compiled()
    texts = ["قتل ثلاثة جنود وأصيب عشرون آخرون يوم الأحد الماضي في 12 مايو/أيار 2015",
             "وبعد ثلاثة أيام، قتيلان وجريحان في اشتباكات منذ مطلع الشهر الجاري",
             "في الخامس عشر من رمضان 1436 هـ، أمس الأول، غدا السبت", ""]
    rng = random.Random(3)
    words = " ".join(texts).split() + ["،", ".", "5", "x"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(100)]
    for sc in (dates._lex().triggers, numbers._automaton(), figures._lex().dual_auto):
        assert sc.tables is not None
        for text in texts:
            norm = normalize(text).norm
            _check(sc.automaton, sc.tables, norm)
            assert list(sc.iter(norm)) == list(sc.automaton.iter(norm))
