"""Date expressions (rasd.recognize.dates); sentences written by the rasd team."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.doc import Document
from rasd.recognize.dates import RecognizeDates

PUB = dt.date(2019, 4, 16)  # a Tuesday


def _dates(text: str, published: dt.date | None = PUB):
    doc = Document(text=text, published=published)
    RecognizeDates()(doc)
    for d in doc.dates:
        assert doc.text[d.start:d.end] == d.text
    return doc.dates


def _one(text: str, published: dt.date | None = PUB):
    got = _dates(text, published)
    assert len(got) == 1, got
    return got[0]


def test_day_before_yesterday_with_weekday():
    d = _one("اجتمع الوزيران امس الاول الأحد في العاصمة.")
    assert (d.text, d.value, d.precision, d.relative) == ("امس الاول الأحد", "2019-04-14", "day", True)


def test_weekday_corrects_an_inconsistent_day_word():
    # publication timestamps often lag a day: "اليوم (الاثنين)" on a Tuesday is the Monday
    d = _one("أعلنت الوزارة اليوم (الاثنين) عن خطة جديدة.")
    assert (d.text, d.value) == ("اليوم (الاثنين)", "2019-04-15")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("وصل الوفد أمس إلى المدينة", "أمس", "2019-04-15"),
    ("وقعت الحادثة أول من أمس", "أول من أمس", "2019-04-14"),
    ("تبدأ المحادثات غداً في جنيف", "غداً", "2019-04-17"),
    ("وقع الانفجار مساء أمس قرب السوق", "مساء أمس", "2019-04-15"),
])
def test_day_words(text, span, value):
    d = _one(text)
    assert (d.text, d.value, d.precision) == (span, value, "day")


def test_idiom_is_not_yesterday():
    assert _dates("الأسر في أمس الحاجة إلى الغذاء") == []


def test_weekday_past_next_and_plain():
    got = _dates("زار الموقع الجمعة الماضية ويعود الخميس المقبل، وكان قد وصل السبت")
    assert [(d.text, d.value) for d in got] == [
        ("الجمعة الماضية", "2019-04-12"), ("الخميس المقبل", "2019-04-18"), ("السبت", "2019-04-13")]


def test_weekday_in_future_context():
    d = _one("من المقرر أن يعقد الاجتماع الخميس في القاهرة")
    assert d.value == "2019-04-18"


def test_offset_with_number_words():
    d = _one("بدأت الحملة منذ عشرة أيام على الأقل")
    assert (d.text, d.value, d.precision) == ("منذ عشرة أيام", "2019-04-06", "day")


def test_offset_in_weeks_months_and_dual():
    got = _dates("انتهت قبل ثلاثة أسابيع، وبدأت قبل شهرين، ووصل منذ يومين")
    assert [(d.text, d.value, d.precision) for d in got] == [
        ("قبل ثلاثة أسابيع", "2019-03-26", "week"), ("قبل شهرين", "2019-02", "month"),
        ("منذ يومين", "2019-04-14", "day")]


def test_before_an_event_is_not_an_offset():
    assert _dates("استقال قبل أسبوع من الانتخابات") == []


def test_range_of_past_days():
    d = _one("تواصلت الاشتباكات خلال الأيام الثلاثة الماضية في الضواحي")
    assert (d.text, d.value, d.end_value, d.precision) == (
        "خلال الأيام الثلاثة الماضية", "2019-04-13", "2019-04-15", "range")


def test_range_in_hours_and_dual():
    got = _dates("سجلت خلال الـ24 ساعة الماضية وخلال اليومين الماضيين")
    assert [(d.value, d.end_value) for d in got] == [("2019-04-15", "2019-04-16"), ("2019-04-14", "2019-04-15")]


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("الأسبوع الماضي", "2019-04-08", "week"), ("الشهر الماضي", "2019-03", "month"),
    ("العام الماضي", "2018", "year"), ("العام الجاري", "2019", "year"), ("هذا العام", "2019", "year"),
    ("مطلع الشهر", "2019-04", "month"), ("أواخر الشهر الماضي", "2019-03", "month"),
])
def test_periods(text, value, precision):
    d = _one(f"حدث ذلك {text} كما قيل")
    assert (d.text, d.value, d.precision, d.relative) == (text, value, precision, True)


def test_week_has_an_end():
    assert _one("الأسبوع المقبل").end_value == "2019-04-28"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("وقع الهجوم في 16 أبريل 2019 صباحا", "16 أبريل 2019", "2019-04-16"),
    ("في 16 نيسان/أبريل 2019", "16 نيسان/أبريل 2019", "2019-04-16"),
    ("في 3 جانفي 2018", "3 جانفي 2018", "2018-01-03"),
    ("في 11 سبتمبر (أيلول) 2001", "11 سبتمبر (أيلول) 2001", "2001-09-11"),
    ("في 5 كانون الأول 2017", "5 كانون الأول 2017", "2017-12-05"),
    ("بتاريخ 16/4/2019", "16/4/2019", "2019-04-16"),
    ("بتاريخ 2019-04-16", "2019-04-16", "2019-04-16"),
])
def test_explicit_days(text, span, value):
    d = _one(text)
    assert (d.text, d.value, d.precision, d.relative) == (span, value, "day", False)


def test_month_without_year_is_nearest_before_publication():
    assert _one("في 5 اغسطس جرت الانتخابات").value == "2018-08-05"
    assert _one("وفي آذار/مارس عاد الوفد").value == "2019-03"
    assert _one("جرت الانتخابات في أغسطس").value == "2018-08"


def test_month_with_relative_words():
    got = _dates("في يونيو (حزيران) من العام الماضي وفي 14 نوفمبر المقبل وفي شباط الماضي")
    assert [(d.value, d.precision) for d in got] == [("2018-06", "month"), ("2019-11-14", "day"), ("2019-02", "month")]


def test_ambiguous_month_name_needs_context():
    assert _dates("قال أب الضحية إنه مارس ضغوطا كبيرة") == []
    assert _one("خلال شهر آب الماضي").value == "2018-08"


def test_month_and_year():
    d = _one("منذ أوت 2017 والمدينة محاصرة")
    assert (d.text, d.value, d.precision) == ("أوت 2017", "2017-08", "month")


@pytest.mark.parametrize(("text", "span"), [("منذ سقوط النظام في 2011.", "2011"), ("في عام 2011 اندلعت", "عام 2011")])
def test_years(text, span):
    d = _one(text)
    assert (d.text, d.value, d.precision) == (span, "2011", "year")


def test_year_range():
    d = _one("خلال الفترة بين 2011 و2014")
    assert (d.value, d.end_value, d.precision) == ("2011", "2014", "range")


def test_part_of_year_with_digits_is_that_year():
    assert [d.value for d in _dates("منتصف العام 2014 تغير الوضع")] == ["2014"]


def test_hijri_date_to_gregorian():
    d = _one("وصل الحجاج في 15 رمضان 1440 هـ إلى مكة")
    assert (d.text, d.value, d.precision, d.calendar) == ("15 رمضان 1440 هـ", "2019-05-20", "day", "hijri")


def test_relative_dates_without_publication_stay_unresolved():
    got = _dates("وصل أمس وغادر الأسبوع الماضي، في 16 أبريل 2019", published=None)
    assert [(d.value, d.precision) for d in got] == [(None, "unknown"), (None, "unknown"), ("2019-04-16", "day")]


def test_offsets_survive_diacritics_and_tatweel():
    text = "وصلَ الوفدُ أمسِ وغداً يغادر"
    got = _dates(text)
    assert [d.text for d in got] == ["أمسِ", "غداً"]
    assert [d.value for d in got] == ["2019-04-15", "2019-04-17"]


def test_seed_article_dates(seed_path):
    from rasd.text.stage import SplitSentences, Tokenize

    doc = Document(text=seed_path.read_text(encoding="utf-8"), published=PUB)
    for st in (Tokenize(), SplitSentences(), RecognizeDates()):
        st(doc)
    by_text = {d.text: d for d in doc.dates}
    assert by_text["امس الاول الأحد"].value == "2019-04-14"
    assert by_text["منذ عشرة أيام"].value == "2019-04-06"
    rng = by_text["خلال الأيام الثلاثة الماضية"]
    assert rng.precision == "range" and rng.end_value in ("2019-04-15", "2019-04-16")
    assert by_text["2011"].precision == "year"


def test_numeric_hijri_date_with_weekday():
    d = _one("أقيمت الصلاة يوم الجمعة 9 / 9 / 1436هـ في الجامع")
    assert (d.text, d.value, d.calendar) == ("يوم الجمعة 9 / 9 / 1436هـ", "2015-06-26", "hijri")


def test_today_inside_a_name_is_not_a_date():
    assert [d.text for d in _dates("نقلت عين اليوم أن الوفد وصل")] == []


def test_day_of_this_or_last_month():
    got = _dates("في 12 من الشهر الجاري وفي 28 الشهر الماضي")
    assert [(d.text, d.value) for d in got] == [("12 من الشهر الجاري", "2019-04-12"), ("28 الشهر الماضي", "2019-03-28")]


def test_offsets_beyond_the_calendar_are_dropped_not_raised():
    assert _dates("بني المعبد منذ 3200 عام وقبل 20000 سنة") == []


def test_ambiguous_month_with_past_word_and_hijri_month_relative():
    got = _dates("في مارس الماضي وفي رمضان الماضي")
    assert [(d.text, d.value, d.calendar) for d in got] == [
        ("مارس الماضي", "2019-03", "gregorian"), ("رمضان الماضي", "2018-05", "hijri")]


def test_part_of_a_named_month_is_in_the_span():
    got = _dates("عاد مطلع آذار وغادر أواخر أيلول الماضي")
    assert [(d.text, d.value) for d in got] == [("مطلع آذار", "2019-03"), ("أواخر أيلول الماضي", "2018-09")]


def test_two_weekdays_share_the_past_word():
    got = _dates("سيطرت عليها يومي الثلاثاء والأربعاء الماضيين")
    assert [d.value for d in got] == ["2019-04-09", "2019-04-10"]  # not the publication Tuesday
