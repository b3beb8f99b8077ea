"""PLOVER JSON lines: one event a line with PLOVER's fields (and rasd's evidence and ACLED coding).

:func:`plover_record` turns one :class:`~rasd.doc.Event` into a PLOVER dict (``id``, ``date``,
``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``, ``event_text``, ``size``);
:func:`write_plover_jsonl` streams the records of many Documents (``--format plover-jsonl``).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TextIO

from rasd.doc import Actor, Document, Event


@cache
def _contexts() -> dict[str, list[str]]:
    from rasd.lexicon import load_yaml

    return load_yaml("events/acled_mapping.yaml").get("contexts") or {}


def _actor(a: Actor | None) -> dict | None:
    if a is None:
        return None
    return {"name": a.name or a.text, "name_en": a.name_en, "country": a.country_code, "text": a.text,
            "inter": a.inter, "start": a.start, "end": a.end}


def plover_record(ev: Event, *, article_id: str | None = None, source: str | None = None,
                  published: _dt.date | str | None = None) -> dict:
    """One event as a PLOVER record."""
    a1 = next((a for a in ev.actors if a.role == "actor1"), None)
    a2 = next((a for a in ev.actors if a.role == "actor2"), None)
    loc = ev.location
    return {
        "id": ev.id,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "actor": _actor(a1),
        "recipient": _actor(a2),
        "event": ev.type,
        "mode": ev.mode,
        "context": list(_contexts().get(ev.type, [])),
        "event_loc": None if loc is None else {
            "name": loc.name or loc.text, "name_en": loc.name_en, "country": loc.country_code,
            "admin1": loc.admin1_en or loc.admin1, "lat": loc.lat, "lon": loc.lon,
            "geo_precision": loc.geo_precision, "text": loc.text, "start": loc.start, "end": loc.end},
        "event_text": " ".join(s.text for s in ev.evidence),
        "size": {"dead": ev.fatalities, "injured": ev.injured, "arrested": ev.arrested,
                 "displaced": ev.displaced},
        "factuality": ev.factuality,
        "confidence": ev.confidence,
        "evidence": [{"start": s.start, "end": s.end} for s in ev.evidence],
        "trigger": None if ev.trigger is None else {"start": ev.trigger.start, "end": ev.trigger.end,
                                                    "text": ev.trigger.text},
        "acled": {"disorder_type": ev.disorder_type, "event_type": ev.event_type,
                  "sub_event_type": ev.sub_event_type, "civilian_targeting": ev.civilian_targeting},
        "article_id": article_id,
        "source": source,
        "published": published.isoformat() if isinstance(published, _dt.date) else published,
    }


def plover_records(doc: Document) -> Iterator[dict]:
    """The PLOVER records of one document."""
    for ev in doc.events:
        yield plover_record(ev, article_id=doc.id, source=doc.source, published=doc.published)


def write_plover_jsonl(docs: Iterable[Document], fh: TextIO, **_) -> None:
    """Stream one PLOVER JSON record a line for every event of ``docs``."""
    for doc in docs:
        for rec in plover_records(doc):
            fh.write(json.dumps(rec, ensure_ascii=False))
            fh.write("\n")
