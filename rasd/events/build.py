"""The building of one event from a trigger word the sentence coder kept: its mode, date, actors and
place, the type corrections that follow from them, and its confidence.
"""

from __future__ import annotations

from rasd.doc import Actor, Event, Place, Span
from rasd.events import actors as _actors
from rasd.events.arguments import pick_date, pick_place, seat_of
from rasd.events.coding import mode_rank
from rasd.events.confidence import score
from rasd.lexicon import word_set
from rasd.text.normalize import normalize_word

_WORDS = "events/words.yaml"  # the word lists of the events stage, as data
_REMOTE = frozenset({"aerial", "drone", "shelling", "explosives", "suicide", "grenade", "chemical"})
_REFINERS = _REMOTE | {"clash", "sexual", "abduct", "excessive", "riot", "intervene"}
_AIRCRAFT = word_set(_WORDS, "stage_aircraft")
_PLANES = _AIRCRAFT - word_set(_WORDS, "stage_aircraft_ambiguous")
_BLAST_NOUNS = word_set(_WORDS, "stage_blast_nouns")


_STRIPPED: dict[str, str] = {}


def _strip(w: str) -> str:
    """A word without its conjunction or preposition proclitic (لقناة → قناة); cached."""
    out = _STRIPPED.get(w)
    if out is not None:
        return out
    out = w
    for p in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            out = w[len(p):]
            break
    if len(_STRIPPED) < 200_000:
        _STRIPPED[w] = out
    return out


_FROM_AFAR = frozenset({"aerial", "drone", "shelling"})  # strikes a state makes across a border, where the target is
_SEAT_GAP = 3  # words between a verb and a body speaking after it (استنكرت الأمانة العامة لمنظمة ...)
_MEMBERS = word_set("events/seats.yaml", "member_words")
_VERBAL = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "CONSULT"})  # a body's statements and
# the meetings it hosts (استقبل), made at its seat


def _build(doc, s, t, role, fact, sent_mentions, cues_at, ts, rl, specific, subs=(), excluded=None) -> Event:
    """The event of trigger ``t`` with its role: mode, date, actors, place, type corrections, confidence.

    ``excluded`` are the spans of the sentence's mentions and trigger words (:func:`excluded_spans`, the
    same for each event of the sentence; listed here when not given)."""
    tokens = doc.tokens
    clause = role.clause
    ev = Event(type=t.type, evidence=[Span(s.start, s.end, s.text)],
               trigger=Span(t.start, t.end, doc.text[t.start:t.end]), mode=t.entry.mode,
               factuality=fact.value)
    _refine_mode(ev, t, clause, ts, rl, tokens)
    cspan = (tokens[clause.start].start, tokens[clause.end - 1].end) if clause.end > clause.start else None
    # ... unless they tell of this event (قتل 5 في الهجوم الذي وقع أمس)
    other = tuple((a, b) for a, b, types in subs if not (a <= t.start < b) and t.type not in types)
    ev.date, ev.date_precision, _d = pick_date(doc, s.start, s.end, t.start, cspan, other)
    a1, a2 = _event_actors(t, role, sent_mentions, tokens)
    if a1 is not None and _speaks_of(t, a1, ts, sent_mentions):
        a1 = None
    # places inside an actor's name or an event word (الغاز المسيل للدموع ≠ M'Sila) are not where it happened
    if excluded is None:
        excluded = excluded_spans(sent_mentions, ts)
    frame_end = tokens[clause.start].start if clause.kind == "reported" and clause.start < len(tokens) else None
    body = _seated_speaker(doc.text, t, a1, a2)
    speaker = a1 if body is None else body[1]
    ev.location = pick_place(doc, s.start, s.end, t.start, cspan, excluded, frame_end,
                             tuple((m.start, m.end) for m in (a1, a2) if m is not None and t.type == "ASSAULT" and ev.mode in _FROM_AFAR),
                             None if speaker is None else (speaker.start, speaker.end, speaker.info.country, speaker.info.inter),
                             None if body is None else body[0])
    country = ev.location.country_code if ev.location is not None else (doc.focus_countries[0] if doc.focus_countries else None)
    _add_actors(ev, t, a1, a2, country, tokens, s, cues_at)
    if ev.location is None:
        ev.location = _actor_country(ev)
    _retype(ev, t, a1, a2, clause, ts, tokens, s)
    ev.confidence = score(
        reason=role.reason, weak=t.entry.weak, actor1_known=a1 is not None and a1.info.inter is not None,
        actor2=a2 is not None, place_in_sentence=ev.location is not None and s.start <= ev.location.start < s.end,
        place_any=ev.location is not None, date_explicit=_d is not None and s.start <= _d.start < s.end,
        figures=False, reported=fact.value == "reported", specific=specific)
    return ev


