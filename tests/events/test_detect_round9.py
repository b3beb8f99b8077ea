"""Statements whose type lies in what was said, and firing told with a split verb (team-written sentences).

- a stance told only as the predicate of what a speaker said (أكد الوزير أن التدخلات ... مرفوضة، قال إن القرار
  غير مقبول) is a rejection; the same word outside reported speech (هذه التصرفات مرفوضة) is none;
- a denial told as what a speaker said of reports (أكد أن الأنباء عن ... غير صحيحة، قالت السفارة إن التقارير
  التي أفادت بـ ... عارية عن الصحة) is a rejection; without a word for reports it is none;
- first persons of a demand (نطالب، ندعو) are requests;
- a stance verb whose subject is the speaker's own side (أكد أن بلاده تدعم ...) is a statement, not a habit;
- غير أن ("however") negates nothing, while من غير أن ("without") still does;
- a trend word in a relative clause on a verb's object (نفت الأخبار التي انتشرت في الأيام الأخيرة) does
  not make the verb generic;
- آية الله is a title, not أية "any" (no hypothetical);
- fire opened with any person of the verb or with words between the verb and النار is an attack;
- a present verb after a noun with a possessive pronoun (بلاده تتهم) is its predicate, not a relative clause;
- عبر opening a clause with عن right before a statement noun is "expressed" (عبر الرئيس عن تضامن بلاده);
- astonishment or disapproval expressed (أعرب عن استغرابه، أبدى استهجانه) is a disapproval.
"""

from __future__ import annotations

import rasd

PUB = "2024-03-10"


def _events(text: str):
    return rasd.extract(text, published=PUB).events


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


def test_a_rejection_told_as_what_was_said():
    evs = _events("أكد وزير الداخلية الأردني أمس أن التدخلات الأجنبية في شؤون بلاده مرفوضة جملة وتفصيلا.")
    assert [e.type for e in evs] == ["REJECT"]
    assert evs[0].location is not None and evs[0].location.country_code == "JO"
    assert "REJECT" in _types("ونقلت الإذاعة عن قائد الجيش قوله إن قرار البرلمان الأخير غير مقبول.")
    assert "REJECT" in _types("وقال المتحدث: هذا البيان يمثل تدخلا مرفوضا في شؤوننا الداخلية.")


def test_the_same_words_outside_reported_speech_are_no_event():
    assert "REJECT" not in _types("هذه التصرفات مرفوضة في كل المجتمعات.")
    assert "REJECT" not in _types("وتبقى الأسعار الحالية غير مقبولة لدى كثير من المستهلكين.")


def test_a_denial_of_reports_told_as_what_was_said():
    assert "REJECT" in _types("وأكد المتحدث باسم الوزارة أمس أن الأنباء عن إغلاق السفارة عارية عن الصحة.")
    assert "REJECT" in _types(
        "قالت السفارة الهولندية أمس إن التقارير التي أفادت باحتجاز اثنين من موظفيها غير صحيحة.")
    assert "REJECT" in _types(
        "وأكد السفير في تصريحات نشرت أمس أن الأخبار التي تحدثت عن وساطة بين البلدين في قضية الصيادين، غير صحيحة.")


def test_incorrect_without_a_report_is_no_denial():
    assert "REJECT" not in _types("وقال الطبيب أمس إن تناول الدواء بهذه الطريقة غير صحيح.")


def test_first_person_demands_are_requests():
    assert "REQUEST" in _types("وقال رئيس البعثة في بيان أمس: نطالب السلطات بالسماح للأسر بزيارة المحتجزين.")
    assert "REQUEST" in _types("وأضافت المتحدثة: «ندعو الحكومة إلى وقف الغارات على القرى فورا».")
    assert "REQUEST" not in _types("ونحن نشد على أيدي رجال الأمن وندعو لهم بالتوفيق والسداد.")


def test_the_speakers_own_stance_is_a_statement():
    assert "SUPPORT" in _types("أعلن رئيس الوزراء الياباني أن بلاده تدعم جهود الوساطة في السودان.")
    assert "SUPPORT" not in _types("قال الباحث إن الدولة المجاورة تدعم المتمردين بالسلاح.")


def test_however_negates_nothing_but_without_does():
    assert "REJECT" in _types("غير أن الحكومة الكينية رفضت العرض أمس.")
    evs = rasd.extract("وقالت الشركة إنها تعد عقدا جديدا من غير أن تعلن الوزارة موقفها منه.", published=PUB).events
    assert not any(e.type in ("AGREE", "SANCTION") for e in evs)


def test_a_trend_on_the_object_does_not_make_the_verb_generic():
    assert "REJECT" in _types(
        "نفت الحكومة التونسية أمس الأخبار التي انتشرت في الأيام الأخيرة عن أزمة في علاقاتها مع الجزائر.")
    assert "ACCUSE" not in _types("وتدين الحركتان، اللتان تشكلان القوتين الكبريين، باستمرار أعمال العنف.")


def test_ayatollah_is_a_title_not_any():
    evs = _events("وجه المرجع آية الله محمد الحكيم انتقادا إلى الحكومة العراقية الثلاثاء.")
    assert [e.type for e in evs] == ["ACCUSE"]


def test_fire_opened_with_any_form_of_the_verb():
    assert "ASSAULT" in _types("وأفادت مصادر أمنية أن مجموعة مسلحة فتحت النار على دورية للشرطة أمس في الحي.")
    assert "ASSAULT" in _types("فتحت مجموعة مسلحين النار على حاجز للجيش فجر اليوم شرقي المدينة.")
    assert "ASSAULT" in _types("وبعد دقائق أطلق الرجل نفسه النار على دورية للشرطة في الحي.")
    assert "ASSAULT" not in _types("وأعلن الطرفان أمس وقف إطلاق النار في المدينة.")


def test_the_speakers_side_accusing_is_no_relative_clause():
    evs = _events("وقال الوزير الفنلندي أمس إن بلاده تتهم الجماعة بتهريب السلاح.")
    assert "ACCUSE" in [e.type for e in evs]
    assert "ACCUSE" not in _types("وتشارك في العملية مقاتلون محليون تدعمهم الضربات الجوية.")


def test_expressed_opening_a_clause_carries_its_statement_noun():
    assert "SUPPORT" in _types("عبر الرئيس البرتغالي أمس عن تضامن بلاده مع اليونان.")
    assert "REJECT" in _types("وعبرت الحكومة الكندية أمس عن رفضها للقرار.")
    assert _types("وعبر المهاجرون الحدود عن طريق البحر أمس.") == []


def test_astonishment_expressed_is_a_disapproval():
    assert "ACCUSE" in _types("وعبر الوزير أمس عن استغرابه من تصريحات نظيره الفنزويلي.")
    assert "ACCUSE" in _types("وأبدى السفير أمس استهجانه للتصريحات الأخيرة.")
    assert "ACCUSE" not in _types("ولا غرابة في ذلك الاستغراب لدى الجمهور.")


def test_ghayr_before_another_word_negates_only_that_word():
    """وعدد غير معروف من الجرحى، جهات غير معلومة تدعو: غير negates the adjective after it, not the event."""
    text = "وذكر مسعف أن المواجهات في البلدة خلفت 12 قتيلا وعددا غير معروف من الجرحى بين المدنيين أمس."
    assert "ASSAULT" in _types(text)
    assert "REQUEST" in _types("وقالت الوزارة إن جهات غير معلومة تدعو إلى إغلاق الطرق في العاصمة.")
    assert "REJECT" in _types("وقال الوزير إن هذا التدخل غير مقبول.")
