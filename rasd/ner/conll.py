"""CoNLL-style files (one token a line, a blank line between sentences) and exact-span scoring."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import ne
from typing import TextIO


def read_conll(fh: Iterable[str], *, gold: bool = False) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(tokens, tags)`` per sentence.  The first column (tab or space separated) is the token;
    with ``gold`` the second column is the tag (``O`` when missing), otherwise ``tags`` is empty.
    Lines starting ``-DOCSTART-`` are sentence breaks."""
    toks: list[str] = []
    tags: list[str] = []
    for line in fh:
        line = line.rstrip("\r\n")
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if toks:
                yield toks, tags
            toks, tags = [], []
            continue
        if "\t" in line.strip():
            cols = [c for c in line.split("\t") if c != ""] or cols
        toks.append(cols[0].strip())
        if gold:
            tags.append(cols[1].strip() if len(cols) > 1 else "O")
    if toks:
        yield toks, tags


def write_conll(out: TextIO, sentences: Iterable[tuple[list[str], list[str]]]) -> None:
    """Write ``token<TAB>tag`` lines, a blank line after each sentence."""
    for toks, tags in sentences:
        for t, g in zip(toks, tags, strict=True):
            out.write(f"{t}\t{g}\n")
        out.write("\n")


_PARSED: dict[str, tuple[str, str]] = {}


def _parse(tag: str) -> tuple[str, str]:
    """``(prefix, type)`` of a tag: ``("B", "PERS")`` for ``B-PERS``; ``("O", "")`` for ``O`` and
    for anything that is not ``X-type`` with X one of B I E S (cached: a tag set is small)."""
    hit = _PARSED.get(tag)
    if hit is None:
        hit = (tag[0], tag[2:]) if len(tag) >= 2 and tag[1] == "-" and tag[0] in "BIES" else ("O", "")
        if len(_PARSED) < 10_000:
            _PARSED[tag] = hit
    return hit


def repair_iob2(tags: list[str]) -> list[str]:
    """Valid IOB2: an ``I-X`` after ``O`` or after another type becomes ``B-X``.

    IOBES labels (what the shipped model learns) are read too: ``S-X`` becomes ``B-X`` and ``E-X``
    becomes ``I-X``; an ``I-X``/``E-X`` right after an ``S-X`` or ``E-X`` starts a new name.  A
    tag's repair depends on nothing but the tag before it, so it is looked up by that pair."""
    if tags.count("O") == len(tags):  # the common sentence without a name
        return list(tags)
    get = _REPAIRED.get
    out = []
    prev = None
    for t in tags:
        r = get((prev, t))
        if r is None:
            r = _repair_pair(prev, t)
            if len(_REPAIRED) < 10_000:
                _REPAIRED[(prev, t)] = r
        out.append(r)
        prev = t
    return out


_REPAIRED: dict[tuple[str | None, str], str] = {}


def _repair_pair(prev: str | None, t: str) -> str:
    """The repair of tag ``t`` after tag ``prev`` (None at a sentence's start)."""
    p, typ = _parse(t)
    if p == "O":
        return "O"
    prev_typ, closed = None, False  # type of the previous tag (None after O); it ended its name
    if prev is not None:
        pp, ptyp = _parse(prev)
        if pp != "O":
            prev_typ, closed = ptyp, pp in "SE"
    if p in "IE" and prev_typ == typ and not closed:
        return "I-" + typ
    return "B-" + typ


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` (token indices, end exclusive) of an IOB2 tag list.

    CoNLL semantics: an ``I-X`` that does not continue an ``X`` starts a new entity."""
    if tags.count("O") == len(tags):
        return []
    out = []
    start, typ = 0, None
    last = -2  # the previous tag that is not O
    get = _PARSED.get
    for i in list(compress(count(), map(ne, tags, repeat("O")))):  # an O only closes a name
        t = tags[i]
        p, ty = get(t) or _parse(t)
        if typ is not None and i != last + 1:  # an O between: the name ended there
            out.append((start, last + 1, typ))
            typ = None
        last = i
        if p == "I" and typ == ty:
            continue
        if typ is not None:
            out.append((start, i, typ))
            typ = None
        if p == "B" or p == "I":
            start, typ = i, ty
    if typ is not None:
        out.append((start, last + 1, typ))
    return out


@dataclass(slots=True)
class Score:
    """Precision, recall and F1 of one type (or micro over all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> dict[str, Score]:
    """Exact-span scores per type and ``"micro"``: a predicted entity counts only when its start,
    end and type all equal a gold entity's."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: {len(g)} gold tags, {len(p)} predicted")
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    out = {t: Score(tp[t], fp[t], fn[t]) for t in sorted(set(tp) | set(fp) | set(fn))}
    out["micro"] = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def format_scores(scores: dict[str, Score]) -> str:
    """A small table: type, precision, recall, F1, support (gold entities)."""
    lines = [f"{'type':<6} {'prec':>6} {'rec':>6} {'f1':>6} {'gold':>6} {'pred':>6}"]
    for t, s in scores.items():
        lines.append(f"{t:<6} {100 * s.precision:6.2f} {100 * s.recall:6.2f} {100 * s.f1:6.2f} "
                     f"{s.tp + s.fn:6d} {s.tp + s.fp:6d}")
    return "\n".join(lines)
