"""Statements placed where their speaker is (not in the country they talk about), and an official's arrival
on a visit read as the visit, at its destination. Sentences written by the rasd team."""

from __future__ import annotations

import rasd

PUB = "2015-08-10"


def _events(text: str) -> list[tuple[str, str | None]]:
    doc = rasd.extract(text, published=PUB)
    return [(e.type, e.location.country_code if e.location else None) for e in doc.events]


def test_an_accusation_told_by_its_pronoun_is_the_subjects():
    got = _events("هدد الجيش الإيراني، اليوم الاثنين، بالرد على إسرائيل بعد اتهامه تل أبيب بزرع ألغام.")
    assert ("THREATEN", "IR") in got
    assert ("ACCUSE", "IR") in got  # made by the Iranian army, not in Israel
    assert ("ACCUSE", "IL") not in got


def test_a_statement_noun_without_pronoun_keeps_its_place():
    got = _events("أدانت مصر الهجوم الذي استهدف مسجدا في الكويت أمس.")
    assert ("ACCUSE", "EG") in got


def test_an_officials_arrival_on_a_visit_is_a_visit_at_the_destination():
    assert ("CONSULT", "IQ") in _events("وصل وزير الخارجية الأردني إلى بغداد اليوم الاثنين في زيارة رسمية تستغرق يومين.")
    assert ("CONSULT", "IR") in _events("وصل الرئيس التركي إلى طهران، أمس، في زيارة تستغرق يومين.")
    assert ("CONSULT", "JO") in _events("وصل وفد حكومي فرنسي إلى عمان أمس في زيارة للأردن.")


def test_an_arrival_of_others_or_without_a_visit_is_no_meeting():
    assert "CONSULT" not in [t for t, _ in _events("وصل مئات اللاجئين إلى الحدود التركية أمس في زيارة.")]
    assert "CONSULT" not in [t for t, _ in _events("وصلت قافلة مساعدات إلى مدينة تعز أمس.")]
    assert "CONSULT" not in [t for t, _ in _events("وصل وزير الخارجية الأردني إلى بغداد اليوم الاثنين.")]


def test_a_visit_to_come_after_an_arrival_is_not_reported_as_made():
    doc = rasd.extract("وصل الوزير إلى القاهرة أمس، وتستمر زيارته المرتقبة إلى الخرطوم الأسبوع المقبل.", published=PUB)
    assert not any(e.type == "CONSULT" and e.location and e.location.country_code == "SD" for e in doc.events)


def test_a_long_visitor_name_before_the_destination():
    got = _events("وصل الأمير فيصل بن خالد بن سلمان آل سعود أمير منطقة حائل اليوم إلى الكويت في زيارة قصيرة.")
    assert ("CONSULT", "KW") in got
    assert ("CONSULT", "SA") not in got


def test_an_envoys_title_is_not_where_the_visit_went():
    doc = rasd.extract("أكد المبعوث الأممي إلى ليبيا في زيارة قصيرة لمدينة تونس أمس أن الحوار مستمر.", published=PUB)
    assert not any(e.location is not None and e.location.text == "ليبيا" and e.type == "CONSULT" for e in doc.events)


def test_a_recalled_ambassador_is_the_recalling_states_act():
    assert ("SANCTION", "BH") in _events("استدعت البحرين سفيرها لدى إيران للتشاور، احتجاجا على تصريحات المسؤولين الإيرانيين.")
    assert ("SANCTION", "SA") in _events("سحبت السعودية سفيرها من طهران أمس.")
    assert ("SANCTION", "KW") in _events("استدعت وزارة الخارجية الكويتية السفير العراقي لديها وسلمته مذكرة احتجاج.")


def test_a_threat_by_a_state_force_outside_the_arab_world_is_placed_in_its_country():
    got = _events("هدد الجيش الكوري الجنوبي اليوم بالرد على أي استفزاز من جانب بيونغيانغ.")
    assert ("THREATEN", "KR") in got and ("THREATEN", "KP") not in got
