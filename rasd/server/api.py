"""The /api routes: events (json, geojson, csv), one event, one article, search, stats, extract, ingest."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from rasd.server.app import check_token
from rasd.server.backend import EVENT_COLUMNS, EventFilter

router = APIRouter()

MAX_PAGE = 10_000
MAX_POINTS = 200_000


def _backend(request: Request):
    return request.app.state.backend


async def _run(request: Request, fn, *args):
    """Run a backend call: inline when its data is in memory (fast; no thread hand-off), in the
    thread pool when it may have to load (the store's index on start-up or after an ingest)."""
    backend = _backend(request)
    ready = getattr(backend, "ready", None)
    if ready is not None and ready():
        return fn(*args)
    return await run_in_threadpool(fn, *args)


def _day(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from exc


async def event_filter(
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 country code, e.g. YE",
                                         max_length=2, min_length=2)] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT", max_length=40)] = None,
    acled_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles", max_length=80)] = None,
    since: Annotated[str | None, Query(description="first day, YYYY-MM-DD (inclusive)", max_length=10)] = None,
    until: Annotated[str | None, Query(description="last day, YYYY-MM-DD (inclusive)", max_length=10)] = None,
    actor: Annotated[str | None, Query(description="part of an actor's name", max_length=200)] = None,
    near: Annotated[str | None, Query(description="lat,lon,km: events within km of a point",
                                      max_length=60)] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="at least this many killed")] = None,
    q: Annotated[str | None, Query(description="full-text query over the articles", max_length=500)] = None,
    include_duplicates: Annotated[bool, Query(description="also events of near-duplicate articles")] = False,
) -> EventFilter:
    """The event filters of the query string, validated."""
    return make_filter(country, type, acled_type, since, until, actor, near, min_fatalities, q,
                       include_duplicates)


def make_filter(country=None, type=None, acled_type=None, since=None, until=None, actor=None, near=None,
                min_fatalities=None, q=None, include_duplicates=False) -> EventFilter:
    """An :class:`EventFilter` from checked query values (HTTPException 422 for bad ones)."""
    near_t = None
    if near:
        try:
            lat, lon, km = (float(x) for x in near.split(","))
        except ValueError as exc:
            raise HTTPException(422, f"near: {near!r} is not lat,lon,km") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
            raise HTTPException(422, "near: lat must be in -90..90, lon in -180..180, km in (0, 20000]")
        near_t = (lat, lon, km)
    s, u = _day(since, "since"), _day(until, "until")
    if s and u and s > u:
        raise HTTPException(422, f"since ({s}) is after until ({until})")
    return EventFilter(country=country.upper() if country else None, type=type.upper() if type else None,
                       acled_type=acled_type or None, since=s, until=u, actor=actor or None, near=near_t,
                       min_fatalities=min_fatalities, q=(q or "").strip() or None,
                       include_duplicates=bool(include_duplicates))


Filters = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events, filtered and paginated (json, geojson or csv)")
async def list_events(
    request: Request,
    flt: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    format: Annotated[Literal["json", "geojson", "csv"], Query(description="json, geojson or csv")] = "json",
):
    """Events newest first, with the CLI's filters.  JSON gives ``total`` and one page of flat
    records; GeoJSON a FeatureCollection (null geometry when the event has no coordinates);
    CSV one row an event (the JSON keys as header)."""
    backend = _backend(request)
    if format == "json" and hasattr(backend, "events_json"):
        got = await _run(request, backend.events_json, flt, limit, offset)
        if got is not None:  # records serialised once, cached: the page is a join
            total, frags = got
            body = (f'{{"total":{total},"limit":{limit},"offset":{offset},"events":['.encode()
                    + b",".join(frags) + b"]}")
            return Response(body, media_type="application/json", headers={"X-Total-Count": str(total)})
    total, rows = await _run(request, backend.events, flt, limit, offset)
    headers = {"X-Total-Count": str(total)}
    if format == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "actors": "; ".join(a for a in r.get("actors") or [] if a)})
        headers["Content-Disposition"] = 'attachment; filename="rasd-events.csv"'
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if format == "geojson":
        feats = []
        for r in rows:
            geom = (None if r.get("lat") is None or r.get("lon") is None
                    else {"type": "Point", "coordinates": [r["lon"], r["lat"]]})
            feats.append({"type": "Feature", "id": r["id"], "geometry": geom, "properties": r})
        body = {"type": "FeatureCollection", "features": feats, "total": total,
                "limit": limit, "offset": offset}
        return _json(body, "application/geo+json", headers)
    return _json({"total": total, "limit": limit, "offset": offset, "events": rows},
                 "application/json", headers)


