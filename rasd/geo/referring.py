"""Nouns that name a country by its form of state (المملكة, السلطنة) and refer back to the article's one.

Saudi, Jordanian or Moroccan papers call their own country "the Kingdom" far more often than by name.
A bare such noun becomes a place of the country of that kind the article names most (by its name or a
nisba); nothing is added when none is named or two are named equally often.  Finding is kept apart from
the gazetteer matcher: it runs over the places already resolved.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache

from rasd.doc import Document, Place
from rasd.geo.scanned import ScannedMatcher
from rasd.lexicon import load_yaml
from rasd.lexicon.matcher import PhraseMatcher, normalize_key
from rasd.text.normalize import NormText


@lru_cache(maxsize=1)
def _lexicon() -> tuple[PhraseMatcher, frozenset[str], tuple[str, ...]]:
    data = load_yaml("geo/referring.yaml")
    matcher = ScannedMatcher()
    for noun, countries in data["nouns"].items():
        matcher.add(noun, frozenset(countries))
    # the nouns without their article: a text holding none of them needs no scan (لمملكة after لـ too)
    stems = tuple(k[2:] if k.startswith("ال") else k for k in (normalize_key(n) for n in data["nouns"]))
    return matcher, frozenset(normalize_key(w) for w in data.get("not_before", [])), stems


def referring_places(doc: Document, nt: NormText, places: list[Place], focus: list[str]) -> list[Place]:
    """Places for the bare state nouns of ``doc`` that refer to a country it names: the candidate ranked
    first among the document's ``focus`` countries, else the one named most (see module doc)."""
    matcher, not_before, stems = _lexicon()
    named = Counter(p.country_code for p in places if p.kind == "country" and p.country_code)
    if not named or not any(stem in nt.norm for stem in stems):
        return []
    found = matcher.find(nt)
    model: dict[str, Place] = {}  # each named country's first mention, by name rather than nisba
    for p in places:
        if p.kind == "country" and p.country_code and (p.country_code not in model or
                                                       p.via == "name" != model[p.country_code].via):
            model[p.country_code] = p
    out: list[Place] = []
    for m in found:
        if any(p.start < m.end and m.start < p.end for p in places):
            continue  # part of a name the gazetteer knows (المملكة المتحدة)
        nxt = nt.norm[m.norm_end:m.norm_end + 30].split(None, 1)
        if nxt and nt.norm[m.norm_end:m.norm_end + 1].isspace() and (
                nxt[0] in not_before or nxt[0].startswith("ال") and nxt[0].endswith("يه")):
            continue  # المملكة الإسبانية: another name or a description
        cands = m.values[0]
        cc = next((c for c in focus if c in cands and named[c]), None)
        if cc is None:
            counts = sorted(((named[c], c) for c in cands if named[c]), reverse=True)
            if not counts or len(counts) > 1 and counts[0][0] == counts[1][0]:
                continue  # none named, or two kingdoms named as often: no telling which
            cc = counts[0][1]
        base = model[cc]
        out.append(dataclasses.replace(base, start=m.start, end=m.end, text=doc.text[m.start:m.end],
                                       via="name", relation=None))
    return out
