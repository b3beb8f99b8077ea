"""The subject of a condemnation or a denial is not the actor of the attack it speaks of, and a statement
placed at its speaker's nationality keeps that place when merged (team-written sentences)."""

from __future__ import annotations

import rasd
from rasd.doc import Event, Place, Span
from rasd.events.merge import absorb

PUB = "2016-05-10"


def _by_type(text: str, kind: str):
    return [e for e in rasd.extract(text, published=PUB).events if e.type == kind]


def test_the_condemner_is_not_the_bomber():
    text = "أدانت وزارة الخارجية الفرنسية أمس التفجير الانتحاري الذي استهدف مسجدا في مدينة الدمام."
    accuse = _by_type(text, "ACCUSE")
    assert accuse and any(a.role == "actor1" and a.country_code == "FR" for a in accuse[0].actors)
    for e in _by_type(text, "ASSAULT"):
        assert all(not (a.role == "actor1" and a.country_code == "FR") for a in e.actors)


def test_condemnations_by_several_states_leave_one_attack():
    text = ("أدانت الحكومة المصرية أمس التفجير الانتحاري الذي استهدف مسجدا في مدينة الدمام. "
            "كما أدانت الحكومة الأردنية أمس التفجير الانتحاري الذي استهدف مسجدا في مدينة الدمام.")
    assert len(_by_type(text, "ASSAULT")) == 1


def test_an_accused_attacker_stays_the_actor():
    """اتهمت الحكومة الحوثيين بقصف ...: the accused (the verb's object) keeps actor1 when the attack is coded."""
    text = "قالت الحكومة اليمنية إن الحوثيين قصفوا الأحياء السكنية في مدينة تعز أمس."
    ev = _by_type(text, "ASSAULT")
    assert ev and any(a.role == "actor1" and "Houthi" in (a.name_en or "") for a in ev[0].actors)


def _event(kind: str, place: Place) -> Event:
    return Event(type=kind, evidence=[Span(0, 10, "x" * 10)], location=place, date=PUB, date_precision="day")


def test_a_statement_at_its_speakers_nationality_keeps_it():
    home = Place(0, 7, "الأمريكية", country_code="US", kind="country", via="nisba", geo_precision=3)
    town = Place(20, 24, "أبها", country_code="SA", kind="city", geo_precision=1)
    said = _event("ACCUSE", home)
    absorb(said, _event("ACCUSE", town))
    assert said.location.country_code == "US"
    hit = _event("ASSAULT", Place(0, 7, "الأمريكية", country_code="US", kind="country", via="nisba", geo_precision=3))
    absorb(hit, _event("ASSAULT", town))
    assert hit.location.country_code == "SA"  # an attack's nisba place gives way to the town it hit
