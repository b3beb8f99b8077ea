"""One event per (type, date, place, actors) per article: mentions of the same event merge.

Two events merge when they have the same PLOVER type and compatible date (equal, or one only known
from the publication date and the other a day at most a few days before it), place (same name, or
one missing, or one only a coarser area of the other's country) and first actor (same name, or one
missing).  The merged event keeps every
evidence span, the most specific mode, the lowest reported figure of each kind and the best
confidence.
"""

from __future__ import annotations

import datetime as _dt

from rasd.doc import Event
from rasd.events.coding import mode_rank
from rasd.lexicon import load_yaml, word_set
from rasd.text.normalize import normalize_word

# a sentence opening with an addition word (كما قتل ...) tells another event of the kind just told
_ADDITION = word_set("events/words.yaml", "merge_addition_openers")
# ... or with a phrase that says so (من جهة أخرى، وفي تطور آخر): its words, normalised
_OTHER = tuple(tuple(normalize_word(w) for w in p.split()) for p in load_yaml("events/words.yaml")["merge_other_openers"])
_STATEMENT = word_set("events/words.yaml", "arguments_statement_words")
_SAID_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "AGREE", "CONSULT", "CONCEDE"})


def _actor1(ev: Event):
    return next((a for a in ev.actors if a.role == "actor1"), None)


def _actor_key(a) -> str | None:
    return None if a is None else (a.name or a.text)


_GENERIC_MODES = frozenset({None, "firearms", "meet", "demonstrate"})
_BOMB = {"explosives", "suicide"}  # a blast later told to be a suicide attack is one event


