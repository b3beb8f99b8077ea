"""Document-level label propagation: a name the tagger found once is found again elsewhere.

Within a window of sentences (a document, or nearby sentences of a CoNLL file), every token
sequence the tagger labelled as an entity is collected by its clitic-free form; an untagged run of
the same tokens elsewhere gets the same label (the majority label when the tagger disagreed with
itself).  Single words shorter than ``min_chars`` and words that the tagger left untagged more
often than it tagged them are not propagated.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, compress, repeat
from operator import eq, itemgetter

from rasd.ner.conll import spans

try:  # the optional compiled loop (rasd/ner/_crf.c); without it, the Python code below
    from rasd.ner._crf import propagate as _propagate_c
except ImportError:  # pragma: no cover - depends on the build (or a build older than propagate)
    _propagate_c = None


def propagate(sents: list[tuple[list[str], list[str]]], stem, *, min_chars: int = 3,
              max_len: int = 4, surnames: bool = True,
              stems: list[list[str]] | None = None, compiled: bool = True) -> list[list[str]]:
    """New tag lists for ``sents`` (token list, tag list) with labels spread to repeated names.

    ``stem`` maps a token to its clitic-free matching form (first token of a name only); ``stems``,
    when given, holds it already for every token of ``sents``.  With ``surnames``, the last word
    of a multi-word person name is propagated alone as well (كوفي أنان ... أنان).  With ``stems``
    given, the same loop runs in C when the optional module is built and ``compiled`` (False: the
    Python code, the reference)."""
    if stems is not None and compiled and _propagate_c is not None and isinstance(sents, list) \
            and isinstance(stems, list):
        out = _propagate_c(sents, stems, min_chars, max_len, surnames)
        if out is not None:  # None: not lists of strings of matching lengths
            return out
    found: dict[tuple[str, ...], dict[str, int]] = {}
    for k, (toks, tags) in enumerate(sents):
        stem_at = stems[k].__getitem__ if stems is not None else (lambda i, toks=toks: stem(toks[i]))
        for i, j, label in spans(tags):
            if j - i > max_len:
                continue
            key = (stem_at(i), *toks[i + 1:j])
            if len(key) == 1 and len(key[0]) < min_chars:
                continue
            c = found.get(key)
            if c is None:
                c = found[key] = {}
            c[label] = c.get(label, 0) + 1
            if surnames and label == "PERS" and j - i > 1 and len(toks[j - 1]) >= min_chars:
                key = (stem_at(j - 1),)
                c = found.get(key)
                if c is None:
                    c = found[key] = {}
                c[label] = c.get(label, 0) + 1
    if not found:
        return [list(t) for _, t in sents]
    # the commonest label (the first counted among equals, as Counter.most_common(1))
    best = {k: next(iter(c.items())) if len(c) == 1 else max(c.items(), key=itemgetter(1))
            for k, c in found.items()}
    if stems is None:
        stems = [[stem(t) for t in toks] for toks, _tags in sents]  # once per token
    # how often each single-token key stays untagged (evidence against propagating it): counted
    # for every stem when a single key first matches an untagged token (most windows never ask)
    untagged: Counter | None = None
    if any(len(k) == 1 for k in best) and any(
            len(sst) != len(tags) for (_toks, tags), sst in zip(sents, stems, strict=True)):
        raise ValueError("stems and tags of a sentence differ in length")
    lengths = sorted({len(k) for k in best}, reverse=True)
    firsts = {k[0] for k in best}  # a name can only start at a token whose stem starts a key
    out = []
    for (toks, tags), sst in zip(sents, stems, strict=True):
        new = list(tags)
        n = len(toks)
        for i in list(compress(range(n), map(firsts.__contains__, sst))):
            if new[i] != "O":  # tagged, or covered by a name spread just before
                continue
            for ln in lengths:
                if i + ln > n or new[i:i + ln].count("O") != ln:
                    continue
                key = (sst[i], *toks[i + 1:i + ln])
                hit = best.get(key)
                if hit is None:
                    continue
                if ln == 1:
                    if untagged is None:  # the whole window in one pass
                        untagged = Counter(compress(chain.from_iterable(stems), map(
                            eq, chain.from_iterable(map(itemgetter(1), sents)), repeat("O"))))
                    if untagged[key[0]] >= hit[1]:
                        continue
                if i + ln < n and new[i + ln].startswith("I-"):
                    continue
                new[i] = "B-" + hit[0]
                for x in range(1, ln):
                    new[i + x] = "I-" + hit[0]
                break
        out.append(new)
    return out
