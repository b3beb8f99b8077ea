"""Corpus store benchmark: ingest throughput (with extraction) and query latency over >= 100k events.

    .venv/bin/python bench/bench_store.py [--limit N] [--events 100000] [--workdir DIR]

1. Ingest ``../shared/data/news/saudinewsnet-conflict.jsonl`` into a fresh store with the default
   pipeline: articles/s overall, the share spent storing (everything but the pipeline call), DB size,
   peak RSS; then the same file again (all duplicates).
2. Build a store of at least ``--events`` events synthesised from those real extractions (each
   article re-stored under varied text, dates and coordinates), then time every event filter, the
   count, full-text search and stats (median and p95 over repetitions, warm cache), and a streaming
   Parquet export.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as _dt
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
    """The default pipeline, timing its calls so that storing time can be told apart."""

    def __init__(self) -> None:
        from rasd.pipeline import default_pipeline

        self.pipe = default_pipeline().load()
        self.names = self.pipe.names
        self.seconds = 0.0

    def __call__(self, doc):
        t = time.perf_counter()
        try:
            return self.pipe(doc)
        finally:
            self.seconds += time.perf_counter() - t


def bench_ingest(workdir: Path, limit: int | None) -> Path:
    src = DATA
    if limit:
        src = workdir / "input.jsonl"
        with open(DATA, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                out.write(line)
    db = workdir / "ingest.db"
    for p in workdir.glob("ingest.db*"):
        p.unlink()
    pipe = TimedPipeline()
    with Store.open(db) as st:
        st.ingest([], pipeline=pipe)  # warm imports (datasketch) outside the timing
        s = st.ingest([src], pipeline=pipe)
        again = st.ingest([src], pipeline=pipe)
        stats = st.stats()
    size = sum(p.stat().st_size for p in workdir.glob("ingest.db*"))
    store_s = s.seconds - pipe.seconds
    print(f"ingest: {s.ingested} articles ({s.near_duplicates} near-duplicates, {s.failed} failed), "
          f"{s.events} events in {s.seconds:.1f} s = {s.ingested / s.seconds:.1f} articles/s with extraction")
    print(f"  extraction {pipe.seconds:.1f} s ({1000 * pipe.seconds / max(1, s.ingested):.1f} ms/article); "
          f"storing {store_s:.1f} s ({1000 * store_s / max(1, s.ingested):.2f} ms/article)"
          f" -> store-only ceiling {s.ingested / max(store_s, 1e-9):.0f} articles/s")
    print(f"  again (all duplicates): {again.duplicates} duplicates in {again.seconds:.2f} s "
          f"({again.duplicates / max(again.seconds, 1e-9):.0f} articles/s)")
    print(f"  DB size {size / 1e6:.1f} MB; peak RSS {rss_mb():.0f} MB; {stats['events']} events stored")
    return db


def synthesise(src_db: Path, workdir: Path, target: int) -> Path:
    """A store of >= target events from the real extractions in src_db."""
    from rasd.store.codec import document_from_dict

    db = workdir / "big.db"
    for p in workdir.glob("big.db*"):
        p.unlink()
    with Store.open(src_db) as src:
        ids = [a["id"] for a in src.articles(limit=1_000_000, include_duplicates=False)]
        base = [src.article(i) for i in ids]
    base = [b for b in base if b["events"]]
    per_round = sum(len(b["events"]) for b in base)
    rounds = -(-target // per_round)
    print(f"synthesise: {len(base)} articles with {per_round} events, x{rounds} rounds")
    t = time.perf_counter()

    letters = [chr(c) for c in range(0x0628, 0x064B) if not 0x063B <= c <= 0x0640]

    def cipher(r):
        # round r > 0: Arabic letters rotated by r (1:1, so every offset stays valid) -> a new,
        # non-duplicate text of the same shape; round 0 is the real text
        return str.maketrans({a: letters[(i + r) % len(letters)] for i, a in enumerate(letters)})

    def recode(obj, table):
        if isinstance(obj, str):
            return obj.translate(table)
        if isinstance(obj, list):
            return [recode(x, table) for x in obj]
        if isinstance(obj, dict):
            return {k: (v if k in ("id", "published", "date", "country_code", "url") else recode(v, table))
                    for k, v in obj.items()}
        return obj

    def docs():
        for r in range(rounds):
            shift = _dt.timedelta(days=37 * r)
            table = cipher(r) if r else {}
            for b in base:
                d = recode(copy.deepcopy(b), table) if r else copy.deepcopy(b)
                text = d["text"]
                for ev in d["events"]:
                    ev.pop("id", None)
                    if ev.get("date") and len(ev["date"]) == 10:
                        with contextlib.suppress(ValueError):
                            ev["date"] = (_dt.date.fromisoformat(ev["date"]) + shift).isoformat()
                    loc = ev.get("location")
                    if loc and loc.get("lat") is not None:
                        loc["lat"] = max(-89.0, min(89.0, loc["lat"] + ((r * 7) % 11 - 5) * 0.05))
                        loc["lon"] = max(-179.0, min(179.0, loc["lon"] + ((r * 5) % 11 - 5) * 0.05))
                pub = d.get("published")
                if pub:
                    d["published"] = (_dt.date.fromisoformat(pub) + shift).isoformat()
                d["id"] = f"{d['id']}-r{r}"
                yield document_from_dict(d, text)

    with Store.open(db) as st:
        s = st.add_documents(docs(), batch_size=2000)
        n = st.count_events(include_duplicates=True)
        dup_events = n - st.count_events()
    size = sum(p.stat().st_size for p in workdir.glob("big.db*"))
    print(f"  {s.ingested} articles, {n} events ({dup_events} of near-duplicates) in "
          f"{time.perf_counter() - t:.0f} s; DB {size / 1e6:.0f} MB")
    return db


def timeit(fn, reps: int = 15) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def bench_queries(db: Path) -> None:
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
            "search 'الحوثيين' (20 hits)": lambda: st.search("الحوثيين", limit=20),
            "search 'غارات جوية' (20 hits)": lambda: st.search("غارات جوية", limit=20),
            "count_search 'داعش'": lambda: st.count_search("داعش"),
            "stats": st.stats,
        }
        print(f"queries over {total} events ({s['articles']} articles):")
        worst = 0.0
        for name, fn in cases.items():
            med, p95 = timeit(fn)
            worst = max(worst, p95)
            print(f"  {name:34} median {med:7.2f} ms   p95 {p95:7.2f} ms")
        print(f"  worst p95 {worst:.1f} ms")
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
    ap.add_argument("--events", type=int, default=100_000, help="events in the query store")
    ap.add_argument("--workdir", type=Path, help="keep the stores here (default: a temporary folder)")
    ap.add_argument("--skip-ingest", action="store_true", help="reuse WORKDIR/ingest.db")
    args = ap.parse_args()
    if not DATA.is_file():
        sys.exit(f"bench_store: {DATA} is absent")
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="rasd-bench-store-")
        args.workdir = Path(tmp.name)
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count()}))
    src = args.workdir / "ingest.db" if args.skip_ingest else bench_ingest(args.workdir, args.limit)
    big = synthesise(src, args.workdir, args.events)
    bench_queries(big)
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
