"""Who acted and against whom: the actor dictionary and the roles around a trigger.

The dictionary is data: ``data/events/actors.tsv`` (named state and non-state actors, with Arabic
variants, English name, country, ACLED inter code and the dates a role holds), plus the state
institutions of every country generated from ``state_actor_patterns.tsv`` × ``countries.tsv``
(الجيش السوري، قوات الأمن العراقية، الرئيس المصري ...).  Rule and tagger entities (PERS, ORG) that
the dictionary does not know become actors that keep their text.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from rasd.doc import Actor, Document
from rasd.events.cues import cue_categories
from rasd.lexicon import load_tsv, load_yaml, word_set
from rasd.lexicon.matcher import PhraseMatcher
from rasd.text.normalize import NormText, normalize_word, plain_letters


@dataclass(slots=True, frozen=True)
class ActorInfo:
    """A dictionary actor."""

    name: str
    name_en: str | None
    country: str | None
    inter: int | None
    valid_from: str = ""
    valid_to: str = ""
    kind: str = ""
    focus: str = ""  # the row holds only in articles about this country (a bare المقاومة in Yemen)

    def valid_on(self, day: _dt.date | None) -> bool:
        """Whether the role holds on ``day`` (always, when the day is unknown)."""
        if day is None:
            return True
        iso = day.isoformat()
        if self.valid_from and iso[:len(self.valid_from)] < self.valid_from:
            return False
        return not (self.valid_to and iso[:len(self.valid_to)] > self.valid_to)

    def not_yet(self, day: _dt.date | None) -> bool:
        """Whether the role begins after ``day`` (the name did not yet mean this actor)."""
        return day is not None and self.not_yet_iso(day.isoformat())

    def not_yet_iso(self, iso: str) -> bool:
        """:meth:`not_yet` for an ISO date string ("" = unknown)."""
        return bool(iso) and bool(self.valid_from) and iso[:len(self.valid_from)] < self.valid_from

    def valid_iso(self, iso: str) -> bool:
        """:meth:`valid_on` for an ISO date string ("" = unknown)."""
        return not iso or not (self.valid_from and iso[:len(self.valid_from)] < self.valid_from) and not (
            self.valid_to and iso[:len(self.valid_to)] > self.valid_to)


@dataclass(slots=True)
class Mention:
    """An actor mention in the text."""

    start: int
    end: int
    text: str
    info: ActorInfo
    token: int = -1
    token_end: int = -1
    source: str = "dictionary"
    role_spans: tuple[tuple[int, int], ...] = ()  # a person's title/apposition spans (same participant)
    assoc: bool = False  # a modifier of the mention before it (بقيادة السعودية، المدعومة من إيران)
    prep: bool = False  # governed by a preposition (بالجيش، للحوثيين، من البرلمان): never a verb's subject


_GENERIC_KINDS = frozenset({"civilians", "protesters", "rioters", "unidentified"})


@cache
def _matcher() -> PhraseMatcher:
    m = PhraseMatcher(["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"])
    _h, rows = load_tsv("events/actors.tsv")
    for r in rows:
        info = ActorInfo(r["name"], r["name_en"] or None, r["country"] or None,
                         int(r["inter"]) if r["inter"] else None, r["valid_from"], r["valid_to"], r["kind"],
                         r.get("focus", ""))
        for v in [r["name"], *r["variants"].split("|")]:
            if v.strip():
                m.add(v.strip(), info)
    _h, countries = load_tsv("events/countries.tsv")
    _h, patterns = load_tsv("events/state_actor_patterns.tsv")
    for c in countries:
        for p in patterns:
            info = ActorInfo(p["pattern"].replace("{m}", c["nisba_m"].split("|")[0]).replace(
                "{f}", c["nisba_f"].split("|")[0]), p["name_en"].replace("{country}", c["name_en"]),
                c["code"], int(p["inter"]), kind=p["kind"])
            for m_ in c["nisba_m"].split("|"):
                for f_ in c["nisba_f"].split("|"):
                    m.add(p["pattern"].replace("{m}", m_).replace("{f}", f_), info)
        # a weapon or a force named with a nisba (طائرة إسرائيلية، مروحيات عراقية): that country's forces
        mil = _nisba_forces()[normalize_word(c["nisba_m"].split("|")[0])[2:]]["state_military"]
        for head in _NISBA_HEADS:
            for n in c["nisba_f"].split("|") + c["nisba_m"].split("|"):
                n = n[2:] if n.startswith("ال") else n
                m.add(f"{head} {n}", mil)
                if n.endswith("ي"):
                    m.add(f"{head} {n}ين", mil)
        gov = ActorInfo(c["names"].split("|")[0], f"Government of {c['name_en']}", c["code"], 1, kind="country")
        for n in c["names"].split("|"):
            m.add(n, gov)
    m.build()
    return m


_STATE_PATTERN = {"state_military": "الجيش {m}", "state_police": "الشرطة {f}", "state_government": "الحكومة {f}"}


@cache
def _nisba_forces() -> dict[str, dict[str, ActorInfo]]:
    """{normalised nisba word (تركي، تركيين، الأتراك ...): {generic kind: that country's institution}}.

    A country's forces named by a generic noun and a nisba (جندي تركي، شرطيين عراقيين) are its forces.
    """
    _h, countries = load_tsv("events/countries.tsv")
    _h, patterns = load_tsv("events/state_actor_patterns.tsv")
    by_pattern = {p["pattern"]: p for p in patterns}
    out: dict[str, dict[str, ActorInfo]] = {}
    for c in countries:
        infos = {}
        for kind, pat in _STATE_PATTERN.items():
            p = by_pattern[pat]
            m_, f_ = c["nisba_m"].split("|")[0], c["nisba_f"].split("|")[0]
            infos[kind] = ActorInfo(pat.replace("{m}", m_).replace("{f}", f_),
                                    p["name_en"].replace("{country}", c["name_en"]), c["code"], int(p["inter"]),
                                    kind=p["kind"])
        forms = set()
        for n in c["nisba_m"].split("|") + c["nisba_f"].split("|"):
            stem = normalize_word(n)
            stem = stem[2:] if stem.startswith("ال") else stem
            forms.add(stem)
            if stem.endswith("ي"):
                forms.update(stem + suf for suf in ("ين", "ان", "ون"))
        forms.update(normalize_word(w) for w in c.get("plural", "").split("|") if w)
        for f in forms:
            out[f] = infos
            out["ال" + f] = infos
    return out


@cache
def _country_names() -> dict[str, str]:
    _h, rows = load_tsv("events/countries.tsv")
    return {r["code"]: r["name_en"] for r in rows}


def country_name(code: str) -> str:
    """The English name of a country of countries.tsv (the code itself when unknown)."""
    return _country_names().get(code, code)


def load() -> None:
    """Build the actor matcher now."""
    _matcher()


_WORDS = "events/words.yaml"  # the word lists of this module, as data
_NISBA_HEADS = word_set("events/actor_words.yaml", "nisba_heads")
_PREP_TOKENS = word_set(_WORDS, "actors_prep_tokens")


_UNSEEN = object()


def matcher() -> PhraseMatcher:
    """The actor dictionary's matcher (what :func:`find_mentions` takes the matches of)."""
    return _matcher()


def find_mentions(doc: Document, nt: NormText, token_index, matches=None) -> list[Mention]:
    """Dictionary actors, then unknown PERS/ORG entities, in text order, without overlaps.

    ``matches``: the :func:`matcher`'s ``find`` matches in the text (no overlaps), when found already."""
    out: list[Mention] = []
    day = doc.published
    places: set[int] = set()  # token after the last country read as a place
    focus = set(doc.focus_countries)
    nisba = _nisba_forces()
    iso = day.isoformat() if day is not None else ""
    chosen: dict[int, ActorInfo | None] = {}  # the reading of each dictionary entry (by its value list) here
    for m in _matcher().find(nt) if matches is None else matches:
        info = chosen.get(id(m.values), _UNSEEN)
        if info is _UNSEEN:
            # a role that begins later is not what the name meant then (الحزام الأمني in 2015)
            values = [i for i in m.values if not i.not_yet_iso(iso) and (not i.focus or i.focus in focus)]
            info = chosen[id(m.values)] = (([i for i in values if i.valid_iso(iso)] or values)[0]
                                           if values else None)
        if info is None:
            continue
        tok = token_index(m.start)
        end_tok = token_index(m.end - 1) + 1
        if info.kind == "country":
            prev = doc.tokens[tok - 1].norm if tok > 0 else ""
            if m.prefix.endswith(("ب", "ل")) or prev in _PREP_TOKENS or (m.prefix.startswith("و") and tok in places):
                places.add(end_tok)
                continue  # في سوريا، في العراق وسوريا: a place, not an actor
            if _adjectival(doc.tokens, tok, m.prefix):
                continue  # فرقة سورية: the feminine nisba, not the country
        if info.kind.startswith("state_") and end_tok < len(doc.tokens) and doc.tokens[end_tok].norm in nisba \
                and doc.tokens[end_tok].start == m.end + 1:
            info = nisba[doc.tokens[end_tok].norm][info.kind]  # جندي تركي: Turkey's forces
            end = doc.tokens[end_tok].end
            out.append(Mention(m.start, end, doc.text[m.start:end], info, tok, end_tok + 1,
                               prep=m.prefix.endswith(("ب", "ل"))))
            continue
        if info.name_en == "Al Qaeda" and normalize_word(doc.text[m.start:m.end])[len(m.prefix):] in _BASE and (
                _adjective_after(doc.tokens, m, token_index) or _base_before(doc.text, m.start)):
            continue  # القاعدة الجوية، ... قاعدة العند ... على القاعدة: an air base, not al-Qaeda
        out.append(Mention(m.start, m.end, doc.text[m.start:m.end], info, tok, end_tok,
                           prep=m.prefix.endswith(("ب", "ل"))))
    # places are not actors either (مديرية السخنة)
    spans = sorted([(x.start, x.end) for x in out] + [(p.start, p.end) for p in doc.places if p.kind != "country"])
    starts = [a for a, _b in spans]
    reach, top = [], 0
    for _a, b in spans:
        top = max(top, b)
        reach.append(top)  # the furthest end of the spans so far
    for e in doc.entities:
        if e.label not in ("PERS", "ORG"):
            continue
        i = bisect.bisect_left(starts, e.end)
        if i and reach[i - 1] > e.start:
            continue
        if e.label == "PERS" and _named_place(doc.tokens, token_index(e.start)):
            continue  # مسجد الإمام الصادق، حي سليمان الحلبي، باب موسى: a place named after a person
        info = ActorInfo(e.canonical or e.text, None, None, None, kind=e.label.lower())
        out.append(Mention(e.start, e.end, e.text, info, token_index(e.start), token_index(e.end - 1) + 1,
                           source="entity", role_spans=_role_spans(e, doc.text)))
    out.sort(key=lambda x: x.start)
    out = _appositions(out, doc.text, doc.tokens)
    out = [m for m in out if not _ATTRIBUTION.search(doc.text[max(0, m.start - 25):m.start])]
    for m in out:
        k = m.token
        if k >= 1 and doc.tokens[k - 1].norm in _PREPOSITIONS and not (
                k >= 2 and doc.tokens[k - 1].norm == "من" and doc.tokens[k - 2].norm in _PARTITIVE) \
                or m.source == "entity" and normalize_word(m.text).startswith(("بال", "لل", "وبال", "ولل", "فبال")):
            m.prep = True  # (عناصر من جبهة النصرة: the group the fighters are from still acts)
        if k >= 1 and (doc.tokens[k - 1].norm in _ASSOC_BEFORE or (
                k >= 2 and doc.tokens[k - 2].norm in _ASSOC_BEFORE and doc.tokens[k - 1].norm in ("من", "مع"))):
            m.assoc = True  # بقيادة السعودية، المدعومة من إيران: who backs the actor, not a participant
    return out


_ASSOC_BEFORE = word_set("events/actor_words.yaml", "assoc_before")
_PLACE_HEADS = word_set("events/actor_words.yaml", "place_heads")


def _named_place(tokens, k: int) -> bool:
    """Whether a person's name at token ``k`` follows a place noun (حي، باب، مسجد الإمام ...)."""
    for j in (k - 1, k - 2):
        if j < 0:
            return False
        w = tokens[j].norm
        if w in _PLACE_HEADS or w[:1] in ("و", "ب", "ل", "ف") and w[1:] in _PLACE_HEADS:
            return True
    return False
_PREPOSITIONS = word_set("events/actor_words.yaml", "prepositions")
_PARTITIVE = word_set("events/actor_words.yaml", "partitive_heads")
_AGENT_PHRASE_HEADS = word_set("events/actor_words.yaml", "agent_phrase_heads")
_AGENT_PHRASE_OPENERS = word_set("events/actor_words.yaml", "agent_phrase_openers")
_CLASH_SIDE_PREPS = word_set("events/actor_words.yaml", "clash_side_prepositions")
_COMPLEMENTISERS = word_set("events/actor_words.yaml", "complementisers")
_PRONOUN_COMPS = word_set("events/actor_words.yaml", "pronoun_complementisers")
_ARMED_INTER = frozenset({1, 2, 3, 4})  # state forces, rebels, political and identity militias


def _base_before(text: str, start: int) -> bool:
    """Whether an indefinite قاعدة (قاعدة العند) stands in the 2,000 characters before: القاعدة then names it."""
    return _BASE_NOUN.search(text, max(0, start - 2000), start) is not None


_BASE_NOUN = re.compile(r"(?<![ل\w])[وب]?قاعد[ةه]\s")


_BASE = word_set(_WORDS, "actors_base")
_OWN = "events/actor_words.yaml"  # this module's own word lists
_DIRECTIONS = word_set(_OWN, "directions")


def _adjectival(tokens, tok: int, prefix: str) -> bool:
    """A country name read as a place after a direction (جنوبي اليمن) or as the feminine nisba of an
    indefinite feminine noun before it (فرقة سورية)."""
    if tok == 0 or prefix:
        return False
    prev = tokens[tok - 1]
    if prev.norm in _DIRECTIONS:
        return True
    w = tokens[tok].norm
    return w.endswith("يه") and prev.kind == "word" and prev.norm.endswith("ه") and not prev.norm.startswith("ال") \
        and prev.end + 1 == tokens[tok].start


def _adjective_after(tokens, m: Mention, token_index) -> bool:
    """Whether a definite feminine adjective follows (القاعدة الجوية، القاعدة العسكرية الأمريكية)."""
    k = token_index(m.end - 1) + 1
    if k >= len(tokens):
        return False
    w = tokens[k].norm
    return w.startswith("ال") and w.endswith("يه") or w in _BASE_WORDS


_BASE_WORDS = word_set(_WORDS, "actors_base_words")


_ATTRIBUTION = re.compile(r"(?:طبقا|وفقا|بحسب|حسب|نقلا عن|لأرقام|لارقام|لمصادر|لبيان|لإحصائية|لاحصائية|أرقام|ارقام|إحصاءات|بيانات|تقرير|تقارير)\s*(?:ل|لـ)?\S*\s*$")


def _role_spans(e, text: str) -> tuple[tuple[int, int], ...]:
    """The spans of a person's role: the title before the name (Entity.role) and an apposition after it."""
    spans = []
    if e.role:
        role = e.role
        lo = max(0, e.start - len(role) - 40)
        i = text.rfind(role, lo, e.start)
        if i < 0 and role.startswith("ا"):
            i = text.rfind(role[1:], lo, e.start)  # للرئيس -> الرئيس
            role = role[1:]
        if i >= 0:
            spans.append((i, i + len(role)))
    rs = e.info.get("role_span") if e.info else None
    if rs:
        spans.append((int(rs[0]), int(rs[1])))
    return tuple(spans)


def _in_role(m: Mention, person: Mention) -> bool:
    return any(s <= m.start and m.end <= t for s, t in person.role_spans)


def _join(title: Mention, person: Mention, text: str) -> Mention:
    """One participant from a person and a dictionary mention of their own title or apposition."""
    p, t = person.info, title.info
    info = p if p.inter is not None or t.kind not in _TITLE_KINDS and t.inter is None else ActorInfo(
        p.name, p.name_en or t.name_en, p.country or t.country, t.inter, kind=p.kind)
    s, e = min(title.start, person.start), max(title.end, person.end)
    return Mention(s, e, text[s:e], info, min(title.token, person.token), max(title.token_end, person.token_end),
                   person.source, person.role_spans)


_LEADER_TITLES = word_set("events/actor_words.yaml", "leader_titles")
_BRANCH_NOUNS = word_set("events/actor_words.yaml", "branch_nouns")


def _leads(p: Mention, m: Mention, tokens) -> bool:
    """Whether ``m`` is what the person ``p`` heads, in apposition (حفتر قائد قوات شرق ليبيا)."""
    if not 0 <= m.token - p.token_end <= 2:  # (0: the title opens the mention, نائب الرئيس الأمريكي)
        return False
    if tokens[p.token_end].norm in _BRANCH_NOUNS:
        return True  # جماعة ما ذراع تنظيم القاعدة في بلد ما: the apposition names the parent
    if tokens[p.token_end].norm not in _LEADER_TITLES:
        return False
    return p.source == "entity" and p.info.kind == "pers" or p.source == "dictionary" and p.info.kind in (
        "head_of_state", "government", "rebel", "militia", "external") and len(p.text.split()) >= 2 and not \
        _definite(p.text)


def _appositions(ms: list[Mention], text: str, tokens=()) -> list[Mention]:
    """A title mention followed by a name (الرئيس المصري عبد الفتاح السيسي) is one mention of the name.

    So is a dictionary mention inside a person's role span (وزير الخارجية السعودي الأمير فيصل بن فرحان;
    خليفة حفتر قائد قوات شرق ليبيا): the title and the name are one participant.
    """
    out: list[Mention] = []
    for m in ms:
        if out and _leads(out[-1], m, tokens):
            p = out.pop()  # خليفة حفتر قائد قوات شرق ليبيا: the person, with what he leads
            out.append(Mention(p.start, m.end, text[p.start:m.end], p.info, p.token, m.token_end, p.source,
                               p.role_spans, prep=p.prep))
            continue
        if out and m.role_spans and _in_role(out[-1], m):
            out.append(_join(out.pop(), m, text))
            continue
        if out and out[-1].role_spans and _in_role(m, out[-1]):
            out.append(_join(m, out.pop(), text))
            continue
        gap = text[out[-1].end:m.start].strip() if out else "x"
        if out and (not gap or gap in ("،", ",") and _person_after_comma(out[-1], m)) \
                and out[-1].info.kind in _TITLE_KINDS and m.info.kind not in _GROUP_KINDS \
                and (m.info.kind not in _TITLE_KINDS or _named_holder(out[-1], m, gap)):
            prev = out.pop()
            out.append(Mention(prev.start, m.end, text[prev.start:m.end], m.info, prev.token, m.token_end, m.source,
                               m.role_spans))
            continue
        out.append(m)
    return out


_TITLE_KINDS = frozenset({"government", "military", "police", "country"})
# a group or an organisation is no office holder: after a title it is a second actor (اتهمت الحكومة اليمنية
# الحوثيين، أدان الجيش تنظيم ...), not the title's name
_GROUP_KINDS = frozenset({"rebel", "militia", "unidentified", "org"})


def _named_holder(title: Mention, m: Mention, gap: str) -> bool:
    """Whether dictionary row ``m`` right after a state title of its own country is the office holder's name
    (وزير الخارجية السعودي عادل الجبير): one participant, not two."""
    return not gap and title.source == m.source == "dictionary" and m.info.kind == "government" \
        and title.info.kind == "government" and m.info.country is not None and m.info.country == title.info.country \
        and m.info.name != title.info.name


def _person_after_comma(title: Mention, m: Mention) -> bool:
    """الرئيس المصري، عبد الفتاح السيسي،: a person set off by a comma after a title of their country."""
    if m.source == "entity":
        return m.info.kind == "pers"
    return m.info.kind in ("head_of_state", "government") and m.info.country == title.info.country \
        and title.info.kind == "government"


_AGENT_MARKERS = word_set(_WORDS, "actors_agent_markers") | word_set(_OWN, "agent_markers")
_VICTIM_KINDS = frozenset({"civilians", "protesters"})
_COUNT_WORDS = word_set(_WORDS, "actors_count_words")
_WITH = word_set(_WORDS, "actors_with")
_KILL_VERBS = word_set(_OWN, "kill_verbs")
_CONTRAST = word_set(_OWN, "contrast")
_SPEECH = frozenset({"reporting", "stance", "accusation", "denial"})
_FORCE_KINDS = frozenset({"state_military", "state_police", "military", "police"})


def _definite(text: str) -> bool:
    w = normalize_word(text.split()[0]) if text.strip() else ""
    return w.startswith(("وال", "فال", "بال", "لل", "ال"))


def _victim_like(m: Mention, kill: bool) -> bool:
    """A participant a violent verb more likely befell than did: civilians, an indefinite soldier or
    policeman (قتل جندي تركي، جنديين قتلا), a named person after a kill verb (قتل والي الموصل)."""
    k = m.info.kind
    if k in _VICTIM_KINDS:
        return True
    if k in _FORCE_KINDS and m.source == "dictionary":
        return not _definite(m.text)
    return kill and m.source == "entity" and k == "pers"


def _agent(mentions: list[Mention], tokens, t: int, cs: int, stop: int) -> Mention | None:
    """The agent introduced by من قبل / على يد / برصاص / شنه ... in the clause or after the trigger."""
    for m in mentions:
        if m.token >= stop:
            break
        if m.token < cs + 1 or m.assoc:
            continue
        j = m.token - 1
        while j > cs and tokens[j].kind == "punct" and tokens[j].text in "«\"“(":
            j -= 1  # نفذتها «داعش»
        w1 = tokens[j].norm
        if w1 in _AGENT_MARKERS or w1 == "من" and j >= 2 and tokens[j - 2].norm in _AGENT_MARKERS:
            return m  # (بنيران قناصة من داعش)
        if j > cs and tokens[j - 1].norm in _AGENT_MARKERS and (w1 in _PARTITIVE or w1 in _NISBA_HEADS):
            return m  # بغارات طائرات التحالف، برصاص عناصر الأمن
        if j > 0 and w1 in _AGENT_PHRASE_HEADS and tokens[j - 1].norm in _AGENT_PHRASE_OPENERS:
            return m
    return None


def contrast_stop(tokens, t: int, limit: int) -> int:
    """Where the participants of the event word at ``t`` end: a contrast clause (بينما، في حين) or ``limit``."""
    limit = min(limit, len(tokens))
    for k, tok in enumerate(tokens[t + 1:limit], t + 1):
        if tok.norm in _CONTRAST:
            return k
    return limit


def _speaker(m: Mention, tokens, cs: int, t: int, deaths: bool = False) -> bool:
    """Whether ``m`` is the subject of a reporting or stance verb before the trigger (كشف X عن مقتل ...،
    X أعلن مقتل ...): the source of the news, not its actor.  A state or armed actor announcing
    its own operation (أعلنت وزارة الداخلية توقيف ...) still acts; who reports deaths does not."""
    if not deaths and m.info.inter is not None and m.info.kind not in _GENERIC_KINDS:
        return False
    ks = [k for k in range(max(cs, m.token - 3), min(cs + 5, m.token, t))]
    ks += [k for k in (m.token_end, m.token_end + 1) if k < t]
    # (a noun such as كلمة "speech" is not a speaking verb)
    return any(not tokens[k].norm.endswith("ه") and cue_categories(tokens[k].norm) & _SPEECH for k in ks)


def assign(trig, clause, mentions: list[Mention], tokens, fallback: Mention | None = None,
           head: int | None = None) -> tuple[Mention | None, Mention | None]:
    """(actor1, actor2) for ``trig`` from the mentions of its sentence.

    Active verbs take their subject (after the verb, or before it in the clause) as actor1 and the
    next mention as actor2; passive/victim words (أصيب، قتلى) and patient nouns (اعتقال X) take the
    mention after them as actor2 and the agent from من قبل / على يد / بنيران / شنه ...  An unvocalised
    violent verb whose subject is a victim (قتل جندي، جنديان قتلا) reads as the passive.
    """
    t, pos = trig.token, trig.pos
    cs, ce = (clause.start, clause.end) if clause is not None else (t, t + 12)
    lim = contrast_stop(tokens, t, min(ce + 12, t + 18))  # not across بينما / في حين
    cands = [m for m in mentions if not m.assoc and not (m.info.kind == "country" and _across_border(m, tokens))]
    after = [m for m in cands if t <= m.token < lim and m.start >= trig.end and not _in_aside(m, tokens, t)]
    before = [m for m in cands if cs <= m.token < t] or _fronted(cands, tokens, cs)
    if trig.type == "ASSAULT" and (trig.entry.mode == "clash" or pos in ("p", "c")) \
            or trig.type in _MUTUAL and pos == "n":
        pair = _between(mentions, tokens, cs, ce)
        if pair is not None:
            return pair  # اشتباكات بين القوات الحكومية ومسلحي الحوثي، مباحثات بين الرئيسين
    victim_word = pos in ("p", "c") or (pos == "n" and trig.entry.gen == "patient") or (
        t > 0 and tokens[t - 1].norm in _PASSIVE_AUX) or (  # تم قتل، جرى اعتقال
        pos == "v" and "\u064f" in tokens[t].text[:3] and _voweled_passive(tokens[t].text))  # قُتل: the passive
    victim = None
    if pos == "v" and trig.type in ("ASSAULT", "COERCE") and t + 1 < len(tokens):
        kill = tokens[t].norm in _KILL_VERBS or tokens[t].norm[1:] in _KILL_VERBS
        first_after = after[0] if after else None
        if not before:
            # unvocalised قتل 3 مدنيين / اعتقل عشرة مواطنين reads as the passive: a number or victims right after
            if tokens[t + 1].kind == "number" or tokens[t + 1].norm in _COUNT_WORDS or (
                    first_after is not None and first_after.token - t <= 3 and (
                        _victim_like(first_after, kill or trig.type == "COERCE")
                        or _partitive(first_after, cands, tokens) is not first_after)):
                victim_word = True
        elif kill and _victim_like(before[-1], True) and not _definite(before[-1].text) \
                and not (first_after is not None and first_after.token - t <= 2):
            victim_word, victim = True, before[-1]  # جنديان تركيان قتلا ...: the killed
        elif kill and tokens[t + 1].norm in _CAUSE_AFTER:
            victim_word, victim = True, before[-1]  # أحد رجال الحرس قتل نتيجة إطلاق الحوثيين: the killed
    if victim is not None and tokens[t + 1].norm in _CAUSE_AFTER:  # ... نتيجة إطلاق ميليشيا الحوثي: who fired
        agent = next((m for m in after if m.token - t <= 4 and not m.prep and m.info.inter is not None), None)
        if agent is not None:
            return agent, victim
    # a victim's agent may stand further on (قتل جندي ... في هجوم بقذيفة صاروخية شنه متمردون)
    reach = contrast_stop(tokens, lim - 1, min(max(ce + 12, t + 20), t + 30)) if victim_word \
        and lim < len(tokens) and tokens[lim].norm not in _CONTRAST else lim
    agent = _agent(cands, tokens, t, cs, reach if victim_word else min(lim, t + 7))
    if victim_word:
        if agent is None and trig.type == "ASSAULT":  # قتل 14 شخصا في اشتباكات ... بين القوات ومسلحي الحوثي
            sides = _between(cands, tokens, t + 1, reach)
            if sides is not None:
                return sides
        if agent is None:  # في قصف للحوثيين، بنيران القوات
            agent = next((m for m in cands if t < m.token < reach and m.text[:1] in ("ل", "ب")
                          and m.info.inter in (1, 2, 3, 4, 8) and m.info.kind not in _GENERIC_KINDS), None)
        a2 = victim or _partitive(next((m for m in after if m is not agent and not (
            agent is not None and m.token == agent.token_end and tokens[m.token].text[:1] == "و")), None), cands, tokens)
        if a2 is None and pos in ("c", "p"):  # 25 حوثيا سقطوا قتلى
            a2 = next((m for m in reversed(before) if m is not agent), None)
        a1 = agent
        if a1 is not None and a2 is not None and a1.info.name == a2.info.name:
            a2 = None  # يُهدد بالقتل من قبل «ولاية سيناء»: one actor told twice is not its own victim
        if a1 is None and pos == "n":
            # who reports deaths did not cause them, unless an armed side reports its enemy's dead
            enemy = a2 is not None and a2.info.inter in (1, 2, 3, 4) and a2.info.kind not in _GENERIC_KINDS
            a1 = next((m for m in before if m is not a2 and m.info.kind not in _GENERIC_KINDS and not _speaker(
                m, tokens, cs, t, trig.type == "ASSAULT" and not (enemy and m.info.name != a2.info.name))), None)
        return a1, a2
    if pos == "pn":
        a1 = next((m for m in mentions if m.info.kind == "protesters"), None)
        a2 = next((m for m in before if m.info.kind not in _GENERIC_KINDS), None)
        return a1, a2
    giver = _giver(trig, tokens, after) if trig.type in _GIFTS and (pos == "n" or _after_preposition(tokens, t)) \
        else None
    if giver is not None:  # حصلت الحكومة على دعم قوي من الحلف: who gave it, to the subject
        return agent or giver, next((m for m in reversed(before) if not m.prep), None)
    if pos == "v":
        a1, a2 = _verb_roles(trig, tokens, cands, before, after, agent, fallback, cs)
    elif head is not None and head < t and (agent is not None or any(
            max(cs, head - 6) <= m.token < t and m.token != head and not m.prep for m in cands)):
        # شن الطيران غارات / الطيران شن غارات: the light verb's subject
        subj = [m for m in cands if max(cs, head - 6) <= m.token < t and m.token != head and not m.prep]
        a1 = _first_conjunct(subj, tokens) if subj else agent
        rest = [m for m in after if m is not a1]
        a2 = rest[0] if rest else None
    elif pos == "n" and trig.entry.heads and not trig.entry.counted and _head_subject(trig, tokens, before):
        # أعرب الرئيس ... خلال لقائه الوزير ... عن استيائه: the subject of the governing verb
        a1 = agent or _head_subject(trig, tokens, before)
        rest = [m for m in after if m is not a1]
        a2 = rest[0] if rest else None
    else:  # event nouns: the genitive after them is the agent (قصف الطيران الروسي)
        near = [m for m in after if m.token - t <= 3 and (not m.prep or m.text[:1] == "ل" and m.token - t <= 2
                                                          and trig.type not in _LAM_TARGET
                                                          and tokens[m.token - 1].norm not in _PREPOSITIONS)
                and not (trig.type in _LAM_TARGET and tokens[m.token - 1].text[:1] == "ل")]  # (انتقادات لحزب ...)
        if _possessed(trig, tokens):
            near = []  # استهدافهم تجمعا للحوثيين: the pronoun is the agent, what follows the target
        a1 = agent or (near[0] if near else (before[-1] if before and not _speaker(before[-1], tokens, cs, t)
                                             and not before[-1].prep else None))
        if a1 is None and head is not None and head == cs:
            a1 = _elided(tokens, cands, head)  # وتمكنت من السيطرة: the subject of the clause before
        rest = [m for m in after if m is not a1]
        a2 = rest[0] if rest else None
    if trig.entry.mode == "clash" and a1 is not None:  # اشتبكت القوات ... مع المسلحين: the other side
        other = next((m for m in after if m is not a1 and tokens[m.token - 1].norm in _CLASH_SIDE_PREPS), None)
        if other is not None:
            a2 = other
    if a1 is not None and a2 is not None and trig.entry.mode != "clash" and trig.type not in _MUTUAL \
            and a2.token == a1.token_end and tokens[a2.token].text[:1] == "و":
        a2 = next((m for m in after if m.token > a2.token and m.token != a2.token_end), None)  # القوات والتحالف قصفت
    if a1 is not None and a2 is not None and (a1.info.name == a2.info.name or _apposed(a1, a2, tokens)):
        later = [m for m in cands if m.start > a2.end and m.token < lim and m.info.name != a1.info.name]
        a2 = later[0] if later and not _apposed(a2, later[0], tokens) else None
    return a1, a2


_MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_ACCUSING = frozenset({"accusation"})
_CAUSE_AFTER = word_set(_OWN, "cause_after")
_BORDER_NOUNS = word_set(_OWN, "border_nouns")
_RELATIVES = word_set(_OWN, "relatives")
_PASSIVE_AUX = word_set(_OWN, "passive_aux")


def _verb_roles(trig, tokens, cands, before, after, agent, fallback, cs):
    """Subject and object of a verb: the subject stands before it in its clause, or right after it
    without a preposition; a verb with a plural suffix (انتقدوا الحكومة) carries its subject."""
    t = trig.token
    if before:
        a1 = _first_conjunct(before, tokens)
        return a1, _object(after, t, None, tokens)
    w = tokens[t].norm
    subj = None
    if after and after[0].token == t + 2 and _object_after_subject_noun(trig, tokens, after):
        return agent or fallback, after[0]  # اتهمت الجماعة جبهة النصرة بخطف ...: the named one is accused
    if not (w.endswith("وا") or (w.endswith("ون") and w[:1] in ("ي", "ت"))):  # (a plural suffix carries the subject)
        for m in after:
            if m.token - t > 8 or any(tokens[k].norm in _RELATIVES for k in range(t + 1, m.token)):
                break  # (بمقاتلي المقاومة الذين طردوا الحوثيين: not the relative clause's subject)
            if not m.prep:
                subj = m if m.token - t <= 4 or all(o.prep for o in after if o.token < m.token) else None
                break
    a1 = subj or agent or fallback or (_elided(tokens, cands, cs) if t == cs else None)
    return a1, _object(after, t, a1, tokens)


def _object_after_subject_noun(trig, tokens, after: list[Mention]) -> bool:
    """Whether an accusation verb's subject is a plain definite noun and the first name after it its object
    (اتهمت الجماعة جبهة النصرة بخطف زعيمها): verb, one definite word that names no actor, then the name."""
    t = trig.token
    if not after or after[0].token != t + 2 or after[0].prep or t + 2 >= len(tokens):
        return False
    if not cue_categories(tokens[t].norm) & _ACCUSING:
        return False
    w = tokens[t + 1].norm
    return w.startswith("ال") and tokens[t + 1].kind != "punct"


_GIFTS = frozenset({"SUPPORT", "AID"})
# words of these types take لـ for whom they address, not who acts (انتقادات لحزب، دعم لليمن، زيارة لبغداد)
_LAM_TARGET = frozenset({"ACCUSE", "SUPPORT", "REJECT", "THREATEN", "REQUEST", "AID", "SANCTION", "CONSULT",
                         "COOPERATE", "AGREE"})
_GIVER_SPAN = 4  # words from a support or aid noun to من and its giver (دعم كبير من الاتحاد الأوروبي)


def _giver(trig, tokens, after: list[Mention]) -> Mention | None:
    """The actor after من right behind a support or aid noun (دعم من السعودية، مساعدات من الإمارات)."""
    if trig.type not in _GIFTS:
        return None
    return next((m for m in after if m.token - trig.token <= _GIVER_SPAN and m.token >= 1
                 and tokens[m.token - 1].norm == "من" and m.info.inter is not None
                 and m.info.kind not in _GENERIC_KINDS), None)


def _after_preposition(tokens, t: int) -> bool:
    """Whether a preposition stands right before token ``t`` (past an opening quote): a noun, not a verb
    (على “دعم قوي” من ...)."""
    j = t - 1
    while j > 0 and tokens[j].kind == "punct" and tokens[j].text in "«\"“(":
        j -= 1
    return j >= 0 and tokens[j].norm in _PREPOSITIONS


_ASIDE_REACH = 15  # tokens searched back from a mention for the comma opening its relative clause


def _in_aside(m: Mention, tokens, t: int) -> bool:
    """Whether mention ``m`` after the event word at ``t`` stands in a relative clause set off by a comma
    (اتهمت الوحدات الكردية، التي تقاتل تنظيم داعش، تركيا ...): it describes a participant, it is not one."""
    for k in range(m.token - 1, m.token - _ASIDE_REACH if m.token - t > _ASIDE_REACH else t, -1):
        tok = tokens[k]
        if tok.text in ("،", ","):
            return k + 1 < m.token and tokens[k + 1].norm in _RELATIVES
        if tok.text in (".", "؛", ":"):
            return False
    return False


def _voweled_passive(word: str) -> bool:
    """Whether a verb carries the passive's damma on its first letter (قُتل، وقُتل، أُصيب)."""
    k = 1 if word[:1] in ("و", "ف") and len(word) > 3 else 0
    return len(word) > k + 1 and word[k + 1] == "\u064f"


def _across_border(m: Mention, tokens) -> bool:
    """Whether a country mention stands right after الحدود مع (على الحدود مع اليمن): a place, not a party."""
    k = m.token
    return k >= 2 and tokens[k - 1].norm == "مع" and tokens[k - 2].norm in _BORDER_NOUNS


def _object(after: list[Mention], t: int, a1: Mention | None, tokens) -> Mention | None:
    """The verb's object: the next mention, unless it sits in a prepositional phrase further on
    (ندد بقيام القادة بتقديم التعازي إلى إردوغان): a prepositional object stands near the verb or its subject
    (من and على, which also introduce a part of a group or a target, are left alone)."""
    rest = [m for m in after if m is not a1]
    if not rest:
        return None
    m = rest[0]
    if m.token > 0 and tokens[m.token - 1].norm in _PREPOSITIONS and tokens[m.token - 1].norm not in ("من", "علي"):
        anchor = a1.token_end if a1 is not None and a1.token > t else t + 1
        if m.token - anchor > 3:
            return None
    return m


def _first_conjunct(ms: list[Mention], tokens) -> Mention:
    """The first of coordinated subjects (الحوثيون وقوات صالح قصفوا): ACLED's actor1, the other associated."""
    i = len(ms) - 1
    while i > 0 and tokens[ms[i].token].text[:1] == "و" and 0 <= ms[i].token - ms[i - 1].token_end <= 1:
        i -= 1
    return ms[i]


def _elided(tokens, cands, cs: int) -> Mention | None:
    """The subject a coordinated verb shares with the clause before it (استولت المقاومة ... وحاصرت):
    the sentence's first actor not governed by a preposition, when the verb opens its clause with و/ف."""
    if tokens[cs].norm[:1] not in ("و", "ف"):
        return None
    return next((m for m in cands if m.token < cs and not m.prep), None)


def _time_words() -> frozenset[str]:
    """Weekdays, day words and parts of the day of ``dates.yaml`` (الاثنين، أمس، مساء), normalised."""
    got = _TIME_WORDS.get("set")
    if got is None:
        d = load_yaml("dates.yaml")
        words = [w for ws in d["weekdays"].values() for w in ws] + [w for ws in d["day_words"].values() for w in ws]
        got = frozenset(normalize_word(x) for w in words + list(d["day_parts"]) for x in w.split())
        _TIME_WORDS["set"] = got
    return got


_TIME_WORDS: dict[str, frozenset[str]] = {}
_ASIDE_ADVERBS = word_set(_OWN, "aside_adverbs")
_TIME_ASIDE = 3  # words of a time set off by commas between a verb's subject and the rest (عقد كيري، الاثنين، اجتماعا)


def _fronted(cands, tokens, cs: int) -> list[Mention]:
    """A subject fronted before a comma after أن/إن (أن الرئيس اليمني، طلب ...), or set off from the rest
    of its clause by a time between commas (يعقد كيري، الاثنين، اجتماعا)."""
    k = cs - 1
    while k > 1 and tokens[k].norm in _ASIDE_ADVERBS:
        k -= 1
    if k < 1 or tokens[k].text not in ("،", ","):
        return []
    m = next((m for m in cands if m.token_end == k), None)
    if k == cs - 1 and m is not None and m.token > 0 and tokens[m.token - 1].norm in _COMPLEMENTISERS:
        return [m]
    j, times = k - 1, _time_words()
    while j >= 0 and k - 1 - j < _TIME_ASIDE and tokens[j].norm.lstrip("و") in times:
        j -= 1
    if j == k - 1 or j < 1 or tokens[j].text not in ("،", ","):
        return []
    m = next((m for m in cands if m.token_end == j and not m.prep), None)
    if m is None or m.token > 0 and cue_categories(tokens[m.token - 1].norm) & _SPEECH:
        return []  # دانت المنظمة، أمس، قصف المتمردين: who speaks of it, not who did it
    return [m]


def _possessed(trig, tokens) -> bool:
    """Whether the event noun carries a possessive pronoun (استهدافهم، هجومها): its agent is that pronoun."""
    w = tokens[trig.token].norm
    key = normalize_word(trig.key)
    if not w.endswith(("ه", "ها", "هم", "هما")) or key.endswith("ه"):
        return False
    core = w[len(normalize_word(trig.prefix or "")):]
    return len(core) > len(key) + 0 and core.startswith(key)


def _partitive(m: Mention | None, mentions: list[Mention], tokens) -> Mention | None:
    """Victims counted from a group are that group (قتل مسلحان من ميليشيات الحوثي)."""
    if m is None or m.info.kind not in _GENERIC_KINDS or m.token_end >= len(tokens) \
            or tokens[m.token_end].norm != "من":
        return m
    return next((o for o in mentions if o.token == m.token_end + 1), m)


def _apposed(a: Mention, b: Mention, tokens) -> bool:
    """Whether a person's name ``b`` follows ``a`` with no word between (المتحدث باسم الحوثيين يحيى سريع)."""
    return b.token == a.token_end and b.source == "entity" and b.info.kind == "pers"


_BETWEEN = word_set("events/actor_words.yaml", "between")


def _between(mentions: list[Mention], tokens, cs: int, ce: int) -> tuple[Mention, Mention] | None:
    """The two sides of "بين X و Y" in ``[cs, ce)``, if any (بين الرئيس المصري ونظيره
    التونسي، بين الجيش والمسلحين)."""
    n = len(mentions)
    for i, m in enumerate(mentions):
        k = m.token
        if k <= cs or k >= ce + 4 or i + 1 >= n:
            continue
        for j in range(k - 1, max(cs, k - 5) - 1, -1):
            if j < ce and tokens[j].norm in _BETWEEN:
                break
        else:
            continue
        side = _other_side(mentions, tokens, i)
        if side is not None:
            return m, side
        nxt = mentions[i + 1]
        if m.token_end <= nxt.token <= m.token_end + 3:
            for j in range(m.token_end, nxt.token + 1):
                if tokens[j].text[:1] == "و":
                    return m, nxt
    return None


def _other_side(mentions: list[Mention], tokens, i: int) -> Mention | None:
    """بين X وY من جهة، وZ من جهة أخرى: the first mention after the first من جهة is the other side."""
    m = mentions[i]
    for k in range(m.token_end, min(len(tokens) - 1, m.token_end + 12)):
        if tokens[k].norm == "من" and tokens[k + 1].norm == "جهه":
            return next((o for o in mentions[i + 1:] if k + 2 <= o.token <= k + 5), None)
    return None


def to_actor(m: Mention, role: str, country: str | None = None) -> Actor:
    """An :class:`~rasd.doc.Actor` for a mention (generic actors take the event's country)."""
    info = m.info
    name_en = info.name_en
    cc = info.country
    if info.kind in _GENERIC_KINDS and country:
        cc = country
        if name_en:
            name_en = f"{name_en} ({country})"
    elif info.kind.startswith("state_") and country:
        cc = country  # الشرطة، قوات الأمن: the forces of the event's country
        name_en = f"{name_en} of {_country_names().get(country, country)}"
    return Actor(m.start, m.end, m.text, role, plain_letters(info.name) if info.name else info.name, name_en, cc,
                 info.inter)


def speaker_subject(clause, tokens, speaker: Mention | None, trig, a1: Mention | None, a2: Mention | None
                    ) -> tuple[Mention | None, Mention | None]:
    """Actors of a reported clause opened by a complementiser with a pronoun (قال الجيش إنه قتل 20
    مسلحا، قالت المقاومة إنها تمكنت من السيطرة): the pronoun is the speaker, when the speaker is an
    armed actor, and a mention after the word is its object.  Other speakers (an observatory, a
    ministry of health) use the same form for the passive (إنه قتل 20 شخصا = 20 were killed).
    A verb in the first person or with the speaker's own side as its subject (قال الوزير: نطالب
    السلطات ...، أكد أن بلاده ترفض ...) is the speaker's act, whoever the speaker is."""
    if clause is not None and _own_voice(trig, tokens, clause.start) and not (
            a1 is not None and a1 is not speaker and clause.start <= a1.token < trig.token):
        obj = a1 if a1 is not None and a1.token > trig.token else a2
        if speaker is None:  # a speaker that is no actor (قال أبو محمد: نطالب الحكومة ...): not its object
            return (None, obj) if obj is a1 and _first_person(trig, tokens) else (a1, a2)
        return speaker, (obj if obj is not speaker and (obj is None or obj.info.name != speaker.info.name)
                         else None)
    if speaker is None or speaker.info.inter not in _ARMED_INTER or clause is None:
        return a1, a2
    k = clause.start
    if not any(0 <= j < len(tokens) and tokens[j].norm in _PRONOUN_COMPS for j in (k - 1, k)):
        return a1, a2
    if a1 is None:
        return speaker, a2
    if a2 is None and a1.token > trig.token and a1 is not speaker:
        return speaker, a1
    return a1, a2


_OWN_SIDE = word_set("events/words.yaml", "factuality_own_side")


def _own_voice(trig, tokens, cs: int) -> bool:
    """Whether verb ``trig`` is told by its speaker of himself: a first-person form (نطالب، رفضنا) or
    the speaker's own side as its subject (بلاده ترفض، نحن ندين)."""
    if trig.pos != "v":
        return False
    if _first_person(trig, tokens):
        return True
    return any(tokens[k].norm in _OWN_SIDE for k in range(max(cs, trig.token - 2), trig.token))


def _head_subject(trig, tokens, before: list[Mention]) -> Mention | None:
    """The first mention without a preposition right after the verb that governs noun ``trig``
    (أعربت الوزارة ... عن استغرابها، حمل الجيش ... مسؤولية)."""
    heads = trig.entry.heads
    k = next((j for j in range(trig.token - 1, -1, -1) if tokens[j].norm in heads
              or tokens[j].norm[:1] in ("و", "ف") and tokens[j].norm[1:] in heads), None)
    if k is None:
        return None
    return next((m for m in before if k < m.token <= k + 3 and not m.prep), None)


def _first_person(trig, tokens) -> bool:
    """Whether verb ``trig`` is in the first person plural: نطالب (an imperfect with ن), طالبنا (the
    perfect's نا right after the stem, not تعاونا)."""
    w = tokens[trig.token].norm
    stem = w[len(trig.prefix):]
    return trig.present and trig.key[:1] == "ن" or stem.endswith("نا") and stem[:-2] == trig.key \
        and not trig.key.endswith("ن")
