"""The token tables the quote reader walks: positions, speech-verb readings, sentence and clause ends."""

from __future__ import annotations

import bisect

from rasd.recognize.quotes.lexicon import (
    _ABBREVIATIONS,
    _ASIDE_FIRST,
    _ASIDES,
    _CLAUSE_OPEN,
    _COMMAS,
    _ENDERS,
    _HARAKAT,
    _NOT_CUT_SPELLINGS,
    _OPENERS,
    _PAPER_CLOSERS,
    _PAPER_OPENERS,
    QuoteLexicon,
    _definite,
    _forms,
)

_Reading = tuple[frozenset[str], int, bool, bool]  # (extra complementisers, proclitic length, maqsura, participle)
_TABLE: tuple[object, dict[str, _Reading]] | None = None  # (the lexicon, its table), see verb_table


def _verb_reading(q: QuoteLexicon, norm: str) -> _Reading | None:
    """The speech-verb reading of a normalised word: the form, or the form after one or two of و ف س
    written onto it, in the verbs, participles, one-word "according to" or document verbs of ``q``.

    (:func:`verb_table` lists every form with a reading from exactly these sets: a new set read here
    must be added there.)"""
    for plen in (0, 1, 2):
        if plen and (len(norm) - plen < 3 and norm[plen:] not in q.verbs or norm[plen - 1] not in "وفس"):
            break
        base = norm[plen:]
        extra = q.verbs.get(base)
        if extra is not None:
            return extra, plen, base in q.maqsura, False
        if base in q.participles:
            return frozenset(_forms(("إلى", "على"))), plen, False, True
        if base in q.according1:  # وبحسب المتحدث، فإن ...
            return frozenset(), plen, False, False
        if base in q.document_verbs:  # وجاء في البيان أن ...
            return frozenset(), plen, False, False
    return None


def verb_table(q: QuoteLexicon) -> dict[str, _Reading]:
    """Every normalised word with a speech-verb reading (:func:`_verb_reading`) -> the reading, for the
    quote lexicon ``q`` (built once): a reading needs a form of those sets after at most two of و ف س,
    so these are all; any other word has none."""
    global _TABLE
    if _TABLE is None or _TABLE[0] is not q:
        bases = set(q.verbs) | set(q.participles) | set(q.according1) | set(q.document_verbs)
        forms = set(bases)
        for b in bases:
            for p in "وفس":
                forms.add(p + b)
                forms.update(p + p2 + b for p2 in "وفس")
        table = {}
        for f in forms:
            r = _verb_reading(q, f)
            if r is not None:
                table[f] = r
        _TABLE = (q, table)
    return _TABLE[1]


