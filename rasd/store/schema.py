"""The SQLite schema of the corpus store, as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied; :func:`migrate` applies the rest,
each in its own transaction, so a store made by an older rasd is upgraded in place when opened.
Append new migrations to :data:`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: articles, extraction results, events (+ R*Tree), entities, places, quotes, failures, FTS, LSH
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE articles (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,            -- stable: 'a' + 16 hex digits of the content hash
        ext_id TEXT,                        -- the id the input gave the article, if any
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,                     -- YYYY-MM-DD
        text TEXT NOT NULL,                 -- verbatim; every offset points into it
        content_hash TEXT NOT NULL UNIQUE,  -- sha256 of the normalised text
        near_duplicate_of INTEGER REFERENCES articles(rid) ON DELETE SET NULL,
        similarity REAL,                    -- estimated Jaccard with near_duplicate_of
        origin TEXT,                        -- file (and line) it was read from
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_ext_id ON articles(ext_id);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_near_dup ON articles(near_duplicate_of);

    CREATE TABLE extractions (
        article_rid INTEGER PRIMARY KEY REFERENCES articles(rid) ON DELETE CASCADE,
        rasd_version TEXT NOT NULL,
        pipeline TEXT NOT NULL,             -- fingerprint of stages, their code and data
        created_at TEXT NOT NULL,
        n_events INTEGER NOT NULL DEFAULT 0,
        error TEXT,                         -- set when extraction failed (reprocess retries it)
        result BLOB NOT NULL                -- zlib(JSON of Document.to_dict() without events)
    );
    CREATE INDEX extractions_version ON extractions(rasd_version, pipeline);

    CREATE TABLE events (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,            -- '<article id>-e<n>'
        article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT, mode TEXT, event_type TEXT, sub_event_type TEXT, disorder_type TEXT,
        date TEXT,                          -- as extracted (YYYY, YYYY-MM or YYYY-MM-DD)
        day TEXT,                           -- event date, else the article's publication date
        country TEXT, lat REAL, lon REAL,
        fatalities INTEGER, injured INTEGER, displaced INTEGER, arrested INTEGER,
        civilian_targeting INTEGER NOT NULL DEFAULT 0,
        factuality TEXT, confidence REAL,
        actors TEXT,                        -- casefolded actor names and mentions, for --actor
        dup INTEGER NOT NULL DEFAULT 0,     -- 1 when the article is a near-duplicate
        data TEXT NOT NULL                  -- the event as JSON (Document.to_dict schema)
    );
    CREATE INDEX events_article ON events(article_rid);
    CREATE INDEX events_day ON events(day);
    CREATE INDEX events_country_day ON events(country, day);
    CREATE INDEX events_type_day ON events(type, day);
    CREATE INDEX events_acled_day ON events(event_type COLLATE NOCASE, day);
    CREATE INDEX events_fatalities ON events(fatalities);
    CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

    CREATE TABLE entities (
        article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        label TEXT, canonical TEXT
    );
    CREATE INDEX entities_article ON entities(article_rid);
    CREATE INDEX entities_canonical ON entities(canonical);

    CREATE TABLE places (
        article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        name TEXT, name_en TEXT, country TEXT, lat REAL, lon REAL, kind TEXT, geonameid INTEGER
    );
    CREATE INDEX places_article ON places(article_rid);
    CREATE INDEX places_country ON places(country);

    CREATE TABLE quotes (
        article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        kind TEXT, speaker TEXT, speaker_role TEXT
    );
    CREATE INDEX quotes_article ON quotes(article_rid);

    CREATE TABLE failures (
        rid INTEGER PRIMARY KEY,
        item TEXT NOT NULL,
        reason TEXT NOT NULL,
        time TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        UNIQUE (item, reason)
    );

    -- normalised title and text (diacritics, hamza seats, alef forms ... folded), and the
    -- proclitic-stripped forms of words that had one, so that غزة finds بغزة
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, stems, tokenize = 'unicode61');

    -- MinHash signatures and LSH band keys, for near-duplicates across runs
    CREATE TABLE minhash (
        article_rid INTEGER PRIMARY KEY REFERENCES articles(rid) ON DELETE CASCADE,
        sig BLOB NOT NULL
    );
    CREATE TABLE lsh (
        band INTEGER NOT NULL, key INTEGER NOT NULL,
        article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
        PRIMARY KEY (band, key, article_rid)
    ) WITHOUT ROWID;
    CREATE INDEX lsh_article ON lsh(article_rid);
    """,
    # 2: indexes that answer filters, counts and statistics without reading event rows (each leads
    # with dup, as every default query has dup = 0; the day index also covers --actor scans); the
    # R*Tree carries dup, so distance counts never touch the events table; failed extractions
    # have a partial index.
    """
    DROP INDEX events_day;
    DROP INDEX events_country_day;
    DROP INDEX events_type_day;
    DROP INDEX events_acled_day;
    DROP INDEX events_fatalities;
    CREATE INDEX events_dup_day ON events(dup, day, actors);
    CREATE INDEX events_dup_country ON events(dup, country, day);
    CREATE INDEX events_dup_type ON events(dup, type, day);
    CREATE INDEX events_dup_acled ON events(dup, event_type COLLATE NOCASE, day);
    CREATE INDEX events_dup_fatalities ON events(dup, fatalities);
    DROP TABLE events_geo;
    CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon, +dup);
    INSERT INTO events_geo (id, min_lat, max_lat, min_lon, max_lon, dup)
        SELECT rid, lat, lat, lon, lon, dup FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
    CREATE INDEX extractions_failed ON extractions(article_rid) WHERE error IS NOT NULL;
    """,
    # 3: located events counted from a partial index; actor substrings found through a trigram
    # full-text index over events.actors (external content: nothing copied)
    """
    CREATE INDEX events_dup_located ON events(dup) WHERE lat IS NOT NULL;
    CREATE VIRTUAL TABLE events_actors USING fts5(actors, tokenize = 'trigram', content = 'events',
                                                  content_rowid = 'rid');
    INSERT INTO events_actors (events_actors) VALUES ('rebuild');
    """,
    # 4: two R*Trees without an auxiliary column: events_geo for the located events of original
    # articles, events_geo_dup for those of near-duplicates (reading the auxiliary dup column cost
    # one shadow-table lookup per candidate: most of a --near count's time; a third dimension for
    # dup made every box search 5-7x slower); and event_counts, the statistics' totals and
    # groupings (one row per dimension, key and dup), kept by the writer in the same transaction
    # as the events (rasd.store.schema.count_events_sql), so that `stats` reads a few hundred rows
    # instead of scanning every event index.  (Not triggers: any trigger on events, even an empty
    # one, made each event insert ~5x slower.)
    """
    DROP TABLE events_geo;
    CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
    CREATE VIRTUAL TABLE events_geo_dup USING rtree(id, min_lat, max_lat, min_lon, max_lon);
    INSERT INTO events_geo (id, min_lat, max_lat, min_lon, max_lon)
        SELECT rid, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL AND dup = 0;
    INSERT INTO events_geo_dup (id, min_lat, max_lat, min_lon, max_lon)
        SELECT rid, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL AND dup != 0;

    CREATE TABLE event_counts (
        dim TEXT NOT NULL,                  -- events, located, fatalities (a sum), type, acled, country
        key TEXT NOT NULL,                  -- empty for the totals
        dup INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (dim, key, dup)
    ) WITHOUT ROWID;
    {count_all}
    """,
    # 5: the full-text index without a copy of its text (content=''; search snippets normalise the
    # article's text again, a fraction of a millisecond per hit) and with the 'ascii' tokenizer over
    # the normalised words joined by spaces (rasd.store.dedup.joined_words: only word characters and
    # single spaces, so splitting at spaces is all a tokenizer has to do, and 'ascii' does it in
    # about two thirds of unicode61's time; query words are the same \w runs).  Rebuilt here from
    # the old index's columns.
    """
    CREATE VIRTUAL TABLE articles_fts_v5 USING fts5(title, body, stems, tokenize = 'ascii', content = '');
    INSERT INTO articles_fts_v5 (rowid, title, body, stems)
        SELECT rowid, rasd_words(title), rasd_words(body), rasd_words(stems) FROM articles_fts;
    DROP TABLE articles_fts;
    ALTER TABLE articles_fts_v5 RENAME TO articles_fts;
    """,
    # 6: no index on entities.canonical: no query of the store reads it, and as its keys fall
    # anywhere in the index, each article's ~40 entities dirtied ~40 scattered pages once the store
    # was large (7.6 of the 55 pages an article wrote to the WAL in a store of 100,000 events;
    # bench/bench_store.py --grown).  Ad-hoc SQL on entities by canonical name scans the table.
    """
    DROP INDEX IF EXISTS entities_canonical;
    """,
]



