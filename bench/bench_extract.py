"""Throughput, memory and cold start of the extraction pipeline on real articles.

    .venv/bin/python bench/bench_extract.py [--data ../shared/data/news/saudinewsnet-conflict.jsonl] [--limit N] [--exclude ner]

Runs in one process on one core: articles/s, words/s, per-stage time, peak RSS; cold start is the
wall time of a fresh `python -c "import rasd; rasd.extract(...)"` (gazetteer index and models loaded).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-conflict.jsonl"


def cold_start() -> float:
    """Seconds for a fresh interpreter to import rasd and extract one short article."""
    code = ("import rasd; rasd.extract('قتل خمسة أشخاص في قصف على مدينة حلب أمس.', "
            "published='2024-01-02')")
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - t)
    return best


def compiled_loops() -> list[str]:
    """The optional C extensions this install has (rasd.ner._crf, rasd.text._scan, rasd.events._events,
    rasd.store._dedup)."""
    import importlib

    out = []
    for name in ("rasd.ner._crf", "rasd.text._scan", "rasd.events._events", "rasd.store._dedup"):
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        out.append(name)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    ap.add_argument("--exclude", action="append", default=[], metavar="STAGE",
                    help="leave a stage out (as rasd extract --exclude), e.g. ner")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start measurement")
    args = ap.parse_args()
    if not args.data.is_file():
        sys.exit(f"no data at {args.data}: this benchmark needs ../shared/data")
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    import rasd
    from rasd.api import extract_many
    from rasd.pipeline import pipeline_for

    recs = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.limit:
        recs = recs[: args.limit]
    words = sum(len((r.get("content") or "").split()) for r in recs)

    pipe = pipeline_for(args.exclude)
    t0 = time.perf_counter()
    pipe.load()
    load_s = time.perf_counter() - t0

    stage_time = {st.name: 0.0 for st in pipe.stages}
    orig = [(st, st.__call__) for st in pipe.stages]

    def timed(st):
        call = type(st).__call__

        def run(doc):
            t = time.perf_counter()
            out = call(st, doc)
            stage_time[st.name] += time.perf_counter() - t
            return out
        return run

    from rasd.pipeline import Pipeline
    wrapped = Pipeline(pipe.stages)
    wrapped.stages = [type("T", (), {"name": st.name, "needs": st.needs, "adds": st.adds,
                                     "__call__": staticmethod(timed(st))})() for st, _ in orig]

    ok = failed = events = 0
    t = time.perf_counter()
    for item in extract_many(recs, pipeline=wrapped):
        if isinstance(item, rasd.Document):
            ok += 1
            events += len(item.events)
        else:
            failed += 1
    dt = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cold = float("nan") if args.no_cold else cold_start()
    print(f"data: {args.data.name}  articles: {len(recs)} ({ok} ok, {failed} failed)  words: {words:,}")
    print(f"stages: {', '.join(pipe.names)}")
    print(f"compiled loops: {', '.join(compiled_loops()) or 'none (pure Python/numpy)'}")
    print(f"resource load: {load_s:.2f} s   cold start (import + first article): {cold:.2f} s")
    print(f"throughput: {ok / dt:.1f} articles/s, {words / dt:,.0f} words/s on one core ({dt:.1f} s)")
    print(f"events: {events}  peak RSS: {rss_mb:.0f} MB")
    for name, s in stage_time.items():
        print(f"  {name:<14} {1000 * s / max(ok, 1):7.3f} ms/article")


if __name__ == "__main__":
    main()
