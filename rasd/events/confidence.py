"""How sure rasd is that an event happened as coded: a score in [0, 1] from its evidence.

Additive and documented in docs/events.md: a base for the way the event word carries its sentence
(first verb of a main clause, event noun under a light verb, nominal head), plus support from a
strong (non-ambiguous) trigger, a known actor, a second actor, a place found in the same sentence,
an explicit date, casualty figures and more than one mention; minus for reported-only events and
dates or places borrowed from elsewhere in the article.
"""

from __future__ import annotations

_BASE = {"first-verb": 0.45, "after-light_verbs": 0.45, "under-light_verbs": 0.42, "nominal-head": 0.38,
         "after-reporting": 0.40, "under-reporting": 0.38, "figures": 0.35}


def score(*, reason: str, weak: bool, actor1_known: bool, actor2: bool, place_in_sentence: bool,
          place_any: bool, date_explicit: bool, figures: bool, reported: bool, specific: int) -> float:
    """The confidence of one event mention (see the module docstring and docs/events.md)."""
    s = _BASE.get(reason, 0.35)
    s += 0.0 if weak else 0.10
    s += 0.10 if actor1_known else 0.0
    s += 0.05 if actor2 else 0.0
    s += 0.10 if place_in_sentence else (0.03 if place_any else 0.0)
    s += 0.07 if date_explicit else 0.0
    s += 0.10 if figures else 0.0
    s += min(specific, 3) * 0.02
    s -= 0.05 if reported else 0.0
    return round(max(0.05, min(0.99, s)), 3)
