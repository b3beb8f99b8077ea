"""best_place: the place of an event in a clause (team-written sentences)."""

from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.geo.locate import best_place
from rasd.geo.stage import RecognizePlaces
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import tokenize


@pytest.fixture(scope="module")
def run():
    stage = RecognizePlaces()

    def _run(text: str) -> Document:
        d = Document(text=text)
        d.tokens = tokenize(text)
        d.sentences = split_sentences(text, d.tokens)
        return stage(d)

    return _run


def test_town_before_country_and_nisba(run):
    d = run("قتل ثلاثة جنود عراقيين في هجوم على نقطة تفتيش في الرمادي غرب العراق.")
    p = best_place(d, 0, len(d.text))
    assert p is not None and p.text == "الرمادي" and p.country_code == "IQ"


def test_not_the_speakers_place(run):
    text = "قال مسؤول في بيروت إن غارة إسرائيلية استهدفت بلدة في جنوب لبنان."
    d = run(text)
    trig = text.index("غارة")
    p = best_place(d, 0, len(text), trigger=trig)
    assert p is not None and p.text == "جنوب لبنان", [(x.text, x.kind) for x in d.places]


def test_relative_place_after_the_trigger(run):
    text = "أعلنت الحكومة السورية في دمشق أن انفجارا وقع في ضواحي حلب."
    d = run(text)
    p = best_place(d, 0, len(text), trigger=text.index("انفجارا"))
    assert p is not None and p.text == "ضواحي حلب" and p.relation == "outskirts"


def test_landmark_is_preferred(run):
    text = "سقطت قذائف على مطار طرابلس الدولي في ليبيا."
    d = run(text)
    p = best_place(d, 0, len(text))
    assert p is not None and p.kind == "facility" and p.country_code == "LY"


def test_falls_back_to_the_sentence_and_to_none(run):
    text = "وصلت القوات إلى الموصل. ثم بدأت العملية."
    d = run(text)
    clause = text.index("ثم")
    assert best_place(d, clause, len(text), fallback_sentence=True) is None
    s0 = d.sentences[0]
    assert best_place(d, s0.start + 3, s0.start + 10).text == "الموصل"


def test_a_speakers_place_before_a_day_and_that_is_held_back():
    import rasd

    d = rasd.extract("ذكر التحالف الدولي في واشنطن مساء الأحد أن طائراته ضربت مخازن للتنظيم في منبج.", published="2015-08-01")
    i = d.text.find("ضربت")
    assert best_place(d, 0, len(d.text), trigger=i).text == "منبج"
