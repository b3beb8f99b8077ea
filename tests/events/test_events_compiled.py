"""The compiled loops of the events stage (rasd.events._events) give what their Python references give."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass

import pytest

from rasd.events import cues


def _compiled():
    if cues._compiled_cues_for is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.events._events was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.events._events is not built here")
    return cues._compiled_cues_for


@dataclass(slots=True)
class _Tok:
    norm: str
    kind: str = "word"


def _vocabulary() -> list[str]:
    """Cue words (one-word cues, the words of multi-word ones, with proclitics and the future prefix) and
    plain words."""
    single, multi = cues._tables()
    words = sorted(single)[:300]
    for first, cands in sorted(multi.items())[:150]:
        words.append(first)
        for rest, _c in cands:
            words.extend(rest)
    words += [p + w for w in words[:80] for p in ("و", "ف", "ب", "ل", "س")]
    return words + ["كتاب", "مدرسة", "يوم", "بيت", "س", "و"]


def _tokens(rng: random.Random, vocab: list[str]) -> list[_Tok]:
    out = []
    for _ in range(rng.randint(0, 40)):
        r = rng.random()
        if r < 0.08:
            out.append(_Tok("،", "punct"))
        elif r < 0.12:
            out.append(_Tok(str(rng.randint(1, 99)), "number"))
        else:
            out.append(_Tok(rng.choice(vocab)))
    return out


def test_compiled_cues_for_equals_python():
    compiled = _compiled()
    rng = random.Random(11)
    vocab = _vocabulary()
    for n in range(1500):
        if n % 300 == 0:  # now and then with the word caches empty, so that the misses go through _forms
            cues._FORM_CACHE.clear()
            cues._PLAIN.clear()
        toks = _tokens(rng, vocab)
        i0 = rng.randint(0, len(toks))
        i1 = rng.randint(i0, len(toks))
        seed = {i0: {"history"}} if toks and rng.random() < 0.2 else {}  # a token already in the map
        want = {k: set(v) for k, v in seed.items()}
        got = {k: set(v) for k, v in seed.items()}
        cues._cues_for(toks, i0, i1, want)
        compiled(toks, i0, i1, got, cues._FORM_CACHE, cues._PLAIN, cues._forms)
        assert got == want


def test_cues_for_finds_a_multi_word_cue_either_way():
    single, multi = cues._tables()
    first, cands = next((f, c) for f, c in sorted(multi.items()) if len(c[0][0]) >= 1)
    rest, cats = cands[0]
    toks = [_Tok(first)] + [_Tok(w) for w in rest] + [_Tok(".", "punct")]
    out: dict[int, set[str]] = {}
    cues.cues_for(toks, 0, len(toks), out)
    assert cats <= out[0]
    plain: dict[int, set[str]] = {}
    cues._cues_for(toks, 0, len(toks), plain)
    assert plain == out


def test_cues_for_outside_the_list_falls_back_to_python():
    toks = [_Tok("كتاب"), _Tok("مدرسة")]
    out: dict[int, set[str]] = {}
    cues.cues_for(toks, 0, 2, out)  # in range: compiled when built
    cues.cues_for(tuple(toks), 0, 2, out)  # not a list: the Python loop
    assert out == {}


@dataclass(slots=True)
class _Spanned:
    start: int
    norm: str
    kind: str = "word"


def test_compiled_token_table_equals_python():
    if cues._compiled_token_table is None:
        pytest.skip("rasd.events._events is not built here")
    rng = random.Random(5)
    vocab = _vocabulary()
    stops = frozenset(vocab[:20] + ["،"])
    numbers = frozenset(vocab[10:40])
    for _ in range(300):
        toks = [_Spanned(3 * i, t.norm, t.kind) for i, t in enumerate(_tokens(rng, vocab))]
        want = cues._token_table(toks, stops, numbers)
        assert cues._compiled_token_table(toks, stops, numbers) == want
        assert cues.token_table(toks, stops, numbers) == want


def test_token_table_lists_each_kind_of_position():
    toks = [_Spanned(0, "قال"), _Spanned(4, "3", "number"), _Spanned(6, "،", "punct"), _Spanned(8, "ثم"),
            _Spanned(11, "عشرة")]
    starts, numbers, puncts, stops, words = cues.token_table(toks, frozenset({"ثم"}), frozenset({"عشرة"}))
    assert (starts, numbers, puncts, stops, words) == ([0, 4, 6, 8, 11], [1], [2], [2, 3], [4])
    assert cues.token_table(tuple(toks), frozenset({"ثم"}), frozenset({"عشرة"}))[3] == [2, 3]  # the Python pass