def count_events_sql(where: str = "1", sign: int = 1) -> str:
    """SQL that adds ``sign`` times the figures of the events matching ``where`` (over ``events``)
    to ``event_counts``: one statement, aggregated by SQLite."""
    def part(dim: str, key: str, n: str, cond: str, group: str) -> str:
        return (f"SELECT '{dim}', {key}, dup, {sign} * {n} FROM events WHERE ({where}) AND {cond} "
                f"GROUP BY {group}")

    parts = [part("events", "''", "count(*)", "1", "dup"),
             part("located", "''", "count(*)", "lat IS NOT NULL", "dup"),
             part("fatalities", "''", "sum(fatalities)", "fatalities > 0", "dup"),
             part("type", "type", "count(*)", "type IS NOT NULL", "type, dup"),
             part("acled", "event_type", "count(*)", "event_type IS NOT NULL", "event_type, dup"),
             part("country", "country", "count(*)", "country IS NOT NULL", "country, dup")]
    return ("INSERT INTO event_counts (dim, key, dup, n) SELECT * FROM (" + " UNION ALL ".join(parts)
            + ") WHERE true ON CONFLICT (dim, key, dup) DO UPDATE SET n = n + excluded.n;")


MIGRATIONS[3] = MIGRATIONS[3].replace("{count_all}", count_events_sql())

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The store was made by a newer rasd (or is not a rasd store)."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn``'s schema up to :data:`SCHEMA_VERSION`; returns the version found."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found < SCHEMA_VERSION:  # functions the migration scripts call
        from rasd.store.dedup import joined_words

        conn.create_function("rasd_words", 1, joined_words, deterministic=True)
    if found > SCHEMA_VERSION:
        raise SchemaError(f"store schema version {found} is newer than this rasd ({SCHEMA_VERSION}); "
                          "upgrade rasd")
    for version in range(found, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-check inside the write lock: another process may have migrated meanwhile
            if conn.execute("PRAGMA user_version").fetchone()[0] > version:
                conn.execute("ROLLBACK")
                continue
            for stmt in _statements(MIGRATIONS[version]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no ';' inside our statements' literals)."""
    out, buf = [], []
    for line in script.splitlines():
        stripped = line.split("--", 1)[0]
        buf.append(stripped)
        if stripped.rstrip().endswith(";"):
            stmt = "\n".join(buf).strip()
            if stmt.strip(";").strip():
                out.append(stmt)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return out
