"""The API's backend on the SQLite corpus store (:mod:`rasd.store`).

Reads go straight to the store's tables (``events``, ``articles``, ``extractions``, ``events_geo``,
``articles_fts``; see ``rasd/store/schema.py``) through read-only connections, one per thread, with
parameterised SQL only; the store's indexes (``(dup, day)``, ``(country, day)``, ``(type, day)``,
``(event_type, day)``, the R*Tree) serve the dashboard's filters.  Writes (``POST /api/articles``)
go through the store's own ``Store.ingest``.  Near-duplicate articles' events (``dup = 1``) are left
out, as in the CLI.

Totals and the map's point columns are cached per filter and invalidated when the store changes
(its highest event and article row ids move with every ingest).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from rasd.doc import Document
from rasd.server.backend import EventFilter, flat_event, haversine_km, snippet

_EPOCH_JD = 2440587.5  # julianday('1970-01-01')


def open_store(path: str | os.PathLike):
    """The read-write :class:`rasd.store.Store` at ``path`` (created when absent)."""
    from rasd.store import Store

    return Store(path)


class _LRU:
    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
        return None

    def put(self, key, value) -> None:
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)


def _like(s: str) -> str:
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class StoreBackend:
    """The API backend over a store file."""

    def __init__(self, path: str | os.PathLike, *, writable: bool = True) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}")
        self.writable = writable
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._store = None
        self.totals = _LRU(512)
        self.cache = _LRU(16)  # for /api/points bodies and stats
        self.conn().execute("SELECT 1 FROM events LIMIT 1").fetchall()  # fail early if not a store

    # -- connections -----------------------------------------------------------------------------

    def conn(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            c.execute("PRAGMA query_only = 1")
            c.execute("PRAGMA cache_size = -65536")
            c.execute("PRAGMA mmap_size = 268435456")
            c.create_function("rasd_km", 4, _km, deterministic=True)
            self._local.conn = c
        return c

    def version(self) -> tuple:
        """Changes whenever articles or events are added or replaced."""
        return tuple(self.conn().execute(
            "SELECT (SELECT max(rid) FROM events), (SELECT max(rid) FROM articles)").fetchone())

    # -- filters ---------------------------------------------------------------------------------

    def _where(self, flt: EventFilter) -> tuple[str, list[Any]]:
        sql, args = ["e.dup = 0"], []
        if flt.country:
            sql.append("e.country = ?")
            args.append(flt.country.upper())
        if flt.type:
            sql.append("e.type = ?")
            args.append(flt.type.upper())
        if flt.acled_type:
            sql.append("e.event_type = ? COLLATE NOCASE")
            args.append(flt.acled_type)
        if flt.since:
            sql.append("e.day >= ?")
            args.append(flt.since)
        if flt.until:
            sql.append("e.day <= ?")
            args.append(flt.until + "\uffff")  # a YYYY-MM-DD day, and any longer value on that day
        if flt.min_fatalities is not None:
            sql.append("e.fatalities >= ?")
            args.append(flt.min_fatalities)
        if flt.actor:
            sql.append("e.actors LIKE ? ESCAPE '\\'")
            args.append(_like(flt.actor.casefold()))
        if flt.near:
            lat, lon, km = flt.near
            dlat = km / 110.574
            import math

            dlon = km / max(1e-6, 111.320 * math.cos(math.radians(min(89.9, abs(lat) + dlat))))
            sql.append("e.rid IN (SELECT id FROM events_geo WHERE min_lat <= ? AND max_lat >= ? "
                       "AND min_lon <= ? AND max_lon >= ?)")
            args += [lat + dlat, lat - dlat, lon + dlon, lon - dlon]
            sql.append("rasd_km(?, ?, e.lat, e.lon) <= ?")
            args += [lat, lon, km]
        if flt.q:
            match = self._fts_query(flt.q)
            if match is None:
                sql.append("0")
            else:
                sql.append("e.article_rid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
                args.append(match)
        return " AND ".join(sql), args

    @staticmethod
    def _fts_query(q: str) -> str | None:
        """An FTS5 query from free words: each word normalised as the store indexes them, all required."""
        try:
            from rasd.store.dedup import normalised_words

            words = normalised_words(q)
        except ImportError:  # pragma: no cover - the store always ships dedup
            words = q.split()
        words = [w for w in words if w]
        if not words:
            return None
        return " ".join('"' + w.replace('"', '""') + '"' for w in words)

    def _key(self, flt: EventFilter) -> tuple:
        return (flt.country, flt.type, flt.acled_type, flt.since, flt.until, flt.actor, flt.near,
                flt.min_fatalities, flt.q)

    # -- the Backend interface -------------------------------------------------------------------

    _COLS = ("e.id, a.id, a.title, a.source, a.url, a.published, e.data, e.day, e.country, e.lat, e.lon, "
             "e.fatalities")

    def _flat(self, row) -> dict:
        eid, aid, title, source, url, published, data, day, country, lat, lon, fat = row
        ev = json.loads(data)
        rec = flat_event(ev, {"id": aid, "title": title, "source": source, "url": url, "published": published},
                         eid)
        # the store's columns are what it filters on: report those
        rec["country_code"] = country or rec["country_code"]
        rec["lat"], rec["lon"] = (lat, lon) if lat is not None else (rec["lat"], rec["lon"])
        rec["date"] = rec["date"] or day
        return rec

    def events(self, flt: EventFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(total, one page) newest first; totals are cached per filter and store version."""
        where, args = self._where(flt)
        c = self.conn()
        key = (self.version(), self._key(flt))
        total = self.totals.get(key)
        if total is None:
            total = c.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0]
            self.totals.put(key, total)
        rows = c.execute(
            f"SELECT {self._COLS} FROM events e JOIN articles a ON a.rid = e.article_rid "
            f"WHERE {where} ORDER BY e.day DESC, e.rid DESC LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return total, [self._flat(r) for r in rows]

    def points(self, flt: EventFilter, limit: int) -> list[tuple]:
        """(id, lat, lon, type, fatalities, day number) of matching events."""
        where, args = self._where(flt)
        return self.conn().execute(
            f"SELECT e.id, round(e.lat, 4), round(e.lon, 4), e.type, coalesce(e.fatalities, 0), "
            f"coalesce(CAST(julianday(substr(e.day, 1, 10)) - {_EPOCH_JD} AS INTEGER), -1) "
            f"FROM events e WHERE {where} ORDER BY e.day DESC, e.rid DESC LIMIT ?", [*args, limit]).fetchall()

    def _article_by_rid(self, rid: int) -> dict | None:
        c = self.conn()
        row = c.execute("SELECT a.id, a.ext_id, a.title, a.source, a.url, a.published, a.text, x.result "
                        "FROM articles a LEFT JOIN extractions x ON x.article_rid = a.rid WHERE a.rid = ?",
                        (rid,)).fetchone()
        if row is None:
            return None
        aid, ext_id, title, source, url, published, text, result = row
        out: dict[str, Any] = {}
        if result is not None:
            raw = zlib.decompress(result) if isinstance(result, bytes | bytearray) else result
            out = json.loads(raw)
        out.update({"id": aid, "ext_id": ext_id, "title": title, "source": source, "url": url,
                    "published": published, "text": text})
        for k in ("sentences", "entities", "places", "dates", "figures", "quotes", "focus_countries"):
            out.setdefault(k, [])
        events = []
        for eid, data in c.execute("SELECT id, data FROM events WHERE article_rid = ? ORDER BY idx", (rid,)):
            ev = json.loads(data)
            ev["id"] = eid
            events.append(ev)
        out["events"] = events
        return out

    def event(self, event_id: str) -> tuple[dict, dict] | None:
        """The full event and its article."""
        row = self.conn().execute("SELECT article_rid FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        art = self._article_by_rid(row[0])
        ev = next((e for e in art["events"] if e["id"] == event_id), None)
        return (ev, art) if ev is not None else None

    def article(self, article_id: str) -> dict | None:
        """An article by the store's id or by the id it was ingested with."""
        row = self.conn().execute("SELECT rid FROM articles WHERE id = ? UNION ALL "
                                  "SELECT rid FROM articles WHERE ext_id = ? LIMIT 1",
                                  (article_id, article_id)).fetchone()
        return self._article_by_rid(row[0]) if row else None

    def search(self, q: str, limit: int, offset: int) -> tuple[int, list[dict]]:
        """Articles matching all words of ``q`` (FTS5, best match first)."""
        match = self._fts_query(q)
        if match is None:
            return 0, []
        c = self.conn()
        total = c.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()[0]
        rows = c.execute(
            "SELECT a.id, a.title, a.published, a.source, a.text, "
            "(SELECT count(*) FROM events e WHERE e.article_rid = a.rid) "
            "FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?) f "
            "JOIN articles a ON a.rid = f.rowid ORDER BY f.rank", (match, limit, offset)).fetchall()
        terms = q.split()
        hits = [{"article_id": aid, "title": title, "published": pub, "source": src, "events": n,
                 "snippet": snippet(text, terms)} for aid, title, pub, src, text, n in rows]
        return total, hits

    def stats(self) -> dict:
        """Totals and counts (cached per store version)."""
        key = ("stats", self.version())
        got = self.cache.get(key)
        if got is not None:
            return got
        c = self.conn()
        n_art = c.execute("SELECT count(*) FROM articles WHERE near_duplicate_of IS NULL").fetchone()[0]
        ev, located, fat, first, last = c.execute(
            "SELECT count(*), count(lat), coalesce(sum(fatalities), 0), min(substr(day, 1, 10)), "
            "max(substr(day, 1, 10)) FROM events WHERE dup = 0").fetchone()

        def counts(col: str) -> dict:
            return dict(c.execute(f"SELECT {col}, count(*) AS n FROM events WHERE dup = 0 AND {col} IS NOT NULL "
                                  f"GROUP BY {col} ORDER BY n DESC").fetchall())

        out = {"articles": n_art, "events": ev, "located": located, "fatalities": fat,
               "by_type": counts("type"), "by_acled_type": counts("event_type"), "by_country": counts("country"),
               "first_date": first, "last_date": last}
        self.cache.put(key, out)
        return out

    def ingest(self, doc: Document) -> dict:
        """Store one document through the store's own writer."""
        with self._write_lock:
            if self._store is None:
                self._store = open_store(self.path)
            res = self._store.ingest([doc])
        row = self.conn().execute("SELECT rid, id FROM articles WHERE ext_id = ? ORDER BY rid DESC LIMIT 1",
                                  (doc.id,)).fetchone() if doc.id else None
        if row is None:
            row = self.conn().execute("SELECT rid, id FROM articles ORDER BY rid DESC LIMIT 1").fetchone()
        n = self.conn().execute("SELECT count(*) FROM events WHERE article_rid = ?", (row[0],)).fetchone()[0]
        return {"id": row[1], "events": n, "store": _plain_result(res)}


def _plain_result(res: Any) -> Any:
    if res is None or isinstance(res, str | int | float | bool | dict | list):
        return res
    import dataclasses

    if dataclasses.is_dataclass(res):
        return {k: v for k, v in dataclasses.asdict(res).items() if isinstance(v, str | int | float | bool)}
    return str(res)


def _km(lat1, lon1, lat2, lon2):
    if lat2 is None or lon2 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)
