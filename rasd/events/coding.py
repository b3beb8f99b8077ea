"""PLOVER → ACLED: disorder type, event type, sub-event type and civilian targeting of an event.

The table is data (``data/events/acled_mapping.yaml``); two cases are decided here: an attack with
small arms is an *Armed clash* when the other side is armed and *Violence against civilians — Attack*
when it is civilian, and taking ground is *Government regains territory* for state forces and
*Non-state actor overtakes territory* otherwise.
"""

from __future__ import annotations

from functools import cache

from rasd.doc import Event
from rasd.lexicon import load_yaml

MAPPING_FILE = "events/acled_mapping.yaml"


@cache
def _tables() -> tuple[dict[str, tuple[str, str]], dict]:
    data = load_yaml(MAPPING_FILE)
    sub_to_types: dict[str, tuple[str, str]] = {}
    for disorder, types in data["acled"].items():
        for event_type, subs in types.items():
            for sub in subs:
                sub_to_types.setdefault(sub, (disorder, event_type))
    return sub_to_types, data


def sub_event_types() -> list[str]:
    """ACLED's sub-event types (25)."""
    return list(_tables()[0])


def mode_rank(plover_type: str) -> list[str]:
    """The modes of a type from most to least specific."""
    return list(_tables()[1].get("mode_rank", {}).get(plover_type, []))


def code_acled(ev: Event, *, victims_civilian: bool = False, victims_armed: bool = False) -> Event:
    """Fill ``disorder_type``, ``event_type``, ``sub_event_type`` and ``civilian_targeting`` in place."""
    sub_to_types, data = _tables()
    modes = data["modes"].get(ev.type)
    if not modes:
        return ev
    sub = modes.get(ev.mode or "") or modes.get("*")
    if sub is None:
        return ev
    actor1 = next((a for a in ev.actors if a.role == "actor1"), None)
    actor2 = next((a for a in ev.actors if a.role == "actor2"), None)
    civ2 = actor2 is not None and actor2.inter == 7 or victims_civilian and not victims_armed
    if sub == "@clash-or-attack":
        armed2 = actor2 is not None and actor2.inter in (1, 2, 3, 4, 8)
        sub = "Attack" if civ2 and not armed2 else "Armed clash"
    elif sub == "@territory":
        sub = "Government regains territory" if actor1 is not None and actor1.inter == 1 \
            else "Non-state actor overtakes territory"
    if ev.type == "PROTEST" and sub == "Peaceful protest" and ev.fatalities:
        sub = "Excessive force against protesters"
    disorder, event_type = sub_to_types[sub]
    ev.disorder_type, ev.event_type, ev.sub_event_type = disorder, event_type, sub
    ev.civilian_targeting = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and civ2 and not victims_armed)
    return ev
