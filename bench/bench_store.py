"""Corpus store benchmark: ingest throughput (with extraction) and query latency over >= 100k events.

    .venv/bin/python bench/bench_store.py [--limit N] [--events 100000] [--workdir DIR] [--replay 500]
                                          [--grown 100000]

1. Ingest ``../shared/data/news/saudinewsnet-conflict.jsonl`` into a fresh store with the default
   pipeline: articles/s overall, the share spent storing (everything but the pipeline call), DB size,
   peak RSS; then the same file again (all duplicates); then storing alone: the first
   ``--replay`` articles ingested again into new stores with their extraction replayed (kept from
   the first run), CPU ms per article (best and median of 3 runs); with ``--grown EVENTS``, also
   storing them into a store that already holds EVENTS events synthesised from the other articles.
2. Build a store of at least ``--events`` events synthesised from those real extractions (each
   article re-stored under varied text, dates and coordinates), then time every event filter, the
   count, full-text search and stats (median and p95 over repetitions, warm cache), and a streaming
   Parquet export.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.store import Store  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-conflict.jsonl"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TimedPipeline:
    """The default pipeline, timing its calls so that storing time can be told apart; keeps the
    results of its first ``keep`` articles (without tokens) for :class:`ReplayPipeline`."""

    def __init__(self, keep: int = 0) -> None:
        from rasd.pipeline import default_pipeline

        self.pipe = default_pipeline().load()
        self.names = self.pipe.names
        self.seconds = 0.0
        self.cpu = 0.0
        self.keep = keep
        self.kept: dict[str, object] = {}

    def __call__(self, doc):
        t, c = time.perf_counter(), time.process_time()
        try:
            out = self.pipe(doc)
        finally:
            self.seconds += time.perf_counter() - t
            self.cpu += time.process_time() - c
        if len(self.kept) < self.keep:
            self.kept[out.text] = copy.copy(out)
            self.kept[out.text].tokens, self.kept[out.text].cache = [], {}
        return out


class ReplayPipeline:
    """Returns the kept result of an article (a shallow copy with the new document's metadata):
    an ingest with it times storing alone."""

    def __init__(self, kept: dict, names: list[str]) -> None:
        self.kept, self.names = kept, names

    def __call__(self, doc):
        out = copy.copy(self.kept[doc.text])
        out.id, out.published, out.source, out.url, out.title = doc.id, doc.published, doc.source, doc.url, doc.title
        return out


def _head(src: Path, dst: Path, n: int) -> Path:
    """Copy the first ``n`` lines of ``src`` to ``dst``."""
    with open(src, encoding="utf-8") as fh, open(dst, "w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= n:
                break
            out.write(line)
    return dst


@contextlib.contextmanager
def normalisation_timed():
    """Times (CPU, into the yielded one-item list) the normalisation the store does for the
    pipeline: it normalises each text once and hands the result on (the pipeline's first stage then
    has nothing to do), so that time is extraction's work, not storing's."""
    from rasd.store import dedup

    spent = [0.0]
    plain = dedup.extraction_norm

    def timed(text):
        c = time.process_time()
        try:
            return plain(text)
        finally:
            spent[0] += time.process_time() - c

    dedup.extraction_norm = timed
    try:
        yield spent
    finally:
        dedup.extraction_norm = plain


def bench_replay(src: Path, workdir: Path, pipe: TimedPipeline, n: int, runs: int = 3) -> None:
    """Storing alone: the first ``n`` articles ingested into new stores with their extraction replayed."""
    part = _head(src, workdir / "replay.jsonl", n)
    replay = ReplayPipeline(pipe.kept, pipe.names)
    cpu, wall, norm = [], [], []
    for _ in range(runs):
        for p in workdir.glob("replay.db*"):
            p.unlink()
        with Store.open(workdir / "replay.db") as st:
            c0, t0 = time.process_time(), time.perf_counter()
            with normalisation_timed() as spent:
                s = st.ingest([part], pipeline=replay)
            cpu.append(1000 * (time.process_time() - c0 - spent[0]) / s.ingested)
            wall.append(1000 * (time.perf_counter() - t0) / s.ingested)
            norm.append(1000 * spent[0] / s.ingested)
    print(f"  storing alone ({s.ingested} articles of the first {n} lines, {s.events} events, their extraction "
          f"replayed; {runs} runs): CPU {min(cpu):.2f} ms/article best, {statistics.median(cpu):.2f} median "
          f"(without the normalisation handed to the pipeline, {statistics.median(norm):.2f} ms); "
          f"wall {min(wall):.2f} ms best; load average {os.getloadavg()[0]:.1f}")


def bench_ingest(workdir: Path, limit: int | None, replay: int = 500, grown: int = 0) -> Path:
    src = DATA
    if limit:
        src = _head(DATA, workdir / "input.jsonl", limit)
    db = workdir / "ingest.db"
    for p in workdir.glob("ingest.db*"):
        p.unlink()
    pipe = TimedPipeline(keep=10**9 if grown else replay)
    from rasd.store import dedup
    from rasd.store.version import pipeline_fingerprint

    dedup.signature(['warm', 'up', 'the', 'permutations'])  # outside the timing, with the fingerprint
    pipeline_fingerprint(pipe)
    with Store.open(db) as st:
        c0 = time.process_time()
        with normalisation_timed() as norm_cpu:
            s = st.ingest([src], pipeline=pipe)
        cpu = time.process_time() - c0
        c0 = time.process_time()
        again = st.ingest([src], pipeline=pipe)
        cpu_again = time.process_time() - c0
        stats = st.stats()
    size = sum(p.stat().st_size for p in workdir.glob("ingest.db*"))
    n = max(1, s.ingested)
    store_s, store_cpu = s.seconds - pipe.seconds, cpu - pipe.cpu - norm_cpu[0]
    print(f"ingest: {s.ingested} articles stored ({s.duplicates} exact duplicates, {s.near_duplicates} "
          f"near-duplicates, {s.failed} failed), {s.events} events")
    print(f"  wall {s.seconds:.1f} s = {s.ingested / s.seconds:.1f} articles/s; CPU {cpu:.1f} s = "
          f"{s.ingested / cpu:.1f} articles/s per core (the machine is shared: CPU time is the fair figure)")
    ext_cpu = pipe.cpu + norm_cpu[0]
    print(f"  extraction CPU {ext_cpu:.1f} s ({1000 * ext_cpu / n:.1f} ms/article, of which the normalisation "
          f"the store hands to the pipeline {1000 * norm_cpu[0] / n:.2f} ms); storing CPU {store_cpu:.1f} s "
          f"({1000 * store_cpu / n:.2f} ms/article, {1000 * (store_cpu + norm_cpu[0]) / n:.2f} with that "
          f"normalisation; wall {1000 * store_s / n:.1f} ms) -> store-only ceiling "
          f"{n / max(store_cpu, 1e-9):.0f} articles/s per core")
    print(f"  again (all duplicates): {again.duplicates} in {again.seconds:.2f} s wall, {cpu_again:.2f} s CPU "
          f"({again.duplicates / max(cpu_again, 1e-9):.0f} articles/s per core)")
    print(f"  DB size {size / 1e6:.1f} MB; peak RSS {rss_mb():.0f} MB; {stats['events']} events stored")
    if replay:
        bench_replay(src, workdir, pipe, replay)
    if grown and replay:
        bench_grown(src, workdir, pipe, replay, grown)
    return db


def bench_grown(src: Path, workdir: Path, pipe: TimedPipeline, n: int, events: int, runs: int = 3) -> None:
    """Storing alone into a grown store: the first ``n`` articles (extraction replayed) ingested into
    an empty store and into a copy of a store of >= ``events`` events synthesised from the others
    (so none of them is a duplicate there); interleaved runs, CPU ms per article."""
    import shutil

    head = _head(src, workdir / "replay.jsonl", n)
    rest = workdir / "rest.jsonl"
    with open(src, encoding="utf-8") as fh, open(rest, "w", encoding="utf-8") as out:
        out.writelines(line for i, line in enumerate(fh) if i >= n)
    replay = ReplayPipeline(pipe.kept, pipe.names)
    for p in workdir.glob("grown-base.db*"):
        p.unlink()
    with Store.open(workdir / "grown-base.db") as st:
        st.ingest([rest], pipeline=replay)
    grown = synthesise(workdir / "grown-base.db", workdir, events, name="grown.db")
    cpu: dict[str, list[float]] = {"empty": [], "grown": []}
    for _ in range(runs):
        for mode in cpu:
            for p in workdir.glob("replay.db*"):
                p.unlink()
            if mode == "grown":
                shutil.copyfile(grown, workdir / "replay.db")
            with Store.open(workdir / "replay.db") as st:
                c0 = time.process_time()
                with normalisation_timed() as spent:
                    s = st.ingest([head], pipeline=replay)
                cpu[mode].append(1000 * (time.process_time() - c0 - spent[0]) / s.ingested)
    print(f"  storing alone, {s.ingested} articles ({s.events} events), extraction replayed, {runs} interleaved "
          "runs, CPU ms/article median (best): " + "; ".join(
              f"into {'an empty store' if m == 'empty' else 'the grown store'} {statistics.median(v):.2f} "
              f"({min(v):.2f})" for m, v in cpu.items()) + f"; load average {os.getloadavg()[0]:.1f}")
    for p in workdir.glob("replay.db*"):
        p.unlink()


def synthesise(src_db: Path, workdir: Path, target: int, name: str = "big.db") -> Path:
    """A store of >= target events: the real store copied round after round with SQL, each copy
    with new ids and content hashes, event days shifted by 37 days a round and coordinates moved
    by up to 0.25 degrees (the ``day``/``lat``/``lon`` columns that queries use; the event JSON is
    copied as is).  Articles, extraction rows, events, the R*Tree, the actor index, entities, places,
    quotes, MinHash signatures, LSH band keys and the full-text index are all copied, so every index
    has the size it would have."""
    import shutil
    import sqlite3

    db = workdir / name
    for p in workdir.glob(f"{name}*"):
        p.unlink()
    with Store.open(src_db) as st:  # fold the WAL into the file before copying it
        st.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(src_db, db)
    t = time.perf_counter()
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("PRAGMA synchronous = NORMAL")
    per_round = c.execute("SELECT count(*) FROM events").fetchone()[0]
    rounds = -(-target // max(1, per_round))
    A, E = 10_000_000, 100_000_000  # row id offsets of a round for articles and events
    print(f"synthesise: {per_round} real events a round, x{rounds} rounds")
    cols_a = "ext_id, title, source, url, published, text, origin, ingested_at"
    from rasd.store.sqlite import fts_columns

    fts_rows = [(rid, fts_columns(text, title))
                for rid, text, title in c.execute(f"SELECT rid, text, title FROM articles WHERE rid < {A}")]
    for r in range(1, rounds):
        c.execute("BEGIN")
        c.execute(f"INSERT INTO articles (rid, id, content_hash, near_duplicate_of, similarity, {cols_a}) "
                  f"SELECT rid + {r * A}, id || '-r{r}', content_hash || '-r{r}', "
                  f"CASE WHEN near_duplicate_of IS NULL THEN NULL ELSE near_duplicate_of + {r * A} END, "
                  f"similarity, {cols_a} FROM articles WHERE rid < {A}")
        c.execute(f"INSERT INTO extractions SELECT article_rid + {r * A}, rasd_version, pipeline, created_at, "
                  f"n_events, error, result FROM extractions WHERE article_rid < {A}")
        ev_cols = [x[1] for x in c.execute("PRAGMA table_info(events)")]
        sel = []
        for col in ev_cols:
            sel.append({
                "rid": f"rid + {r * E}", "id": f"id || '-r{r}'", "article_rid": f"article_rid + {r * A}",
                "day": f"CASE WHEN length(day) = 10 THEN date(day, '+{37 * r} days') ELSE day END",
                "lat": f"CASE WHEN lat IS NULL THEN NULL ELSE max(-89.0, min(89.0, lat + {((r * 7) % 11 - 5) * 0.05})) END",
                "lon": f"CASE WHEN lon IS NULL THEN NULL ELSE max(-179.0, min(179.0, lon + {((r * 5) % 11 - 5) * 0.05})) END",
            }.get(col, col))
        c.execute(f"INSERT INTO events ({', '.join(ev_cols)}) SELECT {', '.join(sel)} FROM events WHERE rid < {E}")
        for geo, dup in (("events_geo", "dup = 0"), ("events_geo_dup", "dup != 0")):
            c.execute(f"INSERT INTO {geo} SELECT rid, lat, lat, lon, lon FROM events "
                      f"WHERE rid >= {r * E} AND rid < {(r + 1) * E} AND lat IS NOT NULL AND {dup}")
        # MinHash signatures as they are; LSH band keys scattered over the key space (a real
        # article's keys are random), so that the LSH index has the size and shape of a real one
        c.execute(f"INSERT INTO minhash SELECT article_rid + {r * A}, sig FROM minhash WHERE article_rid < {A}")
        c.execute(f"INSERT INTO lsh (band, key, article_rid) SELECT band, "
                  f"((key % 2147483647) * {2654435761 + 2 * r}) % 9000000000000000000, article_rid + {r * A} "
                  f"FROM lsh WHERE article_rid < {A}")
        c.execute(f"INSERT INTO events_actors (rowid, actors) SELECT rid, actors FROM events "
                  f"WHERE rid >= {r * E} AND rid < {(r + 1) * E} AND actors != ''")
        for table in ("entities", "places", "quotes"):
            cols = [x[1] for x in c.execute(f"PRAGMA table_info({table})")]
            sel = [f"article_rid + {r * A}" if x == "article_rid" else f'"{x}"' for x in cols]
            c.execute(f"INSERT INTO {table} SELECT {', '.join(sel)} FROM {table} WHERE article_rid < {A}")
        # the full-text index keeps no copy of its text (content=''): its rows are made again
        c.executemany("INSERT INTO articles_fts (rowid, title, body, stems) VALUES (?,?,?,?)",
                      [(rid + r * A, *cols) for rid, cols in fts_rows])
        c.execute("COMMIT")
    # the statistics' counters, recomputed from the copied events (the store's writer keeps them)
    from rasd.store.schema import count_events_sql

    c.execute("BEGIN")
    c.execute("DELETE FROM event_counts")
    c.execute(count_events_sql())
    c.execute("COMMIT")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.execute("ANALYZE")
    c.close()
    with Store.open(db) as st:
        n = st.count_events(include_duplicates=True)
        dup_events = n - st.count_events()
        arts = st.stats()["articles"]
    size = sum(p.stat().st_size for p in workdir.glob(f"{name}*"))
    print(f"  {arts} articles, {n} events ({dup_events} of near-duplicate articles) in "
          f"{time.perf_counter() - t:.0f} s; DB {size / 1e6:.0f} MB")
    return db


def timeit(fn, reps: int = 15) -> tuple[float, float, float]:
    """(median, p95) wall ms and median CPU ms of ``reps`` calls after a warm-up call."""
    fn()  # warm
    times, cpu = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(1000 * (time.perf_counter() - t))
        cpu.append(1000 * (time.process_time() - c))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], statistics.median(cpu)


def bench_queries(db: Path, reps: int = 15, export: bool = True) -> None:
    with Store.open(db) as st:
        total = st.count_events(include_duplicates=True)
        s = st.stats()
        top_country = next(iter(s["by_country"]), "YE")
        top_actor_row = st.conn.execute("SELECT actors FROM events WHERE actors != '' LIMIT 1").fetchone()
        actor = (top_actor_row[0].split("\x1f")[0] if top_actor_row else "الحوثي")[:6]
        cases = {
            "events (no filter, limit 50)": lambda: st.events(limit=50),
            f"--country {top_country}": lambda: st.events(country=top_country, limit=50),
            "--type ASSAULT": lambda: st.events(type="ASSAULT", limit=50),
            "--acled-type Battles": lambda: st.events(acled_type="Battles", limit=50),
            "--since/--until (one month)": lambda: st.events(since="2016-03-01", until="2016-03-31", limit=50),
            f"--actor {actor}": lambda: st.events(actor=actor, limit=50),
            "--near Sanaa 50 km": lambda: st.events(near=(15.35, 44.2, 50), limit=50),
            "--min-fatalities 10": lambda: st.events(min_fatalities=10, limit=50),
            "country+type+since combined": lambda: st.events(country=top_country, type="ASSAULT",
                                                             since="2016-01-01", limit=50),
            "page 100 (offset 5000)": lambda: st.events(limit=50, offset=5000),
            "count_events --country": lambda: st.count_events(country=top_country),
            "count_events --near 200 km": lambda: st.count_events(near=(15.35, 44.2, 200)),
            "--near 200 km + --type ASSAULT": lambda: st.events(near=(15.35, 44.2, 200), type="ASSAULT", limit=50),
            "count_events --near 1000 km": lambda: st.count_events(near=(15.35, 44.2, 1000)),
            "search 'الحوثيين' (20 hits)": lambda: st.search("الحوثيين", limit=20),
            "search 'غارات جوية' (20 hits)": lambda: st.search("غارات جوية", limit=20),
            "search 'الحوثيين' --newest": lambda: st.search("الحوثيين", limit=20, order="newest"),
            "--actor الحوثي (common)": lambda: st.events(actor="الحوثي", limit=50),
            "count_events --actor الحوثي": lambda: st.count_events(actor="الحوثي"),
            "count_search 'داعش'": lambda: st.count_search("داعش"),
            "stats": st.stats,
        }
        print(f"queries over {total} events ({s['articles']} articles); load average {os.getloadavg()[0]:.1f}:")
        worst = 0.0
        for name, fn in cases.items():
            med, p95, cpu = timeit(fn, reps)
            worst = max(worst, p95)
            print(f"  {name:34} median {med:7.2f} ms   p95 {p95:7.2f} ms   CPU {cpu:7.2f} ms")
        print(f"  worst p95 {worst:.1f} ms; load average {os.getloadavg()[0]:.1f}")
        if not export:
            return
        out = db.parent / "events.parquet"
        rss0 = rss_mb()
        t = time.perf_counter()
        n = st.export("parquet", out)
        print(f"export parquet: {n} events in {time.perf_counter() - t:.1f} s, {out.stat().st_size / 1e6:.1f} MB; "
              f"peak RSS {rss_mb():.0f} MB (before export {rss0:.0f} MB)")
        t = time.perf_counter()
        n = st.export("acled-csv", os.devnull)
        print(f"export acled-csv: {n} rows in {time.perf_counter() - t:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="ingest only the first N articles")
    ap.add_argument("--replay", type=int, default=500, help="articles whose storing is timed alone (0: skip)")
    ap.add_argument("--events", type=int, default=100_000, help="events in the query store")
    ap.add_argument("--grown", type=int, default=0, metavar="EVENTS", help="also time storing the --replay "
                    "articles into a store already holding EVENTS events (built from the other articles)")
    ap.add_argument("--workdir", type=Path, help="keep the stores here (default: a temporary folder)")
    ap.add_argument("--skip-ingest", action="store_true", help="reuse WORKDIR/ingest.db")
    ap.add_argument("--query-db", type=Path, help="only time the queries on this store (upgraded in place "
                    "to the current schema; e.g. WORKDIR/big.db of an earlier run)")
    ap.add_argument("--reps", type=int, default=15, help="repetitions of each query")
    ap.add_argument("--no-export", action="store_true", help="skip the export timings")
    args = ap.parse_args()
    if args.query_db:
        bench_queries(args.query_db, args.reps, not args.no_export)
        return
    if not DATA.is_file():
        sys.exit(f"bench_store: {DATA} is absent")
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="rasd-bench-store-")
        args.workdir = Path(tmp.name)
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count()}))
    src = args.workdir / "ingest.db" if args.skip_ingest else bench_ingest(args.workdir, args.limit, args.replay, args.grown)
    big = synthesise(src, args.workdir, args.events)
    bench_queries(big, args.reps, not args.no_export)
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
