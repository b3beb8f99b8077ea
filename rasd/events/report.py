"""Run the event coder over a JSONL news file and report counts per type and a random sample.

``python -m rasd.events.report ../shared/data/news/saudinewsnet-conflict.jsonl --sample 30`` prints
the number of events per PLOVER type (and per ACLED event type), the events kept aside per reason,
the time per article and a reproducible random sample of events to check by hand.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time

from rasd.api import Failure, extract_many


def run(path: str, *, limit: int | None = None, sample: int = 30, seed: int = 7) -> dict:
    """Counts and a sample of events over the articles of ``path`` (JSONL)."""
    def records():
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    break
                yield json.loads(line)

    types: collections.Counter = collections.Counter()
    acled: collections.Counter = collections.Counter()
    other: collections.Counter = collections.Counter()
    events = []
    n_docs = failed = 0
    t0 = time.perf_counter()
    for doc in extract_many(records()):
        if isinstance(doc, Failure):
            failed += 1
            continue
        n_docs += 1
        for e in doc.events:
            types[e.type] += 1
            if e.event_type:
                acled[f"{e.event_type} / {e.sub_event_type}"] += 1
            events.append((doc.id, e))
        for _e, reason in doc.cache.get("events_other", []):
            other[reason] += 1
    elapsed = time.perf_counter() - t0
    rng = random.Random(seed)
    picked = rng.sample(events, min(sample, len(events)))
    return {"articles": n_docs, "failed": failed, "events": len(events), "seconds": round(elapsed, 1),
            "types": dict(types.most_common()), "acled": dict(acled.most_common()),
            "other": dict(other.most_common()),
            "sample": [{"article": aid, "type": e.type, "mode": e.mode, "date": e.date,
                        "acled": e.sub_event_type,
                        "where": (e.location.name_en or e.location.text, e.location.country_code) if e.location else None,
                        "actors": [(a.role, a.name or a.text) for a in e.actors],
                        "fatalities": e.fatalities, "confidence": e.confidence,
                        "trigger": e.trigger.text if e.trigger else None,
                        "evidence": e.evidence[0].text[:300]} for aid, e in picked]}


def sentence_sample(path: str, words: list[str], *, n: int = 40, seed: int = 1, articles: int = 300) -> list[dict]:
    """A random sample of sentences that contain one of ``words``, with the event types rasd found in
    each (and the ones it kept aside, with the reason): material for labelling by hand."""
    with open(path, encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh]
    rng = random.Random(seed)
    rng.shuffle(arts)
    out = []
    for doc in extract_many(arts[:articles]):
        if isinstance(doc, Failure):
            continue
        for s in doc.sentences:
            if not any(w in s.text for w in words):
                continue
            found = sorted({e.type for e in doc.events if any(sp.start == s.start for sp in e.evidence)})
            aside = sorted({(e.type, r) for e, r in doc.cache.get("events_other", [])
                            if any(sp.start == s.start for sp in e.evidence)})
            out.append({"article": doc.id, "types": found, "aside": aside, "text": s.text})
    rng.shuffle(out)
    return out[:n]


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sentences", help="comma-separated words: print a labelling sample of sentences instead")
    args = ap.parse_args(argv)
    if args.sentences:
        result = sentence_sample(args.path, args.sentences.split(","), n=args.sample, seed=args.seed)
    else:
        result = run(args.path, limit=args.limit, sample=args.sample, seed=args.seed)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
