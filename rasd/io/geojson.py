"""GeoJSON: a FeatureCollection of located events (Point geometries, properties for maps and tables).

:func:`event_feature` turns one event dict (``Document.to_dict()`` schema) and what is known of its
article into a Feature; :func:`write_geojson_events` streams Features of event dicts, one a line, so
a large export never sits in memory; :func:`write_geojson` does the same for Documents
(``rasd extract --format geojson``).  Events without coordinates are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rasd.doc import Document


def event_feature(ev: dict, article: dict | None = None) -> dict | None:
    """A GeoJSON Feature for a located event, or None when it has no coordinates."""
    loc = ev.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None:
        return None
    art = article or {}
    actors = ev.get("actors") or []
    by_role = {a.get("role"): (a.get("name") or a.get("text")) for a in reversed(actors)}
    evidence = ev.get("evidence") or []
    props = {
        "id": ev.get("id"),
        "article_id": ev.get("article_id") or art.get("id"),
        "type": ev.get("type"),
        "mode": ev.get("mode"),
        "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"),
        "date": ev.get("date"),
        "date_precision": ev.get("date_precision"),
        "place": loc.get("name") or loc.get("text"),
        "place_en": loc.get("name_en"),
        "country_code": loc.get("country_code"),
        "geo_precision": loc.get("geo_precision"),
        "actor1": by_role.get("actor1"),
        "actor2": by_role.get("actor2"),
        "fatalities": ev.get("fatalities"),
        "injured": ev.get("injured"),
        "factuality": ev.get("factuality"),
        "confidence": ev.get("confidence"),
        "evidence": evidence[0].get("text") if evidence else None,
        "source": art.get("source"),
        "published": art.get("published"),
        "title": art.get("title"),
        "url": art.get("url"),
    }
    return {"type": "Feature", "id": ev.get("id"),
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def write_geojson_events(items: Iterable[tuple[dict, dict | None]], fh: TextIO) -> int:
    """Stream a FeatureCollection of (event dict, article dict) pairs; returns the features written."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev, art in items:
        feat = event_feature(ev, art)
        if feat is None:
            continue
        if n:
            fh.write(",\n")
        fh.write(json.dumps(feat, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


def write_geojson(docs: Iterable[Document], fh: TextIO, **_) -> None:
    """The located events of ``docs`` as one FeatureCollection."""

    def items():
        for d in docs:
            dd = d.to_dict()
            art = {k: dd[k] for k in ("id", "source", "published", "title", "url")}
            for ev in dd["events"]:
                yield ev, art

    write_geojson_events(items(), fh)
