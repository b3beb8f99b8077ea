"""The coding of one sentence: which of its trigger words are events and whether each happened (the
event itself is built by :mod:`rasd.events.build`).  Called by :mod:`rasd.events.stage` for every
sentence with trigger words; the document-level steps (figures, merge, ids) stay there.
"""

from __future__ import annotations

import bisect

from rasd.doc import Document, Event
from rasd.events import political
from rasd.events.arguments import sentence_figures
from rasd.events.build import _AIRCRAFT, _REMOTE, _build, _strip, excluded_spans
from rasd.events.clauses import _PLAIN_STOPS, roles, segment
from rasd.events.cues import CueIndex, between, cue_categories, token_table
from rasd.events.factuality import is_old, judge
from rasd.lexicon import word_set
from rasd.text.normalize import normalize_word

HAPPENED = frozenset({"asserted", "reported"})
_FIGHT = frozenset({"clash", "aerial", "shelling"})
_WORDS = "events/words.yaml"  # the word lists of this module, as data
_KILL = word_set(_WORDS, "stage_kill")
_BLAST = word_set(_WORDS, "stage_blast")
_NOT_ARMED = frozenset({"civilians", "protesters", "rioters", "country", "government", "state_government",
                        "head_of_state", "party"})
_AFTER = frozenset("after-" + normalize_word(w) for w in ("بعد", "إثر", "عقب"))
_SPECIFIC_NEEDED = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})
_REJECT_SPEECH = word_set(_WORDS, "stage_reject_speech")
_FLEE_KEYS = word_set(_WORDS, "stage_flee_keys")
_FLIGHT = word_set(_WORDS, "stage_flight_words")
_IMPLIED_FRAME = word_set(_WORDS, "stage_implied_frame")
_IMPLIED_AFTER = word_set(_WORDS, "stage_implied_after")
_DURING = word_set(_WORDS, "stage_during")
_MEETING_AFTER = word_set(_WORDS, "stage_meeting_after")
_MEETING_WITH = word_set(_WORDS, "stage_meeting_with")
_VISIT_NOUNS = word_set(_WORDS, "stage_visit_nouns")
_VISIT_TO = word_set(_WORDS, "stage_visit_to")
_CAUSE = word_set(_WORDS, "stage_cause")
_RELATIVES = word_set(_WORDS, "stage_relatives")
_RESULT_MARKS = word_set(_WORDS, "stage_result_marks")
_RESULT_VERBS = word_set(_WORDS, "stage_result_verbs")
_NUMBER_WORDS = word_set(_WORDS, "stage_number_words")
_CONCURRENT = word_set(_WORDS, "stage_concurrent")
_POSSESSIVE = tuple(sorted(word_set(_WORDS, "stage_possessive"), key=len, reverse=True))


class _View:
    """Per-document tables the sentence coder asks again and again: where each cue category, number,
    punctuation mark, clause stop and number word stands (``table``: the :func:`doc_table` of the
    document, listed here when not given), the mentions' starts, the dates' and places' starts."""

    __slots__ = ("cues", "mention_starts", "doc", "stops", "number_words", "_date_starts", "_place_starts")

    def __init__(self, doc: Document, cues_at: dict[int, set[str]], mentions, table=None) -> None:
        _starts, numbers, puncts, self.stops, self.number_words = table or doc_table(doc)
        self.cues = CueIndex(cues_at, doc.tokens, numbers, puncts)
        self.mention_starts = [m.start for m in mentions]
        self.doc = doc
        self._date_starts: list[int] | None = None
        self._place_starts: list[int] | None = None

    @property
    def date_starts(self) -> list[int] | None:
        """The dates' starts when ``doc.dates`` is sorted by start (else None)."""
        if self._date_starts is None:
            self._date_starts = _sorted_starts(self.doc.dates)
        return self._date_starts or None

    @property
    def place_starts(self) -> list[int] | None:
        """The places' starts when ``doc.places`` is sorted by start (else None)."""
        if self._place_starts is None:
            self._place_starts = _sorted_starts(self.doc.places)
        return self._place_starts or None


def doc_table(doc: Document) -> tuple[list, ...]:
    """(token starts, numbers, punctuation marks, clause stops, number words) of the document's tokens:
    :func:`rasd.events.cues.token_table` with the clause stops and the number words of the coder."""
    return token_table(doc.tokens, _PLAIN_STOPS, _NUMBER_WORDS)


def _sorted_starts(items) -> list[int]:
    """The starts of ``items``; [] when they are not sorted by start."""
    starts = [a.start for a in items]
    return starts if all(a <= b for a, b in zip(starts, starts[1:], strict=False)) else []


def _implied(tokens, t, mains, rl, cues_at=None) -> bool:
    """An attack noun a sentence takes for granted: after وذلك بعد / جاء ذلك إثر, the definite object
    of a condemnation followed by what it did (أدان الهجوم الذي استهدف ...), or remote violence dated by
    its own relative clause (ردت القوات على مصدر المقذوفات التي سقطت مساء أمس على القرى)."""
    if t.type != "ASSAULT" or t.pos != "n" or any(m is t for m in mains) or rl.get(id(t)) is None \
            or rl[id(t)].clause.kind == "sub" or t.token < 2:
        return False
    p1, p2 = tokens[t.token - 1].norm, tokens[t.token - 2].norm
    if p1 in _IMPLIED_AFTER and p2 in _IMPLIED_FRAME:
        return True
    if t.entry.mode in _REMOTE and ((p1 == "مع" and p2 in _CONCURRENT) or (p1 in _CONCURRENT and not t.prefix)):
        return True  # بالتزامن مع غارات لمقاتلات التحالف، وسط قصف مدفعي: strikes at the same time
    definite = "ال" in t.prefix or t.key.startswith("ال")
    end = t.token + 1
    while end < len(tokens) and tokens[end].start < t.end:
        end += 1  # past the trigger's own words (العمل الإرهابي)
    rel = next((k for k in range(end, min(len(tokens), end + 3)) if tokens[k].norm in _RELATIVES), None)
    if rel is None or not definite:
        return False
    if any(m.type == "ACCUSE" and m.entry.mode == "disapprove" and 0 < t.token - m.token <= 6 for m in mains):
        return True
    return cues_at is not None and t.entry.mode in _REMOTE and any(  # a time past the clause's verb
        "concrete_time" in cues_at.get(k, ()) for k in range(rel + 2, min(len(tokens), rel + 6)))




