"""Document-level propagation of names the tagger found once."""

from __future__ import annotations

from rasd.ner.propagate import propagate


def _stem(t: str) -> str:
    return t[1:] if t.startswith("و") and len(t) > 3 else t


def test_repeated_name_gets_the_label():
    sents = [(["زار", "كوفي", "أنان", "المدينة"], ["O", "B-PERS", "I-PERS", "O"]),
             (["وقال", "كوفي", "أنان", "إن"], ["O", "O", "O", "O"]),
             (["ثم", "التقى", "كوفي", "أنان"], ["O", "O", "B-PERS", "I-PERS"]),
             (["ورحب", "كوفي", "أنان"], ["O", "B-PERS", "I-PERS"]),
             (["وأضاف", "أنان", "أن", "وكوفي"], ["O", "O", "O", "O"])]
    out = propagate(sents, _stem)
    assert out[1] == ["O", "B-PERS", "I-PERS", "O"]
    assert out[4] == ["O", "B-PERS", "O", "O"]  # the surname alone (tagged 3 times, untagged twice)
    assert out[0] == sents[0][1]


def test_clitic_form_and_no_override():
    sents = [(["في", "طابا"], ["O", "B-LOC"]), (["ووطابا", "وطابا"], ["O", "O"]),
             (["طابا"], ["B-ORG"]), (["طابا"], ["B-LOC"])]
    out = propagate(sents, _stem)
    assert out[1][1] == "B-LOC"  # وطابا -> طابا
    assert out[2] == ["B-ORG"]  # an existing tag is never changed


def test_words_usually_untagged_are_not_spread():
    sents = [(["الأمل"], ["B-MISC"]), (["الأمل"], ["O"]), (["الأمل"], ["O"])]
    assert propagate(sents, _stem)[1] == ["O"]
