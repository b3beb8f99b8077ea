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
from rasd.recognize.keyscan import KeyScanner
from rasd.recognize.numbers import NumberMatch, find_numbers
from rasd.text.normalize import NormText, normalize_word
from rasd.text.stage import norm_text

try:  # the optional compiled scan of the words around a number (rasd/text/_scan.c)
    from rasd.text._scan import word_tokens as _word_tokens
except ImportError:  # pragma: no cover - depends on the build (or a build older than word_tokens)
    _word_tokens = None

_SPACE = re.compile(r"\s+")
_TOK = re.compile(r"\w+|[^\w\s]")
_ARTICLE_WORD = re.compile(r"[وفبلك]{0,2}(?:ال|لل)\w")
_CLAUSE_STOP = frozenset(".,;:!?()[]\"'«»-–—/\n")
_CASUALTY = ("killed", "injured", "displaced", "arrested", "missing")
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك")
_PREFIXES = frozenset(c + a for c in _CLITICS for a in ("", "ال")) | {"لل", "ولل", "فلل"}


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
    dual_auto: object  # Aho-Corasick automaton over the dual forms
    qual_last: frozenset[str]  # last words of the qualifiers before a number (a cheap pre-check)
    qual_after_words: tuple[str, ...]
    year_suffixes: frozenset[str]


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
    qual_before = re.compile(r"(?<!\w)[وف]?[بل]?(?P<q>" + _alt(qual_map) + r")\s*$")
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
               frozenset(_k(w) for w in d["count_nouns"]), qual_map, _automaton(dual),
               frozenset(k.split(" ")[-1] for k in qual_map),
               tuple({k.split(" ")[-1] for k, _ in qual_after}),
               frozenset(_k(w) for w in d["year_suffixes"]))
    return lex


def _automaton(keys):
    import ahocorasick

    auto = ahocorasick.Automaton()
    for k in keys:
        auto.add_word(k, k)
    if len(keys):
        auto.make_automaton()
    return KeyScanner(auto)


_EXPANDED: dict[int, dict[str, tuple[str, int]]] = {}
_EXPANDED_OF: dict[int, object] = {}  # keeps each expanded table alive so its id stays unique


def _expand(table) -> dict[str, tuple[str, int]]:
    """Every written form of ``table``'s keys with a proclitic and/or the article: form -> (key, prefix length)."""
    out: dict[str, tuple[str, int]] = {}
    for c in _CLITICS:
        arts = ("", "ال", "ل") if c.endswith("ل") else ("", "ال")
        for a in arts:
            for key in table:
                out.setdefault(c + a + key, (key, len(c) + len(a)))
    _EXPANDED[id(table)] = out
    _EXPANDED_OF[id(table)] = table
    return out


# the tables read with _strip (their forms are listed when the stage loads)
_STRIP_TABLES = ("cue_before", "kind_noun", "cue_after", "index_cues", "qual_last", "age_cues", "not_counted",
                 "kind_phrase", "unit", "count_nouns")


def _strip(word: str, table) -> tuple[str, int] | None:
    """``word`` or ``word`` minus a proclitic (and the article) found in ``table``: (key, prefix length)."""
    exp = _EXPANDED.get(id(table))
    if exp is None:
        exp = _expand(table)
    return exp.get(word)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str


def _is_punct(t: _Tok) -> bool:
    return not (t.text[0].isalnum() or t.text[0] == "_")