class _Sentence:
    """What the coder of one sentence works from: its words, clauses and roles, its trigger words (``ts``),
    the mentions and figures in it, and the main predicates found so far (``mains``)."""

    __slots__ = ("doc", "s", "tokens", "i0", "i1", "ts", "rl", "subs", "dates", "sent_mentions", "cues_at",
                 "view", "figs", "specific_base", "protest_words", "mains", "opaque_first", "armed_fig",
                 "assault_nouns", "mishap", "violent", "sport", "excluded")


def _code_sentence(doc, si, s, ts, cues_at, mentions, token_index, view=None):
    """The events of one sentence, as [(event, happened, reason)]."""
    if view is None:
        view = _View(doc, cues_at, mentions)
    st = _read_sentence(doc, s, ts, cues_at, mentions, token_index, view)
    if st is None:
        return []
    _promote(st)
    if st.mains:  # (the evidence weighs the main predicates only)
        _weigh_evidence(st)
    out = []
    advances: set[int] = set()
    for t in st.mains:
        role = st.rl[id(t)]
        if not _dismissed(st, t, role):
            _code_main(st, t, role, out, advances)
    # an advance told with the fighting or the capture it led to is part of that event, not a MOBILIZE
    # of its own (واصل المقاتلون تقدمهم وسيطروا على المدينة)
    if any(e.type == "ASSAULT" and h for e, h, _r in out):
        out = [(e, h, r) for e, h, r in out if not (h and e.type == "MOBILIZE" and e.mode == "troops"
                                                   and id(e) in advances)]
    if any(e.type == "ASSAULT" and h for e, h, _r in out):
        out = [(e, h, r) for e, h, r in out if not (h and e.type == "COERCE" and e.trigger is not None
                                                   and normalize_word(e.trigger.text) in _CAMPAIGN)]
    _modal_events(st, out)
    return out


def _read_sentence(doc, s, ts, cues_at, mentions, token_index, view) -> _Sentence | None:
    """The sentence's clauses, roles, dates, mentions and figures, and its first main predicates; None when
    no trigger word is left after the activity nouns (قتال داعش) are set aside."""
    tokens = doc.tokens
    i0, i1 = s.token_start, s.token_end
    trig_at = {t.token: t for t in ts}
    # the tokens that may cut or carry a clause: cue words, trigger words, punctuation and plain stops
    marks = set(view.cues.keys_in(i0, i1))
    marks.update(between(view.stops, i0, i1))
    marks.update(k for k in trig_at if i0 <= k < i1)
    clauses = segment(tokens, i0, i1, cues_at, trig_at, sorted(marks))
    rl = roles(tokens, clauses, ts, cues_at)
    # relative and subordinate clauses: their dates belong to what they tell (الاتفاق الذي وقع في 14 يوليو)
    subs = tuple((tokens[c.start].start, tokens[c.end - 1].end, _told_types(ts, c))
                 for c in clauses if c.kind == "sub" and c.end > c.start)
    dates = _sentence_dates(doc, s, token_index, view) if doc.dates else []
    lo = bisect.bisect_left(view.mention_starts, s.start)
    hi = bisect.bisect_left(view.mention_starts, s.end, lo)
    sent_mentions = mentions[lo:hi]
    act = [t.token for t in ts if _activity_noun(t, tokens, sent_mentions)]
    if act:  # with the verbal nouns coordinated to it (قتال داعش وطرده)
        ts = [t for t in ts if t.token not in act and not (
            t.pos in ("n", "v") and (t.prefix or "").startswith("و") and any(0 < t.token - k <= 4 for k in act))]
    if not ts:
        return None
    st = _Sentence()
    st.excluded = None  # the spans no place of its events may stand in (listed at the first event)
    st.doc, st.s, st.tokens, st.i0, st.i1, st.ts, st.rl = doc, s, tokens, i0, i1, ts, rl
    st.subs, st.dates, st.sent_mentions, st.cues_at, st.view = subs, dates, sent_mentions, cues_at, view
    st.figs = sentence_figures(doc, s.start, s.end)
    st.specific_base = None  # (counted at the first event built: a sentence may build none)
    st.protest_words = sum(1 for t in ts if t.type == "PROTEST" and t.entry.mode != "intervene")
    st.mains = [t for t in ts if rl.get(id(t)) is not None and rl[id(t)].main]
    # a clause whose first predicate is a stance, accusation, denial or modality word
    st.opaque_first = any(c for c in clauses for _i, c in c.predicates[:1]
                          if c in ("stance", "accusation", "denial", "modality"))
    return st


