"""A regional body's own statement told with no place is made at its seat (events/seats.yaml), not in
the country it talks about; its member states (دول مجلس التعاون) are not the body speaking
(team-written sentences)."""

from __future__ import annotations

import rasd
from rasd.events.arguments import seat_of

PUB = "2024-03-10"


def _countries(text: str, kind: str) -> list[str | None]:
    return [e.location and e.location.country_code for e in rasd.extract(text, published=PUB).events
            if e.type == kind]


def test_seat_of_names_with_and_without_a_prefix():
    assert seat_of("جامعة الدول العربية") == "EG"
    assert seat_of("للجامعة العربية") == "EG"  # ل + الجامعة
    assert seat_of("الأمين العام لجامعة الدول العربية") == "EG"
    assert seat_of("منظمة التعاون الإسلامي") == "SA"
    assert seat_of("لمجلس التعاون الخليجي") == "SA"
    assert seat_of("الحكومة العراقية") is None


def test_a_league_condemnation_of_a_strike_abroad_is_made_in_cairo():
    text = "أدانت جامعة الدول العربية يوم الاثنين الغارات الجوية على قرى في شمال العراق."
    assert _countries(text, "ACCUSE") == ["EG"]


def test_a_body_named_after_its_secretariat_is_the_speaker():
    text = "استنكرت الأمانة العامة لمنظمة التعاون الإسلامي أمس مقالا نشره كاتب أوروبي يسيء للمسلمين."
    assert _countries(text, "ACCUSE") == ["SA"]


def test_a_welcome_by_the_gulf_council_is_made_at_its_seat():
    text = "رحب مجلس التعاون الخليجي بوقف إطلاق النار في اليمن الذي بدأ منتصف الليل."
    assert _countries(text, "SUPPORT") == ["SA"]


def test_a_statement_of_a_state_is_not_moved():
    text = "أدانت الحكومة الأردنية الغارات الجوية على قرى في شمال العراق."
    assert "EG" not in _countries(text, "ACCUSE") and "SA" not in _countries(text, "ACCUSE")


def test_a_body_receiving_a_guest_meets_at_its_seat():
    text = "استقبل الأمين العام لرابطة العالم الإسلامي صباح الأحد وزير الشؤون الدينية الإندونيسي."
    assert _countries(text, "CONSULT") == ["SA"]


def test_the_member_states_of_the_gulf_council_are_not_the_body():
    text = "رحب رئيس الوزراء الماليزي بمبعوث دول مجلس التعاون الخليجي إلى كوالالمبور."
    assert "SA" not in _countries(text, "SUPPORT")
