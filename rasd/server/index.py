"""An in-memory column index of the store's events, for the API's filters, counts and the map.

The store's ``events`` rows carry the whole event JSON, so a count over a filter that its indexes do
not cover reads most of the table (hundreds of ms at 100k events).  The server answers the
dashboard's questions (how many, which page, every point for the map) from a few numpy columns of
that table instead, loaded once (one scan) and extended incrementally as articles arrive; only the
100 events of a page are then read from SQLite, by primary key.

Filter semantics are the store's own (``rasd.store.sqlite.Store._where``): near-duplicates left
out; country and PLOVER type exact (upper case); ACLED type case-insensitive; since/until on the
event day (the event date, else the publication date), inclusive; min_fatalities on the reported
count; actor a substring of the casefolded actor names; near a great-circle distance; q the store's
full-text index.  ``tests/server/test_index.py`` checks the index against the store on every filter.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections import OrderedDict
from typing import Any

import numpy as np

from rasd.server.backend import EventFilter

_EPOCH_JD = 2440587.5
_SELECT = ("SELECT rid, article_rid, dup, day, "
           f"coalesce(CAST(julianday(substr(day, 1, 10)) - {_EPOCH_JD} AS INTEGER), -1), "
           "fatalities, lat, lon, id, type, event_type, country, coalesce(actors, '') FROM events")
CACHE_POSITIONS = 4_000_000  # row positions kept for repeated filters (32 MB)


class EventIndex:
    """Columns of the store's events (rid order), refreshed when the store changes."""

    COLS = ("rid", "article_rid", "dup", "dayn", "fatalities")

    def __init__(self) -> None:
        self.lock = threading.RLock()  # held by refresh and by every query: columns change together
        self.version: tuple | None = None
        self._clear()

    def _clear(self) -> None:
        self.max_rid = 0
        self.count = -1
        self.n = 0
        self.rid = np.zeros(0, np.int64)
        self.article_rid = np.zeros(0, np.int64)
        self.dup = np.zeros(0, bool)
        self.day: list[str | None] = []  # the store's day strings (compared like SQLite does)
        self.dayn = np.zeros(0, np.int32)  # days since 1970 (-1 unknown), for the timeline
        self.fat = np.zeros(0, np.float64)  # NaN when not reported
        self.lat = np.zeros(0, np.float64)
        self.lon = np.zeros(0, np.float64)
        self.ids: list[str] = []
        self.types: list[str | None] = []  # per row, for the map
        self.codes: dict[str, dict[str | None, int]] = {"type": {}, "acled": {}, "country": {}, "actor": {}}
        self.type = np.zeros(0, np.int32)  # categorical codes (see self.codes)
        self.acled = np.zeros(0, np.int32)
        self.country = np.zeros(0, np.int32)
        self.actors: list[str] = []
        self.actor = np.zeros(0, np.int32)  # code of the row's actors string (distinct strings are few)
        self.actor_names: list[str] = []
        self.cache: OrderedDict = OrderedDict()  # filter -> positions, bounded by total size
        self.cached = 0
        self.order = np.zeros(0, np.int64)  # positions sorted newest first (day desc, rid desc)
        self.has_day = np.zeros(0, bool)

    # -- loading ---------------------------------------------------------------------------------

    def refresh(self, conn: sqlite3.Connection, version: tuple) -> bool:
        """Bring the columns up to date with the store (when ``version``, the store's highest
        event and article row ids, moved); True when something changed."""
        if version == self.version:
            return False
        with self.lock:
            if version == self.version:
                return False
            max_rid, count = conn.execute("SELECT coalesce(max(rid), 0), count(*) FROM events").fetchone()
            if max_rid == self.max_rid and count == self.count:
                self.version = version
                return False
            first = self.count < 0
            rows = conn.execute(_SELECT + " WHERE rid > ? ORDER BY rid", (self.max_rid,)).fetchall()
            if first or self.n + len(rows) == count:
                self._extend(rows, reset=first)
            else:  # rows were deleted (re-extraction): reload everything
                self._extend(conn.execute(_SELECT + " ORDER BY rid").fetchall(), reset=True)
            self.max_rid, self.count = max_rid, count
            self.version = version
            # the columns' hundreds of thousands of strings never die young: keep them out of
            # the cyclic collector's full passes (otherwise a pause of tens of ms now and then)
            gc.collect()
            gc.freeze()
            return True

    def _extend(self, rows: list[tuple], *, reset: bool) -> None:
        if reset:
            self._clear()
        if not rows:
            self._sort()
            return
        cols = list(zip(*rows, strict=True))
        self.rid = np.concatenate([self.rid, np.asarray(cols[0], np.int64)])
        self.article_rid = np.concatenate([self.article_rid, np.asarray(cols[1], np.int64)])
        self.dup = np.concatenate([self.dup, np.asarray(cols[2], bool)])
        self.day += list(cols[3])
        self.dayn = np.concatenate([self.dayn, np.asarray(cols[4], np.int32)])
        self.fat = np.concatenate([self.fat, np.asarray([np.nan if v is None else v for v in cols[5]], np.float64)])
        self.lat = np.concatenate([self.lat, np.asarray([np.nan if v is None else v for v in cols[6]], np.float64)])
        self.lon = np.concatenate([self.lon, np.asarray([np.nan if v is None else v for v in cols[7]], np.float64)])
        self.ids += list(cols[8])
        self.types += list(cols[9])
        self.type = np.concatenate([self.type, self._code("type", cols[9])])
        self.acled = np.concatenate([self.acled, self._code("acled", [(v or "").casefold() or None
                                                                      for v in cols[10]])])
        self.country = np.concatenate([self.country, self._code("country", cols[11])])
        self.actors += list(cols[12])
        self.actor = np.concatenate([self.actor, self._code("actor", cols[12])])
        self.actor_names = [None] * len(self.codes["actor"])
        for name, code in self.codes["actor"].items():
            self.actor_names[code] = name or ""
        self.n = len(self.ids)
        self._sort()

    def _code(self, col: str, values) -> np.ndarray:
        """Categorical codes of ``values`` (None and "" share one code: neither matches a filter)."""
        table = self.codes[col]
        uniq, inv = np.unique(np.asarray([v or "" for v in values], dtype=str), return_inverse=True)
        local = np.asarray([table.setdefault(u or None, len(table)) for u in uniq.tolist()], np.int32)
        return local[inv] if len(values) else np.zeros(0, np.int32)

    def _eq(self, col: str, value: str | None) -> np.ndarray:
        code = self.codes[col].get(value)
        return np.zeros(self.n, bool) if code is None else getattr(self, col) == code

    def _sort(self) -> None:
        # newest first: day descending (NULL days last, as SQLite orders DESC), then rid descending
        n = self.n
        if not n:
            self.order = np.zeros(0, np.int64)
            self.day_rank = np.zeros(0, np.int64)
            return
        self.has_day = np.asarray([d is not None for d in self.day], bool)
        uniq, inv = np.unique(np.asarray([d or "" for d in self.day], dtype=str), return_inverse=True)
        self.day_rank = inv.astype(np.int64)  # rank of the day string (lexicographic, like SQLite)
        self._uniq_days = uniq
        self.order = np.lexsort((-self.rid, -self.day_rank))

    # -- queries ---------------------------------------------------------------------------------

    def mask(self, flt: EventFilter, conn: sqlite3.Connection | None = None) -> np.ndarray:
        """Which rows (rid order) pass ``flt``."""
        m = np.ones(self.n, bool) if flt.include_duplicates else ~self.dup
        if flt.country:
            m &= self._eq("country", flt.country.upper())
        if flt.type:
            m &= self._eq("type", flt.type.upper())
        if flt.acled_type:
            m &= self._eq("acled", flt.acled_type.casefold())
        if flt.since or flt.until:
            m &= self.has_day
            if flt.since:
                m &= self.day_rank >= np.searchsorted(self._uniq_days, flt.since, side="left")
            if flt.until:
                m &= self.day_rank < np.searchsorted(self._uniq_days, flt.until, side="right")
        if flt.min_fatalities is not None:
            with np.errstate(invalid="ignore"):
                m &= self.fat >= flt.min_fatalities
        if flt.actor:
            needle = flt.actor.casefold()
            codes = [c for c, name in enumerate(self.actor_names) if needle in name]
            m &= np.isin(self.actor, np.asarray(codes, np.int32))
        if flt.near:
            lat, lon, km = flt.near
            p1, p2 = np.radians(lat), np.radians(self.lat)
            dp, dl = p2 - p1, np.radians(self.lon - lon)
            h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
            with np.errstate(invalid="ignore"):
                d = 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
                m &= d <= km
        if flt.q:
            m &= self._text(flt.q, conn)
        return m

    def _text(self, q: str, conn: sqlite3.Connection | None) -> np.ndarray:
        from rasd.store.sqlite import fts_query

        fq = fts_query(q)
        if fq is None or conn is None:
            return np.zeros(self.n, bool)
        rids = np.fromiter((r for (r,) in conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (fq,))), np.int64)
        return np.isin(self.article_rid, rids)

    def select(self, flt: EventFilter, conn: sqlite3.Connection | None = None) -> np.ndarray:
        """Positions of matching rows, newest first (cached per filter until the store changes)."""
        with self.lock:
            key = (self.version, tuple(getattr(flt, f) for f in flt.__slots__))
            got = self.cache.get(key)
            if got is not None:
                self.cache.move_to_end(key)
                return got
            m = self.mask(flt, conn)
            pos = self.order[m[self.order]]
            if len(pos) <= CACHE_POSITIONS // 4:
                self.cache[key] = pos
                self.cached += len(pos)
                while self.cached > CACHE_POSITIONS and self.cache:
                    _, old = self.cache.popitem(last=False)
                    self.cached -= len(old)
            return pos

    def page(self, flt: EventFilter, limit: int, offset: int,
             conn: sqlite3.Connection | None = None) -> tuple[int, list[tuple[int, str]]]:
        """(total, (rid, event id) of one page, newest first)."""
        with self.lock:
            pos = self.select(flt, conn)
            page = pos[offset:offset + limit].tolist()
            return len(pos), [(int(self.rid[i]), self.ids[i]) for i in page]

    def points(self, flt: EventFilter, limit: int, conn: sqlite3.Connection | None = None) -> list[tuple]:
        """(id, lat, lon, type, fatalities, day number) rows, newest first."""
        with self.lock:
            pos = self.select(flt, conn)[:limit]
            lat = np.round(self.lat[pos], 4)
            lon = np.round(self.lon[pos], 4)
            fat = np.nan_to_num(self.fat[pos]).astype(np.int64)
            ids, typ, dayn = self.ids, self.types, self.dayn
        out: list[tuple[Any, ...]] = []
        for k, i in enumerate(pos.tolist()):
            la, lo = float(lat[k]), float(lon[k])
            out.append((ids[i], None if la != la else la, None if lo != lo else lo, typ[i], int(fat[k]),
                        int(dayn[i])))
        return out
