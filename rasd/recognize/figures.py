"""Figures: numbers with what they count (killed, injured, displaced, arrested, age, distance ...).

Numbers come from :mod:`rasd.recognize.numbers` (digits in both scripts, number words, vague
quantities read as ACLED does) plus dual nouns (قتيلان = 2).  Each number gets a ``kind`` from,
in order: a unit right after it (%, دولار, كيلومتر, أيام; years after an age cue are an age), the
noun it counts (121 قتيلا), the nearest cue before it in the same clause (مقتل خمسة جنود، أصيب
561 آخرون، عدد القتلى إلى 50), a cue after its noun (لقوا حتفهم), or the figure it is joined to
with و.  Clock times, reference numbers and dates (from ``doc.dates``) are not counts; a bare
year-like number is reported with kind ``year``.  Vocabulary: ``rasd/data/figures.yaml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from rasd.doc import Document, Figure, Span
from rasd.lexicon import load_yaml
from rasd.recognize.numbers import NumberMatch, find_numbers
from rasd.text.normalize import NormText, normalize_word
from rasd.text.stage import norm_text

_SPACE = re.compile(r"\s+")
_TOK = re.compile(r"\w+|[^\w\s]")
_CLAUSE_STOP = frozenset(".,;:!?()[]\"'«»-–—/\n")
_CASUALTY = ("killed", "injured", "displaced", "arrested", "missing")
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك")


def _k(s: str) -> str:
    return _SPACE.sub(" ", normalize_word(str(s))).strip()


@dataclass(slots=True)
class _Lex:
    kind_noun: dict[str, str]
    kind_phrase: dict[str, str]  # "اسره نازحه" -> displaced
    cue_before: dict[str, str]
    cue_after: dict[str, str]
    unit: dict[str, tuple[str, str]]  # spelling -> (kind, canonical unit)
    unit_phrases: list[tuple[str, str, str]]  # multi-word units: (phrase, kind, unit)
    age_units: frozenset[str]
    age_cues: frozenset[str]
    time_cues: frozenset[str]
    index_cues: frozenset[str]
    qual_before: re.Pattern
    qual_after: list[tuple[str, str]]
    dual: dict[str, str]  # dual form -> kind
    not_counted: frozenset[str]
    count_nouns: frozenset[str]
    qual_map: dict[str, str]


def _alt(words) -> str:
    keys = sorted({_k(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + ")"


@cache
def _lex() -> _Lex:
    d = load_yaml("figures.yaml")
    kind_noun = {_k(f): kind for kind, forms in d["kind_nouns"].items() for f in forms}
    kind_phrase = {_k(f): kind for kind, forms in d["kind_phrases"].items() for f in forms}
    cue_before = {_k(f): kind for kind, forms in d["cues_before"].items() for f in forms}
    cue_after = {_k(f): kind for kind, forms in d["cues_after"].items() for f in forms}
    unit: dict[str, tuple[str, str]] = {}
    phrases: list[tuple[str, str, str]] = []
    for kind, units in d["units"].items():
        for canon, forms in units.items():
            for f in forms:
                key = _k(f)
                if " " in key:
                    phrases.append((key, kind, canon))
                else:
                    unit[key] = (kind, canon)
    phrases.sort(key=lambda p: -len(p[0]))
    qb = []
    for q, forms in d["qualifiers_before"].items():
        for f in forms:
            qb.append((_k(f), q))
    qual_map = dict(qb)
    qual_before = re.compile(r"(?<!\w)[وفب]?(?P<q>" + _alt(qual_map) + r")\s*$")
    qual_after = sorted(((_k(f), q) for q, forms in d["qualifiers_after"].items() for f in forms),
                        key=lambda p: -len(p[0]))
    dual: dict[str, str] = {}
    for key, sufs in (("dual_nouns", ("ان", "ين")), ("dual_nominative_only", ("ان",))):
        for kind, forms in d[key].items():
            for f in forms:
                k = _k(f)
                stem = k[:-1] + "ت" if k.endswith("ه") else k
                for suf in sufs:
                    dual[stem + suf] = kind
    lex = _Lex(kind_noun, kind_phrase, cue_before, cue_after, unit, phrases,
               frozenset(d["age_units"]), frozenset(_k(w) for w in d["age_cues"]),
               frozenset(_k(w) for w in d["time_cues"]), frozenset(_k(w) for w in d["index_cues"]),
               qual_before, qual_after, dual, frozenset(_k(w) for w in d["not_counted"]),
               frozenset(_k(w) for w in d["count_nouns"]), qual_map)
    return lex


def _strip(word: str, table) -> tuple[str, int] | None:
    """``word`` or ``word`` minus a proclitic (and the article) found in ``table``: (key, prefix length)."""
    for c in _CLITICS:
        if c and not word.startswith(c):
            continue
        rest = word[len(c):]
        if rest in table:
            return rest, len(c)
        if rest.startswith("ال") and rest[2:] in table:
            return rest[2:], len(c) + 2
        if c.endswith("ل") and rest.startswith("ل") and rest[1:] in table:  # لل = ل + ال
            return rest[1:], len(c) + 1
    return None


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str


def _tokens(norm: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOK.finditer(norm)]


def _is_punct(t: _Tok) -> bool:
    return not (t.text[0].isalnum() or t.text[0] == "_")


class _Reader:
    """Classifies the numbers of one document."""

    def __init__(self, nt: NormText, doc: Document) -> None:
        self.nt = nt
        self.norm = nt.norm
        self.doc = doc
        self.lex = _lex()
        self.toks = _tokens(self.norm)
        self.starts = [t.start for t in self.toks]
        self.blocked: list[tuple[int, int]] = []  # normalised spans of explicit dates
        self.numbers = find_numbers(self.norm)
        self.num_starts = [n.start for n in self.numbers]
        self.num_ends = [n.end for n in self.numbers]
        for dm in doc.dates:
            if not dm.relative:
                self.blocked.append((nt.to_norm(dm.start), nt.to_norm(dm.end)))

    # ---------------------------------------------------------------- helpers
    def tok_after(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def tok_before(self, pos: int) -> int:
        """Index of the last token that ends at or before ``pos`` (-1 if none)."""
        return bisect.bisect_left(self.starts, pos) - 1

    def span(self, ns: int, ne: int) -> Span:
        s, e = self.nt.to_original(ns, ne)
        return Span(s, e, self.doc.text[s:e])

    def in_number(self, pos: int) -> bool:
        k = bisect.bisect_right(self.num_starts, pos) - 1
        return k >= 0 and pos < self.num_ends[k]

    def in_date(self, ns: int, ne: int) -> bool:
        return any(ns < e and s < ne for s, e in self.blocked)

    # ---------------------------------------------------------------- classification
    def unit_after(self, ne: int, i: int) -> tuple[str, str, int, int] | None:
        """(kind, unit, norm start, norm end) of a unit right after the number."""
        lex = self.lex
        rest = self.norm[ne:ne + 30]
        lead = len(rest) - len(rest.lstrip())
        if rest[lead:lead + 1] == "%":
            return "percent", "%", ne + lead, ne + lead + 1
        low = _SPACE.sub(" ", rest[lead:])
        for phrase, kind, canon in lex.unit_phrases:
            if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
                # map the phrase end back through the original whitespace
                end = ne + lead
                for _ in phrase.split(" "):
                    j = self.tok_after(end)
                    end = self.toks[j].end if j < len(self.toks) else end
                return kind, canon, ne + lead, end
        if i < len(self.toks) and not _is_punct(self.toks[i]):
            t = self.toks[i]
            if t.text in lex.unit:
                kind, canon = lex.unit[t.text]
                return kind, canon, t.start, t.end
        return None

    def back_words(self, pos: int, limit: int = 4) -> list[_Tok]:
        """Up to ``limit`` word tokens before ``pos`` in the same clause, nearest first."""
        out = []
        j = self.tok_before(pos)
        while j >= 0 and len(out) < limit:
            t = self.toks[j]
            if _is_punct(t) or t.text[0].isdigit() or self.in_number(t.start):
                break
            out.append(t)
            j -= 1
        return out

    def qualifier_before(self, ns: int) -> tuple[str, int] | None:
        seg_start = max(0, ns - 30)
        m = self.lex.qual_before.search(self.norm, seg_start, ns)
        if m is None:
            return None
        q = self.lex.qual_map.get(_SPACE.sub(" ", m.group("q")))
        return (q, m.start()) if q else None

    def qualifier_after(self, pos: int) -> str | None:
        rest = _SPACE.sub(" ", self.norm[pos:pos + 20]).lstrip()
        for phrase, q in self.lex.qual_after:
            if rest.startswith(phrase):
                return q
        return None

    def classify(self, nm: NumberMatch, prev: Figure | None, prev_end_tok: int) -> Figure | None:
        lex, norm, toks = self.lex, self.norm, self.toks
        ns, ne = nm.start, nm.end
        if self.in_date(ns, ne):
            return None
        i_after = self.tok_after(ne)
        back = self.back_words(ns - len(nm.prefix), 6)
        nxt = toks[i_after] if i_after < len(toks) else None
        # clock times, reference numbers, long ids
        if nxt is not None and nxt.text == ":" and nxt.start == ne and norm[ne + 1:ne + 2].isdigit():
            return None
        if back and (back[0].text in lex.time_cues or back[0].text in lex.index_cues
                     or (_strip(back[0].text, lex.index_cues) is not None)):
            return None
        if nm.digits_only:
            raw = norm[ns:ne].lstrip("ال")
            if len(raw) >= 7 and raw.isdigit():
                return None
        qual = self.qualifier_before(ns - len(nm.prefix))
        qualifier = qual[0] if qual else None
        back_from = qual[1] if qual else ns - len(nm.prefix)
        if qual:
            back = self.back_words(back_from, 6)
        approximate = nm.vague or qualifier == "about"
        kind: str | None = None
        unit: str | None = None
        counted: tuple[int, int] | None = None

        u = self.unit_after(ne, i_after)
        counted_end = ne
        if u is not None:
            kind, unit, us, ue = u
            counted, counted_end = (us, ue), ue
            if kind == "duration" and unit in lex.age_units:
                opened = norm[max(0, ns - 3):ns].strip().endswith("(")
                if opened or any(_strip(t.text, lex.age_cues) for t in back[:4]):
                    kind = "age"
        else:
            # a counted noun: after the number, or (الأيام الثلاثة) before an article number
            j = i_after
            if nxt is not None and nxt.text == "من" and j + 1 < len(toks):
                j += 1
            if j < len(toks) and not _is_punct(toks[j]) and not toks[j].text[0].isdigit():
                t = toks[j]
                two = f"{t.text} {toks[j + 1].text}" if j + 1 < len(toks) else ""
                if two and _strip(two, lex.kind_phrase):
                    kind = lex.kind_phrase[_strip(two, lex.kind_phrase)[0]]
                    counted = (t.start, toks[j + 1].end)
                else:
                    hit = _strip(t.text, lex.kind_noun)
                    if hit:
                        kind = lex.kind_noun[hit[0]]
                        counted = (t.start + hit[1], t.end)
                    elif t.text not in lex.not_counted and _strip(t.text, lex.not_counted) is None:
                        counted = (t.start, t.end)
                if counted:
                    counted_end = counted[1]
            if nm.article and back:
                prev_word = back[0]
                if prev_word.text.startswith("ال") or prev_word.text.startswith("لل"):
                    w = prev_word.text
                    if _strip(w, lex.unit):
                        k_, canon = lex.unit[_strip(w, lex.unit)[0]]
                        kind, unit = k_, canon
                        counted = (prev_word.start, prev_word.end)
                    elif _strip(w, lex.kind_noun):
                        kind = lex.kind_noun[_strip(w, lex.kind_noun)[0]]
                        counted = (prev_word.start, prev_word.end)
                    elif counted is None or (counted and counted[0] >= ne):
                        counted = (prev_word.start, prev_word.end)
        if kind is None:
            for t in back:
                hit = _strip(t.text, lex.cue_before)
                if hit:
                    kind = lex.cue_before[hit[0]]
                    break
                hit = _strip(t.text, lex.kind_noun)
                if hit and (t.text.startswith("ال") or hit[1] >= 2):
                    kind = lex.kind_noun[hit[0]]
                    break
        if kind is None:
            j = self.tok_after(counted_end)
            for t in toks[j:j + 3]:
                if _is_punct(t):
                    break
                hit = _strip(t.text, lex.cue_after)
                if hit:
                    kind = lex.cue_after[hit[0]]
                    break
        if (kind is None and prev is not None and nm.prefix.startswith("و") and prev.kind in _CASUALTY
                and prev_end_tok >= self.tok_before(ns - len(nm.prefix))):
            kind = prev.kind  # مقتل 3 جنود و5 مدنيين
        if kind is None:
            year_like = (nm.digits_only and not nm.article and 1900 <= nm.value <= 2100
                         and float(nm.value).is_integer() and "," not in norm[ns:ne] and "." not in norm[ns:ne])
            counted_text = norm[counted[0]:counted[1]] if counted else ""
            if year_like and not (counted_text in lex.count_nouns or _strip(counted_text, lex.count_nouns)):
                kind, counted = "year", None
            else:
                kind = "count"
                if nm.article and counted is None:
                    return None  # الـ35: an ordinal-like use
        if qualifier is None:
            qualifier = self.qualifier_after(ne if counted is None else max(ne, counted[1]))
            if qualifier == "about":
                approximate = True
        s, e = self.nt.to_original(ns, ne)
        return Figure(s, e, self.doc.text[s:e], float(nm.value), kind, unit, approximate, qualifier,
                      self.span(*counted) if counted else None)

    def duals(self, taken: list[tuple[int, int]]) -> list[tuple[int, Figure]]:
        """Dual nouns (قتيلان، جنديين) as figures of 2."""
        lex = self.lex
        out = []
        for t in self.toks:
            if len(t.text) < 5 or not t.text.endswith(("ان", "ين")):
                continue
            hit = _strip(t.text, lex.dual)
            if not hit:
                continue
            ns = t.start + hit[1]
            if any(ns < e and s < t.end for s, e in taken) or self.in_date(ns, t.end):
                continue
            kind = lex.dual[hit[0]]
            if kind == "count":
                kind = None
                for b in self.back_words(t.start, 4):
                    h = _strip(b.text, lex.cue_before)
                    if h:
                        kind = lex.cue_before[h[0]]
                        break
                if kind is None:
                    j = self.tok_after(t.end)
                    for a in self.toks[j:j + 3]:
                        h = _strip(a.text, lex.cue_after)
                        if h:
                            kind = lex.cue_after[h[0]]
                            break
                kind = kind or "count"
            sp = self.span(ns, t.end)
            out.append((ns, Figure(sp.start, sp.end, sp.text, 2.0, kind, None, False, None, sp)))
        return out

    def read(self) -> list[Figure]:
        found: list[tuple[int, Figure]] = []
        prev: Figure | None = None
        prev_end_tok = -10
        taken: list[tuple[int, int]] = []
        consumed_to = -1
        for nm in self.numbers:
            if nm.start < consumed_to:  # inside a unit already read (في المئة)
                continue
            fig = self.classify(nm, prev, prev_end_tok)
            taken.append((nm.start, nm.end))
            if fig is None:
                continue
            found.append((nm.start, fig))
            prev = fig
            end = self.nt.to_norm(fig.counted.end) if fig.counted else nm.end
            consumed_to = max(nm.end, end)
            prev_end_tok = self.tok_before(end)
        found.extend(self.duals(taken))
        found.sort(key=lambda p: p[0])
        return [f for _, f in found]


def find_figures(doc: Document) -> list[Figure]:
    """Every figure of a document (uses ``doc.dates`` to skip numbers that are dates)."""
    return _Reader(norm_text(doc), doc).read()


class RecognizeFigures:
    """Pipeline stage: add ``doc.figures`` (Figure) after the dates stage."""

    name = "figures"
    needs = ("sentences", "dates")
    adds = ("figures",)

    def load(self) -> RecognizeFigures:
        """Load the lexicons now rather than on the first document."""
        _lex()
        find_numbers("")
        return self

    def __call__(self, doc: Document) -> Document:
        doc.figures = find_figures(doc)
        return doc


__all__ = ["RecognizeFigures", "find_figures"]
