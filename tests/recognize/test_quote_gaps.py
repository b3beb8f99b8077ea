"""Quotes the reader used to miss: "according to X" with فإنه, content after a comma following the one spoken
to (no إن/أن), and a role that speaks through a relative (السفير الذي أكد أن). Also what must stay no quote.
Team-written sentences, one per behaviour."""

import pytest


@pytest.mark.parametrize("text, speaker, content", [
    ("وبحسب وزارة الداخلية فإنه تم القبض على ثلاثة مطلوبين في المدينة.", "وزارة الداخلية", "تم القبض"),
    ("وبحسب المتحدث باسم الشرطة فإنه تم القبض على ثلاثة مطلوبين في المدينة.", "المتحدث باسم الشرطة", "تم القبض"),
    ("وبحسب الموقع الرسمي للهيئة فإنه تم تسجيل ألف متطوع هذا العام.", "الموقع الرسمي للهيئة", "تم تسجيل"),
])
def test_according_to_with_fainnahu(text, speaker, content, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.kind == "reported" and q.speaker.text == speaker and q.text.startswith(content)


@pytest.mark.parametrize("text", [
    "وإذا تحرك الشعب وفقا لإرادته فإنه سيحقق أهدافه كاملة.",  # in accordance with its will: no source
    "وبالنسبة للقرار فإنه سيطبق من الشهر المقبل على الجميع.",  # فإنه alone is no cue
])
def test_fainnahu_without_a_source_is_no_quote(text, rule_quotes):
    assert rule_quotes(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("وقال اللواء سامي الخطيب للصحفيين، تم تحديد هوية المهاجمين وسيتم ملاحقتهم.", "سامي الخطيب", "تم تحديد"),
    ("وقال المتحدث باسم الشرطة لوكالة رويترز، لا توجد معلومات عن عدد الضحايا حتى الآن.",
     "المتحدث باسم الشرطة", "لا توجد"),
    ("وقالت مصادر أمنية لـ«الوطن»، تم نقل المصابين إلى المستشفى العسكري في المدينة.", "مصادر أمنية", "تم نقل"),
])
def test_content_after_the_comma_that_follows_the_one_spoken_to(text, speaker, content, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.kind == "reported" and q.speaker.text == speaker and q.text.startswith(content)


@pytest.mark.parametrize("text", [
    "وقال الوزير للصحفيين، الذين تجمعوا أمام المبنى، إن الحكومة ستواصل عملها.",
    "وقال الوزير للصحفيين، مساء أمس بعد الاجتماع، إن الحكومة ستواصل عملها.",
])
def test_a_comma_before_the_complementiser_keeps_the_content_after_it(text, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.text == "الحكومة ستواصل عملها" and q.speaker.text == "الوزير"


@pytest.mark.parametrize("text, speaker", [
    ("والتقى الأمير بالسفير الأمريكي الذي أكد أن بلاده تدعم جهود السلام في المنطقة.", "السفير الأمريكي"),
    ("واستقبل الرئيس وزير الخارجية الفرنسي الذي أشار إلى أن باريس ستشارك في المؤتمر.", "وزير الخارجية الفرنسي"),
])
def test_a_role_speaks_through_a_relative(text, speaker, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.kind == "reported" and q.speaker.text == speaker


def test_a_place_before_the_relative_is_no_role(rule_quotes):
    quotes = rule_quotes("وزار الوزير المستشفى الذي قال إن الخدمات تحسنت كثيرا.")
    assert all(q.speaker is None or "المستشفى" not in q.speaker.text for q in quotes)


@pytest.mark.parametrize("text, speaker", [
    ("يحتجز المسلحون صحفيا فرنسيا في المدينة منذ أسبوعين، حسب ما أفاد الإعلام الفرنسي الاثنين.", "الإعلام الفرنسي"),
    ("يحتجز المسلحون صحفيا فرنسيا في المدينة منذ أسبوعين، حسب ما أفادت وسائل الإعلام الفرنسية.",
     "وسائل الإعلام الفرنسية"),
    ("وارتفعت الأسعار بنسبة عشرة في المئة، بحسب ما ذكرت التقديرات الأولية.", "التقديرات الأولية"),
])
def test_according_to_what_a_phrase_reported(text, speaker, rule_quotes):
    (q,) = rule_quotes(text)
    assert q.kind == "reported" and q.speaker.text == speaker and "،" not in q.text


@pytest.mark.parametrize("text, content", [
    ("وشدد الوزير على ضرورة التعاون بين الجهات المختلفة.", "ضرورة التعاون بين الجهات المختلفة"),
    ("وأكد الوزير على أهمية التعاون بين الجهات المختلفة، مشيرا إلى أن الاجتماع ناجح.",
     "أهمية التعاون بين الجهات المختلفة"),
])
def test_stress_on_a_verbal_noun_after_ala(text, content, rule_quotes):
    q = rule_quotes(text)[0]
    assert q.text == content and q.speaker.text == "الوزير"


def test_ala_before_another_noun_is_no_content(rule_quotes):
    (q,) = rule_quotes("وشدد الوزير، على هامش المؤتمر، على أن التعاون ضروري.")
    assert q.text == "التعاون ضروري" and q.speaker.text == "الوزير"