def _sentence_dates(doc, s, token_index, view) -> list[tuple[int, str]]:
    """(token index, value) of the dates that start in sentence ``s``, in the order of ``doc.dates``."""
    starts = view.date_starts
    if starts is None:
        return [(token_index(d.start), d.value) for d in doc.dates if s.start <= d.start < s.end]
    lo = bisect.bisect_left(starts, s.start)
    hi = bisect.bisect_left(starts, s.end, lo)
    return [(token_index(d.start), d.value) for d in doc.dates[lo:hi]]


def _promote(st: _Sentence) -> None:
    """Which trigger words that are no main predicate of their clause still tell an event of the sentence."""
    # each promoter takes a word of one type (an attack, a protest, a meeting): a sentence without one
    # skips it
    kinds = {t.type for t in st.ts}
    assault = "ASSAULT" in kinds
    if assault:
        _promote_by_figures(st)
        _promote_result(st)
        _promote_instrument(st)
    if assault or "PROTEST" in kinds:
        _promote_resumed(st)
    if assault:
        _promote_relative_told(st)
    if "CONSULT" in kinds:
        _promote_meeting(st)
    if "PROTEST" in kinds:
        _promote_participants(st)
    if assault:
        _promote_after_fighting(st)
        _promote_cause(st)
    political.promote(st, _make_main)
    if assault:
        implied = [t for t in st.ts if _implied(st.tokens, t, st.mains, st.rl, st.cues_at)][:1]
        for t in implied:
            _make_main(st, t, "implied")


def _make_main(st: _Sentence, t, reason: str) -> None:
    """Add ``t`` to the main predicates with the reason it was taken for one."""
    st.mains.append(t)
    st.rl[id(t)].reason = reason


def _promote_by_figures(st: _Sentence) -> None:
    """A sentence with casualty figures and no main predicate of its own is an ASSAULT report."""
    ts, rl, figs = st.ts, st.rl, st.figs
    if not st.mains and ("killed" in figs or "injured" in figs):
        opaque = st.opaque_first
        cas = [t for t in ts if t.type == "ASSAULT" and t.pos in ("c", "p") and rl.get(id(t)) is not None
               and rl[id(t)].clause.kind in ("main", "reported")]
        if cas and not opaque:
            st.mains = [cas[0]]
            rl[id(cas[0])].reason = "figures"


def _promote_result(st: _Sentence) -> None:
    """Casualties told in a result clause (...، ما أسفر عن مقتل 5، مما أدى إلى إصابة ...) belong to the main
    clause's event; when that is no attack (داهم مسلحون منزلا، أطلق قناص النار) the killing is the event."""
    ts, rl, figs, tokens = st.ts, st.rl, st.figs, st.tokens
    if not any(t.type == "ASSAULT" for t in st.mains) and not st.opaque_first \
            and ("killed" in figs or "injured" in figs):
        res = next((t for t in ts if t.type == "ASSAULT" and t.pos in ("n", "c") and rl.get(id(t)) is not None
                    and _in_result(tokens, t, st.i0)), None)
        if res is not None:
            _make_main(st, res, "result")


def _promote_instrument(st: _Sentence) -> None:
    """An instrument of remote violence (دمرت ... بـ7 غارات، قتل ... بقذيفة) makes the sentence an ASSAULT."""
    ts, rl, tokens, mains, cues_at = st.ts, st.rl, st.tokens, st.mains, st.cues_at
    if any(t.type == "ASSAULT" for t in mains):
        return
    inst = next((t for t in ts if t.type == "ASSAULT" and t.pos == "n"
                 and (t.prefix in ("ب", "وب", "فب", "بال", "وبال", "فبال") or (t.token > 0 and tokens[t.token - 1].norm == "في"
                                                 and any(m.type == "COERCE" for m in mains)))
                 and t.entry.mode in _REMOTE and rl.get(id(t)) is not None
                 and rl[id(t)].clause.kind in ("main", "reported")), None)
    if inst is not None and not st.opaque_first \
            and not any(cues_at.get(k, set()) & {"modality", "future", "conditional", "light_verbs"}
                        for k in range(st.i0, inst.token)):
        st.mains = [t for t in mains if not (t.entry.weak or t.type in ("MOBILIZE", "COERCE"))] + [inst]
        rl[id(inst)].reason = "instrument"


def _promote_resumed(st: _Sentence) -> None:
    """A protest noun or strikes resumed by a light verb with its pronoun (في وقفة احتجاجية نظمها المسيحيون،
    خلال مظاهرة شارك فيها الآلاف، بعد غارات شنتها الطائرات ليلا) happened."""
    ts, rl, tokens, i1, cues_at = st.ts, st.rl, st.tokens, st.i1, st.cues_at
    if any(t.type == "PROTEST" and t.pos == "n" for t in ts) and not any(
            t.type in ("PROTEST", "ACCUSE", "REJECT", "THREATEN") for t in st.mains) and not st.opaque_first:
        held = next((t for t in ts if t.type == "PROTEST" and t.pos == "n" and not t.entry.weak
                     and rl.get(id(t)) is not None and not rl[id(t)].main
                     and rl[id(t)].clause.kind in ("main", "reported") and _resumed(tokens, t, i1, cues_at)), None)
        if held is not None:
            _make_main(st, held, "resumed")
    if not any(t.type == "ASSAULT" for t in st.mains) and not st.opaque_first:
        struck = next((t for t in ts if t.type == "ASSAULT" and t.pos == "n" and not t.entry.weak
                       and t.entry.mode in _REMOTE and rl.get(id(t)) is not None and not rl[id(t)].main
                       and rl[id(t)].clause.kind in ("main", "reported") and _resumed(tokens, t, i1, cues_at)), None)
        if struck is not None:
            _make_main(st, struck, "resumed")


