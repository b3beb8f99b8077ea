"""A sentence opening with an addition word (كما ...) tells another event of the kind just told, not one
more telling of the earlier sentence's; a statement so told stays apart only when it names another
speaker (team-written sentences)."""

from __future__ import annotations

import rasd
from rasd.doc import Actor, Event, Span
from rasd.events.merge import merge_events

PUB = "2024-03-10"


def _events(text: str, kind: str):
    return [e for e in rasd.extract(text, published=PUB).events if e.type == kind]


def _mention(kind: str, sentence: str, start: int, speaker: str | None = None) -> Event:
    ev = Event(type=kind, evidence=[Span(start, start + len(sentence), sentence)])
    if speaker is not None:
        ev.actors.append(Actor(start + 6, start + 6 + len(speaker), speaker, role="actor1", name=speaker))
    return ev


def test_an_added_strike_is_another_event():
    a = _mention("ASSAULT", "قصفت الطائرات أمس مواقع للمسلحين في البلدة.", 0)
    b = _mention("ASSAULT", "كما قصفت الطائرات مخزنا للسلاح في قرية أخرى.", 50)
    assert len(merge_events([a, b])) == 2


def test_an_act_inside_an_added_statement_still_merges():
    a = _mention("ASSAULT", "انفجرت سيارة مفخخة أمس قرب سوق المدينة.", 0)
    b = _mention("ASSAULT", "كما أدان الاتحاد التفجير الذي وقع في السوق.", 50)
    assert len(merge_events([a, b])) == 1


def test_an_added_condemnation_by_another_speaker_stays_apart():
    a = _mention("ACCUSE", "أدان المجلس الهجوم على المسجد بشدة.", 0, "المجلس")
    b = _mention("ACCUSE", "كما أدان البرلمان الهجوم على المسجد.", 50, "البرلمان")
    assert len(merge_events([a, b])) == 2


def test_an_added_statement_with_no_speaker_of_its_own_merges():
    a = _mention("REQUEST", "طالبت الوزارة بمحاسبة المسؤولين عن الحادث.", 0, "الوزارة")
    b = _mention("REQUEST", "كما دعت إلى فتح تحقيق عاجل في الحادث.", 50)
    assert len(merge_events([a, b])) == 1


def test_mentions_without_an_addition_word_merge_as_before():
    a = _mention("ASSAULT", "قصفت الطائرات أمس مواقع للمسلحين في البلدة.", 0)
    b = _mention("ASSAULT", "وأسفر القصف عن مقتل خمسة من المسلحين.", 50)
    assert len(merge_events([a, b])) == 1


def test_added_strike_in_an_article_is_its_own_event():
    evs = _events("شنت طائرات التحالف أمس غارات على مواقع المتمردين في مدينة تعز وقتلت عشرة منهم. "
                  "كما شنت الطائرات غارات أخرى أمس على معسكر في مدينة تعز.", "ASSAULT")
    assert len(evs) == 2


def test_a_state_addressed_by_a_statement_document_is_not_where_it_was_said():
    text = ("قالت رئاسة إقليم كردستان في بيان إن قصفا أوقع قتلى في قرية بمحافظة دهوك شمال العراق. "
            "ودعا البيان الحكومة التركية إلى وقف الغارات فورا.")
    evs = [e for e in _events(text, "REQUEST") if "البيان" in e.evidence[0].text]
    assert evs and all(e.location is None or e.location.country_code != "TR" for e in evs)


def test_a_mention_opened_by_another_side_phrase_is_another_event():
    a = _mention("ASSAULT", "قصفت الطائرات أمس مواقع للمسلحين في البلدة.", 0)
    b = _mention("ASSAULT", "من جهة أخرى، أفادت مصادر بمقتل ثلاثة في اشتباكات قرب الحدود.", 50)
    assert len(merge_events([a, b])) == 2
