"""Quotes, round 7: reported-speech constructions (team-written examples, one per behaviour)."""


def test_mark_after_a_colon_opens_a_quote(rule_quotes):
    # the first straight mark is never closed; the one after the colon opens the next quotation
    text = ('قال وزير الدفاع سامي الخطيب إن القوات "ساعدت الجيش على التقدم في المدن. '
            'وأوضح الخطيب: "نريد أن نحافظ على وتيرة العمليات".')
    qs = rule_quotes(text)
    last = qs[-1]
    assert last.kind == "direct" and last.text == "نريد أن نحافظ على وتيرة العمليات"
    assert last.speaker.name == "سامي الخطيب"


def test_according_to_what_a_verb_reports(rule_quotes):
    text = ("وواصلت زوارق الإنقاذ تمشيط الشاطئ حتى المساء، وذلك بحسب ما أوضح متحدث باسم "
            "خفر السواحل، مشيرا إلى أن البحث سيستمر حتى الغد.")
    q1, q2 = rule_quotes(text)
    assert q1.text.startswith("وواصلت زوارق") and q1.speaker.name == "متحدث باسم خفر السواحل"
    assert q2.text == "البحث سيستمر حتى الغد" and q2.speaker.name == "متحدث باسم خفر السواحل"


def test_relay_with_a_pronoun_quotes_the_one_named_before(rule_quotes):
    text = ("وزار رئيس الوزراء سامي النجار المدينة أمس. "
            "ونقلت وكالة الأنباء الرسمية عنه قوله إن الأوضاع تتحسن.")
    (q,) = rule_quotes(text)
    assert q.text == "الأوضاع تتحسن"
    assert q.speaker.name == "سامي النجار" and q.channel == "وكالة الأنباء الرسمية"


def test_according_aside_inside_a_statement(rule_quotes):
    text = "وقال وزير الخارجية مراد الشامي، بحسب ما نقلت عنه وكالة الأنباء، إن الطائرات بدأت الوصول."
    (q,) = rule_quotes(text)
    assert q.text == "الطائرات بدأت الوصول"
    assert q.speaker.name == "مراد الشامي" and q.channel == "وكالة الأنباء"


def test_lead_before_a_quotation_is_quoted_too(rule_quotes):
    text = "وأكد السفير ماجد العتيبي أن الحدود خط أحمر «ولن نسمح لأحد بتجاوزها»."
    lead, direct = rule_quotes(text)
    assert lead.kind == "reported" and lead.text == "الحدود خط أحمر"
    assert direct.kind == "direct" and direct.text == "ولن نسمح لأحد بتجاوزها"
    assert lead.speaker.name == direct.speaker.name == "ماجد العتيبي"


def test_participle_after_an_aside(rule_quotes):
    text = ("وقال وزير الإعلام كريم الحسن إن الحوار سيستأنف قريبا، مشددا في الوقت ذاته على أن "
            "الحكومة لن تقبل الشروط المسبقة.")
    q1, q2 = rule_quotes(text)
    assert q2.text == "الحكومة لن تقبل الشروط المسبقة" and q2.speaker.name == "كريم الحسن"
    assert q2.cue.text == "مشددا"


def test_noun_phrase_content_after_an_aside_between_commas(rule_quotes):
    text = "وأكد وزير الداخلية فهد السالم، أيضا، على تمسك الحكومة بالحوار."
    (q,) = rule_quotes(text)
    assert q.text == "تمسك الحكومة بالحوار" and q.speaker.name == "فهد السالم"


def test_call_after_a_pronoun_subject_is_not_said_by_its_object(rule_quotes):
    text = ("وألقى الرئيس جمال الدباغ خطابا أمس دافع فيه عن الاتفاق، "
            "لكنه دعا الحكومات المجاورة إلى احترام الحدود.")
    qs = rule_quotes(text)
    q = next(q for q in qs if q.text.startswith("احترام"))
    assert q.speaker.name == "جمال الدباغ"


def test_warning_addressed_to_a_plural_object(rule_quotes):
    text = "وأشاد الرئيس جمال الدباغ بالجيش أمس، كما حذر المشرعين من أن رفض الاتفاق يهدد الأمن."
    qs = rule_quotes(text)
    q = next(q for q in qs if q.text.startswith("رفض"))
    assert q.speaker.name == "جمال الدباغ"