def _promote_relative_told(st: _Sentence) -> None:
    """An attack told in a relative clause about an actor, with its own time (استسلموا للثوار الذين اقتحموا
    المعسكر أمس) happened; not when the clause follows an event word (الهجوم الذي ...)."""
    ts, rl, tokens, cues_at, i0 = st.ts, st.rl, st.tokens, st.cues_at, st.i0
    if any(t.type == "ASSAULT" for t in st.mains):
        return
    told = next((t for t in ts if t.type == "ASSAULT" and t.pos == "v" and not t.present and not t.entry.weak
                 and rl.get(id(t)) is not None and rl[id(t)].clause.kind == "sub"
                 and t.token == rl[id(t)].clause.start and tokens[t.token - 1].norm in _RELATIVES
                 and not any(o.type == "ASSAULT" and o.token in (t.token - 2, t.token - 3) for o in ts)
                 and any("concrete_time" in cues_at.get(k, ()) for k in range(t.token, rl[id(t)].clause.end))),
                None)
    if told is None:  # ... التحالف الذي شن ليلا حوالى 15 غارة: a light verb opens the relative clause
        told = next((t for t in ts if t.type == "ASSAULT" and t.pos == "n" and t.entry.mode in _REMOTE
                     and rl.get(id(t)) is not None and rl[id(t)].clause.kind == "sub"
                     and (c := rl[id(t)].clause).start > i0 and tokens[c.start - 1].norm in _RELATIVES
                     and "light_verbs" in cues_at.get(c.start, ()) and 0 < t.token - c.start <= 5
                     and not any(o.type == "ASSAULT" and o.token in (c.start - 2, c.start - 3) for o in ts)
                     and any("concrete_time" in cues_at.get(k, ()) for k in range(c.start, c.end))), None)
    if told is not None:
        _make_main(st, told, "relative-told")


def _promote_meeting(st: _Sentence) -> None:
    """A meeting told as the time of a statement (لدى اجتماعه مع قادة الأجهزة مساء أمس، عقب الاجتماعات
    المشتركة مع الوفد) or a visit told as the manner of an arrival (وصل ... في زيارة رسمية إلى) took place."""
    ts, rl = st.ts, st.rl
    if not any(t.type == "CONSULT" for t in st.mains):
        met = next((t for t in ts if t.type == "CONSULT" and t.pos == "n" and t.token > st.i0
                    and rl.get(id(t)) is not None and _held_meeting(st, t)), None)
        if met is not None:
            _make_main(st, met, "during-meeting")


def _held_meeting(st: _Sentence, t) -> bool:
    """Whether the meeting noun ``t`` is told as a frame that took place: after a word of time with its
    possessive (لدى اجتماعه) or its partner (بعد اجتماع ... مع نظيره), or a visit after في with where to."""
    tokens = st.tokens
    prev = _strip(tokens[t.token - 1].norm)
    reach = range(t.token + 1, min(st.i1, t.token + 9))
    if prev in _DURING and tokens[t.token].norm.endswith(_POSSESSIVE):
        return True
    if prev in _MEETING_AFTER:
        return any(tokens[k].norm in _MEETING_WITH for k in reach)
    if prev == "في" and tokens[t.token - 1].norm == "في" and _strip(tokens[t.token].norm) in _VISIT_NOUNS:
        places = st.doc.places or ()
        to = range(t.token + 1, min(st.i1, t.token + 4))
        return any(tokens[k].norm in _VISIT_TO for k in to) or any(
            tokens[to.start].start <= p.start < tokens[to.stop - 1].end for p in places if to)
    return False


def _promote_participants(st: _Sentence) -> None:
    """Protesters who demand (وطالب مئات المحتجين بإقالة الوزير): the demand is made at a protest."""
    mains, tokens = st.mains, st.tokens
    if not any(t.type == "PROTEST" for t in mains):
        pn = next((t for t in st.ts if t.type == "PROTEST" and t.pos == "pn" and st.rl.get(id(t)) is not None
                   and any(m.type == "REQUEST" and m.pos == "v" and _subject_after(tokens, m, t) for m in mains)), None)
        if pn is not None:
            _make_main(st, pn, "participants-subject")


def _promote_after_fighting(st: _Sentence) -> None:
    """An advance or a withdrawal after fighting (تقدمت القوات ... بعد اشتباكات عنيفة): the fighting happened too."""
    mains, rl = st.mains, st.rl
    if not any(t.type == "ASSAULT" for t in mains):
        moved = [m for m in mains if m.type in ("MOBILIZE", "RETREAT")]
        fought = next((t for t in st.ts if t.type == "ASSAULT" and t.pos == "n" and t.entry.mode in _FIGHT
                       and rl.get(id(t)) is not None and rl[id(t)].reason in _AFTER
                       and any(rl[id(m)].clause is rl[id(t)].clause for m in moved)), None)
        if fought is not None:
            _make_main(st, fought, "after-fighting")


def _promote_cause(st: _Sentence) -> None:
    """Casualties caused by a strike named with its agent (أصيب 20 مدنيا جراء قصف الميليشيات على المدينة)
    tell that strike, when the sentence has no attack of its own."""
    if any(t.type == "ASSAULT" for t in st.mains) or not ("killed" in st.figs or "injured" in st.figs):
        return
    tokens, rl, starts = st.tokens, st.rl, st.view.mention_starts
    for t in st.ts:
        if t.type != "ASSAULT" or t.pos != "n" or t.entry.weak or t.entry.mode not in _REMOTE \
                or rl.get(id(t)) is None or t.token <= st.i0 or tokens[t.token - 1].norm not in _CAUSE:
            continue
        nxt = t.token + 1
        if nxt < st.i1 and _mention_at(starts, tokens[nxt].start):
            _make_main(st, t, "cause")
            return


