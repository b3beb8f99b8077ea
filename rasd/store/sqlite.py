"""The embedded corpus store: one SQLite file (WAL, foreign keys, versioned migrations).

Writing: each article, its deduplication keys, its full-text entry and all its extraction rows go in
one transaction with the rest of a small batch, so a process killed at any moment leaves whole
articles only, and running the same ingest again skips what was stored (content hashes) and finishes
the rest.  Reading: indexed event filters (date, country, type, ACLED type, fatalities, an R*Tree for
distance), FTS5 search over normalised text with snippets of the original, statistics, streaming
exports.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import math
import operator
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import regex

from rasd.doc import Actor as _Actor
from rasd.doc import Document
from rasd.doc import Place as _Place
from rasd.io.validate import InputError, check_text
from rasd.store import dedup
from rasd.store.base import AddResult, EventQuery, IngestSummary
from rasd.store.codec import json_default, result_from_blob
from rasd.store.schema import SCHEMA_VERSION, SchemaError, migrate

DEFAULT_DB = "rasd.db"
WAL_CHECKPOINT_PAGES = 10_000
MAX_REPORTED_FAILURES = 1000
_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def default_path() -> str:
    """The store path: ``$RASD_DB`` or ``./rasd.db``."""
    return os.environ.get("RASD_DB") or DEFAULT_DB


_clock: list = [None, ""]  # (second, its ISO string): formatted once a second, not per row


def _now() -> str:
    sec = int(time.time())
    if _clock[0] != sec:
        _clock[1] = _dt.datetime.fromtimestamp(sec, _dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        _clock[0] = sec
    return _clock[1]


# great-circle distance in km from (min_lat, min_lon) of the R*Tree to the point (?, ?, ? = lat, lat, lon)
_HAVERSINE_SQL = ("2 * 6371.0088 * asin(min(1.0, sqrt(pow(sin(radians(min_lat - ?) / 2), 2) + "
                  "cos(radians(?)) * cos(radians(min_lat)) * pow(sin(radians(min_lon - ?) / 2), 2))))")


def _inner_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float] | None:
    """A lat/lon box certainly inside the circle of ``km`` around (lat, lon) (None when the circle
    is too large or too close to a pole for the flat approximation to be safely conservative)."""
    if km > 1000:
        return None
    half = 0.9 * km / math.sqrt(2)  # a square inscribed in the circle, with a 10 % margin
    dlat = half / 111.195
    if abs(lat) + dlat >= 80:
        return None
    # east-west km per degree is largest at the latitude nearest the equator: use it (conservative)
    nearest = 0.0 if (lat - dlat) * (lat + dlat) <= 0 else min(abs(lat - dlat), abs(lat + dlat))
    dlon = half / (111.195 * math.cos(math.radians(nearest)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


_COUNT_UPSERT = ("INSERT INTO event_counts (dim, key, dup, n) VALUES (?,?,?,?) "
                 "ON CONFLICT (dim, key, dup) DO UPDATE SET n = n + excluded.n")


def _count_rows(rows: Iterable[tuple], sign: int) -> list[tuple]:
    """event_counts deltas (dim, key, dup, n) of events given as (dup, lat, fatalities, type,
    event_type, country): the same figures as rasd.store.schema.count_events_sql."""
    out: dict[tuple, int] = {}
    for dup, lat, dead, typ, acled, country in rows:
        for dim, key, n in (("events", "", 1), ("located", "", lat is not None),
                            ("fatalities", "", dead if dead and dead > 0 else 0),
                            ("type", typ, 1), ("acled", acled, 1), ("country", country, 1)):
            if key is not None and n:
                k = (dim, key, dup)
                out[k] = out.get(k, 0) + sign * n
    return [(*k, n) for k, n in out.items()]

# the R*Trees of located events: of original articles, and of near-duplicates too
_GEO_TREES = {False: ("events_geo",), True: ("events_geo", "events_geo_dup")}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (None when a coordinate is missing)."""
    if lat1 is None or lon1 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def strip_proclitics(word: str) -> str | None:
    """``word`` without its proclitics (و ف ب ل ك ال and their combinations), or None when it has
    none or too little would remain."""
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return None


_STEM_RE = regex.compile(r"\b(?:" + "|".join(_PROCLITICS) + r")(\w{3,})")
_STEM_STD = re.compile(_STEM_RE.pattern)  # the same with the standard engine (dedup.std_re_safe)


def _stems(norm: str, safe: bool | None = None) -> str:
    """Proclitic-stripped forms of the words of a normalised text that carry one, for search
    (the same forms as :func:`strip_proclitics`); ``safe``: :func:`dedup.std_re_safe` of ``norm``
    when known."""
    if safe is None:
        safe = dedup.std_re_safe(norm)
    if safe and dedup._compiled is not None:  # the same scan in C (words: runs of re's \w)
        return dedup._compiled.stems(norm, _PROCLITICS)
    return " ".join((_STEM_STD if safe else _STEM_RE).findall(norm))


def query_terms(query: str) -> list[list[str]]:
    """For each word of the normalised query, the forms that may match it (itself, and without
    its proclitics)."""
    out = []
    for w in dedup.words_of(dedup.norm_string(query)):
        s = strip_proclitics(w)
        out.append([w, s] if s else [w])
    return out


def fts_query(query: str) -> str | None:
    """An FTS5 query from user text: every normalised word required, in any of its forms (None
    when there are no words)."""
    groups = query_terms(query)
    if not groups:
        return None
    return " AND ".join("(" + " OR ".join(f'"{t}"' for t in g) + ")" for g in groups)


