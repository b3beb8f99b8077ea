"""Mentions in different provinces are different events (ACLED: one event per place and day); a
summary told at country level does not gather them into one (team-written sentences)."""

from __future__ import annotations

import rasd

PUB = "2024-03-10"


def _assaults(text: str):
    return [e for e in rasd.extract(text, published=PUB).events if e.type == "ASSAULT"]


def test_strikes_in_two_provinces_stay_two_events():
    evs = _assaults("قصفت الطائرات أمس مديرية كرش في محافظة لحج. وقصفت الطائرات أمس محافظة عدن.")
    assert len(evs) == 2
    assert {e.location.admin1_en for e in evs} == {"Lahij", "Aden"}


def test_a_country_level_summary_does_not_gather_two_provinces():
    evs = _assaults("كثف طيران التحالف أمس غاراته على عدد من المحافظات اليمنية. "
                    "وقصفت الطائرات أمس مديرية كرش في محافظة لحج. "
                    "وشنت طائرات التحالف أمس غارات على معسكر في العاصمة صنعاء.")
    assert len(evs) == 2
    assert {e.location.name_en for e in evs} == {"Kirsh", "Sanaa"}


def test_a_town_and_its_province_are_one_event():
    evs = _assaults("قصفت الطائرات أمس مديرية كرش في محافظة لحج. وأدى قصف الطائرات أمس على محافظة لحج إلى مقتل ثلاثة.")
    assert len(evs) == 1
