"""The document model: typed results, every one tied to character offsets of the original text.

A :class:`Document` holds the verbatim article text and the layers that pipeline stages add
(tokens, sentences, entities, places, dates, figures, quotes, events).  Every annotation carries
``start``/``end`` character offsets into ``Document.text`` and the ``text`` it covers, so that
``doc.text[a.start:a.end] == a.text`` always holds.  Normalised forms exist only for matching.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A stretch of the original text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Token:
    """A token of the original text with its matching form (normalised, clitics untouched)."""

    start: int
    end: int
    text: str
    norm: str
    kind: str = "word"  # word | number | latin | punct


@dataclass(slots=True)
class Sentence:
    """A sentence: offsets into the text and the index range of its tokens."""

    start: int
    end: int
    text: str
    token_start: int = 0
    token_end: int = 0


@dataclass(slots=True)
class Entity:
    """A named entity: PERS, ORG, LOC, MISC (and finer labels from later stages)."""

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None  # a cleaner name (clitics and titles removed) when known
    role: str | None = None  # e.g. "الرئيس المصري" for a person introduced with a title
    source: str = "rules"  # rules | gazetteer | tagger | actors
    confidence: float = 1.0
    info: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Place:
    """A place mention resolved (or not) to a gazetteer entry."""

    start: int
    end: int
    text: str
    name: str | None = None  # canonical Arabic name
    name_en: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # country | admin1 | city | village | facility | region
    admin1: str | None = None
    admin1_en: str | None = None
    geonameid: int | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near town / small area, 3 region
    relation: str | None = None  # e.g. "outskirts", "near", "north-of" for relative locations
    via: str = "name"  # name | nisba | region | landmark
    unresolved_reason: str | None = None


@dataclass(slots=True)
class DateMention:
    """A date expression resolved against the publication date when it is relative."""

    start: int
    end: int
    text: str
    value: str | None  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD
    precision: str  # day | week | month | year | range | unknown
    end_value: str | None = None  # for ranges ("خلال الأيام الثلاثة الماضية")
    relative: bool = False
    calendar: str = "gregorian"  # gregorian | hijri


@dataclass(slots=True)
class Figure:
    """A number with what it counts (killed, injured, displaced, arrested, age, distance ...)."""

    start: int
    end: int
    text: str
    value: float
    kind: str  # killed | injured | displaced | arrested | missing | age | distance | duration | money | percent | year | count
    unit: str | None = None
    approximate: bool = False  # "نحو", "حوالي", "عشرات"
    qualifier: str | None = None  # "more-than" | "less-than" | "about" | "at-least" | "up-to"
    counted: Span | None = None  # the noun that the number counts, when found


@dataclass(slots=True)
class Speaker:
    """Who said a quote: the span that names them, and what rasd knows of them."""

    start: int
    end: int
    text: str
    name: str | None = None  # canonical name (person, organisation, document, channel)
    role: str | None = None  # e.g. "المتحدث باسم الرئاسة المصرية"
    kind: str = "person"  # person | organisation | document | channel | unknown


@dataclass(slots=True)
class Quote:
    """A direct («...», "...") or reported (قال إن ...) quote with its speaker."""

    start: int
    end: int
    text: str
    kind: str  # direct | reported
    speaker: Speaker | None = None
    cue: Span | None = None  # the speech verb (قال، أكد ...)
    channel: str | None = None  # e.g. "تويتر" when said "على تويتر"


@dataclass(slots=True)
class Actor:
    """A participant of an event."""

    start: int | None
    end: int | None
    text: str
    role: str  # actor1 | actor2 | assoc_actor_1 | assoc_actor_2
    name: str | None = None
    name_en: str | None = None
    country_code: str | None = None
    inter: int | None = None  # ACLED inter code 1..8


@dataclass(slots=True)
class Event:
    """An event coded with PLOVER's type (and ACLED's where ACLED would code it)."""

    type: str  # PLOVER: ASSAULT, CONSULT, ...
    evidence: list[Span]
    trigger: Span | None = None
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Place | None = None
    actors: list[Actor] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    displaced: int | None = None
    arrested: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None  # ACLED event type
    sub_event_type: str | None = None
    civilian_targeting: bool = False
    factuality: str = "asserted"  # asserted | negated | future | hypothetical | reported
    confidence: float = 0.5
    id: str | None = None


@dataclass(slots=True)
class Document:
    """An article and all that rasd read in it."""

    text: str
    id: str | None = None
    published: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    focus_countries: list[str] = field(default_factory=list)
    layers: set[str] = field(default_factory=lambda: {"text"})
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of this document's text."""
        return Span(start, end, self.text[start:end])

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """The result as plain JSON-ready data (the schema of docs/schema.md)."""
        out: dict[str, Any] = {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "focus_countries": list(self.focus_countries),
            "sentences": [_plain(s) for s in self.sentences],
            "entities": [_plain(e) for e in self.entities],
            "places": [_plain(p) for p in self.places],
            "dates": [_plain(d) for d in self.dates],
            "figures": [_plain(f) for f in self.figures],
            "quotes": [_plain(q) for q in self.quotes],
            "events": [_plain(e) for e in self.events],
        }
        if tokens:
            out["tokens"] = [_plain(t) for t in self.tokens]
        return out


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = (str, int, float, bool, type(None))


def _plain(obj: Any) -> Any:
    """Dataclasses to dicts, recursively (field names cached per class; faster than dataclasses.asdict)."""
    if isinstance(obj, _SCALARS):
        return obj
    names = _FIELDS.get(type(obj))
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        out = {}
        for n in names:
            v = getattr(obj, n)
            out[n] = v if isinstance(v, _SCALARS) else _plain(v)
        return out
    if isinstance(obj, list | tuple):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    return obj