def test_complaint_verb_opens_reported_speech(rule_quotes):
    text = "وشكا رئيس الغرفة التجارية نبيل الصافي من أن الموانئ تعمل ببطء شديد."
    (q,) = rule_quotes(text)
    assert q.text == "الموانئ تعمل ببطء شديد" and q.speaker.name == "نبيل الصافي"


def test_surname_in_in_is_one_person(rule_quotes):
    text = ("وقال وزير الخارجية رياض ياسين إن المحادثات تتقدم ببطء بسبب الحوثيين وصالح.\n"
            "وأضاف أن الحل السياسي ما زال ممكنا.")
    _, q = rule_quotes(text)
    assert q.speaker.name == "رياض ياسين"


def test_sources_go_on_with_a_feminine_verb(rule_quotes):
    text = ("وقالت مصادر محلية إن الحوثيين قصفوا المدينة وقتل علي صالح أحد المقاتلين. "
            "وأشارت إلى أن القصف استمر ساعات.")
    _, q = rule_quotes(text)
    assert q.speaker.name == "مصادر محلية"


def test_quotation_after_the_verbs_preposition(rule_quotes):
    text = 'وأعربت وزارة الخارجية في بيان لها عن "قلقها البالغ من تدهور الأوضاع الإنسانية في المدينة".'
    (q,) = rule_quotes(text)
    assert q.kind == "direct" and q.text == "قلقها البالغ من تدهور الأوضاع الإنسانية في المدينة"
    assert q.speaker.name == "وزارة الخارجية"


def test_term_in_quotes_after_the_preposition_opens_the_content(rule_quotes):
    text = "وكشفت مصادر محلية عن «تمرد» داخل صفوف الحرس بعد رفضه الأوامر."
    (q,) = rule_quotes(text)
    assert q.text.startswith("«تمرد» داخل صفوف الحرس") and q.speaker.name == "مصادر محلية"


def test_plural_verb_has_no_subject_after_it(rule_quotes):
    text = "وتظاهر مئات الطلاب في ساحة الجامعة أمس، ودعوا الحكومة إلى إصلاح نظام المنح."
    (q,) = rule_quotes(text)
    assert q.text == "إصلاح نظام المنح" and q.speaker.name == "مئات الطلاب"


def test_plural_pronoun_subject_is_the_group_named_first(rule_quotes):
    text = "واجتمع الوزراء العرب في القاهرة أمس، لكنهم قالوا إن الخلافات ما زالت قائمة."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "الوزراء العرب"


def test_relay_names_the_one_quoted_after_an_aside_with_a_pronoun(rule_quotes):
    text = ("ونقلت مصادر صحافية عن وزير الخارجية ماهر الكبير، الذي يزور البلاد في زيارة لم يعلن عنها، قوله إن "
            "المحادثات كانت مثمرة.")
    (q,) = rule_quotes(text)
    assert q.speaker.name == "ماهر الكبير"


def test_participle_subject_is_not_inside_a_prepositional_phrase(rule_quotes):
    text = "وتحفظت الحكومة على موقف جامعة الدول العربية من القصف، مؤكدة دعمها الكامل لتركيا."
    (q,) = rule_quotes(text)
    assert q.text == "دعمها الكامل لتركيا" and q.speaker.text == "الحكومة"


def test_stressed_noun_after_ala_across_an_apposition(rule_quotes):
    text = "وأكد السفير ماجد العتيبي، المندوب الدائم لدى الجامعة، على متانة العلاقات بين البلدين."
    (q,) = rule_quotes(text)
    assert q.text == "متانة العلاقات بين البلدين" and q.speaker.name == "ماجد العتيبي"


def test_ala_of_place_is_not_content(rule_quotes):
    text = "وأكد السفير ماجد العتيبي على هامش المؤتمر أن الحوار مستمر."
    (q,) = rule_quotes(text)
    assert q.text == "الحوار مستمر"


def test_ali_of_a_name_is_not_the_preposition(rule_quotes):
    text = "أوضح العميد علي الزبيدي قائد قوات الشرطة، أن استعادة البلدة لن تتطلب دعما خارجيا."
    (q,) = rule_quotes(text)
    assert q.text == "استعادة البلدة لن تتطلب دعما خارجيا"