# Query values of GET /api/events that the fast path accepts without FastAPI's validation; anything
# else (a bad value, another format, an unknown store state) goes the documented, validated way.
_MAXLEN = {"country": 2, "type": 40, "acled_type": 80, "since": 10, "until": 10, "actor": 200, "near": 60,
           "q": 500}


def fast_events(app, query_string: bytes) -> Response | None:
    """GET /api/events as JSON without per-request parameter modelling (the dashboard's hot path),
    or None to let the validated route answer.  Same filters, same body."""
    from urllib.parse import parse_qsl

    backend = app.state.backend
    if not hasattr(backend, "events_json") or not backend.ready():
        return None
    vals: dict[str, str] = dict(parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True))
    if vals.get("format", "json") != "json" or "include_duplicates" in vals:
        return None
    kw: dict = {}
    try:
        for k, n in _MAXLEN.items():
            v = vals.get(k)
            if v is None or v == "":
                continue
            if len(v) > n or (k == "country" and len(v) != 2):
                return None
            kw[k] = v
        if vals.get("min_fatalities", "") != "":
            kw["min_fatalities"] = int(vals["min_fatalities"])
            if kw["min_fatalities"] < 0:
                return None
        limit = int(vals.get("limit") or 100)
        offset = int(vals.get("offset") or 0)
        if not (1 <= limit <= MAX_PAGE and 0 <= offset <= 10_000_000):
            return None
        flt = make_filter(**kw)
    except (ValueError, HTTPException):
        return None
    got = backend.events_json(flt, limit, offset)
    if got is None:
        return None
    total, frags = got
    body = f'{{"total":{total},"limit":{limit},"offset":{offset},"events":['.encode() + b",".join(frags) + b"]}"
    return Response(body, media_type="application/json", headers={"X-Total-Count": str(total)})


def _json(body, media_type: str, headers: dict | None = None, status: int = 200) -> Response:
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(data, status_code=status, media_type=media_type, headers=headers)


@router.get("/points", summary="All matching events, compact, for the map and the timeline")
async def points(
    request: Request,
    flt: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = MAX_POINTS,
):
    """Columns of equal length, newest first: ``id``, ``lat``, ``lon`` (null when not located),
    ``t`` (index into ``types``), ``f`` (fatalities) and ``d`` (day number since 1970-01-01, -1
    when undated).  Cached per filter until the corpus changes."""
    backend = _backend(request)
    version = backend.version() if hasattr(backend, "version") else None
    key = ("points", version, tuple(getattr(flt, f) for f in flt.__slots__), limit)
    cache = request.app.state.cache
    body = cache.get(key) if version is not None else None
    if body is None:
        rows = await run_in_threadpool(backend.points, flt, limit + 1)
        body = await run_in_threadpool(points_body, rows, limit)
        if version is not None:
            cache.put(key, body)
    headers = {"Cache-Control": "no-cache"}
    if body[1] is not None and "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        headers["Vary"] = "Accept-Encoding"
        return Response(body[1], media_type="application/json", headers=headers)
    return Response(body[0], media_type="application/json", headers=headers)


