"""Event words governed from a distance (team-written sentences)."""

from __future__ import annotations

import rasd


def _types(text: str) -> list[str]:
    return [e.type for e in rasd.extract(text, published="2015-05-05").events]


def test_an_event_announced_after_a_long_subject_is_the_announcements_object():
    text = "أعلن المتحدث باسم قوات الأمن في المحافظة العقيد سالم المهري أمس مقتل أربعة مسلحين في اشتباكات قرب عدن."
    assert _types(text) == ["ASSAULT"]
    text = "أعلن المتحدث باسم الشرطة العقيد سالم المهري مساء أمس القبض على 43 مشتبها بهم في الرياض."
    assert _types(text) == ["COERCE"]


def test_an_advance_achieved_in_a_fight_is_a_battle():
    assert _types("حققت القوات الكردية الأحد تقدما كبيرا في ريف الحسكة بعد معارك مع تنظيم داعش.") == ["ASSAULT"]


def test_a_planned_announcement_stays_no_event():
    assert "ASSAULT" not in _types("لم يعلن المتحدث باسم الجيش حتى الآن مقتل أي من الجنود.")
