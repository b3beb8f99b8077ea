"""Gazetteer entries added for gaps found in the news (large regions outside the Arab world, two-word
nisbas, hamza spellings), with team-written sentences."""

from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.geo.gazetteer import load_gazetteer
from rasd.geo.stage import RecognizePlaces
from rasd.lexicon.matcher import normalize_key
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import tokenize


def _doc(text: str) -> Document:
    d = Document(text=text)
    d.tokens = tokenize(text)
    d.sentences = split_sentences(text, d.tokens)
    return d


@pytest.fixture(scope="module")
def stage():
    return RecognizePlaces()


@pytest.mark.parametrize(("name", "cc"), [
    ("البنجاب", "PK"), ("بلوشستان", "PK"), ("خيبر بختونخوا", "PK"), ("الشيشان", "RU"), ("القرم", "UA"),
    ("كاليفورنيا", "US"), ("تكساس", "US"), ("كارولينا الشمالية", "US"), ("راخين", "MM"), ("أراكان", "MM"),
    ("سيستان وبلوشستان", "IR"), ("اسكتلندا", "GB"), ("كاتالونيا", "ES"),
])
def test_large_regions_outside_the_arab_world_are_admin1(name, cc):
    es = [e for e in load_gazetteer().lookup(normalize_key(name)) if e.kind == "admin1"]
    assert [e.cc for e in es] == [cc]
    assert es[0].lat is not None and es[0].precision == 3


def test_a_city_names_its_new_admin1(stage):
    g = load_gazetteer()
    lahore = [e for e in g.lookup(normalize_key("لاهور")) if e.cc == "PK"][0]
    assert g.admin1_of(lahore).name_en == "Punjab"
    d = stage(_doc("قتل عشرة أشخاص في انفجار بإقليم البنجاب شرقي باكستان."))
    punjab = [p for p in d.places if p.text == "البنجاب"]
    assert punjab and punjab[0].kind == "admin1" and punjab[0].country_code == "PK"


@pytest.mark.parametrize(("text", "phrase", "cc"), [
    ("التقى وزير الدفاع الكوري الجنوبي نظيره في طوكيو.", "الكوري الجنوبي", "KR"),
    ("أطلقت القوات الكورية الشمالية صاروخا أمس.", "الكورية الشمالية", "KP"),
    ("وصل الرئيسان الكوريان الجنوبيان السابقان.", None, None),
    ("اجتمع مسؤولون كوريون شماليون مع وفد صيني.", "كوريون شماليون", "KP"),
])
def test_two_word_nisbas(stage, text, phrase, cc):
    d = stage(_doc(text))
    nis = {p.text: p.country_code for p in d.places if p.via == "nisba"}
    if phrase is not None:
        assert nis.get(phrase) == cc
    for p in d.places:
        assert text[p.start:p.end] == p.text


def test_the_southern_governorate_is_not_taken_from_a_korean_nisba(stage):
    d = stage(_doc("قال الجيش الكوري الجنوبي إن الصاروخ سقط في البحر."))
    assert [(p.text, p.country_code) for p in d.places] == [("الكوري الجنوبي", "KR")]


def test_the_european_union_is_no_place(stage):
    d = stage(_doc("قال الاتحاد الأوروبي إنه سيرسل مراقبين، ودعا دول الاتحاد الأوروبي إلى الحوار."))
    assert d.places == []


def test_hamza_seat_spellings_find_the_same_place(stage):
    a = stage(_doc("وصل الوفد إلى الطائف أمس."))
    c = stage(_doc("وصل الوفد إلى الجزائر أمس."))
    assert [p.country_code for p in a.places] == ["SA"]
    assert [p.country_code for p in c.places] == ["DZ"]
    assert normalize_key("الطائف") in load_gazetteer().names()


@pytest.mark.parametrize("text", [
    "وانخفض خام غرب تكساس الوسيط أمس بنسبة طفيفة.",   # the crude oil grade
    "قال رئيس الأركان إن أركان الخطة اكتملت.",        # pillars / the staff, not Arakan
])
def test_region_names_inside_common_phrases_are_no_places(stage, text):
    assert stage(_doc(text)).places == []


def test_arakan_and_west_texas_are_places(stage):
    d = stage(_doc("فر آلاف اللاجئين من ولاية أراكان، ووقعت عاصفة في غرب تكساس."))
    assert {(p.text, p.country_code) for p in d.places} >= {("أراكان", "MM"), ("غرب تكساس", "US")}
