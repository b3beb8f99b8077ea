"""Quotes and speakers: one team-written example per behaviour, exact spans and speakers."""

import pytest

from rasd.doc import Document
from rasd.recognize.entities import RecognizeEntities
from rasd.recognize.quotes import RecognizeQuotes
from rasd.text.stage import SplitSentences, Tokenize


def _quotes(text: str):
    doc = Document(text=text)
    for st in (Tokenize(), SplitSentences(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text, q
        if q.speaker:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text, q.speaker
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text, q.cue
    return doc.quotes


def test_reported_speech_with_titled_speaker():
    text = "وقال المتحدث باسم وزارة الصحة اليمنية سامر الحداد إن المستشفيات امتلأت بالجرحى."
    (q,) = _quotes(text)
    assert q.kind == "reported"
    assert q.text == "المستشفيات امتلأت بالجرحى"
    assert q.speaker.name == "سامر الحداد" and q.speaker.kind == "person"
    assert q.speaker.role == "المتحدث باسم وزارة الصحة اليمنية"
    assert q.cue.text == "قال" and text[q.cue.start - 1] == "و"


def test_document_speaker_and_later_reference():
    text = ("وقال بيان حكومي صدر مساء الجمعة إن الهدنة ستبدأ فجر السبت في كل الجبهات.\n"
            "وأضاف البيان أن اللجان ستراقب تنفيذ الاتفاق ميدانيا.")
    q1, q2 = _quotes(text)
    assert q1.speaker.kind == "document" and q1.speaker.name == "بيان حكومي"
    assert q1.text == "الهدنة ستبدأ فجر السبت في كل الجبهات"
    assert q2.speaker.kind == "document" and q2.speaker.name == "بيان حكومي"
    assert q2.speaker.text == "البيان"


def test_verb_without_subject_continues_the_last_speaker():
    text = ("وأكد وزير الداخلية الأردني مازن الفراية أن الحدود آمنة.\n"
            "وأضاف أن الدوريات تعمل على مدار الساعة.")
    q1, q2 = _quotes(text)
    assert q1.speaker.name == q2.speaker.name == "مازن الفراية"
    assert q2.text == "الدوريات تعمل على مدار الساعة"


def test_participle_adds_a_clause_for_the_same_speaker():
    text = "وقال العقيد فارس الزين إن الطريق مغلق، مضيفا أن فرق الإنقاذ وصلت."
    q1, q2 = _quotes(text)
    assert q1.text == "الطريق مغلق"
    assert q2.text == "فرق الإنقاذ وصلت" and q2.cue.text == "مضيفا"
    assert q2.speaker.name == "فارس الزين"


def test_subject_before_the_verb():
    text = "ويقول حفتر إن الهجوم سيستمر حتى النهاية."
    (q,) = _quotes(text)
    assert q.speaker.name == "خليفة حفتر" and q.speaker.text == "حفتر"


def test_direct_quote_on_twitter_continued_in_next_paragraph():
    text = ("وكتبت المبعوثة الأممية هالة النعيمي على تويتر «نأسف لأن الحوار تأجل مرة أخرى.\n"
            "«لكننا سنواصل العمل مع كل الأطراف حتى يعود السلام».")
    q1, q2 = _quotes(text)
    assert q1.kind == q2.kind == "direct"
    assert q1.text == "نأسف لأن الحوار تأجل مرة أخرى."
    assert q2.text == "لكننا سنواصل العمل مع كل الأطراف حتى يعود السلام"
    for q in (q1, q2):
        assert q.speaker.name == "هالة النعيمي"
        assert q.speaker.role == "المبعوثة الأممية"
        assert q.channel == "تويتر"


def test_direct_quote_after_colon():
    text = "وقال الوزير سعيد المصري لوكالة الأنباء: «لن نسمح بتكرار ما حدث في الشمال»."
    (q,) = _quotes(text)
    assert q.text == "لن نسمح بتكرار ما حدث في الشمال"
    assert q.speaker.name == "سعيد المصري"


def test_speaker_after_the_quote():
    text = "«سنعيد بناء كل المدارس المدمرة قبل نهاية العام»، قال وزير التربية نادر العلي."
    (q,) = _quotes(text)
    assert q.speaker.name == "نادر العلي"
    assert q.cue.text == "قال"


def test_quoted_statement_inside_reported_speech_is_one_direct_quote():
    text = "وقال بيان رئاسي إن الرئيس أكد دعم «جهود إعادة الإعمار في كل المحافظات المتضررة»."
    (q,) = _quotes(text)
    assert q.kind == "direct"
    assert q.text == "جهود إعادة الإعمار في كل المحافظات المتضررة"
    assert q.speaker.name == "بيان رئاسي"


def test_term_in_quotes_is_not_a_quote():
    text = "وتبنى تنظيم «داعش» الهجوم الذي وصفه الجيش بـ«الجبان»."
    assert _quotes(text) == []


def test_unnamed_source_with_its_body():
    text = "وقال مصدر أمني في وزارة الدفاع إن ثلاثة جنود أصيبوا."
    (q,) = _quotes(text)
    assert q.speaker.name == "مصدر أمني"
    assert q.speaker.kind == "person"


def test_organisation_speaker():
    text = "وأعلنت وزارة الخارجية القطرية أن السفارة ستعيد فتح أبوابها."
    (q,) = _quotes(text)
    assert q.speaker.name == "وزارة الخارجية القطرية" and q.speaker.kind == "organisation"


def test_time_clause_is_not_reported_content():
    text = "وأعلنت الحكومة حالة الطوارئ بعد أن اجتاحت السيول المدينة."
    assert _quotes(text) == []


def test_opinion_noun_is_not_the_verb_saw():
    text = "وكتب مقال رأي في الصحيفة أن الحرب طويلة."
    assert all(q.cue.text != "رأي" for q in _quotes(text) if q.cue)


def test_pointing_verb_takes_ila_anna():
    text = "وأشار رئيس البلدية كريم الحسن إلى أن المياه عادت إلى الأحياء."
    (q,) = _quotes(text)
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


def test_participle_takes_the_subject_of_the_sentence():
    text = "وأكد وزير النقل العراقي حسان الجبوري استمرار العمل في المطار، لافتا إلى أن الرحلات لم تتوقف."
    (q,) = _quotes(text)
    assert q.text == "الرحلات لم تتوقف"
    assert q.speaker.name == "حسان الجبوري"


def test_topic_after_amma_speaks():
    text = "أما رئيس نقابة الأطباء نادر الخطيب، وهو أحد المعتقلين، فقال: «لم نرتكب أي مخالفة طوال عملنا»."
    (q,) = _quotes(text)
    assert q.speaker.name == "نادر الخطيب"


def test_however_anna_is_not_reported_speech():
    text = "وأعلنت الحكومة خطة جديدة، إلا أن النقابات رفضتها."
    assert _quotes(text) == []


def test_headline_in_quotes_is_not_a_quote():
    text = "ونشرت الصحيفة التقرير تحت عنوان «المدينة تنهض من تحت الركام ببطء»."
    assert _quotes(text) == []


def test_relative_clause_verb_is_not_a_cue():
    text = "وأوقفت الشرطة ثلاثة شبان الذين يتوقع أن يمثلوا أمام القضاء."
    assert _quotes(text) == []


def test_ali_the_name_is_not_the_preposition():
    text = "وأكد علي الراشد، الناطق باسم البلدية، أن المياه عادت."
    (q,) = _quotes(text)
    assert q.speaker.name == "علي الراشد"
    assert q.speaker.role == "الناطق باسم البلدية"


def test_relayed_speech_names_the_quoted_source():
    text = "ونقلت وكالة الأنباء الرسمية عن وزير الصحة نبيل الحمدي قوله إن اللقاحات وصلت."
    (q,) = _quotes(text)
    assert q.speaker.name == "نبيل الحمدي"
    assert q.channel == "وكالة الأنباء الرسمية"
