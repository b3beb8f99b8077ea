"""Quotes and their speakers: direct quotes in « », “ ”, " " and reported speech after speech verbs.

Direct quotes are found from their marks (a quote that runs to the end of its paragraph, and a
paragraph that opens with « to continue it, as newspapers write them).  Reported speech is found
from a speech verb (قال، أضاف، أكد ... in their forms, data/speech_verbs.yaml) followed by its
subject and إن/أن: the quote is the content after the complementiser up to the end of the clause.
The speaker is the subject of the verb, resolved to a recognised entity when one is there
(doc.entities), or a document (بيان رئاسي; البيان later refers back to it), an unnamed source
(مصدر أمني), a title alone (الرئيس المصري, linked to the person of that role), or -- when the verb
has no subject (وأضاف أن ...) -- the most recent speaker.  "على تويتر", "في بيان" ... give the channel.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from itertools import compress, count, repeat
from operator import attrgetter, is_not

from rasd.doc import Document, Entity, Quote, Span, Speaker
from rasd.lazy import once
from rasd.lexicon import load_yaml, word_set
from rasd.recognize.entities import _Reader, lexicon
from rasd.text.normalize import normalize_word

_OPENERS = {"«": "»", "“": "”", '"': '"', "„": "”"}
_ENDERS = frozenset(".!?؟…")
_COMMAS = frozenset(("،", ",", "؛", ";"))
_WORDS = "quote_words.yaml"  # the word lists of this module, as data
_CUT_WORDS = word_set(_WORDS, "quotes_cut_words")
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"
_VERBS: dict[str, tuple[frozenset[str], int, bool, bool] | None] = {}  # token norm -> verb reading (cache)
_RELATIVES = word_set(_WORDS, "quotes_relatives")
# a relative with the verb right after it and no subject between (التي قالت إنها) is not a quotation; after
# these the verb never starts one (ما يذكر، مما يعني)
_BARE_REL = word_set(_WORDS, "quotes_bare_rel")
_NOUN_BEFORE = word_set(_WORDS, "quotes_noun_before")
_THERE = word_set(_WORDS, "quotes_there")
_CLAUSE_OPEN = word_set(_WORDS, "quotes_clause_open")
_HE = word_set(_WORDS, "quotes_he")
_NAME_LINKS = word_set(_WORDS, "quotes_name_links")
_OBJECT_START = word_set(_WORDS, "quotes_object_start")
_NOT_GIVEN = word_set(_WORDS, "quotes_not_given")
# a word written onto a preposition or the article, or a preposition itself, opens no subject
_NOT_SUBJECT_STARTS = tuple(sorted(word_set(_WORDS, "quotes_not_subject_starts")))
_TIME_LEAD = word_set(_WORDS, "quotes_time_lead")
_ADVERB_REL = word_set(_WORDS, "quotes_adverb_rel")
_CLAUSE_BEFORE_VERB = word_set(_WORDS, "quotes_clause_before_verb")
_NOT_COMP_BEFORE = word_set(_WORDS, "quotes_not_comp_before")
_LEADING = word_set(_WORDS, "quotes_leading")
_SKIP_BEFORE_VERB = word_set(_WORDS, "quotes_skip_before_verb")
_NEGATION = word_set(_WORDS, "quotes_negation")
_AFFIL_PREPS = word_set(_WORDS, "quotes_affiliation_preps")  # مصدر في الحكومة، مسؤول من الوزارة
_LONGER_BY_RULES = frozenset({"ORG", "PERS"})  # labels whose rule span is kept when the tagger cut it short
_SUBJECT_TAIL = word_set(_WORDS, "quotes_subject_tail")  # الوزير | بهذا الخصوص: an adverb ends the subject
_INTERVIEW_WORDS = word_set(_WORDS, "quotes_interview_words")  # أجرت معه الحوار التالي
_MARKS = "|".join(sorted(load_yaml(_WORDS)["quotes_answer_marks"], key=len, reverse=True))
_ANSWER_MARK = re.compile(rf"[\s\-–—*•■●ـ:]*(?:(?:{_MARKS})\s*[:/])?[\s\-–—*•■●ـ:]*")  # - ، ج: before an answer
_AFTER_QUOTE_LEAD = word_set(_WORDS, "quotes_after_quote_lead")  # «...»، هكذا قال الوزير
_PLURAL_PEOPLE = word_set(_WORDS, "quotes_plural_people")  # ناقش الوزراء ...، مؤكدين أن
_HONORIFIC_HE = word_set(_WORDS, "quotes_honorific_pronouns")  # معاليه، سموه: the one named before
_ADDRESSEE_ENDS = tuple(sorted(word_set(_WORDS, "quotes_addressee_ends")))  # لوالديها، لأسرهم: spoken to
_PLACE_PEOPLE = word_set(_WORDS, "quotes_place_people")  # شهود عيان في المنطقة: a place, not a body
_SOURCE_ADJ = word_set(_WORDS, "quotes_source_adjectives")  # مسؤول تركي كبير
_NOT_BARE_ROLE = word_set(_WORDS, "quotes_not_bare_role")  # رئيس الوزراء is not الرئيس
_ACC_COMPS = word_set(_WORDS, "quotes_according_comps")  # وبحسب الوزارة فإنه: only after "according to"
_COMMA_VERBS = word_set(_WORDS, "quotes_comma_verbs")  # قال فلان للصحفيين، تم ...: content after the comma
_PRESS = word_set(_WORDS, "quotes_press_addressees")
_ALA_VERBS = word_set(_WORDS, "quotes_ala_verbs")  # شدد الوزير على ضرورة ...: the content after على
_ALA = word_set(_WORDS, "quotes_ala")
_PREP_CLITICS = word_set(_WORDS, "quotes_preposition_clitics")  # بالجيش، للوزارة: a body after a preposition
_ABBREVIATIONS = word_set(_WORDS, "quotes_title_abbreviations")  # د. م. before a name: no sentence end
_BODY_LEADS = word_set(_WORDS, "quotes_body_leads")  # مصدر من داخل المحافظة
_ACC_REL = word_set(_WORDS, "quotes_according_rel")  # وفقا لما أعلنته الوكالة  # لم تكشف الشركة نوع ...: not a statement of it


def _adverbial(word: str) -> bool:
    """A word written with the accusative tanween (مجدداً، رداً): an adverb or object, not a subject."""
    return word.endswith(("ً", "اً", "ًا"))


def _definite(norm: str) -> bool:
    """A word with the article (الوزارة), not آل of a family name."""
    return norm.startswith("ال") and len(norm) > 3


def _forms(items) -> list[str]:
    return [normalize_word(x) for x in items]


@dataclass
class QuoteLexicon:
    """The speech verbs and the words around them, normalised once."""

    verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # form -> extra complementisers
    participles: set[str] = field(default_factory=set)
    comps: set[str] = field(default_factory=set)
    according: dict[tuple[str, ...], str] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    channels: dict[tuple[str, ...], str] = field(default_factory=dict)
    unnamed: set[str] = field(default_factory=set)
    channel_first: set[str] = field(default_factory=set)
    maqsura: set[str] = field(default_factory=set)  # verb forms written with final ى (رأى، نفى)
    term_words: set[str] = field(default_factory=set)  # words before a quoted title or name
    media: set[str] = field(default_factory=set)
    according1: set[str] = field(default_factory=set)  # one-word "according to" (بحسب، وفق)
    relay_verbs: set[str] = field(default_factory=set)  # نقل: X relays what Y said (عن Y)
    document_verbs: set[str] = field(default_factory=set)  # وجاء في البيان أن: the document speaks
    impersonal: set[str] = field(default_factory=set)  # يذكر أن، يشار إلى أن: no speaker
    not_subjects: set[str] = field(default_factory=set)  # وأكد ضرورة أن، وقال مجددا: object or adverb
    role_preps: set[str] = field(default_factory=set)  # في، على، عن ... inside a long role before a name
    occasion: set[str] = field(default_factory=set)  # في مؤتمر صحفي: an occasion, not a role
    subject_stops: set[str] = field(default_factory=set)  # إثر، خلال ...: the subject has ended
    quantifiers: set[str] = field(default_factory=set)  # عدد من، بعض
    kana: set[str] = field(default_factory=set)  # كان before a fronted subject
    groups: set[str] = field(default_factory=set)  # مصادر، محللون: plural unnamed sources
    person_nouns: set[str] = field(default_factory=set)  # المشرف، المطور ...: a role that leads to a name
    ambiguous: set[str] = field(default_factory=set)  # بين: a verb only where a clause opens
    speech_nouns: set[str] = field(default_factory=set)  # بقولها: the subject just before speaks
    according_ma: set[str] = field(default_factory=set)  # حسبما
    nominal: set[str] = field(default_factory=set)  # verb forms whose content may be a noun phrase (أكد ضرورة)
    content_nouns: set[str] = field(default_factory=set)  # ضرورة، بدء، مقتل ...: such content opens
    content_forms: set[str] = field(default_factory=set)  # their written forms (البدء، بمقتل، حرصه)
    report_nouns: set[str] = field(default_factory=set)  # فتوى أكدت، أنباء تقول
    outlets: set[str] = field(default_factory=set)  # رويترز ...: after ل, the one spoken to
    verbs_with_object: set[str] = field(default_factory=set)  # قاله، ذكرته، أعلنها: a verb with its pronoun


@once
def quote_lexicon() -> QuoteLexicon:
    """The speech-verb lexicon (loaded once per process)."""
    d = load_yaml("speech_verbs.yaml")
    q = QuoteLexicon()
    nominal = set(_forms(d["nominal_verbs"]))
    q.nominal = set(nominal)
    q.content_nouns = set(_forms(d["content_nouns"]))
    # with ال, a ب before it or a pronoun after it (البدء، بمقتل، حرصه)
    q.content_forms = {p + w + s for w in q.content_nouns for p in ("", "ال", "ب", "بال") for s in ("", "ه", "ها", "هم")}
    for v in d["verbs"]:
        forms = v["forms"] if isinstance(v, dict) else v
        extra = frozenset(_forms(v.get("comp", []))) if isinstance(v, dict) else frozenset()
        if normalize_word(forms[0]) in nominal:
            q.nominal.update(_forms(forms))
        for f in forms:
            q.verbs[normalize_word(f)] = extra
            if f.endswith("ى"):
                q.maqsura.add(normalize_word(f))
    q.participles = set(_forms(d["participles"]))
    q.comps = set(_forms(d["complementizers"]))
    for a in d["according"]:
        q.according[tuple(normalize_word(a).split())] = a
    q.documents = set(_forms(d["documents"]))
    for name, variants in d["channels"].items():
        for v in variants:
            q.channels[tuple(normalize_word(v).split())] = name
    q.unnamed = set(_forms(d["unnamed_sources"]))
    q.channel_first = {k[0] for k in q.channels}
    q.term_words = set(_forms(d["term_words"]))
    q.media = set(_forms(d["media"]))
    q.relay_verbs = set(_forms(d["relay_verbs"]))
    q.according1 = {k[0] for k in q.according if len(k) == 1} - {normalize_word("حسبما")}
    q.according_ma = {k[0] for k in q.according if len(k) == 1} - q.according1  # حسبما: a verb follows
    q.document_verbs = set(_forms(d["document_verbs"]))
    q.impersonal = set(_forms(d["impersonal"]))
    q.not_subjects = set(_forms(d["not_subjects"]))
    q.role_preps = set(_forms(d["role_preps"]))
    q.occasion = set(_forms(d["occasion_nouns"]))
    q.subject_stops = set(_forms(d["subject_stops"]))
    q.quantifiers = set(_forms(d["quantifiers"]))
    q.kana = set(_forms(d["kana"]))
    q.groups = set(_forms(d["group_sources"]))
    q.person_nouns = set(_forms(d["person_nouns"]))
    q.ambiguous = set(_forms(d["ambiguous_verbs"]))
    q.speech_nouns = set(_forms(d["speech_nouns"]))
    q.report_nouns = set(_forms(d["report_nouns"]))
    q.outlets = {normalize_word(w.split()[0]) for w in d["news_outlets"]}
    q.verbs_with_object = {v + suffix for v in q.verbs if len(v) >= 3 for suffix in ("ه", "ها")}
    return q


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


class _QuoteReader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.q = quote_lexicon()
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

    def _past_abbreviation(self, a: int, b: int) -> int:
        """The subject's first token after a title's abbreviation in [a, b) (قالت وكيلة الوزارة د. | هيا
        العواد): the name after it speaks; a when there is none."""
        p = next((x for x in range(a + 1, b) if x in self.abbr_points), None)
        return p + 1 if p is not None and p + 1 < b else a

    def _abbreviated_titled(self, sp: Speaker, s0: int, a: int) -> Speaker:
        """The speaker read after a title's abbreviation at a - 2 (subject from s0): a person, the words
        before the abbreviation its role, the whole name from the abbreviation on."""
        toks = self.toks
        role = self.text[toks[s0].start:toks[a - 3].end] if a - 2 > s0 else None
        start = toks[a].start
        between = self.text[start:sp.start]
        if sp.start > start and between.replace(" ", "").isalpha() and between.count(" ") <= 2:
            text = self.text[start:sp.end]  # د. سارة | المالكي: the given name the tagger left out
            return replace(sp, start=start, text=text, name=text, kind="person", role=role)
        return replace(sp, kind="person", role=sp.role or role)

    def tok_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.toks[i].start <= offset < self.toks[i].end:
            return i
        return None

    def newline_between(self, i: int, j: int) -> bool:
        return "\n" in self.text[self.toks[i].end:self.toks[j].start]

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
                depth -= 1
                if depth <= 0:
                    close_at = c
                    break
                pos = c + 1
            if ch == '"':  # "... » : a straight mark closed by a guillemet (the next " opens another quote)
                g = text.find("»", o + 1, close_at if close_at >= 0 else pe)
                if g >= 0 and "«" not in text[o + 1:g]:
                    close_at = g
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

    def tok_before(self, offset: int) -> int | None:
        """The last token that ends at or before ``offset``."""
        i = bisect.bisect_left(self.starts, offset) - 1
        return i if i >= 0 else None

    # --- speakers ---------------------------------------------------------------------------
    def speaker_from(self, a: int, b: int, np: bool = True, lam: bool = False) -> tuple[Speaker | None, str | None]:
        """The speaker named by tokens [a, b) after a speech verb, and the channel if any (``lam``: the first
        word may be written onto ل, as after وفقا: لتقرير المؤسسة)."""
        toks = self.toks
        channel = self._channel_in(a, b)
        a = self._past_time_words(a, b)
        if a + 2 < b and (toks[a].norm, toks[a + 1].norm) in self.q.according:
            return self.speaker_from(a + 2, b, np)  # وقال نقلا عن دائرة الصحة: the source quoted speaks
        a = self._past_spoken_to(a, b)
        if a >= b or (toks[a].norm in _CUT_WORDS and not self._ali(a)) or toks[a].norm in _HONORIFIC_HE:
            return None, channel  # وشدد معاليه: the person named before speaks
        q = self.q
        # the plain subject: up to a cut word, punctuation or a word that ends it (إثر، خلال)
        end = a
        while end < b and not (end > a and ((toks[end].norm in _CUT_WORDS and not self._ali(end)) or
                                            toks[end].kind == "punct" or toks[end].norm in q.subject_stops or
                                            toks[end].norm in _SUBJECT_TAIL or self._addressee(end))):
            end += 1
        first = toks[a].norm
        core = first[2:] if first.startswith("ال") else first
        if lam and first[:1] == "ل" and a not in self.ents_at:
            alt = "ا" + first[1:] if first[:2] == "لل" else first[1:]
            alt_core = alt[2:] if alt.startswith("ال") else alt
            if alt_core in q.documents or alt_core in q.unnamed or alt_core in q.media:
                first, core = alt, alt_core  # طبقا لتقرير المؤسسة، وفقا لمصادر
        if core.endswith("ا") and core[:-1] in q.unnamed:
            core = core[:-1]  # مصدرا
        unnamed = core in q.unnamed or first in q.unnamed
        titled = self.r.title_at(a) is not None
        # a long role goes on over في/على/عن/لدى/من to the name (المشرف العام على المهرجان فلان)
        reach = self._role_reach(end, b, titled)
        if unnamed and a not in self.ents_at and not self._named_source(a, reach, core):
            return self._unnamed_source(a, end, b, first, core, reach), channel
        # القيادي في المقاومة عادل أبو بكر / وزير الخارجية، جون كيري / المطور العقاري المهندس فلان
        if a in self.ents_at or not (titled or core in q.person_nouns):
            stop_at = reach if titled else min(end, a + 2)
        else:
            stop_at = reach
        if core in q.documents and a not in self.ents_at and not (core in q.media and end < b and
                                                                  toks[end].text in _OPENERS):
            return self._document(a, end, first.startswith("ال"), b), channel  # بيان وزارة الداخلية
        if a not in self.ents_at:
            if self._country_at is None:
                self._countries()
            place = self._country_at.get(toks[a].start)
            if place is not None:  # قالت الولايات المتحدة، أبلغت تركيا الأمم المتحدة: a state speaks
                return Speaker(place.start, place.end, place.text, name=place.name, kind="organisation"), channel
        named, best, best_k = self._best_entity(a, end, stop_at, core, titled)
        if named is not None:
            return named, channel
        if (best is None or not best.label.startswith("PERS")) and stop_at > a + 1 and \
                (titled or core in q.person_nouns):
            sp = self._given_name_in(a, stop_at)
            if sp is not None:  # نائب رئيس الهيئة لشؤون السلامة سامر القاضي: a name the entities missed
                return sp, channel
            if best is not None and best_k > a and titled:
                best = None  # مدير مركز الرصد: the director speaks, not the body of his title
        if best is not None:
            return self._entity_subject(a, b, best, best_k), channel
        return self._unnamed_subject(a, end, b, first, core, titled, np), channel

    def _channel_in(self, a: int, b: int) -> str | None:
        """The channel (a news agency, a paper, a broadcaster) named among tokens (a, b), if any."""
        toks = self.toks
        channel = None
        first_words = self.q.channel_first
        for k in range(a + 1, b):
            nm = toks[k].norm
            if nm not in first_words and nm[1:] not in first_words:
                continue
            for key, name in self.q.channels.items():
                m = len(key)
                if k + m <= b and all(toks[k + x].norm == key[x] or
                                      (x == 0 and toks[k].norm[1:] == key[0] and toks[k].norm[0] in "بلو")
                                      for x in range(m)):
                    channel = name
                    break
            if channel:
                break
        return channel

    def _past_time_words(self, a: int, b: int) -> int:
        """Where the subject starts after the punctuation, time words and verb pronoun leading tokens [a, b)."""
        toks = self.toks
        tw = self.r.lx.time_words
        while a < b and (toks[a].kind == "punct" or toks[a].norm in _LEADING or toks[a].norm in _TIME_LEAD or
                         toks[a].norm in tw):
            a += 1  # أعلنت أمس الشرطة: the time before the subject
        if a + 1 < b and self._verb_with_object(toks[a].norm):
            a += 1  # بحسب ما قاله الوزير، وفقا لما ذكرته الوكالة: the verb with its pronoun, then the subject
        return a

    def _past_spoken_to(self, a: int, b: int) -> int:
        """Where the subject starts after the paper or the one spoken to named first at token a."""
        toks = self.toks
        if a + 2 < b and toks[a].norm == "ل" and toks[a + 1].text in _OPENERS:
            close = next((x for x in range(a + 2, min(b, a + 7)) if toks[x].text in ("»", "”", '"')), None)
            if close is not None:  # أكد لـ«الشرق الأوسط» العميد فلان: the paper spoken to comes first
                a = close + 1
                while a < b and toks[a].kind == "punct":
                    a += 1
        elif a < b and self._addressee(a):
            a = self._addressee_end(a)  # قال لرويترز المتحدث، ذكرت لوكالة الأنباء الفرنسية أن
        return a

    def _unnamed_source(self, a: int, end: int, b: int, first: str, core: str, reach: int) -> Speaker:
        """The speaker of an unnamed source at token a (مصدر أمني، أحد مسؤولي السفارة الليبية), maybe of a
        named body, maybe named after all or described in full before."""
        toks = self.toks
        q = self.q
        role = None
        for k in range(a + 1, end):
            e = self.ents_at.get(k)
            if e is not None:
                role = e.canonical or e.text
                break
        if core not in q.groups and a + 1 < reach and not any(
                toks[x].norm in ("من", "عن") or toks[x].norm.startswith("مقرب") for x in range(a, reach)):
            # مسؤول تركي | كبير: right after an indefinite source, a given name is its adjective
            sp = self._given_name_in(a, reach, skip_first=not first.startswith("ال"))
            if sp is not None and not self._body_genitive(a, self.tok_at(sp.start)):
                # أحد كبار مشايخ مأرب علي غريب: the source is named after all
                return sp
        e2 = self._source_words_end(a, end, b, core)
        # مصدر في وزارة الخارجية: the body a source speaks for stays; شهود عيان | في المنطقة: where
        # witnesses or residents are is not who they are
        e3 = e2 if core in q.quantifiers else self._affiliation(e2, b)
        if core in _PLACE_PEOPLE and not any((x := self.ents_at.get(j)) is not None and x.label.startswith("ORG")
                                             for j in range(e2, e3)):
            e3 = e2  # (شاهد من رويترز: the body stays)
        if role is None and e3 > e2:
            role = next((x.canonical or x.text for x in map(self.ents_at.get, range(e2, e3)) if x is not None),
                        None)  # the body it speaks for
        e2 = e3
        stext = self.text[toks[a].start:toks[e2 - 1].end]
        if first.startswith("ال") and e2 == a + 1:
            earlier = self._unnamed_before(core, toks[a].start)
            if earlier is not None:  # وأضاف المصدر: the source described in full before
                return Speaker(toks[a].start, toks[a].end, stext, name=earlier.name, role=earlier.role,
                               kind="person")
        if first.startswith("ال") and core not in q.groups:
            named = self._speaker_by_role(stext)
            if named is not None:  # وذكر المتحدث باسم الحكومة: the spokesman named before
                return Speaker(toks[a].start, toks[e2 - 1].end, stext, name=named.name, role=named.role,
                               kind="person")
        return Speaker(toks[a].start, toks[e2 - 1].end, stext, name=stext, role=role, kind="person")

    def _source_words_end(self, a: int, end: int, b: int, core: str) -> int:
        """The token after an unnamed source's own words: its quantity (عدد من السكان) and adjectives."""
        toks = self.toks
        e2 = a + 1
        if core in self.q.quantifiers and e2 < b and toks[e2].norm == "من":
            e2 += 1  # عدد من السكان
            end = self._np_after(e2, b)
        adj = False
        while e2 < end and (toks[e2].norm not in self.r.lx.stop or toks[e2].norm in _SOURCE_ADJ or
                            toks[e2].norm.endswith(("ي", "يه", "يون", "يين", "ه"))):
            if toks[e2].norm in _NOT_GIVEN and e2 + 1 < end:
                e2 = self._bism_end(e2 + 1, end)  # المتحدث باسم الجيش العراقي | الأطباء ...
                break
            w2 = toks[e2].norm
            is_adj = self.r.is_adj(w2) or w2 in _SOURCE_ADJ or w2.endswith(("ي", "يون", "يين")) or (w2.endswith("يه") and len(w2) > 4)
            if adj and not is_adj and not w2.startswith("ال") and w2[:1] not in "بل":
                break  # محللون سياسيون أردنيون | تصرفات ...: a new noun after the adjectives
            adj = adj or is_adj
            e2 += 1
        return e2

    def _best_entity(self, a: int, end: int, stop_at: int, core: str,
                     titled: bool) -> tuple[Speaker | None, Entity | None, int]:
        """The entity among tokens [a, stop_at) that is the subject (the first person, else the first
        entity) and its token; or a speaker named after a role read as a name (then no entity)."""
        toks = self.toks
        q = self.q
        best: Entity | None = None
        best_k = a
        for k in range(a, stop_at):
            e = self.ents_at.get(k)
            if e is not None and k > a and (self._addressee(k) or toks[k].norm in q.subject_stops):
                continue  # قال القائد لرويترز: the one spoken to; اللاعب البالغ: not a name
            if e is None or (k >= end and not e.label.startswith("PERS")) or \
                    (k > a and not titled and not e.label.startswith("PERS") and k >= a + 2):
                continue
            if e.label.startswith("PERS"):
                if k > a and not self._name_start(k) and any(
                        (x := self.ents_at.get(j)) is not None and x.label.startswith("PERS")
                        for j in range(k + 1, stop_at)):
                    continue  # لشؤون مكافحة: a role word read as a name, the name comes later
                if k > a and any(toks[j].norm[:1] in "بلك" and toks[j].norm[1:3] == "ال" or
                                 toks[j].norm in q.subject_stops for j in range(a, k)) and not titled and \
                        not (core in q.person_nouns and self.r.title_at(k - 1) is not None):
                    continue  # بقيادة خليفة حفتر: a name inside a phrase, not the subject (but: عميد شؤون
                    # الطلاب بالجامعة الدكتور فلان)
                if self.r.title_at(k) is not None or toks[k].start in self._place_starts():
                    # مساعد الأمين ... الدكتور فلان، رئيس بلدية محايل حمد آل درهم: a role or a place read
                    # as the start of a name; the name is the one after it
                    if any((x := self.ents_at.get(j)) is not None and x.label.startswith("PERS")
                           for j in range(k + 1, stop_at)):
                        continue
                    sp = self._given_name_in(k, stop_at)
                    if sp is not None:
                        sp.role = self._role_text(a, self.tok_at(sp.start))
                        return sp, None, a
                best, best_k = e, k
                break
            if best is None:
                best, best_k = e, k
        return None, best, best_k

    def _entity_subject(self, a: int, b: int, best: Entity, best_k: int) -> Speaker:
        """The speaker for the subject entity ``best`` at token best_k of a subject starting at a, with its
        whole role; or two bodies speaking together, or a body's head word and name."""
        toks = self.toks
        if best_k > a and not best.label.startswith("PERS") and toks[best_k].norm[:1] == "و" and \
                not self._ali(a) and toks[a].norm.startswith("ال"):
            # الوزارة وهيئة الأركان: two bodies speak together
            stext = self.text[toks[a].start:best.end]
            return Speaker(toks[a].start, best.end, stext, name=stext, kind="organisation")
        if best_k == a + 1 and not best.label.startswith("PERS") and self.r.head_at(a) is not None and \
                best.start == toks[best_k].start:
            stext = self.text[toks[a].start:best.end]  # شركة الأهلي: the head and the name of the body
            return Speaker(toks[a].start, best.end, stext, name=best.canonical and stext or stext,
                           kind="organisation")
        sp = self._entity_speaker(best)
        if best_k > a and best.label.startswith("PERS"):
            prefix = self._role_text(a, best_k)
            if prefix and (sp.role is None or len(prefix) > len(sp.role)):
                sp.role = prefix  # the whole role before the name
        if best.label.startswith("PERS"):
            after = self._role_after(sp.end, b)  # فلان، الأمين العام للحزب: the whole role after the name
            if after and (sp.role is None or after.startswith(sp.role) and len(after) > len(sp.role)):
                sp.role = after
        return sp

    def _unnamed_subject(self, a: int, end: int, b: int, first: str, core: str, titled: bool,
                         np: bool) -> Speaker | None:
        """The speaker of a subject with no entity in it: a body named in quotes, a document, a role (maybe
        given to someone named before), a body's head word, else a plain noun phrase (``np``)."""
        toks = self.toks
        q = self.q
        if (core in q.media or self.r.head_at(a) is not None) and end < b and toks[end].text in _OPENERS:
            close = end + 1
            while close < b and toks[close].text not in ("»", "”", '"'):
                close += 1
            if close < b:  # موقع «مراسل سوري»، شركة «إيني» الإيطالية: a body named in quotes
                last = close
                while last + 1 < b and toks[last + 1].kind == "word" and _definite(toks[last + 1].norm) and \
                        toks[last + 1].norm.endswith(("ي", "يه")):
                    last += 1
                stext = self.text[toks[a].start:toks[last].end]
                return Speaker(toks[a].start, toks[last].end, stext, name=stext, kind="organisation")
        if core in q.documents:
            return self._document(a, end, first.startswith("ال"))
        if titled:
            return self._role_subject(a, self._role_end(a, end))
        if self.r.head_at(a) is not None:
            e = a + 1  # المنظمة | ما حدث ...: the head and its words, not the object after it
            while e < end and toks[e].norm not in _OBJECT_START and toks[e].norm not in q.not_subjects and \
                    not self._and_source(e):
                e += 1
            stext = self.text[toks[a].start:toks[e - 1].end]
            if e == a + 1 and _definite(first):
                org = self._org_by_head(a)
                if org is not None:  # وقال الحزب: the party named before (حزب الله)
                    return Speaker(toks[a].start, toks[a].end, stext, name=org.canonical or org.text,
                                   kind="organisation")
            return Speaker(toks[a].start, toks[e - 1].end, stext, name=stext, kind="organisation")
        return self._noun_phrase(a, end, b) if np else None

    def _role_end(self, a: int, end: int) -> int:
        """Where a titled subject's role starting at token a ends (before ``end``): on a bare word after an
        article-bearing word, or on its country."""
        toks = self.toks
        # مفتي السعودية | نداء: a bare word after the article-bearing role starts the object
        if self._country_at is None:
            self._countries()
        for x in range(a + 1, end):
            if _definite(toks[x - 1].norm) and toks[x].kind == "word" and not toks[x].norm.startswith("ال") and \
                    toks[x].norm[:1] not in "وبل" and self.r.title_at(x) is None and toks[x].norm not in _NOT_GIVEN:
                return x
            if x > a + 1 and toks[x - 1].start in self._country_at and _definite(toks[x].norm) and \
                    not toks[x].norm.endswith(("ي", "يه")) and self.r.title_at(x) is None:
                return x  # وزيرة داخلية بريطانيا | الأزمة: a role ends on its country
        return end

    def _role_subject(self, a: int, end: int) -> Speaker:
        """The speaker of the role in tokens [a, end): the person given that role before, else the role."""
        toks = self.toks
        stext = self.text[toks[a].start:toks[end - 1].end]
        sp = self._speaker_by_role(stext)
        if sp is not None:  # وقال مدير المرصد، وقال اللاعب: the named speaker given that role earlier
            return Speaker(toks[a].start, toks[end - 1].end, stext, name=sp.name, role=sp.role,
                           kind="person")
        person = self._by_role(stext)
        if person is not None:
            sp = self._entity_speaker(person)
            sp.start, sp.end, sp.text = toks[a].start, toks[end - 1].end, stext
            return sp
        return Speaker(toks[a].start, toks[end - 1].end, stext, name=None, role=stext, kind="person")

    def _and_source(self, k: int) -> bool:
        """Does token k join an unnamed source to a body (المرصد | وشهود، الجيش | ومصادر محلية)? The body
        named first is kept as the speaker: the two are not one name."""
        nm = self.toks[k].norm
        if nm[:1] != "و" or k in self.ents_at:
            return False
        core = nm[3:] if nm[1:3] == "ال" else nm[1:]
        return core in self.q.unnamed

    def _noun_phrase(self, a: int, end: int, b: int | None = None) -> Speaker | None:
        """The subject as a plain noun phrase (الأنباء الواردة، البعض، النظام السوري), or None."""
        toks = self.toks
        first = toks[a].norm
        stop = self.r.lx.stop
        if first in stop and not first.startswith("ال") or first in self.q.not_subjects or toks[a].kind != "word":
            return None  # ذلك، هذا، ضرورة، مجددا ...: no subject named here
        if first[:1] in "بلك" and first[1:3] == "ال" or _adverbial(toks[a].text) or first.isdigit():
            return None
        if first[:1] in "وف" and (first[1:] in self.q.verbs or first[1:] in self.q.participles):
            return None
        if first[:1] == "ب" and first not in self.r.lx.given and first not in self.r.lx.known_names and \
                not first.startswith("بعض") and self._full_name(toks[a].text) is None or \
                first[:1] == "ل" and (first[1:] in stop or first[1:] in self.q.not_subjects or
                                      first[1:] in self.q.unnamed):
            return None  # بسرعة، لأي، لخبراء: a preposition, not a subject (لينا is a name)
        if not first.startswith("ال") and first not in self.q.person_nouns:  # والد | الشهيد: a role, no name
            for k in range(a + 1, min(end, a + 4)):
                nk = toks[k].norm
                if (nk[2:] if nk.startswith("ال") else nk) in self.q.person_nouns or self.r.title_at(k) is not None:
                    if all(toks[x].kind == "word" and not _definite(toks[x].norm) and
                           toks[x].norm not in stop for x in range(a, k)):
                        # متى حداد عضو مجلس المحافظة: a name the entities missed, then its role
                        stext = self.text[toks[a].start:toks[k - 1].end]
                        role = self.text[toks[k].start:toks[end - 1].end]
                        return Speaker(toks[a].start, toks[k - 1].end, stext, name=stext, role=role, kind="person")
                    break
        construct = not first.startswith("ال") and a + 1 < end and _definite(toks[a + 1].norm) and \
            b is not None and b - end <= 2
        if not first.startswith("ال") and not construct and (end - a > 2 or any(
                toks[k].norm[:1] in "بلك" and toks[k].norm[1:3] == "ال" or _adverbial(toks[k].text)
                for k in range(a, end))):
            return None  # a longer indefinite stretch is rarely the subject (يعتبر خطوة كبيرة نحو ...)
        # وسائل الإعلام التركية إلى أن: a construct right before the content is the subject
        e = a + 1
        seen_al = first.startswith("ال")
        while e < end and e - a < 5:
            t = toks[e]
            nm = t.norm
            if t.kind != "word" or _adverbial(t.text) or nm in self.q.not_subjects or \
                    nm in stop and not nm.startswith("ال") or \
                    (seen_al and not _definite(nm) and not (nm[:1] == "ل" and _definite(toks[e - 1].norm))) or \
                    nm[:1] in "بلك" and nm[1:3] == "ال" or self.verb_at(e) is not None:
                break  # الأزهر | رفضه: a bare word after the article starts the object
            seen_al = seen_al or _definite(nm)
            e += 1
        stext = self.text[toks[a].start:toks[e - 1].end]
        if first.startswith("ال") and e - a <= 2:
            person = self._by_role(stext)  # الباحث: the person given that role earlier
            if person is not None:
                sp = self._entity_speaker(person)
                sp.start, sp.end, sp.text = toks[a].start, toks[e - 1].end, stext
                return sp
        full = self._full_name(stext)
        if full is not None:  # آل الشيخ after عبد العزيز آل الشيخ: a short mention the entities missed
            return Speaker(toks[a].start, toks[e - 1].end, stext, name=full[0], role=full[1], kind="person")
        core = first[2:] if first.startswith("ال") else first
        kind = "document" if core in self.q.documents else "unknown"
        if first.startswith("ال") or e - a > 1:
            self.generic.add((toks[a].start, toks[e - 1].end))
        return Speaker(toks[a].start, toks[e - 1].end, stext, name=stext, kind=kind)

    def _np_after(self, k: int, b: int) -> int:
        """The end (exclusive) of the noun phrase that starts at k (المزارعين | والمهتمين، بإنشاء ...)."""
        toks = self.toks
        e = k
        while e < b and e - k < 6 and toks[e].kind == "word" and toks[e].norm not in _CUT_WORDS and \
                (e == k or toks[e].norm[:1] not in "وبل") and \
                toks[e].norm not in self.q.subject_stops and not _adverbial(toks[e].text) and \
                self.verb_at(e) is None and toks[e].norm not in self.q.comps:
            e += 1
        return max(e, k + 1)

    def _addressee(self, k: int) -> bool:
        """A name written onto ل/ب (لرويترز), or a noun with a pronoun on ل (لوالديها): the one spoken to,
        which ends the subject."""
        e = self.ents_at.get(k)
        nm = self.toks[k].norm
        if e is None:
            return nm[:1] == "ل" and len(nm) > 4 and nm.endswith(_ADDRESSEE_ENDS) and nm not in self.r.lx.given
        return e.start > self.toks[k].start and nm[:1] == "ل" and \
            not e.label.startswith("PERS") and (nm[1:] in self.q.outlets or nm[1:] in self.q.media or
                                                 nm[2:] in self.q.outlets)

    def _addressee_end(self, k: int) -> int:
        """The token after the addressee that starts at token k (the whole لوكالة الأنباء الفرنسية)."""
        e = self.ents_at.get(k)
        if e is None:
            return k + 1
        j = self.tok_at(e.end - 1)
        return j + 1 if j is not None and j >= k else k + 1

    def _without_content_noun(self, e: Entity) -> Entity:
        """A name read on over the verbal noun that opens what its bearer says (أكد المتحدث علي سعيد |
        استكمال ...): the name ends before it."""
        last = self.tok_at(e.end - 1)
        if last is None or self.toks[last].start <= e.start:
            return e
        nm = self.toks[last].norm
        if nm not in self.q.speech_nouns and (nm not in self.q.content_forms or e.text.count(" ") < 2):
            return e  # (عبد الكريم | للقول; a surname of two words may be such a noun: أيمن عودة)
        end = self.toks[last - 1].end
        return replace(e, end=end, text=self.text[e.start:end], canonical=None)

    def _rule_span(self, e: Entity) -> Entity:
        """A tagger entity that the rules read on further from the same start (الشبكة السورية | لحقوق
        الإنسان), as the rules read it."""
        rt = e.info.get("rules") if e.label in _LONGER_BY_RULES else None
        if not rt:
            return e
        if len(rt) < len(e.text) and e.text.startswith(rt) and all(
                normalize_word(w) in self.r.lx.time_words or normalize_word(w) in _CUT_WORDS
                for w in e.text[len(rt):].split()):  # حزب العمال الكردستاني | أمس: a time word is no name
            return replace(e, end=e.start + len(rt), text=rt, canonical=None)
        if len(rt) <= len(e.text):
            return e
        if not self.text.startswith(rt, e.start):
            return e  # only a longer end: a start moved onto a clitic (لوكالة رويترز) is an outlet spoken to
        end = e.start + len(rt)
        if e.label == "PERS":
            end = self._name_goes_on(e.end, end, e.role is not None and " " not in e.text)
            if end <= e.end:
                return e
            rt = self.text[e.start:end]
        return replace(e, end=end, text=rt, canonical=None)

    def _name_goes_on(self, a: int, b: int, titled_first: bool = False) -> int:
        """How far a person's name cut at offset ``a`` goes on in the rules' reading up to ``b``: over given
        names and the words after بن/آل/أبو, and one surname of a family (العمري); not over المعروفة، خاضت.
        ``titled_first``: a titled given name alone (النائب صالح | قلمة) takes one plain word as its surname."""
        given, toks = self.r.lx.given, self.toks
        end, after_link = a, False
        for n, m in enumerate(re.finditer(r"\S+", self.text[a:b])):
            w = normalize_word(m.group())
            k = self.tok_at(a + m.start())
            if n == 0 and titled_first and k is not None and toks[k].start == a + m.start() and \
                    not w.startswith("ال") and w[:1] not in "بلو" and w[-1:] != "ت" and w not in self.r.lx.stop and \
                    w not in _CUT_WORDS and self.verb_at(k) is None and w not in self.q.not_subjects:
                end = a + m.end()  # النائب صالح | قلمة (not هادي | خاضت: a verb)
                continue
            if w in _NAME_LINKS or after_link or (w in given and w not in _NOT_GIVEN):
                after_link = w in _NAME_LINKS
                end = a + m.end()
                continue
            if w.startswith("ال") and w.endswith("ي") and len(w) > 4 and w not in self.r.lx.stop:
                end = a + m.end()  # محمد علي العمري: the family name closes the name
            break
        return end

    def _place_starts(self) -> set[int]:
        """The offsets where a place name starts (computed once)."""
        if self._place_at is None:
            self._place_at = {p.start for p in self.doc.places}
        return self._place_at

    def _countries(self) -> None:
        self._country_at = {p.start: p for p in self.doc.places if p.kind == "country" and p.via == "name"}

    def _given_name_in(self, a: int, stop: int, skip_first: bool = False) -> Speaker | None:
        """A person named by a given name (and up to three more words) at the end of a role [a, stop);
        ``skip_first``: the word right after the role is not taken as a name."""
        toks, given = self.toks, self.r.lx.given
        for k in range(a + 1 + skip_first, stop):
            nm = toks[k].norm
            if nm not in given or nm in _NOT_GIVEN or toks[k - 1].kind != "word" or \
                    (nm in _CUT_WORDS and not self._ali(k)):
                continue  # على (on) is not علي
            last = k  # إسماعيل الداراني | من «...»: the name runs to the end, or to a cut word or mark
            while last + 1 < stop and toks[last + 1].kind == "word" and toks[last + 1].norm not in _CUT_WORDS:
                last += 1
            if 1 <= last - k <= 3:
                s, e = toks[k].start, toks[last].end
                name = self.text[s:e]
                return Speaker(s, e, name, name=name, role=self._role_text(a, k), kind="person")
        # المدعي العام ديردي ديلي: two or three bare words after the article-bearing role
        k = stop
        while k > a + 1 and stop - k < 3 and toks[k - 1].kind == "word" and not toks[k - 1].norm.startswith("ال") \
                and toks[k - 1].norm[:1] not in "لبو" and toks[k - 1].norm not in self.r.lx.stop and \
                toks[k - 1].norm not in _CUT_WORDS and not _adverbial(toks[k - 1].text) and \
                toks[k - 1].norm not in self.q.not_subjects and self.verb_at(k - 1) is None:
            k -= 1
        if stop - k == 1 and k - 1 > a + 1 and _definite(toks[k - 2].norm) and self._name_on_clitic(k - 1):
            k -= 1  # وزير النفط الإيراني بيجن زنغنه: a name whose first letter is also a preposition
        if stop - k >= 2 and _definite(toks[k - 1].norm) and toks[k].norm not in _NAME_LINKS:
            s, e = toks[k].start, toks[stop - 1].end
            name = self.text[s:e]
            return Speaker(s, e, name, name=name, role=self._role_text(a, k), kind="person")
        return None

    def _name_on_clitic(self, k: int) -> bool:
        """Can token k, which starts with ب/ل/و, be a foreign first name (بيجن) rather than a word on a
        clitic (بدوره، بهذا، لها)?"""
        nm, lx = self.toks[k].norm, self.r.lx
        return self.toks[k].kind == "word" and len(nm) >= 4 and nm[1:3] != "ال" and nm not in lx.stop and \
            nm[1:] not in lx.stop and nm not in _CUT_WORDS and nm not in _LEADING and \
            not nm.endswith(("ه", "ها", "هم")) and not _adverbial(self.toks[k].text) and \
            nm not in self.q.not_subjects and self.verb_at(k) is None

    def _role_reach(self, end: int, b: int, titled: bool) -> int:
        """How far a long role may run after the plain subject ends at ``end``."""
        toks, q = self.toks, self.q
        k = end
        limit = min(b, end + 12)
        while k < limit:
            t = toks[k]
            nm = t.norm
            if t.kind == "punct":
                if titled and t.text in ("،", ",") and k + 1 < limit and toks[k + 1].kind == "word" and \
                        toks[k + 1].norm not in _CUT_WORDS:
                    k += 1  # وزير الخارجية، جون كيري
                    continue
                if t.text in ('"', "«", "»", "“", "”"):
                    k += 1  # رئيس تحرير "سبق" فلان
                    continue
                break
            if nm in q.subject_stops or nm in self.r.lx.time_words or nm in _SUBJECT_TAIL:
                break
            if nm in _CUT_WORDS and not self._ali(k):
                nxt = toks[k + 1].norm if k + 1 < limit else ""
                ncore = nxt[2:] if nxt.startswith("ال") else nxt
                if nm in q.role_preps and nxt and ncore not in q.occasion and nxt not in _CUT_WORDS and \
                        nxt not in self.r.lx.time_words and nxt not in _LEADING:
                    k += 1
                    continue
                break
            k += 1
        return k

    def _named_source(self, a: int, reach: int, core: str) -> bool:
        """Is the unnamed-source noun at ``a`` followed by the name of that source (مسؤول في الوزارة فلان)?"""
        if core in self.q.groups:
            return False  # مصادر ... فلان: a group is not named by one person
        for k in range(a, reach):
            e = self.ents_at.get(k)
            if e is not None and e.label.startswith("PERS"):
                return not self._body_genitive(a, k) and not any(
                    self.toks[j].norm in ("من", "عن") or self.toks[j].norm.startswith("مقرب") for j in range(a, k))
        return False

    def _body_genitive(self, a: int, k: int) -> bool:
        """Is the name at token k, after the source at a, the name of its body's head (مسؤول في حكومة رئيس
        الوزراء فلان: a title right after an indefinite head), not the source's own?"""
        toks, r = self.toks, self.r
        e = self.ents_at.get(k)
        if e is not None and any(normalize_word(w).startswith(("لل", "بال")) for w in e.text.split()):
            return False  # سلمان للإغاثة رأفت الصباغ: a body's name read into the person's
        for j in range(a + 2, k + 1):
            t = r.title_at(j)
            head = toks[j - 1].norm
            if t is not None and not _definite(head) and not (head[:1] in "بلك" and _definite(head[1:])) and \
                    r.head_at(j - 1) is not None:
                # ... بمكتب وزير الدفاع العميد أحمد: a title of his own after it names the source again
                return all(_definite(toks[x].norm) and r.title_at(x) is None for x in range(j + t[1], k))
        return False

    def _name_start(self, k: int) -> bool:
        """Does the name at token k start with a word that may open a name (not لشؤون، بقيادة)?"""
        nm = self.toks[k].norm
        lx = self.r.lx
        return nm not in _NOT_GIVEN and not (nm[:1] in "لب" and nm not in lx.given and nm not in lx.known_names)

    def _semicolon_comma(self, k: int, v: int, limit: int, extra: frozenset[str]) -> bool:
        """A semicolon written as a comma inside the subject (قال فلان؛ المتحدث باسم الشركة؛ إن ...)."""
        if k - v > 12 or k + 1 >= limit:
            return False
        nx = self.toks[k + 1].norm
        end = self.toks[k - 1].end
        return nx in self.q.comps or nx in extra or (_definite(nx) and self.r.title_at(k + 1) is not None) or \
            any(e.end == end for e in self.ents_at.values())

    def _past_addressee(self, k: int, limit: int) -> int:
        """The token after the paper spoken to at k (لـ«الشرق الأوسط»، لرويترز), else k."""
        toks = self.toks
        if k + 2 < limit and toks[k].norm == "ل" and toks[k + 1].text in _OPENERS:
            close = next((x for x in range(k + 2, min(limit, k + 6)) if toks[x].text in ("»", "”", '"')), None)
            return close + 1 if close is not None else k
        if k < limit and self._addressee(k):
            return min(limit, self._addressee_end(k))
        return k

    def _affiliation(self, e: int, b: int) -> int:
        """The end of an unnamed source's في/من phrase (مصدر | في الدفاع المدني), from token e."""
        toks, q = self.toks, self.q
        if e + 1 >= b or toks[e].norm not in _AFFIL_PREPS:
            return e
        x = e + 1
        tw = self.r.lx.time_words
        while x < b and x - e <= 7 and toks[x].kind == "word" and toks[x].norm not in q.comps and \
                toks[x].norm not in _CUT_WORDS and toks[x].norm not in q.subject_stops and \
                toks[x].norm not in q.occasion and toks[x].norm not in tw and not self._addressee(x) and \
                toks[x].norm not in q.not_subjects and self.verb_at(x) is None and \
                not (x > e + 1 and (toks[x].norm[:1] == "و" or self.r.title_at(x) is not None or
                                    x in self.ents_at and self.ents_at[x].label.startswith("PERS") or
                                    self._clause_after(x))):
            x += 1  # ... | وبيانات شحن: another source; ... | الكابتن فلان: a person named after it
        return x if x > e + 1 else e

    def _clause_after(self, x: int) -> bool:
        """Does a bare word at x, after a definite one, start a clause (مسؤول في الاتحاد الأوروبي | شارك في
        ...) rather than go on with the name of the body (a word on ل/ب: لشؤون اللاجئين; inside a name found)?"""
        nm, prev = self.toks[x].norm, self.toks[x - 1].norm
        if not _definite(prev) or _definite(nm) or nm[:1] in "لب" or nm.endswith("ي") or \
                self.toks[x].start in self._place_starts():
            return False  # العاصمة صنعاء، الواقعة شمالي سوريا
        return not any(e.start < self.toks[x].start < e.end for e in self.ents_at.values())

    def _person_ending(self, k: int) -> Speaker | None:
        """The person whose name ends at token k, as a speaker."""
        end = self.toks[k].end
        for j in range(k, max(-1, k - 4), -1):
            e = self.ents_at.get(j)
            if e is not None and e.end == end and e.label.startswith("PERS"):
                return self._entity_speaker(e)
        return None

    def _role_after(self, end: int, b: int) -> str | None:
        """A role written after the name (مايكل كاريك لاعب وسط الفريق الذي ...، فلان، الأمين العام للحزب)."""
        toks, q = self.toks, self.q
        k = self.tok_at(end - 1)
        if k is None:
            return None
        k += 1
        if k < b and toks[k].text in _COMMAS:
            k += 1
        if k >= b or toks[k].kind != "word":
            return None
        nm = toks[k].norm
        if not (self.r.title_at(k) is not None or (nm[2:] if nm.startswith("ال") else nm) in q.person_nouns):
            return None
        e = k + 1
        while e < b and toks[e].kind == "word" and toks[e].norm not in _RELATIVES and toks[e].norm not in q.comps \
                and toks[e].norm not in q.subject_stops and not (toks[e].norm in _CUT_WORDS and toks[e].norm not in
                                                                  q.role_preps) and self.verb_at(e) is None:
            e += 1
        return self.text[toks[k].start:toks[e - 1].end]

    def _role_text(self, a: int, k: int) -> str | None:
        """The role written before the name at token k (from token a), without trailing commas."""
        j = k - 1
        while j >= a and self.toks[j].kind == "punct":
            j -= 1
        if j < a:
            return None
        return self.text[self.toks[a].start:self.toks[j].end]

    def _entity_speaker(self, e: Entity) -> Speaker:
        kind = "person" if e.label.startswith("PERS") else "organisation"
        start, text = e.start, e.text
        i = self.tok_at(e.start)
        if i is not None and self.toks[i].start < e.start and (self.toks[i].norm in self.r.lx.given or (
                kind == "person" and e.start - self.toks[i].start == 1 and self.toks[i].norm[:1] == "ك")):
            start = self.toks[i].start  # وليد المعلم read as و + يد المعلم, كاريك as كـ + اريك: the whole word
            text = self.text[start:e.end]
        prev = self.toks[i - 1] if i is not None and i > 0 else None
        if kind == "person" and prev is not None and prev.end + 1 == start and not e.canonical and \
                prev.norm in self.r.lx.given and not (prev.norm == "علي" and prev.text.rstrip(_HARAKAT).endswith("ى")):
            start = prev.start  # علي داود، مسلم دوابشة: a given name the entities left out (علي, not على)
            text = self.text[start:e.end]
        end = e.end
        j = self.tok_at(e.end - 1)
        if kind == "person" and j is not None and j + 1 < self.n and self.toks[j].norm in _NAME_LINKS and \
                self.toks[j + 1].kind == "word":
            end = self.toks[j + 1].end  # عبد العزيز آل | الشيخ: a name does not end on آل
            text = self.text[start:end]
            name = e.canonical + " " + self.toks[j + 1].text if e.canonical else text
        else:
            name = e.canonical or text
        role = e.role or self.roles.get(name)
        if kind == "person":
            full = self._full_name(name)
            if full is not None:  # تونر after مارك تونر, داود اوغلو after أحمد داود أوغلو
                name, role = full[0], role or full[1] or self.roles.get(full[0])
        return Speaker(start, end, text, name=name, role=role, kind=kind)

    def _full_name(self, name: str) -> tuple[str, str | None] | None:
        """The one longer name of a person in the document that ends with ``name``, with its role."""
        memo = self._full_memo
        if name in memo:
            return memo[name]
        out = memo[name] = None
        words = name.split()
        if not words or len(words) > 2:
            return None
        short = tuple(normalize_word(w) for w in words)
        if len(short) == 1 and short[0] in self.r.lx.given:
            return None  # مي alone is a first name, not the end of a longer one
        if self._full is None:  # last word -> the long names that end with it (token norms, no re-normalising)
            self._full = {}
            norms, starts = self.norms, self.starts
            for i, e in self._pers:
                j = bisect.bisect_right(starts, e.end - 1) - 1
                if j <= i or norms[i].startswith("ال"):
                    continue
                nm = e.canonical or e.text
                self._full.setdefault(norms[j], []).append(
                    (tuple(norms[i:j + 1]), nm, e.role or self.roles.get(nm)))
        found = {}
        n = len(short)
        for key, nm, role in self._full.get(short[-1], ()):
            if len(key) > n and key[-n:] == short and " " in nm:
                found.setdefault(key[-n - 1:], (nm, role))
        if len(found) == 1:
            out = memo[name] = next(iter(found.values()))
        return out

    def _by_role(self, role_text: str) -> Entity | None:
        """The person given this role in the document (exactly, else the only one whose role starts so)."""
        if self._role_idx is None:  # the people with a role, normalised once per document
            self._role_idx = [(normalize_word(e.role), e) for e in self.doc.entities
                              if e.role and e.label.startswith("PERS")]
        if not self._role_idx:
            return None
        key = normalize_word(role_text)
        bare = key[2:] if key.startswith("ال") and " " not in key else None  # الوزير: وزير الخارجية فلان
        prefixed: dict[str, Entity] = {}
        by_bare: dict[str, Entity] = {}
        for r, e in self._role_idx:
            if r == key:
                return e
            if r.startswith(key + " "):
                prefixed.setdefault(e.canonical or e.text, e)
            elif bare is not None and self._bare_role(bare, r):
                by_bare.setdefault(e.canonical or e.text, e)
        if not prefixed:
            prefixed = by_bare
        return next(iter(prefixed.values())) if len(prefixed) == 1 else None

    @staticmethod
    def _bare_role(bare: str, role: str) -> bool:
        """Is ``role`` (normalised) a role that the bare word (وزير for الوزير) may stand for: the word itself
        or the word and its complement, but not a compound title (رئيس الوزراء is not الرئيس)?"""
        if role == bare:
            return True
        if not role.startswith(bare + " "):
            return False
        return role[len(bare) + 1:].split(" ", 1)[0] not in _NOT_BARE_ROLE

    def _speaker_by_role(self, role_text: str) -> Speaker | None:
        """The one named speaker so far whose role is ``role_text`` or starts with it (مدير المرصد)."""
        key = normalize_word(role_text)
        bare = key[2:] if key.startswith("ال") and " " not in key else None  # اللاعب: لاعب وسط الفريق
        found: dict[str, Speaker] = {}
        for sp in self.speakers:
            if sp.name and sp.role and sp.kind == "person":
                r = self._role_norm.get(sp.role)
                if r is None:
                    r = self._role_norm[sp.role] = normalize_word(sp.role)
                if r == key or r.startswith(key + " ") or bare is not None and self._bare_role(bare, r) \
                        or self._role_words_in(key, r):
                    found.setdefault(sp.name, sp)
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _role_words_in(key: str, role: str) -> bool:
        """The words of ``key`` in order inside ``role``, with the same head (المتحدث باسم الحكومة in
        المتحدث الرسمي باسم الحكومة الشرعية; not وزير الخارجية in نائب وزير الخارجية)."""
        kw, rw = key.split(), role.split()
        if len(kw) < 2 or kw[0] != rw[0]:
            return False
        x = 1
        for w in kw[1:]:  # الوزارة is also the وزارة of a longer name (باسم وزارة الصحة)
            while x < len(rw) and rw[x] != w and not (w.startswith("ال") and rw[x] == w[2:]):
                x += 1
            if x == len(rw):
                return False
            x += 1
        return True

    def _org_by_head(self, a: int) -> Entity | None:
        """The body last named before token ``a`` whose name opens with its head word (الحزب: حزب الله)."""
        if self._orgs is None:  # (first token, its norm, entity) of the bodies of two words or more
            self._orgs = [(k, self.norms[k], e) for k, e in sorted(self.ents_at.items())
                          if e.label.startswith("ORG") and e.start == self.toks[k].start and " " in e.text]
        core = self.norms[a][2:]
        for k, nm, e in reversed(self._orgs):
            if k < a and nm in (core, self.norms[a]):
                return e
        return None

    def _document(self, a: int, end: int, definite: bool, b: int | None = None) -> Speaker:
        toks = self.toks
        head = toks[a].norm[2:] if definite else toks[a].norm
        if definite:  # البيان: the statement already named
            for sp in reversed(self.speakers[:bisect.bisect_left(self.speaker_at, toks[a].start)]):
                if sp.kind == "document" and sp.name and normalize_word(sp.name).split()[0] in (head, "ال" + head):
                    return Speaker(toks[a].start, toks[a].end, toks[a].text, name=sp.name, role=sp.role,
                                   kind="document")
        e = a + 1
        while e < end and e - a < 4 and toks[e].kind == "word" and toks[e].norm not in self.q.comps and \
                toks[e].norm not in _HE and (  # بيان رئاسة الإقليم | فإنه
                self.r.is_adj(toks[e].norm) or toks[e].norm.endswith(("ي", "يه")) or
                (not definite and toks[e].norm[:1] not in "بلك" and
                 not _adverbial(toks[e].text) and self.verb_at(e) is None) or
                (toks[e].norm == "ال" and e + 1 < end and toks[e + 1].norm.isdigit())):
            e += 1  # بيان حكومي، حيثيات الحكم، التقرير الـ51 (not البيان | الحكومة: an object)
            if toks[e - 1].norm == "ال":
                e += 1
        role = None
        for k in range(a + 1, end):
            ent = self.ents_at.get(k)
            if ent is not None:
                role = ent.canonical or ent.text
                break
        if b is not None and e == end and e - 1 > a and e < b and toks[e].text in _OPENERS:
            close = next((x for x in range(e + 2, min(b, e + 5)) if toks[x].text in ("»", "”", '"')), None)
            if close is not None:  # تقرير منظمة «...»: the body named in quotes is part of it
                e = close + 1
        text = self.text[toks[a].start:toks[e - 1].end]
        return Speaker(toks[a].start, toks[e - 1].end, text, name=text, role=role, kind="document")

    def anaphora(self, v: int, participle: bool = False) -> Speaker | None:
        """The subject of a verb with none after it: an entity just before it, else the last speaker."""
        k = v - 1
        sent_start = self.sentence_start(v)
        if participle:  # ..., مضيفا أن: the subject of the sentence's verb
            sp = self._participle_subject(v, sent_start)
            if sp is not None:
                return sp
        # أما رئيس الرابطة ...، فقال: the topic after أما
        for j in range(sent_start, min(v, sent_start + 3)):
            if self.toks[j].norm == "اما" and self.toks[v].norm.startswith("ف"):
                sp, _ = self.speaker_from(j + 1, v)
                if sp is not None:
                    return sp
        while k >= sent_start and (self.toks[k].norm in _SKIP_BEFORE_VERB):
            k -= 1
        if k >= sent_start and not participle:
            sp = self._subject_ending_at(v, k, sent_start)
            if sp is not None:
                return sp
        last = self.last_speaker(self.toks[v].start, paragraph_of_unknown=True)
        if last is not None:
            return Speaker(last.start, last.end, last.text, name=last.name, role=last.role, kind=last.kind)
        if not participle and (self.toks[v].norm[:1] in "وف" or k < sent_start):
            return self._last_person(v)  # no one has spoken yet: the person the story is about
        return None

    def _participle_subject(self, v: int, sent_start: int) -> Speaker | None:
        """The subject a participle at token v (..., مضيفا أن) goes with: the sentence's last speaker, the
        subject before a speech noun, a noun phrase, the first person or body of the sentence, or the
        subject of its first verb."""
        last = self.last_speaker(self.toks[v].start)
        if last is not None and self.speaker_at[bisect.bisect_left(self.speaker_at, self.toks[v].start) - 1] \
                >= self.toks[sent_start].start:
            return Speaker(last.start, last.end, last.text, name=last.name, role=last.role, kind=last.kind)
        if self.toks[v].norm in self.q.speech_nouns:  # عكست الوزيرة الأزمة بقولها: the subject just before
            for j in range(v - 1, max(sent_start, v - 8) - 1, -1):
                if self.toks[j].kind == "punct":
                    break
                e = self.ents_at.get(j)
                if e is not None and e.label.startswith("PERS") or self.r.title_at(j) is not None:
                    sp, _ = self.speaker_from(j, v)
                    if sp is not None and sp.kind == "person":
                        return sp
            sp = self._subject_before_speech_noun(v, sent_start)
            if sp is not None:
                return sp
        sent_off = self.toks[sent_start].start
        for off, sp in reversed(self.np_subjects):
            if sent_off <= off < self.toks[v].start:  # دعا الوزراء مجددا ...، مؤكدين أن
                return Speaker(sp.start, sp.end, sp.text, name=sp.name, role=sp.role, kind=sp.kind)
        sp = self._first_verb_person(sent_start, v, plural=self.toks[v].norm.endswith("ين"))
        if sp is not None:  # ناشد المتحدث باسم الحكومة ...، مبينا أن: the role that opens the sentence
            return sp
        first_org = None
        for j in range(sent_start, v):  # the first person named in the sentence, else a body
            e = self.ents_at.get(j)
            if e is not None and not self._after_preposition(e, j):
                if e.label.startswith("PERS"):
                    return self._entity_speaker(e)
                first_org = first_org or e
        if first_org is not None:
            return self._entity_speaker(first_org)
        a = sent_start  # أولت الصحف المغربية اهتمامها ...، مشيرة إلى أن: the subject of the first verb
        while a < v and (self.toks[a].norm in ("و", "ولكن", "لكن", "كما", "ثم", "وقد", "قد") or
                         self.toks[a].kind == "punct" or self.toks[a].norm in _LEADING):
            a += 1
        w = self.toks[a].norm[1:] if self.toks[a].norm[:1] in "وف" else self.toks[a].norm
        if a + 1 < v and self.toks[a].kind == "word" and not self.toks[a].norm.startswith("ال") and \
                w not in self.r.lx.stop and not w.startswith(("ب", "ل", "ال", "في", "عن", "من", "على", "علي")):
            sp, _ = self.speaker_from(a + 1, min(v, a + 8))
            if sp is not None and (sp.kind in ("person", "organisation") or
                                   (sp.start, sp.end) in self.generic and self.toks[a + 1].norm.startswith("ال")
                                   and a + 2 < v and _definite(self.toks[a + 2].norm)):
                return sp  # الصحف المغربية (a definite phrase of two words at least), not تنفيذ ...
        return None

    def _subject_ending_at(self, v: int, k: int, sent_start: int) -> Speaker | None:
        """The subject of the verb at v that ends at token k before it: an entity, an unnamed source
        shortly before, or a fronted subject."""
        # an entity that ends at token k
        for j in range(k, max(sent_start, k - 6) - 1, -1):
            e = self.ents_at.get(j)
            if e is not None and self.tok_at(e.end - 1) == k:
                return self._entity_speaker(e)
        # an unnamed source shortly before (مصدرا في المعارضة ... أفاد)
        for j in range(k, max(sent_start, k - 6) - 1, -1):
            if self.toks[j].kind == "punct" or self.toks[j].norm in ("وهو", "وهي", "وهم"):
                break
            nm = self.toks[j].norm
            core = nm[2:] if nm.startswith("ال") else nm
            if (core in self.q.unnamed or (core.endswith("ا") and core[:-1] in self.q.unnamed)) and \
                    not (j > sent_start and self.toks[j - 1].norm in _CUT_WORDS):  # في أحد المعسكرات
                sp, _ = self.speaker_from(j, v)
                if sp is not None and j - 2 >= sent_start and self.toks[j - 1].text in _COMMAS:
                    named = self._person_ending(j - 2)
                    if named is not None:  # الشيخ فلان، أحد زعماء القبيلة، قال: the person, with that role
                        named.role = named.role or sp.text
                        return named
                if sp is not None:
                    return sp
        return self._fronted_subject(v, k, sent_start)

    def _subject_before_speech_noun(self, v: int, sent_start: int) -> Speaker | None:
        """The subject of the verb that opens the clause of a speech noun (واسترسل تقرير المنظمة بالقول، علق
        مراقبون على التصريحات بالقول): the words after that verb."""
        toks = self.toks
        a = v - 1
        while a > sent_start and toks[a - 1].kind != "punct" and v - a < 10:
            a -= 1
        if a + 1 >= v or toks[a].kind != "word" or toks[v - 1].kind == "punct" or \
                a > sent_start and toks[a - 1].kind != "punct":
            return None  # (فلان، وزير المخابرات، بقوله: the participle goes with the sentence's subject)
        if toks[a].norm in _CLAUSE_OPEN and a + 2 < v:
            a += 1  # فيما علق مراقبون ... بالقول
        w = toks[a].norm[1:] if toks[a].norm[:1] in "وف" else toks[a].norm
        if toks[a].norm.startswith(_NOT_SUBJECT_STARTS) or w in self.r.lx.stop:
            return None  # بفضل من وعدهم بقوله: no verb opens the clause
        sp, _ = self.speaker_from(a + 1, v)
        return sp if sp is not None and sp.kind in ("person", "organisation", "document") else None

    def _after_preposition(self, e: Entity, j: int) -> bool:
        """Entity e (at token j) is written onto a preposition (قامت الفرق بالجيش الوطني): not the subject
        (but قيادات في الحكومة: the body its subject belongs to)."""
        return e.start > self.toks[j].start and self.toks[j].text[:e.start - self.toks[j].start] in _PREP_CLITICS

    def _named_ends_at(self, k: int) -> bool:
        """Does the name of a person or body end at token k (دييجو مارادونا | الذي قال)?"""
        end = self.toks[k].end
        return any(e.end == end and e.label[:4] in ("PERS", "ORG")
                   for e in map(self.ents_at.get, range(k, max(-1, k - 6), -1)) if e is not None)

    def _verb_with_object(self, nm: str) -> bool:
        """A speech verb with an object pronoun (قاله، ذكرته، أعلنها)."""
        return nm in self.q.verbs_with_object

    def _unnamed_before(self, core: str, offset: int) -> Speaker | None:
        """The last unnamed source before ``offset`` described in full with the same noun (مصدر عسكري في
        الجيش for المصدر), if it is the last unnamed source that spoke."""
        k = bisect.bisect_left(self.speaker_at, offset)
        for sp in reversed(self.speakers[:k]):
            if sp.kind != "person" or sp.name is None or " " not in sp.name:
                continue
            w = normalize_word(sp.name.split()[0])
            w = w[2:] if w.startswith("ال") else w
            if w == core:
                return sp
            if w in self.q.unnamed:
                return None  # another source spoke last
        return None

    def _bism_end(self, k: int, end: int) -> int:
        """The end of the body after باسم at token k: a name, or a noun with its genitive, and adjectives."""
        toks = self.toks
        e = self.ents_at.get(k)
        j = self.tok_at(e.end - 1) if e is not None and e.start == toks[k].start else None
        if j is not None and j >= k:
            j += 1
        else:
            j = k + 1
            if not toks[k].norm.startswith("ال") and j < end and toks[j].norm.startswith("ال"):
                j += 1  # باسم وزارة الصحة
        while j < end and toks[j].kind == "word" and toks[j].norm.startswith("ال") and \
                (self.r.is_adj(toks[j].norm) or toks[j].norm.endswith(("ي", "يه"))):
            j += 1
        return min(j, end)

    def _first_verb_person(self, sent_start: int, v: int, plural: bool = False) -> Speaker | None:
        """The titled or unnamed person right after the verb that opens the sentence (ناشد المتحدث باسم
        الحكومة)، or None; ``plural``: for a plural participle, the definite plural subject there (ناقش
        الوزراء ...، مؤكدين أن)."""
        toks = self.toks
        a = sent_start
        comma = next((x for x in range(a, min(v, a + 5)) if toks[x].text in _COMMAS), None)
        if comma is not None and toks[a].norm in _AFFIL_PREPS:
            a = comma + 1  # من جهة أخرى، ناشد ...
        while a < v and (toks[a].kind == "punct" or toks[a].norm in _LEADING or toks[a].norm in _CLAUSE_OPEN):
            a += 1
        nm0 = toks[a].norm
        if a + 2 >= v or toks[a].kind != "word" or nm0.startswith("ال") or a in self.ents_at or len(nm0) < 4 or \
                nm0 in self.r.lx.stop or nm0[1:] in _CUT_WORDS or nm0[1:] in _NOUN_BEFORE or nm0[1:] in _LEADING:
            return None  # وفي، ومن ...: not a verb
        nm = toks[a + 1].norm
        core = nm[2:] if nm.startswith("ال") else None
        if plural and core is not None and a + 1 not in self.ents_at and nm not in self.r.lx.stop and \
                (core in self.q.groups or nm.endswith(("ون", "ين")) or nm in _PLURAL_PEOPLE):
            sp = self._noun_phrase(a + 1, min(v, a + 3), v)
            if sp is not None and sp.kind != "document":
                return sp
        if core is None or not (core in self.q.unnamed and core not in self.q.groups) or a + 1 in self.ents_at:
            return None
        sp, _ = self.speaker_from(a + 1, min(v, a + 8))
        if sp is None or sp.kind != "person" or sp.name == sp.text:
            return None
        return sp

    def _last_person(self, v: int) -> Speaker | None:
        """The person named last before token v, within the two sentences before it."""
        floor = self.sentence_start(v)
        for _ in range(2):
            if floor > 0:
                floor = self.sentence_start(floor - 1)
        for k in range(v - 1, floor - 1, -1):
            e = self.ents_at.get(k)
            if e is not None and e.label.startswith("PERS"):
                return self._entity_speaker(e)
        return None

    def _fronted_subject(self, v: int, k: int, sent_start: int) -> Speaker | None:
        """A subject written before the verb: وكانت التصريحات في السابق تشير، النادي قد صرح، and the
        subject of the sentence for a verb joined to an earlier one (البغدادي رفض ...، وأصر على أن)."""
        toks, q = self.toks, self.q
        # فتوى أكدت أن، أنباء تقول إن: a report that speaks
        nk = toks[k].norm
        if toks[k].kind == "word" and (nk[2:] if nk.startswith("ال") else nk) in q.report_nouns:
            kind = "document" if (nk[2:] if nk.startswith("ال") else nk) in q.documents else "unknown"
            return Speaker(toks[k].start, toks[k].end, toks[k].text, name=toks[k].text, kind=kind)
        j = v - 1
        while j >= max(sent_start, v - 8):
            nm = toks[j].norm
            if toks[j].text in ("»", "”") and j == v - 1:
                o = next((x for x in range(j - 1, max(sent_start, j - 6) - 1, -1) if toks[x].text in _OPENERS), None)
                if o is not None and o > sent_start:  # وكان «المرصد السوري» أفاد: a name in quotes
                    j = o - 1
                    continue
            if toks[j].kind == "punct" or toks[j].text in _OPENERS:
                break
            if (nm in q.kana or nm[:1] in "وف" and nm[1:] in q.kana) and j + 1 < v:
                a = j + 2 if toks[j + 1].norm in _THERE else j + 1  # كانت هناك أنباء تقول
                sp, _ = self.speaker_from(a, v) if a < v else (None, None)
                if sp is None and a + 1 == v and toks[a].kind == "word" and toks[a].norm not in self.r.lx.stop:
                    sp = self._noun_phrase(a, v, v)
                return sp
            j -= 1
        # a definite noun phrase just before the verb, opening its clause (أن النادي قد صرح، لكن الصفراء شدد)
        j = k
        while j > sent_start and k - j < 3 and toks[j - 1].kind == "word" and toks[j - 1].norm.startswith("ال") \
                and toks[j - 1].norm not in _CUT_WORDS:
            j -= 1
        vinfo = self.verb_at(v)
        joined = (vinfo is not None and vinfo[1] > 0) or any(toks[x].kind == "punct" for x in range(k + 1, v))
        if toks[k].kind == "word" and toks[j].norm.startswith("ال") and self.verb_at(k) is None and not joined and \
                (j == sent_start or toks[j - 1].kind == "punct" or toks[j - 1].norm in q.comps or
                 toks[j - 1].norm in _CLAUSE_OPEN):
            sp = self._noun_phrase(j, k + 1)
            if sp is not None:
                return sp
        # لكنه قال إن: the person last named
        if nk in _HE and k == v - 1:
            floor = self.sentence_start(sent_start - 1) if sent_start > 0 else 0
            for x in range(k - 1, floor - 1, -1):
                e = self.ents_at.get(x)
                if e is not None and e.label.startswith("PERS"):
                    return self._entity_speaker(e)
        # وأصر على أن after a first clause: the subject that opens the sentence (البغدادي رفض ...، وأصر)
        # or the subject of its first verb (ورفع نائب رئيس الوفد فلان التهاني ...، وقال)
        if v - sent_start > 3 and (toks[v].norm[:1] in "وف" or toks[v - 1].norm in ("و", "ف", "ثم") or
                                   toks[v - 1].kind == "punct"):
            a = sent_start
            while a < v and (toks[a].norm in ("و", "ولكن", "لكن", "كما", "ثم") or toks[a].kind == "punct" or
                             toks[a].norm in _LEADING):
                a += 1  # من جانبه اشاد فلان ...، وأكد
            for x in (a, a + 1):
                e = self.ents_at.get(x)
                if e is not None and x < v:
                    return self._entity_speaker(e)
            w = toks[a].norm[1:] if toks[a].norm[:1] in "وف" else toks[a].norm
            if a + 1 < v and toks[a].kind == "word" and not toks[a].norm.startswith("ال") and \
                    toks[a].norm not in self.r.lx.stop and w not in self.r.lx.stop and \
                    not w.startswith(_NOT_SUBJECT_STARTS):
                sp, _ = self.speaker_from(a + 1, min(v, a + 14), np=False)
                if sp is not None and sp.kind in ("person", "organisation"):
                    return sp
        return None

    def remember(self, sp: Speaker | None, offset: int) -> None:
        """Note who spoke at ``offset`` (for a later verb without a subject)."""
        if sp is None:
            return
        if sp.kind == "person" and sp.name and sp.role:
            self.roles.setdefault(sp.name, sp.role)  # for a later short mention of the same person
        k = bisect.bisect_right(self.speaker_at, offset)
        self.speaker_at.insert(k, offset)
        self.speakers.insert(k, sp)

    def last_speaker(self, offset: int, paragraph_of_unknown: bool = False) -> Speaker | None:
        """The speaker named last before ``offset`` (with ``paragraph_of_unknown``, a plain noun phrase such
        as الأنباء only from the same paragraph: it is not a person a later paragraph goes on quoting)."""
        k = bisect.bisect_left(self.speaker_at, offset)
        while k and paragraph_of_unknown and \
                (self.speakers[k - 1].start, self.speakers[k - 1].end) in self.generic and \
                "\n" in self.text[self.speakers[k - 1].end:offset]:
            k -= 1
        return self.speakers[k - 1] if k else None

    def sentence_start(self, i: int) -> int:
        s = self.doc.sentence_of(self.toks[i].start)
        return s.token_start if s is not None else 0

    # --- reported speech --------------------------------------------------------------------
    def verb_at(self, i: int) -> tuple[frozenset[str], int, bool] | None:
        """(extra complementisers, proclitic length, participle?) for a speech verb or participle."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        r = _VERBS.get(t.norm, 0)
        if r == 0:
            r = _VERBS[t.norm] = self._verb(t.norm)
            if len(_VERBS) > 1 << 18:
                _VERBS.clear()
        if r is not None and r[2] and not t.text.rstrip(_HARAKAT).endswith("ى"):
            return None  # رأي (an opinion) is not رأى (he saw)
        return (r[0], r[1], r[3]) if r is not None else None

    def _verb(self, norm: str) -> tuple[frozenset[str], int, bool, bool] | None:
        for plen in (0, 1, 2):
            if plen and (len(norm) - plen < 3 or norm[plen - 1] not in "وفس"):
                break
            base = norm[plen:]
            extra = self.q.verbs.get(base)
            if extra is not None:
                return extra, plen, base in self.q.maqsura, False
            if base in self.q.participles:
                return frozenset(_forms(("إلى", "على"))), plen, False, True
            if base in self.q.according1:  # وبحسب المتحدث، فإن ...
                return frozenset(), plen, False, False
            if base in self.q.document_verbs:  # وجاء في البيان أن ...
                return frozenset(), plen, False, False
        return None

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
        # speech verbs, and words not read yet (0); most tokens are known not to be verbs (None)
        vals = list(map(_VERBS.get, self.norms, repeat(0)))
        cands = [i for i in compress(count(), map(is_not, vals, repeat(None)))
                 if vals[i] != 0 or toks[i].kind == "word"]
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
        if found is None and not cue.participle and (cue.base in self.q.according1 or cue.acc_ma):
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
        if not plen and i > 0 and toks[i - 1].norm in _NOUN_BEFORE:
            return None  # في وضح النهار: a noun after a preposition
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
                not self.newline_between(i - 1, i) and i != self.sentence_start(i):
            return None  # بين الطرفين: the preposition, not بيّن
        if base in self.q.impersonal and (nx in self.q.comps or nx in ("الى", "علي")):
            return None  # يذكر أن، يشار إلى أن: the writer's aside
        doc_verb = base in self.q.document_verbs
        if doc_verb and not (nx == "في" and any(
                (w[2:] if w.startswith("ال") else w) in self.q.documents
                for w in (toks[x].norm for x in range(i + 2, min(self.n, i + 4))))):
            return None  # جاء ذلك ...: only وجاء في البيان أن reports a document
        return _Cue(i, extra, plen, participle, base, toks[i].start, acc_ma, rel_speaker, doc_verb,
                    self.sent_end[i])

    def _content_reach(self, cue: _Cue, nominal: bool) -> int:
        """How far after the verb its content may start: right after a participle (مضيفا أن), else 30 tokens."""
        i = cue.i
        if not cue.participle:
            return i + 30
        # مضيفا أن / مشيرا إلى أن: no subject between (موضحا لـ«الصحيفة» أن: the paper skipped)
        limit = cue.limit
        j = self._past_addressee(i + 1, limit)
        nx = self.toks[j].norm if j < limit else ""
        return j + 1 if nx in self.q.comps or j < limit and self.toks[j].text == ":" or j in self.direct_open or \
            (nominal and self._content_noun(nx)) else (j + 2 if nx in cue.extra else i + 1)

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
        reach = self._content_reach(cue, nominal)
        part_at = None  # a participle passed on the way (حسب التخصص ...، مؤكدا أن)
        while k < limit and k < reach:
            t = toks[k]
            if k in direct_at:
                d = direct_at[k]
                if self._named_in_quotes(d, k, i, limit):
                    k = d.close_tok + 1  # لـ«الشرق الأوسط»، «داعش»: a name in quotes, not speech
                    continue
                if extra and d.words < 6:
                    return None, k, part_at  # دعا إلى / كشف عن take their content, not a quotation
                return ("direct", k), k, part_at
            if t.text == ":":
                if k + 1 < limit and k + 1 in direct_at:
                    return ("direct", k + 1), k, part_at
                elif k + 1 < limit:
                    return ("reported", k + 1), k, part_at
                return None, k, part_at
            if t.text in ("،", ",") and base in _COMMA_VERBS and not participle and \
                    self._content_after_addressee(i, k, limit):
                return ("reported", k + 1), k, part_at  # قال فلان للصحفيين، تم تحديد ...
            if nominal and t.kind == "punct" and t.text not in _OPENERS and not (
                    k + 1 < limit and (toks[k + 1].norm in extra or self._content_noun(toks[k + 1].norm))):
                nominal = False  # a content noun after a comma belongs to another clause (not X، إلى حرصها)
            if nominal and t.kind == "word" and self._content_noun(t.norm) and \
                    (toks[k - 1].norm not in _CUT_WORDS or toks[k - 1].norm in _ALA and base in _ALA_VERBS or
                     self._time_after_subject(k - 1, i)) and \
                    not self._construct_before(k, i) and \
                    not self._comp_ahead(k, limit):
                return ("nominal", k), k, part_at  # أكد الوزير ضرورة ...، أعلنت الوزارة بدء ...: a noun phrase says it
            if t.norm in self.q.comps or t.norm in _ACC_COMPS and base in self.q.according1:
                if toks[k - 1].norm in _NOT_COMP_BEFORE:
                    k += 1  # بعد أن، قبل أن: a time clause, not what was said
                    continue
                return ("reported", k + 1), k, part_at
            if t.norm in extra and self._source_body(k, i, limit):
                k += 1  # حذر مسؤول من الوزارة من ...: the source's body, the content after the next من
                continue
            if t.norm in extra:
                return self._content_after_extra(k, limit, nominal), k, part_at
            if k > i + 1:
                v2 = self._verb_in_subject(k)
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

    def _named_in_quotes(self, d: _Direct, k: int, i: int, limit: int) -> bool:
        """Is the quotation d at token k, after the verb at i, a name in quotes rather than speech?"""
        toks = self.toks
        return d.words < 4 or self._attached(d) or self._is_name(d) or (
            k == i + 1 and any(toks[x].norm in self.q.comps
                               for x in range(d.close_tok + 1, min(limit, d.close_tok + 8))))

    def _content_after_extra(self, k: int, limit: int, nominal: bool) -> tuple[str, int] | None:
        """The content after the verb's own preposition at token k (أشار إلى أن، أشار إلى مقتل), if any."""
        toks = self.toks
        nxt = toks[k + 1].norm if k + 1 < limit else ""
        if nxt in self.q.comps:
            return ("reported", k + 2)
        if nominal and k + 1 < limit and toks[k + 1].kind == "word" and self.verb_at(k + 1) is None \
                and nxt not in _CUT_WORDS:
            return ("nominal", k + 1)  # أشار المصدر إلى مقتل ...: the noun phrase is the content
        return None

    def _verb_in_subject(self, k: int) -> tuple[frozenset[str], int, bool] | None:
        """The verb at token k inside a subject, unless it is an aside, a preposition or a noun there."""
        toks = self.toks
        v2 = self.verb_at(k)
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
            if sp is not None and sp.name and sp.kind == "person":
                self.remember(sp, at_verb)
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
        subj_end = k
        subj_start = i + 2 if cue.doc_verb else i + 1
        if toks[i].norm[plen:] in self.q.according1 and subj_start < k and toks[subj_start].norm == "ل":
            subj_start += 1  # وفقا لـ الوزارة
        s0 = subj_start
        if self.abbr_points and subj_end > subj_start:
            subj_start = self._past_abbreviation(subj_start, subj_end)
        if subj_end > subj_start:
            speaker, channel = self.speaker_from(subj_start, subj_end, np=base not in self.q.according1)
            if subj_start > s0 and speaker is not None:  # وكيلة الوزارة د. فلانة: a titled person
                speaker = self._abbreviated_titled(speaker, s0, subj_start)
            if toks[i].norm[plen:] in self.q.relay_verbs:
                speaker, channel = self._relayed(subj_start, subj_end, speaker, channel)
        else:
            speaker, channel = None, None
        if speaker is None and toks[k].norm in _ACC_COMPS and toks[k].norm not in self.q.comps:
            if subj_end > subj_start and toks[subj_start].norm.startswith(("ال", "لل")):
                speaker, channel = self.speaker_from(subj_start, subj_end)  # بحسب تقييمات الخبراء فإنها
            if speaker is None:
                return None  # وفقا لإرادته فإنه ...: no one named, not a source
        if speaker is None and cue.rel_speaker is not None:
            speaker = cue.rel_speaker
        cue_i = i
        if speaker is None and part_at is not None and base in self.q.according1:
            cue_i, plen, participle = part_at, 0, True  # حسب التخصص، مؤكدا أن: the participle is the cue
        named = speaker is not None  # named after the verb, not taken from before it
        if speaker is None:
            speaker = self.anaphora(cue_i, participle)
        span = Span(toks[cue_i].start + plen, toks[cue_i].end,
                    self.text[toks[cue_i].start + plen:toks[cue_i].end])
        return speaker, channel, span, named

    def _relayed(self, subj_start: int, subj_end: int, speaker: Speaker | None,
                 channel: str | None) -> tuple[Speaker | None, str | None]:
        """After a relay verb (ونقلت رويترز عن المتحدث X قوله إن ...) the one quoted speaks and the relay
        is the channel."""
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
            last = next((x - 1 for x in range(at + 1, last + 1) if toks[x].text in _COMMAS or
                         self._according_word(x)), last)
        if not self._words_at_least(at, last, 2):
            return i + 1
        s, e = toks[at].start, toks[last].end
        directs, d_starts = self.directs, self.d_starts
        lo = bisect.bisect_left(d_starts, s)
        inner = [d for d in directs[lo:bisect.bisect_right(d_starts, e, lo)] if d.end <= e and d.words >= 4]
        if inner and sum(d.end - d.start for d in inner) * 2 >= e - s:
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

    def _role_before_relative(self, r: int) -> Speaker | None:
        """The person named by a role that ends just before the relative at r (بالسفير الأمريكي | الذي)."""
        toks = self.toks
        sent = self.sentence_start(r)
        for j in range(r - 1, max(sent, r - 5) - 1, -1):
            if toks[j].kind == "punct":
                return None
            t = self.r.title_at(j)
            if t is not None and j + t[1] <= r:
                if not all(self.r.is_adj(toks[x].norm) and not toks[x].text.rstrip(_HARAKAT).endswith("ى") or
                           toks[x].norm.startswith("لل") for x in range(j + t[1], r)):
                    return None  # زار الوزير المستشفى الذي: the place visited is no role
                sp, _ = self.speaker_from(j, r)
                if sp is None or sp.kind != "person" or self.tok_at(sp.end - 1) != r - 1:
                    return None
                if t[2] and sp.start == toks[j].start:  # بالسفير: the role without its preposition
                    a = sp.start + t[2]
                    return Speaker(a, sp.end, self.text[a:sp.end], name=sp.name, role=sp.role, kind=sp.kind)
                return sp
        return None

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
        s0, e0 = toks[b].start, toks[e].end
        if any(q.start < e0 and s0 < q.end for q in quotes):
            return None  # already the content of a verb
        a1 = i + 1
        if not acc_ma and a1 + 2 < stop and toks[a1].norm in _ACC_REL:
            a1 += 2  # وفقا لما أعلنته الوكالة: the source after the relative and its verb
        speaker, channel = self.speaker_from(a1, stop, np=bool(acc_ma), lam=not acc_ma and a1 == i + 1)
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

    def _words_at_least(self, a: int, b: int, n: int) -> bool:
        """At least ``n`` words (not punctuation) among tokens a..b."""
        for k in range(a, b + 1):
            if self.toks[k].kind != "punct":
                n -= 1
                if not n:
                    return True
        return False

    def _ali(self, k: int) -> bool:
        """علي (a name) rather than على (on): the same letters once normalised."""
        t = self.toks[k]
        return t.norm in self.r.lx.spelled_words and not t.text.rstrip(_HARAKAT).endswith("ى")

    def _is_name(self, d: _Direct) -> bool:
        """A quoted stretch that is exactly a name found by the entity stages («المرصد السوري»)."""
        i = self.tok_at(d.start)
        e = self.ents_at.get(i) if i is not None else None
        return e is not None and e.end >= d.end - 1

    def _term_word(self, k: int) -> bool:
        nm = self.toks[k].norm
        return nm in self.q.term_words or (nm[:1] in "وب" and nm[1:] in self.q.term_words)

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
        # 2. a statement announced before a colon: وفيما يلي نص البيان: «...»
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
        # 3. a verb that ends the paragraph before: ... حين قال\n«...»
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
        # 4. a paragraph that opens with « continues the quote before it
        if prev is not None and prev.quote is not None and d.paragraph_start and \
                (prev.runs_on or self._paragraphs_between(prev, d) <= 1):
            pq = prev.quote
            self._direct_quote(d, pq.speaker, pq.cue, pq.channel)
            return
        # 5. a quote that opens a sentence: the most recent speaker of this or the previous paragraph
        sp = self.last_speaker(d.start)
        opens = self.sentence_start(o) >= o - 1
        if sp is not None and opens and self._near(sp.end, d.start):
            self._direct_quote(d, sp, None, None)
        else:
            self._direct_quote(d, None, None, None)

    def _paragraphs_between(self, a: _Direct, b: _Direct) -> int:
        return self.text.count("\n", a.end, b.start)

    def _near(self, offset: int, start: int) -> bool:
        return self.text.count("\n", offset, start) <= 2 and start - offset < 600


class RecognizeQuotes:
    """Pipeline stage: direct and reported quotes with their speakers."""

    name = "quotes"
    needs = ("tokens", "sentences", "entities")
    adds = ("quotes",)

    def load(self) -> RecognizeQuotes:
        """Load the word lists now."""
        quote_lexicon()
        lexicon()
        return self

    def __call__(self, doc: Document) -> Document:
        doc.quotes = recognize_quotes(doc)
        return doc


def recognize_quotes(doc: Document) -> list[Quote]:
    """The quotes of ``doc`` (needs tokens, sentences and, for speaker names, entities)."""
    if not doc.tokens:
        return []
    return _QuoteReader(doc).run()
