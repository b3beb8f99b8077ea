"""Casualties told in a result clause (..., ما أسفر عن مقتل 5) belong to the main clause's event (team-written
sentences)."""

from __future__ import annotations

import rasd


def _events(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(e.type, e.fatalities, e.injured) for e in rasd.extract(text, published="2015-05-05").events]


def test_an_attack_suffered_carries_the_dead_of_its_result_clause():
    text = "تعرضت دورية للجيش لإطلاق نار في ضواحي مدينة حمص يوم الأحد، ما أسفر عن مقتل خمسة جنود."
    assert _events(text) == [("ASSAULT", 5, None)]


def test_a_raid_whose_result_is_killing_adds_the_killing():
    text = "داهم مسلحون منزلا في قرية قرب كركوك ليلة أمس، مما أسفر عن مقتل أربعة من أفراد عائلة واحدة."
    assert ("ASSAULT", 4, None) in _events(text)


def test_a_main_clause_without_event_word_and_a_deadly_result_is_an_attack():
    text = "أطلق قناص النار على سيارة مدنية في مدينة درعا، ما تسبب بمقتل امرأتين."
    assert [t for t, _f, _i in _events(text)] == ["ASSAULT"]


def test_a_result_clause_keeps_its_injured_on_the_main_event():
    text = "تعرضت قرية قرب مدينة الموصل لقصف مدفعي أمس، مما أدى إلى مقتل ثلاثة مدنيين وإصابة سبعة آخرين."
    assert _events(text) == [("ASSAULT", 3, 7)]


def test_a_result_clause_under_a_warning_or_a_plan_stays_no_event():
    assert "ASSAULT" not in [t for t, _f, _i in _events(
        "حذر الوزير من أن أي هجوم على المدينة قد يؤدي إلى مقتل 200 شخص.")]
    assert "ASSAULT" not in [t for t, _f, _i in _events(
        "قالت الحكومة إنها تخطط لعملية في المنطقة لن تؤدي إلى إصابة 20 مدنيا.")]


def test_a_negated_result_stays_no_event():
    assert "ASSAULT" not in [t for t, _f, _i in _events(
        "داهمت الشرطة منزلا في القاهرة ولم يسفر ذلك عن إصابة أي شخص.")]
    assert "ASSAULT" not in [t for t, _f, _i in _events(
        "نفى الجيش أن تكون الغارة قد أسفرت عن مقتل 12 مدنيا.")]


def test_undergoing_criticism_is_no_event():
    assert _events("تعرض الوزير لانتقادات شديدة من النواب.") == []


def test_undergoing_as_a_noun_after_a_preposition_is_no_report():
    text = "شاهد الوزير تمرينا للحرس، وعند تعرض القافلة لكمين وهمي تم التعامل معه."
    assert "ASSAULT" not in [t for t, _f, _i in _events(text)]


def test_undergoing_in_a_description_of_an_indefinite_noun_is_no_report():
    text = "انتقد سكان، تعرضت منازلهم لاعتداءات قبل سنوات، أداء البلدية يوم الأحد."
    assert "ASSAULT" not in [t for t, _f, _i in _events(text)]