class _Prepared:
    """A text's normalised form and content hash; its MinHash signature and LSH band keys are
    computed when first asked for (never for an exact duplicate)."""

    __slots__ = ("norm", "nt", "hash", "joined", "safe", "_blob", "_sig", "_keys")

    def __init__(self, norm: str, nt=None) -> None:
        self.norm = norm
        self.nt = nt  # the extraction's NormText, when its norm is this one
        self.safe = dedup.std_re_safe(norm)
        self.hash, self.joined = dedup.hash_joined(norm, self.safe)
        self._blob = self._sig = self._keys = None

    @property
    def words(self) -> int:
        """How many words."""
        return self.joined.count(" ") + 1 if self.joined else 0

    @property
    def blob(self) -> bytes:
        """The MinHash signature as stored (:func:`dedup.sig_to_blob`)."""
        if self._blob is None:
            self._blob = dedup.signature_blob(self.joined)
        return self._blob

    @property
    def sig(self):
        """The MinHash signature."""
        if self._sig is None:
            self._sig = dedup.sig_from_blob(self.blob)
        return self._sig

    @property
    def keys(self) -> list[tuple[int, int]]:
        """The LSH (band, key) pairs."""
        if self._keys is None:
            self._keys = dedup.band_keys_of_blob(self.blob)
        return self._keys


def _fts_columns(prep: _Prepared, title: str | None) -> tuple[str, str, str]:
    """The full-text index's title, body and stems of an article: normalised words joined by
    spaces (schema migration 5; ``prep.joined`` is what was hashed)."""
    title = dedup.joined_words(dedup.norm_string(title)) if title else ""
    return title, prep.joined, _stems(f"{prep.joined} {title}", prep.safe and dedup.std_re_safe(title))


def fts_columns(text: str, title: str | None) -> tuple[str, str, str]:
    """What the store's full-text index holds for an article: (title, body, stems)."""
    return _fts_columns(_Prepared(dedup.norm_string(text)), title)


