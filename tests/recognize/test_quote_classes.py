"""Quote classes the reader had missed: titles abbreviated with a point, verbal-noun content, subjects on a
clitic, bodies after a preposition.  Team-written sentences, exact spans and speakers."""

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
    return doc.quotes


def test_abbreviated_title_does_not_end_the_subject():
    text = "وقالت وكيلة الوزارة د. سارة المالكي إن البرنامج سيستمر حتى نهاية العام."
    (q,) = _quotes(text)
    assert q.text == "البرنامج سيستمر حتى نهاية العام"
    assert q.speaker.text == "سارة المالكي" and q.speaker.kind == "person"
    assert q.speaker.role == "وكيلة الوزارة"


def test_abbreviation_alone_before_the_name():
    text = "وأوضح م. خالد السالم أن المشروع اكتمل في موعده."
    (q,) = _quotes(text)
    assert q.text == "المشروع اكتمل في موعده"
    assert q.speaker.text == "خالد السالم"


def test_era_mark_after_a_year_still_ends_the_sentence():
    text = "وقال الوزير إن العمل بدأ في عام 2010 م. وأضاف أن المشروع اكتمل."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["العمل بدأ في عام 2010 م", "المشروع اكتمل"]


def test_verbal_noun_of_war_news_opens_content():
    text = "وأكد الناشط الميداني اختطاف عشرات المدنيين من القرية."
    (q,) = _quotes(text)
    assert q.text == "اختطاف عشرات المدنيين من القرية"
    assert q.speaker.text == "الناشط الميداني"


def test_announced_resumption():
    text = "وأعلنت قيادة الجبهة الشمالية استئناف العمليات العسكرية في المنطقة."
    (q,) = _quotes(text)
    assert q.text.startswith("استئناف العمليات")
    assert q.speaker.text == "قيادة الجبهة الشمالية"


def test_verbal_noun_after_a_relative_is_no_quote():
    assert _quotes("ومن المؤشرات التي تؤكد مواصلة الحملة تزايد عدد القوات.") == []


def test_wished_that():
    text = "وتمنى المبعوث الدولي أن تنتهي الحرب قريبا."
    (q,) = _quotes(text)
    assert q.text == "تنتهي الحرب قريبا" and q.speaker.text == "المبعوث الدولي"


def test_participle_does_not_take_a_body_after_a_preposition():
    text = ("وقال المتحدث هاني العمري إن القوات تقدمت. وأرجع التأخير إلى الألغام، وقد قامت الفرق بالجيش الوطني "
            "بواجبها، مبينا أن الخسائر كانت قليلة.")
    quotes = _quotes(text)
    assert quotes[-1].text == "الخسائر كانت قليلة"
    assert quotes[-1].speaker.name == "هاني العمري"


def test_name_on_a_clitic_letter_after_the_verb():
    text = "وقال فورد إن الحل السياسي ما زال بعيدا."
    (q,) = _quotes(text)
    assert q.speaker.text == "فورد"


def test_verbal_noun_after_kama_is_still_content():
    text = "وأعلنت الشرطة إحباط محاولة تسلل، كما أعلنت مقتل جميع المهاجمين."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["إحباط محاولة تسلل", "مقتل جميع المهاجمين"]
    assert {q.speaker.text for q in quotes} == {"الشرطة"}


def test_participle_keeps_the_body_of_its_group_subject():
    text = "ودعت قيادات في الحكومة اليمنية المنظمات الدولية إلى زيارة المدينة، مؤكدين أن الحكومة ستؤمن الرحلات."
    quotes = _quotes(text)
    assert quotes[-1].text == "الحكومة ستؤمن الرحلات"
    assert "الحكومة اليمنية" in quotes[-1].speaker.text


def test_reported_content_ends_where_a_quotation_opens_after_a_colon():
    text = ("قال سامي فورد، السفير السابق في المنطقة إن النظام ضعيف ولا جدوى من التعاون معه وبين في مقابلة مع "
            "قناة أمريكية: «من وجهة نظري هذا الأمر غير وارد أبدا».")
    reported, direct = _quotes(text)
    assert reported.kind == "reported" and reported.text.startswith("النظام ضعيف")
    assert direct.kind == "direct" and direct.text == "من وجهة نظري هذا الأمر غير وارد أبدا"
    assert reported.speaker.name == direct.speaker.name == "سامي فورد"


def test_added_after_a_comma_goes_on_with_the_speaker():
    text = "وقال الوزير: إن الخطة جاهزة، وأضاف: «سنبدأ التنفيذ غدا في كل المناطق»."
    quotes = _quotes(text)
    assert [q.speaker.text for q in quotes] == ["الوزير", "الوزير"]


def test_saying_as_a_verbal_noun():
    (q,) = _quotes("ما دفع رئيس الحكومة سمير الخطيب للقول إن الهجوم عمل إرهابي.")
    assert q.text == "الهجوم عمل إرهابي" and q.speaker.name == "سمير الخطيب"
    (q,) = _quotes("واكتفى الوزير بالقول إن التحقيق مستمر.")
    assert q.text == "التحقيق مستمر" and q.speaker.text == "الوزير"


def test_fronted_subject_in_quotation_marks():
    (q,) = _quotes("وكان «المرصد الوطني» أفاد بمقتل عشرة مسلحين.")
    assert q.speaker.text == "المرصد الوطني"


def test_subject_of_the_verb_before_a_speech_noun():
    (q,) = _quotes("واسترسل تقرير المنظمة بالقول إن فريق التحقيق عمل باستقلالية.")
    assert q.speaker.text == "تقرير المنظمة" and q.speaker.kind == "document"
    (q,) = _quotes("يعود المستشار عبد الكريم للقول إن الهدف هو إضعاف الدولة.")
    assert q.speaker.text == "عبد الكريم"


def test_speech_noun_after_an_apposition_stays_with_the_named_person():
    text = "وهو ما أكده أيضا سامر الحلبي، وزير الإعلام، بقوله إن «الخطة ستنفذ كاملة في موعدها المحدد»."
    quotes = _quotes(text)
    assert quotes[-1].speaker.name == "سامر الحلبي"
    (q,) = _quotes("فيما علق مراقبون سياسيون على تصريحات الرئيس بالقول إن وجوده في السلطة مؤقت.")
    assert q.speaker.text == "مراقبون سياسيون"
