"""rasd.geo.referring: a bare المملكة / السلطنة is the kingdom or sultanate the article names."""

import pytest

import rasd


def _places(text):
    doc = rasd.extract(text, published="2024-05-01")
    return [(p.text, p.country_code) for p in doc.places]


def test_the_kingdom_is_the_kingdom_the_article_names():
    text = "أعلنت السعودية اليوم خطة جديدة للنقل، وقال مسؤول إن المملكة ستنفق عليها الكثير، وإن للمملكة خبرة طويلة."
    places = _places(text)
    assert ("المملكة", "SA") in places
    assert sum(1 for t, cc in places if t.endswith("مملكة") and cc == "SA") == 2  # للمملكة too
    doc = rasd.extract(text)
    assert all(doc.text[p.start:p.end] == p.text for p in doc.places)


def test_a_jordanian_story_gives_jordan():
    places = _places("ارتفعت أسعار الشقق في الأردن هذا العام، وقال خبير إن مدن المملكة كلها تشهد طلبا متزايدا.")
    assert ("المملكة", "JO") in places


def test_the_sultanate():
    assert ("السلطنة", "OM") in _places("استقبلت سلطنة عمان وفدا تجاريا، وقالت وزارة في السلطنة إن الزيارة ناجحة.")


@pytest.mark.parametrize("text", [
    "قال المتحدث إن المملكة تدعم جهود السلام في المنطقة.",  # no kingdom named: no telling which
    "زار الوزير المصري المملكة المتحدة أمس.",  # a longer name the gazetteer knows: GB as a whole
    "أعلنت السعودية أنها تدرس المملكة الحيوانية في الصحراء.",  # a description, not the state
])
def test_no_bare_kingdom_place(text):
    assert not [t for t, _ in _places(text) if t.endswith("المملكة")]
