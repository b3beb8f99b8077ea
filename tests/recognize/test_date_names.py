"""A day and month that are part of a name (a revolution, a palace, a movement) are no date of the story."""

from __future__ import annotations

import pytest

import rasd

PUB = "2024-05-12"


def _dates(text):
    return [(d.text, d.value, d.precision) for d in rasd.extract(text, published=PUB).dates]


@pytest.mark.parametrize("text,name", [
    # team-written sentences
    ("وشارك الشاب في ثورة 14 يناير ضد النظام السابق.", "14 يناير"),
    ("واستعادت القوات الحكومية قصر 7 يوليو في وسط المدينة.", "7 يوليو"),
    ("ونظم أنصار حركة 9 مارس وقفة أمام البرلمان.", "9 مارس"),
    ("ووصل الجرحى إلى مستشفى 30 يونيو في الضاحية.", "30 يونيو"),
])
def test_named_day_month_has_no_value(text, name):
    found = {t: (v, p) for t, v, p in _dates(text)}
    assert found[name] == (None, "unknown")


def test_plain_and_written_year_dates_keep_their_value():
    found = {t: v for t, v, _p in _dates("ووقعت الاشتباكات في 3 مايو الجاري قرب الحدود.")}
    assert found["3 مايو الجاري"] == "2024-05-03"
    found = {t: v for t, v, _p in _dates("واندلعت ثورة 14 يناير 2011 في العاصمة.")}
    assert found["14 يناير 2011"] == "2011-01-14"
