"""Political and diplomatic events (team-written sentences; rasd/events/political.py).

- a joint press conference (قال في مؤتمر صحافي مشترك مع نظيره) is a meeting;
- a meeting noun held by عقد / أجرى far from the verb (عقد الملك في قصره اليوم جلسة مباحثات) is the event;
- a speech act with its subject's pronoun after بعد (هدد الجيش بالرد بعد اتهامه ...) happened too;
- the first person of a statement (ندين، نرفض) is a condemnation or a rejection.
Negation, the future (سـ، المرتقبة، الأسبوع المقبل، ستزور ... لإجراء محادثات), conditionals, obligations
(علينا أن ندين) and present-tense stances stay non-events.
"""

from __future__ import annotations

import rasd

PUB = "2024-03-10"


def _types(text: str) -> list[str]:
    return [e.type for e in rasd.extract(text, published=PUB).events]


def test_a_joint_press_conference_is_a_meeting():
    doc = rasd.extract("وقال وزير الخارجية أمس في مؤتمر صحافي مشترك مع نظيره الأردني في عمان إن الحل سياسي.",
                       published=PUB)
    ev = next(e for e in doc.events if e.type == "CONSULT")
    assert ev.date == "2024-03-09"
    assert "CONSULT" in _types("وأكد الوزير خلال مؤتمر صحفي مع نظيره التونسي أمس أن البلدين متفقان.")


def test_a_press_conference_to_come_or_alone_is_no_meeting():
    assert "CONSULT" not in _types("وسيقول الوزير في مؤتمر صحافي مشترك مع نظيره الأسبوع المقبل إن الحل سياسي.")
    assert "CONSULT" not in _types("وقال الوزير أمس في مؤتمر صحافي إن الحل سياسي.")


def test_a_meeting_held_far_from_its_verb():
    doc = rasd.extract("عقد الرئيس في قصره بالعاصمة، صباح اليوم، جلسة مباحثات رسمية مع رئيس وزراء ماليزيا.",
                       published=PUB)
    assert any(e.type == "CONSULT" and e.date == "2024-03-10" for e in doc.events)


def test_a_meeting_not_held_is_no_event():
    assert "CONSULT" not in _types("لم يعقد الرئيس في قصره بالعاصمة، صباح اليوم، جلسة مباحثات مع رئيس وزراء ماليزيا.")
    assert "CONSULT" not in _types("وسيعقد الرئيس في قصره بالعاصمة، غدا، جلسة مباحثات مع رئيس وزراء ماليزيا.")


def test_a_speech_act_before_the_main_event():
    types = _types("هدد الجيش اليوم بالرد على جارته الشمالية، بعد اتهامه لها بزرع ألغام قرب الحدود.")
    assert "THREATEN" in types and "ACCUSE" in types


def test_an_accusation_by_others_before_is_not_the_subjects():
    types = _types("هدد الجيش اليوم بالرد على جارته الشمالية، بعد الاتهامات التي وجهت إليه بزرع ألغام.")
    assert "THREATEN" in types and "ACCUSE" not in types


def test_a_statement_in_the_first_person():
    assert "ACCUSE" in _types("وقال المتحدث باسم الخارجية أمس: ندين بشدة هذا الاعتداء على المدنيين.")
    assert "REJECT" in _types("وأضاف الوزير أمس: نرفض التدخل في شؤوننا الداخلية.")


def test_a_first_person_statement_not_made():
    assert "ACCUSE" not in _types("وقال رئيس الوزراء أمس: علينا أن ندين كل تدخل في شؤون المنطقة.")
    assert "ACCUSE" not in _types("وقال المتحدث أمس: لن ندين أحدا قبل انتهاء التحقيق.")
    assert "ACCUSE" not in _types("وقال المتحدث أمس: إذا ثبت ذلك فإننا ندين الهجوم.")


def test_a_visit_to_come_is_no_meeting():
    assert "CONSULT" not in _types("وأكد مصدر أن زيارة الوزير المرتقبة إلى موسكو ستتناول ملف التعاون.")
    assert "CONSULT" not in _types("يزور وزير الخارجية طهران الأسبوع المقبل، ويلتقي الرئيس.")
    assert "CONSULT" not in _types("وستزور الوزيرة الرياض الاثنين المقبل لإجراء محادثات مع المسؤولين.")
    assert "CONSULT" not in _types("وستلتقي الوزيرة الاثنين عددا من المسؤولين، لبحث العلاقات الثنائية.")


def test_talks_held_for_a_purpose_still_happened():
    assert "CONSULT" in _types("التقى الوزير أمس نظيره الفرنسي في باريس، لبحث العلاقات الثنائية.")


def test_a_present_stance_is_no_event():
    assert "SUPPORT" not in _types("ويدعم أبناء الطائفة الحكومة في الحرب المستمرة.")
    assert "SUPPORT" in _types("أعلنت الحكومة أمس دعمها الكامل للمبادرة الأممية.")


def test_a_recall_next_to_a_trend_is_still_a_recall():
    types = _types("قالت الحكومة اليوم إنها استدعت سفيرها لدى الجارة للتشاور في أعقاب تصريحات عدائية متكررة.")
    assert "SANCTION" in types


def test_a_meeting_with_the_pronoun_during_a_statement():
    doc = rasd.extract("وشدد الرئيس خلال لقائه اليوم في العاصمة المبعوث الأممي على ضرورة تطبيق القرار.", published=PUB)
    assert any(e.type == "CONSULT" and e.date == "2024-03-10" for e in doc.events)
    assert "CONSULT" not in _types("وسيشدد الرئيس خلال لقائه المرتقب مع المبعوث على ضرورة تطبيق القرار.")


def test_reviewing_with_someone_is_a_meeting():
    assert "CONSULT" in _types("استعرض وزير الخارجية أمس مع نظيره الكويتي العلاقات الثنائية بين البلدين.")
    assert "CONSULT" in _types("وناقش الأمين العام أمس مع وفد المعارضة سبل إنهاء الأزمة.")


def test_reviewing_alone_is_no_meeting():
    assert "CONSULT" not in _types("استعرض أمير المنطقة أمس المشاريع التنموية في المحافظة.")
    assert "CONSULT" not in _types("لم يناقش الوزير مع نظيره ملف الحدود أمس.")


def test_aid_told_as_the_cargo_of_an_arrival():
    doc = rasd.extract("هبطت اليوم بمطار عدن طائرة عسكرية تابعة لدولة الكويت تحمل مساعدات إنسانية للشعب اليمني.",
                       published=PUB)
    assert any(e.type == "AID" and e.date == "2024-03-10" for e in doc.events)
    assert "AID" not in _types("وستهبط غدا بمطار عدن طائرة عسكرية تحمل مساعدات إنسانية للشعب اليمني.")


def test_will_not_accept_is_a_rejection():
    assert "REJECT" in _types("وقال الوزير أمس إن بلاده لن تقبل أي محاولة لفرض عقوبات جديدة عليها.")
    assert "REJECT" not in _types("وقال الوزير أمس إن بلاده تقبل الحوار مع جميع الأطراف.")


def test_a_conviction_after_is_no_condemnation():
    types = _types("قضت المحكمة اليوم بسجن الوزير الأسبق خمس سنوات، بعد إدانته بالفساد.")
    assert "ACCUSE" not in types


def test_a_standing_condemnation_is_no_event():
    assert "ACCUSE" not in _types("ويدين الحزبان، اللذان يقودان الائتلاف الحاكم، باستمرار عنف الجماعات المتطرفة.")
