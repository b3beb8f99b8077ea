"""Tagging speed of the shipped NER model on one core: tokens/s over a CoNLL file (cold caches,
model loading timed apart), and the pipeline stage's cost per article on real news.

    .venv/bin/python scripts/ner_speed.py [--conll ../shared/data/ner/anercorp-train.tsv] [--articles 300]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conll", type=Path, default=SHARED / "ner" / "anercorp-train.tsv")
    ap.add_argument("--articles", type=int, default=300)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from rasd.ner.conll import read_conll
    from rasd.ner.tagger import Tagger

    t0 = time.process_time()
    tagger = Tagger().load()
    load = time.process_time() - t0
    with args.conll.open(encoding="utf-8") as fh:
        sents = [t for t, _ in read_conll(fh)]
    n = sum(len(s) for s in sents)
    t0 = time.process_time()
    tagger.tag_document(sents)  # what `rasd ner --conll` does: windows of 100 sentences
    cold = time.process_time() - t0
    t0 = time.process_time()
    tagger.tag_document(sents)
    warm = time.process_time() - t0
    one = Tagger().load()
    t0 = time.process_time()
    for s in sents:
        one.tag(s)
    single = time.process_time() - t0
    print("(CPU time of this process: the machine is shared, wall time is not one core's time)")
    print(f"model load {load:.2f}s; {n} tokens: {n / cold:,.0f} tokens/s (rasd ner path, first pass, "
          f"cold caches), {n / warm:,.0f} tokens/s (second pass); one sentence a call, cold: "
          f"{n / single:,.0f} tokens/s")
    from rasd.doc import Document
    from rasd.ner.stage import TagEntities
    from rasd.text.stage import SplitSentences, Tokenize

    docs = []
    with (SHARED / "news" / "saudinewsnet-conflict.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append(SplitSentences()(Tokenize()(Document(d["content"]))))
            if len(docs) >= args.articles:
                break
    stage = TagEntities()
    stage.load()
    words = sum(len(d.tokens) for d in docs)
    t0 = time.process_time()
    for d in docs:
        stage(d)
    secs = time.process_time() - t0
    print(f"stage: {len(docs)} articles, {words / len(docs):.0f} tokens each: "
          f"{1000 * secs / len(docs):.2f} ms/article, {len(docs) / secs:.0f} articles/s")


if __name__ == "__main__":
    main()
