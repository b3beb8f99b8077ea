"""Measure how to merge the CRF tagger's entities with the rule entities and places.

Reads out-of-fold predictions written by ``scripts/train_ner.py --cv 5 --dump FILE`` (token, gold,
predicted), joins each block of sentences into a document text, runs the rule stages (places,
people/organisations), and scores each merge policy by exact character spans (span rule of
rasd.ner.stage: proclitics left out), per type and micro.

    .venv/bin/python scripts/ner_merge_eval.py /tmp/cv.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.doc import Document, Entity, Token  # noqa: E402
from rasd.ner.conll import spans  # noqa: E402
from rasd.ner.stage import merge, proclitic_chars  # noqa: E402
from rasd.ner.tagger import build_featurizer  # noqa: E402
from rasd.text.normalize import normalize_word  # noqa: E402


def _entities(doc_text, offsets, toks, tags, res):
    out = []
    for i, j, label in spans(tags):
        start = offsets[i] + proclitic_chars(toks[i], res)
        end = offsets[j - 1] + len(toks[j - 1].text)
        out.append(Entity(start, end, doc_text[start:end], label, source="tagger"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--block", type=int, default=15, help="sentences per document")
    args = ap.parse_args()
    from rasd.geo.stage import RecognizePlaces
    from rasd.recognize.entities import RecognizeEntities
    from rasd.text.stage import SplitSentences, Tokenize

    stages = [Tokenize(), SplitSentences(), RecognizePlaces(), RecognizeEntities()]
    res = build_featurizer().res
    with args.dump.open(encoding="utf-8") as fh:
        lines = [ln.rstrip("\n").split("\t") for ln in fh]
    sents, cur = [], []
    for cols in lines:
        if len(cols) < 3:
            if cur:
                sents.append(cur)
            cur = []
        else:
            cur.append(cols)
    if cur:
        sents.append(cur)
    everything = frozenset({"PERS", "ORG", "LOC", "MISC"})
    tw = {"PERS": False, "ORG": False}
    policies = {
        "tagger wins, rule PERS alone kept": dict(rules_win=tw, add_places=False, keep_alone=frozenset({"PERS"})),
        "tagger wins, rule ORG alone kept": dict(rules_win=tw, add_places=False, keep_alone=frozenset({"ORG"})),
        "tagger wins, no rule alone": dict(rules_win=tw, add_places=False, keep_alone=frozenset()),
        "rules win, no rule alone": dict(rules_win={"PERS": True, "ORG": True}, add_places=False,
                                         keep_alone=frozenset()),
        "PERS rules win, no rule alone": dict(rules_win={"PERS": True, "ORG": False}, add_places=False,
                                              keep_alone=frozenset()),
        "tagger only": dict(rules_win={}, add_places=False, rules=False),
        "rules+places only": dict(rules_win={}, add_places=True, tagger=False),
        "tagger wins, +places": dict(rules_win={"PERS": False, "ORG": False}, add_places=True),
        "tagger wins, no places": dict(rules_win={"PERS": False, "ORG": False}, add_places=False),
        "rules win, +places": dict(rules_win={"PERS": True, "ORG": True}, add_places=True),
        "rules win, no places": dict(rules_win={"PERS": True, "ORG": True}, add_places=False),
        "PERS rules win, ORG tagger, +places": dict(rules_win={"PERS": True, "ORG": False}, add_places=True),
        "PERS tagger, ORG rules win, +places": dict(rules_win={"PERS": False, "ORG": True}, add_places=True),
        "PERS rules win, ORG tagger, no places": dict(rules_win={"PERS": True, "ORG": False}, add_places=False),
    }
    tp = {k: Counter() for k in policies}
    fp = {k: Counter() for k in policies}
    fn = {k: Counter() for k in policies}
    for b in range(0, len(sents), args.block):
        block = sents[b:b + args.block]
        words, offsets = [], []
        gold_tags, pred_tags = [], []
        pos = 0
        for s in block:
            for cols in s:
                offsets.append(pos)
                words.append(cols[0])
                pos += len(cols[0]) + 1
                gold_tags.append(cols[1])
                pred_tags.append(cols[2])
            gold_tags.append("O")  # sentence breaks stop entities
            pred_tags.append("O")
            words.append("\n")
            offsets.append(pos - 1)
        text = " ".join(w for w in words if w != "\n")
        # a token object per input token (for the clitic rule), keeping the original text
        toks = [Token(offsets[i], offsets[i] + len(w), w, normalize_word(w)) if w != "\n" else
                Token(0, 0, "", "", "punct") for i, w in enumerate(words)]
        gold = {(e.start, e.end, e.label) for e in _entities(text, offsets, toks, gold_tags, res)}
        tagged = _entities(text, offsets, toks, pred_tags, res)
        doc = Document(text)
        for st in stages:
            doc = st(doc)
        rules = [e for e in doc.entities if e.label in ("PERS", "ORG", "LOC", "MISC")]
        for name, pol in policies.items():
            r = [Entity(e.start, e.end, e.text, e.label) for e in rules] if pol.get("rules", True) else []
            t = [Entity(e.start, e.end, e.text, e.label) for e in tagged] if pol.get("tagger", True) else []
            merged = merge(r, t, doc.places if pol.get("rules", True) else (),
                           rules_win=pol["rules_win"], add_places=pol["add_places"],
                           keep_alone=pol.get("keep_alone", everything))
            pred = {(e.start, e.end, e.label) for e in merged}
            for s in pred & gold:
                tp[name][s[2]] += 1
            for s in pred - gold:
                fp[name][s[2]] += 1
            for s in gold - pred:
                fn[name][s[2]] += 1

    def f1(a, b, c):
        p = a / (a + b) if a + b else 0
        r = a / (a + c) if a + c else 0
        return p, r, (2 * p * r / (p + r) if p + r else 0)

    print(f"{'policy':<40} {'P':>6} {'R':>6} {'F1':>6} | " + " ".join(f"{t:>6}" for t in ("PERS", "LOC", "ORG", "MISC")))
    for name in policies:
        p, r, f = f1(sum(tp[name].values()), sum(fp[name].values()), sum(fn[name].values()))
        per = " ".join(f"{100 * f1(tp[name][t], fp[name][t], fn[name][t])[2]:6.2f}" for t in ("PERS", "LOC", "ORG", "MISC"))
        print(f"{name:<40} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f} | {per}")


if __name__ == "__main__":
    main()
