"""Accuracy of place recognition on a labelled sentence set (tests/geo/sentences.tsv format).

Each row: text, mention, expected country ("-" when the mention must not be a place), lat, lon.
Country accuracy counts rows whose mention is found with the right country; distance accuracy counts
rows with coordinates whose place lies within ``km`` of them; false positives count "-" rows where
the word was taken as a place.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from rasd.doc import Document


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@dataclass
class GeoScore:
    """Counts and the rows that failed."""

    rows: int = 0
    positives: int = 0
    country_ok: int = 0
    with_coords: int = 0
    within_km: int = 0
    negatives: int = 0
    false_positives: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.positives if self.positives else 0.0

    @property
    def distance_accuracy(self) -> float:
        return self.within_km / self.with_coords if self.with_coords else 0.0


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a sentence file (first line provenance, then a header)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = "\n".join(ln for ln in lines[1:] if ln.strip())
    return list(csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate(rows: list[dict[str, str]], stage, km: float = 25.0) -> GeoScore:
    """Run ``stage`` (a RecognizePlaces) on each row's text and score it."""
    from rasd.text.sentences import split_sentences
    from rasd.text.tokenize import tokenize

    sc = GeoScore()
    for r in rows:
        doc = Document(text=r["text"])
        doc.tokens = tokenize(doc.text)
        doc.sentences = split_sentences(doc.text, doc.tokens)
        stage(doc)
        sc.rows += 1
        mention = r["mention"]
        hits = [p for p in doc.places if mention in p.text or p.text in mention]
        if r["cc"] == "-":
            sc.negatives += 1
            if hits:
                sc.false_positives += 1
                sc.failures.append(f"FP {mention!r}: {[(p.text, p.country_code) for p in hits]} | {r['text']}")
            continue
        sc.positives += 1
        ok = [p for p in hits if p.country_code == r["cc"]]
        if ok:
            sc.country_ok += 1
        else:
            sc.failures.append(f"country {mention!r} want {r['cc']} got {[(p.text, p.country_code) for p in hits]}"
                               f" | {r['text']}")
        if r.get("lat"):
            sc.with_coords += 1
            lat, lon = float(r["lat"]), float(r["lon"])
            if any(p.lat is not None and haversine_km(lat, lon, p.lat, p.lon) <= km for p in ok):
                sc.within_km += 1
            elif ok:
                sc.failures.append(f"distance {mention!r}: {[(p.text, p.name_en, p.lat, p.lon) for p in ok]}")
    return sc


# --------------------------------------------------------------------------- corpora (../shared, not shipped)

def _run(stage, text: str, title: str | None = None) -> Document:
    from rasd.text.sentences import split_sentences
    from rasd.text.tokenize import tokenize

    doc = Document(text=text, title=title)
    doc.tokens = tokenize(text)
    doc.sentences = split_sentences(text, doc.tokens)
    return stage(doc)


def conll_overlap(path_tags: list[tuple[str, list[str]]], stage, labels: tuple[str, ...], doc_size: int) -> dict:
    """Recall of gold entities with ``labels`` and the gold tags under each non-nisba place.

    ``path_tags`` is a token stream: (token, [tags]) with None tokens as sentence breaks.
    """
    from collections import Counter

    sents: list[list[tuple[str, list[str]]]] = [[]]
    for tok in path_tags:
        if tok is None:
            if sents[-1]:
                sents.append([])
        else:
            sents[-1].append(tok)
    total = hit = 0
    under: Counter = Counter()
    for i in range(0, len(sents), doc_size):
        text, spans = "", []
        for s in sents[i:i + doc_size]:
            for w, tags in s:
                a = len(text)
                text += w
                spans.append((a, len(text), tags))
                text += " "
            text = text.rstrip(" ") + "\n"
        doc = _run(stage, text)
        places = [p for p in doc.places if p.via != "nisba"]
        j = 0
        while j < len(spans):
            lab = next((t[2:] for t in spans[j][2] if t.startswith("B-") and t[2:] in labels), None)
            if lab is None:
                j += 1
                continue
            k = j + 1
            while k < len(spans) and f"I-{lab}" in spans[k][2]:
                k += 1
            a, b = spans[j][0], spans[k - 1][1]
            total += 1
            hit += any(p.start < b and p.end > a for p in places)
            j = k
        for p in places:
            tags = {t[2:] for a, b, ts in spans if a < p.end and b > p.start for t in ts if t != "O"}
            under["place" if tags & set(labels) else (",".join(sorted(tags)) or "O")] += 1
    n = sum(under.values())
    return {"gold": total, "recall": hit / total if total else 0.0, "places": n,
            "on_gold_place": under["place"] / n if n else 0.0, "under": dict(under.most_common())}