def _mention_at(starts, offset: int) -> bool:
    """Whether an actor mention starts at ``offset``."""
    i = bisect.bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset


def _weigh_evidence(st: _Sentence) -> None:
    """The sentence-wide evidence the main predicates are judged by: casualty figures, violent nouns, an
    accident or aftermath with or without violence of its own, a match report."""
    ts, rl, cues_at, mains = st.ts, st.rl, st.cues_at, st.mains
    figs = st.figs
    st.armed_fig = "killed" in figs or "injured" in figs
    # armed evidence: violent words of their own (not casualty words, not look-alikes that need it themselves)
    st.assault_nouns = frozenset(t.token for t in ts if t.type == "ASSAULT" and t.entry.ctx is None and (
        t.pos == "n" or (t.pos == "v" and not t.entry.weak)))
    # casualty words next to an accident, a disaster, an illness or a funeral are not violence, unless a
    # violent event word of its own stands in the sentence (not a casualty word, not a bare explosion)
    sent_cats: set[str] = set()
    for k in st.view.cues.keys_in(st.i0, st.i1):
        if "sports" in cues_at[k] and _rotating(st.tokens, k, st.i0):
            sent_cats |= cues_at[k] - {"sports"}  # الرئيس الدوري للمجلس: a rotating presidency, not a league
            continue
        sent_cats |= cues_at[k]
    mishap = "accident" in sent_cats or "aftermath" in sent_cats
    grief = "aftermath" in sent_cats
    st.mishap = mishap
    st.violent = mishap and any(o.type == "ASSAULT" and o.pos in ("v", "n") and not o.entry.weak
                                and o.key not in _BLAST and o.key not in _KILL and o.entry.ctx is None and (
                                    any(m is o for m in mains) or (  # or a device in the report (انفجار عبوة ناسفة)
                                        not grief and o.pos == "n" and o.entry.mode in _REMOTE
                                        and rl.get(id(o)) is not None and rl[id(o)].clause.kind in ("main", "reported")))
                                for o in ts)
    # a match report (مواجهة، هجوم، تصدى الحارس) is not violence nor a protest unless armed words stand there
    st.sport = "sports" in sent_cats and "armed" not in sent_cats and not any(
        m.info.inter in (1, 2, 3, 4) and m.info.kind not in _NOT_ARMED for m in st.sent_mentions)


def _agreement_topic(tokens, t, i0: int) -> bool:
    """An agreement noun after a preposition or a frame noun (بالاتفاق، إلى اتفاقية، على أساس اتفاق) with no verb
    that reaches, signs or reveals it in the few words before."""
    if t.key not in _AGREEMENT_NOUNS:
        return False
    prev = _strip(tokens[t.token - 1].norm) if t.token > i0 else ""
    if not (t.prefix.lstrip("و").startswith(("ب", "ل")) or prev in _AGREEMENT_TOPIC or tokens[t.token - 1].norm
            in _AGREEMENT_TOPIC):
        return False
    return not any(_strip(tokens[k].norm) in _AGREEMENT_REACH or tokens[k].norm in _AGREEMENT_REACH
                   for k in range(max(i0, t.token - 6), t.token))


def _rotating(tokens, k: int, i0: int) -> bool:
    """Whether the word at ``k`` is the rotating of a presidency (الرئيس الدوري، الرئاسة الدورية)."""
    return k > i0 and tokens[k].norm in _ROTATING and tokens[k - 1].norm in _ROTATING_BEFORE


def _armed_actor(st: _Sentence, clause, at: int | None = None) -> bool:
    """An armed actor in the clause or, for a verb opening a coordinated clause (... وسيطروا), in the
    dozen words before it (واصل مقاتلو المقاومة تقدمهم وسيطروا)."""
    i0 = st.i0
    lo = clause.start if clause.kind != "reported" else i0  # أعلن الثوار سيطرتهم: the speaker acts
    if at is not None and at == clause.start and st.tokens[at].norm[:1] in ("و", "ف"):
        lo = max(i0, at - 12)
    return any(lo <= m.token < clause.end and m.info.inter in (1, 2, 3, 4) and m.info.kind not in _NOT_ARMED
               for m in st.sent_mentions)


def _dismissed(st: _Sentence, t, role) -> bool:
    """Whether main predicate ``t`` is no event at all: words not arms, a match, a concern, an arrival,
    a prayer, no comment, a provision, an accident, a build-up."""
    tokens, cues_at, i0, i1 = st.tokens, st.cues_at, st.i0, st.i1
    if t.entry.mode == "intervene" and not st.protest_words:
        return True
    if t.entry.ctx == "armed" and t.pos == "v" and _verbal(tokens, t, i1, cues_at):
        return True  # هاجم الوزير المعارضة واصفا إياها ...: words, not arms
    lo_armed = role.clause.start - (3 if role.reason == "relative-told" else 0)  # the actor it tells of
    if role.clause.kind == "reported":
        lo_armed = i0  # the armed speaker or subject before a relative clause (إن القوات التي ... سيطرت)
    if t.entry.ctx == "armed" and not (st.armed_fig or _armed_actor(st, role.clause, t.token) or any(
            "armed" in cues_at.get(k, ()) or k in st.assault_nouns or _AIRCRAFT.intersection(
                (tokens[k].norm, _strip(tokens[k].norm))) for k in range(lo_armed, role.clause.end))):
        return True  # هاجم/اعتدى/اقتحم/خاض/فجر: violence only with armed words or actors in its own clause
    if st.sport:
        return True  # a match report: no violence, protest, apology or agreement to code
    return _misread(st, t, role)