class _Tokens:
    """Token and sentence tables of the reader: positions, speech verbs, clause ends."""

    def tok_at(self, offset: int) -> int | None:
        """The token that covers ``offset``, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.toks[i].start <= offset < self.toks[i].end:
            return i
        return None

    def tok_before(self, offset: int) -> int | None:
        """The last token that ends at or before ``offset``."""
        i = bisect.bisect_left(self.starts, offset) - 1
        return i if i >= 0 else None

    def newline_between(self, i: int, j: int) -> bool:
        """Is there a line break between tokens i and j?"""
        return "\n" in self.text[self.toks[i].end:self.toks[j].start]

    def sentence_start(self, i: int) -> int:
        """The first token of the sentence of token i."""
        s = self.doc.sentence_of(self.toks[i].start)
        return s.token_start if s is not None else 0

    # --- reported speech --------------------------------------------------------------------
    def verb_at(self, i: int) -> tuple[frozenset[str], int, bool] | None:
        """(extra complementisers, proclitic length, participle?) for a speech verb or participle."""
        t = self.toks[i]
        r = self.vtab.get(t.norm)
        if r is None or t.kind != "word":
            return None
        if r[2] and not t.text.rstrip(_HARAKAT).endswith("ى"):
            return None  # رأي (an opinion) is not رأى (he saw)
        return r[0], r[1], r[3]

    def clause_end(self, k: int, limit: int) -> int:
        """Last token index (inclusive) of the reported content that starts at k."""
        toks = self.toks
        j = k
        depth = 0
        last = k
        while j < limit:
            t = toks[j]
            if t.text in ("«", "“"):
                depth += 1
            elif t.text in ("»", "”"):
                depth = max(0, depth - 1)
            elif depth == 0 and t.text in _ENDERS:
                break
            elif depth == 0 and t.text == ":" and j + 1 < limit and toks[j + 1].text in _OPENERS and j > k and \
                    any(self.verb_at(x) is not None for x in range(k + 1, j)):
                break  # إن النظام ... وبيّن في مقابلة: «...»: a verb opens a new quotation, the content has ended
            elif depth == 0 and t.text in _COMMAS and j + 1 < limit:
                nxt = toks[j + 1].norm
                base = nxt[1:] if nxt[:1] in "وف" and len(nxt) > 3 else nxt
                if base in self.q.participles or nxt in self.q.verbs or base in self.q.verbs:
                    break
                if nxt in _CLAUSE_OPEN and any(self.verb_at(x) is not None for x in range(j + 2, min(limit, j + 5))):
                    break  # ...، لكن الصفراء شدد على أنه: another speaker's clause
            if t.kind != "punct" or t.text in ("»", "”", '"', ")"):
                last = j
            j += 1
        return last

    def _join_abbreviations(self) -> None:
        """A sentence cut after a title's abbreviation (قالت وكيلة الوزارة د. | هيا ...: إن) goes on into the
        next one for the reader: the subject and its content are read across the point."""
        toks, sent_end, n = self.toks, self.sent_end, self.n
        self.abbr_points: set[int] = set()  # the points of such abbreviations (token indices)
        e = 0
        while e < n:
            e = sent_end[e]
            if e < n and e >= 3 and toks[e - 1].text == "." and toks[e - 2].norm in _ABBREVIATIONS and \
                    toks[e - 2].end == toks[e - 1].start and toks[e - 3].kind == "word" and \
                    "\n" not in self.text[toks[e - 1].end:toks[e].start]:
                self.abbr_points.add(e - 1)
                nxt = sent_end[e]
                k = e - 1
                while k >= 0 and sent_end[k] == e:
                    sent_end[k] = nxt
                    k -= 1
        # the splitter itself no longer ends most such sentences (قال د. خالد): their points, read the same way
        points = []  # the tokens that are a point (found in the text: a point inside a number is no token)
        pos = self.text.find(".")
        while pos >= 0:
            k = self.tok_at(pos)
            if k is not None and toks[k].text == ".":
                points.append(k)
            pos = self.text.find(".", pos + 1)
        for k in points:
            if 3 <= k + 1 < sent_end[k] and toks[k - 1].norm in _ABBREVIATIONS and \
                    toks[k - 1].end == toks[k].start and toks[k - 2].kind == "word":
                self.abbr_points.add(k)

    def _past_abbreviation(self, a: int, b: int) -> int:
        """The subject's first token after a title's abbreviation in [a, b) (قالت وكيلة الوزارة د. | هيا
        العواد): the name after it speaks; a when there is none."""
        p = next((x for x in range(a + 1, b) if x in self.abbr_points), None)
        return p + 1 if p is not None and p + 1 < b else a

    def _semicolon_comma(self, k: int, v: int, limit: int, extra: frozenset[str]) -> bool:
        """A semicolon written as a comma inside the subject (قال فلان؛ المتحدث باسم الشركة؛ إن ...)."""
        if k - v > 12 or k + 1 >= limit:
            return False
        nx = self.toks[k + 1].norm
        end = self.toks[k - 1].end
        return nx in self.q.comps or nx in extra or (_definite(nx) and self.r.title_at(k + 1) is not None) or \
            any(e.end == end for e in self.ents_at.values())

    def _past_aside(self, k: int, limit: int) -> int:
        """The token after the asides (and their commas) at k (في الوقت ذاته، أيضا،), else k."""
        norms, toks = self.norms, self.toks
        j = k
        while j < limit:
            x = j + 1 if toks[j].text in _COMMAS else j
            if x >= limit or norms[x] not in _ASIDE_FIRST:
                break
            m = next((len(p) for p in _ASIDES if x + len(p) <= limit and
                      all(norms[x + y] == p[y] for y in range(len(p)))), 0)
            if not m:
                break
            j = x + m
            k = j + 1 if j < limit and toks[j].text in _COMMAS else j
        return k

    def _past_addressee(self, k: int, limit: int) -> int:
        """The token after the paper spoken to at k (لـ«الشرق الأوسط»، لرويترز), else k."""
        toks = self.toks
        if k + 2 < limit and toks[k].norm == "ل" and (toks[k + 1].text in _PAPER_OPENERS or toks[k + 1].text == "("):
            close = next((x for x in range(k + 2, min(limit, k + 6)) if toks[x].text in _PAPER_CLOSERS), None)
            return close + 1 if close is not None else k
        if k < limit and self._addressee(k):
            return min(limit, self._addressee_end(k))
        return k

    def _clause_after(self, x: int) -> bool:
        """Does a bare word at x, after a definite one, start a clause (مسؤول في الاتحاد الأوروبي | شارك في
        ...) rather than go on with the name of the body (a word on ل/ب: لشؤون اللاجئين; inside a name found)?"""
        nm, prev = self.toks[x].norm, self.toks[x - 1].norm
        if not _definite(prev) or _definite(nm) or nm[:1] in "لب" or nm.endswith("ي") or \
                self.toks[x].start in self._place_starts():
            return False  # العاصمة صنعاء، الواقعة شمالي سوريا
        return not any(e.start < self.toks[x].start < e.end for e in self.ents_at.values())

    def _verb_with_object(self, nm: str) -> bool:
        """A speech verb with an object pronoun (قاله، ذكرته، أعلنها)."""
        return nm in self.q.verbs_with_object

    def _words_at_least(self, a: int, b: int, n: int) -> bool:
        """At least ``n`` words (not punctuation) among tokens a..b."""
        for k in range(a, b + 1):
            if self.toks[k].kind != "punct":
                n -= 1
                if not n:
                    return True
        return False

    def _ali(self, k: int) -> bool:
        """علي (a name) rather than على (on), إمام (a role) rather than أمام (before): the same letters once
        normalised."""
        t = self.toks[k]
        return t.norm in self.r.lx.spelled_words and not t.text.rstrip(_HARAKAT).endswith("ى") or \
            t.text.rstrip(_HARAKAT).lstrip("وف") in _NOT_CUT_SPELLINGS
