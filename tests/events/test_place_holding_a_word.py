"""A place whose name holds an event word or an actor's name is still where it happened (team-written)."""

from __future__ import annotations

import rasd


def test_a_town_whose_name_holds_an_event_word_is_the_place():
    doc = rasd.extract("قتل خمسة أشخاص عندما انفجرت عبوة ناسفة قرب مسجد بمدينة بعقوبة أمس.", published="2024-03-10")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.location is not None and ev.location.name_en and "Baqubah" in ev.location.name_en
    assert ev.location.geo_precision == 1


def test_a_region_whose_name_holds_a_state_is_the_place():
    doc = rasd.extract("وقالت أنقرة إن الطائرات التركية شنت أمس غارات على مواقع للمسلحين في شمال العراق.",
                       published="2024-03-10")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.location is not None and ev.location.country_code == "IQ"
