"""A statement with no venue of its own is made where its speaker is: a state actor's at home, not in the
country the paragraph talks about, unless the article sets the speaker in that country (a visit); the
speaker's own title beside the name gives the country; a first-person verb (نرفض) is a statement; a
regional body speaks from its seat. Sentences written by the rasd team."""

from __future__ import annotations

import rasd

PUB = "2015-07-21"


def _events(text: str) -> list[tuple[str, str, str | None]]:
    doc = rasd.extract(text, published=PUB)
    return [(e.type, e.trigger.text, e.location.country_code if e.location else None) for e in doc.events]


def test_a_foreign_leaders_warning_after_a_sentence_on_another_country_is_made_at_home():
    got = _events("قال الرئيس الروسي فلاديمير بوتين إن انسحاب الولايات المتحدة من الاتفاق النووي خطأ كبير. "
                  "وحذر بوتين من تبعات سباق تسلح في العالم.")
    assert ("THREATEN", "حذر", "RU") in got
    assert ("THREATEN", "حذر", "US") not in got


def test_a_leader_on_a_visit_speaks_where_the_article_sets_him():
    got = _events("عقد الرئيس الفرنسي إيمانويل ماكرون في السنغال أمس مباحثات مع الرئيس السنغالي ماكي سال.\n"
                  "وتندرج زيارة ماكرون إلى داكار في إطار جولة تشمل ساحل العاج.\n"
                  "وطالب ماكرون بوقف القتال في شمال مالي.")
    assert ("REQUEST", "طالب", "SN") in got


def test_the_speakers_title_beside_the_name_gives_the_country():
    assert ("ACCUSE", "انتقد", "US") in _events("وانتقد جون كيري وزير الخارجية الأمريكي سياسة إيران في اليمن.")
    got = _events("كما حذر جان مارك إيرولت، رئيس الوزراء الفرنسي الأسبق، أوروبا من تمدد الجماعات المسلحة في ليبيا.")
    assert ("THREATEN", "حذر", "FR") in got


def test_a_denial_in_the_first_person_is_its_speakers():
    got = _events('وقال وزير الدفاع الجيبوتي في حديث للصحفيين "لا أساس لما نشر عن منشأة إسرائيلية في بلادنا، '
                  'نرفض أن تتحول أرضنا إلى ساحة لصراعات غيرنا".')
    assert ("REJECT", "نرفض", "IL") not in got


def test_a_speaker_named_after_a_preposition_is_not_the_speaker():
    got = _events("وقال مسؤول في الخارجية الأمريكية إن الوزير رحب بقرار تركيا فتح قواعدها.")
    assert ("SUPPORT", "رحب", "TR") not in got


def test_the_european_union_speaks_from_its_seat():
    got = _events("أعرب الاتحاد الأوروبي عن القلق من أعمال العنف في تركيا، وطالب بضبط النفس.")
    assert ("REQUEST", "طالب", "BE") in got


def test_a_second_statement_verb_of_the_sentence_keeps_its_speakers_place():
    got = _events("قتل 12 شخصا في انفجار سيارة مفخخة قرب سوق في مدينة أبها أمس.\nوقالت وزارة الخارجية في بيان إن "
                  "المملكة المغربية تدين هذا العمل الإجرامي، كما تدعو الدول كافة إلى التعاون في مكافحة الإرهاب.")
    assert ("ACCUSE", "تدين", "MA") in got
    assert ("REQUEST", "تدعو", "MA") in got  # the same speaker's, not the attack's town