def _misread(st: _Sentence, t, role) -> bool:
    """Whether the event word means something else here (a warning of a danger, an arrival, a prayer, no
    comment, a provision, an accident or an aftermath, a build-up)."""
    tokens, cues_at, i0, i1 = st.tokens, st.cues_at, st.i0, st.i1
    if t.type == "THREATEN" and t.entry.mode == "warn" and any(
            tokens[k].norm == "من" and _strip(tokens[k + 1].norm) in _WARNING_OF
            for k in range(t.token + 1, min(i1 - 1, t.token + 9))):
        return True  # حذر من خطورة الوضع: a concern about a danger, not a threat to act
    if t.type == "CONSULT" and t.entry.mode == "meet" and _receives_a_thing(tokens, t, i0, i1):
        return True  # مطار عدن استقبل أمس الطائرة الثانية: an arrival, not a meeting
    if t.type == "THREATEN" and any(_strip(tokens[k].norm) in _CONSTITUTE or tokens[k].norm in _CONSTITUTE
                                    for k in range(max(i0, t.token - 2), t.token)):
        return True  # يمثل تهديدا للأمن: a danger, not a threat made
    if t.type == "MOBILIZE" and t.key in _CROWD and t.token + 1 < i1 and tokens[t.token + 1].norm in _CROWD_OF:
        return True  # أمام حشد من أنصاره: a crowd
    if t.type == "AGREE" and _agreement_topic(tokens, t, i0):
        return True  # للتنديد بالاتفاق النووي، الانضمام إلى اتفاقية: the topic, not an agreement reached
    if political.act_participle(t) and role.reason != "participle":
        return True  # الإطاحة بـ33 متهما: defendants; an act participle is an event only beside a main event
    if t.type == "CONSULT" and political.arrival_without_visitor(tokens, t, i0):
        return True  # وصلت الطائرة قادمة من القاهرة: an arrival, not a visit
    if t.type == "REQUEST" and (any(_strip(tokens[k].norm) in _PRAYER and tokens[k - 1].norm not in _PRAYER_NAME
                                    for k in range(t.token + 1, min(i1, t.token + 4)))
                                or any(_strip(tokens[k].norm) in _PRAYER_WORDS
                                       for k in range(t.token + 1, min(i1, t.token + 8)))):
        return True  # ودعت الوزارة الله أن يتغمد الضحايا: a prayer, not a request
    if t.type == "REJECT" and any(tokens[k].norm in _REJECT_SPEECH for k in range(t.token + 1, min(i1, t.token + 6))):
        return True  # رفضت الوزارة التعليق / نفي أو تأكيد: no comment, not a rejection
    if t.type == "RETREAT" and t.key in _FLEE_KEYS and t.prefix.startswith("و") and not any(
            tokens[k].norm in _FLIGHT for k in range(t.token + 1, min(i1, t.token + 5))):
        return True  # وفرت الحكومة الغذاء: provided, not fled (فر goes from or to somewhere)
    if st.mishap and t.type == "ASSAULT" and (t.pos in ("c", "p") or role.reason == "figures" or t.key in _BLAST
                                              or t.key in _KILL or t.entry.weak) and not st.violent:
        return True  # لقي 3 أشخاص مصرعهم في حادث مروري، يعزي أسر الشهداء: an accident or an aftermath
    # احتشدت القوات: a build-up, not a protest
    return t.entry.ctx == "unarmed" and any("armed" in cues_at.get(k, ())
                                            for k in range(max(i0, t.token - 3), min(i1, t.token + 5)))


def _build_in(st: _Sentence, t, role, fact, specific: int) -> Event:
    """The event of trigger ``t`` in this sentence (:func:`_build` with the sentence's tables)."""
    if st.excluded is None:
        st.excluded = excluded_spans(st.sent_mentions, st.ts)
    return _build(st.doc, st.s, t, role, fact, st.sent_mentions, st.cues_at, st.ts, st.rl, specific, st.subs,
                  st.excluded)


def _code_main(st: _Sentence, t, role, out: list, advances: set[int]) -> None:
    """Judge and build the event of main predicate ``t`` (and a protest of its victims), and add it to ``out``
    as happened or not with its reason."""
    doc, s, figs = st.doc, st.s, st.figs
    fact = judge(st.tokens, st.i0, st.i1, t, role.clause, st.cues_at, s.text, doc.published, st.dates, role.head,
                 st.view.cues)
    if role.reason == "nominal-head" and _evaluated(st.tokens, t, role.clause, st.cues_at, st.dates):
        out.append((_build_in(st, t, role, fact, _specific_base(st)), False, "evaluated"))
        return
    specific = _specific_base(st)
    if role.reason == "participants-subject" and ("ال" in t.prefix or t.key.startswith("ال")):
        specific += 1  # رفع المتظاهرون ...: the protesters the article is about
    if (t.type in _SPECIFIC_NEEDED or t.entry.weak) and specific == 0 and fact.value in HAPPENED \
            and fact.background is None:
        ev = _build_in(st, t, role, fact, specific)
        out.append((ev, False, "unspecific"))
        return
    ev = _build_in(st, t, role, fact, specific)
    if t.type == "MOBILIZE" and t.entry.weak:
        advances.add(id(ev))
    happened = fact.value in HAPPENED and fact.background is None
    if happened and doc.published is not None and ev.date and is_old(doc.published, ev.date):
        fact.background, happened = "history", False  # its own date lies long before the article
    out.append((ev, happened, fact.background or fact.value if not happened else role.reason))
    # victims who were protesting (قتل 3 متظاهرين، أطلقت الشرطة النار على المحتجين): a protest too, when
    # the protest word stands in a main or reported clause (not ... الذين تظاهروا، not a weak word)
    rl = st.rl
    victims = next((o for o in st.ts if o.type == "PROTEST" and o.entry.mode != "intervene" and not o.entry.weak
                    and rl.get(id(o)) is not None and rl[id(o)].clause.kind in ("main", "reported")), None) \
        if t.type == "ASSAULT" and st.protest_words else None
    if victims is not None and not any(o.type == "PROTEST" for o in st.mains):
        pev = _build_in(st, victims, role, fact, specific)
        pev.mode = "excessive" if t.entry.mode in ("firearms", "beat") or "killed" in figs or "injured" in figs \
            else "intervene"
        out.append((pev, happened, "protest-victims"))


