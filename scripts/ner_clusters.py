"""Word clusters for the NER tagger, learnt from raw news text (SaudiNewsNet, ../shared/data/news).

Method: count words (normalised with ``rasd.text.normalize.normalize_word``, clitics kept), build a
word x context co-occurrence matrix (left neighbour, right neighbour, and a +-2 window, as separate
context blocks), weight it with positive PMI (context distribution smoothed with alpha=0.75), reduce
it with a truncated SVD, and run k-means (fixed seed) on the unit-length word vectors at several
granularities.  Writes ``rasd/data/ner/clusters.tsv.gz``: a ``# provenance:`` line, a header
``word count c<k>...`` and one row per word (the most frequent words first).

Runs on one CPU core in a few minutes:  .venv/bin/python scripts/ner_clusters.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
import regex
from scipy import sparse
from scipy.sparse.linalg import svds

from rasd.text.normalize import normalize_word

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
OUT = ROOT / "rasd" / "data" / "ner" / "clusters.tsv.gz"

# Same token classes as rasd.text.tokenize (letters, numbers, single punctuation marks).
_TOK = regex.compile(r"\d+(?:[.,٫٬]\d+)*|[\p{L}\p{M}\u0640]+|[^\s\p{L}\p{M}\d]", regex.V1)
_DIGITS = regex.compile(r"\d")


def tokens_of(text: str) -> list[str]:
    """Normalised tokens of a text; digits folded to 0 so numbers share contexts."""
    return [_DIGITS.sub("0", normalize_word(t)) for t in _TOK.findall(text)]


def read_corpus(paths: list[Path]) -> list[list[str]]:
    """One token list per article (title, then content)."""
    docs = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                docs.append(tokens_of((d.get("title") or "") + " . " + (d.get("content") or "")))
    return docs


def kmeans(x: np.ndarray, k: int, seed: int, iters: int = 25) -> np.ndarray:
    """Spherical k-means (cosine) with k-means++-like seeding on a sample; returns labels."""
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    centers = x[rng.choice(n, size=k, replace=False)].copy()
    labels = np.zeros(n, dtype=np.int32)
    for _ in range(iters):
        labels_new = np.empty(n, dtype=np.int32)
        for a in range(0, n, 8192):
            labels_new[a:a + 8192] = np.argmax(x[a:a + 8192] @ centers.T, axis=1)
        if np.array_equal(labels_new, labels):
            break
        labels = labels_new
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = x[rng.choice(n, size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centers = sums / norms
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vocab", type=int, default=60000, help="words to cluster (most frequent)")
    ap.add_argument("--contexts", type=int, default=20000, help="context words (most frequent)")
    ap.add_argument("--dim", type=int, default=100, help="SVD dimensions")
    ap.add_argument("--ks", default="32,128,512,2048", help="k-means granularities")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.time()
    paths = sorted(NEWS.glob("*.jsonl"))
    docs = read_corpus(paths)
    counts = Counter(t for d in docs for t in d)
    ntok = sum(counts.values())
    print(f"{len(docs)} articles, {ntok} tokens, {len(counts)} types ({time.time() - t0:.0f}s)")
    vocab = [w for w, c in counts.most_common(args.vocab) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    V, C = len(vocab), min(args.contexts, len(vocab))
    # one long id array, -1 for out-of-vocabulary, -2 between articles
    ids = np.concatenate([np.array([index.get(t, -1) for t in d] + [-2, -2], dtype=np.int32) for d in docs])
    rows, cols = [], []
    for off, block in ((-1, 0), (1, 1), (-2, 2), (2, 2)):
        a = ids[max(0, -off):len(ids) - max(0, off)]
        b = ids[max(0, off):len(ids) - max(0, -off)]
        keep = (a >= 0) & (b >= 0) & (b < C)
        rows.append(a[keep])
        cols.append(b[keep] + block * C)
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(V, 3 * C)).tocsr()
    m.sum_duplicates()
    print(f"co-occurrences: {m.nnz} cells ({time.time() - t0:.0f}s)")
    total = m.sum()
    wsum = np.asarray(m.sum(axis=1)).ravel()
    csum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    csum = csum / csum.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total) - np.log(wsum[m.row] / total) - np.log(np.maximum(csum[m.col], 1e-12))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep].astype(np.float32), (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=args.dim, random_state=args.seed)
    vec = u * np.sqrt(s)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    vec = vec.astype(np.float32)
    print(f"SVD done ({time.time() - t0:.0f}s)")
    ks = [int(k) for k in args.ks.split(",")]
    labels = {}
    for k in ks:
        labels[k] = kmeans(vec, k, args.seed)
        print(f"k={k} done ({time.time() - t0:.0f}s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        # mtime fixed by gzip? no: write deterministic content; the gzip header time is not data.
        fh.write("# provenance: Learnt by scripts/ner_clusters.py from the SaudiNewsNet corpus (Alhagri 2015, "
                 "CC BY-NC-SA 4.0): PPMI-SVD word vectors clustered with k-means; no text is stored, "
                 "only words, their counts and cluster ids.\n")
        fh.write("word\tcount\t" + "\t".join(f"c{k}" for k in ks) + "\n")
        for i, w in enumerate(vocab):
            fh.write(f"{w}\t{counts[w]}\t" + "\t".join(str(labels[k][i]) for k in ks) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
