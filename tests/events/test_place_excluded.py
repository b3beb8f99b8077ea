"""The excluded-span check of pick_place (arguments._inside_excluded) against its former inline form."""

from __future__ import annotations

import random

from rasd.doc import Place
from rasd.events import arguments


def _reference(text: str, p: Place, excluded) -> bool:
    return any(a < p.end and p.start < b and not (p.start <= a and b <= p.end and b - a < p.end - p.start)
               and not (a == p.start and b == p.end and arguments._capital_told(text, p)) for a, b in excluded)


def test_inside_excluded_equals_the_inline_check():
    text = "وصل الوفد إلى العاصمة الألمانية برلين ثم زار مدينة بعقوبة في يوم الأحد الماضي"
    rng = random.Random(5)
    for _ in range(3000):
        s = rng.randint(0, len(text) - 1)
        p = Place(s, min(len(text), s + rng.randint(1, 8)), "x", kind=rng.choice(["city", "country", None]))
        excluded = []
        for _k in range(rng.randint(0, 5)):
            a = rng.randint(0, len(text) - 1)
            excluded.append((a, min(len(text), a + rng.randint(1, 10))))
        if excluded and rng.random() < 0.3:
            excluded.append((p.start, p.end))  # the place itself: told as a capital or not
        assert arguments._inside_excluded(text, p, excluded) == _reference(text, p, excluded)


def test_a_place_holding_a_shorter_span_is_not_inside_it():
    text = "مدينة بعقوبة"
    p = Place(6, 12, "بعقوبة", kind="city")
    assert not arguments._inside_excluded(text, p, [(7, 12)])  # (عقوبة inside بعقوبة)
    assert arguments._inside_excluded(text, p, [(0, 8)])
