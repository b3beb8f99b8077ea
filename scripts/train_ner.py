"""Train (and cross-validate) rasd's CRF NER tagger on ANERcorp's training part.

    .venv/bin/python scripts/train_ner.py                 # train the shipped model (make train-ner)
    .venv/bin/python scripts/train_ner.py --cv 5          # 5-fold CV by contiguous blocks, then stop
    .venv/bin/python scripts/train_ner.py --cv 5 --no-clusters   # ablations

Folds are contiguous blocks of sentences (documents stay together), never shuffled sentences.
L-BFGS training is deterministic; the seed only fixes the order of anything sampled.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.ner.conll import format_scores, read_conll, repair_iob2, score  # noqa: E402
from rasd.ner.propagate import propagate  # noqa: E402
from rasd.ner.tagger import build_featurizer, write_model_attributes  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "ner"
MODEL = ROOT / "rasd" / "data" / "ner" / "model.crfsuite"


def load_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    with path.open(encoding="utf-8") as fh:
        return list(read_conll(fh, gold=True))


def load_wojood(path: Path) -> list[tuple[list[str], list[str]]]:
    """Wojood's outer PERS/ORG/GPE/LOC/FAC tags mapped to ANERcorp's PERS/ORG/LOC (others O)."""
    mapping = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
    out = []
    toks, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split()
        if not cols or cols[0] == "$#$":
            if toks:
                out.append((toks, repair_iob2(tags)))
            toks, tags = [], []
            continue
        tag = "O"
        for t in cols[1:]:
            if t != "O" and t[2:] in mapping:
                tag = t[:2] + mapping[t[2:]]
                break
        toks.append(cols[0])
        tags.append(tag)
    return out


def folds(sents, k: int):
    """k contiguous blocks of about equal token counts."""
    total = sum(len(s[0]) for s in sents)
    bounds, acc, cut = [0], 0, 1
    for i, (toks, _) in enumerate(sents):
        acc += len(toks)
        if cut < k and acc >= cut * total / k:
            bounds.append(i + 1)
            cut += 1
    bounds.append(len(sents))
    return [(bounds[i], bounds[i + 1]) for i in range(k)]


def to_iobes(tags: list[str]) -> list[str]:
    """IOB2 -> IOBES (single-token names ``S-X``, last tokens ``E-X``); the model learns these
    labels and :func:`rasd.ner.conll.repair_iob2` maps its output back to IOB2."""
    out = []
    for i, t in enumerate(tags):
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        ends = not (nxt.startswith("I-") and nxt[2:] == t[2:])
        if t.startswith("B-") and ends:
            t = "S-" + t[2:]
        elif t.startswith("I-") and ends:
            t = "E-" + t[2:]
        out.append(t)
    return out


def train(sents, featurizer, out: Path, args) -> float:
    t0 = time.time()
    tr = pycrfsuite.Trainer(verbose=False)
    for toks, tags in sents:
        tr.append(pycrfsuite.ItemSequence(featurizer.sentence(toks)),
                  to_iobes(tags) if args.scheme == "iobes" else tags)
    tr.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iters,
                   "feature.possible_transitions": True, "feature.minfreq": args.minfreq})
    tr.train(str(out))
    return time.time() - t0


def predict(sents, featurizer, model: Path):
    tg = pycrfsuite.Tagger()
    tg.open(str(model))
    return [repair_iob2(tg.tag(pycrfsuite.ItemSequence(featurizer.sentence(t)))) for t, _ in sents]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation (contiguous blocks) instead of training")
    ap.add_argument("--folds", default=None, help="only these folds (comma list), for quick runs")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.02)
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--minfreq", type=float, default=0)
    ap.add_argument("--scheme", choices=("iobes", "iob2"), default="iobes",
                    help="labels the CRF learns (IOBES by default; output is always IOB2)")
    ap.add_argument("--window", type=int, default=100,
                    help="propagation window (sentences) for the CV score with propagation")
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--no-profiles", action="store_true", help="leave out the context-profile features")
    ap.add_argument("--wojood", action="store_true", help="add the mapped Wojood sample to training")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--report", type=Path, default=None, help="write CV scores as JSON here")
    ap.add_argument("--dump", type=Path, default=None,
                    help="write the out-of-fold predictions here (token, gold, predicted)")
    args = ap.parse_args()
    random.seed(args.seed)
    sents = load_sentences(SHARED / "anercorp-train.tsv")
    extra = load_wojood(SHARED / "wojood-sample-train.txt") if args.wojood else []
    feat = build_featurizer(use_clusters=not args.no_clusters, use_lexicon=not args.no_lexicon,
                            use_profiles=not args.no_profiles)
    if not args.cv:
        secs = train(sents + extra, feat, args.out, args)
        write_model_attributes(str(args.out))
        print(f"trained on {len(sents)} sentences in {secs:.0f}s -> {args.out} "
              f"({args.out.stat().st_size // 1024} KB)")
        return
    golds, preds, props = [], [], []
    stem = lambda t: feat._unit(t)[2]  # noqa: E731  (clitic-free form, as the tagger's propagation)
    tmp = Path("/tmp") / f"ner-cv-{time.time_ns()}.crfsuite"
    chosen = {int(x) for x in args.folds.split(",")} if args.folds else None
    for i, (a, b) in enumerate(folds(sents, args.cv)):
        if chosen is not None and i not in chosen:
            continue
        secs = train(sents[:a] + sents[b:] + extra, feat, tmp, args)
        test = sents[a:b]
        p = predict(test, feat, tmp)
        pp = []
        for w in range(0, len(test), args.window):  # as `rasd ner`: propagation in windows
            block = list(zip([t for t, _ in test[w:w + args.window]], p[w:w + args.window], strict=True))
            pp += [repair_iob2(t) for t in propagate(block, stem)]
        s = score([g for _, g in test], p)
        sp = score([g for _, g in test], pp)
        print(f"fold {i}: sentences {a}-{b}, micro F1 {100 * s['micro'].f1:.2f}, with propagation "
              f"{100 * sp['micro'].f1:.2f} (train {secs:.0f}s)", flush=True)
        golds += [g for _, g in test]
        preds += p
        props += pp
    tmp.unlink(missing_ok=True)
    print("each sentence alone:")
    print(format_scores(score(golds, preds)))
    s = score(golds, props)
    print(f"with propagation (windows of {args.window} sentences, as `rasd ner`):")
    print(format_scores(s))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for (toks, g), p in zip([x for i, (a, b) in enumerate(folds(sents, args.cv))
                                     if chosen is None or i in chosen for x in sents[a:b]], preds, strict=True):
                fh.write("".join(f"{t}\t{x}\t{y}\n" for t, x, y in zip(toks, g, p, strict=True)) + "\n")
    if args.report:
        args.report.write_text(json.dumps({t: {"p": v.precision, "r": v.recall, "f1": v.f1, "tp": v.tp,
                                                "fp": v.fp, "fn": v.fn} for t, v in s.items()}, indent=1))


if __name__ == "__main__":
    main()
