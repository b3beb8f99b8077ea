"""An event word is not read out of a town's name that begins with a clitic letter (team sentences)."""

from __future__ import annotations

import rasd


def _types(text: str) -> list[str]:
    return [e.type for e in rasd.extract(text, published="2015-05-05").events]


def test_a_town_whose_name_holds_an_event_word_after_a_clitic_letter_is_no_event():
    # بعقوبة is a town, not ب + عقوبة (a sanction)
    assert "SANCTION" not in _types("وصلت تعزيزات عسكرية إلى بعقوبة شمال شرق بغداد أمس.")
    assert _types("قتل خمسة أشخاص في هجوم انتحاري في بعقوبة أمس.") == ["ASSAULT"]


def test_the_same_word_outside_a_place_name_stays_an_event():
    assert "SANCTION" in _types("فرضت الولايات المتحدة عقوبات جديدة على شركات إيرانية أمس.")
    # a clitic letter before an event word that is no place's name: still the event
    assert "ASSAULT" in _types("وبقصف مدفعي عنيف استهدفت القوات الحكومية أمس مواقع المسلحين في ريف حماة.")
