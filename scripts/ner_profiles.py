"""Context profiles for the NER tagger, learnt from raw news text (SaudiNewsNet, ../shared/data/news).

For every word seen at least 3 times, the share of its occurrences that stand right after a title
(الرئيس، الوزير ... or a title + nisba: الرئيس الفرنسي X), after a known given name (a surname
signal), after an organisation head (وزارة، حزب ...), after a place noun (مدينة، محافظة ...) and
right before a speech verb (قال، أكد ...).  Each share is written as a band 1-4 (0 is left out).
These are distant-supervision signals for names the annotated data never saw.  Writes
``rasd/data/ner/profiles.tsv.gz`` (``# provenance:``, header ``word T G O L S``).

    .venv/bin/python scripts/ner_profiles.py
"""

from __future__ import annotations

import gzip
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from ner_clusters import NEWS, read_corpus  # noqa: E402

from rasd.lexicon import load_tsv  # noqa: E402
from rasd.text.normalize import normalize_word  # noqa: E402

OUT = ROOT / "rasd" / "data" / "ner" / "profiles.tsv.gz"
BANDS = (0.01, 0.05, 0.15, 0.4)
PLACE_NOUNS = ("مدينة", "بلدة", "عاصمة", "محافظة", "ولاية", "إقليم", "منطقة", "قرية", "مدينتي", "جزيرة")
SPEECH = ("قال", "أكد", "أعلن", "أضاف", "أوضح", "أشار", "صرح", "قالت", "أكدت", "أعلنت", "أضافت", "أوضحت",
          "أشارت", "يقول", "تقول", "ذكر", "ذكرت", "دعا", "دعت")


def _band(x: float) -> int:
    return sum(x >= b for b in BANDS)


def main() -> None:
    t0 = time.time()
    rows = load_tsv("ner/lexicon.tsv")[1]
    kinds: dict[str, set[str]] = {}
    for r in rows:
        kinds.setdefault(r["form"], set()).add(r["kind"])
    titles = {w for w, k in kinds.items() if "title" in k and " " not in w}
    given = {w for w, k in kinds.items() if "given" in k}
    heads = {w for w, k in kinds.items() if "orghead" in k and " " not in w}
    heads |= {"ال" + h for h in heads}
    places = {normalize_word(w) for w in PLACE_NOUNS}
    places |= {p + w for w in list(places) for p in ("ب", "ل", "و", "في")}
    speech = {normalize_word(w) for w in SPEECH}
    speech |= {"و" + w for w in speech}

    def strip(w: str) -> str:
        return w[1:] if len(w) > 3 and w[0] in "وف" else w

    docs = read_corpus(sorted(NEWS.glob("*.jsonl")))
    count: Counter = Counter()
    ctx = {k: Counter() for k in "TGOLS"}
    for d in docs:
        count.update(d)
        prev2, prev = "", ""
        for i, w in enumerate(d):
            p = strip(prev)
            if p in titles or (strip(prev2) in titles and prev.endswith("ي")):
                ctx["T"][w] += 1
            if prev in given:
                ctx["G"][w] += 1
            if p in heads:
                ctx["O"][w] += 1
            if prev in places:
                ctx["L"][w] += 1
            if i + 1 < len(d) and d[i + 1] in speech:
                ctx["S"][w] += 1
            prev2, prev = prev, w
    print(f"counted {sum(count.values())} tokens ({time.time() - t0:.0f}s)")
    n = 0
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# provenance: Learnt by scripts/ner_profiles.py from the SaudiNewsNet corpus (Alhagri 2015, "
                 "CC BY-NC-SA 4.0): per word, banded shares of occurrences after titles, given names, "
                 "organisation heads, place nouns and before speech verbs; no text is stored.\n")
        fh.write("word\tT\tG\tO\tL\tS\n")
        for w, c in count.most_common():
            if c < 3:
                break
            bands = [_band(ctx[k][w] / c) for k in "TGOLS"]
            if any(bands):
                fh.write(w + "\t" + "\t".join(map(str, bands)) + "\n")
                n += 1
    print(f"wrote {OUT}: {n} words ({OUT.stat().st_size // 1024} KB, {time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
