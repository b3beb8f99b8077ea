"""The compiled propagation loop (rasd/ner/_crf.c) gives the Python code's tags."""

from __future__ import annotations

import random

import pytest

from rasd.ner import propagate as prop
from rasd.ner.propagate import propagate

pytestmark = pytest.mark.skipif(prop._propagate_c is None, reason="rasd.ner._crf not built")


def _stem(t: str) -> str:
    return t[1:] if t.startswith("و") and len(t) > 3 else t


def _both(sents, **kw):
    stems = [[_stem(t) for t in toks] for toks, _tags in sents]
    fast = propagate(sents, _stem, stems=stems, **kw)
    slow = propagate(sents, _stem, stems=stems, compiled=False, **kw)
    assert fast == slow
    return fast


def test_team_sentences_give_the_same_tags():
    sents = [(["زار", "كوفي", "أنان", "المدينة"], ["O", "B-PERS", "I-PERS", "O"]),
             (["وقال", "كوفي", "أنان", "إن"], ["O", "O", "O", "O"]),
             (["ثم", "التقى", "كوفي", "أنان"], ["O", "O", "B-PERS", "I-PERS"]),
             (["وأضاف", "أنان", "أن", "وكوفي"], ["O", "O", "O", "O"]),
             (["في", "طابا"], ["O", "B-LOC"]), (["ووطابا", "وطابا"], ["O", "O"]),
             (["طابا"], ["B-ORG"]), (["الأمل"], ["B-MISC"]), (["الأمل"], ["O"])]
    out = _both(sents)
    assert out[1] == ["O", "B-PERS", "I-PERS", "O"]
    assert out[5][1] == "O"  # طابا: once a place, once an organisation and once untagged
    assert out[8] == ["O"]
    assert _both([(["لا", "شيء"], ["O", "O"])]) == [["O", "O"]]


def test_ties_and_options_give_the_same_tags():
    org, loc = (["زار", "طابا"], ["O", "B-ORG"]), (["في", "طابا"], ["O", "B-LOC"])
    plain = (["من", "طابا", "إلى"], ["O", "O", "O"])
    assert _both([org, loc, loc, org, plain])[4] == ["O", "B-ORG", "O"]
    assert _both([loc, org, org, loc, plain])[4] == ["O", "B-LOC", "O"]
    for kw in ({"surnames": False}, {"min_chars": 5}, {"max_len": 1}):
        _both([org, loc, plain, (["كوفي", "أنان"], ["B-PERS", "I-PERS"]), (["أنان"], ["O"])], **kw)


def test_random_tag_lists_give_the_same_tags():
    rnd = random.Random(11)
    tags = ["O"] * 6 + ["B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "S-PERS", "E-LOC", "X", "I-", "B-"]
    words = ["سلام", "وسلام", "دار", "ودار", "نهر", "قم", "ب", "جبل"]
    for _ in range(3000):
        sents = []
        for _ in range(rnd.randint(1, 5)):
            n = rnd.randint(0, 8)
            sents.append(([rnd.choice(words) for _ in range(n)], [rnd.choice(tags) for _ in range(n)]))
        _both(sents, min_chars=rnd.randint(1, 4), max_len=rnd.randint(1, 5), surnames=rnd.random() < 0.7)


def test_other_shapes_fall_back_to_python():
    sents = [(["زار", "طابا"], ["O", "B-LOC"]), (["في", "طابا"], ["O", "O"])]
    assert prop._propagate_c(sents, [["زار"], ["في", "طابا"]], 3, 4, True) is None  # lengths differ
    assert prop._propagate_c(sents, [["زار", "طابا"], ["في", "طابا"]], 3, 0, True) is None
    with pytest.raises(IndexError):  # as the Python code
        propagate(sents, _stem, stems=[["زار"], ["في", "طابا"]])
    sents = [(["زار", "طابا"], ["O", "B-LOC"]), (["طابا"], ["B-LOC"]), (["في", "طابا"], ["O", "O"])]
    assert prop._propagate_c(sents, [["زار", "طابا"], ["طابا"]], 3, 4, True) is None  # sentences differ
    assert prop._propagate_c([(["طابا"], [1])], [["طابا"]], 3, 4, True) is None  # not strings
    assert propagate(tuple(sents), _stem, stems=[["زار", "طابا"], ["طابا"], ["في", "طابا"]])[2] == ["O", "B-LOC"]