def _modal_events(st: _Sentence, out: list) -> None:
    """Add the words under a future, modal or conditional frame to ``out``, kept aside with the reason."""
    for t in st.ts:
        role = st.rl.get(id(t))
        if role is None or role.main or not (role.clause.governor == "modality" or role.reason == "under-modality"):
            continue
        if any(o is t for o in st.mains):
            continue
        fact = judge(st.tokens, st.i0, st.i1, t, role.clause, st.cues_at, st.s.text, st.doc.published, st.dates,
                     role.head, st.view.cues)
        if fact.value not in HAPPENED:
            out.append((_build_in(st, t, role, fact, _specific_base(st)), False, fact.value))


_ACTIVITY_BEFORE = word_set(_WORDS, "stage_activity_before")


def _in_result(tokens, t, i0: int) -> bool:
    """Whether a casualty noun follows a past result verb after ما (..., ما أسفر عن مقتل، مما أدى إلى إصابة):
    a present or future one (قد يؤدي، لن يسفر) or a negated one (لم يسفر) is no report."""
    for k in range(t.token - 1, max(i0, t.token - 4), -1):
        if tokens[k].norm in _RESULT_VERBS:
            return tokens[k - 1].norm in _RESULT_MARKS
    return False


def _activity_noun(t, tokens, mentions) -> bool:
    """An indefinite fight noun whose genitive is the enemy (نجحوا في قتال داعش، الأولوية لقتال التنظيم)
    names an activity or aim, not a fight that happened: its object follows at once, after a
    preposition, the purpose lam or a copula."""
    if t.type != "ASSAULT" or t.pos != "n" or t.entry.mode != "clash":
        return False
    w = tokens[t.token].norm
    if w[len(t.prefix or ""):].startswith("ال") or w.startswith(("ال", "وال", "بال", "فال", "لل")):
        return False
    nxt = t.token + 1
    while nxt < len(tokens) and tokens[nxt].kind == "punct" and tokens[nxt].text in "(«\"“":
        nxt += 1
    if not any(m.token == nxt for m in mentions):
        return False
    prev = tokens[t.token - 1].norm if t.token > 0 else ""
    return (t.prefix or "").endswith(("ل", "ب")) or prev in _ACTIVITY_BEFORE


_SPEECH_PARTICIPLES = word_set(_WORDS, "stage_speech_participles")
_QUANTITY = word_set(_WORDS, "clauses_quantity")


def _subject_after(tokens, verb, t) -> bool:
    """Whether participant noun ``t`` follows ``verb`` as its subject, past numbers and quantity words only
    (طالب المحتجون، طالب مئات المحتجين، طالب نحو 200 متظاهر)."""
    if not 0 < t.token - verb.token <= 3:
        return False
    return all(tokens[k].kind == "number" or tokens[k].norm in _QUANTITY for k in range(verb.token + 1, t.token))
_EVALUATIVE = word_set(_WORDS, "stage_evaluative")
_WARNING_OF = word_set(_WORDS, "stage_warning_of")
_PRAYER = word_set(_WORDS, "stage_prayer_objects")
_PRAYER_WORDS = word_set(_WORDS, "stage_prayer_words")
_PRAYER_NAME = word_set(_WORDS, "stage_prayer_name_before")  # آية الله، حزب الله: a title or a name
_CAMPAIGN = word_set(_WORDS, "stage_campaign_keys")
_CONSTITUTE = word_set(_WORDS, "stage_constitute_verbs")
_ROTATING = word_set(_WORDS, "stage_rotating_words")
_AGREEMENT_NOUNS = word_set(_WORDS, "stage_agreement_nouns")
_AGREEMENT_TOPIC = word_set(_WORDS, "stage_agreement_topic_before")
_AGREEMENT_REACH = word_set(_WORDS, "stage_agreement_reach")
_ROTATING_BEFORE = word_set(_WORDS, "stage_rotating_before")
_CROWD = word_set(_WORDS, "stage_crowd_keys")
_CROWD_OF = word_set(_WORDS, "stage_crowd_of")
_RECEIVED_THINGS = word_set(_WORDS, "stage_received_things")
_RECEIVING_PLACES = word_set(_WORDS, "stage_receiving_places")
_RECEIVE = word_set(_WORDS, "stage_receive_verbs")


