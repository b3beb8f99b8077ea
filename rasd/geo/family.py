"""Nisbas that are family names, not countries (عبدالله التركي، الدكتور المصري).

Many Arab family names are nisbas of a country (التركي، المصري، السوداني).  The gazetteer reads each
as its country; once people are known, a nisba inside a person's name (after its first word) or right
after an honorific (``geo/family_names.yaml``) is dropped from the places.  Finding is kept apart from
the gazetteer matcher: this runs over the places already resolved and the merged entities.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from rasd.doc import Document, Place
from rasd.lexicon import word_set


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return word_set("geo/family_names.yaml", "honorifics")


def drop_family_nisbas(doc: Document) -> list[Place]:
    """``doc.places`` without the nisbas that are part of a person's name or follow an honorific."""
    nisbas = [p for p in doc.places if p.via == "nisba"]
    if not nisbas:
        return doc.places
    people = sorted((e.start, e.end) for e in doc.entities if e.label == "PERS")
    pstarts = [a for a, _b in people]
    tstarts = [t.start for t in doc.tokens]
    honorifics = _honorifics()
    drop = set()
    for p in nisbas:
        i = bisect.bisect_right(pstarts, p.start) - 1
        if i >= 0 and people[i][0] < p.start and p.end <= people[i][1]:
            drop.add(id(p))  # عبدالله التركي: a later word of a name
            continue
        k = bisect.bisect_left(tstarts, p.start) - 1
        if k >= 0 and doc.tokens[k].norm in honorifics and _adjacent(doc.text, doc.tokens[k].end, p.start):
            drop.add(id(p))  # الدكتور التركي
    return [p for p in doc.places if id(p) not in drop] if drop else doc.places


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces between ``end`` and ``start`` (no comma or line break)."""
    return end < start and text[end:start].strip(" ") == ""
