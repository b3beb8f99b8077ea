"""Stored JSON back to the typed model: :func:`event_from_dict`, :func:`document_from_dict`.

The store keeps results in the schema of :meth:`rasd.doc.Document.to_dict`; exports that reuse the
per-event writers (ACLED CSV, PLOVER JSONL) need :class:`~rasd.doc.Event` objects again.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
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
)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The result schema of a document (kept as the store's entry point; it is ``doc.to_dict()``)."""
    return doc.to_dict()


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