def _receives_a_thing(tokens, t, i0: int, i1: int) -> bool:
    """A port or an airport receiving, or a plane, ship or convoy received (استقبل مطار عدن الطائرة)."""
    w = tokens[t.token].norm
    if w not in _RECEIVE and _strip(w) not in _RECEIVE:
        return False
    k = t.token
    place = any(_strip(tokens[j].norm) in _RECEIVING_PLACES and tokens[j - 1].norm != "في"
                for j in (k - 2, k - 1, k + 1) if i0 < j < i1)  # مطار عدن استقبل، استقبل مطار (not في مطار)
    return place or any(_strip(tokens[j].norm) in _RECEIVED_THINGS for j in range(k + 1, min(i1, k + 5)))
_COPULA = word_set(_WORDS, "stage_evaluative_copula")


def _evaluated(tokens, t, clause, cues_at, dates) -> bool:
    """An event noun heading a judgement about it, with no time or number of its own (تحرير المدينة يعد
    بداية ...، المحادثات تبقى الطريقة الوحيدة): an assessment, not a report of something that happened."""
    if t.pos != "n":
        return False
    hi = min(clause.end, t.token + 9)
    words = _EVALUATIVE | _COPULA if t.entry.weak else _EVALUATIVE  # تحرير عدن هو بداية الخلاص
    if not any(_strip(tokens[k].norm) in words or tokens[k].norm in words for k in range(t.token + 1, hi)):
        return False
    return not any(tokens[k].kind == "number" or "concrete_time" in cues_at.get(k, ())
                   for k in range(clause.start, clause.end)) and not any(
        clause.start <= k < clause.end for k, _v in dates)


def _verbal(tokens, t, i1: int, cues_at) -> bool:
    """An attack made of words: a speech participle or a medium within the next words (هاجم X واصفا إياه)."""
    return any(tokens[k].norm in _SPEECH_PARTICIPLES or (tokens[k].norm[:1] in "وب" and tokens[k].norm[1:] in
               _SPEECH_PARTICIPLES) for k in range(t.token + 1, min(i1, t.token + 12)))


def _told_types(ts, c) -> frozenset[str]:
    """The event type a relative or subordinate clause tells of: the event word it follows closely
    (الهجوم الذي وقع أمس tells of the attack); its own event words are not events of the sentence."""
    prev = [o for o in ts if o.token < c.start]
    if prev:
        head = max(prev, key=lambda o: o.token)
        if c.start - head.token <= 6 and head.pos not in ("v", "p"):  # not a verb's object (بحث الإصلاحات التي)
            return frozenset({head.type})
    return frozenset()


def _resumed(tokens, t, i1: int, cues_at) -> bool:
    """Whether a light verb carrying a pronoun that points back follows the noun (وقفة احتجاجية نظمها ...)."""
    k = t.token + 1
    while k < i1 and tokens[k].start < t.end:
        k += 1  # past the trigger's own words (وقفة احتجاجية)
    for j in range(k, min(i1, k + 3)):  # past up to two adjectives (المظاهرة الحاشدة، غارات عنيفة)
        if tokens[j].kind != "word" or "subordinators" in cues_at.get(j, ()):
            return False
        if _light_pronoun(tokens, j, i1, cues_at):
            return True
    return False


def _light_pronoun(tokens, k: int, i1: int, cues_at) -> bool:
    """A light verb pointing back with its pronoun (نظمها، شنتها) or followed by فيها/فيه."""
    w = tokens[k].norm
    if "light_verbs" in cues_at.get(k, ()):
        return k + 1 < i1 and tokens[k + 1].norm in ("فيها", "فيه")  # شارك فيها الآلاف
    for suffix in ("ها", "هم", "ه"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return "light_verbs" in cue_categories(w[:-len(suffix)])  # نظمها، شنه
    return False


def _specific_base(st: _Sentence) -> int:
    """The sentence's :func:`_specificity` (counted once, at its first event)."""
    if st.specific_base is None:
        st.specific_base = _specificity(st.doc, st.s, st.i0, st.i1, st.view, st.sent_mentions, st.figs,
                                        any(t.pos == "c" for t in st.ts))
    return st.specific_base


def _specificity(doc, s, i0, i1, view, sent_mentions, figs, casualties: bool = False) -> int:
    n = 0
    if figs:
        n += 1
    tokens = doc.tokens
    if any(not _is_year(tokens[k].norm) for k in between(view.cues.numbers, i0, i1)) \
            or between(view.number_words, i0, i1):
        n += 1  # a count (not a year) or a number word
    if view.cues.has("concrete_time", i0, i1):
        n += 1
    starts = view.date_starts
    if _any_in(doc.dates, s.start, s.end) if starts is None else _starts_in(starts, s.start, s.end):
        n += 1
    starts = view.place_starts
    if starts is None:
        if _any_in(doc.places, s.start, s.end, lambda p: p.kind != "country"):
            n += 1
    else:
        places = doc.places
        i = bisect.bisect_left(starts, s.start)
        while i < len(places) and starts[i] < s.end:
            if places[i].kind != "country":
                n += 1
                break
            i += 1
    if any(m.info.inter is not None and m.info.kind not in ("civilians", "protesters", "unidentified")
           for m in sent_mentions):
        n += 1
    if casualties:
        n += 1
    return n


def _is_year(s: str) -> bool:
    return len(s) == 4 and s.isdigit() and s[:2] in ("19", "20")


def _starts_in(starts: list[int], start: int, end: int) -> bool:
    """Whether the sorted list ``starts`` holds a value in ``[start, end)``."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _any_in(items, start: int, end: int, pred=None) -> bool:
    """Whether an annotation of ``items`` (sorted by start) starts in ``[start, end)`` (and meets ``pred``)."""
    i = bisect.bisect_left(items, start, key=lambda a: a.start)
    while i < len(items) and items[i].start < end:
        if pred is None or pred(items[i]):
            return True
        i += 1
    return False