class Store:
    """The SQLite corpus store.  ``Store.open(path)``; ``Store.memory()`` for tests.

    Not thread-safe: use one Store per thread (or process); SQLite's WAL lets many readers work
    while one writer ingests.
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._fingerprint: str | None = None
        self._last_fingerprint: tuple[Any, str] | None = None  # (pipeline, its fingerprint): the last one
        self._event_rid: int | None = None  # the last event row id, while a write transaction is open
        try:  # SQLite's own math functions (when compiled in) are faster than a Python callback
            conn.execute("SELECT asin(sqrt(pow(sin(radians(1.0)), 2)))").fetchone()
            self._haversine_sql = _HAVERSINE_SQL
        except sqlite3.OperationalError:
            self._haversine_sql = "haversine(min_lat, min_lon, ?, 0 * ? + ?)"  # same parameters

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, readonly: bool = False) -> Store:
        """Open (creating and migrating as needed) the store at ``path`` (default: :func:`default_path`)."""
        path = str(path) if path is not None else default_path()
        if path != ":memory:" and not readonly:
            parent = Path(path).resolve().parent
            if not parent.is_dir():
                raise OSError(f"directory {parent} does not exist")
        if readonly:
            if not Path(path).is_file():
                raise OSError(f"no store at {path}")
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False, timeout=30)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
            if path != ":memory:" and not readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise OSError(f"cannot switch {path} to WAL mode (got {mode})")
                # checkpoint every ~40 MB of WAL instead of every 4 MB: a page that many commits
                # touch (index interior pages) is copied into the file once instead of ten times
                conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA cache_size = -65536")
            if not readonly:
                migrate(conn)
            else:
                found = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # is it a database?
                if found < SCHEMA_VERSION:  # upgrade once through a writable connection
                    cls.open(path).close()
            conn.create_function("haversine", 4, haversine_km, deterministic=True)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise OSError(f"{path} is not a rasd store ({exc})") from exc
        except SchemaError:
            conn.close()
            raise
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @classmethod
    def memory(cls) -> Store:
        """An in-memory store (same schema and code), for unit tests."""
        return cls.open(":memory:")

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self._event_rid = None  # read again inside each write transaction

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _batched(self, size: int, seconds: float | None = None) -> Iterator[Callable[[], None]]:
        """One transaction per batch: yields ``done()``, to call after each whole article; a batch
        is committed after ``size`` articles (or ``seconds`` of work) and when the block ends.
        Anything raised rolls the open batch back (committed batches stay), so a killed or failed
        run leaves whole articles only."""
        pending, last = 0, time.monotonic()

        def done() -> None:
            nonlocal pending, last
            pending += 1
            if pending >= size or (seconds is not None and time.monotonic() - last > seconds):
                self._commit()
                self._begin()
                pending, last = 0, time.monotonic()

        self._begin()
        try:
            yield done
            self._commit()
        except BaseException:
            self._rollback()
            raise

    # ------------------------------------------------------------------ writing

    def _prepare(self, text: str) -> _Prepared:
        nt = dedup.extraction_norm(text)
        return _Prepared(dedup.norm_string(text)) if nt is None else _Prepared(nt.norm, nt)

    def _exact(self, h: str) -> tuple[int, str] | None:
        return self.conn.execute("SELECT rid, id FROM articles WHERE content_hash = ?", (h,)).fetchone()

    def _near(self, prep: _Prepared) -> tuple[int, float] | None:
        """The stored article this one nearly repeats (its root), with the estimated similarity."""
        if not prep.words:
            return None
        marks = ",".join("(?,?)" for _ in prep.keys)
        flat = [x for k in prep.keys for x in k]
        rows = self.conn.execute(
            f"SELECT DISTINCT m.article_rid, m.sig FROM lsh l JOIN (VALUES {marks}) v "
            "ON l.band = v.column1 AND l.key = v.column2 JOIN minhash m ON m.article_rid = l.article_rid",
            flat).fetchall()
        best = None
        for rid, blob in rows:
            sim = dedup.jaccard(prep.sig, dedup.sig_from_blob(blob))
            if sim >= dedup.THRESHOLD and (best is None or sim > best[1]):
                best = (rid, sim)
        if best is None:
            return None
        root = self.conn.execute("SELECT near_duplicate_of FROM articles WHERE rid = ?", (best[0],)).fetchone()
        return (root[0] or best[0], best[1])

    def _insert_article(self, prep: _Prepared, doc: Document, *, ext_id: str | None, origin: str | None,
                        near: tuple[int, float] | None) -> int:
        aid = "a" + prep.hash[:16]
        cur = self.conn.execute(
            "INSERT INTO articles (id, ext_id, title, source, url, published, text, content_hash, "
            "near_duplicate_of, similarity, origin, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, ext_id, doc.title, doc.source, doc.url,
             doc.published.isoformat() if doc.published else None, doc.text, prep.hash,
             near[0] if near else None, round(near[1], 4) if near else None, origin, _now()))
        rid = cur.lastrowid
        self.conn.execute("INSERT INTO articles_fts (rowid, title, body, stems) VALUES (?,?,?,?)",
                          (rid, *_fts_columns(prep, doc.title)))
        self.conn.execute("INSERT INTO minhash (article_rid, sig) VALUES (?,?)",
                          (rid, prep.blob))
        self.conn.executemany("INSERT OR IGNORE INTO lsh (band, key, article_rid) VALUES (?,?,?)",
                              [(b, k, rid) for b, k in prep.keys])
        return rid

    def _delete_extraction(self, rid: int) -> None:
        c = self.conn
        # event_counts loses the old events (the writer keeps it: a trigger would slow every insert)
        c.executemany(_COUNT_UPSERT, _count_rows(c.execute(
            "SELECT dup, lat, fatalities, type, event_type, country FROM events WHERE article_rid = ?", (rid,)), -1))
        for geo in ("events_geo", "events_geo_dup"):
            c.execute(f"DELETE FROM {geo} WHERE id IN (SELECT rid FROM events WHERE article_rid = ?)", (rid,))
        c.execute("INSERT INTO events_actors (events_actors, rowid, actors) SELECT 'delete', rid, actors "
                  "FROM events WHERE article_rid = ? AND actors != ''", (rid,))
        for table in ("events", "entities", "places", "quotes", "extractions"):
            c.execute(f"DELETE FROM {table} WHERE article_rid = ?", (rid,))

    def _insert_extraction(self, rid: int, aid: str, doc: Document | None, *, dup: bool,
                           error: str | None = None, pipeline=None) -> int:
        """All rows of one article's extraction (or a row recording that it failed)."""
        from rasd.store.version import current_version, pipeline_fingerprint

        if pipeline is None:
            if self._fingerprint is None:
                self._fingerprint = pipeline_fingerprint(None)
            fp = self._fingerprint
        else:
            known = self._last_fingerprint
            if known is None or known[0] is not pipeline:
                known = self._last_fingerprint = (pipeline, pipeline_fingerprint(pipeline))
            fp = known[1]
        c = self.conn
        if doc is None:
            c.execute("INSERT INTO extractions (article_rid, rasd_version, pipeline, created_at, n_events, "
                      "error, result) VALUES (?,?,?,?,0,?,?)",
                      (rid, current_version(), fp, _now(), error, zlib.compress(b"{}")))
            return 0
        from rasd.store.codec import result_blob

        published = doc.published.isoformat() if doc.published else None
        # explicit row ids (this transaction holds the write lock), so that all events, their actor
        # index entries and R*Tree points go in with one executemany each
        if doc.events and self._event_rid is None:
            self._event_rid = c.execute("SELECT max(rid) FROM events").fetchone()[0] or 0  # O(log n)
        ev_rows, geo, actor_rows = _event_rows(doc.events, rid, aid, self._event_rid or 0, published, dup)
        rid0 = self._event_rid or 0
        if ev_rows:
            self._event_rid = rid0 + len(ev_rows)
            c.executemany(
                "INSERT INTO events (rid, id, article_rid, idx, type, mode, event_type, sub_event_type, "
                "disorder_type, date, day, country, lat, lon, fatalities, injured, displaced, arrested, "
                "civilian_targeting, factuality, confidence, actors, dup, data) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ev_rows)
            c.executemany(_COUNT_UPSERT, _count_rows(
                ((r[22], r[12], r[14], r[4], r[6], r[11]) for r in ev_rows), 1))
        if actor_rows:
            c.executemany("INSERT INTO events_actors (rowid, actors) VALUES (?,?)", actor_rows)
        if geo:
            c.executemany(f"INSERT INTO {'events_geo_dup' if dup else 'events_geo'} "
                          "(id, min_lat, max_lat, min_lon, max_lon) VALUES (?,?,?,?,?)", geo)
        c.executemany('INSERT INTO entities (article_rid, start, "end", text, label, canonical) '
                      "VALUES (?,?,?,?,?,?)",
                      [(rid, e.start, e.end, e.text, e.label, e.canonical) for e in doc.entities])
        c.executemany('INSERT INTO places (article_rid, start, "end", text, name, name_en, country, lat, lon, '
                      "kind, geonameid) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      [(rid, p.start, p.end, p.text, p.name, p.name_en, p.country_code, p.lat, p.lon,
                        p.kind, p.geonameid) for p in doc.places])
        c.executemany('INSERT INTO quotes (article_rid, start, "end", text, kind, speaker, speaker_role) '
                      "VALUES (?,?,?,?,?,?,?)",
                      [(rid, q.start, q.end, q.text, q.kind,
                        (q.speaker.name or q.speaker.text) if q.speaker else None,
                        q.speaker.role if q.speaker else None) for q in doc.quotes])
        blob = result_blob(doc)
        c.execute("INSERT INTO extractions (article_rid, rasd_version, pipeline, created_at, n_events, error, "
                  "result) VALUES (?,?,?,?,?,NULL,?)",
                  (rid, current_version(), fp, _now(), len(ev_rows), blob))
        return len(ev_rows)

    def _fail(self, item: str, reason: str, summary: IngestSummary | None = None) -> None:
        self.conn.execute(
            "INSERT INTO failures (item, reason, time) VALUES (?,?,?) "
            "ON CONFLICT (item, reason) DO UPDATE SET time = excluded.time, count = count + 1",
            (item, reason, _now()))
        if summary is not None:
            summary.failed += 1
            if len(summary.failures) < MAX_REPORTED_FAILURES:
                summary.failures.append((item, reason))

    def add_document(self, doc: Document, *, origin: str | None = None, ext_id: str | None = None,
                     pipeline=None) -> AddResult:
        """Store an extracted Document in its own transaction (deduplicated; events of a
        near-duplicate are kept but left out of queries by default).  Its ``id`` is kept as ``ext_id``."""
        check_text(doc.text)
        self._begin()
        try:
            res = self._add(doc, origin=origin, ext_id=ext_id or doc.id, extracted=True, pipeline=pipeline)
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return res

    def add_documents(self, docs: Iterable[Document], *, batch_size: int = 500, pipeline=None,
                      progress: bool = False) -> IngestSummary:
        """Store many extracted Documents (e.g. ``rasd import`` of batch output), ``batch_size`` a
        transaction; deduplicated like :meth:`ingest`.  ``pipeline`` names what made them (for the
        version stamp; default: the current default pipeline)."""
        from rasd.pipeline import tune_gc
        from rasd.progress import progress_bar

        tune_gc()  # a long run of allocations: see rasd.pipeline.GC_YOUNG_THRESHOLD
        summary = IngestSummary()
        t0 = time.perf_counter()
        with self._batched(batch_size) as done:
            for doc in progress_bar(docs, progress, unit="article"):
                try:
                    check_text(doc.text)
                except InputError as exc:
                    self._fail(doc.id or "document", str(exc), summary)
                    continue
                res = self._add(doc, origin=None, ext_id=doc.id, extracted=True, pipeline=pipeline)
                if res.status == "duplicate":
                    summary.duplicates += 1
                    continue
                summary.ingested += 1
                summary.events += res.events
                summary.near_duplicates += res.status == "near-duplicate"
                done()
        summary.seconds = time.perf_counter() - t0
        return summary

    def _add(self, doc: Document, *, origin: str | None, ext_id: str | None, extracted: bool,
             pipeline=None, prep: _Prepared | None = None) -> AddResult:
        prep = prep or self._prepare(doc.text)
        found = self._exact(prep.hash)
        if found:
            return AddResult(found[1], "duplicate")
        near = self._near(prep)
        rid = self._insert_article(prep, doc, ext_id=ext_id, origin=origin, near=near)
        aid = "a" + prep.hash[:16]
        n = self._insert_extraction(rid, aid, doc if extracted else None, dup=near is not None,
                                    pipeline=pipeline)
        near_id = None
        if near:
            near_id = self.conn.execute("SELECT id FROM articles WHERE rid = ?", (near[0],)).fetchone()[0]
        return AddResult(aid, "near-duplicate" if near else "stored", n, near_id,
                         round(near[1], 4) if near else None)

    def ingest(self, paths: Iterable[str | os.PathLike], **options) -> IngestSummary:
        """Read every article under ``paths`` (files, directories, JSONL, JSON, HTML, RSS/Atom, ``-``),
        skip those already stored, extract and store the rest.  Options: ``pipeline``,
        ``progress`` (bool), ``batch_size``, ``commit_seconds``."""
        from rasd.store.sources import iter_items

        return self._ingest_items(iter_items(paths), **options)

    def ingest_records(self, records: Iterable[dict], **options) -> IngestSummary:
        """Ingest records (``text``/``content``, ``id``, ``title``, ``published``, ``source``, ``url``)."""
        from rasd.store.sources import Item

        def items():
            for n, rec in enumerate(records, start=1):
                rid = rec.get("id") if isinstance(rec, dict) else None
                yield Item(f"record[{rid if rid is not None else n}]",
                           record=rec if isinstance(rec, dict) else None,
                           error=None if isinstance(rec, dict) else "not a record")

        return self._ingest_items(items(), **options)

    def _ingest_items(self, items, *, pipeline=None, progress: bool = False, batch_size: int = 200,
                      commit_seconds: float = 2.0) -> IngestSummary:
        from rasd.api import parse_published
        from rasd.io.records import record_to_kwargs
        from rasd.pipeline import tune_gc
        from rasd.progress import progress_bar

        # the default pipeline is built here unloaded (Pipeline.load would tune the collector):
        # without this, young collections every 700 allocations and full passes over the loaded
        # resources cost about 3 ms of CPU per article
        tune_gc()
        pipe = pipeline
        summary = IngestSummary()
        t0 = time.perf_counter()
        with self._batched(batch_size, commit_seconds) as done:
            for item in progress_bar(items, progress, unit="article"):
                if item.error is not None:
                    self._fail(item.name, item.error, summary)
                    continue
                try:
                    kw = record_to_kwargs(item.record)
                    check_text(kw["text"])
                    try:
                        published = parse_published(kw["published"])
                    except InputError:
                        published = None
                except InputError as exc:
                    self._fail(item.name, str(exc), summary)
                    continue
                prep = self._prepare(kw["text"])
                found = self._exact(prep.hash)
                if found:
                    summary.duplicates += 1
                    continue
                aid = "a" + prep.hash[:16]
                doc = Document(text=kw["text"], id=aid, published=published, source=kw["source"],
                               url=kw["url"], title=kw["title"])
                if prep.nt is not None:  # the normalised text, computed once (rasd.text.stage.norm_text)
                    doc.cache["norm"] = prep.nt
                error = None
                try:
                    if pipe is None:
                        from rasd.pipeline import default_pipeline

                        pipe = default_pipeline()
                    doc = pipe(doc)
                except Exception as exc:  # noqa: BLE001 - one bad article must not stop the ingest
                    error = f"extraction failed: {type(exc).__name__}: {exc}"
                    self._fail(item.name, error, summary)
                near = self._near(prep)
                rid = self._insert_article(prep, doc, ext_id=kw["id"], origin=item.name, near=near)
                if error is None:
                    summary.events += self._insert_extraction(rid, aid, doc, dup=near is not None,
                                                              pipeline=pipe)
                else:
                    self._insert_extraction(rid, aid, None, dup=near is not None, error=error, pipeline=pipe)
                summary.ingested += 1
                summary.near_duplicates += near is not None
                done()
        summary.seconds = time.perf_counter() - t0
        return summary

    def reprocess(self, *, pipeline=None, all: bool = False, progress: bool = False, batch_size: int = 100,
                  limit: int | None = None) -> IngestSummary:
        """Re-extract stored articles whose results another rasd version or pipeline made (or that
        failed, or have none); every article with ``all``."""
        from rasd.pipeline import default_pipeline, tune_gc
        from rasd.progress import progress_bar
        from rasd.store.version import current_version, pipeline_fingerprint

        tune_gc()  # as in ingest
        pipe = pipeline or default_pipeline()
        fp, ver = pipeline_fingerprint(pipe), current_version()
        cond = "1" if all else ("x.article_rid IS NULL OR x.error IS NOT NULL OR x.rasd_version != ? "
                                "OR x.pipeline != ?")
        args: list = [] if all else [ver, fp]
        sql = (f"SELECT a.rid FROM articles a LEFT JOIN extractions x ON x.article_rid = a.rid WHERE {cond} "
               "ORDER BY a.rid")
        rids = [r[0] for r in self.conn.execute(sql, args)]
        if limit is not None:
            rids = rids[:limit]
        summary = IngestSummary()
        t0 = time.perf_counter()
        with self._batched(batch_size) as done:
            for rid in progress_bar(rids, progress, unit="article", total=len(rids)):
                r = self.conn.execute("SELECT id, text, title, source, url, published, near_duplicate_of, "
                                      "origin FROM articles WHERE rid = ?", (rid,)).fetchone()
                aid, text, title, source, url, published, near, origin = r
                doc = Document(text=text, id=aid, title=title, source=source, url=url,
                               published=_dt.date.fromisoformat(published) if published else None)
                self._delete_extraction(rid)
                try:
                    doc = pipe(doc)
                except Exception as exc:  # noqa: BLE001
                    err = f"extraction failed: {type(exc).__name__}: {exc}"
                    self._fail(origin or aid, err, summary)
                    self._insert_extraction(rid, aid, None, dup=near is not None, error=err, pipeline=pipe)
                else:
                    summary.events += self._insert_extraction(rid, aid, doc, dup=near is not None, pipeline=pipe)
                    summary.ingested += 1
                done()
        summary.seconds = time.perf_counter() - t0
        return summary

    # ------------------------------------------------------------------ events

    def where_sql(self, query: EventQuery | None = None, **filters) -> tuple[str, list]:
        """The SQL condition (over ``events e``) and parameters that select the events matching a
        filter: the store's exact semantics, for callers that run their own compact queries on the
        ``events`` table (map points, column indexes).  Stable across schema migrations."""
        return self._where(EventQuery.of(query, **filters))

    def _where(self, q: EventQuery, page: int | None = None) -> tuple[str, list]:
        """The condition over ``events e`` and its parameters.  ``page`` (offset + limit of a
        newest-first page) lets a common actor's events be found by walking the day index instead
        of looking up every candidate row."""
        cond, args = [], []
        # every index leads with dup: name it in both cases so that they can be used
        cond.append("e.dup IN (0, 1)" if q.include_duplicates else "e.dup = 0")
        if q.country:
            cond.append("e.country = ?")
            args.append(q.country.upper())
        if q.type:
            cond.append("e.type = ?")
            args.append(q.type.upper())
        if q.acled_type:
            cond.append("e.event_type = ? COLLATE NOCASE")
            args.append(q.acled_type)
        if q.since:
            cond.append("e.day >= ?")
            args.append(str(q.since))
        if q.until:
            cond.append("e.day <= ?")
            args.append(str(q.until))
        if q.min_fatalities is not None:
            cond.append("e.fatalities >= ?")
            args.append(int(q.min_fatalities))
        if q.actor:
            needle = q.actor.casefold()
            if len(needle) >= 3:  # the trigram index finds the candidates
                match = '"' + needle.replace('"', '""') + '"'
                plus = "+" if page is not None and self._walk_day_index(match, page) else ""
                cond.append(f"{plus}e.rid IN (SELECT rowid FROM events_actors WHERE events_actors MATCH ?)")
                args.append(match)
            cond.append("instr(e.actors, ?) > 0")
            args.append(needle)
        if q.near:
            trees = _GEO_TREES[bool(q.include_duplicates)]
            geo, geo_args = self._geo_sql(q)
            # "+e.rid" keeps the planner on the day-ordered index, so a page stops after LIMIT matches
            cond.append(f"+e.rid IN ({' UNION ALL '.join(f'SELECT id FROM {t} WHERE {geo}' for t in trees)})")
            args += geo_args * len(trees)
        if q.q:
            fq = fts_query(q.q)
            if fq is None:
                cond.append("0")
            else:
                cond.append("e.article_rid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
                args.append(fq)
        if q.article_id:
            cond.append("e.article_rid = (SELECT rid FROM articles WHERE id = ?)")
            args.append(q.article_id)
        return (" AND ".join(cond) or "1"), args

    def _walk_day_index(self, match: str, page: int) -> bool:
        """Whether a page of an actor's events is cheaper found by walking the day index (reading
        about ``page * events / candidates`` index entries, each ~0.3 us) than by looking up each of
        the trigram index's candidates (~3.5 us each, then sorted): true for common names."""
        n = self.conn.execute("SELECT count(*) FROM events_actors WHERE events_actors MATCH ?", (match,)).fetchone()[0]
        if n < 100:
            return False
        total = self.conn.execute("SELECT coalesce(sum(n), 0) FROM event_counts WHERE dim = 'events'").fetchone()[0]
        return 0.3 * page * total / n < 3.5 * n

    def _geo_sql(self, q: EventQuery) -> tuple[str, list]:
        """The condition over an R*Tree (``events_geo``, ``events_geo_dup``) and its parameters for
        ``q.near``."""
        lat, lon, km = (float(x) for x in q.near)
        # the spherical cap's exact bounding box (angular radius delta), plus a small margin
        delta = km / 6371.0088
        dlat = math.degrees(delta) + 1e-4
        if abs(lat) + dlat >= 90 or delta >= math.pi / 2:
            dlon = 360.0
        else:
            dlon = math.degrees(math.asin(min(1.0, math.sin(delta) / math.cos(math.radians(lat))))) + 1e-4
        # the R*Tree's bounding box, then the exact distance on its coordinates (float32, exact to
        # well under a metre), without reading event rows; points inside a square well within the
        # circle skip the trigonometry
        inner = _inner_box(lat, lon, km)
        shortcut = "(min_lat BETWEEN ? AND ? AND min_lon BETWEEN ? AND ?) OR " if inner else ""
        return ("min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ? "
                f"AND ({shortcut}{self._haversine_sql} <= ?)",
                [lat - dlat, lat + dlat, lon - dlon, lon + dlon, *(inner or ()), lat, lat, lon, km])

    _EVENT_COLS = "e.id, e.data, a.id, a.title, a.source, a.url, a.published, a.near_duplicate_of"

    @staticmethod
    def _event_row(row) -> dict:
        eid, data, aid, title, source, url, published, near = row
        ev = json.loads(data)
        ev["id"] = eid
        ev["article_id"] = aid
        ev["article"] = {"id": aid, "title": title, "source": source, "url": url, "published": published,
                         "near_duplicate": near is not None}
        return ev

    def events(self, query: EventQuery | None = None, *, limit: int = 100, offset: int = 0,
               **filters) -> list[dict]:
        """One page of matching events, newest first (event day, then storage order).

        Each is the event dict of ``Document.to_dict()`` (with its stable ``id``) plus
        ``article_id`` and ``article`` (id, title, source, url, published, near_duplicate).
        """
        q = EventQuery.of(query, **filters)
        where, args = self._where(q, page=int(offset) + int(limit))
        # the page's row ids first (from the indexes alone), then only those rows are read
        sql = (f"SELECT {self._EVENT_COLS} FROM (SELECT e.rid, e.day FROM events e WHERE {where} "
               "ORDER BY e.day DESC, e.rid DESC LIMIT ? OFFSET ?) p "
               "JOIN events e ON e.rid = p.rid JOIN articles a ON a.rid = e.article_rid "
               "ORDER BY p.day DESC, p.rid DESC")
        return [self._event_row(r) for r in self.conn.execute(sql, [*args, int(limit), int(offset)])]

    def count_events(self, query: EventQuery | None = None, **filters) -> int:
        """How many events match."""
        q = EventQuery.of(query, **filters)
        if q.near and q.min_fatalities is None and not any(
                (q.country, q.type, q.acled_type, q.since, q.until, q.actor, q.q, q.article_id)):
            # distance only: the R*Trees answer alone (they hold every located event, by dup)
            geo, args = self._geo_sql(q)
            return sum(self.conn.execute(f"SELECT count(*) FROM {t} WHERE {geo}", args).fetchone()[0]
                       for t in _GEO_TREES[bool(q.include_duplicates)])
        where, args = self._where(q)
        return self.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0]

    def iter_events(self, query: EventQuery | None = None, *, batch: int = 2000, **filters) -> Iterator[dict]:
        """Every matching event in storage order, fetched ``batch`` rows at a time (bounded memory)."""
        q = EventQuery.of(query, **filters)
        where, args = self._where(q)
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT e.rid, {self._EVENT_COLS} FROM events e JOIN articles a ON a.rid = e.article_rid "
                f"WHERE e.rid > ? AND {where} ORDER BY e.rid LIMIT ?", [last, *args, batch]).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._event_row(r[1:])
            last = rows[-1][0]

    def event(self, event_id: str) -> dict | None:
        """One event by its id."""
        r = self.conn.execute(f"SELECT {self._EVENT_COLS} FROM events e JOIN articles a ON a.rid = e.article_rid "
                              "WHERE e.id = ?", (event_id,)).fetchone()
        return self._event_row(r) if r else None

    # ------------------------------------------------------------------ articles

    def _article_rid(self, article_id: str) -> int | None:
        r = self.conn.execute("SELECT rid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            r = self.conn.execute("SELECT rid FROM articles WHERE ext_id = ? ORDER BY rid LIMIT 1",
                                  (article_id,)).fetchone()
        return r[0] if r else None

    def article(self, article_id: str) -> dict | None:
        """The article (by rasd id, or the id its input gave it): ``Document.to_dict()`` with its events,
        plus ``text``, ``ext_id``, ``near_duplicate_of``, ``similarity``, ``origin``, ``ingested_at`` and
        ``extraction`` (rasd_version, pipeline, created_at, error)."""
        rid = self._article_rid(article_id)
        if rid is None:
            return None
        a = self.conn.execute(
            "SELECT a.id, a.ext_id, a.title, a.source, a.url, a.published, a.text, n.id, a.similarity, "
            "a.origin, a.ingested_at FROM articles a LEFT JOIN articles n ON n.rid = a.near_duplicate_of "
            "WHERE a.rid = ?", (rid,)).fetchone()
        x = self.conn.execute("SELECT rasd_version, pipeline, created_at, error, result FROM extractions "
                              "WHERE article_rid = ?", (rid,)).fetchone()
        d = result_from_blob(x[4], a[6]) if x else {}
        out = {"id": a[0], "published": a[5], "source": a[3], "url": a[4], "title": a[2],
               "focus_countries": [], "sentences": [], "entities": [], "places": [], "dates": [],
               "figures": [], "quotes": []}
        out.update({k: v for k, v in d.items() if k not in ("id", "published", "source", "url", "title")})
        out["events"] = []
        for eid, data in self.conn.execute("SELECT id, data FROM events WHERE article_rid = ? ORDER BY idx",
                                           (rid,)):
            ev = json.loads(data)
            ev["id"] = eid
            out["events"].append(ev)
        out.update({"text": a[6], "ext_id": a[1], "near_duplicate_of": a[7], "similarity": a[8],
                    "origin": a[9], "ingested_at": a[10],
                    "extraction": None if x is None else {"rasd_version": x[0], "pipeline": x[1],
                                                          "created_at": x[2], "error": x[3]}})
        return out

    def document(self, article_id: str) -> Document | None:
        """The article as a typed :class:`~rasd.doc.Document`."""
        from rasd.store.codec import document_from_dict

        d = self.article(article_id)
        return None if d is None else document_from_dict(d, d["text"])

    def articles(self, *, limit: int = 100, offset: int = 0, include_duplicates: bool = True) -> list[dict]:
        """Article metadata (no text), in storage order."""
        cond = "" if include_duplicates else "WHERE a.near_duplicate_of IS NULL"
        rows = self.conn.execute(
            "SELECT a.id, a.ext_id, a.title, a.source, a.url, a.published, n.id, a.similarity, "
            "(SELECT n_events FROM extractions WHERE article_rid = a.rid) "
            f"FROM articles a LEFT JOIN articles n ON n.rid = a.near_duplicate_of {cond} "
            "ORDER BY a.rid LIMIT ? OFFSET ?", (int(limit), int(offset)))
        keys = ("id", "ext_id", "title", "source", "url", "published", "near_duplicate_of", "similarity", "events")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def failures(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        """Recorded failures, newest first: item, reason, time, count."""
        rows = self.conn.execute("SELECT item, reason, time, count FROM failures ORDER BY time DESC, rid DESC "
                                 "LIMIT ? OFFSET ?", (int(limit), int(offset)))
        return [dict(zip(("item", "reason", "time", "count"), r, strict=True)) for r in rows]

    # ------------------------------------------------------------------ search

    def count_search(self, query: str) -> int:
        """How many articles match ``query``."""
        fq = fts_query(query)
        if fq is None:
            return 0
        return self.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (fq,)).fetchone()[0]

    def search(self, query: str, *, limit: int = 20, offset: int = 0, width: int = 160,
               order: str = "rank") -> list[dict]:
        """Articles matching every word of ``query`` (normalised like the text: diacritics, hamza and
        alef forms, ta marbuta, alef maqsura folded; a word also matches after و ف ب ل ك ال),
        best first (BM25; ``order="newest"``: last stored first, cheaper on very common words).  Each hit: ``article_id``, ``title``, ``published``, ``source``, ``url``,
        ``events``, ``near_duplicate_of``, ``score`` and ``snippet`` — an excerpt of the ORIGINAL text
        (``text``, its ``start`` offset in the article, ``match``: [start, end] pairs in the excerpt)."""
        if order not in ("rank", "newest"):
            raise ValueError("order must be 'rank' or 'newest'")
        key = "rank" if order == "rank" else "rowid DESC"
        fq = fts_query(query)
        if fq is None:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.published, a.source, a.url, n.id, a.text, f.rank, "
            "(SELECT n_events FROM extractions WHERE article_rid = a.rid) "
            f"FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY {key} "
            "LIMIT ? OFFSET ?) f "
            "JOIN articles a ON a.rid = f.rowid LEFT JOIN articles n ON n.rid = a.near_duplicate_of "
            f"ORDER BY f.{key}", (fq, int(limit), int(offset))).fetchall()
        terms = [t for g in query_terms(query) for t in g]
        return [{"article_id": r[0], "title": r[1], "published": r[2], "source": r[3], "url": r[4],
                 "near_duplicate_of": r[5], "events": r[8] or 0, "score": round(-r[7], 4),
                 "snippet": snippet(r[6], terms, width)} for r in rows]

    # ------------------------------------------------------------------ statistics

    def stats(self) -> dict:
        """Totals; events by PLOVER type, ACLED type and country; date ranges; failures; versions."""
        c = self.conn

        def one(sql, *args):
            return c.execute(sql, args).fetchone()

        # event totals and groupings from event_counts (kept by triggers on events), so nothing
        # here scans the events; the rest from indexes, never from event or article rows
        counts: dict[tuple[str, int], int] = {
            (dim, dup): n for dim, dup, n in c.execute(
                "SELECT dim, dup, n FROM event_counts WHERE dim IN ('events', 'located', 'fatalities')")}

        def grouped(dim, collate=""):
            return dict(c.execute(f"SELECT key {collate}, sum(n) n FROM event_counts WHERE dim = ? AND dup = 0 "
                                  "GROUP BY 1 HAVING sum(n) > 0 ORDER BY n DESC, 1", (dim,)))

        from rasd.store.version import current_version

        ev = (counts.get(("events", 0), 0),
              counts.get(("located", 0), 0),
              counts.get(("fatalities", 0), 0),
              one("SELECT min(day) FROM events WHERE dup = 0 AND day IS NOT NULL")[0],
              one("SELECT max(day) FROM events WHERE dup = 0")[0])
        art = (one("SELECT count(*) FROM articles")[0],
               one("SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL")[0],
               one("SELECT min(published) FROM articles WHERE published IS NOT NULL")[0],
               one("SELECT max(published) FROM articles")[0])
        failed = dict(c.execute("SELECT x.rasd_version || ' ' || x.pipeline, count(*) FROM extractions x "
                                "WHERE error IS NOT NULL GROUP BY 1"))
        versions = [{"rasd_version": v, "pipeline": p, "articles": n, "failed": failed.get(f"{v} {p}", 0)}
                    for v, p, n in c.execute("SELECT rasd_version, pipeline, count(*) FROM extractions "
                                             "GROUP BY rasd_version, pipeline ORDER BY count(*) DESC")]
        return {
            "articles": art[0],
            "near_duplicates": art[1],
            "events": ev[0],
            "events_of_near_duplicates": counts.get(("events", 1), 0),
            "located": ev[1],
            "fatalities": ev[2],
            "by_type": grouped("type"),
            "by_acled_type": grouped("acled", "COLLATE NOCASE"),
            "by_country": grouped("country"),
            "first_date": ev[3],
            "last_date": ev[4],
            "published_first": art[2],
            "published_last": art[3],
            "failures": one("SELECT count(*) FROM failures")[0],
            "extractions": versions,
            "rasd_version": current_version(),
            "schema_version": one("PRAGMA user_version")[0],
            "path": self.path,
        }

    # ------------------------------------------------------------------ exports

    def export(self, fmt: str, out: str | os.PathLike | TextIO | None = None,
               query: EventQuery | None = None, **filters) -> int:
        """Stream matching events (all by default) to ``out`` (a path, a text file, or stdout) as
        ``acled-csv``, ``plover-jsonl``, ``geojson``, ``jsonl``, ``json`` or ``parquet`` (a path);
        returns the number of events written.  Memory stays bounded whatever the store's size."""
        from rasd.store.export import export_events

        return export_events(self.iter_events(query, **filters), fmt, out)


