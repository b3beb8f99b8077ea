"""The span of a quote's speaker: no words glued on after it, no head noun lost before it, one speaker when
a body and an unnamed source are joined, and a bare role word given to the person named with it earlier.
Team-written sentences, one per behaviour."""

import pytest

from rasd.doc import Document
from rasd.recognize.entities import RecognizeEntities
from rasd.recognize.quotes import RecognizeQuotes
from rasd.text.stage import SplitSentences, Tokenize


def _speakers(text: str) -> list:
    doc = Document(text=text)
    for st in (Tokenize(), SplitSentences(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    out = []
    for q in doc.quotes:
        sp = q.speaker
        assert sp is not None, q
        assert text[sp.start:sp.end] == sp.text, sp
        out.append(sp)
    return out


@pytest.mark.parametrize("text, speaker", [
    ("وأوضح بيان رئاسة الإقليم فانه لا توجد أي نية للتراجع عن القرار.", "بيان رئاسة الإقليم"),
    ("وأوضح بيان الوزارة فإنه لا توجد أي نية للتراجع عن القرار.", "بيان الوزارة"),
    ("وذكر بيان الحكومة بأن الاجتماع سيعقد الأسبوع المقبل.", "بيان الحكومة"),
])
def test_document_ends_before_the_complementiser(text, speaker):
    (sp,) = _speakers(text)
    assert sp.text == speaker and sp.kind == "document"


@pytest.mark.parametrize("text, speaker", [
    ("وأكد شهود عيان في القرية أن إطلاق النار توقف فجرا.", "شهود عيان"),
    ("وأفاد سكان في الحي الشرقي بأن الاشتباكات تجددت.", "سكان"),
])
def test_witnesses_and_residents_leave_out_where_they_are(text, speaker):
    (sp,) = _speakers(text)
    assert sp.text == speaker


def test_a_source_keeps_the_body_it_speaks_for():
    (sp,) = _speakers("وقال مصدر في وزارة الداخلية إن الحادث وقع قرب الجسر.")
    assert sp.text == "مصدر في وزارة الداخلية"


@pytest.mark.parametrize("text, speaker", [
    ("وقال مسؤول تركي كبير إن المحادثات ستستأنف قريبا.", "مسؤول تركي كبير"),  # تركي is also a given name
    ("وقال مسؤول أمريكي رفيع إن واشنطن تدرس الخيارات.", "مسؤول أمريكي رفيع"),
])
def test_unnamed_source_keeps_its_head_and_rank(text, speaker):
    (sp,) = _speakers(text)
    assert sp.text == speaker and sp.name == speaker


def test_kin_word_keeps_its_noun():
    (sp,) = _speakers("وقال والد الشهيد إن ابنه كان يحب الحياة.")
    assert sp.text == "والد الشهيد"


@pytest.mark.parametrize("text, speaker", [
    ("وقال المرصد وشهود إن القصف طال الأحياء الشرقية.", "المرصد"),
    ("وقال الجيش ومصادر محلية إن القوات استعادت التلة.", "الجيش"),
])
def test_body_joined_to_an_unnamed_source_is_one_speaker(text, speaker):
    (sp,) = _speakers(text)
    assert sp.text == speaker


def test_name_of_the_body_is_not_the_source():
    sp, _ = _speakers("وقال مسؤول في حكومة رئيس الوزراء خالد الدوسري إنه لا صحة للخبر. "
                      "وأضاف المسؤول أن الحكومة لم تتلق أي رسالة.")
    assert sp.text.startswith("مسؤول في حكومة") and sp.name != "خالد الدوسري"


@pytest.mark.parametrize("text, name", [
    ("وقال المتحدث باسم الشركة سامي الحربي إن الرحلات عادت. وأضاف المتحدث أن الركاب بخير.", "سامي الحربي"),
    ("وقال وزير المالية عادل الشمري إن العجز تراجع. وأضاف الوزير أن الإيرادات ارتفعت.", "عادل الشمري"),
    ("وقال المسؤول في البلدية ماجد القحطاني إن الطرق فتحت. وأضاف المسؤول أن الأمطار توقفت.", "ماجد القحطاني"),
])
def test_role_word_is_the_person_named_with_that_role_before(text, name):
    first, second = _speakers(text)
    assert first.name == name
    assert second.text in ("المتحدث", "الوزير", "المسؤول") and second.name == name


def test_bare_role_word_is_the_one_person_with_a_role_starting_with_it():
    (sp,) = _speakers("التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي أمس. وقال الوزير إن المحادثات كانت بناءة.")
    assert sp.text == "الوزير" and sp.name == "جون كيري"


def test_bare_role_word_is_not_a_compound_title():
    (sp,) = _speakers("استقبل رئيس الوزراء العراقي حيدر العبادي الوفد. وأكد الرئيس أن الحكومة ملتزمة بالحل.")
    assert sp.text == "الرئيس" and sp.name != "حيدر العبادي"


@pytest.mark.parametrize("text, speaker", [
    ("وأوضح مسؤول بارز في البنك الدولي حضر الاجتماعات أن القرض سيصرف قريبا.", "مسؤول بارز في البنك الدولي"),
    ("وقال مصدر في المفوضية السامية لشؤون اللاجئين إن الأعداد تزايدت.", "مصدر في المفوضية السامية لشؤون اللاجئين"),
])
def test_source_body_ends_before_a_clause(text, speaker):
    (sp,) = _speakers(text)
    assert sp.text == speaker


def test_title_of_its_own_names_the_source_after_a_body():
    (sp,) = _speakers("وأكد الناطق باسم القوات المشتركة المستشار بمكتب رئيس الأركان العميد ركن فهد السبيعي أن الدوريات مستمرة.")
    assert sp.name == "فهد السبيعي"


def test_a_body_on_a_preposition_with_the_article_is_not_a_head_before_a_name():
    (sp,) = _speakers("وبين المتحدث الإعلامي بالإدارة العقيد البحري خالد بن ناصر العتيبي أن البلاغ ورد مساء.")
    assert sp.name == "خالد بن ناصر العتيبي"
