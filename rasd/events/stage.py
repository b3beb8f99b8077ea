"""The pipeline stage that codes events: triggers → main predicate → factuality → arguments → merge.

``CodeEvents`` (the last default stage) fills ``doc.events`` with the events that happened
(factuality asserted or reported, not background history or a generic trend).  The others — negated,
future, hypothetical, background — are kept in ``doc.cache["events_other"]`` as (event, reason)
pairs, and in ``doc.events`` too when the stage is built with ``include_all=True``.  Each sentence
with trigger words is coded by :mod:`rasd.events.sentence`; this module does the document-level steps.
"""

from __future__ import annotations

import bisect
from functools import cache

from rasd.doc import Document, Event
from rasd.events import actors as _actors
from rasd.events import scan as _scan
from rasd.events import triggers as _triggers
from rasd.events.arguments import FIGURE_FIELDS, sentence_figures, vague_figures
from rasd.events.build import _strip
from rasd.events.coding import code_acled
from rasd.events.cues import between, cue_data, cues_for
from rasd.events.cues import load as _load_cues
from rasd.events.merge import compatible, merge_events
from rasd.events.sentence import _code_sentence, _View, doc_table
from rasd.lexicon import word_set
from rasd.text.normalize import normalize_word
from rasd.text.stage import norm_text

_FIG_TARGET = {"killed": ("ASSAULT", "PROTEST"), "injured": ("ASSAULT", "PROTEST"),
               "displaced": ("ASSAULT", "COERCE"), "arrested": ("COERCE", "PROTEST")}


@cache
def _name_heads() -> frozenset[str]:
    return frozenset(normalize_word(w) for w in cue_data().get("name_heads", []))


@cache
def _vague_values() -> dict[str, int]:
    return {normalize_word(k): int(v) for k, v in (cue_data().get("vague_quantities") or {}).items()}


class CodeEvents:
    """Find and code the events of a document (PLOVER types, ACLED where ACLED codes them)."""

    name = "events"
    needs = ("sentences",)
    adds = ("events",)

    def __init__(self, include_all: bool = False) -> None:
        self.include_all = include_all

    def load(self) -> CodeEvents:
        """Load the lexicons now."""
        _triggers.load()
        _actors.load()
        _load_cues()
        _vague_values()
        _scan.combined(_matchers())
        return self

    def __call__(self, doc: Document) -> Document:
        events, other = code_document(doc)
        doc.cache["events_other"] = other
        doc.events = events + ([e for e, _r in other] if self.include_all else [])
        return doc


def _outside_place_names(trigs: list, places) -> list:
    """The triggers that are not read out of a place's name: a clitic letter that begins a town's name
    (بعقوبة is no ب + عقوبة) leaves a place that starts before the event word and covers all of it."""
    spans = sorted((p.start, p.end) for p in places)
    pstarts = [a for a, _b in spans]
    out = []
    for t in trigs:
        i = bisect.bisect_left(pstarts, t.start) - 1  # the last place that starts before the event word
        if t.prefix and i >= 0 and spans[i][1] >= t.end:
            continue
        out.append(t)
    return out


def code_document(doc: Document) -> tuple[list[Event], list[tuple[Event, str]]]:
    """(events that happened, [(other event, reason)]) of ``doc``."""
    if not doc.tokens or not doc.sentences:
        return [], []
    nt = norm_text(doc)
    table = doc_table(doc)  # the tokens' starts, and where numbers, marks, stops and number words stand
    starts = table[0]

    def token_index(offset: int, _right=bisect.bisect_right) -> int:
        i = _right(starts, offset) - 1
        return i if i > 0 else 0

    trigs, mentions = _event_words(doc, nt, token_index)
    if not trigs:
        return [], []
    by_sent = _by_sentence(doc, trigs)
    cues_at = _sentence_cues(doc, by_sent, token_index)
    view = _View(doc, cues_at, mentions, table)
    mentions_ev: list[tuple[Event, int, str]] = []  # (event, sentence index, reason)
    other: list[tuple[Event, str]] = []
    for si, ts in by_sent.items():
        s = doc.sentences[si]
        built = _code_sentence(doc, si, s, ts, cues_at, mentions, token_index, view)
        for ev, happened, reason in built:
            if happened:
                mentions_ev.append((ev, si, reason))
            else:
                other.append((ev, reason))
    merged = _settle(doc, mentions_ev, other, by_sent, cues_at)
    for n, ev in enumerate(merged, 1):
        ev.id = f"{doc.id or 'doc'}-e{n}"
    for n, (ev, _r) in enumerate(other, 1):
        ev.id = f"{doc.id or 'doc'}-x{n}"
    return merged, other


def _matchers() -> tuple:
    """The phrase matchers of the trigger verbs, the trigger nouns and the actors, looked up in one pass."""
    return (*_triggers.matchers(), _actors.matcher())


