"""Carry word clusters over to a new hamza folding without re-running k-means.

``scripts/ner_clusters.py`` writes fresh clusters, but k-means reshuffles every cluster id, so a model
retrained on them changes far more than the folding did.  This script keeps the previous ids: each row
of the NEW clusters file (written by ``ner_clusters.py`` under the new folding, which folds the seats ؤ
and ئ to ء) takes the cluster ids of the OLD file's row for the same word as the old folding (ؤ→و, ئ→ي)
wrote it.  A new key with ء gathers every spelling in the corpus that folds to it; the old key of the
most frequent such spelling that the old file has wins.  Words with no old key are left out.  Rows and
counts stay the new file's.

    git show <old commit>:rasd/data/ner/clusters.tsv.gz > /tmp/old-clusters.tsv.gz
    .venv/bin/python scripts/ner_clusters.py --seed 13
    .venv/bin/python scripts/ner_rekey_clusters.py --old /tmp/old-clusters.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from rasd.text.normalize import normalize_word

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rasd" / "data" / "ner" / "clusters.tsv.gz"
NEWS = ROOT.parent / "shared" / "data" / "news"
_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+")
_MARKS = re.compile("[\u064B-\u065F\u0670\u0640]")
_SEATS = ("ء", "ؤ", "ئ")


def _base(word: str) -> str:
    word = _MARKS.sub("", word)
    for a in "أإآ":
        word = word.replace(a, "ا")
    return word.replace("ى", "ي").replace("ة", "ه")


def count_spellings(paths: list[Path]) -> Counter:
    """Corpus counts of the words that carry a hamza (diacritics dropped, alef/ya/ta folded)."""
    counts: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                for w in _WORD.findall(d.get("title", "") + " " + d.get("content", "")):
                    w = _base(w)
                    if any(s in w for s in _SEATS):
                        counts[w] += 1
    return counts


def old_sources(counts: Counter) -> dict[str, dict[str, int]]:
    """For each key of the new folding, the old folding's keys of its spellings with their counts."""
    sources: dict[str, dict[str, int]] = {}
    for w, c in counts.items():
        old_key = normalize_word(w.replace("ؤ", "و").replace("ئ", "ي"))
        d = sources.setdefault(normalize_word(w), {})
        d[old_key] = d.get(old_key, 0) + c
    return sources


def rekey(old_rows: list[list[str]], new_rows: list[list[str]], sources: dict[str, dict[str, int]]):
    """The new rows with the old rows' cluster ids, and how many were left out."""
    old = {r[0]: r for r in old_rows}
    out, dropped = [], 0
    for row in new_rows:
        w, best = row[0], None
        if "ء" in w and w in sources:
            best = next((old[k] for k, _ in sorted(sources[w].items(), key=lambda kv: -kv[1]) if k in old), None)
        elif w in old:
            best = old[w]
        if best is None:
            dropped += 1
            continue
        out.append(row[:2] + best[2:])
    return out, dropped


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return lines[:2], [ln.split("\t") for ln in lines[2:]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", type=Path, required=True, help="the previous clusters.tsv.gz")
    ap.add_argument("--new", type=Path, default=OUT, help="the clusters file to re-key in place")
    ap.add_argument("--corpus", type=Path, nargs="+", default=sorted(NEWS.glob("saudinewsnet-*.jsonl")))
    args = ap.parse_args()
    _, old_rows = _read(args.old)
    head, new_rows = _read(args.new)
    rows, dropped = rekey(old_rows, new_rows, old_sources(count_spellings(args.corpus)))
    text = "\n".join(head + ["\t".join(r) for r in rows]) + "\n"
    with open(args.new, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    print(f"kept {len(rows)}, left out {dropped}")


if __name__ == "__main__":
    main()
