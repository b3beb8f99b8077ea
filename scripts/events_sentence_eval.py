"""Sentence-level ASSAULT / PROTEST detection of the event coder against hand labels.

Two steps, both over a JSONL news file (records with ``id``, ``content``, ``date_extracted`` ...):

``sample``  picks sentences that contain violence or protest words (the pre-selection of the outside
            scorer, approximately) and writes them, with their article id and offsets, to a JSONL
            label file *outside the repository* (it holds copied news text).  Fill in ``assault`` and
            ``protest`` (true/false) by hand: true only when the sentence's main content reports a
            specific event of that type that happened (not background, accusations, warnings,
            capabilities, denials, trends, plans or conditionals).

``score``   re-runs the coder over the labelled sentences' articles and prints precision, recall and
            F1 per type.  A sentence is positive for the coder when an event of that type (in
            ``doc.events``) has evidence in the sentence (merged mentions keep all their evidence).  ``--split dev|held`` scores one half
            (by a hash of the article id), so one half can be kept unseen while rules are tuned.

    .venv/bin/python scripts/events_sentence_eval.py sample NEWS.jsonl OUT.jsonl --n 200 --seed 3
    .venv/bin/python scripts/events_sentence_eval.py score LABELS.jsonl NEWS.jsonl [NEWS2.jsonl] --split dev
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys

VIOLENCE = ("قتل", "مقتل", "قتلى", "قصف", "غارة", "غارات", "اشتباك", "هجوم", "هجمات", "انفجار", "تفجير",
            "معارك", "مسلح", "اغتيال", "استهداف", "جرحى", "اعتداء", "عنف", "ضربة", "ضربات")
PROTEST = ("مظاهر", "تظاهر", "متظاهر", "احتجاج", "محتج", "اعتصام", "معتصم", "مسيرة", "إضراب", "اضراب",
           "شغب", "احتشد", "احتشاد", "وقفة", "حراك", "انتفاضة", "ثورة")


def split_of(article_id: str) -> str:
    """``dev`` or ``held``: a stable half of the articles."""
    return "dev" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def _records(paths):
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def sample(paths: list[str], out: str, n: int, seed: int, articles: int, only: str | None = None) -> None:
    from rasd.api import Failure, extract_many

    arts = list(_records(paths))
    rng = random.Random(seed)
    rng.shuffle(arts)
    vio, pro = [], []
    for doc in extract_many(arts[:articles]):
        if isinstance(doc, Failure):
            continue
        for s in doc.sentences:
            row = {"article": doc.id, "start": s.start, "end": s.end, "published": str(doc.published),
                   "text": s.text, "assault": None, "protest": None}
            if any(w in s.text for w in PROTEST):
                pro.append(row)
            elif any(w in s.text for w in VIOLENCE):
                vio.append(row)
    rng.shuffle(vio)
    rng.shuffle(pro)
    if only == "protest":
        picked = pro[:n]
    elif only == "violence":
        picked = vio[:n]
    else:
        picked = pro[: n // 2] + vio[: n - min(len(pro), n // 2)]
    rng.shuffle(picked)
    with open(out, "w", encoding="utf-8") as fh:
        for r in picked:
            r["split"] = split_of(r["article"])
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(picked)} sentences ({len(pro)} protest-word, {len(vio)} violence-word candidates)", file=sys.stderr)


def predict(labels: list[dict], paths: list[str]) -> dict[tuple[str, int], set[str]]:
    """(article, sentence start) → the event types the coder reports with a trigger in the sentence."""
    from rasd.api import Failure, extract_many

    want = {r["article"] for r in labels}
    arts = [r for r in _records(paths) if r.get("id") in want]
    spans: dict[str, list[dict]] = {}
    for r in labels:
        spans.setdefault(r["article"], []).append(r)
    out: dict[tuple[str, int], set[str]] = {}
    for doc in extract_many(arts):
        if isinstance(doc, Failure):
            continue
        for r in spans.get(doc.id, []):
            out[(doc.id, r["start"])] = {e.type for e in doc.events
                                         if any(r["start"] <= sp.start < r["end"] for sp in e.evidence)}
    return out


def score(label_path: str, paths: list[str], split: str | None, show: bool) -> dict:
    with open(label_path, encoding="utf-8") as fh:
        labels = [json.loads(line) for line in fh if line.strip()]
    labels = [r for r in labels if r.get("assault") is not None and (split is None or r.get("split") == split)]
    pred = predict(labels, paths)
    result = {}
    for typ, key in (("ASSAULT", "assault"), ("PROTEST", "protest")):
        tp = fp = fn = 0
        for r in labels:
            got = typ in pred.get((r["article"], r["start"]), set())
            gold = bool(r[key])
            tp += got and gold
            fp += got and not gold
            fn += gold and not got
            if show and got != gold:
                print(f"{typ} {'FP' if got else 'FN'} {r['article']}@{r['start']}: {r['text'][:400]}\n")
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        result[typ] = {"sentences": len(labels), "gold": tp + fn, "tp": tp, "fp": fp, "fn": fn,
                       "precision": round(p, 3), "recall": round(rc, 3), "f1": round(f, 3)}
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("news", nargs="+")
    s.add_argument("out")
    s.add_argument("--n", type=int, default=200)
    s.add_argument("--seed", type=int, default=3)
    s.add_argument("--articles", type=int, default=400)
    s.add_argument("--only", choices=("protest", "violence"), help="sample only one kind of sentence")
    c = sub.add_parser("score")
    c.add_argument("labels")
    c.add_argument("news", nargs="+")
    c.add_argument("--split", choices=("dev", "held"))
    c.add_argument("--show", action="store_true", help="print the wrong sentences")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        sample(args.news, args.out, args.n, args.seed, args.articles, args.only)
    else:
        print(json.dumps(score(args.labels, args.news, args.split, args.show), indent=1))


if __name__ == "__main__":
    main()
