"""The cue lexicon (negation, future, reporting verbs, clause markers ...) as one matcher over a text."""

from __future__ import annotations

from functools import cache

from rasd.lexicon import load_yaml
from rasd.lexicon.matcher import PhraseMatcher

CUES_FILE = "events/cues.yaml"

#: cue categories that are plain word lists in cues.yaml
CATEGORIES = (
    "negation", "denial", "future", "conditional", "modality", "accusation", "stance", "reporting",
    "subordinators", "noun_governors", "complementizers", "light_verbs", "history", "generic",
    "question", "concrete_time", "civilians", "armed", "subtotal", "cumulative", "negation_exceptions",
)


@cache
def cue_data() -> dict:
    """The parsed cues.yaml."""
    return load_yaml(CUES_FILE)


@cache
def cue_matcher() -> PhraseMatcher:
    """One clitic-aware matcher whose values are the cue categories of each phrase."""
    data = cue_data()
    m = PhraseMatcher(["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك"], suffixes=())
    for cat in CATEGORIES:
        for w in data.get(cat, []) or []:
            m.add(w, cat)
    for w in (data.get("vague_quantities") or {}):
        m.add(w, "vague")
    for kind, words in (data.get("vague_kinds") or {}).items():
        for w in words:
            m.add(w, "vk:" + kind)
    m.build()
    return m
