"""PLOVER → ACLED coding, merging of mentions and confidence."""

from __future__ import annotations

import rasd
from rasd.doc import Actor, Event, Place, Span
from rasd.events.coding import code_acled, sub_event_types
from rasd.events.confidence import score
from rasd.events.merge import merge_events


def test_acled_has_its_25_sub_event_types():
    assert len(sub_event_types()) == 25


def _ev(mode, a2_inter=None, a1_inter=None):
    actors = []
    if a1_inter:
        actors.append(Actor(None, None, "x", "actor1", inter=a1_inter))
    if a2_inter:
        actors.append(Actor(None, None, "y", "actor2", inter=a2_inter))
    return code_acled(Event(type="ASSAULT", evidence=[Span(0, 1, "x")], mode=mode, actors=actors))


def test_small_arms_on_civilians_is_an_attack_and_on_soldiers_a_clash():
    civ = _ev("firearms", a2_inter=7)
    assert (civ.event_type, civ.sub_event_type, civ.civilian_targeting) == ("Violence against civilians", "Attack", True)
    mil = _ev("firearms", a2_inter=1)
    assert (mil.event_type, mil.sub_event_type) == ("Battles", "Armed clash")


def test_modes_map_to_remote_violence_and_territory():
    assert _ev("aerial").sub_event_type == "Air/drone strike"
    assert _ev("explosives").event_type == "Explosions/Remote violence"
    assert _ev("occupy", a1_inter=1).sub_event_type == "Government regains territory"
    assert _ev("occupy", a1_inter=2).sub_event_type == "Non-state actor overtakes territory"


def test_mentions_merge_keep_evidence_and_lowest_figure():
    p = Place(0, 5, "درعا", country_code="SY", kind="city")
    a = Event(type="ASSAULT", evidence=[Span(0, 5, "aaaaa")], date="2024-05-11", date_precision="day",
              location=p, fatalities=12, mode="firearms")
    b = Event(type="ASSAULT", evidence=[Span(10, 15, "bbbbb")], date="2024-05-11", date_precision="day",
              location=p, fatalities=10, mode="aerial")
    c = Event(type="ASSAULT", evidence=[Span(20, 25, "ccccc")], date="2024-05-01", date_precision="day", location=p)
    out = merge_events([a, b, c])
    assert len(out) == 2
    assert out[0].fatalities == 10 and out[0].mode == "aerial" and len(out[0].evidence) == 2


def test_confidence_rises_with_support():
    lo = score(reason="nominal-head", weak=True, actor1_known=False, actor2=False, place_in_sentence=False,
               place_any=False, date_explicit=False, figures=False, reported=True, specific=0)
    hi = score(reason="first-verb", weak=False, actor1_known=True, actor2=True, place_in_sentence=True,
               place_any=True, date_explicit=True, figures=True, reported=False, specific=3)
    assert 0 < lo < 0.5 < hi <= 0.99


def test_one_article_one_event_per_fight():
    text = ("قتل خمسة جنود في هجوم على حاجز عسكري قرب مدينة درعا أمس.\n"
            "وقال مصدر عسكري إن الهجوم على الحاجز في درعا وقع فجر أمس وأسفر عن مقتل خمسة جنود.")
    doc = rasd.extract(text, published="2024-05-12")
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and len(assaults[0].evidence) == 2


def test_protest_dispersed_in_the_next_sentence_is_with_intervention():
    # team-written: the protest sentence, then its dispersal told in the next one
    text = ("اعتصم عشرات العمال أمس أمام مقر الشركة في مدينة صفاقس احتجاجا على تأخر الأجور.\n"
            "وأفاد شهود بأن الشرطة فرقت المعتصمين بالهراوات قبل أن تعيد فتح الطريق.")
    doc = rasd.extract(text, published="2024-05-12")
    ev = next(e for e in doc.events if e.type == "PROTEST")
    assert ev.sub_event_type == "Protest with intervention"


def test_shelling_by_aircraft_is_an_air_strike():
    doc = rasd.extract("قامت الطائرات الحربية بقصف مواقع المسلحين في مدينة درنة أمس.", published="2024-05-12")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.mode == "aerial" and ev.sub_event_type == "Air/drone strike"
    assert ev.actors and ev.actors[0].inter == 1  # الطائرات الحربية: the state's air force


def test_a_blast_later_called_a_suicide_attack_is_one_event_in_its_first_town():
    p = Place(0, 5, "الرمادي", name="Ramadi", country_code="IQ", kind="city")
    q = Place(30, 35, "الموصل", name="Mosul", country_code="IQ", kind="city")
    a = Event(type="ASSAULT", evidence=[Span(0, 5, "aaaaa")], date="2024-05-11", date_precision="day",
              location=p, mode="explosives")
    b = Event(type="ASSAULT", evidence=[Span(10, 15, "bbbbb")], date="2024-05-11", date_precision="day",
              location=q, mode="suicide")
    out = merge_events([a, b], frozenset({id(b)}))
    assert len(out) == 1 and out[0].mode == "suicide" and out[0].location.name == "Ramadi"
