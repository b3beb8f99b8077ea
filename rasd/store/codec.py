"""The store's encoding of results, and stored JSON back to the typed model.

The store keeps results in the schema of :meth:`rasd.doc.Document.to_dict`: each event as JSON, and
the rest of the document as one compressed blob (:func:`result_blob`, read by :func:`result_from_blob`).
The blob writes each annotation list as columns (field names once, then one array of values per item,
taken with :func:`operator.attrgetter`), which is several times cheaper to build and encode than
``to_dict()`` and decodes to exactly the same dicts.  Exports that reuse the per-event writers (ACLED
CSV, PLOVER JSONL) need :class:`~rasd.doc.Event` objects again: :func:`event_from_dict`,
:func:`document_from_dict`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import operator
import zlib
from functools import cache
from typing import Any

from rasd.doc import (
    Actor,
    DateMention,
    Document,
    Entity,
    Event,
    Figure,
    Place,
    Quote,
    Sentence,
    Span,
    Speaker,
    _plain,  # the one dataclass-to-dict conversion (that of Document.to_dict)
)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The result schema of a document (kept as the store's entry point; it is ``doc.to_dict()``)."""
    return doc.to_dict()


_SHALLOW: dict[type, tuple[tuple[str, ...], Any] | None] = {}


def _shallow_getter(cls: type) -> tuple[tuple[str, ...], Any] | None:
    """(field names, a getter of all their values as a tuple) of a dataclass; None for anything else."""
    g = _SHALLOW.get(cls, _MISSING)
    if g is _MISSING:
        g = None
        if dataclasses.is_dataclass(cls) and isinstance(cls, type):
            names = tuple(f.name for f in dataclasses.fields(cls))
            get = operator.attrgetter(*names)
            g = (names, get if len(names) > 1 else (lambda o, _g=get: (_g(o),)))
        _SHALLOW[cls] = g
    return g


def json_default(obj: Any) -> Any:
    """The JSON encoders' ``default``: a dataclass becomes the dict of its fields, whose values the
    encoder converts in turn (calling this again for nested dataclasses), so the JSON is that of
    :func:`rasd.doc._plain` (``Document.to_dict``) with the field loop done in C; anything else
    goes to ``_plain``."""
    g = _SHALLOW.get(type(obj)) or _shallow_getter(type(obj))  # (one call less for known classes)
    if g is None:
        return _plain(obj)
    return dict(zip(g[0], g[1](obj)))  # noqa: B905 - one value per name, by construction


# compact JSON, non-ASCII kept; dataclasses met inside values (a Figure's counted Span, a Quote's
# Speaker) become the dicts of to_dict(); results hold no cycles, so the encoder does not look for any
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=json_default,
                           check_circular=False).encode
# article metadata: stored in the articles table, not in the blob
_META = ("id", "published", "source", "url", "title", "events")
_MISSING = object()


@cache
def _blob_keys() -> tuple[str, ...]:
    """The keys of ``Document.to_dict()`` that the blob keeps (all but metadata and events)."""
    return tuple(k for k in Document(text="").to_dict() if k not in _META)


@cache
def _getter(cls: type) -> tuple[tuple[str, ...], operator.attrgetter]:
    names = tuple(f.name for f in dataclasses.fields(cls))
    return names, operator.attrgetter(*names)


def _columns(items: list, text: str) -> Any:
    """A list of dataclasses of one class as ``{"fields": names, "rows": [values...]}``; any other
    list as to_dict() would write it.  When every item's ``text`` is ``text[start:end]`` (as
    offsets promise), the column is left out and marked ``"derived": ["text"]``."""
    if not items:
        return []
    cls = type(items[0])
    if not dataclasses.is_dataclass(cls) or len(set(map(type, items))) != 1:  # (all of cls, in C)
        return _plain(items)
    names, get = _getter(cls)
    if names[:3] == _SPAN and list(map(text.__getitem__, map(slice, map(_START, items), map(_END, items)))) \
            == list(map(_TEXT, items)):  # every text is text[start:end]
        return {"fields": ("start", "end", *names[3:]), "rows": list(map(_getter_after_span(cls), items)), "derived": ["text"]}
    rows = list(map(get, items)) if len(names) > 1 else [(get(x),) for x in items]
    return {"fields": names, "rows": rows}


_SPAN = ("start", "end", "text")
_START, _END, _TEXT = operator.attrgetter("start"), operator.attrgetter("end"), operator.attrgetter("text")