def _event_words(doc: Document, nt, token_index) -> tuple[list, list]:
    """The trigger words that are no part of a name, and the actor mentions; ([], []) without triggers."""
    verb_matches, noun_matches, actor_matches = _scan.find_all(nt, _matchers())  # one pass for the three
    trigs = _triggers.find_triggers(nt, doc.tokens, token_index, (verb_matches, noun_matches))
    if not trigs:
        return [], []
    heads = _name_heads()
    # an event word right after a name head is part of a name (قناة المسيرة، ساحة التحرير، منطقة الاشتباكات)
    trigs = [t for t in trigs if not (t.token > 0 and t.prefix in ("", "ال")
                                      and _strip(doc.tokens[t.token - 1].norm) in heads)]
    if doc.places:
        trigs = _outside_place_names(trigs, doc.places)
    overlaps = _span_test(trigs)
    mentions = [m for m in _actors.find_mentions(doc, nt, token_index, _scan.longest_first(actor_matches))
                if m.source != "entity" or not overlaps(m.start, m.end)]
    return _outside_actor_names(trigs, mentions), mentions


def _outside_actor_names(trigs: list, mentions) -> list:
    """The triggers not inside a known actor's name (قوات الدعم السريع، حزب العمال is no event)."""
    aspans = sorted((m.start, m.end) for m in mentions if m.source == "dictionary"
                    and m.info.kind not in ("protesters", "civilians", "rioters", "unidentified"))
    astarts = [a for a, _b in aspans]

    def inside_actor(t) -> bool:
        i = bisect.bisect_right(astarts, t.start) - 1
        while i >= 0 and aspans[i][1] > t.start:
            a, b = aspans[i]
            if a <= t.start and t.end <= b and b - a > t.end - t.start:
                return True
            i -= 1
        return False

    return [t for t in trigs if not inside_actor(t)]


def _by_sentence(doc: Document, trigs: list) -> dict[int, list]:
    """The triggers grouped by the index of their sentence."""
    by_sent: dict[int, list] = {}
    sent_starts = [s.start for s in doc.sentences]
    for t in trigs:
        si = max(0, bisect.bisect_right(sent_starts, t.start) - 1)
        by_sent.setdefault(si, []).append(t)
    return by_sent


def _sentence_cues(doc: Document, by_sent: dict[int, list], token_index) -> dict[int, set[str]]:
    """The cue categories of each token of the sentences with triggers (and of the sentence after each)."""
    cues_at: dict[int, set[str]] = {}
    for si in by_sent:
        s = doc.sentences[si]
        cues_for(doc.tokens, s.token_start, s.token_end, cues_at)
        # the next sentence too: its figures may belong to this sentence's event
        if si + 1 < len(doc.sentences) and si + 1 not in by_sent:
            n = doc.sentences[si + 1]
            cues_for(doc.tokens, n.token_start, n.token_end, cues_at)
    _drop_cues_in_names(doc, cues_at, token_index)
    return cues_at


def _settle(doc: Document, mentions_ev, other: list, by_sent, cues_at) -> list[Event]:
    """The article's events from the sentences' happened ones: figures attached, running totals and events
    told elsewhere set aside into ``other``, the rest coded and merged (none in an opinion column)."""
    _attach_figures(doc, mentions_ev, cues_at)
    _intervened(doc, mentions_ev, by_sent)
    # a death toll in the thousands is a war's running total, not one event
    kept = []
    for ev, si, r in mentions_ev:
        if (ev.fatalities or 0) >= 1000 or (ev.injured or 0) >= 1000:
            other.append((ev, "generic"))
        else:
            kept.append((ev, si, r))
    mentions_ev = kept
    for ev, _si, _r in mentions_ev:
        _finish(ev, doc, cues_at)
    weak_loc = frozenset(id(e) for e, _si, _r in mentions_ev
                         if e.location is None or (e.location.geo_precision == 3 and not _told_in(doc, e))
                         or not (doc.sentences[_si].start <= e.location.start < doc.sentences[_si].end))
    mentions_ev = _drop_told_elsewhere(mentions_ev, weak_loc, other)
    merged = merge_events([e for e, _si, _r in mentions_ev], weak_loc)
    if _opinion(doc.text):
        other.extend((ev, "opinion") for ev in merged)  # a column argues; events are coded from reports
        merged = []
    return merged


_TOLD_AT = word_set("events/words.yaml", "stage_told_at")


def _told_in(doc: Document, ev: Event) -> bool:
    """Whether the event's country is told as where it happened, next to its word (نفذت في العراق عشر
    ضربات، 17 ضربة جوية في العراق): a place of its own, not one to fold into a neighbour's event."""
    loc, trig, text = ev.location, ev.trigger, doc.text
    before = text[max(0, loc.start - 6):loc.start].split()[-1:]
    if trig is None or not before or normalize_word(before[0]) not in _TOLD_AT:
        return False
    gap = text[trig.end:loc.start] if trig.end <= loc.start else text[loc.end:trig.start]
    return len(gap.split()) <= 4


