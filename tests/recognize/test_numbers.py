"""Number words and digits (rasd.recognize.numbers); sentences written by the rasd team."""

from __future__ import annotations

import pytest

from rasd.recognize.numbers import find_numbers, parse_digits, value_of
from rasd.text.normalize import normalize


def _nums(text: str):
    nt = normalize(text)
    return [(nt.norm[m.start:m.end], m.value, m.vague) for m in find_numbers(nt.norm)]


@pytest.mark.parametrize(("text", "value"), [
    ("خمسة", 5), ("ثلاث", 3), ("عشرة", 10), ("أحد عشر", 11), ("اثنتا عشرة", 12), ("خمسة عشر", 15),
    ("عشرون", 20), ("خمسة وعشرون", 25), ("مئة", 100), ("مائة وخمسون", 150), ("ثلاث مئة", 300),
    ("ثلاثمائة وخمسة وعشرين", 325), ("ألف", 1000), ("ألفين", 2000), ("ثلاثة آلاف", 3000),
    ("مليونين", 2_000_000),
])
def test_number_words(text, value):
    got = value_of(normalize(text).norm)
    assert got == (float(value), False)


@pytest.mark.parametrize(("text", "value"), [
    ("13 ألف", 13000), ("13 ألفا", 13000), ("1.5 مليون", 1_500_000), ("200 ألف", 200_000),
])
def test_digits_with_multiplier(text, value):
    assert value_of(normalize(text).norm) == (float(value), False)


@pytest.mark.parametrize(("text", "value"), [
    ("1,200", 1200), ("13,000", 13000), ("1.5", 1.5), ("2,5", 2.5), ("1.200.000", 1_200_000),
])
def test_parse_digits_separators(text, value):
    assert parse_digits(text) == value


def test_arabic_indic_digits_with_separator():
    assert _nums("نزح ١٣٬٠٠٠ شخص") == [("13,000", 13000.0, False)]


@pytest.mark.parametrize(("text", "value"), [
    ("عدة", 3), ("بضعة", 3), ("عدد من", 3), ("عشرات", 12), ("مئات", 100), ("آلاف", 1000),
    ("عشرات الآلاف", 10000), ("عدة مئات", 300),
])
def test_vague_quantities_as_acled_reads_them(text, value):
    assert value_of(normalize(text).norm) == (float(value), True)


def test_proclitics_and_article():
    assert _nums("وبخمسة") == [("خمسه", 5.0, False)]
    assert _nums("الأيام الثلاثة") == [("الثلاثه", 3.0, False)]


def test_weekday_and_particles_are_not_numbers():
    assert _nums("وصل يوم الاثنين") == []
    assert _nums("لست متأكدا من ذلك") == []
    assert _nums("نقل إلى المستشفى في إطار التحالف") == []


def test_separate_numbers_stay_separate():
    assert [v for _, v, _ in _nums("قتل 5 وأصيب ثلاثة")] == [5.0, 3.0]


def test_compound_with_article():
    assert value_of(normalize("الأربع والعشرين").norm) is not None
    assert _nums("الساعات الأربع والعشرين") == [("الاربع والعشرين", 24.0, False)]


def test_half_before_a_multiplier_only():
    assert _nums("عاد نصف مليون نازح") == [("نصف مليون", 500000.0, False)]
    assert _nums("يمثل نصف السكان") == []
