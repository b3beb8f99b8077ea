"""Statements told by their speaker, calls by clerics, displeasure after a long subject, and two actors
side by side after a verb (team-written sentences)."""

from __future__ import annotations

import rasd

PUB = "2015-06-10"


def _events(text, kind):
    doc = rasd.extract(text, published=PUB)
    return [{a.role: a.text for a in e.actors} for e in doc.events if e.type == kind]


def test_first_person_verb_in_a_quote_is_the_speakers_act():
    got = _events("قال وزير الخارجية التركي أمس: نطالب السلطات المصرية بالإفراج عن المعتقلين.", "REQUEST")[0]
    assert got["actor1"] == "وزير الخارجية التركي" and got.get("actor2") == "السلطات المصرية"


def test_own_side_subject_is_the_speaker():
    got = _events("وأكد وزير الخارجية الإيراني أن بلاده ترفض التدخل الأمريكي في شؤون العراق.", "REJECT")[0]
    assert got["actor1"] == "وزير الخارجية الإيراني" and got.get("actor2") == "العراق"


def test_a_reported_subject_of_its_own_still_acts():
    got = _events("وقال المتحدث باسم الجيش إن الحوثيين هاجموا مواقع الجيش في تعز.", "ASSAULT")[0]
    assert got["actor1"] == "الحوثيين"


def test_a_call_by_a_cleric_or_a_named_party_is_no_prayer():
    assert _events("دعا آية الله علي السيستاني العراقيين إلى التطوع لقتال تنظيم داعش.", "REQUEST")
    assert _events("ودعا حزب الله الحكومة اللبنانية إلى التحرك.", "REQUEST")
    assert not _events("ودعت الوزارة الله أن يتغمد الضحايا برحمته.", "REQUEST")


def test_displeasure_after_a_long_subject():
    got = _events("أعربت وزارة الخارجية في الجمهورية الإسلامية الإيرانية يوم الأحد عن استغرابها من تصريحات "
                  "المسؤولين الأمريكيين.", "ACCUSE")
    assert got and got[0]["actor1"] == "وزارة الخارجية"
    got = _events("وأعرب الرئيس الإيراني حسن روحاني خلال لقائه وزير الخارجية العماني في طهران أمس عن استيائه "
                  "من الموقف الأمريكي.", "ACCUSE")
    assert got and got[0]["actor1"] == "الرئيس الإيراني حسن روحاني"


def test_displeasure_noun_not_across_a_sentence_end():
    assert not _events("وصل الوفد إلى الرياض أمس. وتحدث رئيسه في المؤتمر الصحفي الذي عقده بعد اللقاء عن استيائه.",
                       "ACCUSE")


def test_a_group_after_a_title_is_a_second_actor():
    got = _events("اتهمت الحكومة اليمنية الحوثيين بخرق الهدنة في تعز.", "ACCUSE")[0]
    assert got["actor1"] == "الحكومة اليمنية" and got.get("actor2") == "الحوثيين"
    got = _events("قال الرئيس المصري عبد الفتاح السيسي إن بلاده ترفض التدخل الأجنبي في ليبيا.", "REJECT")[0]
    assert got["actor1"] == "الرئيس المصري عبد الفتاح السيسي"


def test_the_object_of_a_first_person_verb_is_no_actor1_without_a_known_speaker():
    for got in _events("وقال أبو محمد الحسيني أمس: نطالب السلطات المصرية بالإفراج عن المعتقلين.", "REQUEST"):
        assert got.get("actor1") != "السلطات المصرية"
    got = _events("وقال وزير الخارجية التركي: طالبنا السلطات المصرية بالإفراج عن المعتقلين.", "REQUEST")[0]
    assert got["actor1"] == "وزير الخارجية التركي"