@cache
def _getter_after_span(cls: type):
    """(start, end, fields after text...) of an item whose first fields are start, end, text."""
    names = _getter(cls)[0]
    return operator.attrgetter("start", "end", *names[3:])


def result_blob(doc: Document) -> bytes:
    """zlib-compressed JSON of ``doc.to_dict()`` without metadata and events, annotation lists as
    columns (:func:`result_from_blob` reads it back as to_dict() dicts)."""
    out: dict[str, Any] = {}
    for key in _blob_keys():
        value = getattr(doc, key, _MISSING)
        if value is _MISSING:  # to_dict() names something Document has no attribute for
            d = doc.to_dict()
            return zlib.compress(_encode({k: d[k] for k in _blob_keys()}).encode("utf-8"), 1)
        out[key] = _columns(value, doc.text) if isinstance(value, list) else _plain(value)
    return zlib.compress(_encode(out).encode("utf-8"), 1)


def result_from_blob(blob: bytes, text: str) -> dict[str, Any]:
    """The dict a :func:`result_blob` of a document with ``text`` (or an older store's plain
    to_dict JSON) holds, with every annotation list as to_dict() dicts."""
    d = json.loads(zlib.decompress(blob))
    for key, value in d.items():
        if not (isinstance(value, dict) and "fields" in value and "rows" in value):
            continue
        names = value["fields"]
        if value.get("derived") == ["text"]:  # start, end, then the fields after text
            rest = names[2:]
            d[key] = [{"start": r[0], "end": r[1], "text": text[r[0]:r[1]], **dict(zip(rest, r[2:], strict=True))}
                      for r in value["rows"]]
        else:
            d[key] = [dict(zip(names, row, strict=True)) for row in value["rows"]]
    return d


def shallow_dicts(items: list) -> list[dict[str, Any]]:
    """Each dataclass of ``items`` as the dict of its fields, nested values left as they are
    (dataclasses too: :func:`json_default` encodes them as ``to_dict()`` would); anything else as
    ``_plain`` makes it."""
    out = []
    for x in items:
        g = _shallow_getter(type(x))
        out.append(_plain(x) if g is None else dict(zip(g[0], g[1](x))))  # noqa: B905
    return out


def event_dicts(doc: Document) -> list[dict[str, Any]]:
    """The events of ``doc`` as in ``doc.to_dict()["events"]`` (without converting the rest)."""
    return [_plain(e) for e in doc.events]


def _build(cls, d: dict | None, **nested):
    """``cls(**d)`` keeping only known fields, converting nested dicts with ``nested`` builders."""
    if d is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    kw: dict[str, Any] = {}
    for k, v in d.items():
        if k not in names:
            continue
        conv = nested.get(k)
        kw[k] = conv(v) if conv is not None and v is not None else v
    return cls(**kw)


def span_from_dict(d: dict | None) -> Span | None:
    """A :class:`Span` from its dict."""
    return _build(Span, d)


def place_from_dict(d: dict | None) -> Place | None:
    """A :class:`Place` from its dict."""
    return _build(Place, d)


def event_from_dict(d: dict) -> Event:
    """An :class:`Event` from its dict (the ``events`` items of ``Document.to_dict()``)."""
    return _build(Event, d,
                  evidence=lambda xs: [span_from_dict(x) for x in xs],
                  trigger=span_from_dict,
                  location=place_from_dict,
                  actors=lambda xs: [_build(Actor, x) for x in xs])


def document_from_dict(d: dict, text: str) -> Document:
    """A :class:`Document` from ``to_dict()`` output and the verbatim text."""
    pub = d.get("published")
    doc = Document(text=text, id=d.get("id"), source=d.get("source"), url=d.get("url"),
                   title=d.get("title"),
                   published=_dt.date.fromisoformat(pub) if pub else None)
    doc.focus_countries = list(d.get("focus_countries") or [])
    doc.sentences = [_build(Sentence, x) for x in d.get("sentences") or []]
    doc.entities = [_build(Entity, x) for x in d.get("entities") or []]
    doc.places = [place_from_dict(x) for x in d.get("places") or []]
    doc.dates = [_build(DateMention, x) for x in d.get("dates") or []]
    doc.figures = [_build(Figure, x, counted=span_from_dict) for x in d.get("figures") or []]
    doc.quotes = [_build(Quote, x, speaker=lambda s: _build(Speaker, s), cue=span_from_dict)
                  for x in d.get("quotes") or []]
    doc.events = [event_from_dict(x) for x in d.get("events") or []]
    return doc
