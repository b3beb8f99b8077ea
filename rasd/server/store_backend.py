"""The API's backend on the SQLite corpus store (:mod:`rasd.store`).

Reads go through the store's own query API (``events``, ``count_events``, ``event``, ``article``,
``search``, ``stats``) on read-only :class:`rasd.store.Store` connections, one per thread (a Store
is not thread-safe; SQLite's WAL lets readers work while a writer ingests).  The one thing the
store does not offer is the map's compact columns: :meth:`StoreBackend.points` is a small query of
our own on the store's ``events`` table with the store's own filter clause, so the map, the
timeline and the list always count the same events.  Writes (``POST /api/articles``) go through
``Store.add_document`` on a separate read-write connection.

Totals are cached per filter and the store's version (its highest article and event row ids,
which move with every ingest).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from rasd.doc import Document
from rasd.server.backend import EventFilter, flat_event

_EPOCH_JD = 2440587.5  # julianday('1970-01-01')


def open_store(path: str | os.PathLike, *, readonly: bool = False):
    """A :class:`rasd.store.Store` at ``path`` (created when absent unless ``readonly``)."""
    from rasd.store import Store

    return Store.open(path, readonly=readonly)


class _LRU:
    """A small thread-safe LRU mapping."""

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


def _query(flt: EventFilter):
    from rasd.store import EventQuery

    return EventQuery.of(flt)


class StoreBackend:
    """The API backend over a store file."""

    def __init__(self, path: str | os.PathLike, *, writable: bool = True) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}")
        self.writable = writable
        if writable:
            migrate_if_needed(self.path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._writer = None
        self._bg: threading.Thread | None = None
        self._bg_lock = threading.Lock()
        self.totals = _LRU(1024)
        self.records = _LRU(40_000)  # (rid, event id) -> flat record (stored events do not change)
        self.fragments = _LRU(100_000)  # (rid, event id) -> the record as JSON bytes
        self.store().stats()  # fail early when the file is not a store
        try:
            from rasd.server.index import EventIndex

            self.index: Any = EventIndex()
        except ImportError:  # numpy absent: every question goes to SQLite
            self.index = None

    def store(self):
        """This thread's read-only Store."""
        st = getattr(self._local, "store", None)
        if st is None:
            st = open_store(self.path, readonly=True)
            st.conn.execute("PRAGMA query_only = 1")
            self._local.store = st
        return st

    def version(self) -> tuple:
        """Changes whenever articles or events are added or replaced."""
        return tuple(self.store().conn.execute(
            "SELECT (SELECT max(rid) FROM events), (SELECT max(rid) FROM articles)").fetchone())

    def _key(self, flt: EventFilter) -> tuple:
        return tuple(getattr(flt, f) for f in flt.__slots__)

    # -- the Backend interface -------------------------------------------------------------------

    def ready(self) -> bool:
        """Whether the index is loaded and current (so questions are answered from memory)."""
        return self.index is not None and self.index.version == self.version()

    def _indexed(self, wait: bool = False):
        """The column index if it is current.  Otherwise: with ``wait``, bring it up to date now;
        without, start that in the background and return None (the caller asks the store's SQL,
        so the API answers at once after start-up or an ingest)."""
        if self.index is None:
            return None
        version = self.version()
        if self.index.version == version:
            return self.index
        if wait:
            self.index.refresh(self.store().conn, version)
            return self.index
        with self._bg_lock:
            if self._bg is None or not self._bg.is_alive():
                self._bg = threading.Thread(target=self._refresh_now, daemon=True, name="rasd-index")
                self._bg.start()
        return None

    def _refresh_now(self) -> None:
        self.index.refresh(self.store().conn, self.version())

    _EVENT_COLS = "e.rid, e.id, e.data, a.id, a.title, a.source, a.url, a.published"

    def _events_by_rid(self, keys: list[tuple[int, str]], with_rid: bool = False) -> list[dict]:
        """Flat records of the events with these (row id, event id), in that order (with ``_rid``
        added to copies when ``with_rid``)."""
        if not keys:
            return []
        rids = [r for r, _ in keys]
        by_rid = {r: rec for r, eid in keys if (rec := self.records.get((r, eid))) is not None}
        missing = [r for r in rids if r not in by_rid]
        if missing:
            marks = ",".join("?" * len(missing))
            rows = self.store().conn.execute(
                f"SELECT {self._EVENT_COLS} FROM events e JOIN articles a ON a.rid = e.article_rid "
                f"WHERE e.rid IN ({marks})", missing).fetchall()
            for rid, eid, data, aid, title, source, url, published in rows:
                rec = flat_event(json.loads(data), {"id": aid, "title": title, "source": source, "url": url,
                                                    "published": published}, eid)
                by_rid[rid] = rec
                self.records.put((rid, eid), rec)
        if with_rid:
            return [{**by_rid[r], "_rid": r} for r in rids if r in by_rid]
        return [by_rid[r] for r in rids if r in by_rid]

    def _fragments_sql(self, rids: list[int]) -> dict[int, bytes]:
        """Flat records (:func:`~rasd.server.backend.flat_event`) of these events as JSON, built
        by SQLite's JSON functions from the stored event (values copied as stored)."""
        marks = ",".join("?" * len(rids))
        rows = self.store().conn.execute(f"SELECT e.rid, {_FLAT_SQL} FROM events e JOIN articles a "
                                         f"ON a.rid = e.article_rid WHERE e.rid IN ({marks})", rids).fetchall()
        return {rid: js.encode() for rid, js in rows}

    def events_json(self, flt: EventFilter, limit: int, offset: int) -> tuple[int, list[bytes]] | None:
        """(total, one page as JSON fragments), each record serialised once and cached; None
        without the index."""
        idx = self._indexed()
        if idx is None:
            return None
        total, keys = idx.page(flt, limit, offset, self.store().conn)
        got = [self.fragments.get(k) for k in keys]
        need = [k[0] for k, f in zip(keys, got, strict=True) if f is None]
        if need:
            made = self._fragments_sql(need)
            for i, k in enumerate(keys):
                if got[i] is None and k[0] in made:
                    got[i] = made[k[0]]
                    self.fragments.put(k, got[i])
        return total, [f for f in got if f is not None]

    def events(self, flt: EventFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(total, one page) newest first."""
        idx = self._indexed()
        if idx is not None:
            total, keys = idx.page(flt, limit, offset, self.store().conn)
            return total, self._events_by_rid(keys)
        st = self.store()
        q = _query(flt)
        key = (self.version(), self._key(flt))
        total = self.totals.get(key)
        if total is None:
            total = st.count_events(q)
            self.totals.put(key, total)
        rows = st.events(q, limit=limit, offset=offset) if offset < total else []
        return total, [flat_event(ev, ev.get("article") or {"id": ev.get("article_id")}, ev.get("id"))
                       for ev in rows]

    def points(self, flt: EventFilter, limit: int) -> list[tuple]:
        """(id, lat, lon, type, fatalities, day number) of matching events, newest first."""
        idx = self._indexed(wait=True)
        if idx is not None:
            return idx.points(flt, limit, self.store().conn)
        st = self.store()
        where, args = st.where_sql(_query(flt))  # the store's own filter clause, parameterised
        return st.conn.execute(
            f"SELECT e.id, round(e.lat, 4), round(e.lon, 4), e.type, coalesce(e.fatalities, 0), "
            f"coalesce(CAST(julianday(substr(e.day, 1, 10)) - {_EPOCH_JD} AS INTEGER), -1) "
            f"FROM events e WHERE {where} ORDER BY e.day DESC, e.rid DESC LIMIT ?", [*args, int(limit)]).fetchall()

    def event(self, event_id: str) -> tuple[dict, dict] | None:
        """The full event and its article (text and all annotations)."""
        st = self.store()
        ev = st.event(event_id)
        if ev is None:
            return None
        art = st.article(ev["article_id"])
        if art is None:
            return None
        full = next((e for e in art["events"] if e.get("id") == event_id), None)
        return (full or ev), art

    def article(self, article_id: str) -> dict | None:
        """An article by the store's id or by the id it was ingested with."""
        return self.store().article(article_id)

    def search(self, q: str, limit: int, offset: int) -> tuple[int, list[dict]]:
        """Articles matching all words of ``q`` (FTS5, best match first)."""
        st = self.store()
        return st.count_search(q), st.search(q, limit=limit, offset=offset)

    def stats(self) -> dict:
        """The store's statistics."""
        out = self.store().stats()
        return {k: v for k, v in out.items() if k != "path"}

    def ingest(self, doc: Document) -> dict:
        """Store one extracted document through the store's own writer."""
        if not self.writable:
            raise PermissionError("the store is opened read-only")
        with self._write_lock:
            if self._writer is None:
                self._writer = open_store(self.path)
            res = self._writer.add_document(doc, origin="api")
        return {"id": res.id, "status": res.status, "events": res.events,
                "near_duplicate_of": res.near_duplicate_of}


def _j(path: str) -> str:
    return f"e.data -> '{path}'"


def _name_or_text(v: str) -> str:
    return f"coalesce(nullif({v} ->> 'name', ''), nullif({v} ->> 'text', ''), '')"


def _role(role: str) -> str:
    return (f"(SELECT {_name_or_text('value')} FROM json_each(e.data, '$.actors') "
            f"WHERE value ->> 'role' = '{role}' ORDER BY key LIMIT 1)")


# json_object(...) of the flat record, key for key as rasd.server.backend.flat_event builds it.
_FLAT_SQL = "json_object(" + ", ".join([
    "'id', e.id", "'article_id', a.id",
    *(f"'{k}', {_j('$.' + k)}" for k in ("type", "mode", "event_type", "sub_event_type", "disorder_type",
                                          "date", "date_precision")),
    f"'country_code', {_j('$.location.country_code')}",
    "'place', CASE WHEN coalesce(e.data ->> '$.location.name', '') <> '' THEN e.data -> '$.location.name' "
    "ELSE e.data -> '$.location.text' END",
    f"'place_en', {_j('$.location.name_en')}", f"'admin1', {_j('$.location.admin1')}",
    f"'lat', {_j('$.location.lat')}", f"'lon', {_j('$.location.lon')}",
    f"'geo_precision', {_j('$.location.geo_precision')}",
    f"'actor1', {_role('actor1')}", f"'actor2', {_role('actor2')}",
    f"'actors', json((SELECT json_group_array({_name_or_text('value')}) FROM json_each(e.data, '$.actors')))",
    *(f"'{k}', {_j('$.' + k)}" for k in ("fatalities", "injured", "displaced", "arrested")),
    "'civilian_targeting', json(CASE WHEN e.data ->> '$.civilian_targeting' THEN 'true' ELSE 'false' END)",
    f"'factuality', {_j('$.factuality')}", f"'confidence', {_j('$.confidence')}",
    "'source', a.source", "'title', a.title", "'url', a.url", "'published', a.published",
]) + ")"


def build_store(path: str | os.PathLike, docs: list[Document]) -> Any:
    """A store at ``path`` holding ``docs`` (already extracted), for tests, demos and benchmarks."""
    st = open_store(path)
    try:
        st.add_documents(docs, batch_size=1000)
    finally:
        st.close()
    return path


def migrate_if_needed(path: str | os.PathLike) -> None:
    """Bring an older store's schema up to date (opening it once read-write), when we may write."""
    import sqlite3

    from rasd.store.schema import SCHEMA_VERSION

    try:
        with contextlib.closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as c:
            found = c.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise OSError(f"{path} is not a rasd store ({exc})") from exc
    if found < SCHEMA_VERSION and os.access(path, os.W_OK):
        open_store(path).close()