# compact JSON, non-ASCII kept, dataclasses inside as to_dict() writes them (one encoder, built
# once; an event holds no cycles to look for)
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False,
                          default=json_default).encode

# an event's fields that its row keeps (after id, article, index), in the row's order
_EVENT_FIELDS = ("type", "mode", "event_type", "sub_event_type", "disorder_type", "date")
_COUNTS = ("fatalities", "injured", "displaced", "arrested")


def _event_rows(events: list, rid: int, aid: str, rid0: int, published: str | None,
                dup: bool) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The ``events`` rows (row ids from ``rid0 + 1``), actor index rows and R*Tree rows of an
    article's events.  Each event is stored as the JSON of the dict of its fields (its location,
    actors and spans left as objects: the encoder converts them as to_dict() does), with its id
    made unique and prefixed by the article id."""
    from rasd.store.codec import shallow_dicts

    seen: set[str] = set()
    ev_rows, geo, actor_rows = [], [], []
    flag = 1 if dup else 0
    for i, ev in enumerate(shallow_dicts(events)):
        eid = ev.get("id")
        if not eid or eid in seen:
            eid = f"{aid}-e{i + 1}"
        elif not str(eid).startswith(aid):
            eid = f"{aid}-{eid}"
        seen.add(eid)
        ev["id"] = eid
        erid = rid0 + i + 1
        loc = ev.get("location")
        if loc is None:
            lat = lon = country = None
        elif isinstance(loc, dict):
            lat, lon, country = loc.get("lat"), loc.get("lon"), loc.get("country_code")
        else:
            lat, lon, country = _LOC_GET(loc) if type(loc) is _Place else \
                (_field(loc, "lat"), _field(loc, "lon"), _field(loc, "country_code"))
        actors = ev.get("actors")
        names = "\x1f".join([x.casefold() for a in actors for x in _actor_names(a) if x]) if actors else ""
        date = ev.get("date")
        day = date or published or None
        counts = [v if v is None or type(v) is int else _int(v) for v in map(ev.get, _COUNTS)]
        ev_rows.append((erid, eid, rid, i, *map(ev.get, _EVENT_FIELDS), day[:10] if day else None,
                        country, lat, lon, *counts, 1 if ev.get("civilian_targeting") else 0,
                        ev.get("factuality"), ev.get("confidence"), names, flag, _dumps(ev)))
        if names:
            actor_rows.append((erid, names))
        if lat is not None and lon is not None:
            geo.append((erid, lat, lat, lon, lon))
    return ev_rows, geo, actor_rows


_LOC_GET = operator.attrgetter("lat", "lon", "country_code")
_ACTOR_GET = operator.attrgetter("name", "text", "name_en")


def _actor_names(a) -> tuple:
    """An actor's name, mention and English name (None where absent)."""
    if type(a) is _Actor:
        return _ACTOR_GET(a)
    return _field(a, "name"), _field(a, "text"), _field(a, "name_en")


def _field(obj, name: str):
    """``obj[name]`` of a dict, ``obj.name`` of an object (None when absent)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _int(v) -> int | None:
    if v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def snippet(text: str, terms: list[str], width: int = 160, norm: str | None = None) -> dict:
    """An excerpt of the original ``text`` around the first match of any of ``terms`` (normalised
    words), with the matches' [start, end] offsets inside the excerpt.

    The terms are found in the normalised text and mapped back to the original (past the marks the
    normaliser drops), so the excerpt is verbatim and the match covers the word as written.
    """
    spans = dedup.find_in_original(text, sorted(set(terms), key=len, reverse=True), norm=norm) if terms else []
    if not spans:
        return {"text": text[:width], "start": 0, "match": []}
    first = spans[0][0]
    a = max(0, first - width // 3)
    # do not cut a word at the left edge
    sp = text.rfind(" ", max(0, a - 20), a)
    if a > 0 and sp >= 0:
        a = sp + 1
    b = min(len(text), a + width)
    sp = text.find(" ", b, min(len(text), b + 20))
    if sp >= 0:
        b = sp
    return {"text": text[a:b], "start": a, "match": [[s - a, e - a] for s, e in spans if s >= a and e <= b]}
