"""Events told in a frame of another sentence (team-written sentences, sprint 7).

- a meeting told as the time of a statement with its partner (قال بعد اجتماع مع نظيره ...) took place;
- a visit told as the manner of an arrival (وصل ... في زيارة رسمية إلى ...) took place;
- أردى "struck dead" is a killing in a sentence about armed violence;
- casualties caused by a strike named with its agent (أصيب 30 جراء قصف قوات النظام) tell that strike.
"""

from __future__ import annotations

import rasd

PUB = "2024-03-10"


def _types(text: str) -> list[str]:
    return [e.type for e in rasd.extract(text, published=PUB).events]


def test_meeting_before_a_statement_took_place():
    assert "CONSULT" in _types("صرح وزير الخارجية النمساوي أمس بعد اجتماع مطول مع نظيره البرازيلي أن البلدين "
                               "يتفقان على أهمية التجارة.")
    assert "CONSULT" in _types("أعلن رئيس الحكومة عقب المباحثات المشتركة مع الوفد الياباني أمس عن مشروع جديد.")


def test_meeting_without_partner_or_in_future_is_no_event():
    assert "CONSULT" not in _types("قال المتحدث إن القرار سيصدر بعد اجتماع الحكومة الأسبوع المقبل.")


def test_visit_as_manner_of_arrival():
    doc = rasd.extract("وصل رئيس وزراء كندا أمس الأحد إلى عمان في زيارة رسمية للأردن تستمر يومين.", published=PUB)
    assert "CONSULT" in [e.type for e in doc.events]
    assert "CONSULT" in _types("حل وزير الدفاع البريطاني أمس بالعراق في زيارة مفاجئة إلى بغداد.")


def test_ardaa_is_a_killing_in_armed_sentences():
    assert "ASSAULT" in _types("وذكر ضابط ميداني أن دورية للجيش أردت خمسة متسللين قتلى فجر الأحد قرب بلدة القريتين.")
    assert "ASSAULT" not in _types("إذا أردت أن تنجح في الدراسة فعليك بالمثابرة.")


def test_casualties_caused_by_a_named_strike():
    doc = rasd.extract("أشادت المنظمة أمس بجهود الأطباء بعد علاج 40 جريحا أصيبوا جراء قصف قوات النظام على "
                       "مدينة حلب.", published=PUB)
    assert "ASSAULT" in [e.type for e in doc.events]
