"""Direct quotes: quotations in « », “ ”, " " and the speaker of those no speech verb claimed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.doc import Quote, Span, Speaker
from rasd.recognize.quotes.lexicon import (
    _AFTER_QUOTE_LEAD,
    _ANSWER_MARK,
    _COMMAS,
    _CUT_WORDS,
    _INTERVIEW_WORDS,
    _NOUN_BEFORE,
    _OPENERS,
)
from rasd.text.normalize import normalize_word


def _closer_shaped(text: str, c: int) -> bool:
    """Is the straight mark at offset c written onto the word before it, with a space or a mark after it?"""
    return c > 0 and text[c - 1].isalnum() and (c + 1 >= len(text) or text[c + 1].isspace() or
                                                 not text[c + 1].isalnum() and text[c + 1] != '"')


def _opener_shaped(text: str, c: int) -> bool:
    """Is the straight mark at offset c written onto the word after it, with a space before it?"""
    return c > 0 and text[c - 1].isspace() and c + 1 < len(text) and text[c + 1].isalpha()


@dataclass
class _Direct:
    start: int  # content offsets (marks excluded)
    end: int
    open_tok: int
    close_tok: int  # index of the closing mark, or of the last token when the quote runs on
    words: int
    paragraph_start: bool
    runs_on: bool
    quote: Quote | None = None
    inside_reported: bool = False


class _DirectQuotes:
    """Quotations in marks: finding them, telling names in quotes from speech, and the speaker of those no cue claimed."""

    # --- direct quotes ----------------------------------------------------------------------
    def direct_quotes(self) -> list[_Direct]:
        """Stretches between quotation marks, or from « to the end of its paragraph."""
        out: list[_Direct] = []
        toks, text = self.toks, self.text
        opens = []
        for mark in _OPENERS:
            pos = text.find(mark)
            while pos >= 0:
                k = self.tok_at(pos)
                if k is not None and toks[k].kind == "punct":
                    opens.append(k)
                pos = text.find(mark, pos + 1)
        opens.sort()
        nxt_ok = 0
        for i in opens:
            if i < nxt_ok:
                continue
            ch = toks[i].text
            closer = _OPENERS[ch]
            o = toks[i].start
            if ch == '"' and _closer_shaped(text, o):
                continue  # المضياف" . : a straight mark after a word and before a space closes, it opens nothing
            pe = text.find("\n", o)
            if pe < 0:
                pe = len(text)
            # the matching closer on the same paragraph (« » nest)
            pos, depth = o + 1, 1
            close_at = -1
            while True:
                c = text.find(closer, pos, pe)
                if c < 0:
                    break
                if closer != ch:
                    depth += text.count(ch, pos, c)
                elif ch == '"' and _opener_shaped(text, c) and self._after_speech_verb(c):
                    break  # وقال "... الوطن. وقال سموه "مرحبا: the next mark opens another quote, this one is unclosed
                depth -= 1
                if depth <= 0:
                    close_at = c
                    break
                pos = c + 1
            if ch == '"':  # "... » : a straight mark closed by a guillemet (the next " opens another quote)
                g = text.find("»", o + 1, close_at if close_at >= 0 else pe)
                if g >= 0 and "«" not in text[o + 1:g]:
                    close_at = g
                elif close_at >= 0 and text[o + 1:close_at].rstrip().endswith(":"):
                    continue  # أن "... الرئيسة. وأوضح: "نريد: a mark after a colon opens a quote, this one is unclosed
            if close_at < 0:
                if ch not in ("«", "“"):
                    continue
                j = self.tok_before(pe)  # runs on to the end of the paragraph
                close = None
                last = j
            else:
                close = self.tok_at(close_at)
                if close is None:
                    continue
                last = close - 1
            if last is None or last <= i:
                continue
            para_start = i == 0 or "\n" in text[toks[i - 1].end:o]
            s, e = toks[i + 1].start, toks[last].end
            words = sum(1 for k in range(i + 1, last + 1) if toks[k].kind != "punct")
            out.append(_Direct(s, e, i, close if close is not None else last, words, para_start, close is None))
            nxt_ok = (close if close is not None else last) + 1
        return out

    def _after_speech_verb(self, c: int) -> bool:
        """Does a speech verb stand among the three words before offset c (وقال سموه "...)?"""
        k = self.tok_at(c)
        return k is not None and any(self.verb_at(x) is not None for x in range(max(0, k - 3), k))

    def _is_name(self, d: _Direct) -> bool:
        """A quoted stretch that is exactly a name found by the entity stages («المرصد السوري»)."""
        i = self.tok_at(d.start)
        e = self.ents_at.get(i) if i is not None else None
        return e is not None and e.end >= d.end - 1

    def _term_word(self, k: int) -> bool:
        nm = self.toks[k].norm
        return nm in self.q.term_words or (nm[:1] in "وب" and nm[1:] in self.q.term_words)

    def _titled_quote(self, d: _Direct) -> bool:
        """A short quoted stretch after a word that makes it a name or a title (مثل «...»، بعنوان «...»), not
        after a preposition (على «...» may open a quotation)."""
        o = d.open_tok
        if o == 0 or d.words > 8:
            return False
        nm = self.toks[o - 1].norm
        return self._term_word(o - 1) and nm not in _CUT_WORDS and nm not in _NOUN_BEFORE

    def _attached(self, d: _Direct) -> bool:
        """A quote written onto a clitic or word (بـ«...», لـ«...»): a term, not a quotation."""
        o = d.open_tok
        if o == 0:
            return False
        prev = self.toks[o - 1]
        return prev.end == self.toks[o].start and prev.kind == "word"

    def _direct_quote(self, d: _Direct, speaker: Speaker | None, cue: Span | None, channel: str | None) -> Quote:
        if d.quote is None:
            d.quote = Quote(d.start, d.end, self.text[d.start:d.end], "direct", speaker=speaker, cue=cue,
                            channel=channel)
        elif d.quote.speaker is None:
            d.quote.speaker, d.quote.cue, d.quote.channel = speaker, cue, channel
        return d.quote

    def _unclaimed(self, d: _Direct, prev: _Direct | None) -> None:
        toks = self.toks
        if d.words < 4 or self._attached(d) or self._is_name(d) or \
                (d.open_tok > 0 and self._term_word(d.open_tok - 1)):
            return  # a term, name or title in quotes («داعش»، بـ«الخيانة»، تحت عنوان «...»), not a quotation
        # 1. a speaker after the quote: «...»، قال الوزير / «...» بحسب الوزير
        j = d.close_tok + 1
        while j < self.n and (toks[j].text in _COMMAS or toks[j].norm in _AFTER_QUOTE_LEAD):
            j += 1  # «...»، هكذا قال الوزير
        if j < self.n and not self.newline_between(j - 1, j):
            v = self.verb_at(j)
            if v is None and self._verb_with_object(toks[j].norm):
                v = (frozenset(), 0, False)  # «...» قالها الوزير
            if v is not None:
                limit = self.sent_end[j]
                sp, channel = self.speaker_from(j + 1, min(limit, j + 12)) if j + 1 < limit else (None, None)
                if sp is not None and sp.kind != "unknown":
                    cue = Span(toks[j].start + v[1], toks[j].end, self.text[toks[j].start + v[1]:toks[j].end])
                    self._direct_quote(d, sp, cue, channel)
                    self.remember(sp, d.start)
                    return
            for key in self.q.according:
                m = len(key)
                if j + m < self.n and all(toks[j + x].norm == key[x] for x in range(m)):
                    limit = self.sent_end[j]
                    a = j + m
                    if a < limit and toks[a].norm in ("ما", "ل"):
                        a += 1
                    sp, channel = self.speaker_from(a, min(limit, a + 10)) if a < limit else (None, None)
                    if sp is not None and sp.kind != "unknown":
                        self._direct_quote(d, sp, Span(toks[j].start, toks[j + m - 1].end,
                                                       self.text[toks[j].start:toks[j + m - 1].end]), channel)
                        self.remember(sp, d.start)
                        return
        # 2. the content of a speech verb far before it: وقال فلان في مؤتمر صحافي عقده ... إن: «...»
        far = self._far_cue(d)
        if far is not None:
            self._direct_quote(d, far[0], far[1], far[2])
            self.remember(far[0], d.start)
            return
        # 3. a statement announced before a colon: وفيما يلي نص البيان: «...»
        o = d.open_tok
        if o > 0 and toks[o - 1].text == ":":
            sent_start = self.sentence_start(o - 1)
            for k in range(o - 2, max(sent_start, o - 10) - 1, -1):
                nm = toks[k].norm
                e = self.ents_at.get(k)
                if toks[k].text in ("»", "”"):
                    break  # do not look into another quotation
                if e is not None:
                    sp = self._entity_speaker(e)
                elif (nm[2:] if nm.startswith("ال") else nm) in self.q.documents:
                    sp = self._document(k, o - 1, nm.startswith("ال"))
                else:
                    continue
                self._direct_quote(d, sp, None, None)
                self.remember(sp, d.start)
                return
        # 4. a verb that ends the paragraph before: ... حين قال\n«...»
        k = o - 1
        if k >= 0 and toks[k].text == ":":
            k -= 1
        if d.paragraph_start and k >= 0 and self.verb_at(k) is not None:
            sp = self.anaphora(k)
            if sp is not None:
                cue = Span(toks[k].start, toks[k].end, toks[k].text)
                self._direct_quote(d, sp, cue, None)
                self.remember(sp, d.start)
                return
        # 5. a paragraph that opens with « continues the quote before it
        if prev is not None and prev.quote is not None and d.paragraph_start and \
                (prev.runs_on or self._paragraphs_between(prev, d) <= 1):
            pq = prev.quote
            self._direct_quote(d, pq.speaker, pq.cue, pq.channel)
            return
        # 6. a quote that opens a sentence: the most recent speaker of this or the previous paragraph
        sp = self.last_speaker(d.start)
        opens = self.sentence_start(o) >= o - 1
        if sp is not None and opens and self._near(sp.end, d.start):
            self._direct_quote(d, sp, None, None)
        else:
            self._direct_quote(d, None, None, None)

    def _far_cue(self, d: _Direct) -> tuple[Speaker, Span, str | None] | None:
        """The speaker, cue and channel of a speech verb earlier in the sentence whose content the quote d
        is: after إن/أن or a colon, the verb up to 40 words before (وقال فلان في مؤتمر صحافي عقده ...
        إن: «...»); right after the verb's words, up to 6 words before (قائلا على صفحته في تويتر “...”)."""
        toks, o = self.toks, d.open_tok
        k = o - 1
        colon = k >= 0 and toks[k].text == ":"
        k -= colon
        comp = k >= 0 and toks[k].norm in self.q.comps
        k -= comp
        far = colon or comp
        if k < 0 or not far and toks[k].kind != "word":
            return None
        sent_start = self.sentence_start(o)
        for j in range(k, max(sent_start, k - (40 if far else 6)) - 1, -1):
            t = toks[j]
            if t.text in ("»", "”", '"') or j in self.direct_tok or (not far and t.kind == "punct"):
                return None  # another quotation between, or a clause ends
            v = self.verb_at(j)
            if v is None:
                continue
            base = t.norm[v[1]:]
            if base in self.q.ambiguous and j != k:
                continue  # بين برامج، بيني وبين: the preposition, not بيّن
            if not v[2] and base not in self.q.verbs or base in self.q.impersonal:  # (يذكر أن ... قائمة “...”)
                return None  # بحسب، جاء في: not a speaker's verb
            if far and v[2] and any(toks[x].text in _COMMAS for x in range(j + 1, k + 1)):
                continue  # وقال فلان، طالبا عدم كشف هويته، إن «...»: the verb before the participle
            stop = min(self.sent_end[j], k + 1, j + 14)
            if not far:  # علق مراقبون على تصريحات الوزير بالقول "...": the subject ends before على
                stop = next((x for x in range(j + 1, stop) if toks[x].norm in _CUT_WORDS), stop)
            sp, channel = (None, None) if v[2] or stop <= j + 1 else self.speaker_from(j + 1, stop)
            if sp is not None and sp.kind == "unknown":
                if far:
                    continue  # طالبا عدم كشف هويته، إن: a verbal noun's object, the verb is further back
                return None  # وأكد سيطرة المقاومة «على ...»: a plain noun there is the object
            sp = sp or self.anaphora(j, v[2])
            if sp is None:
                return None
            return sp, Span(t.start + v[1], t.end, self.text[t.start + v[1]:t.end]), channel
        return None

    def _paragraphs_between(self, a: _Direct, b: _Direct) -> int:
        return self.text.count("\n", a.end, b.start)

    def _near(self, offset: int, start: int) -> bool:
        return self.text.count("\n", offset, start) <= 2 and start - offset < 600

    def _interview_answers(self, quotes: list[Quote]) -> list[Quote]:
        """An interview laid out as questions (a paragraph ending with ؟) and answers: the answers no cue
        claimed are the interviewee's words, the person introduced before the first question."""
        text = self.text
        paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start():m.end()].strip()]
        is_q = [text[a:b].rstrip(" .\u200f").endswith("؟") and b - a < 400 for a, b in paras]
        pairs = [k for k in range(1, len(paras)) if is_q[k - 1] and not is_q[k]]
        if len(pairs) < 2:
            return []
        first_q = paras[pairs[0] - 1][0]
        marked = sum(text[paras[k][0]:paras[k][1]].lstrip()[:1] in "-–—*•■●ـ" for k in pairs)
        if marked < 2 and not any(w in _INTERVIEW_WORDS for w in self.norms[:self.tok_before(first_q) or 0]):
            return []  # rhetorical questions in an essay: no dashes before the answers, no interview announced
        sp0 = next((q.speaker for q in quotes if q.start < first_q and q.speaker is not None and
                    q.speaker.kind == "person" and q.speaker.name and
                    normalize_word(q.speaker.name.split()[0]).removeprefix("ال") not in self.q.unnamed),
                   None)  # أكد فلان في حوار مع الصحيفة أن: the first person named who speaks
        if sp0 is None:
            person = next((e for e in self.doc.entities if e.start < first_q and e.label.startswith("PERS")), None)
            sp0 = self._entity_speaker(person) if person is not None else None  # the first person named
        taken = [(q.start, q.end) for q in quotes]
        out = []
        for k in pairs:
            a, b = paras[k]
            m = _ANSWER_MARK.match(text, a, b)
            a = m.end() if m else a
            while b > a and text[b - 1] in " .\u200f":
                b -= 1
            if b - a < 20 or any(s < b and a < e for s, e in taken):
                continue
            sp = Speaker(sp0.start, sp0.end, sp0.text, name=sp0.name, role=sp0.role, kind=sp0.kind) if sp0 else None
            out.append(Quote(a, b, text[a:b], "direct", speaker=sp, cue=None, channel="مقابلة"))
        return out