def read_anercorp(path: Path) -> list:
    """ANERcorp (token TAB tag), cut into sentences at full stops."""
    out: list = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        w, t = line.rsplit("\t", 1)
        out.append((w, [t]))
        if w == ".":
            out.append(None)
    return out


def read_wojood(*paths: Path) -> list:
    """Wojood samples (token SPACE tags..., blank line between sentences)."""
    out: list = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                out.append(None)
                continue
            parts = line.split(" ")
            out.append((parts[0], parts[1:]))
    return out


def audit_sample(shared: Path, out: Path, seed: int = 20261129) -> int:
    """Write the real-article audit sample with rasd's places and event locations, for judging by hand.

    40 random articles of SaudiNewsNet conflict and 20 of "other" (``seed``); every third of each is the
    held-back part (``split``).  The output (JSON) holds copied news text: keep it outside the repository.
    """
    import json
    import random

    import rasd

    rng = random.Random(seed)
    rows = []
    for name, n in (("conflict", 40), ("other", 20)):
        lines = (shared / f"data/news/saudinewsnet-{name}.jsonl").read_text(encoding="utf-8").splitlines()
        for k, i in enumerate(sorted(rng.sample(range(len(lines)), n))):
            r = json.loads(lines[i])
            doc = rasd.extract(r["content"], published=r["date_extracted"][:10])
            t = doc.text
            rows.append({
                "id": r["id"], "file": name, "split": "held" if k % 3 == 2 else "dev", "focus": doc.focus_countries,
                "places": [{"start": p.start, "text": p.text, "name_en": p.name_en, "cc": p.country_code,
                            "kind": p.kind, "context": t[max(0, p.start - 45):p.end + 35]} for p in doc.places],
                "events": [{"type": e.type, "sub_event_type": e.sub_event_type, "trigger": e.trigger.text,
                            "location": e.location.text if e.location else None,
                            "cc": e.location.country_code if e.location else None,
                            "context": t[max(0, e.trigger.start - 120):e.trigger.start + 150]} for e in doc.events],
            })
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the Geo figures of docs/benchmarks.md (needs ../shared for the corpora)."""
    import argparse
    import json
    import time

    from rasd.geo.stage import RecognizePlaces

    ap = argparse.ArgumentParser(description="rasd geo evaluation")
    ap.add_argument("what", choices=["sentences", "anercorp", "wojood", "speed", "audit"])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    ap.add_argument("--out", type=Path, default=None, help="audit: where to write the sample (outside the repo)")
    args = ap.parse_args(argv)
    if args.what == "audit":
        if args.out is None:
            ap.error("audit needs --out FILE (outside the repository: it holds news text)")
        print(f"wrote {audit_sample(args.shared, args.out)} articles to {args.out}")
        return 0
    stage = RecognizePlaces()
    if args.what == "sentences":
        sc = evaluate(read_rows(Path(__file__).resolve().parents[2] / "tests" / "geo" / "sentences.tsv"), stage)
        print(f"rows {sc.rows}; country {sc.country_ok}/{sc.positives} = {sc.country_accuracy:.3f}; "
              f"within 25 km {sc.within_km}/{sc.with_coords} = {sc.distance_accuracy:.3f}; "
              f"false positives {sc.false_positives}/{sc.negatives}")
        for f in sc.failures:
            print("  ", f)
    elif args.what == "anercorp":
        r = conll_overlap(read_anercorp(args.shared / "data/ner/anercorp-train.tsv"), stage, ("LOC",), 15)
        print(json.dumps(r, ensure_ascii=False))
    elif args.what == "wojood":
        d = args.shared / "data/ner"
        r = conll_overlap(read_wojood(d / "wojood-sample-train.txt", d / "wojood-sample-val.txt"), stage,
                          ("GPE", "LOC", "FAC"), 20)
        print(json.dumps(r, ensure_ascii=False))
    else:
        from rasd.text.stage import norm_text

        stage.load()
        docs = []
        with open(args.shared / "data/news/saudinewsnet-conflict.jsonl", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 4 == 0:
                    docs.append(json.loads(line)["content"])
                if len(docs) >= 300:
                    break
        words = sum(len(t.split()) for t in docs) / len(docs)
        best = float("inf")
        for _ in range(5):
            ds = [Document(text=t) for t in docs]
            for d in ds:
                norm_text(d)
            t0 = time.process_time()
            for d in ds:
                stage(d)
            best = min(best, (time.process_time() - t0) / len(ds) * 1000)
        print(f"{len(docs)} articles, {words:.0f} words each: stage CPU {best:.2f} ms/article "
              f"({best * 400 / words:.2f} ms per 400 words), best of 5, normalisation excluded")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