class _Reader:
    """Classifies the numbers of one document."""

    def __init__(self, nt: NormText, doc: Document) -> None:
        self.nt = nt
        self.norm = nt.norm
        self.doc = doc
        self.lex = _lex()
        self.numbers = find_numbers(self.norm)
        self.num_starts = [n.start for n in self.numbers]
        self.num_ends = [n.end for n in self.numbers]
        self.blocked: list[tuple[int, int]] = []  # normalised spans of explicit dates
        self.relative: list[tuple[int, int]] = []  # relative dates: only durations inside (منذ عشرة أيام)
        for dm in doc.dates:
            (self.relative if dm.relative else self.blocked).append((nt.to_norm(dm.start), nt.to_norm(dm.end)))

    # ---------------------------------------------------------------- helpers
    def next_toks(self, pos: int, k: int = 1) -> list[_Tok]:
        """Up to ``k`` tokens starting at or after ``pos``."""
        if _word_tokens is not None:  # the same scan in C
            return _word_tokens(self.norm, pos, pos + 24 * k, k, _Tok)
        out: list[_Tok] = []
        for m in _TOK.finditer(self.norm, pos, pos + 24 * k):
            out.append(_Tok(m.start(), m.end(), m.group()))
            if len(out) == k:
                break
        return out

    def toks_before(self, pos: int) -> list[_Tok]:
        """The tokens of the ~50 characters before ``pos``, nearest first (a cut first word dropped)."""
        lo = max(0, pos - 50)
        if _word_tokens is not None:  # the same scan in C
            toks = _word_tokens(self.norm, lo, pos, 0, _Tok)
            if lo > 0 and toks and toks[0].start == lo and self.norm[lo - 1].isalnum():
                del toks[0]
            toks.reverse()
            return toks
        ms = list(_TOK.finditer(self.norm, lo, pos))
        if lo > 0 and ms and ms[0].start() == lo and self.norm[lo - 1].isalnum():
            ms = ms[1:]
        return [_Tok(m.start(), m.end(), m.group()) for m in reversed(ms)]

    def prev_tok(self, pos: int) -> _Tok | None:
        """The token that ends at or before ``pos`` (whitespace skipped)."""
        toks = self.toks_before(pos)
        return toks[0] if toks else None

    def span(self, ns: int, ne: int) -> Span:
        s, e = self.nt.to_original(ns, ne)
        return Span(s, e, self.doc.text[s:e])

    def in_number(self, pos: int) -> bool:
        k = bisect.bisect_right(self.num_starts, pos) - 1
        return k >= 0 and pos < self.num_ends[k]

    def in_date(self, ns: int, ne: int) -> bool:
        return any(ns < e and s < ne for s, e in self.blocked)

    def back_words(self, pos: int, limit: int = 4) -> list[_Tok]:
        """Up to ``limit`` word tokens before ``pos`` in the same clause, nearest first."""
        return self._words(self.toks_before(pos), limit)

    def _words(self, toks: list[_Tok], limit: int) -> list[_Tok]:
        out: list[_Tok] = []
        for t in toks:
            if len(out) >= limit or _is_punct(t) or t.text[0].isdigit() or self.in_number(t.start):
                break
            out.append(t)
        return out

    # ---------------------------------------------------------------- classification
    def unit_after(self, ne: int, nxt: _Tok | None) -> tuple[str, str, int, int] | None:
        """(kind, unit, norm start, norm end) of a unit right after the number."""
        lex = self.lex
        if nxt is None:
            return None
        if nxt.text == "%":
            return "percent", "%", nxt.start, nxt.end
        if _is_punct(nxt):
            return None
        if nxt.text in lex.unit:
            kind, canon = lex.unit[nxt.text]
            return kind, canon, nxt.start, nxt.end
        first = nxt.text
        for phrase, kind, canon in lex.unit_phrases:
            words = phrase.split(" ")
            if first != words[0] and not (first[:1] in "بو" and first[1:] == words[0]):
                continue
            toks = self.next_toks(nxt.start, len(words))
            got = [t.text for t in toks]
            got[0] = words[0] if got and got[0] != words[0] else got[0]
            if got == words:
                return kind, canon, nxt.start, toks[-1].end
        return None

    def qualifier_before(self, ns: int) -> tuple[str, int] | None:
        m = self.lex.qual_before.search(self.norm, max(0, ns - 30), ns)
        if m is None:
            return None
        q = self.lex.qual_map.get(_SPACE.sub(" ", m.group("q")))
        return (q, m.start()) if q else None

    def qualifier_after(self, pos: int) -> str | None:
        rest = self.norm[pos:pos + 20]
        if not any(w in rest for w in self.lex.qual_after_words):
            return None
        rest = _SPACE.sub(" ", rest).lstrip()
        for phrase, q in self.lex.qual_after:
            if rest.startswith(phrase):
                return q
        return None

    def cue_back(self, back: list[_Tok]) -> str | None:
        lex = self.lex
        for t in back:
            hit = _strip(t.text, lex.cue_before)
            if hit:
                return lex.cue_before[hit[0]]
            hit = _strip(t.text, lex.kind_noun)
            if hit and (t.text.startswith("ال") or hit[1] >= 2 or t is back[0]):  # عدد القتلى، جثث 48
                return lex.kind_noun[hit[0]]
        return None

    def cue_ahead(self, pos: int, toks: list[_Tok] | None = None) -> str | None:
        """The kind a verb or adjective after ``pos`` gives (within five tokens of the clause)."""
        lex = self.lex
        if toks is not None:
            toks = [t for t in toks if t.start >= pos][:5]
            if len(toks) < 5 and (not toks or toks[-1].end < len(self.norm)):
                toks = self.next_toks(pos, 5)
        else:
            toks = self.next_toks(pos, 5)
        for i, t in enumerate(toks):
            if _is_punct(t) or t.text[0].isdigit() or self.in_number(t.start):
                break
            hit = _strip(t.text, lex.cue_after)
            if hit:
                return lex.cue_after[hit[0]]
            if i == 0 and t.text in lex.kind_noun:  # an adjective: 4 صيادين مفقودين
                return lex.kind_noun[t.text]
        return None

    def classify(self, nm: NumberMatch, prev_end: int, prev_kind: str | None) -> Figure | None:
        lex, norm = self.lex, self.norm
        ns, ne = nm.start, nm.end
        if self.in_date(ns, ne):
            return None
        ws = ns - len(nm.prefix)
        after = self.next_toks(ne, 8)
        nxt = after[0] if after else None
        # clock times, reference numbers, long ids
        if nxt is not None and nxt.text == ":" and nxt.start == ne and norm[ne + 1:ne + 2].isdigit():
            return None
        before = self.toks_before(ws)
        p = before[0] if before else None
        if p is not None and (p.text in lex.time_cues or _strip(p.text, lex.index_cues) is not None):
            return None
        if p is not None and p.text in ("(", '"') and len(before) > 1 and _strip(before[1].text, lex.index_cues):
            return None  # قرار (2216)
        if nm.digits_only:
            raw = norm[ns:ne].removeprefix("ال")
            if len(raw) >= 7 and raw.isdigit():
                return None
            if norm[ne:ne + 1] in "/\\" and norm[ne + 1:ne + 2].isdigit():
                return None  # 46/86, 4/8/1436: a reference or a date
            if norm[ns - 1:ns] in "/\\" and norm[ns - 2:ns - 1].isdigit():
                return None
            if nxt is not None and nxt.text in ("-", ")", ".") and (p is None or p.text in ("\n", ".", ":")
                                                                 or "\n" in norm[p.end:ws]):
                return None  # "3 - ..." a list item
        if not nm.digits_only and nm.end - nm.start <= 5 and norm[ns:ne] in ("عشر", "عشره") and p is not None \
                and p.text.startswith("ال"):
            return None  # القرن السابع عشر: an ordinal
        qual = self.qualifier_before(ws) if p is not None and _strip(p.text, lex.qual_last) else None
        if qual and qual[1] < prev_end:
            qual = None  # "على الأقل" of the figure before: 39 متمردا على الأقل و17 ...
        qualifier = qual[0] if qual else None
        back = self.back_words(qual[1], 5) if qual else self._words(before, 5)
        approximate = nm.vague or qualifier == "about"
        kind: str | None = None
        unit: str | None = None
        counted: tuple[int, int] | None = None

        u = self.unit_after(ne, nxt)
        if u is not None:
            kind, unit, us, ue = u
            counted = (us, ue)
            if kind == "duration" and unit in lex.age_units:
                opened = norm[max(0, ns - 3):ns].strip().endswith("(")
                if opened or any(_strip(t.text, lex.age_cues) for t in back[:4]):
                    kind = "age"
        elif nm.value == 1 and not nm.digits_only and back:
            # "واحد" follows its noun: مرة واحدة، يوم واحد
            if back[0].text in lex.not_counted or _strip(back[0].text, lex.not_counted):
                return None
            counted = (back[0].start, back[0].end)
        else:
            # the counted noun after the number (skipping من), or before an article number (الأيام الثلاثة)
            cand = after
            if cand and cand[0].text in (")", '"') and norm[max(0, ns - 2):ns].strip() in ("(", '"'):
                cand = cand[1:] + self.next_toks(cand[-1].end, 1)  # (200) طفل
            if cand and cand[0].text == "من":
                cand = cand[1:] + self.next_toks(cand[-1].end, 1)
            if cand and not _is_punct(cand[0]) and not cand[0].text[0].isdigit():
                t = cand[0]
                two = f"{t.text} {cand[1].text}" if len(cand) > 1 else ""
                phr = _strip(two, lex.kind_phrase) if two else None
                if phr:
                    kind = lex.kind_phrase[phr[0]]
                    counted = (t.start, cand[1].end)
                else:
                    hit = _strip(t.text, lex.kind_noun)
                    verb = _strip(t.text, lex.cue_after)
                    if hit:
                        kind = lex.kind_noun[hit[0]]
                        counted = (t.start + hit[1], t.end)
                    elif verb:
                        kind = lex.cue_after[verb[0]]  # 5 قتلوا
                    elif _strip(t.text, lex.not_counted) is None and not self.in_number(t.start):
                        counted = (t.start, t.end)
            if nm.article and back and _ARTICLE_WORD.match(back[0].text):
                w = back[0]
                hit_u = _strip(w.text, lex.unit)
                hit_k = _strip(w.text, lex.kind_noun)
                if hit_u:
                    kind, unit = lex.unit[hit_u[0]]
                    counted = (w.start, w.end)
                elif hit_k:
                    kind = lex.kind_noun[hit_k[0]]
                    counted = (w.start, w.end)
                else:
                    counted = (w.start, w.end)  # الجنود الثلاثة
        if kind in ("displaced", "arrested", "missing") and counted is not None:
            fate = self.cue_ahead(counted[1], after)
            if fate in ("killed", "injured"):
                kind = fate  # ألفا لاجئ لقوا حتفهم: refugees who died
        if kind is None:
            kind = self.cue_back(back)
        if kind is None:
            kind = self.cue_ahead(counted[1] if counted and counted[1] > ne else ne, after)
        if kind is None and prev_kind in _CASUALTY and nm.prefix.startswith("و") and 0 <= ws - prev_end < 40:
            gap = self.next_toks(prev_end, 7)
            if all(t.start >= ws or not (_is_punct(t) or self.in_number(t.start)) for t in gap):
                kind = prev_kind  # مقتل 3 جنود و5 مدنيين، مقتل 25 مسلحا من التنظيم وسبعة من ...
        if kind is None and nm.digits_only and norm[ns:ne].isdigit() and 3 <= ne - ns <= 4 and (
                (nxt is not None and nxt.text in lex.year_suffixes)
                or norm[ne:ne + 1] in ("م", "ه") and not norm[ne + 1:ne + 2].isalnum()):
            kind, counted = "year", None
        if kind is None:
            year_like = (nm.digits_only and not nm.article and 1900 <= nm.value <= 2100
                         and float(nm.value).is_integer() and norm[ns:ne].isdigit())
            counted_text = norm[counted[0]:counted[1]] if counted else ""
            if year_like and _strip(counted_text, lex.count_nouns) is None:
                kind, counted = "year", None
            else:
                if nm.article and counted is None:
                    return None  # الـ35: an ordinal-like use
                kind = "count"
        if kind != "duration" and any(ns < e and s < ne for s, e in self.relative):
            return None  # the day of "12 من الشهر الجاري"
        if qualifier is None:
            qualifier = self.qualifier_after(max(ne, counted[1]) if counted else ne)
            if qualifier == "about":
                approximate = True
        s, e = self.nt.to_original(ns, ne)
        return Figure(s, e, self.doc.text[s:e], float(nm.value), kind, unit, approximate, qualifier,
                      self.span(*counted) if counted else None)

    def duals(self, taken: list[tuple[int, int]]) -> list[tuple[int, Figure]]:
        """Dual nouns (قتيلان، جنديين) as figures of 2."""
        lex = self.lex
        norm = self.norm
        n = len(norm)
        out = []
        for end_idx, key in lex.dual_auto.iter(norm, 1):
            e = end_idx + 1
            if e < n and norm[e].isalnum():
                continue
            s = e - len(key)
            w0 = s
            while w0 > 0 and norm[w0 - 1].isalnum():
                w0 -= 1
            pre = norm[w0:s]
            if pre not in _PREFIXES:
                continue
            if any(s < te and ts < e for ts, te in taken) or self.in_date(s, e):
                continue
            kind = lex.dual[key]
            if kind == "person":
                kind = self.cue_back(self.back_words(w0, 4)) or self.cue_ahead(e) or "count"
            sp = self.span(s, e)
            out.append((s, Figure(sp.start, sp.end, sp.text, 2.0, kind, None, False, None, sp)))
        return out

    def read(self) -> list[Figure]:
        found: list[tuple[int, Figure]] = []
        prev_end, prev_kind = -1, None
        taken: list[tuple[int, int]] = []
        consumed_to = -1
        for nm in self.numbers:
            if nm.start < consumed_to:  # inside a unit or noun already read (في المئة)
                continue
            fig = self.classify(nm, prev_end, prev_kind)
            taken.append((nm.start, nm.end))
            if fig is None:
                continue
            found.append((nm.start, fig))
            end = self.nt.to_norm(fig.counted.end) if fig.counted and fig.counted.end > fig.end else nm.end
            if fig.qualifier in ("at-least", "about"):  # 39 متمردا على الأقل و17 ...
                for phrase, _q in self.lex.qual_after:
                    rest = self.norm[end:end + len(phrase) + 4]
                    k = rest.find(phrase)
                    if 0 <= k <= 2:
                        end += k + len(phrase)
                        break
            consumed_to = max(nm.end, end)
            prev_end, prev_kind = end, fig.kind
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
        lex = _lex()
        find_numbers("")
        for name in _STRIP_TABLES:  # their written forms with clitics (see _strip)
            _strip("", getattr(lex, name))
        return self

    def __call__(self, doc: Document) -> Document:
        doc.figures = find_figures(doc)
        return doc


__all__ = ["RecognizeFigures", "find_figures"]
