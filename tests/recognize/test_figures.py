"""Figures with what they count (rasd.recognize.figures); sentences written by the rasd team."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.doc import Document
from rasd.recognize.dates import RecognizeDates
from rasd.recognize.figures import RecognizeFigures


def _figs(text: str):
    doc = Document(text=text, published=dt.date(2024, 3, 11))
    RecognizeDates()(doc)
    RecognizeFigures()(doc)
    for f in doc.figures:
        assert doc.text[f.start:f.end] == f.text
        if f.counted:
            assert doc.text[f.counted.start:f.counted.end] == f.counted.text
    return doc.figures


def _one(text: str):
    got = _figs(text)
    assert len(got) == 1, got
    return got[0]


def test_killed_noun_after_number():
    f = _one("وسقط في الاشتباكات 37 قتيلا معظمهم من المسلحين")
    assert (f.text, f.value, f.kind, f.counted.text) == ("37", 37.0, "killed", "قتيلا")


def test_injured_cue_before_and_others():
    got = _figs("قتل 9 مدنيين وأصيب 140 آخرون في القصف")
    assert [(f.value, f.kind, f.counted.text) for f in got] == [(9.0, "killed", "مدنيين"), (140.0, "injured", "آخرون")]


def test_displaced_with_more_than_and_thousands():
    f = _one("ونزح أكثر من 25 ألف شخص عن قراهم")
    assert (f.text, f.value, f.kind, f.qualifier, f.counted.text) == ("25 ألف", 25000.0, "displaced", "more-than", "شخص")


def test_number_words_with_cue_noun():
    f = _one("أسفر الانفجار عن مقتل سبعة جنود")
    assert (f.text, f.value, f.kind, f.counted.text) == ("سبعة", 7.0, "killed", "جنود")


def test_injury_noun_as_cue():
    f = _one("أدى التفريق إلى إصابة 18 متظاهرا")
    assert (f.value, f.kind, f.counted.text) == (18.0, "injured", "متظاهرا")


def test_death_toll_rises_to():
    f = _one("ارتفع عدد القتلى إلى 64 بحسب المستشفى")
    assert (f.value, f.kind) == (64.0, "killed")


def test_cue_after_the_noun():
    f = _one("لقي 6 أشخاص حتفهم في حادث السير")
    assert (f.value, f.kind, f.counted.text) == (6.0, "killed", "أشخاص")


def test_arrested_and_vague_quantity():
    got = _figs("اعتقلت الشرطة 14 شخصا واحتجزت عشرات الطلاب")
    assert [(f.value, f.kind, f.approximate) for f in got] == [(14.0, "arrested", False), (12.0, "arrested", True)]


def test_missing():
    f = _one("ما زال 4 صيادين مفقودين منذ العاصفة")
    assert (f.value, f.kind) == (4.0, "missing")


def test_dual_nouns():
    got = _figs("قتل جنديان وأصيب جريحين في الكمين")
    assert [(f.text, f.value, f.kind) for f in got] == [("جنديان", 2.0, "killed"), ("جريحين", 2.0, "injured")]


def test_sound_plural_is_not_read_as_dual():
    assert [f.value for f in _figs("أصيب ثلاثة مدنيين بجروح")] == [3.0]


def test_conjoined_figures_share_the_kind():
    got = _figs("قتل 3 جنود و5 مدنيين على الأقل")
    assert [(f.value, f.kind, f.qualifier) for f in got] == [(3.0, "killed", None), (5.0, "killed", "at-least")]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("قتل نحو 40 شخصا", "about"), ("قتل حوالي 40 شخصا", "about"), ("قتل ما يزيد على 40 شخصا", "more-than"),
    ("قتل أقل من 40 شخصا", "less-than"), ("قتل ما لا يقل عن 40 شخصا", "at-least"),
    ("قتل ما يصل إلى 40 شخصا", "up-to"), ("قتل 40 شخصا على الأقل", "at-least"),
])
def test_qualifiers(text, qualifier):
    f = _one(text)
    assert (f.value, f.kind, f.qualifier) == (40.0, "killed", qualifier)
    assert f.approximate == (qualifier == "about")


@pytest.mark.parametrize(("text", "kind", "value", "unit"), [
    ("الرجل البالغ من العمر 63 عاما", "age", 63, "year"),
    ("أصيب الطفل سامر (9 أعوام) بشظية", "age", 9, "year"),
    ("توقفت القوات على بعد 8 كيلومترات من المدينة", "distance", 8, "km"),
    ("سقطت القذيفة على بعد 300 متر من المدرسة", "distance", 300, "m"),
    ("استمر الحصار منذ ستة أشهر", "duration", 6, "month"),
    ("خصص البنك 2.5 مليون دولار للإعمار", "money", 2_500_000, "USD"),
    ("بلغت نسبة البطالة 17 في المئة", "percent", 17, "%"),
    ("بلغت نسبة المشاركة 41% في المدينة", "percent", 41, "%"),
])
def test_units(text, kind, value, unit):
    f = _one(text)
    assert (f.kind, f.value, f.unit) == (kind, float(value), unit)


def test_years_are_not_counts():
    got = _figs("منذ اندلاع الحرب في 2014 وفي عام 2015 وفي 1998")
    assert all(f.kind == "year" for f in got)
    assert not any(f.value == 2014 for f in got)  # a date, not a figure


def test_a_year_like_number_of_people_is_a_count():
    f = _one("تظاهر 2000 شخص أمام البرلمان")
    assert (f.value, f.kind) == (2000.0, "count")


def test_times_references_and_dates_are_not_figures():
    assert _figs("بدأ القصف الساعة 10 صباحا وفق القرار رقم 2216 والمادة 5 في 16 أبريل 2019") == []
    assert _figs("اتصلوا على الرقم 0912345678 أو بالقرار 46/86") == []


def test_ordinals_are_not_counts():
    assert _figs("في القرن السابع عشر والجولة الثالثة") == []


def test_count_with_counted_noun():
    f = _one("أطلق المسلحون 12 صاروخا على البلدة")
    assert (f.value, f.kind, f.counted.text) == (12.0, "count", "صاروخا")


def test_article_number_after_its_noun():
    f = _one("عاد الجنود الأربعة إلى ثكنتهم")
    assert (f.text, f.value, f.counted.text) == ("الأربعة", 4.0, "الجنود")


def test_arabic_indic_digits():
    f = _one("قتل ١٢ شخصا في الهجوم")
    assert (f.text, f.value, f.kind) == ("١٢", 12.0, "killed")


def test_seed_article_figures(seed_path):
    from rasd.text.stage import SplitSentences, Tokenize

    doc = Document(text=seed_path.read_text(encoding="utf-8"), published=dt.date(2019, 4, 16))
    for st in (Tokenize(), SplitSentences(), RecognizeDates(), RecognizeFigures()):
        st(doc)
    got = {(f.kind, f.value) for f in doc.figures}
    assert {("killed", 121), ("injured", 561), ("displaced", 13000), ("age", 75), ("distance", 11),
            ("duration", 10)} <= got
    displaced = [f for f in doc.figures if f.kind == "displaced"]
    assert displaced[0].qualifier == "more-than"
    assert not any(f.value == 2011 and f.kind != "year" for f in doc.figures)


def test_dual_objects_do_not_take_casualty_kinds():
    got = _figs("أدى القصف إلى مقتل من في السيارتين")
    assert [(f.text, f.kind) for f in got] == [("السيارتين"[2:], "count")]


def test_dot_thousands_and_decimal_before_multiplier():
    got = _figs("وزعت مساعدات على 340.000 شخص بكلفة 1.5 مليون دولار")
    assert [(f.value, f.kind) for f in got] == [(340000.0, "count"), (1_500_000.0, "money")]


def test_model_numbers_and_bracketed_references_are_not_counts():
    assert _figs("وصلت طائرات إف 16 تنفيذا للقرار (2216)") == []


def test_article_tens_are_ordinals_but_compound_article_numbers_count():
    assert _figs("شهد القرن العشرين حروبا") == []
    f = _one("ستحسم الساعات الأربع والعشرين المقبلة الأمر")
    assert (f.value, f.kind, f.unit) == (24.0, "duration", "hour")


def test_conjoined_after_a_qualifier_and_a_prepositional_phrase():
    got = _figs("قتل 39 مسلحا على الأقل و17 جنديا، وتسبب القصف بمقتل 25 عنصرا من التنظيم وسبعة من المدنيين")
    assert [(f.value, f.kind, f.qualifier) for f in got] == [
        (39.0, "killed", "at-least"), (17.0, "killed", None), (25.0, "killed", None), (7.0, "killed", None)]


def test_verb_right_after_the_number():
    got = _figs("وكان 5 قتلوا وأصيب 11 آخرين")
    assert [(f.value, f.kind) for f in got] == [(5.0, "killed"), (11.0, "injured")]


def test_cue_several_words_after():
    f = _one("ذكرت الشرطة أن جنديين عراقيين ومدنيا ثالثا قتلوا قرب المعبر")
    assert (f.text, f.kind) == ("جنديين", "killed")


def test_fate_after_a_status_noun():
    f = _one("قدرت الوكالة أن أكثر من ثلاثة آلاف مهاجر لقوا حتفهم في البحر منذ يناير")
    assert (f.value, f.kind, f.qualifier) == (3000.0, "killed", "more-than")
