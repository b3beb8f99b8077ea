"""Who speaks (round 8 classes, general news): a name the tagger read into a body after a role, the day
before yesterday after the verb, a country or a person with an apposed role before the verb.
Team-written sentences."""

from dataclasses import replace

import rasd
from rasd.recognize.quotes.reader import recognize_quotes


def _checked(doc) -> list:
    for q in doc.quotes:
        sp = q.speaker
        if sp is not None:
            assert doc.text[sp.start:sp.end] == sp.text, sp
    return doc.quotes


def _full(text: str) -> list:
    return _checked(rasd.extract(text, published="2015-08-01"))


def _speaker_of(qs: list, words: str):
    return next(q for q in qs if words in q.text).speaker


def _as_body(text: str, body: str) -> list:
    """The quotes of ``text`` when the tagger reads ``body`` as one organisation (and nothing inside it)."""
    doc = rasd.extract(text, published="2015-08-01")
    s = text.index(body)
    e = s + len(body)
    kept = [x for x in doc.entities if x.end <= s or x.start >= e]
    like = next(x for x in doc.entities if x.label.startswith(("PERS", "ORG")))
    doc.entities = kept + [replace(like, start=s, end=e, text=body, label="ORG", canonical=None, role=None,
                                   info={})]
    doc.quotes = recognize_quotes(doc)
    return _checked(doc)


def test_name_read_into_a_body_after_a_role():
    text = ("واستقبل الوفد مدير الميناء عبدالكريم الفهيد.\n"
            "وأوضح مدير ميناء ضبا عبدالكريم الفهيد أن السفن ستصل الأسبوع المقبل.")
    sp = _speaker_of(_as_body(text, "ضبا عبدالكريم الفهيد"), "السفن")
    assert sp.name == "عبدالكريم الفهيد"
    assert sp.role.startswith("مدير ميناء")


def test_bare_foreign_name_read_as_a_body_after_a_role():
    text = "وقال المتحدث باسم الحكومة هيروشي تاناكا في أول تعليق رسمي على التقرير إن الحكومة تدرس الأمر."
    sp = _speaker_of(_as_body(text, "هيروشي تاناكا"), "تدرس")
    assert sp.name == "هيروشي تاناكا"


def test_body_with_its_head_word_after_a_role_is_no_name():
    text = "وقال مدير جامعة الملك عبدالعزيز إن العام الدراسي يبدأ في موعده."
    sp = _speaker_of(_as_body(text, "جامعة الملك عبدالعزيز"), "العام الدراسي")
    assert sp is None or sp.name != "الملك عبدالعزيز"


def test_day_before_yesterday_is_no_subject():
    sp = _speaker_of(_full("لكن اليونان قالت أول من أمس إنها سترفض الاقتراح."), "سترفض")
    assert sp is not None and sp.name == "اليونان"


def test_country_before_the_verb_speaks():
    sp = _speaker_of(_full("ولكن فرنسا قالت إن المفاوضات لم تنته بعد."), "المفاوضات")
    assert sp is not None and sp.name == "فرنسا"


def test_person_with_an_apposed_role_before_the_verb():
    text = "إلا أن ماركو روسي، سفير إيطاليا لدى الأمم المتحدة، قال إن القرار لا يخدم السلام."
    sp = _speaker_of(_full(text), "لا يخدم")
    assert sp.name == "ماركو روسي"