def excluded_spans(sent_mentions, ts) -> list[tuple[int, int]]:
    """The spans of a sentence's mentions and trigger words: no place inside one is where its events
    happened."""
    return [(m.start, m.end) for m in sent_mentions] + [(o.start, o.end) for o in ts]


def _seated_speaker(text: str, t, a1, a2):
    """(ISO code of its seat, mention) of a regional body speaking in a verbal event (أدانت جامعة الدول
    العربية ...; استنكرت الأمانة العامة للجامعة ..., its words right after the verb even when
    taken for the second actor), or None."""
    if t.type not in _VERBAL:
        return None
    m = a1
    if (a1 is None or (a1.info.country is None and seat_of(a1.text) is None)) and a2 is not None:
        after = t.end if a1 is None else a1.end  # الأمين العام لرابطة ...: the body named after its officer
        if after <= a2.start and len(text[after:a2.start].split()) <= _SEAT_GAP and (
                a1 is None or a2.text.startswith("ل") or text[a2.start - 1:a2.start] == "ل"):  # (its officer's)
            m = a2
    if m is None or m.info.country is not None:
        return None
    before = text[max(0, m.start - 12):m.start].split()
    if before and normalize_word(before[-1]) in _MEMBERS:
        return None  # وقوف بلاده مع دول المجلس: the member states, not the body's statement
    seat = seat_of(m.text)
    return None if seat is None else (seat, m)


def _refine_mode(ev: Event, t, clause, ts, rl, tokens) -> None:
    """The event's mode: the most specific among the same type's words of its clause (قتل ... في غارة),
    from the air when aircraft stand in the clause, excessive for a protest met with an attack."""
    ranks = mode_rank(t.type)
    for o in ts:
        orole = rl.get(id(o))
        if o is t or o.type != t.type or orole is None or orole.main or o.entry.mode not in _REFINERS \
                or orole.clause.kind == "sub" or o.entry.mode not in ranks or orole.clause is not clause:
            continue  # only the words around this event in its own clause refine it (قتل ... في غارة)
        if ev.mode not in ranks or ranks.index(o.entry.mode) < ranks.index(ev.mode):
            ev.mode = o.entry.mode
    planes = _AIRCRAFT if ev.mode == "shelling" else _PLANES  # جماعات مقاتلة: fighting groups, not a jet
    if ev.mode in ("shelling", "firearms") and t.type == "ASSAULT" and any(planes.intersection((tokens[k].norm, _strip(tokens[k].norm)))
                                     for k in range(clause.start, clause.end)):
        ev.mode = "aerial"  # قصفت / استهدفت الطائرات الحربية ...: shelling or a strike from the air
    if t.type == "PROTEST" and any(o.type == "ASSAULT" and rl.get(id(o)) is not None and rl[id(o)].main for o in ts):
        ev.mode = "excessive"


_SPOKEN_OF = frozenset({"ASSAULT", "COERCE"})
_SPEAKING = frozenset({"ACCUSE", "REJECT"})  # condemnations and denials: their subject is never the attacker


def _speaks_of(t, a1, ts, mentions) -> bool:
    """Whether ``a1`` is the subject of a statement verb that stands before the attack it speaks of (أدانت
    الخارجية الأمريكية التفجير الذي استهدف مسجدا): the condemner did not set off the bomb.  The verb's
    subject stands before it or is the first mention after it (اتهمت الحكومة الحوثيين بقصف: not الحوثيين)."""
    if t.type not in _SPOKEN_OF or a1.token >= t.token:
        return False
    for o in ts:
        if o.type in _SPEAKING and o.pos == "v" and o.token < t.token:
            if a1.token < o.token:
                return True
            subj = next((m for m in mentions if o.token < m.token < t.token and not m.prep), None)
            if subj is a1:
                return True
    return False


