"""The splitter does not end a sentence at a one-letter abbreviation before a name (team-written)."""

import pytest

from rasd.text import split_sentences, tokenize


def _split(text):
    sents = split_sentences(text, tokenize(text))
    for s in sents:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sents]


@pytest.mark.parametrize("text", [
    "التقى م. منصور الوزير في مكتبه.",
    "وقال د. خالد العمري إن الوضع مستقر.",
    "افتتح أ.د. سعاد الحربي المؤتمر أمس.",
    "زار أ. سامي القحطاني المدرسة.",
    "ذكر الرئيس الأميركي جون ف. كينيدي ذلك في خطابه.",
    "نقلت وكالة الأنباء (د. ب. أ) عن مصدر أن القصف توقف.",
    "قالت الوكالة (أ.ف.ب) إن الاجتماع انتهى.",
    "كتب الرئيس John F. Kennedy رسالة.",
    "وقال الوزير د. وليد السالم إن القرار نهائي.",
    "وقال د.فهد الدوسري إن المشروع تأخر.",
])
def test_abbreviation_before_a_name_keeps_the_sentence(text):
    assert _split(text) == [text]


def test_later_sentence_still_splits():
    assert _split("التقى م. منصور الوزير. ثم غادر القاعة.") == ["التقى م. منصور الوزير.", "ثم غادر القاعة."]


@pytest.mark.parametrize("text, first", [
    ("صدر القرار في شوال 1436 ه. وحسب البيان فإنه نافذ.", "صدر القرار في شوال 1436 ه."),
    ("انتهى المشروع عام 2015 م. وبدأ غيره بعده.", "انتهى المشروع عام 2015 م."),
    ("ينصح الأطباء بتناول فيتامين د. وقال الطبيب إنه مفيد.", "ينصح الأطباء بتناول فيتامين د."),
    ("اختار الطالب الجواب ب. ثم سلم الورقة.", "اختار الطالب الجواب ب."),
    ("يحمل الإصدار الجديد منفذ Type-C. ويباع الجهاز غدا.", "يحمل الإصدار الجديد منفذ Type-C."),
])
def test_real_sentence_ends_after_a_letter(text, first):
    assert _split(text)[0] == first


def test_numbered_list_still_splits():
    assert _split("1. البند الأول 2. البند الثاني") == ["1.", "البند الأول 2.", "البند الثاني"]


def test_line_break_after_abbreviation_ends():
    assert _split("وقع الكتاب د.\nخالد العمري") == ["وقع الكتاب د.", "خالد العمري"]


def test_quote_speaker_after_abbreviation():
    import rasd

    doc = rasd.extract("وقال وكيل الوزارة د. خالد العمري إن المشروع سيكتمل العام المقبل.")
    assert len(doc.sentences) == 1
    assert [q.speaker.text for q in doc.quotes] == ["خالد العمري"]