def _span_test(items):
    """A test ``(start, end) -> bool``: does ``[start, end)`` overlap the span of one of ``items``?
    (by bisection over the starts, with the running maximum of the ends)."""
    spans = sorted((t.start, t.end) for t in items)
    starts = [a for a, _b in spans]
    reach = []
    top = -1
    for _a, b in spans:
        top = max(top, b)
        reach.append(top)

    def overlaps(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)  # the spans that start before ``end``
        return i > 0 and reach[i - 1] > start
    return overlaps


@cache
def _opinion_markers() -> tuple[str, ...]:
    return tuple(cue_data().get("opinion_markers", []))


def _opinion(text: str) -> bool:
    """Whether the article is an opinion column (the outlet's footer listing the author's other articles)."""
    return any(m in text for m in _opinion_markers())


_VERB_CUES = frozenset({"stance", "reporting", "accusation", "denial", "modality", "light_verbs"})


def _drop_cues_in_names(doc: Document, cues_at: dict[int, set[str]], token_index) -> None:
    """A word of a person's name is no predicate (كيري read as ك + يرى "he sees", a stance verb);
    its other cues stay (an honorific such as رضي الله عنه still marks history)."""
    if not cues_at:
        return
    for e in doc.entities:
        if e.label == "PERS":
            for k in range(token_index(e.start), token_index(e.end - 1) + 1):
                cats = cues_at.get(k)
                if cats and cats & _VERB_CUES:
                    cats -= _VERB_CUES
                    if not cats:
                        del cues_at[k]


def _drop_told_elsewhere(mentions_ev, weak_loc, other):
    """An attack known only from a condemnation or a "this came after" clause (وذلك بعد مقتل طفل ...)
    is coded when the article tells it nowhere else; when it does, that telling is the evidence."""
    told = [e for e, _si, r in mentions_ev if r != "implied"]
    out = []
    for ev, si, r in mentions_ev:
        if r == "implied" and any(compatible(o, ev, weak_loc) or compatible(ev, o, weak_loc) for o in told):
            other.append((ev, "told-elsewhere"))
            continue
        out.append((ev, si, r))
    return out


def _attach_figures(doc: Document, evs: list[tuple[Event, int, str]], cues_at) -> None:
    by_sent: dict[int, list[Event]] = {}
    for ev, si, _r in evs:
        by_sent.setdefault(si, []).append(ev)
    vv = _vague_values()
    vague_at = sorted(k for k, c in cues_at.items() if "vague" in c)  # a sentence without one has no vague count
    wanted = sorted({si for si in by_sent} | {si + 1 for si in by_sent if si + 1 < len(doc.sentences)})
    for si in wanted:
        s = doc.sentences[si]
        figs = sentence_figures(doc, s.start, s.end)
        vague = vague_figures(doc.tokens, s.token_start, s.token_end, cues_at, vv) \
            if between(vague_at, s.token_start, s.token_end) else {}
        for k, v in vague.items():
            figs.setdefault(k, v)
        for kind, value in figs.items():
            targets = _FIG_TARGET.get(kind, ())
            ev = None
            for sj in (si, si - 1):
                cands = [e for e in by_sent.get(sj, []) if e.type in targets]
                if kind == "arrested":
                    cands = [e for e in cands if e.type != "PROTEST" or e.mode in ("intervene", "excessive")] or cands
                if cands:
                    cands.sort(key=lambda e: targets.index(e.type))
                    ev = cands[0]
                    break
            if ev is None:
                continue
            field = FIGURE_FIELDS[kind]
            cur = getattr(ev, field)
            setattr(ev, field, value if cur is None else min(cur, value))
            ev.confidence = round(min(0.99, ev.confidence + 0.05), 3)


def _intervened(doc, mentions_ev, by_sent) -> None:
    """A protest is one with intervention when the next sentence of the article tells of its dispersal
    (فرقت الشرطة المحتجين، الغاز المسيل للدموع) without a protest of its own."""
    for ev, si, _r in mentions_ev:
        if ev.type != "PROTEST" or ev.mode not in (None, "demonstrate"):
            continue
        nxt = by_sent.get(si + 1, ())
        if any(t.type == "PROTEST" and t.entry.mode == "intervene" for t in nxt) and not any(
                e.type == "PROTEST" and sj == si + 1 for e, sj, _r in mentions_ev):
            ev.mode = "intervene"


def _finish(ev: Event, doc: Document, cues_at) -> None:
    code_acled(ev, victims_civilian=any(a.inter == 7 for a in ev.actors))
    if ev.type == "PROTEST" and ev.sub_event_type == "Peaceful protest" and ev.arrested:
        ev.sub_event_type = "Protest with intervention"
