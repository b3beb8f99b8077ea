"""Where did an event happen?  The best place of a document for a stretch of text (a clause).

:func:`best_place` is the helper for the events coder: given a :class:`~rasd.doc.Document` that has
been through :class:`~rasd.geo.stage.RecognizePlaces` and a character range (a sentence or clause),
it returns the :class:`~rasd.doc.Place` an event there most likely happened at:

- towns, villages and landmarks before regions and admin1 areas, those before countries; nisba
  adjectives (المصري) only as a last resort;
- a place governed by a locative word (في، قرب، ضواحي، شمال ... or a relation) after the trigger
  before one elsewhere;
- not the place where a speaker speaks from: a place between a speech verb's subject and the verb
  (قال مسؤول في بيروت إن ...) or in a dateline is held back when the clause has another.
"""

from __future__ import annotations

from rasd.doc import Document, Place
from rasd.lexicon import word_set
from rasd.lexicon.matcher import normalize_key

_KIND_RANK = {"facility": 6.0, "city": 5.0, "village": 5.0, "region": 3.0, "admin1": 3.0, "country": 1.0}
_RELATIONS = "geo/relations.yaml"  # the word lists of this module, as data
_LOCATIVE = word_set(_RELATIONS, "locative_words")
_SPEECH = word_set(_RELATIONS, "speaker_verbs")
_THAT = word_set(_RELATIONS, "speaker_complementisers")
_WHEN = word_set(_RELATIONS, "speech_time")


def _prev_word(doc: Document, start: int) -> str:
    i = start - 1
    while i >= 0 and doc.text[i].isspace():
        i -= 1
    j = i
    while j >= 0 and doc.text[j].isalpha():
        j -= 1
    return normalize_key(doc.text[j + 1:i + 1])


def _is_speaker_place(doc: Document, p: Place, end: int) -> bool:
    """A place right before a speech verb's complementiser: «قال مسؤول في بيروت إن ...»."""
    window = normalize_key(doc.text[p.end:min(end, p.end + 25)])
    words = window.split()
    # أعلن الائتلاف في واشنطن أمس أن ...: one word (a day) may stand between the place and أن
    return bool(words) and (words[0] in _THAT or (len(words) > 1 and words[1] in _THAT and words[0] in _WHEN))


def best_place(doc: Document, start: int, end: int, *, trigger: int | None = None,
               fallback_sentence: bool = True) -> Place | None:
    """The most likely place of an event described in ``doc.text[start:end]``.

    ``trigger`` (a character offset of the event's trigger word), when given, favours places after
    it.  When the range has no place, the enclosing sentence is tried (``fallback_sentence``).
    Returns None when nothing fits; the caller may then use ``doc.focus_countries``.
    """
    cands = [p for p in doc.places if p.start >= start and p.end <= end]
    if not cands and fallback_sentence:
        s = doc.sentence_of(start)
        if s is not None and (s.start, s.end) != (start, end):
            cands = [p for p in doc.places if p.start >= s.start and p.end <= s.end]
    if len(cands) < 2:
        return cands[0] if cands else None  # nothing to weigh (a third of the calls on news)
    speech_before = {p.start for p in cands if _speaker_context(doc, p, start)}

    def score(p: Place) -> float:
        s = _KIND_RANK.get(p.kind or "", 2.0)
        if p.via == "nisba":
            s -= 1.0
        prev = _prev_word(doc, p.start)
        if p.relation or prev in _LOCATIVE or prev[:1] in ("ب",) and len(prev) > 2:
            s += 1.0
        if p.text[:1] in ("ب",) and p.via == "name":
            s += 0.5
        if trigger is not None:
            s += 0.75 if p.start >= trigger else -0.25
            s -= min(abs(p.start - trigger), 400) / 800.0
        if p.start in speech_before or _is_speaker_place(doc, p, end):
            s -= 2.5
        if p.geo_precision:
            s += (3 - p.geo_precision) * 0.1
        return s

    return max(cands, key=lambda p: (score(p), -p.start))


def _speaker_context(doc: Document, p: Place, start: int) -> bool:
    """A speech verb shortly before the place and a complementiser (إن) shortly after it."""
    before = normalize_key(doc.text[max(start, p.start - 40):p.start]).split()
    return any(w.lstrip("و") in _SPEECH for w in before[-4:]) and _is_speaker_place(doc, p, p.end + 30)
