"""A stack of honorifics before a name (فضيلة الشيخ الدكتور X) is read through to the name."""

import rasd


def test_honorific_stack_gives_the_name():
    doc = rasd.extract("وقال فضيلة الشيخ الدكتور سلمان العتيبي إن المسجد سيفتح بعد الترميم.", published="2015-05-01")
    assert [q.speaker.text for q in doc.quotes if q.speaker] == ["سلمان العتيبي"]
    assert any(e.label == "PERS" and e.text == "سلمان العتيبي" for e in doc.entities)
