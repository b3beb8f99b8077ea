"""Quotes and speakers: one team-written example per behaviour, exact spans and speakers."""

import pytest

from rasd.doc import Document
from rasd.recognize.entities import RecognizeEntities
from rasd.recognize.quotes import RecognizeQuotes
from rasd.text.stage import SplitSentences, Tokenize


def test_reported_speech_with_titled_speaker(rule_quotes):
    text = "وقال المتحدث باسم وزارة الصحة اليمنية سامر الحداد إن المستشفيات امتلأت بالجرحى."
    (q,) = rule_quotes(text)
    assert q.kind == "reported"
    assert q.text == "المستشفيات امتلأت بالجرحى"
    assert q.speaker.name == "سامر الحداد" and q.speaker.kind == "person"
    assert q.speaker.role == "المتحدث باسم وزارة الصحة اليمنية"
    assert q.cue.text == "قال" and text[q.cue.start - 1] == "و"


def test_document_speaker_and_later_reference(rule_quotes):
    text = ("وقال بيان حكومي صدر مساء الجمعة إن الهدنة ستبدأ فجر السبت في كل الجبهات.\n"
            "وأضاف البيان أن اللجان ستراقب تنفيذ الاتفاق ميدانيا.")
    q1, q2 = rule_quotes(text)
    assert q1.speaker.kind == "document" and q1.speaker.name == "بيان حكومي"
    assert q1.text == "الهدنة ستبدأ فجر السبت في كل الجبهات"
    assert q2.speaker.kind == "document" and q2.speaker.name == "بيان حكومي"
    assert q2.speaker.text == "البيان"


def test_verb_without_subject_continues_the_last_speaker(rule_quotes):
    text = ("وأكد وزير الداخلية الأردني مازن الفراية أن الحدود آمنة.\n"
            "وأضاف أن الدوريات تعمل على مدار الساعة.")
    q1, q2 = rule_quotes(text)
    assert q1.speaker.name == q2.speaker.name == "مازن الفراية"
    assert q2.text == "الدوريات تعمل على مدار الساعة"


def test_participle_adds_a_clause_for_the_same_speaker(rule_quotes):
    text = "وقال العقيد فارس الزين إن الطريق مغلق، مضيفا أن فرق الإنقاذ وصلت."
    q1, q2 = rule_quotes(text)
    assert q1.text == "الطريق مغلق"
    assert q2.text == "فرق الإنقاذ وصلت" and q2.cue.text == "مضيفا"
    assert q2.speaker.name == "فارس الزين"


def test_subject_before_the_verb(rule_quotes):
    text = "ويقول حفتر إن الهجوم سيستمر حتى النهاية."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "خليفة حفتر" and q.speaker.text == "حفتر"


def test_direct_quote_on_twitter_continued_in_next_paragraph(rule_quotes):
    text = ("وكتبت المبعوثة الأممية هالة النعيمي على تويتر «نأسف لأن الحوار تأجل مرة أخرى.\n"
            "«لكننا سنواصل العمل مع كل الأطراف حتى يعود السلام».")
    q1, q2 = rule_quotes(text)
    assert q1.kind == q2.kind == "direct"
    assert q1.text == "نأسف لأن الحوار تأجل مرة أخرى."
    assert q2.text == "لكننا سنواصل العمل مع كل الأطراف حتى يعود السلام"
    for q in (q1, q2):
        assert q.speaker.name == "هالة النعيمي"
        assert q.speaker.role == "المبعوثة الأممية"
        assert q.channel == "تويتر"


def test_direct_quote_after_colon(rule_quotes):
    text = "وقال الوزير سعيد المصري لإذاعة محلية: «لن نقبل أن تتكرر أحداث الصيف الماضي»."
    (q,) = rule_quotes(text)
    assert q.text == "لن نقبل أن تتكرر أحداث الصيف الماضي"
    assert q.speaker.name == "سعيد المصري"


def test_speaker_after_the_quote(rule_quotes):
    text = "«سنعيد بناء كل المدارس المدمرة قبل نهاية العام»، قال وزير التربية نادر العلي."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "نادر العلي"
    assert q.cue.text == "قال"


def test_quoted_statement_inside_reported_speech_is_one_direct_quote(rule_quotes):
    text = "وقال بيان رئاسي إن الرئيس أكد دعم «جهود إعادة الإعمار في كل المحافظات المتضررة»."
    (q,) = rule_quotes(text)
    assert q.kind == "direct"
    assert q.text == "جهود إعادة الإعمار في كل المحافظات المتضررة"
    assert q.speaker.name == "بيان رئاسي"


def test_term_in_quotes_is_not_a_quote(rule_quotes):
    text = "وتبنى تنظيم «داعش» الهجوم الذي وصفه الجيش بـ«الجبان»."
    assert rule_quotes(text) == []


def test_unnamed_source_with_its_body(rule_quotes):
    text = "وقال مصدر أمني في وزارة الدفاع إن ثلاثة جنود أصيبوا."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "مصدر أمني في وزارة الدفاع"  # the source with where it is (round 2)
    assert q.speaker.kind == "person"
    assert q.speaker.role == "وزارة الدفاع"


