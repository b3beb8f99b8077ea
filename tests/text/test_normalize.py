import pytest

from rasd.text.normalize import (
    normalize,
    normalize_alef,
    normalize_digits,
    normalize_hamza,
    normalize_ta_marbuta,
    normalize_word,
    normalize_ya,
    strip_diacritics,
)


def test_single_foldings():
    assert normalize_alef("أحمد إبراهيم آمنة ٱلله") == "احمد ابراهيم امنة الله"
    assert normalize_ya("مصطفى على") == "مصطفي علي"
    assert normalize_ta_marbuta("مدينة القاهرة") == "مدينه القاهره"
    assert normalize_hamza("مؤتمر رئيس") == "مءتمر رءيس"
    assert normalize_digits("٢٠١٩ و۱۳") == "2019 و13"
    assert strip_diacritics("قُتِلَ ـــ") == "قتل "


@pytest.mark.parametrize(("a", "b"), [
    ("مسؤول", "مسئول"),
    ("الشؤون الخارجية", "الشئون الخارجية"),
    ("المسؤولية", "المسئولية"),
    ("أبناؤهم", "أبنائهم"),
    ("أبناءهم", "أبنائهم"),
    ("يتساءل", "يتسائل"),
    ("جاؤوا", "جاءوا"),
    ("ﻣﺴﺌﻮﻝ", "مسؤول"),  # presentation forms fold like the letters
])
def test_hamza_seat_spellings_meet(a, b):
    assert normalize(a).norm == normalize(b).norm == normalize_word(a) == normalize_word(b)


@pytest.mark.parametrize(("a", "b"), [
    ("فئة", "فيه"),      # a group / in it
    ("هادئ", "هادي"),    # calm / a name
    ("زائد", "زايد"),    # plus / a name
    ("فئات", "فيات"),    # groups / a car maker
    ("يؤدي", "يودي"),
])
def test_hamza_seat_words_stay_apart_from_plain_letters(a, b):
    assert normalize_word(a) != normalize_word(b)


def test_hamza_seats_keep_offsets():
    text = "قالَ المسئولُ عن الشؤونِ"
    nt = normalize(text)
    i = nt.norm.index("المسءول")
    s, e = nt.to_original(i, i + len("المسءول"))
    assert text[s:e] == "المسئول"
    i = nt.norm.index("الشءون")
    s, e = nt.to_original(i, i + len("الشءون"))
    assert text[s:e] == "الشؤون"


def test_normalize_word_full_form():
    assert normalize_word("الأُمَمُ المتّحدة") == "الامم المتحده"
    assert normalize_word("«قال»؟") == '"قال"?'


@pytest.mark.parametrize("text", [
    "قُتِلَ ١٢١ شخصاً في طرابلـــس، أمس.",
    "بسم \u200fالله\u200e",
    "no arabic ÄÖ",
    "",
])
def test_offsets_map_back_to_original(text):
    nt = normalize(text)
    assert len(nt.norm) <= len(text)
    for i in range(len(nt.norm)):
        s, e = nt.to_original(i, i + 1)
        assert e == s + 1
        assert normalize_word(text[s]) == nt.norm[i]


def test_span_mapping_covers_dropped_marks():
    text = "وصلَ إلى طَرابُلُس اليوم"
    nt = normalize(text)
    i = nt.norm.index("طرابلس")
    s, e = nt.to_original(i, i + len("طرابلس"))
    assert text[s:e] == "طَرابُلُس"


def test_identity_map_when_nothing_dropped():
    nt = normalize("قال الوزير")
    assert nt.orig_index is None
    assert nt.to_original(2, 5) == (2, 5)
