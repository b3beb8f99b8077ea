"""What the HTTP API reads from: a small interface over the corpus, and an in-memory stand-in.

The API never touches SQL itself; it asks a :class:`Backend` for filtered events, one event, one
article, a search, statistics, or to ingest an article.  :class:`MemoryBackend` keeps documents in
a list (tests, ``rasd serve`` without a store); :mod:`rasd.server.store_backend` adapts the SQLite
corpus store of :mod:`rasd.store`.

Events are exchanged as *flat records* (:func:`flat_event`): one JSON-ready dict per event with the
fields an analyst filters and tabulates on, and the article's id to fetch the full reading.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Protocol

from rasd.doc import Document

# The flat event columns, in CSV order.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "type", "mode", "event_type", "sub_event_type", "disorder_type",
    "date", "date_precision", "country_code", "place", "place_en", "admin1", "lat", "lon",
    "geo_precision", "actor1", "actor2", "actors", "fatalities", "injured", "displaced", "arrested",
    "civilian_targeting", "factuality", "confidence", "source", "title", "url", "published",
)


@dataclass(slots=True)
class EventFilter:
    """The CLI's event filters; every field optional, all given ones must hold."""

    country: str | None = None  # ISO 3166-1 alpha-2, case-insensitive
    type: str | None = None  # PLOVER type
    acled_type: str | None = None  # ACLED event_type
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    actor: str | None = None  # substring of an actor's name or mention
    near: tuple[float, float, float] | None = None  # lat, lon, km
    min_fatalities: int | None = None
    q: str | None = None  # full-text query over articles
    include_duplicates: bool = False  # also events of near-duplicate articles (store only)

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return all(getattr(self, f) in (None, "", False) for f in self.__slots__)