def points_body(rows: list[tuple], limit: int) -> tuple[bytes, bytes | None]:
    """The /api/points JSON (and its gzip when large) from (id, lat, lon, type, fat, day) rows."""
    import gzip

    truncated = len(rows) > limit
    rows = rows[:limit]
    types: dict[str, int] = {}
    if rows:
        ids, lat, lon, ty, f, d = (list(c) for c in zip(*rows, strict=True))
    else:
        ids, lat, lon, ty, f, d = [], [], [], [], [], []
    t = [types.setdefault(x or "?", len(types)) for x in ty]
    data = json.dumps({"n": len(ids), "truncated": truncated, "types": list(types), "id": ids, "lat": lat,
                       "lon": lon, "t": t, "f": f, "d": d}, ensure_ascii=False, separators=(",", ":")).encode()
    return data, (gzip.compress(data, compresslevel=5) if len(data) > 20_000 else None)


@router.get("/events/{event_id}", summary="One event with its evidence spans and its article")
async def get_event(request: Request, event_id: str):
    """The full event (evidence, trigger, actors with offsets, location, figures) and its article:
    verbatim text plus all annotations with offsets."""
    got = await run_in_threadpool(_backend(request).event, event_id)
    if got is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    ev, article = got
    return _json({"event": ev, "article": article}, "application/json")


@router.get("/articles/{article_id}", summary="One article: verbatim text and all annotations")
async def get_article(request: Request, article_id: str):
    """The article's metadata, its ``text`` exactly as ingested, and every layer with offsets."""
    art = await run_in_threadpool(_backend(request).article, article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return _json(art, "application/json")


@router.get("/search", summary="Full-text search over the articles")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
):
    """Articles matching ``q``; each hit has a plain-text ``snippet`` with match offsets in it."""
    if not q.strip():
        raise HTTPException(422, "q: give at least one word to search for")
    total, hits = await run_in_threadpool(_backend(request).search, q.strip(), limit, offset)
    return _json({"q": q, "total": total, "limit": limit, "offset": offset, "results": hits},
                 "application/json")


@router.get("/stats", summary="Corpus statistics")
async def stats(request: Request):
    """Totals, and counts by PLOVER type, ACLED type, country; first and last event day."""
    backend = _backend(request)
    version = backend.version() if hasattr(backend, "version") else None
    key = ("stats", version)
    got = request.app.state.cache.get(key) if version is not None else None
    if got is None:
        got = await run_in_threadpool(backend.stats)
        if version is not None:
            request.app.state.cache.put(key, got)
    out = dict(got)
    out["writable"] = bool(request.app.state.token)
    return _json(out, "application/json")


class ArticleIn(BaseModel):
    """An article to read: Arabic text and its publication date."""

    text: str = Field(min_length=1, description="the article text (plain text, UTF-8)")
    published: str | None = Field(None, description="publication date YYYY-MM-DD (anchors relative dates)",
                                  max_length=40)
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)


def _extract(body: ArticleIn):
    from rasd.api import extract
    from rasd.io.validate import InputError

    try:
        return extract(body.text, published=body.published, id=body.id, title=body.title,
                       source=body.source, url=body.url)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.post("/extract", summary="Read one article and return rasd's result (nothing is stored)")
def extract_article(body: Annotated[ArticleIn, Body()]):
    """The result schema of docs/schema.md, plus the verbatim ``text`` the offsets point into."""
    from rasd.server.backend import article_dict

    doc = _extract(body)
    return _json(article_dict(doc), "application/json")


@router.post("/articles", status_code=201, summary="Read and store one article (token required)",
             dependencies=[Depends(check_token)])
def ingest_article(request: Request, body: Annotated[ArticleIn, Body()]):
    """Extract the article and add it to the corpus; returns its id and how many events it gave."""
    backend = _backend(request)
    if not getattr(backend, "writable", False):
        raise HTTPException(403, "this corpus is opened read-only")
    doc = _extract(body)
    out = backend.ingest(doc)
    return _json(out, "application/json", status=201)