def test_organisation_speaker(rule_quotes):
    text = "وأعلنت وزارة الخارجية القطرية أن السفارة ستعيد فتح أبوابها."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "وزارة الخارجية القطرية" and q.speaker.kind == "organisation"


def test_time_clause_is_not_reported_content(rule_quotes):
    text = "وأعلنت الحكومة حالة الطوارئ بعد أن اجتاحت السيول المدينة."
    assert rule_quotes(text) == []


def test_opinion_noun_is_not_the_verb_saw(rule_quotes):
    text = "وكتب مقال رأي في الصحيفة أن الحرب طويلة."
    assert all(q.cue.text != "رأي" for q in rule_quotes(text) if q.cue)


def test_pointing_verb_takes_ila_anna(rule_quotes):
    text = "وأشار رئيس البلدية كريم الحسن إلى أن المياه عادت إلى الأحياء."
    (q,) = rule_quotes(text)
    assert q.text == "المياه عادت إلى الأحياء"
    assert q.speaker.name == "كريم الحسن"


@pytest.fixture(scope="module")
def seed_quotes(seed_path):
    doc = Document(text=seed_path.read_text(encoding="utf-8"))
    for st in (Tokenize(), SplitSentences(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    return doc.quotes


def test_seed_quotes_and_speakers(seed_quotes):
    by = {}
    for q in seed_quotes:
        by.setdefault(q.speaker.name if q.speaker else None, []).append(q)
    assert by["بسام راضي"][0].speaker.role == "المتحدث باسم الرئاسة المصرية"
    assert by["بسام راضي"][0].text.startswith("السيسي التقى بحفتر")
    statement = by["بيان رئاسي"]
    assert len(statement) == 2 and all(q.speaker.kind == "document" for q in statement)
    assert statement[0].text.startswith("لجهود مكافحة الإرهاب")
    assert statement[1].text.startswith("بإرساء قواعد الدولة المدنية")
    haftar = by["خليفة حفتر"]
    assert haftar[0].kind == "reported" and haftar[0].text.startswith("الهدف من تقدم قواته")
    salame = by["غسان سلامة"]
    assert len(salame) == 2 and all(q.kind == "direct" and q.channel == "تويتر" for q in salame)
    assert salame[0].text.startswith("كان اليوم يوم ملتقاكم")
    assert salame[1].text.startswith("لكن الرياح راحت")
    assert salame[0].speaker.role == "مبعوث الأمم المتحدة"


def test_participle_takes_the_subject_of_the_sentence(rule_quotes):
    text = "وأكد وزير النقل العراقي حسان الجبوري استمرار العمل في المطار، لافتا إلى أن الرحلات لم تتوقف."
    first, q = rule_quotes(text)
    assert first.text == "استمرار العمل في المطار"  # a noun phrase as content (test_quotes_nominal.py)
    assert q.text == "الرحلات لم تتوقف"
    assert q.speaker.name == "حسان الجبوري"


def test_topic_after_amma_speaks(rule_quotes):
    text = "أما رئيس نقابة الأطباء نادر الخطيب، وهو أحد المعتقلين، فقال: «لم نرتكب أي مخالفة طوال عملنا»."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "نادر الخطيب"


def test_however_anna_is_not_reported_speech(rule_quotes):
    text = "وأعلنت الحكومة خطة جديدة، إلا أن النقابات رفضتها."
    assert rule_quotes(text) == []


def test_headline_in_quotes_is_not_a_quote(rule_quotes):
    text = "ونشرت الصحيفة التقرير تحت عنوان «المدينة تنهض من تحت الركام ببطء»."
    assert rule_quotes(text) == []


def test_relative_clause_verb_is_not_a_cue(rule_quotes):
    text = "وأوقفت الشرطة ثلاثة شبان الذين يتوقع أن يمثلوا أمام القضاء."
    assert rule_quotes(text) == []


def test_ali_the_name_is_not_the_preposition(rule_quotes):
    text = "وأكد علي الراشد، الناطق باسم البلدية، أن المياه عادت."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "علي الراشد"
    assert q.speaker.role == "الناطق باسم البلدية"


def test_relayed_speech_names_the_quoted_source(rule_quotes):
    text = "ونقلت وكالة الأنباء الرسمية عن وزير الصحة نبيل الحمدي قوله إن اللقاحات وصلت."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "نبيل الحمدي"
    assert q.channel == "وكالة الأنباء الرسمية"


# --- speakers: the subject noun phrase, long roles, participles, documents (issue #3) ---------------------

def test_long_role_before_the_name_keeps_the_whole_role(rule_quotes):
    text = "وقال نائب رئيس هيئة الموانئ لشؤون السلامة البحرية والتفتيش سامر القاضي إن السفن عادت إلى الرصيف."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "سامر القاضي" and q.speaker.kind == "person"
    assert q.speaker.role.startswith("نائب رئيس هيئة الموانئ") and "لشؤون السلامة البحرية" in q.speaker.role


def test_role_over_a_preposition_leads_to_the_name(rule_quotes):
    text = "وأوضح المشرف العام على المعرض ماجد العتيبي أن عدد الزوار تجاوز عشرة آلاف."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "ماجد العتيبي"
    assert q.speaker.role == "المشرف العام على المعرض"


def test_a_name_in_the_occasion_is_not_the_speaker(rule_quotes):
    text = "وقال وزير الداخلية خلال جولته في مسجد الشيخ حمد بن عيسى إن الحراسة عززت حول دور العبادة."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "وزير الداخلية" and q.speaker.role == "وزير الداخلية"
    assert q.speaker.name != "حمد بن عيسى"


def test_a_time_phrase_ends_the_subject(rule_quotes):
    text = "وأعلن وزير الخارجية الكويتي عقب الاجتماع الذي ضمه بنظيره الإيطالي أن النقاش كان بناء."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "وزير الخارجية الكويتي"


@pytest.mark.parametrize(("text", "speaker"), [
    ("وقالت الفصائل في وقت سابق إن الطريق إلى المدينة مقطوع.", "الفصائل"),
    ("وأشارت وسائل الإعلام المحلية إلى أن الانتخابات تأجلت أسبوعين.", "وسائل الإعلام"),
    ("ويقول البعض إن الأسعار سترتفع مع بداية الشتاء.", "البعض"),
    ("وقالت المقاومة إنها استعادت السيطرة على التلال المطلة على البلدة.", "المقاومة"),
])
def test_the_noun_phrase_after_the_verb_is_the_speaker(text, speaker, rule_quotes):
    (q,) = rule_quotes("وقال المتحدث باسم الحكومة نادر سليم إن الوضع هادئ.\n" + text)[1:]
    assert q.speaker.text.startswith(speaker), q.speaker
    assert q.speaker.name != "نادر سليم"


def test_a_subject_before_the_verb(rule_quotes):
    text = ("وقال المتحدث باسم الحكومة نادر سليم إن الوضع هادئ.\n"
            "وكانت التقارير في وقت سابق تشير إلى أن المعبر أغلق أمام الشاحنات.")
    q1, q2 = rule_quotes(text)
    assert q2.speaker.text == "التقارير"


def test_news_that_says(rule_quotes):
    text = ("وقال المتحدث باسم الحكومة نادر سليم إن الوضع هادئ.\n"
            "وكانت هناك أنباء تقول إن المعبر سيفتح الأسبوع المقبل.")
    q1, q2 = rule_quotes(text)
    assert q2.speaker.text == "أنباء"


def test_pronoun_dropped_verb_and_object_after_it_inherit_the_speaker(rule_quotes):
    text = ("وقال وزير الصحة نبيل الحمدي إن اللقاحات وصلت إلى المستودعات.\n"
            "وتابع أن التوزيع يبدأ غدا في كل المحافظات.\n"
            "وأكد ضرورة أن يلتزم المواطنون بالمواعيد المحددة لهم.")
    qs = rule_quotes(text)
    assert len(qs) == 3
    assert all(q.speaker.name == "نبيل الحمدي" for q in qs), [q.speaker for q in qs]


def test_participle_takes_the_subject_of_its_sentence_not_an_earlier_speaker(rule_quotes):
    text = ("وقال المتحدث باسم الشرطة عادل منصور إن التحقيق بدأ صباح اليوم.\n"
            "وقال والد الضحية للصحفيين إن ابنه كان يعمل في المخبز منذ سنوات، مشيرا إلى أن العائلة تطالب بمحاسبة "
            "المسؤولين.")
    q1, q2, q3 = rule_quotes(text)
    assert q1.speaker.name == "عادل منصور"
    assert q2.speaker.text == "والد الضحية"
    assert q3.cue.text == "مشيرا" and q3.speaker.text == "والد الضحية"


def test_participle_after_a_verb_without_content_takes_its_subject(rule_quotes):
    text = ("وقال المتحدث باسم الشرطة عادل منصور إن التحقيق بدأ.\n"
            "ودعا المحتجون مجددا إلى الإفراج عن المعتقلين، مؤكدين أن الاعتصام سيستمر حتى تلبية مطالبهم.")
    q1, call, q2 = rule_quotes(text)  # (دعا إلى: the call is a quote too)
    assert call.cue.text == "دعا" and call.text == "الإفراج عن المعتقلين"
    assert q2.cue.text == "مؤكدين" and q2.speaker.text == "المحتجون"


def test_what_is_written_in_a_document(rule_quotes):
    text = "وجاء في حيثيات الحكم أن المتهمين خالفوا قانون البناء في أكثر من موقع."
    (q,) = rule_quotes(text)
    assert q.speaker.kind == "document" and q.speaker.name == "حيثيات الحكم"
    assert q.text == "المتهمين خالفوا قانون البناء في أكثر من موقع"


def test_came_without_a_document_is_not_a_quote(rule_quotes):
    text = "جاء ذلك خلال مؤتمر عقد في العاصمة أمس، بعد أن أعلنت الوزارة خطتها."
    assert rule_quotes(text) == []


def test_the_statement_and_its_object(rule_quotes):
    text = "وطالب البيان الحكومة «بالإسراع في صرف التعويضات لكل المتضررين من السيول»."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "البيان" and q.speaker.kind == "document"


def test_impersonal_it_is_mentioned_has_no_speaker(rule_quotes):
    text = ("وقال المتحدث باسم البلدية سامي عواد إن الطرق فتحت.\n"
            "يذكر أن المدينة شهدت سيولا مماثلة في الشتاء الماضي.")
    qs = rule_quotes(text)
    assert all(q.speaker is None or q.speaker.name != "سامي عواد" for q in qs if "السيول" in q.text or
               "سيولا" in q.text)
    assert not any("سيولا" in q.text and q.speaker is not None for q in qs)


def test_a_country_speaks():
    from rasd.geo.stage import RecognizePlaces

    text = "وقالت الولايات المتحدة إنها سترسل مساعدات إضافية إلى المناطق المنكوبة."
    doc = Document(text=text)
    for st in (Tokenize(), SplitSentences(), RecognizePlaces(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    (q,) = doc.quotes
    assert q.speaker.name == "الولايات المتحدة" and q.speaker.kind == "organisation"


def test_a_later_short_mention_gets_the_full_name_and_role(rule_quotes):
    text = ("قال رئيس الوزراء التركي أحمد داود أوغلو خلال زيارة لمدينة بورصة اليوم إن حكومته ستخفض الضرائب.\n"
            "وأضاف داود اوغلو أن القرار سيطبق مطلع العام.")
    q1, q2 = rule_quotes(text)
    assert q2.speaker.text == "داود اوغلو"
    assert q2.speaker.role == "رئيس الوزراء التركي" and q2.speaker.name == "أحمد داود أوغلو"


def test_a_first_name_alone_is_not_expanded_to_a_longer_name(rule_quotes):
    text = ("وقالت الطالبة مي سعيد إن الامتحانات كانت صعبة.\n"
            "وقالت مي للصحفيين إن زميلاتها شعرن بالقلق.")
    qs = rule_quotes(text)
    assert qs[-1].speaker.text == "مي"


def test_a_report_speaks_through_the_verb_after_it(rule_quotes):
    text = "وكان المجلس قد أصدر في الأسبوع الماضي فتوى أكدت أن الصيام واجب على المسافرين في هذه الحالة."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "فتوى" and q.speaker.kind == "document"


def test_but_he_said_takes_the_person_last_named(rule_quotes):
    text = ("وقال الوزير سعيد المصري إن الحوار مستمر.\n"
            "واعترف القيادي في الحركة كمال الراشد بتراجع قواته في الشمال، لكنه قال إن رجاله يستعدون للرد.")
    qs = rule_quotes(text)
    assert qs[-1].speaker.name == "كمال الراشد"


def test_the_outlet_spoken_to_is_not_the_speaker(rule_quotes):
    text = "وقال قائد ميداني لرويترز عبر الهاتف إن قواته تقدمت نحو الجسر."
    (q,) = rule_quotes(text)
    assert "رويترز" not in q.speaker.text


def test_a_clause_opened_by_but_has_its_own_speaker(rule_quotes):
    text = ("وتوقع مصدر في النادي أن يكون الخلاف ماليا، لكن المدرب شدد على أنه سيكشف الأسباب في مؤتمر صحفي.")
    qs = rule_quotes(text)
    assert qs[0].speaker.text == "مصدر في النادي" or qs[0].speaker.name.startswith("مصدر")
    assert qs[-1].cue.text == "شدد" and qs[-1].speaker.text == "المدرب"


def test_a_verb_joined_later_in_the_sentence_takes_the_sentence_subject(rule_quotes):
    text = ("وقال المتحدث باسم الشرطة عادل منصور إن التحقيق بدأ.\n"
            "ورفع نائب رئيس البعثة الطبية الدكتور فارس الزين التهنئة إلى الفريق، وقال: «لقد أنجزنا كل ما وعدنا "
            "به في هذه المهمة».")
    qs = rule_quotes(text)
    assert qs[-1].speaker.name == "فارس الزين"


def test_a_number_of_people_speak(rule_quotes):
    text = "ويقول عدد من الأهالي إن الطريق يحتاج إلى إنارة منذ سنوات."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "عدد من الأهالي"


def test_a_company_named_in_quotes(rule_quotes):
    text = "وقالت شركة «نور» الإماراتية إنها وقعت عقدا جديدا لتوسيع المصنع."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "شركة «نور» الإماراتية" and q.speaker.kind == "organisation"


def test_participle_after_a_verb_that_does_not_report(rule_quotes):
    text = ("وقال المتحدث باسم الشرطة عادل منصور إن التحقيق بدأ.\n"
            "واهتمت الصحف المحلية الصادرة اليوم بالقرض الجديد، مشيرة إلى أن قيمته تصل إلى مليار دولار.")
    q1, q2 = rule_quotes(text)
    assert q2.speaker.text == "الصحف المحلية"


def test_speaker_for_the_name_of_is_not_a_name(rule_quotes):
    text = "وقالت المتحدثة باسم نادي الأسير نادية سليم إن الأسرى بدأوا إضرابا عن الطعام."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "نادية سليم"


# --- second round: speech verbs and cues added, sources given after what they say, noun-phrase
# content, roles and bodies named again

def test_bayyana_opens_a_sentence_and_between_does_not_speak(rule_quotes):
    text = ("قال المتحدث باسم الشرطة خالد المطيري إن الحادث وقع ليلا. وبين أن فرق الإنقاذ وصلت بعد دقائق. "
            "واندلعت مواجهات بين الطرفين أن تتوقف الهدنة.")
    qs = rule_quotes(text)
    assert [q.text for q in qs] == ["الحادث وقع ليلا", "فرق الإنقاذ وصلت بعد دقائق"]
    assert qs[1].cue.text == "بين" and qs[1].speaker.name == "خالد المطيري"


def test_believe_is_a_speech_verb_but_impersonal_stays_out(rule_quotes):
    (q,) = rule_quotes("ويعتقد المدرب سامي الحربي أن فريقه قادر على المنافسة.")
    assert q.text == "فريقه قادر على المنافسة" and q.speaker.name == "سامي الحربي"
    assert rule_quotes("ويعتقد أن السفينة غرقت قبل قرن.") == []


def test_speech_noun_takes_the_titled_subject_before_it():
    from rasd.geo.stage import RecognizePlaces

    text = "وانتشرت الصور في كل مكان، وقد لخصت وزيرة خارجية فرنسا الموقف بقولها: إن الحل سياسي قبل كل شيء."
    doc = Document(text=text)
    for st in (Tokenize(), SplitSentences(), RecognizePlaces(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    (q,) = doc.quotes
    assert q.cue.text == "بقولها"
    assert q.speaker.text == "وزيرة خارجية فرنسا"


def test_a_role_named_again_is_the_person_given_it(rule_quotes):
    text = ("وقال مدير مركز الرصد البيئي سالم النعيمي إن التلوث تراجع. "
            "وأضاف مدير مركز الرصد أن القياسات ستنشر شهريا.")
    first, second = rule_quotes(text)
    assert second.speaker.text == "مدير مركز الرصد"
    assert second.speaker.name == "سالم النعيمي"


def test_a_body_named_again_by_its_head_word(rule_quotes):
    text = ("وأعلن حزب الخضر الألماني مشاركته في الحكومة. "
            "وقال الحزب في بيان إن الاتفاق يحمي الغابات.")
    qs = rule_quotes(text)
    q = qs[-1]
    assert q.text == "الاتفاق يحمي الغابات"
    assert q.speaker.text == "الحزب" and q.speaker.name.startswith("حزب الخضر")


def test_source_given_after_what_it_says(rule_quotes):
    text = "وقتل ثلاثة مدنيين في قصف على السوق المركزي، بحسب المرصد السوري لحقوق الإنسان."
    (q,) = rule_quotes(text)
    assert q.text == "وقتل ثلاثة مدنيين في قصف على السوق المركزي"
    assert q.cue.text == "بحسب" and q.speaker.text == "المرصد السوري لحقوق الإنسان"


def test_source_with_a_verb_after_according_to(rule_quotes):
    text = "وسيزور الوفد العاصمة الأسبوع المقبل، بحسب ما أعلن المتحدث باسم الوزارة فهد الزهراني."
    (q,) = rule_quotes(text)
    assert q.text.startswith("وسيزور الوفد العاصمة") and q.speaker.name == "فهد الزهراني"


def test_according_to_before_a_comma_and_the_content(rule_quotes):
    text = "ووفقا للمسؤول الأمني، فقد أغلقت الطرق المؤدية إلى الميناء منذ الصباح."
    (q,) = rule_quotes(text)
    assert q.text == "فقد أغلقت الطرق المؤدية إلى الميناء منذ الصباح"
    assert q.speaker.name == "المسؤول الأمني"  # without the ل of للمسؤول


def test_report_of_a_body_named_in_quotes(rule_quotes):
    text = "وتضاعفت أسعار القمح خلال عام واحد، طبقا لتقرير منظمة «غذاء بلا حدود»."
    (q,) = rule_quotes(text)
    assert q.speaker.kind == "document"
    assert q.speaker.name == "تقرير منظمة «غذاء بلا حدود»"


def test_noun_phrase_content_after_the_verb_or_its_preposition(rule_quotes):
    a, b = rule_quotes("وأكد وزير الزراعة ضرورة حماية المراعي من الرعي الجائر. "
                   "وأشار مصدر أمني إلى مقتل شخصين في الحريق.")
    assert a.text == "ضرورة حماية المراعي من الرعي الجائر" and a.speaker.text == "وزير الزراعة"
    assert b.text == "مقتل شخصين في الحريق" and b.speaker.text == "مصدر أمني"


def test_noun_phrase_content_ends_at_its_comma_and_negation_states_nothing(rule_quotes):
    (q,) = rule_quotes("وأكد النائب عادل الشمري دعم الحكومة، ووصفه بأنه واجب وطني.")[:1]
    assert q.text == "دعم الحكومة"
    assert rule_quotes("ولم تكشف الشركة نوع الطائرة التي ستشتريها.") == []


def test_noun_inside_the_subject_is_not_the_content(rule_quotes):
    text = "وأكد قائد عملية تحرير المدينة، أن القوات تقدمت نحو المطار."
    (q,) = rule_quotes(text)
    assert q.text == "القوات تقدمت نحو المطار"


def test_the_paper_spoken_to_before_the_speaker(rule_quotes):
    text = "وأكد لـ«الصحيفة» العميد ناصر القحطاني قائد اللواء الثالث، أن الوضع تحت السيطرة."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "ناصر القحطاني"


def test_role_after_the_name_and_a_bare_role_later(rule_quotes):
    text = ("يرى ماجد السبيعي مدرب فريق الشباب أن الدوري سيكون صعبا. "
            "وقال المدرب البالغ من العمر 45 عاما إن اللاعبين جاهزون.")
    first, second = rule_quotes(text)
    assert first.speaker.name == "ماجد السبيعي" and first.speaker.role == "مدرب فريق الشباب"
    assert second.speaker.text == "المدرب" and second.speaker.name == "ماجد السبيعي"


def test_role_after_a_comma_is_kept_whole(rule_quotes):
    text = "أكد الدكتور سعيد الغامدي، الأمين العام لجمعية الأطباء أن الحملة نجحت."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "سعيد الغامدي"
    assert q.speaker.role == "الأمين العام لجمعية الأطباء"


def test_a_person_before_an_unnamed_source_phrase(rule_quotes):
    text = "لكن الشيخ حمد العتيبي، أحد وجهاء القبيلة قال إن الصلح قريب."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "حمد العتيبي"


def test_semicolons_written_as_commas_inside_the_subject(rule_quotes):
    text = "وقال سامي العنزي؛ المتحدث باسم شركة النقل؛ إن الرحلات ستعود غدا. وأشار العنزي؛ إلى أن التذاكر متاحة."
    first, second = rule_quotes(text)
    assert first.text == "الرحلات ستعود غدا" and first.speaker.name == "سامي العنزي"
    assert second.text == "التذاكر متاحة" and second.speaker.name == "سامي العنزي"


def test_participle_with_the_paper_spoken_to(rule_quotes):
    text = "وأعلن المتحدث باسم الوزارة عادل الحربي عودة الموظفين، موضحا لـ«الصحيفة» أن المكاتب فتحت أبوابها."
    qs = rule_quotes(text)
    assert qs[-1].text == "المكاتب فتحت أبوابها" and qs[-1].speaker.name == "عادل الحربي"


def test_unnamed_source_keeps_its_affiliation(rule_quotes):
    (q,) = rule_quotes("وقال مصدر في الدفاع المدني لرويترز إن الحريق أخمد.")
    assert q.speaker.text == "مصدر في الدفاع المدني"


def test_according_to_what_a_body_announced(rule_quotes):
    text = "وسيفتتح الجسر الجديد نهاية العام، وفقا لما أعلنته وزارة النقل."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "وزارة النقل" and q.text.startswith("وسيفتتح الجسر")


def test_according_to_before_a_verb_that_reports_itself(rule_quotes):
    text = "وحسب وكالة الأنباء المحلية، قال المتحدث باسم الشركة سالم الدوسري إن المصنع توقف."
    (q,) = rule_quotes(text)
    assert q.text == "المصنع توقف" and q.speaker.name == "سالم الدوسري"


def test_quoting_from_a_named_source(rule_quotes):
    text = "وقال نقلا عن دائرة الصحة إن عشرة مرضى غادروا المستشفى."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "دائرة الصحة"


def test_subject_named_with_a_verb_that_has_no_content(rule_quotes):
    text = "كشف هذا لـ«الصحيفة» الدكتور خالد الشهري مدير المستشفى، وقال: الأقسام جاهزة لاستقبال المرضى."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "خالد الشهري"


def test_outlet_spoken_to_is_skipped_whole(rule_quotes):
    text = "وكانت مصادر طبية ذكرت لوكالة الأنباء الفرنسية، أن ستة جرحى نقلوا إلى المستشفى."
    (q,) = rule_quotes(text)
    assert q.text == "ستة جرحى نقلوا إلى المستشفى"
    assert q.speaker.text == "مصادر طبية"


def test_noun_with_pronoun_on_lam_is_the_one_spoken_to(rule_quotes):
    text = "وقالت المعلمة إن الدروس ستعود الأسبوع المقبل. وقالت لطالباتها إن الامتحان سيؤجل شهرا كاملا."
    q1, q2 = rule_quotes(text)
    assert q2.text == "الامتحان سيؤجل شهرا كاملا"
    assert q2.speaker.text == "المعلمة"


def test_spokesman_of_a_body_keeps_the_body(rule_quotes):
    (q,) = rule_quotes("وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ انتشلت خمس جثث.")
    assert q.speaker.text == "المتحدث باسم الدفاع المدني"


def test_source_asking_not_to_be_named(rule_quotes):
    text = "وذكر مسؤول في الميناء طالبا عدم كشف اسمه، أن السفن توقفت عن الرسو منذ أسبوعين."
    (q,) = rule_quotes(text)
    assert q.text == "السفن توقفت عن الرسو منذ أسبوعين"
    assert q.speaker.text == "مسؤول في الميناء" and q.cue.text == "ذكر"


def test_honorific_pronoun_is_the_person_named_before(rule_quotes):
    text = "استقبل وزير العدل الدكتور سالم بن فهد الحربي وفدا من القضاة. وشدد معاليه على أن العدالة أساس الحكم."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "سالم بن فهد الحربي"


def test_results_of_a_study_speak_as_a_document(rule_quotes):
    (q,) = rule_quotes("كشفت نتائج دراسة أمريكية أن النوم المبكر يحسن الذاكرة كثيرا.")
    assert q.speaker.kind == "document" and q.speaker.text == "نتائج دراسة أمريكية"


def test_long_role_with_a_body_on_ba_before_the_titled_name(rule_quotes):
    text = "وأوضح عميد شؤون الطلاب بالجامعة الدكتور ماجد السهلي، أن التسجيل يبدأ يوم الأحد المقبل."
    (q,) = rule_quotes(text)
    assert q.speaker.name == "ماجد السهلي"
    assert q.speaker.role.startswith("عميد شؤون الطلاب بالجامعة")


@pytest.mark.parametrize("text,name", [
    ("وأكد رئيس بلدية محايل سعد آل فايز أن أعمال الصيانة ستنتهي قريبا.", "سعد آل فايز"),
    ("وأوضح مساعد المدير للشؤون الفنية والتشغيل المهندس ماجد بن سعد الحمدان أن المشروع سيكتمل قبل الصيف.",
     "ماجد بن سعد الحمدان"),
])
def test_name_after_a_role_and_a_place_in_the_whole_pipeline(text, name):
    import rasd

    (q,) = rasd.extract(text).quotes
    assert q.speaker.name == name


def test_body_whose_name_goes_on_with_lam_speaks_whole():
    import rasd

    (q,) = rasd.extract("وقالت الجمعية الوطنية لحقوق الطفل في تقرير إن آلاف الأطفال تركوا المدارس.").quotes
    assert q.speaker.text == "الجمعية الوطنية لحقوق الطفل"


def test_short_role_of_a_spokesman_named_before(rule_quotes):
    text = ("وقال المتحدث الرسمي باسم وزارة الصحة سامي العلي إن المستشفيات جاهزة. "
            "وذكر المتحدث باسم الوزارة أن عدد المصابين ارتفع إلى عشرين.")
    q1, q2 = rule_quotes(text)
    assert q2.speaker.text == "المتحدث باسم الوزارة" and q2.speaker.name == "سامي العلي"


def test_participle_after_a_call_goes_with_the_role_that_opens_the_sentence(rule_quotes):
    text = ("وقال المتحدث الرسمي باسم وزارة الصحة سامي العلي إن المستشفيات جاهزة. "
            "وفي سياق متصل، ناشد المتحدث باسم الوزارة الممرضين المتقاعدين التوجه إلى مستشفى المدينة الجامعي، "
            "مبينا أن الضغط على الطواقم كبير.")
    q1, q2 = rule_quotes(text)  # (the cue may be ناشد, now a speech verb, or مبينا: the speaker is the same)
    assert q2.cue.text in ("مبينا", "ناشد") and q2.speaker.name == "سامي العلي"


def test_spokesman_of_a_body_ends_before_the_object(rule_quotes):
    text = "وحث المتحدث باسم الدفاع المدني السكان الابتعاد عن الشواطئ، مؤكدا أن الأمواج مرتفعة جدا اليوم."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "المتحدث باسم الدفاع المدني"


def test_straight_mark_closed_by_a_guillemet(rule_quotes):
    text = ('وثمة رأي يقول إن "الخطة لن تنجح في موعدها». ورأى الباحث ماهر الزين أن «التمويل كاف للمرحلة الأولى»، '
            'وقال: "المشكلة في التنفيذ لا في التخطيط».')
    qs = rule_quotes(text)
    assert [q.text for q in qs][-2:] == ["التمويل كاف للمرحلة الأولى", "المشكلة في التنفيذ لا في التخطيط"]
    assert qs[-1].speaker.name == "ماهر الزين"


@pytest.mark.parametrize("text,speaker,content", [
    ("وتحدثت مصادر محلية عن انفجار سيارة مفخخة قرب السوق.", "مصادر محلية", "انفجار سيارة مفخخة قرب السوق"),
    ("وأعرب المبعوث عن أمله في أن يعود الهدوء سريعا.", "المبعوث", "أمله في أن يعود الهدوء سريعا"),
])
def test_speaking_of_and_expressing_take_a_noun_phrase(text, speaker, content, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.speaker.text == speaker and q.text == content


def test_foreign_first_name_on_a_preposition_letter(rule_quotes):
    (q,) = rule_quotes("وقال وزير الطاقة الإيراني بيجن رستمي في تصريحات للتلفزيون إن الصادرات سترتفع.")
    assert q.speaker.name == "بيجن رستمي" and q.speaker.role == "وزير الطاقة الإيراني"


@pytest.mark.parametrize("text,speaker", [
    ("وقال الوزير بهذا الخصوص إن الخطة جاهزة للتنفيذ.", "الوزير"),
    ("وقال وزير الخارجية بدوره إن الخطة جاهزة للتنفيذ.", "وزير الخارجية"),
])
def test_adverb_after_a_role_ends_the_speaker(text, speaker, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.speaker.text == speaker


def test_the_source_refers_back_to_its_full_description(rule_quotes):
    text = ("وقال مصدر أمني في شرطة المدينة إن الطرق أغلقت بالكامل. وأضاف المصدر أن الدوريات انتشرت. "
            "وقال المصدر إن التحقيق بدأ فورا.")
    q1, q2, q3 = rule_quotes(text)
    assert q2.speaker.text == "المصدر" and q2.speaker.name == "مصدر أمني في شرطة المدينة"
    assert q3.speaker.name == "مصدر أمني في شرطة المدينة"


def test_according_to_a_verb_with_its_object_pronoun(rule_quotes):
    (q,) = rule_quotes("«الحركة عادت إلى طبيعتها في الشوارع»، بحسب ما قاله مدير المرور.")
    assert q.speaker.text == "مدير المرور"


def test_titled_name_cut_short_by_the_tagger_keeps_the_rules_name():
    import rasd

    (q,) = rasd.extract("وقال المتحدث باسم الشرطة محمد علي إن الوضع هادئ في المدينة.").quotes
    assert q.speaker.name == "محمد علي"


def test_interview_answers_are_the_interviewee_s(rule_quotes):
    text = ("التقت الصحيفة وزير الزراعة سالم الحربي وأجرت معه الحوار التالي:\n"
            "* كيف ترون موسم الحصاد هذا العام؟\n"
            "- الموسم جيد جدا والإنتاج ارتفع بنسبة كبيرة مقارنة بالعام الماضي.\n"
            "* وماذا عن الأسعار في الأسواق؟\n"
            "- الأسعار مستقرة ولن ترتفع في الأشهر المقبلة.")
    q1, q2 = rule_quotes(text)
    assert q1.text == "الموسم جيد جدا والإنتاج ارتفع بنسبة كبيرة مقارنة بالعام الماضي"
    assert q2.text == "الأسعار مستقرة ولن ترتفع في الأشهر المقبلة"
    assert q1.speaker.name == q2.speaker.name == "سالم الحربي" and q1.channel == "مقابلة"


def test_rhetorical_questions_of_an_essay_are_not_an_interview(rule_quotes):
    text = ("قال الكاتب سالم الحربي إن الأزمة طويلة.\nفهل يمكن أن نصبر أكثر من ذلك؟\n"
            "الصبر له حدود والناس تعبت من الانتظار الطويل.\nومن المسؤول عن هذا كله؟\n"
            "المسؤولية مشتركة بين الجميع منذ سنوات.")
    assert [q.text for q in rule_quotes(text)] == ["الأزمة طويلة"]


@pytest.mark.parametrize("after", ["، هكذا قال مدير المدرسة", "، على حد قول مدير المدرسة", " قالها مدير المدرسة"])
def test_speaker_named_after_the_quote(after, rule_quotes):
    (q,) = rule_quotes("«سنعيد بناء الفصول قبل بداية العام الدراسي»" + after + " أمس.")
    assert q.speaker.text == "مدير المدرسة"


def test_named_speaker_before_a_relative_clause_with_the_verb(rule_quotes):
    (q,) = rule_quotes("وتعرض المدرب لانتقادات من الوزير السابق خالد العتيبي الذي قال إن الفريق يلعب بلا روح.")
    assert q.speaker.name == "خالد العتيبي" and q.text == "الفريق يلعب بلا روح"


def test_relative_clause_of_a_plain_noun_is_not_speech(rule_quotes):
    assert rule_quotes("ويعيش في المدينة آلاف الأشخاص الذين يتوقع أن يغادروا قريبا.") == []


def test_time_adverb_after_the_title_is_not_a_name(rule_quotes):
    (q,) = rule_quotes("ورأى الفريق آنذاك أن هذه المخالفات جاءت لإخفاء البيانات.")
    assert q.speaker.text == "الفريق"


@pytest.mark.parametrize("text,speaker", [
    ("وتبنى حزب العمال الكردستاني أمس الهجوم على الثكنة، مؤكدا أنه قتل ثمانية جنود.", "حزب العمال الكردستاني"),
    ("وأوضح مقرر اللجنة، النائب سامر العلي، في تصريح، أنه تم التصويت على الميزانية.", "سامر العلي"),
])
def test_tagger_spans_corrected_by_the_rules_in_the_whole_pipeline(text, speaker):
    import rasd

    q = rasd.extract(text).quotes[-1]
    assert q.speaker.text == speaker


def test_plural_participle_goes_with_the_plural_subject_of_its_sentence(rule_quotes):
    text = ("وقال البيان إن الاجتماع كان مثمرا. وناقش الوزراء خطة العمل بالتفصيل، "
            "مؤكدين أن الاتفاق الشامل من مصلحة الجميع.")
    q1, q2 = rule_quotes(text)
    assert q2.cue.text == "مؤكدين" and q2.speaker.text == "الوزراء"