def compatible(a: Event, b: Event, weak_loc: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether ``a`` and ``b`` can be mentions of one event (``weak_loc``: ids of inferred places)."""
    if a.type != b.type:
        return False
    if a.mode != b.mode and a.mode not in _GENERIC_MODES and b.mode not in _GENERIC_MODES \
            and {a.mode, b.mode} != _BOMB:
        return False
    if a.date and b.date and a.date != b.date:
        if "publication" not in (a.date_precision, b.date_precision):
            if not (a.date.startswith(b.date) or b.date.startswith(a.date)):
                return False
        elif not _recent(a, b):
            return False
    la, lb = a.location, b.location
    if la is not None and lb is not None and _other_province(la, lb) and _told_here(a) and _told_here(b):
        return False  # strikes on Lahij and on Sanaa the same night are two events, whatever told them
    if la is not None and lb is not None and la.country_code != lb.country_code and _told_here(a) and _told_here(b) \
            and (_named_here(a) or _named_here(b)):
        return False  # غارات في سوريا ... قصف في شمال العراق: two countries each told with its event
    if la is not None and lb is not None and id(a) not in weak_loc and id(b) not in weak_loc:
        if la.country_code != lb.country_code:
            return False
        na, nb = la.name or la.text, lb.name or lb.text
        if na != nb and la.kind not in ("country", "admin1", "region") and lb.kind not in ("country", "admin1", "region"):
            return False
    a1, b1 = _actor1(a), _actor1(b)
    ka, kb = _actor_key(a1), _actor_key(b1)
    if a.type == "CONSULT" and not _same_meeting(a, b, ka, kb):
        return False
    if ka and kb and ka != kb and a.mode == b.mode == "clash" and (
            kb in {_actor_key(x) for x in a.actors} or ka in {_actor_key(x) for x in b.actors}):
        return True  # a clash has two sides: the same fight told from the other side
    if ka and kb and ka != kb:
        # two names of one state (الرئاسة المصرية / السيسي) are one side
        return bool(a1.country_code and a1.country_code == b1.country_code and a1.inter == b1.inter == 1)
    return True


def _actor2(ev: Event):
    return next((a for a in ev.actors if a.role == "actor2"), None)


def _same_meeting(a: Event, b: Event, ka: str | None, kb: str | None) -> bool:
    """Whether two meetings of one host may be one: not when the guests are two states' officials of
    different countries (the emir met Kerry's delegation, then Lavrov's)."""
    a2, b2 = _actor2(a), _actor2(b)
    return not (ka and kb and a2 is not None and b2 is not None and a2.inter == b2.inter == 1
                and a2.country_code and b2.country_code and a2.country_code != b2.country_code)


def _told_here(ev: Event) -> bool:
    """Whether the event's place is named in its own evidence (not inferred from elsewhere in the text)."""
    loc = ev.location
    return loc is not None and any(s.start <= loc.start < s.end for s in ev.evidence)


def _named_here(ev: Event) -> bool:
    """Whether the event's place is named (not a nisba) in its own evidence: a country so named, coarse as
    it is, says where this event was."""
    return ev.location.via != "nisba" and _told_here(ev)


_STANCE_TYPES = _SAID_TYPES - {"AGREE", "CONSULT", "CONCEDE"}  # a stance taken, not a meeting or a deal


def _said_at_home(ev: Event) -> bool:
    """Whether a statement is placed at its speaker's nationality (a nisba: أدانت الخارجية الأمريكية): a town of
    another country told by a later mention is what it spoke about, not where it spoke."""
    return ev.type in _STANCE_TYPES and ev.location.via == "nisba"


def _other_province(la, lb) -> bool:
    """Whether two places of one country lie in different provinces (admin1), one of them a province."""
    if la.country_code != lb.country_code or "admin1" not in (la.kind, lb.kind):
        return False
    if la.kind in ("country", "region") or lb.kind in ("country", "region"):
        return False
    return bool(la.admin1_en and lb.admin1_en and la.admin1_en != lb.admin1_en)


_RECENT_DAYS = 3  # an undated mention is news of its day: a day this far before it is another event's


def _recent(a: Event, b: Event) -> bool:
    """Whether an undated mention (publication date) and a dated one may be one event: the dated one is a
    day (not a week, month or year: في الأسابيع الماضية، منتصف الشهر) at most a few days before."""
    pub, dated = (a, b) if a.date_precision == "publication" else (b, a)
    if dated.date_precision == "publication":
        return True
    if dated.date_precision not in ("day", "range") or len(dated.date) < 10 or len(pub.date) < 10:
        return False
    try:
        days = (_dt.date.fromisoformat(pub.date[:10]) - _dt.date.fromisoformat(dated.date[:10])).days
    except ValueError:
        return True
    return -1 <= days <= _RECENT_DAYS


def absorb(into: Event, other: Event, weak_loc: frozenset[int] = frozenset()) -> None:
    """Merge ``other`` into ``into`` (in place)."""
    seen = {(s.start, s.end) for s in into.evidence}
    for s in other.evidence:
        if (s.start, s.end) not in seen:
            into.evidence.append(s)
            seen.add((s.start, s.end))
    into.evidence.sort(key=lambda s: s.start)
    ranks = mode_rank(into.type)
    if other.mode and (into.mode is None or (other.mode in ranks and (
            into.mode not in ranks or ranks.index(other.mode) < ranks.index(into.mode)))):
        into.mode = other.mode
        if other.sub_event_type:  # the ACLED coding follows the more specific mode (a dispersal told later)
            into.disorder_type, into.event_type, into.sub_event_type = (
                other.disorder_type, other.event_type, other.sub_event_type)
    if (into.date_precision in (None, "publication")) and other.date and other.date_precision not in (None, "publication"):
        into.date, into.date_precision = other.date, other.date_precision
    here = into.location
    if other.location is not None and other.location.geo_precision != 3 and (here is None or (
            here.country_code == other.location.country_code or not (_named_here(into) or _said_at_home(into))) and (
            (here.country_code == other.location.country_code or here.kind == "country") and (
                (id(into) in weak_loc and id(other) not in weak_loc)
                or (_finer(other.location, here) and (here.kind or "") in _COARSE)))):
        into.location = other.location  # a town does not replace the town of the first telling
    names = {a.name or a.text for a in into.actors}
    for a in other.actors:
        if (a.name or a.text) in names:
            continue
        mine = next((x for x in into.actors if x.role == a.role), None)
        if mine is None:
            into.actors.append(a)
        elif _weaker(mine, a):
            into.actors[into.actors.index(mine)] = a
        names.add(a.name or a.text)
    into.actors.sort(key=lambda x: x.role)
    for f in ("fatalities", "injured", "displaced", "arrested"):
        x, y = getattr(into, f), getattr(other, f)
        if y is not None and (x is None or y < x):
            setattr(into, f, y)
    into.confidence = max(into.confidence, other.confidence)
    into.civilian_targeting = into.civilian_targeting or other.civilian_targeting
    if into.factuality == "reported" and other.factuality == "asserted":
        into.factuality = "asserted"


def _weaker(a, b) -> bool:
    """Whether actor ``a`` says less than ``b`` (unknown or generic civilians vs a known armed actor)."""
    return (a.inter is None and b.inter is not None) or (a.inter == 7 and b.inter not in (None, 7))


_COARSE = frozenset({"country", "admin1", "region", "admin2"})
_RANK = {"facility": 5, "village": 4, "city": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0}


def _finer(a, b) -> bool:
    return _RANK.get(a.kind or "", 2) > _RANK.get(b.kind or "", 2) or (
        (a.geo_precision or 3) < (b.geo_precision or 3) and a.kind == b.kind)


def _added(ev: Event) -> str | None:
    """The sentence opening of a mention told as an addition (كما قتل 12 في غارات أخرى: another event, not
    one more telling of an earlier sentence's): "said" when a statement verb follows the addition word
    (كما أدان البرلمان ...), "did" for another verb, None for no addition word."""
    if not ev.evidence:
        return None
    words = [normalize_word(w.strip("،,")) for w in ev.evidence[0].text.split(maxsplit=5)[:5]]
    k = 1 if words and words[0] in _ADDITION else next((len(p) for p in _OTHER if tuple(words[:len(p)]) == p), 0)
    if not k or len(words) <= k:
        return None
    return "said" if words[k] in _STATEMENT else "did"


def _apart(o: Event, ev: Event, added: str | None) -> bool:
    """Whether mention ``ev`` told as an addition stays apart from the event ``o`` of other sentences: an
    act (كما شنت الطائرات غارات على ...) always; a statement (كما أدان البرلمان) when it names its own
    speaker, other than the event's; an act inside a statement (كما دان المجلس التفجير) never."""
    if added is None or any((x.start, x.end) == (ev.evidence[0].start, ev.evidence[0].end) for x in o.evidence):
        return False
    if ev.type not in _SAID_TYPES and added == "did":
        return True
    if ev.type in _SAID_TYPES:
        mine, theirs = _actor_key(_actor1(ev)), _actor_key(_actor1(o))
        return mine is not None and mine != theirs
    return False


def merge_events(events: list[Event], weak_loc: frozenset[int] = frozenset()) -> list[Event]:
    """Merge compatible mentions, keeping the first mention's order; returns the merged list."""
    out: list[Event] = []
    weak = set(weak_loc)
    for ev in events:
        added = _added(ev)
        target = next((o for o in out if compatible(o, ev, weak) and not _apart(o, ev, added)), None)
        if target is None:
            out.append(ev)
        else:
            n = len(target.evidence)
            absorb(target, ev, weak_loc)
            if target.location is ev.location and id(ev) not in weak:
                weak.discard(id(target))  # it now stands at the place the other mention named
            if len(target.evidence) > n:
                target.confidence = round(min(0.99, target.confidence + 0.03), 3)
    return out