def _event_actors(t, role, sent_mentions, tokens):
    """The mentions that are the event's actor1 and actor2 (either may be None)."""
    clause = role.clause
    fallback = None
    if clause.kind == "reported":
        # the speaker acts only when it is an actor that could (أعلن الجيش أنه قتل ...), not a source
        # person (قال فؤاد أحمد، أحد عناصر المقاومة، إن ...)
        pre = [m for m in sent_mentions if m.token < clause.start and m.info.inter is not None]
        fallback = pre[0] if pre else None
    head = role.head if role.reason in ("under-light_verbs", "under-verb") else None
    a1, a2 = _actors.assign(t, clause, sent_mentions, tokens, fallback, head)
    if clause.kind == "reported":
        a1, a2 = _actors.speaker_subject(clause, tokens, fallback, t, a1, a2)
    if a1 is None and fallback is not None and t.pos == "v" and not (a2 is not None and a2.token < t.token):
        a1 = fallback
    if role.reason == "instrument" and a1 is not None and a1.token < t.token and a2 is None:
        a1, a2 = None, a1  # مقتل سبعة من قادة داعش بقصف مدفعي: who was hit stands before the weapon
    if t.type == "ASSAULT" and t.entry.mode == "clash" and (a1 is None or a2 is None):
        a1, a2 = _clash_sides(a1, a2, sent_mentions)
    return a1, a2


def _add_actors(ev: Event, t, a1, a2, country, tokens, s, cues_at) -> None:
    """Add the actors to the event; with no actor2, civilians named after an attack or a coercion are it."""
    if a1 is not None:
        ev.actors.append(_actors.to_actor(a1, "actor1", country))
    if a2 is not None:
        ev.actors.append(_actors.to_actor(a2, "actor2", country))
    elif t.type in ("ASSAULT", "COERCE"):
        civ = next((k for k in range(t.token, _actors.contrast_stop(tokens, t.token, s.token_end))
                    if "civilians" in cues_at.get(k, ())), None)
        if civ is not None and not (a1 is not None and a1.token <= civ < a1.token_end):
            tok = tokens[civ]
            ev.actors.append(Actor(tok.start, tok.end, tok.text, "actor2", "مدنيون",
                                   f"Civilians ({country})" if country else "Civilians", country, 7))


def _retype(ev: Event, t, a1, a2, clause, ts, tokens, s) -> None:
    """Whether a seizure or an expulsion is an attack: destruction by a strike, from the air or by a
    blast; armed men driven out of ground taken by force."""
    if ev.type == "COERCE" and ev.mode == "seize":
        remote = next((o for o in ts if o.type == "ASSAULT" and o.entry.mode in _REMOTE), None)
        if remote is not None:  # دمرت الغارات 9 مستودعات: destruction by a strike is the strike
            ev.type, ev.mode = "ASSAULT", remote.entry.mode
        elif any(_AIRCRAFT.intersection((tokens[k].norm, _strip(tokens[k].norm)))
                 for k in range(clause.start, clause.end)):
            ev.type, ev.mode = "ASSAULT", "aerial"  # دمرت المقاتلات الآليات: destroyed from the air
        elif any(_strip(tokens[k].norm) in _BLAST_NOUNS for k in range(s.token_start, s.token_end)):
            ev.type, ev.mode = "ASSAULT", "explosives"  # موقع التفجير حيث دمرت متاجر: what the blast destroyed
    if ev.type == "COERCE" and ev.mode == "expel" and (
            (a2 is not None and a2.info.inter in (1, 2, 3, 4))
            or (a2 is None and a1 is not None and a1.info.inter in (2, 3) and a1.token > t.token)):
        ev.type, ev.mode = "ASSAULT", "occupy"  # طردت القوات المسلحين من المديرية: ground taken by force


def _clash_sides(a1, a2, mentions):
    """Fight or clash words name two sides: a missing side is another armed actor of the sentence
    (ودار القتال ... بعد أن أوقفت الجماعات الموالية للحكومة تقدم قوات شرق ليبيا)."""
    have = {m.info.name for m in (a1, a2) if m is not None}
    for m in mentions:
        if m.info.inter not in (1, 2, 3, 4, 8) or m.info.kind in ("civilians", "protesters", "rioters", "unidentified") \
                or m.info.name in have:
            continue
        if a1 is None:
            a1 = m
        elif a2 is None:
            a2 = m
        else:
            break
        have.add(m.info.name)
    return a1, a2


def _actor_country(ev: Event) -> Place | None:
    """No place in the article at all: the country of the event's first actor that has one (the prince
    met the security chiefs), as a country-level place on the actor's words."""
    for a in ev.actors:
        if a.country_code and a.start is not None:
            return Place(a.start, a.end, a.text, name_en=_actors.country_name(a.country_code),
                         country_code=a.country_code, kind="country", geo_precision=3, via="actor")
    return None
