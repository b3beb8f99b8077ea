"""The pronoun of إنه/إنها opening a reported clause is the armed speaker (team-written sentences)."""

from __future__ import annotations

import rasd

PUB = "2024-05-12"


def _actors(text):
    doc = rasd.extract(text, published=PUB)
    return [{a.role: a.text for a in e.actors} for e in doc.events if e.type == "ASSAULT"]


def test_armed_speaker_is_actor1_of_its_reported_clause():
    assert _actors("وقالت المقاومة الشعبية إنها تمكنت أمس من السيطرة على مدينة زنجبار بعد معارك عنيفة.")[0][
        "actor1"] == "المقاومة الشعبية"
    got = _actors("وقال الجيش إنه قتل أمس 20 مسلحا في هجوم على قرية قرب درعا.")[0]
    assert got["actor1"] == "الجيش" and got.get("actor2") == "مسلحا"


def test_a_monitor_speaking_of_the_dead_is_not_their_killer():
    for got in _actors("وقال المرصد السوري لحقوق الإنسان إنه قتل أمس 20 مدنيا في غارات على إدلب."):
        assert "المرصد" not in got.get("actor1", "")
