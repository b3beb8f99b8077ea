"""Who speaks (session 6 classes): the name that closes a long role, the body a paragraph is about for a
verb with no subject, gender agreement of that verb, plain plural people, an entity cut at the
complementiser, a broadcaster named in quotes.  Team-written sentences, one per behaviour."""

import rasd


def test_name_closing_a_long_role_before_the_paper(rule_quotes):
    text = ("وقال المتحدث الإعلامي للجنة الانتخابات بمحافظة الطائف وعضو اللجنة التنظيمية للدورة الجديدة "
            "خالد العتيبي لـ«الوطن» إن التسجيل يبدأ الأسبوع المقبل.")
    (q,) = rule_quotes(text)
    assert q.speaker.name == "خالد العتيبي" and q.speaker.role.startswith("المتحدث الإعلامي")


def test_feminine_verb_goes_to_the_body_of_its_paragraph(rule_quotes):
    text = ("وأعرب وزير الخارجية خالد الحمادي عن تعازيه لأسر الضحايا في الحادث.\n"
            "وفي عمان أدانت الحكومة الأردنية بشدة الهجوم على السوق. وقالت: \"إن هذا العمل الجبان "
            "لن يمر دون حساب\".")
    qs = rule_quotes(text)
    q = next(q for q in qs if "العمل الجبان" in q.text)
    assert q.speaker.text == "الحكومة الأردنية"


def test_no_speaker_yet_the_subject_of_the_opening_sentence(rule_quotes):
    text = ("طالبت الأخصائية النفسية منى الحربي بتوفير دعم نفسي لأسر المصابين في الحادث.\n"
            "وأضافت أن الأطفال يحتاجون إلى متابعة يومية في المدارس.")
    qs = rule_quotes(text)
    q = next(q for q in qs if "الأطفال" in q.text)
    assert q.speaker.name == "منى الحربي"


def test_plain_plural_people_speak_together(rule_quotes):
    text = ("وقال الطبيب سامي الزهراني إن المستشفى استقبل المصابين.\n"
            "وأكد مواطنون وأصحاب محلات أن الحريق بدأ قرابة منتصف الليل، مشيرين إلى أن فرق الإطفاء "
            "وصلت بعد نصف ساعة.")
    qs = rule_quotes(text)
    for q in qs:
        if "الحريق" in q.text or "فرق الإطفاء" in q.text:
            assert q.speaker.text == "مواطنون وأصحاب محلات", q


def test_body_name_ends_before_the_complementiser(rule_quotes):
    text = "وقالت نتفليكس إن سارة ومها كتبتا القصة معا خلال العام الماضي."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "نتفليكس"


def test_broadcaster_named_in_quotes(rule_quotes):
    text = 'وذكرت تلفزة "الأفق" المحلية أن الطريق أعيد فتحه صباح اليوم.'
    (q,) = rule_quotes(text)
    assert q.speaker.text.startswith('تلفزة "الأفق"')


def test_feminine_verb_skips_the_man_who_spoke_last(rule_quotes):
    text = ("أكد مدير الدفاع المدني سالم القحطاني أن الحريق أخمد.\n"
            "وقالت وزيرة الصحة منى العلي إن المستشفيات جاهزة. وقال مدير المستشفى سامي الخالد إن الأسرة كافية. "
            "وأضافت أن الأدوية وصلت أمس.")
    qs = rule_quotes(text)
    q = next(q for q in qs if "الأدوية" in q.text)
    assert q.speaker.name == "منى العلي"


def test_definite_object_after_a_definite_source(rule_quotes):
    text = "وكشف المصدر الأمني النقاب عن أن الخلية ضمت أربعة أشخاص."
    (q,) = rule_quotes(text)
    assert "النقاب" not in q.speaker.text


def test_name_in_quotation_marks(rule_quotes):
    text = ('وقالت "ماري جين تومسون" من كلية الطب بجامعة أوسلو: إن النتائج مشجعة.\n'
            "وأضافت: إن الدراسة ستستمر عامين.")
    qs = rule_quotes(text)
    assert [q.speaker.name for q in qs] == ["ماري جين تومسون", "ماري جين تومسون"]


def test_plural_participle_goes_to_the_plural_subject(rule_quotes):
    text = ("انتقد محللون سياسيون تصريحات خالد المنصوري نائب رئيس الحزب، مؤكدين أنها تضر بالحوار، "
            "وقالوا إن الحزب يتحمل المسؤولية.")
    qs = rule_quotes(text)
    assert qs and all(q.speaker.text.startswith("محللون") for q in qs), [q.speaker for q in qs]


def test_foreign_name_after_a_long_role(rule_quotes):
    text = "وذكرت سفيرة بريطانيا لدى الامم المتحدة كارين بيرس ان المشروع يحظى بتأييد واسع."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "كارين بيرس"


def test_singular_verb_after_a_group_goes_to_the_person(rule_quotes):
    text = ("وسخر ناشطون من خطاب القائد حسن العامري. واعتبر بعض الناشطين أن الخطاب ضعيف. "
            'وكان العامري قد قال إن "النصر قريب جدا".')
    qs = rule_quotes(text)
    q = next(q for q in qs if "النصر" in q.text)
    assert q.speaker.name.endswith("العامري")


def test_speaker_name_in_plain_letters_when_the_text_uses_presentation_forms():
    text = "وقال الوزير ﺳﺎﻣﻲ ﺣﺪﺍﺩ إن الحكومة ستدعم المزارعين."
    [q] = rasd.extract(text).quotes
    assert q.speaker.text == "ﺳﺎﻣﻲ ﺣﺪﺍﺩ" == text[q.speaker.start:q.speaker.end]  # the span keeps the text
    assert q.speaker.name == "سامي حداد"
