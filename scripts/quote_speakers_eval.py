"""Hand-check quote speakers on real articles: sample quotes, show them for judging, score a label file.

The labels hold copied news text (speaker names as written), so they live outside the repository:

    python scripts/quote_speakers_eval.py sample --seed 11 --n 120 --per-article 2 --out /tmp/q/dev.json
    python scripts/quote_speakers_eval.py show /tmp/q/dev.json --blind          # judge without predictions
    python scripts/quote_speakers_eval.py score /tmp/q/dev.json /tmp/q/dev_labels.tsv -v

A label file has one line per judged item: index, TAB, the acceptable speakers separated by ``|`` (a name,
a span such as مصادر عسكرية, a document such as البيان), optionally TAB and a note. ``NA`` drops an item
that is not a quotation; ``NONE`` means no speaker is right (يذكر أن). A prediction is right when its
speaker name or span equals one of them after normalising alef/hamza/ta marbuta/ya, or when a one-word
label (a surname) is the last word of the person's full name.

Recall of the quotes themselves (a quote rasd misses entirely is a speaker not found) is measured on whole
article openings: ``articles`` draws articles, ``read`` prints the first ``--chars`` characters of each (cut
at a sentence end, no predictions) for a reader to list every quote in them, ``recall`` scores that list:

    python scripts/quote_speakers_eval.py articles --seed 5 --n 60 --out /tmp/q/arts.json --exclude /tmp/q/dev.json
    python scripts/quote_speakers_eval.py read /tmp/q/arts.json --chars 1100
    python scripts/quote_speakers_eval.py recall /tmp/q/arts.json /tmp/q/gold.tsv --part dev -v

A gold line is: article index, TAB, an anchor (a few words copied from the quote's content, or from the
cue for a quote without content words), TAB, the acceptable speakers as above. Every third article
(index % 3 == 2; ``--every 2``: every second) is the held-back part (``--part held``), the others dev. A quote is found when a rasd
quote overlaps the anchor (or its cue does); it is found with its speaker when that
quote's speaker is right.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

NEWS = {"c": "../shared/data/news/saudinewsnet-conflict.jsonl", "o": "../shared/data/news/saudinewsnet-other.jsonl"}


def _read(ids: set[str] | None = None, skip_reserved: bool = False) -> list[tuple[str, dict]]:
    """The (file tag, record) pairs of the news files, only those of ``ids`` when given; ``skip_reserved``
    leaves out the conflict lines kept for the final evaluation (0-based line number % 10 == 7)."""
    out = []
    for tag, path in NEWS.items():
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if skip_reserved and tag == "c" and i % 10 == 7:
                    continue
                r = json.loads(line)
                if ids is None or r["id"] in ids:
                    out.append((tag, r))
    return out


def _load(path: str) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = re.sub("[\u064B-\u0652\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    s = re.sub(r"[«»\"“”،,.:]", " ", s)
    return " ".join(s.split())


def find(doc, item):
    """The quote of ``doc`` for a sampled item: the same cue over the same text, else any overlap."""
    best = None
    for q in doc.quotes:
        overlap = q.start < item["qend"] and item["qstart"] < q.end
        if overlap and item["cue"] is not None and q.cue is not None and q.cue.start == item["cue"]:
            return q
        if overlap and best is None:
            best = q
    return best


def sample(args) -> None:
    import rasd

    conflict, other, rng = _unseen_shuffled(args)
    items = []
    for pair in zip(conflict, other, strict=False):
        for tag, r in pair:
            if len(items) >= args.n:
                break
            doc = rasd.extract(r["content"], published=r.get("date_extracted"), id=r["id"])
            qs = list(doc.quotes)
            rng.shuffle(qs)
            for q in qs[:args.per_article]:
                items.append({"article": r["id"], "file": tag, "qstart": q.start, "qend": q.end,
                              "cue": q.cue.start if q.cue else None})
    items = items[:args.n]
    Path(args.out).write_text(json.dumps(items, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(items)} quotes from {len({i['article'] for i in items})} articles -> {args.out}")


def _unseen_shuffled(args) -> tuple[list, list, random.Random]:
    """The (file tag, record) pairs of each news file not in ``args.exclude`` samples, shuffled with
    ``args.seed``: conflict articles, other articles, and the random generator (to go on with)."""
    exclude: set[str] = set()
    for path in args.exclude:
        exclude |= {i["article"] for i in _load(path)}
    rng = random.Random(args.seed)
    arts = [a for a in _read(skip_reserved=True) if a[1]["id"] not in exclude]
    conflict = [a for a in arts if a[0] == "c"]
    other = [a for a in arts if a[0] == "o"]
    rng.shuffle(conflict)
    rng.shuffle(other)
    return conflict, other, rng


def _items_with_articles(path) -> tuple[list[dict], dict[str, dict]]:
    """The items of a sample file and their articles by id."""
    items = _load(path)
    return items, {r["id"]: r for _, r in _read({i["article"] for i in items})}


def show(args) -> None:
    import rasd

    items, arts = _items_with_articles(args.items)
    for n, it in enumerate(items):
        text = arts[it["article"]]["content"]
        a = min(it["cue"] if it["cue"] is not None else it["qstart"], it["qstart"])
        line = text[max(0, a - 400):a] + "⟦" + text[a:it["qstart"]] + "⟧{{" + text[it["qstart"]:it["qend"]][:90] + "}}"
        print(f"#{n} {it['article']}\n   ..." + line.replace("\n", " ¶ "))
        if not args.blind:
            q = find(rasd.extract(text), it)
            sp = q.speaker if q else None
            print(f"   -> {sp.text if sp else None!r} name={sp.name if sp else None!r} kind={sp.kind if sp else None}")


def score(args) -> None:
    import rasd

    items = _load(args.items)
    labels = {}
    for line in Path(args.labels).read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\n").split("\t")
        labels[int(parts[0])] = parts[1]
    arts = {r["id"]: r for _, r in _read({i["article"] for i in items})}
    docs: dict[str, object] = {}
    right = total = 0
    for n, it in enumerate(items):
        gold = labels.get(n)
        if gold is None or gold == "NA":
            continue
        r = arts[it["article"]]
        if r["id"] not in docs:
            docs[r["id"]] = rasd.extract(r["content"], published=r.get("date_extracted"))
        q = find(docs[r["id"]], it)
        sp = q.speaker if q else None
        total += 1
        if gold == "NONE":
            ok = sp is None
        else:
            alts = {norm(g) for g in gold.split("|")}
            ok = sp is not None and (norm(sp.name) in alts or norm(sp.text) in alts or any(
                " " not in g and sp.kind == "person" and norm(sp.name).endswith(" " + g) for g in alts))
        right += ok
        if not ok and args.verbose:
            print(f"  wrong #{n}: gold {gold!r}, got {sp.text if sp else None!r} / {sp.name if sp else None!r}")
    print(f"{right}/{total} = {100 * right / max(total, 1):.1f}%")


def _window(text: str, chars: int) -> int:
    """End of the judged opening: the first sentence end at or after ``chars``."""
    if len(text) <= chars:
        return len(text)
    m = re.compile(r"[.!؟?\n]").search(text, chars)
    return m.end() if m else len(text)


def articles(args) -> None:
    conflict, other, _rng = _unseen_shuffled(args)
    if args.only == "c":
        pool = conflict
    elif args.only == "o":
        pool = other
    else:
        pool = [a for pair in zip(conflict, other, strict=False) for a in pair]
    picked = [{"article": r["id"], "file": tag} for tag, r in pool]
    Path(args.out).write_text(json.dumps(picked[:args.n], ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{min(args.n, len(picked))} articles -> {args.out}")


def read(args) -> None:
    items, arts = _items_with_articles(args.items)
    for n, it in enumerate(items):
        text = arts[it["article"]]["content"]
        part = "held" if n % args.every == args.every - 1 else "dev"
        if args.part and part != args.part:
            continue
        print(f"=== #{n} {it['article']} ({it['file']}, {part})")
        print(text[:_window(text, args.chars)].replace("\n", " ¶ "))


def _speaker_ok(sp, gold: str) -> bool:
    alts = {norm(g) for g in gold.split("|")}
    return sp is not None and (norm(sp.name) in alts or norm(sp.text) in alts or any(
        " " not in g and sp.kind == "person" and norm(sp.name).endswith(" " + g) for g in alts))


def _covering(doc, p: int, e: int):
    """The narrowest rasd quote whose span (or cue) overlaps the anchor ``p``..``e``."""
    hits = [q for q in doc.quotes if q.start < e and p < q.end or (q.cue is not None and q.cue.start < e and p < q.cue.end)]
    return min(hits, key=lambda q: q.end - q.start) if hits else None


def recall(args) -> None:
    import rasd

    items, arts = _items_with_articles(args.items)
    docs: dict[int, object] = {}
    found = right = total = 0
    for line in Path(args.gold).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        n, anchor, gold = line.split("\t")[:3]
        n = int(n)
        if args.part and ("held" if n % args.every == args.every - 1 else "dev") != args.part:
            continue
        r = arts[items[n]["article"]]
        p = r["content"].find(anchor)
        if p < 0:
            print(f"  anchor not found #{n}: {anchor!r}")
            continue
        if n not in docs:
            docs[n] = rasd.extract(r["content"], published=r.get("date_extracted"))
        q = _covering(docs[n], p, p + len(anchor))
        total += 1
        found += q is not None
        ok = q is not None and _speaker_ok(q.speaker, gold)
        right += ok
        if not ok and args.verbose:
            sp = q.speaker if q else None
            got = "MISSED" if q is None else f"{sp.text if sp else None!r} / {sp.name if sp else None!r}"
            print(f"  #{n} {anchor[:30]!r}: gold {gold!r}, got {got}")
    t = max(total, 1)
    print(f"{total} quotes: found {found} = {100 * found / t:.1f}%, "
          f"with the right speaker {right} = {100 * right / t:.1f}% "
          f"(speaker right in {100 * right / max(found, 1):.1f}% of those found)")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=120)
    s.add_argument("--per-article", type=int, default=2)
    s.add_argument("--out", required=True)
    s.add_argument("--exclude", nargs="*", default=[], help="item files whose articles are left out")
    s.set_defaults(func=sample)
    s = sub.add_parser("show")
    s.add_argument("items")
    s.add_argument("--blind", action="store_true", help="do not print rasd's speakers")
    s.set_defaults(func=show)
    s = sub.add_parser("score")
    s.add_argument("items")
    s.add_argument("labels")
    s.add_argument("-v", "--verbose", action="store_true")
    s.set_defaults(func=score)
    s = sub.add_parser("articles")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=60)
    s.add_argument("--out", required=True)
    s.add_argument("--exclude", nargs="*", default=[], help="item files whose articles are left out")
    s.add_argument("--only", choices=["c", "o"], help="draw from the conflict (c) or other (o) file only")
    s.set_defaults(func=articles)
    s = sub.add_parser("read")
    s.add_argument("items")
    s.add_argument("--chars", type=int, default=1100)
    s.add_argument("--part", choices=["dev", "held"])
    s.add_argument("--every", type=int, default=3, help="article n is held back when n %% EVERY == EVERY - 1")
    s.set_defaults(func=read)
    s = sub.add_parser("recall")
    s.add_argument("items")
    s.add_argument("gold")
    s.add_argument("--part", choices=["dev", "held"])
    s.add_argument("--every", type=int, default=3, help="article n is held back when n %% EVERY == EVERY - 1")
    s.add_argument("-v", "--verbose", action="store_true")
    s.set_defaults(func=recall)
    args = p.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    sys.exit(main())
