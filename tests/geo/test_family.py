"""rasd.geo.family: a nisba that is a family name is no place."""

import pytest

import rasd


def _codes(text):
    return [(p.text, p.country_code) for p in rasd.extract(text, published="2015-05-01").places]


@pytest.mark.parametrize("text", [
    "وأكد الدكتور عبدالله التركي أن الرابطة تدعم الحوار بين الأديان.",
    "وقال الدكتور السوداني إن المستشفى جاهز لاستقبال المصابين.",
    "وأوضح الشيخ المصري أن المسجد سيفتح أبوابه بعد الترميم.",
])
def test_family_name_nisba_is_no_place(text):
    assert _codes(text) == []


@pytest.mark.parametrize("text, expected", [
    ("وأكد الرئيس التركي رجب طيب أردوغان في خطاب أمس أن حكومته ماضية في خططها.", ("التركي", "TR")),
    ("التقى السفير المصري وزير الخارجية أمس.", ("المصري", "EG")),
    ("وصل الدكتور، السوداني الجنسية، إلى المطار أمس.", ("السوداني", "SD")),
])
def test_nisba_of_a_role_or_apart_stays(text, expected):
    assert expected in _codes(text)
