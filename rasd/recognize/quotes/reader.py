"""The scan that emits quotes: each speech verb, its content and its speaker; the pipeline stage."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from itertools import compress, count
from operator import attrgetter

from rasd.doc import Document, Entity, Quote, Span, Speaker
from rasd.recognize.entities import _Reader, lexicon
from rasd.recognize.quotes.anaphora import _Anaphora
from rasd.recognize.quotes.calls import _Calls
from rasd.recognize.quotes.direct import _Direct, _DirectQuotes
from rasd.recognize.quotes.lexicon import (
    _ACC_COMPS,
    _ACC_REL,
    _ADVERB_REL,
    _AFFIL_PREPS,
    _ALA,
    _ALA_NOT_CONTENT,
    _ALA_VERBS,
    _BARE_REL,
    _BODY_LEADS,
    _CALL_VERBS,
    _CLAUSE_BEFORE_VERB,
    _COMMA_OPENERS,
    _COMMA_VERBS,
    _COMMAS,
    _CUT_WORDS,
    _DESCRIBE,
    _DESCRIBE_NOUNS,
    _ENDERS,
    _HE,
    _HONORIFIC_HE,
    _NAME_LINKS_BEFORE_VERB,
    _NEGATION,
    _NOT_COMP_BEFORE,
    _NOUN_BEFORE,
    _OBJECT_FIRST,
    _OPENERS,
    _PRESS,
    _RELATIVES,
    _RELAY_PRONOUNS,
    _SIDE_OPENERS,
    _SOURCE_ADJ,
    _TIME_LEAD,
    _adverbial,
    nisba_countries,
    quote_lexicon,
)
from rasd.recognize.quotes.names import _Names
from rasd.recognize.quotes.speakers import _Speakers
from rasd.recognize.quotes.tokens import _Tokens, verb_table
from rasd.text.normalize import plain_letters


@dataclass(slots=True)
class _Cue:
    """A speech verb read as a cue: its token, what it takes, and where its sentence ends."""
    i: int  # the verb's token
    extra: frozenset[str]  # the prepositions it takes its content with (إلى، عن، من)
    plen: int  # length of the prefix written onto it (و، ف)
    participle: bool  # مضيفا، مؤكدا: no subject of its own
    base: str  # its normalised form without the prefix
    at_verb: int  # its offset
    acc_ma: int  # بحسب ما أعلن (2), حسبما أعلن (1): how far back the "according to" is
    rel_speaker: Speaker | None  # the role before a relative (الذي أكد أن) that speaks
    doc_verb: bool  # جاء في البيان: a document reports
    limit: int  # the token where its sentence ends
    part_obj: bool = False  # محذرا الحوثيين بأن: the participle's object stands before its content


class _QuoteReader(_Tokens, _Names, _Speakers, _Anaphora, _DirectQuotes, _Calls):
    """Reads the quotes of one document (the mixins hold the steps it takes)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.q = quote_lexicon()
        self.vtab = verb_table(self.q)  # normalised word -> its speech-verb reading
        self.direct_open: dict[int, _Direct] = {}  # opening token -> direct quote (set by run)
        self.directs: list[_Direct] = []  # the quotations in marks (set by run), and their starts
        self.d_starts: list[int] = []
        self.direct_tok: dict[int, _Direct] = {}  # every token of a quotation -> the quotation (set by run)
        self.quotes: list[Quote] = []  # the reported quotes found so far (set by run)
        self.r = doc.cache.pop("entities.reader", None) or _Reader(doc, lexicon())
        same = self.r.toks is self.toks  # the entity reader's token tables are this document's
        self.starts = self.r._starts if same and self.r._starts is not None else \
            list(map(attrgetter("start"), self.toks))
        self.norms = self.r.norms if same else list(map(attrgetter("norm"), self.toks))
        self.ents_at: dict[int, Entity] = {}
        self._pers: list[tuple[int, Entity]] = []  # (first token, entity) of the people with two words or more
        for e in sorted(doc.entities, key=lambda e: (e.start, -(e.end - e.start))):
            if e.label not in ("PERS", "ORG") and not e.label.startswith(("PERS", "ORG")):
                continue
            if "rules" in e.info:
                e = self._rule_span(e)
            i = self.tok_at(e.start)
            if i is None:
                continue
            if e.label[:4] == "PERS" and self.norms[i] in self.q.subject_stops:
                continue  # رحمه الله، حفظه الله: a blessing read as a name
            if e.label[:4] == "PERS" and " " in e.text:
                e = self._without_content_noun(e)
            if e.start == self.toks[i].start + 1 and self.toks[i].text[0] in "وف" and i and \
                    self.verb_at(i - 1) is not None:  # قال فورد: no conjunction between a verb and its subject
                e = replace(e, start=self.toks[i].start, text=self.text[self.toks[i].start:e.end], canonical=None)
            if " " in e.text and e.label[:4] == "PERS":
                self._pers.append((i, e))
            cur = self.ents_at.get(i)
            if cur is None or (cur.label != "PERS" and e.label == "PERS" and e.end >= cur.end) or \
                    (cur.label == e.label and e.end > cur.end):
                self.ents_at[i] = e
        self._country_at: dict[int, object] | None = None  # offset -> a country named there (built when asked)
        self._place_at: set[int] | None = None  # offsets where a place name starts (built when asked)
        self._full: dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str | None]]] | None = None
        self._full_memo: dict[str, tuple[str, str | None] | None] = {}
        self._role_idx: list[tuple[str, Entity]] | None = None
        self._orgs: list[tuple[int, str, Entity]] | None = None
        self._role_norm: dict[str, str] = {}  # a speaker's role, normalised
        self.roles: dict[str, str] = {}  # canonical name -> the role it was first given
        for e in doc.entities:
            if e.role and e.canonical and e.label.startswith("PERS"):
                self.roles.setdefault(e.canonical, e.role)
        self.generic: set[tuple[int, int]] = set()  # spans of plain noun-phrase speakers (الأنباء، البعض)
        self.np_subjects: list[tuple[int, Speaker]] = []  # دعا الوزراء ...: for a participle later in the sentence
        self.speakers: list[Speaker] = []  # sorted by the offset where each was named, for anaphora
        self.speaker_at: list[int] = []
        self.sent_end: list[int] = [self.n] * self.n
        for s in doc.sentences:
            self.sent_end[s.token_start:s.token_end] = [s.token_end] * (s.token_end - s.token_start)
        self._join_abbreviations()

    def run(self) -> list[Quote]:
        """Every quote of the document: the content after each speech verb, then the quotations no cue
        claimed and the answers of an interview, in text order."""
        toks = self.toks
        directs = self.direct_quotes()
        self.directs = directs
        self.d_starts = [d.start for d in directs]
        self.direct_open = {d.open_tok: d for d in directs}
        direct_tok: dict[int, _Direct] = {}
        for d in directs:
            for k in range(d.open_tok, d.close_tok + 1):
                direct_tok[k] = d
        self.direct_tok = direct_tok
        quotes: list[Quote] = []
        self.quotes = quotes
        # the words with a speech-verb reading (the table lists them all)
        cands = [i for i in compress(count(), map(self.vtab.__contains__, self.norms)) if toks[i].kind == "word"]
        i = 0
        for c in cands:
            if c < i:
                continue
            i = self._read_cue(c)
        # direct quotes that no cue before them claimed
        prev_d: _Direct | None = None
        for d in directs:
            if d.quote is None and not d.inside_reported:
                self._unclaimed(d, prev_d)
            if d.quote is not None:
                prev_d = d
        quotes.extend(d.quote for d in directs if d.quote is not None and not d.inside_reported)
        if "؟" in self.text:
            quotes.extend(self._interview_answers(quotes))
        quotes.sort(key=lambda q: q.start)
        return quotes

    def _read_cue(self, i: int) -> int:
        """Read the speech verb at token i, if it is one, with its speaker and what was said; the token
        to read on from."""
        toks = self.toks
        cue = self._cue_at(i)
        if cue is None:
            return i + 1
        found, k, part_at = self._find_content(cue)
        if found is not None and found[0] == "nominal" and found[1] == i + 1 and i > 0 and \
                toks[i - 1].norm in _RELATIVES and toks[i - 1].norm not in _ADVERB_REL:
            return i + 1  # المصطلحات التي تؤكد مواصلة ...: a relative clause, not someone speaking
        if not cue.participle and (found is None and cue.base in self.q.according1 or cue.acc_ma):
            # (بحسب ما أكد متحدث، مشيرا إلى أن: what was said before it first, the participle then goes on)
            nxt_i = self._according(i, cue.plen, cue.limit, self.quotes, self.direct_tok, cue.acc_ma)
            if nxt_i is not None:
                return nxt_i
        if found is None:
            self._no_content(cue, k)
            return i + 1
        said = self._said_by(cue, k, part_at)
        if said is None:
            return i + 1  # وفقا لإرادته فإنه ...: no one named, not a source
        speaker, channel, span, named = said
        kind, at = found
        if kind == "direct":
            d = self.direct_open[at]
            self._direct_quote(d, speaker, span, channel)
            self.remember(speaker, cue.at_verb)
            return d.close_tok + 1
        return self._reported(cue, kind, at, speaker, span, channel, named)

    def _cue_at(self, i: int) -> _Cue | None:
        """The speech verb at token i as a cue, or None when the word is not someone speaking here (a
        noun, a preposition, the writer's aside, a relative clause about no one)."""
        toks = self.toks
        vinfo = self.verb_at(i)
        if vinfo is None or (i in self.direct_tok and self.direct_tok[i].open_tok != i):
            return None
        extra, plen, participle = vinfo
        base = toks[i].norm[plen:]
        nx = toks[i + 1].norm if i + 1 < self.n else ""
        if not plen and i > 0 and (toks[i - 1].norm in _NOUN_BEFORE or toks[i - 1].norm in _NAME_LINKS_BEFORE_VERB or
                                   base in _DESCRIBE and toks[i - 1].norm in _DESCRIBE_NOUNS or
                                   self._inside_name(i, max(0, i - 5), start=i - 1)):
            return None  # في وضح النهار: a noun after a preposition; على حد وصف فلان; علي بن أبي طالب: a name
        if base in self.q.according1 and nx in _BARE_REL and i + 2 < self.n and self.verb_at(i + 2) is not None:
            return None  # بحسب ما أكد فلان: the verb after ما is the cue
        acc_ma = 0  # بحسب ما أعلن فلان (2), حسبما أعلن فلان (1): how far back the "according to" is
        if i > 1 and toks[i - 1].norm in _BARE_REL and self._according_word(i - 2):
            acc_ma = 2
        elif i > 0 and (toks[i - 1].norm in self.q.according_ma or toks[i - 1].norm[:1] == "و" and
                        toks[i - 1].norm[1:] in self.q.according_ma):
            acc_ma = 1
        rel_speaker = None  # التقى بالسفير الأمريكي الذي أكد أن: the role before the relative speaks
        if i > 0 and toks[i - 1].norm in _RELATIVES and toks[i - 1].norm not in _ADVERB_REL and not acc_ma and (
                nx in self.q.comps or nx in extra or nx in self.q.impersonal or toks[i - 1].norm in _BARE_REL) \
                and not (toks[i - 1].norm not in _BARE_REL and i > 1 and self._named_ends_at(i - 2)):
            rel_speaker = self._role_before_relative(i - 1) if toks[i - 1].norm not in _BARE_REL else None
            if rel_speaker is None:
                return None  # الذين يتوقع أن، وما يذكر أن: not someone speaking (but: مارادونا الذي قال إن)
        if base in self.q.ambiguous and i > 0 and toks[i - 1].text not in _ENDERS and \
                not self.newline_between(i - 1, i) and i != self.sentence_start(i) and \
                not self._after_side_opener(i) and not self._bayyana(i):
            return None  # بين الطرفين: the preposition, not بيّن (but: من جهته بين)
        if base in self.q.impersonal and (nx in self.q.comps or nx in ("الى", "علي")):
            return None  # يذكر أن، يشار إلى أن: the writer's aside
        doc_verb = base in self.q.document_verbs
        if doc_verb and not (nx == "في" and any(
                (w[2:] if w.startswith("ال") else w) in self.q.documents
                for w in (toks[x].norm for x in range(i + 2, min(self.n, i + 4))))):
            return None  # جاء ذلك ...: only وجاء في البيان أن reports a document
        return _Cue(i, extra, plen, participle, base, toks[i].start, acc_ma, rel_speaker, doc_verb,
                    self.sent_end[i])

    def _bayyana(self, i: int) -> bool:
        """Is the ambiguous word at i the verb بيّن: written with its shadda, or followed by أن, by سموه, or
        by a person, a role or a document and then أن (وبين التقرير أن), with no second member (بين X و)?"""
        toks = self.toks
        if "\u0651" in toks[i].text:
            return True
        if i + 1 >= self.n:
            return False
        nx = toks[i + 1].norm
        if nx in self.q.comps or nx in _HONORIFIC_HE:
            return True
        e = self.ents_at.get(i + 1)
        core = nx[2:] if nx.startswith("ال") else nx
        if e is not None and e.label.startswith("PERS"):
            last = self.tok_at(e.end - 1)
        elif self.r.title_at(i + 1) is not None or nx.startswith("ال") and core in self.q.documents:
            last = i + 1
        else:
            return False
        if last is None or last + 1 >= self.n or toks[last + 1].norm[:1] == "و" or \
                any(toks[x].norm.startswith(("بين", "وبين")) for x in range(max(0, i - 4), i)):
            return False  # بين محمد وأحمد، بينه وبين الوزير: between the two
        return self._comp_ahead(i, self.sent_end[i])

    def _after_side_opener(self, i: int) -> bool:
        """Does token i follow an opener such as من جهته or بدوره (and a comma), so that it is a verb?"""
        j = i - 1
        if j > 0 and self.toks[j].text in _COMMAS:
            j -= 1
        return j >= 0 and self.toks[j].norm in _SIDE_OPENERS

    def _content_reach(self, cue: _Cue, nominal: bool) -> int:
        """How far after the verb its content may start: right after a participle (مضيفا أن), else 30 tokens."""
        i = cue.i
        if not cue.participle:
            return i + 30
        # مضيفا أن / مشيرا إلى أن: no subject between (موضحا لـ«الصحيفة» أن: the paper skipped)
        limit = cue.limit
        j = self._past_aside(self._past_addressee(i + 1, limit), limit)
        nx = self.toks[j].norm if j < limit else ""
        reach = j + 1 if nx in self.q.comps or j < limit and self.toks[j].text == ":" or j in self.direct_open or \
            (nominal and self._content_noun(nx)) else (j + 2 if nx in cue.extra else i + 1)
        if reach == i + 1 and j + 1 < limit and self._participle_object(j):
            nx2 = self.toks[j + 1].norm  # لافتا الانتباه إلى أن، محذرا الحوثيين بأن: an object, then the content
            reach = j + 2 if nx2 in self.q.comps or self._bi_content(j + 1, cue.base) else (
                j + 3 if nx2 in cue.extra and j + 2 < limit and self.toks[j + 2].norm in self.q.comps else reach)
            cue.part_obj = reach > i + 1
        return reach

    def _find_content(self, cue: _Cue) -> tuple[tuple[str, int] | None, int, int | None]:
        """Where what was said starts after the verb: ("direct", quotation's opening token), ("reported",
        first token) or ("nominal", first token) or None; the token the search stopped at (the subject
        ends there); and a participle passed on the way."""
        toks = self.toks
        i, base, limit, participle = cue.i, cue.base, cue.limit, cue.participle
        extra = cue.extra
        direct_at = self.direct_open
        k = i + 1
        nominal = base in self.q.nominal and not (i > 0 and toks[i - 1].norm in _NEGATION)
        may_nominal = nominal
        bi_open = nominal and base in self.q.bi_verbs  # طالب فلان، رئيس الحزب، بالإفراج: over commas
        reach = self._content_reach(cue, nominal)
        part_at = None  # a participle passed on the way (حسب التخصص ...، مؤكدا أن)
        while k < limit and k < reach:
            t = toks[k]
            if k in direct_at:
                d = direct_at[k]
                if self._named_in_quotes(d, k, i, limit):
                    if not participle:
                        reach += d.close_tok - k  # (the name's words do not count against the subject's length)
                    k = d.close_tok + 1  # لـ«الشرق الأوسط»، «داعش»: a name in quotes, not speech
                    continue
                if extra and d.words < 6:
                    return None, k, part_at  # دعا إلى / كشف عن take their content, not a quotation
                return ("direct", k), k, part_at
            if t.text == '"' and k > i + 1 and k + 1 < limit and toks[k + 1].kind == "word" and \
                    toks[k - 1].kind == "word" and not participle:
                # وقال في حديث خاص "الصيغة ...: a mark left unclosed opens it (past إن: قال "إن ...)
                at = k + 2 if toks[k + 1].norm in self.q.comps and k + 2 < limit else k + 1
                return ("reported", at), k, part_at
            if t.text == ":":
                if k + 1 < limit and k + 1 in direct_at:
                    return ("direct", k + 1), k, part_at
                elif k + 1 < limit:
                    return ("reported", k + 1), k, part_at
                return None, k, part_at
            if t.text in ("،", ",") and base in _COMMA_VERBS and not participle and \
                    self._content_after_addressee(i, k, limit):
                return ("reported", k + 1), k, part_at  # قال فلان للصحفيين، تم تحديد ...
            if t.text in ("،", ",") and base in _COMMA_VERBS and not participle and k - i <= 5 and \
                    k + 2 < limit and toks[k + 1].norm in _COMMA_OPENERS and k > i + 1:
                return ("reported", k + 1), k, part_at  # قال فلان، نحن ...؛ قال فلان، إذا ...
            if may_nominal and t.kind == "punct" and t.text not in _OPENERS:
                # a content noun after a comma belongs to another clause (not X، إلى حرصها), unless the verb's
                # own preposition or such a noun comes (أكد فلان، سفير بلاده، على متانة العلاقات)
                nominal = self._nominal_on(k, base, extra, limit)
            if nominal and t.kind == "word" and (self._content_noun(t.norm) or self._ala_content(k, base)) and \
                    (toks[k - 1].norm not in _CUT_WORDS or toks[k - 1].norm in _ALA and base in _ALA_VERBS or
                     self._time_after_subject(k - 1, i)) and \
                    not self._construct_before(k, i) and \
                    not self._comp_ahead(k, limit):
                return ("nominal", k), k, part_at  # أكد الوزير ضرورة ...، أعلنت الوزارة بدء ...: a noun phrase says it
            if t.norm in self.q.comps or t.norm in _ACC_COMPS and base in self.q.according1:
                if toks[k - 1].norm in _NOT_COMP_BEFORE or self._inside_name(k, i):
                    k += 1  # بعد أن، قبل أن: a time clause, not what was said; يوهانس فان در كلاوو: a name
                    continue
                return ("reported", k + 1), k, part_at
            if bi_open and k > i + 1 - (cue.plen > 0) and self._bi_content(k, base):
                return ("nominal", k), k, part_at  # وطالب فلان أتباعه بالقيام: the demand
            if t.norm in extra and base in _CALL_VERBS and k + 1 < limit and toks[k + 1].start in self._place_starts():
                k += 1  # دعا المبعوث الدولي إلى اليمن فلان إلى ...: the envoy to a place, the call comes later
                continue
            if t.norm in extra and self._source_body(k, i, limit):
                k += 1  # حذر مسؤول من الوزارة من ...: the source's body, the content after the next من
                continue
            if t.norm in extra:
                return self._content_after_extra(k, limit, nominal), k, part_at
            if k > i + 1:
                v2 = self._verb_in_subject(k)
                if v2 is not None and not participle and self._according_word(k) and self._comp_ahead(k, limit):
                    k += 1  # وقال فلان بحسب صحيفة مكة إن: the paper passes it on, فلان speaks
                    continue
                if v2 is not None:
                    if toks[k - 1].norm in _CLAUSE_BEFORE_VERB:
                        k += 1  # وهو يرى، الذي لم يذكر ...: a clause about the subject
                        continue
                    if v2[2]:  # ويوضح X، قائلا إن ...: the participle goes with this verb
                        extra = v2[0]
                        part_at = k
                        k += 1
                        continue
                    return None, k, part_at
            if t.text in _ENDERS and k not in self.abbr_points or \
                    t.text in ("؛", ";") and not self._semicolon_comma(k, i, limit, extra):
                return None, k, part_at
            k += 1
        return None, k, part_at

    def _nominal_on(self, k: int, base: str, extra: frozenset[str], limit: int) -> bool:
        """After the punctuation at k, does the verb's noun-phrase content still come (X، إلى حرصها؛ وأكد
        الوزير، أيضا، على تمسكهم): its preposition, a content noun or a demand, after any aside?"""
        toks = self.toks
        x = self._past_aside(k + 1, limit) if toks[k].text in _COMMAS else k + 1
        if x >= limit:
            return False
        nm = toks[x].norm
        return nm in extra or self._content_noun(nm) or self._bi_content(x, base) or \
            nm in _ALA and base in _ALA_VERBS and x + 1 < limit and self._ala_content(x + 1, base)

    def _ala_content(self, k: int, base: str) -> bool:
        """Is token k, after على of أكد/شدد, what is stressed (أكد على متانة العلاقات، شدد على وحدة الصف), not a
        phrase of where or how (على هامش، على صعيد، على حسابه) nor a name?"""
        t = self.toks[k]
        if base not in _ALA_VERBS or k == 0 or self.toks[k - 1].norm not in _ALA or t.kind != "word" or \
                k in self.ents_at or self._ali(k - 1) or self.verb_at(k) is not None:
            return False  # (أكد اللواء علي الأحمدي: علي of a name)
        core = t.norm[2:] if t.norm.startswith("ال") else t.norm
        return self._content_noun(t.norm) or (core not in _ALA_NOT_CONTENT and t.norm not in _CUT_WORDS and
                                              t.norm not in self.r.lx.stop and len(core) > 2)

    def _named_in_quotes(self, d: _Direct, k: int, i: int, limit: int) -> bool:
        """Is the quotation d at token k, after the verb at i, a name in quotes rather than speech?"""
        toks = self.toks
        return d.words < 4 or self._attached(d) or self._is_name(d) or self._titled_quote(d) or (
            k == i + 1 and any(toks[x].norm in self.q.comps
                               for x in range(d.close_tok + 1, min(limit, d.close_tok + 8))))

    def _content_after_extra(self, k: int, limit: int, nominal: bool) -> tuple[str, int] | None:
        """The content after the verb's own preposition at token k (أشار إلى أن، أشار إلى مقتل), if any."""
        toks = self.toks
        nxt = toks[k + 1].norm if k + 1 < limit else ""
        if nxt in self.q.comps:
            return ("reported", k + 2)
        d = self.direct_open.get(k + 1) if k + 1 < limit else None
        if d is not None:  # أعربت الوزارة عن "تحفظها ..."، كشفت مصادر عن «تمرد» داخل ...: a quotation, a term
            return ("direct", k + 1) if d.words >= 4 and not self._named_in_quotes(d, k + 1, k, limit) else \
                ("nominal", k + 1) if nominal else None
        if nominal and k + 1 < limit and toks[k + 1].kind == "word" and self.verb_at(k + 1) is None \
                and nxt not in _CUT_WORDS:
            return ("nominal", k + 1)  # أشار المصدر إلى مقتل ...: the noun phrase is the content
        return None

    def _verb_in_subject(self, k: int) -> tuple[frozenset[str], int, bool] | None:
        """The verb at token k inside a subject, unless it is an aside, a preposition or a noun there."""
        toks = self.toks
        v2 = self.verb_at(k)
        if v2 is not None and not v2[1] and toks[k - 1].norm in _NAME_LINKS_BEFORE_VERB:
            return None  # محمد أبو طالب: a name
        if v2 is not None and toks[k].norm[v2[1]:] in self.q.document_verbs:
            v2 = None  # كما جاء في تقارير: an aside inside the subject
        if v2 is not None and (toks[k].norm[v2[1]:] in self.q.ambiguous and toks[k - 1].kind == "word" or
                               not v2[1] and toks[k - 1].norm in _NOUN_BEFORE):
            v2 = None  # بين فريقي الهلال والنصر: the preposition; عدم كشف هويته: a noun
        return v2

    def _no_content(self, cue: _Cue, k: int) -> None:
        """No content after the verb at cue.i (the search stopped at k), but its subject may speak next
        (أكد الوزير X سيطرة ...، لافتا إلى أن): remember it."""
        toks = self.toks
        i, limit, at_verb = cue.i, cue.limit, cue.at_verb
        x0 = i + 1
        while x0 < min(k, i + 4) and toks[x0].norm in self.q.not_subjects:
            x0 += 1  # كشف هذا لـ«الصحيفة» الدكتور فلان ... وقال
        x1 = self._past_addressee(x0, min(k, limit))
        if x1 > x0 and x1 < min(k, limit) and (x1 in self.ents_at or self.r.title_at(x1) is not None):
            sp, _ = self.speaker_from(x1, min(k, limit, x1 + 15))
            if sp is not None and sp.kind == "person" and (sp.name or cue.base in _CALL_VERBS):
                self.remember(sp, at_verb)  # (وحث المتحدث باسم الدفاع المدني السكان ...، مؤكدا: the role too)
                return
        for x in range(i + 1, min(k, i + 6)):
            e = self.ents_at.get(x)
            if e is not None:
                self.remember(self._entity_speaker(e), at_verb)
                break
            if toks[x].kind == "punct" or toks[x].norm in _CUT_WORDS:
                break
        else:
            if not cue.participle and i + 1 < min(k, limit):  # دعا الوزراء مجددا ...، مؤكدين أن
                sp = self._noun_phrase(i + 1, min(k, i + 6)) if toks[i + 1].norm.startswith("ال") else None
                if sp is not None and sp.kind != "document":
                    self.np_subjects.append((at_verb, sp))

    def _said_by(self, cue: _Cue, k: int, part_at: int | None) -> tuple[Speaker | None, str | None, Span, bool] | None:
        """Who said it (the subject between the verb at cue.i and k, else the one spoken of before), the
        channel, the cue's span, and whether the speaker was named after the verb; None when an "according
        to" names no one."""
        toks = self.toks
        i, plen, participle, base = cue.i, cue.plen, cue.participle, cue.base
        # (وعلقت فلانة بالقول: the subject ends at the participle passed)
        subj_start, subj_end, timed = self._subject_span(cue, part_at if part_at is not None and i < part_at < k else k)
        s0 = subj_start
        if self.abbr_points and subj_end > subj_start:
            subj_start = self._past_abbreviation(subj_start, subj_end)
        if subj_end > subj_start:
            speaker, channel = self.speaker_from(subj_start, subj_end, np=base not in self.q.according1)
            if timed and speaker is not None and speaker.start == toks[subj_start].start and \
                    speaker.end > toks[subj_end - 1].end:  # an entity read over the time phrase after it
                e = toks[subj_end - 1].end
                speaker = replace(speaker, end=e, text=self.text[speaker.start:e],
                                  name=self.text[speaker.start:e] if speaker.name == speaker.text else speaker.name)
            if subj_start > s0 and speaker is not None:  # وكيلة الوزارة د. فلانة: a titled person
                speaker = self._abbreviated_titled(speaker, s0, subj_start)
            if toks[i].norm[plen:] in self.q.relay_verbs:
                speaker, channel = self._relayed(i, subj_start, subj_end, speaker, channel)
        else:
            speaker, channel = None, None
        if speaker is None and toks[k].norm in _ACC_COMPS and toks[k].norm not in self.q.comps:
            if subj_end > subj_start and toks[subj_start].norm.startswith(("ال", "لل")):
                speaker, channel = self.speaker_from(subj_start, subj_end)  # بحسب تقييمات الخبراء فإنها
            if speaker is None:
                return None  # وفقا لإرادته فإنه ...: no one named, not a source
        if speaker is None and cue.rel_speaker is not None:
            speaker = cue.rel_speaker
        if (base in _CALL_VERBS or base in _DESCRIBE) and subj_end > subj_start:
            front = self._sentence_subject_before(i) if not plen else None
            if front is not None:  # النائب فلان دعا الحكومة إلى ...: the name before the verb speaks
                speaker = front
            elif not plen and i > 0 and toks[i - 1].norm in _HE:
                speaker = None  # لكنه دعا إيران إلى ...: the pronoun is the subject, the word after the object
            elif self._call_object(obj_at := self._past_addressee(subj_start, subj_end)) or base in _DESCRIBE and (
                    self._described(obj_at, subj_end) or speaker is not None and speaker.kind == "unknown"):
                speaker = None  # وحث أنصاره على ...، ووصف القرار بـ ...: the object; the subject came before
        cue_i = i
        if speaker is None and part_at is not None and base in self.q.according1:
            cue_i, plen, participle = part_at, 0, True  # حسب التخصص، مؤكدا أن: the participle is the cue
        named = speaker is not None  # named after the verb, not taken from before it
        if speaker is None and not participle and base.endswith(("وا", "ون")) and base in self.q.verbs:
            speaker = self._plural_subject(cue_i)  # لكنهم قالوا إن: the group that opens the sentence
        if speaker is None:
            speaker = self.anaphora(cue_i, participle)
        span = Span(toks[cue_i].start + plen, toks[cue_i].end,
                    self.text[toks[cue_i].start + plen:toks[cue_i].end])
        return speaker, channel, span, named

    def _subject_span(self, cue: _Cue, k: int) -> tuple[int, int, bool]:
        """The tokens [start, end) of the subject between the verb at cue.i and token k, without the outlet
        told before it, a time phrase after it or the object of a call; and whether a time phrase was cut."""
        toks = self.toks
        subj_end = k
        subj_start = cue.i + 2 if cue.doc_verb else cue.i + 1
        if cue.part_obj or not cue.participle and cue.base.endswith(("وا", "ون")) and cue.base in self.q.verbs:
            subj_start = subj_end  # محذرا الحوثيين بأن، وفيما دعوا الحكومة إلى: the object; the plural is the subject
        if cue.base in self.q.according1 and subj_start < k and toks[subj_start].norm == "ل":
            subj_start += 1  # وفقا لـ الوزارة
        if cue.base in _OBJECT_FIRST and subj_start < subj_end:
            subj_start = self._past_outlet(subj_start, subj_end)  # أبلغ «الصحيفة» مسؤول أن
        timed = self._before_time_phrase(subj_start, subj_end)  # وقالت الشركة العام الماضي إنها
        cut = timed < subj_end
        if cut:
            subj_end = timed
        if (cue.base in _CALL_VERBS or cue.base in _DESCRIBE) and subj_end > subj_start:
            subj_end = self._before_object(subj_start, subj_end)  # ويصف الصحافي | المجندين الأجانب بأنهم
        return subj_start, subj_end, cut

    def _relayed(self, v: int, subj_start: int, subj_end: int, speaker: Speaker | None,
                 channel: str | None) -> tuple[Speaker | None, str | None]:
        """After a relay verb (ونقلت رويترز عن المتحدث X قوله إن ...) the one quoted speaks and the relay
        is the channel; after عنه (نقلت عنه الوكالة، ونقلت الوكالة عنه) the one spoken of before."""
        pr = None
        for x in range(subj_start, min(subj_end, subj_start + 6)):
            if self.toks[x].norm == "عن" or self.toks[x].kind == "punct":
                break  # ونقلت مصادر عن الدباشي، الذي ... عنها: the one named after عن
            if self.toks[x].norm in _RELAY_PRONOUNS:
                pr = x
                break
        if pr is not None:
            quoted = self.anaphora(v)
            if quoted is not None:
                relay, _ = self.speaker_from(pr + 1, subj_end) if pr == subj_start else (speaker, None)
                return quoted, relay.name if relay is not None else channel
        an = next((x for x in range(subj_start + 1, subj_end) if self.toks[x].norm == "عن"), None)
        if an is not None:
            quoted, _ = self.speaker_from(an + 1, subj_end)
            if quoted is not None:
                channel = speaker.name if speaker is not None else channel
                speaker = quoted
        return speaker, channel

    def _reported(self, cue: _Cue, kind: str, at: int, speaker: Speaker | None, span: Span,
                  channel: str | None, named: bool) -> int:
        """Emit the reported (or nominal) content starting at token ``at`` as a quote (or the quotations
        that fill it); the token to read on from."""
        toks = self.toks
        i, limit = cue.i, cue.limit
        if at >= limit:
            return i + 1
        while at < limit and toks[at].kind == "punct" and toks[at].text not in _OPENERS:
            at += 1
        if at >= limit:
            return i + 1
        last = self.clause_end(at, limit)
        if kind == "nominal":  # a noun phrase ends at its first comma (أكد ضرورة التمسك بالاتفاق، ووصفه)
            last = next((x - 1 for x in range(at + 1, last + 1) if (toks[x].text in _COMMAS and not (
                         x == at + 1 and x + 1 <= last and toks[x + 1].norm[:1] == "و")) or
                         self._according_word(x)), last)  # (بالقيام، وعدم الانشغال: one word, then more)
        if not self._words_at_least(at, last, 2):
            return i + 1
        s, e = toks[at].start, toks[last].end
        directs, d_starts = self.directs, self.d_starts
        lo = bisect.bisect_left(d_starts, s)
        inner = [d for d in directs[lo:bisect.bisect_right(d_starts, e, lo)] if d.end <= e and d.words >= 4]
        if inner and sum(d.end - d.start for d in inner) * 2 >= e - s:
            lead = inner[0].open_tok - 1
            while lead > at and toks[lead].kind == "punct":
                lead -= 1
            if lead > at and self._words_at_least(at, lead, 3) and not self._governed(inner[0]) and \
                    all(self.verb_at(x) is None for x in range(at, lead + 1)):  # أكد أن اليمن خط أحمر «ولن ...»
                self.quotes.append(Quote(s, toks[lead].end, self.text[s:toks[lead].end], "reported",
                                         speaker=speaker, cue=span, channel=channel))
            for d in inner:
                self._direct_quote(d, speaker, span, channel)
            self.remember(speaker, cue.at_verb)
            return last + 1
        for d in inner:
            d.inside_reported = True
        q = Quote(s, e, self.text[s:e], "reported", speaker=speaker, cue=span, channel=channel)
        self.quotes.append(q)
        i = last + 1
        direct_at = self.direct_open
        if i + 1 < limit and toks[i].text == ":" and i + 1 in direct_at and direct_at[i + 1].quote is None:
            # إن النظام ... وبيّن في مقابلة: «...»: the quotation that the content runs up to is the same
            # speaker's (the verb before the colon was read into the content)
            d = direct_at[i + 1]
            self._direct_quote(d, speaker, span, channel)
            i = d.close_tok + 1
        if kind == "nominal" and not named:
            return i  # وتشير بعض التقديرات إلى ...: a guessed subject is not the one later verbs go on with
        self.remember(speaker, cue.at_verb)
        return i

    def _governed(self, d: _Direct) -> bool:
        """Does the quotation d open with a preposition, as the complement of the words before it (السماح
        «بإرساء ...»، دعم «لجهود ...»)?"""
        k = d.open_tok + 1
        if k >= self.n or self.toks[k].kind != "word":
            return False
        nm = self.norms[k]
        return nm in _NOUN_BEFORE or nm[:1] in "بلك" and len(nm) > 3 and not nm.startswith(("لكن", "كان", "كل"))

    def _content_after_addressee(self, v: int, k: int, limit: int) -> bool:
        """The comma at k follows a subject and the one spoken to (قال فلان للصحفيين، | لرويترز،) and opens
        the content itself: no إن/أن comes soon, nor a relative, title or speech verb next."""
        toks = self.toks
        if k < v + 3 or k + 3 >= limit or k + 1 in self.direct_open:
            return False
        if not any(toks[x].norm in _PRESS or self._past_addressee(x, limit) == k for x in range(max(v + 2, k - 5), k)):
            return False
        nx = toks[k + 1]
        if nx.kind != "word" or nx.norm in self.q.comps or nx.norm in _RELATIVES or nx.norm in _CUT_WORDS or \
                self.r.title_at(k + 1) is not None or self._comp_ahead(k, limit):
            return False
        return self.verb_at(k + 1) is None

    def _comp_ahead(self, k: int, limit: int) -> bool:
        """إن/أن shortly after token k in its sentence (قائد عملية تحرير عدن، أن ...): the clause comes later."""
        for x in range(k + 1, min(limit, k + 12)):
            t = self.toks[x]
            if t.text in _ENDERS or t.text in ("؛", ";") or self.verb_at(x) is not None:
                return False  # ووصفه بأنه: another verb's clause
            if t.norm in self.q.comps and self.toks[x - 1].norm not in _NOT_COMP_BEFORE:
                return True
        return False

    def _construct_before(self, k: int, v: int) -> bool:
        """Token k follows an indefinite noun as its genitive (قائد عمليات | تحرير عدن), inside the subject."""
        if k - 1 <= v:
            return False
        p = self.toks[k - 1]
        nm = p.norm
        if p.kind != "word" or nm.startswith("ال") or nm.endswith(("ي", "يه", "يون", "يين")) or \
                self.r.is_adj(nm) or _adverbial(p.text) or nm in _TIME_LEAD:
            return False  # (الوزارة أمس | بسقوط: a word of time heads no genitive)
        end = p.end  # the last word of a name (محمد علي | حرص) is no construct
        return not any(e.end == end for e in self.ents_at.values())

    def _source_body(self, k: int, i: int, limit: int) -> bool:
        """The preposition at k gives the body of the source before it (حذر مسؤول من الوزارة من ...، مصدر في
        الجيش), and the verb's own word comes again later in the sentence."""
        if k <= i + 1 or k + 1 >= limit or self.toks[k].norm not in _AFFIL_PREPS or \
                self._content_noun(self.toks[k + 1].norm):  # حذر مسؤول من انهيار ... من جديد
            return False
        nx = self.toks[k + 1].norm
        if not (nx.startswith("ال") or k + 1 in self.ents_at or nx in _BODY_LEADS):
            return False  # حذر مسؤول أمني من تدهور ... من جديد: a bare noun is the content
        j = k - 1
        while j > i + 1 and (self.toks[j].norm in _SOURCE_ADJ or self.r.is_adj(self.toks[j].norm) or
                             self.toks[j].norm.endswith(("ي", "يه", "ية"))):
            j -= 1  # مصدر رسمي | من داخل المحافظة
        p = self.toks[j].norm
        p = p[2:] if p.startswith("ال") else p
        if not (p in self.q.unnamed or p in self.q.groups or p in self.q.person_nouns):
            return False
        return any(self.toks[x].norm == self.toks[k].norm for x in range(k + 2, limit))

    def _time_after_subject(self, k: int, i: int) -> bool:
        """Token k is a word of time between the subject of the verb at i and its content (أفاد المصدر الاثنين
        بمقتل ...، أعلنت الوزارة اليوم بدء ...), not the verb's first word after it (أعلن اليوم: no subject)."""
        return k > i + 1 and self.toks[k].norm in _TIME_LEAD

    def _content_noun(self, norm: str) -> bool:
        """A verbal noun that opens reported content (ضرورة، البدء، بمقتل، حرصه)."""
        return norm in self.q.content_forms

    def _according_word(self, k: int) -> bool:
        """Token k is a one-word "according to" (بحسب، وفق), with or without و."""
        nm = self.toks[k].norm
        return nm in self.q.according1 or (nm[:1] == "و" and nm[1:] in self.q.according1)

    def _according(self, i: int, plen: int, limit: int, quotes: list[Quote], direct_tok: dict[int, _Direct],
                   acc_ma: int) -> int | None:
        """A source given with "according to" and no إن/أن: after what it says (X، بحسب المرصد; X، بحسب ما
        أعلن فلان), or before it and a comma (وبحسب مكتبه، فقد زار ...). Adds the quote; the next token."""
        toks = self.toks
        cue_i = i - acc_ma
        sent = self.sentence_start(cue_i)
        a = sent
        while a < cue_i and (toks[a].kind == "punct" or toks[a].norm in ("و", "ف")):
            a += 1
        stop = cue_i + 1
        while stop < limit and stop - cue_i < 14 and (toks[stop].kind != "punct" or toks[stop].text in _OPENERS):
            if toks[stop].text in _OPENERS:  # طبقا لتقرير مؤسسة «...»: a name in quotes
                stop = next((x for x in range(stop + 1, min(limit, stop + 6)) if toks[x].text in ("»", "”", '"')),
                            limit - 1)
            stop += 1
        if a < cue_i:  # X، بحسب المرصد: the content before it
            b, e = a, cue_i - 1
            while e > b and toks[e].kind == "punct":
                e -= 1
        elif stop < limit and toks[stop].text in _COMMAS:  # وبحسب مكتبه، فقد زار ...
            b = stop + 1
            if b < limit and toks[b].norm in _RELATIVES:  # ووفقا للمذكرة، التي أصدرها البنك، هناك ...
                b = next((x + 1 for x in range(b, min(limit, b + 15)) if toks[x].text in _COMMAS), limit)
                if b >= limit:
                    return None
            e = self.clause_end(b, limit)
        else:
            return None
        if b in direct_tok or e in direct_tok or not self._words_at_least(b, e, 4):
            return None
        if b > cue_i and any(self.verb_at(x) is not None for x in range(b, min(e + 1, b + 4))):
            return None  # وحسب الوكالة، قال المتحدث إن ...: the verb after the comma reports it
        if b < cue_i and self.verb_at(b) is not None and e - b < 12 and \
                not any(toks[x].norm in self.q.comps for x in range(b + 1, e + 1)):
            return None  # وقال الوزير، بحسب ما نقلت عنه الوكالة، إن ...: an aside of that verb
        s0, e0 = toks[b].start, toks[e].end
        if any(q.start < e0 and s0 < q.end for q in quotes):
            return None  # already the content of a verb
        a1 = i + 1
        if not acc_ma and a1 + 2 < stop and toks[a1].norm in _ACC_REL:
            a1 += 2  # وفقا لما أعلنته الوكالة: the source after the relative and its verb
        speaker, channel = self.speaker_from(a1, stop, np=bool(acc_ma), lam=not acc_ma and a1 == i + 1)
        if speaker is None and acc_ma and a1 + 1 < stop and self.ents_at.get(a1 + 1) is not None and \
                self.ents_at[a1 + 1].label[:4] == "PERS":
            speaker, channel = self.speaker_from(a1 + 1, stop)  # بحسب ما أشار ابنها فلان: the person named
        if speaker is None:
            return None
        if toks[i + 1].norm[:1] == "ل" and speaker.name and speaker.name[:1] == "ل":
            speaker.name = speaker.name[1:] if speaker.name[:2] != "لل" else "ا" + speaker.name[1:]
            if speaker.role and speaker.role[:1] == "ل":  # وفقا للمسؤول: the source without ل
                speaker.role = speaker.role[1:] if speaker.role[:2] != "لل" else "ا" + speaker.role[1:]
        c = self.toks[cue_i]
        cplen = plen if not acc_ma else int(c.norm[:1] == "و" and c.norm not in self.q.according1 and
                                            c.norm not in self.q.according_ma)
        cue = Span(c.start + cplen, c.end, self.text[c.start + cplen:c.end])
        quotes.append(Quote(s0, e0, self.text[s0:e0], "reported", speaker=speaker, cue=cue, channel=channel))
        self.remember(speaker, c.start)
        return max(stop, e + 1)


class RecognizeQuotes:
    """Pipeline stage: direct and reported quotes with their speakers."""

    name = "quotes"
    needs = ("tokens", "sentences", "entities")
    adds = ("quotes",)

    def load(self) -> RecognizeQuotes:
        """Load the word lists now."""
        verb_table(quote_lexicon())
        nisba_countries()
        lexicon()
        return self

    def __call__(self, doc: Document) -> Document:
        doc.quotes = recognize_quotes(doc)
        return doc


def recognize_quotes(doc: Document) -> list[Quote]:
    """The quotes of ``doc`` (needs tokens, sentences and, for speaker names, entities)."""
    if not doc.tokens:
        return []
    quotes = _QuoteReader(doc).run()
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.name:
            sp.name = plain_letters(sp.name)  # ﻟﻴﻮ -> ليو: the name leaves the document; the span keeps the text
    return quotes