class Backend(Protocol):
    """The corpus as the API sees it."""

    writable: bool

    def events(self, flt: EventFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(total matching, one page of flat event records), newest first."""

    def points(self, flt: EventFilter, limit: int) -> list[tuple]:
        """(id, lat, lon, type, fatalities, day number since 1970-01-01 or -1) of matching events,
        newest first (lat/lon None when not located): the map's and the timeline's data."""

    def version(self) -> Any:
        """A value that changes whenever the corpus changes (for caches)."""

    def event(self, event_id: str) -> tuple[dict, dict] | None:
        """(the full event dict, its article dict with text and all annotations) or None."""

    def article(self, article_id: str) -> dict | None:
        """The article: metadata, verbatim ``text`` and all annotations (Document.to_dict)."""

    def search(self, q: str, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(total, hits): articles matching a full-text query, each with a plain-text snippet."""

    def stats(self) -> dict:
        """Counts for the dashboard: totals, by type, ACLED type, country, day; date range."""

    def ingest(self, doc: Document) -> dict:
        """Store one extracted document; returns {'id', 'events'}."""


# ---------------------------------------------------------------------------------------------
# Flat records


def _actor_name(a: dict) -> str:
    return a.get("name") or a.get("text") or ""


def event_ids(doc: dict) -> list[str]:
    """Stable ids for a document's events: its own id, else ``<article id>-<n>``."""
    aid = doc.get("id") or "doc"
    return [e.get("id") or f"{aid}-{i}" for i, e in enumerate(doc.get("events") or [])]


def flat_event(ev: dict, doc: dict, event_id: str | None = None) -> dict[str, Any]:
    """One event of an article as a flat, JSON-ready record (see :data:`EVENT_COLUMNS`)."""
    loc = ev.get("location") or {}
    actors = ev.get("actors") or []
    by_role = {a.get("role"): _actor_name(a) for a in reversed(actors)}
    return {
        "id": event_id or ev.get("id"),
        "article_id": doc.get("id"),
        "type": ev.get("type"),
        "mode": ev.get("mode"),
        "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"),
        "disorder_type": ev.get("disorder_type"),
        "date": ev.get("date"),
        "date_precision": ev.get("date_precision"),
        "country_code": loc.get("country_code"),
        "place": loc.get("name") or loc.get("text"),
        "place_en": loc.get("name_en"),
        "admin1": loc.get("admin1"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "actor1": by_role.get("actor1"),
        "actor2": by_role.get("actor2"),
        "actors": [_actor_name(a) for a in actors],
        "fatalities": ev.get("fatalities"),
        "injured": ev.get("injured"),
        "displaced": ev.get("displaced"),
        "arrested": ev.get("arrested"),
        "civilian_targeting": bool(ev.get("civilian_targeting")),
        "factuality": ev.get("factuality"),
        "confidence": ev.get("confidence"),
        "source": doc.get("source"),
        "title": doc.get("title"),
        "url": doc.get("url"),
        "published": doc.get("published"),
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def matches(rec: dict, flt: EventFilter) -> bool:
    """Whether a flat event record passes ``flt`` (all but ``q``, which needs the article)."""
    if flt.country and (rec.get("country_code") or "").upper() != flt.country.upper():
        return False
    if flt.type and (rec.get("type") or "").upper() != flt.type.upper():
        return False
    if flt.acled_type and (rec.get("event_type") or "").lower() != flt.acled_type.lower():
        return False
    day = (rec.get("date") or rec.get("published") or "")[:10]
    if flt.since and (not day or day < flt.since):
        return False
    if flt.until and (not day or day > flt.until):
        return False
    if flt.min_fatalities is not None and (rec.get("fatalities") or 0) < flt.min_fatalities:
        return False
    if flt.actor:
        needle = flt.actor.casefold()
        if not any(needle in (a or "").casefold() for a in rec.get("actors") or []):
            return False
    if flt.near:
        lat, lon, km = flt.near
        if rec.get("lat") is None or rec.get("lon") is None:
            return False
        if haversine_km(lat, lon, rec["lat"], rec["lon"]) > km:
            return False
    return True


def sort_key(rec: dict) -> tuple:
    """Newest first: event date (else publication date), then id."""
    return ((rec.get("date") or rec.get("published") or ""), rec.get("id") or "")


def article_dict(doc: Document | dict) -> dict:
    """An article as the API returns it: Document.to_dict() plus the verbatim ``text``."""
    if isinstance(doc, Document):
        out = doc.to_dict()
        out["text"] = doc.text
        ids = event_ids(out)
        for ev, eid in zip(out["events"], ids, strict=True):
            ev["id"] = eid
        return out
    return doc


def snippet(text: str, terms: list[str], width: int = 160) -> dict:
    """A plain-text excerpt around the first matching term, with the match's offsets in it."""
    low = text.casefold()
    pos, hit = -1, ""
    for t in terms:
        p = low.find(t.casefold())
        if p >= 0 and (pos < 0 or p < pos):
            pos, hit = p, t
    if pos < 0:
        return {"text": text[:width], "start": text[:width] and 0, "match": []}
    a = max(0, pos - width // 2)
    b = min(len(text), a + width)
    return {"text": text[a:b], "start": a, "match": [[pos - a, pos - a + len(hit)]]}


# ---------------------------------------------------------------------------------------------
# In-memory stand-in


class MemoryBackend:
    """Documents in a list: for tests and for serving a handful of articles without a store."""

    writable = True

    def __init__(self, docs: list[Document] | None = None) -> None:
        self._version = 0
        self._articles: dict[str, dict] = {}
        self._events: list[dict] = []
        self._full: dict[str, tuple[dict, str]] = {}
        for d in docs or []:
            self._add(d)
        self._events.sort(key=sort_key, reverse=True)

    def ingest(self, doc: Document) -> dict:
        """Add (or replace) one document."""
        out = self._add(doc)
        self._events.sort(key=sort_key, reverse=True)
        return out

    def version(self) -> int:
        """Bumped by every ingest."""
        return self._version

    def _add(self, doc: Document) -> dict:
        self._version += 1
        if doc.id is None:
            doc.id = f"a{len(self._articles) + 1}"
        art = article_dict(doc)
        aid = art["id"]
        if aid in self._articles:
            self._events = [e for e in self._events if e["article_id"] != aid]
        self._articles[aid] = art
        for ev in art["events"]:
            rec = flat_event(ev, art, ev["id"])
            self._events.append(rec)
            self._full[ev["id"]] = (ev, aid)
        return {"id": aid, "events": len(art["events"])}

    def _text_hits(self, q: str) -> set[str]:
        terms = [t for t in q.split() if t]
        return {aid for aid, a in self._articles.items()
                if all(t.casefold() in (a["text"] + " " + (a.get("title") or "")).casefold() for t in terms)}

    def _filtered(self, flt: EventFilter) -> list[dict]:
        if flt.is_empty():
            return self._events
        hits = self._text_hits(flt.q) if flt.q else None
        return [r for r in self._events
                if matches(r, flt) and (hits is None or r["article_id"] in hits)]

    def events(self, flt: EventFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(total, page) of flat records, newest first."""
        rows = self._filtered(flt)
        return len(rows), rows[offset:offset + limit]

    def points(self, flt: EventFilter, limit: int) -> list[tuple]:
        """Compact rows for the map and the timeline."""
        out = []
        for r in self._filtered(flt)[:limit]:
            out.append((r["id"], r["lat"], r["lon"], r["type"], r["fatalities"] or 0,
                        day_number((r["date"] or r["published"] or "")[:10])))
        return out

    def event(self, event_id: str) -> tuple[dict, dict] | None:
        """The full event and its article."""
        got = self._full.get(event_id)
        if got is None:
            return None
        ev, aid = got
        return ev, self._articles[aid]

    def article(self, article_id: str) -> dict | None:
        """The article with all annotations."""
        return self._articles.get(article_id)

    def search(self, q: str, limit: int, offset: int) -> tuple[int, list[dict]]:
        """Articles containing every term of ``q``."""
        terms = [t for t in q.split() if t]
        ids = sorted(self._text_hits(q))
        hits = []
        for aid in ids[offset:offset + limit]:
            a = self._articles[aid]
            hits.append({"article_id": aid, "title": a.get("title"), "published": a.get("published"),
                         "source": a.get("source"), "events": len(a["events"]),
                         "snippet": snippet(a["text"], terms)})
        return len(ids), hits

    def stats(self) -> dict:
        """Totals and counts by type, ACLED type, country and day."""
        return summarize(self._events, len(self._articles))


def summarize(records: list[dict], n_articles: int) -> dict:
    """The /api/stats document from flat event records."""
    by_type = Counter(r["type"] for r in records if r.get("type"))
    by_acled = Counter(r["event_type"] for r in records if r.get("event_type"))
    by_country = Counter(r["country_code"] for r in records if r.get("country_code"))
    days = [(r.get("date") or r.get("published") or "")[:10] for r in records]
    days = [d for d in days if _is_day(d)]
    return {
        "articles": n_articles,
        "events": len(records),
        "located": sum(1 for r in records if r.get("lat") is not None),
        "fatalities": sum(r.get("fatalities") or 0 for r in records),
        "by_type": dict(by_type.most_common()),
        "by_acled_type": dict(by_acled.most_common()),
        "by_country": dict(by_country.most_common()),
        "first_date": min(days) if days else None,
        "last_date": max(days) if days else None,
    }


_EPOCH = _dt.date(1970, 1, 1).toordinal()


def day_number(s: str | None) -> int:
    """Days since 1970-01-01 of a YYYY-MM-DD string, or -1."""
    try:
        return _dt.date.fromisoformat(s[:10]).toordinal() - _EPOCH
    except (TypeError, ValueError):
        return -1


def _is_day(s: str) -> bool:
    try:
        _dt.date.fromisoformat(s)
    except ValueError:
        return False
    return True
