"""An event's date, place and numbers, chosen from the document's layers.

* date: a date mention of the trigger's sentence (nearest, day precision first), else the nearest
  day (or range) before it in its paragraph, else the publication date (precision ``publication``): a
  week, month or year of a sentence before dates that sentence's background, not the next event;
* place: where it happened: a place of the trigger's clause or sentence that is not part of an actor's
  name (قوات شرق ليبيا) nor of a reporting frame (قال في القاهرة إن ...), finer kinds first, else the
  paragraph before it, else the article's focus country (ACLED geo_precision 2 and 3 for these);
* figures: killed / injured / displaced / arrested from doc.figures in the event's sentence or the
  next one, the ACLED way: sub-totals (بينهم 3 أطفال) are skipped, figures of one sentence add up,
  repeated reports keep the lowest, vague quantities count as several=3, dozens=12, hundreds=100.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import re
from functools import cache

from rasd.doc import DateMention, Document, Place
from rasd.lexicon import load_yaml, word_set
from rasd.lexicon.matcher import PhraseMatcher
from rasd.text.normalize import normalize, normalize_word

_SINCE = word_set("events/words.yaml", "arguments_since")
_SINCE_FILLERS = word_set("events/words.yaml", "arguments_since_fillers")
_LAPSE_BEFORE = word_set("events/words.yaml", "arguments_lapse_before")
_LAPSE_UNITS = word_set("events/words.yaml", "arguments_lapse_units")
_BORDER = word_set("events/words.yaml", "arguments_border")
_HEADLINE = tuple(load_yaml("events/words.yaml")["arguments_headline_markers"])
_BORDER_WITH = word_set("events/words.yaml", "arguments_border_with")
_CAUSE = word_set("events/words.yaml", "arguments_cause_markers")
_VISIT = word_set("events/words.yaml", "arguments_visit_words")
_VISIT_TO = word_set("events/words.yaml", "arguments_visit_to")
_MEETING = word_set("events/words.yaml", "arguments_meeting_words")
_ENVOY = word_set("events/words.yaml", "arguments_envoy_words")
_STATEMENT = word_set("events/words.yaml", "arguments_statement_words") | word_set(
    "events/words.yaml", "arguments_statement_words_place")
_VENUE = word_set("events/words.yaml", "arguments_venue_words")
_MEDIA = word_set("events/words.yaml", "arguments_media_words")
_MISSION = word_set("events/words.yaml", "arguments_mission_words")
_AT = word_set("events/words.yaml", "arguments_at")
_SPEECH_NOUNS = word_set("events/political.yaml", "speech_nouns")
_ARRIVAL = word_set("events/political.yaml", "arrival_verbs")
_STATE_VERBS = word_set("geo/relations.yaml", "state_verbs")
_ORIGIN = word_set("geo/relations.yaml", "origin_words")
_RESIDENCE = word_set("geo/relations.yaml", "residence_words")
_HOSTS = word_set("geo/relations.yaml", "host_words")
_COORD = word_set("events/words.yaml", "clauses_coord")
_PREP = word_set("events/words.yaml", "clauses_prep")
# a document as a statement's subject (دعا البيان الحكومة التركية ...): the names after it are addressed
_DOCUMENT = word_set("events/words.yaml", "arguments_document_subjects")
_WHICH = word_set("events/words.yaml", "clauses_relative_pronouns")
_KIND_RANK = {"facility": 5, "village": 4, "city": 4, "landmark": 4, "admin2": 3, "admin1": 2, "region": 1.5,
              "country": 1}
FIGURE_FIELDS = {"killed": "fatalities", "injured": "injured", "displaced": "displaced", "arrested": "arrested"}
_WORDS = load_yaml("events/words.yaml")
_MISSION_STEMS = tuple(_WORDS["arguments_mission_stems"])


def _alt(key: str) -> str:
    """A regex alternation of the raw words under ``key`` of events/words.yaml."""
    return "(?:" + "|".join(re.escape(w) for w in _WORDS[key]) + ")"


_TOPIC = re.compile(f"(?:{_alt('arguments_topic_words')}|(?<!\\S){_alt('arguments_topic_solution_clitics')}?"
                    f"{_alt('arguments_article')}?{_alt('arguments_topic_solution_words')})"
                    f"\\s+(?:\\S+\\s+)?(?:{_alt('arguments_topic_tail_words')}\\s+|{_alt('arguments_topic_tail_clitics')})?$")
_SPOKESMAN_WORDS = tuple(_WORDS["arguments_spokesman_words"])
# المتحدث باسم مجلس الأمن القومي الأمريكي: an affiliation
_SPOKESMAN = re.compile(f"{_alt('arguments_spokesman_words')}\\s+(?:\\S+\\s+){{0,3}}$")
_SUBTOTAL = re.compile(f"{_alt('arguments_subtotal_words')}\\s*$")
_FIRST = word_set("events/words.yaml", "arguments_first_words")
_LAPSE_OF = word_set("events/words.yaml", "arguments_lapse_of")
_SCENE = word_set("events/words.yaml", "arguments_scene_openers")
_NATIONALITY = tuple(_WORDS["arguments_nationality_words"])
_VISIT_NOUN = word_set("events/words.yaml", "arguments_visit_noun_start")
_RESIDENCE_AT = tuple(_WORDS["arguments_residence_at"])
_ORIGIN_FROM = word_set("events/words.yaml", "arguments_origin_from")
_BORDER_STEM = tuple(_WORDS["arguments_border_stem"])
_NISBA_ENDINGS = tuple(_WORDS["arguments_nisba_endings"])
_WA = "".join(_WORDS["arguments_conjunction"])  # stripped from the start of words (lstrip)
_CONJ = tuple(_WORDS["arguments_conjunctions"])
_PREP_CLITICS = tuple(_WORDS["arguments_preposition_clitics"])
_TO_CLITIC = tuple(_WORDS["arguments_to_clitic"])
_TITLES = word_set("events/words.yaml", "arguments_title_words")
_LINK_VERBS = word_set("events/words.yaml", "arguments_link_verbs")
_LINK_NOUNS = word_set("events/words.yaml", "arguments_link_nouns")
_LINK_IN = word_set("events/words.yaml", "arguments_link_in")
_AFFILIATION = word_set("events/actor_words.yaml", "assoc_before")
_AFFIL_PREPS = word_set("events/words.yaml", "arguments_affiliation_preps")
_CONSTRUCT_T = "".join(_WORDS["arguments_construct_t"])
_TA_MARBUTA = "".join(_WORDS["arguments_ta_marbuta"])


@cache
def _best_place():
    """``rasd.geo.locate.best_place`` when the geo package provides it, else None."""
    try:
        from rasd.geo.locate import best_place
    except ImportError:
        return None
    return best_place


def paragraph_start(text: str, offset: int) -> int:
    """Start offset of the paragraph (line) that holds ``offset``."""
    return text.rfind("\n", 0, offset) + 1


def pick_date(doc: Document, s_start: int, s_end: int, at: int,
              clause_span: tuple[int, int] | None = None,
              avoid: tuple[tuple[int, int], ...] = ()) -> tuple[str | None, str | None, DateMention | None]:
    """(ISO value, precision, the mention used) for an event word at offset ``at``.

    Dates of the event word's own clause come first, then the nearest of its sentence outside the
    relative/subordinate clauses ``avoid`` (another event's date), then the paragraph's.
    """
    in_sent = [d for d in doc.dates if s_start <= d.start < s_end and d.value
               and not any(a <= d.start < b for a, b in avoid) and not _since(doc.text, d)
               and not (d.start > at and (_lapse_between(doc.text, at, d.start) or _cause_between(doc.text, at, d.start)))]
    if in_sent:
        def key(d: DateMention):
            inside = clause_span is not None and clause_span[0] <= d.start < clause_span[1]
            return (not inside, d.precision != "day", abs(d.start - at))
        best = min(in_sent, key=key)
        return day_value(doc, best), best.precision, best
    linked = _linked_date(doc, s_start, s_end)
    if linked is not None:  # أكد الوزير ... / جاء ذلك خلال استقباله أمس ...: the occasion's day
        return day_value(doc, linked), linked.precision, linked
    p0 = paragraph_start(doc.text, s_start)
    if any(doc.text.startswith(m, s_start) for m in _HEADLINE):
        p0 = s_start  # رابط الخبر: <the headline>: it repeats the article's news, not the sentence before it
    i = bisect.bisect_left(doc.dates, s_start, key=lambda x: x.start) - 1
    while i >= 0 and doc.dates[i].start >= p0:
        d = doc.dates[i]
        if d.value and not _since(doc.text, d) and d.precision in ("day", "range") and not _ahead(doc, d):
            return day_value(doc, d), d.precision, d
        i -= 1
    if doc.published is not None:
        return article_today(doc).isoformat(), "publication", None
    return None, None, None


def _links(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` opens by telling the occasion of the one before it (جاء ذلك
    خلال ...، وجاء حديث الوزير خلال ...، وجاء في بيان ...)."""
    words = text[start:min(end, start + 40)].split()[:3]
    if len(words) < 2 or normalize_word(words[0]) not in _LINK_VERBS:
        return False
    second = normalize_word(words[1].strip("،,:"))
    return second in _LINK_NOUNS or (second in _LINK_IN and len(words) > 2 and normalize_word(words[2]) in _DOCUMENT)


def _linked_date(doc: Document, s_start: int, s_end: int) -> DateMention | None:
    """The day told in the sentence linked to this one as its occasion: the next sentence when it opens
    with جاء ذلك ...، the one before when this one does; None when there is no such day."""
    text = doc.text
    k = s_end
    while k < len(text) and text[k].isspace():
        k += 1
    nxt = doc.sentence_of(k) if k < len(text) else None
    other = nxt if nxt is not None and nxt.start >= s_end and _links(text, nxt.start, nxt.end) else None
    if other is None and _links(text, s_start, s_end):
        k = s_start - 1
        while k > 0 and text[k].isspace():
            k -= 1
        other = doc.sentence_of(k) if k >= 0 else None
        if other is not None and other.start >= s_start:
            other = None
    if other is None:
        return None
    return next((d for d in doc.dates if other.start <= d.start < other.end and d.value and d.precision == "day"
                 and not _ahead(doc, d)), None)


def _ahead(doc: Document, d: DateMention) -> bool:
    """Whether ``d`` is a day after the article's publication (المقررة غدا): a planned event's, which
    dates no event told in the sentences after it."""
    return doc.published is not None and len(d.value) >= 10 and d.value[:10] > doc.published.isoformat()


_TODAY = frozenset(normalize_word(w) for w in load_yaml("dates.yaml")["day_words"][0])
_YESTERDAY = frozenset(normalize_word(w) for w in load_yaml("dates.yaml")["day_words"][-1])
_DAY_WORDS = frozenset(normalize_word(w) for k, ws in load_yaml("dates.yaml")["day_words"].items() if k <= 0
                       for p in ws for w in p.split())
_WEEKDAYS = frozenset(normalize_word(w) for ws in load_yaml("dates.yaml")["weekdays"].values() for w in ws)
_LEAD = 400  # characters at the start of an article whose "today" (اليوم الخميس) is the article's own day
_STALE_DAYS = 6  # how far before publication an article's own "today" may lie (a story put online late)


def article_today(doc: Document):
    """The day the article calls today: the publication date, unless its lead names an earlier day as
    today (نشر عناصر المقاومة فجر اليوم الخميس ... in a story published on Saturday): undated events of
    the article are news of that day."""
    pub = doc.published
    got = doc.cache.get("article_today")
    if got is not None and got[0] == pub:
        return got[1]
    day = pub
    for d in doc.dates:
        if d.start >= _LEAD:
            break
        if d.precision != "day" or not d.value or len(d.value) != 10:
            continue
        words = [normalize_word(w) for w in d.text.replace("(", " ").replace(")", " ").split()]
        # اليوم الخميس names the article's own day; أمس الاثنين the day before it (an earlier Monday)
        after = 0 if any(w in _TODAY for w in words) else 1 if (
            any(w in _YESTERDAY for w in words) and any(w in _WEEKDAYS for w in words)
            and not any(w in _FIRST for w in words)) else None
        if after is None:
            continue
        try:
            own = _dt.date.fromisoformat(d.value) + _dt.timedelta(days=after)
        except ValueError:
            continue
        if 1 <= (pub - own).days <= _STALE_DAYS:
            day = own
        break
    doc.cache["article_today"] = (pub, day)
    return day


def day_value(doc: Document, d: DateMention) -> str | None:
    """The ISO value of ``d``; a bare relative day (أمس، أول من أمس، اليوم) of a story whose own day is
    earlier than its publication (:func:`article_today`) counts back from that day, not from publication."""
    v = d.value
    if not d.relative or d.precision != "day" or v is None or len(v) != 10 or doc.published is None:
        return v
    today = article_today(doc)
    if today == doc.published:
        return v
    words = [normalize_word(w) for w in d.text.replace("(", " ").replace(")", " ").split()]
    if not any(w in _DAY_WORDS for w in words) or any(w in _WEEKDAYS or w[:1].isdigit() for w in words):
        return v
    try:
        return (_dt.date.fromisoformat(v) - (doc.published - today)).isoformat()
    except ValueError:
        return v


def _lapse_between(text: str, at: int, start: int) -> bool:
    """Whether "weeks after / days before" another event stands between the event word and a later date
    (ويأتي تفكيك الشبكة بعد أسابيع من اتهام ... في 26 يونيو): that date is the other event's."""
    if not any(w in text[at:start] for w in _LAPSE_BEFORE):
        return False
    words = [normalize_word(w) for w in text[at:start].split()]
    for k, w in enumerate(words[:-2]):
        if w in _LAPSE_BEFORE:
            rest = words[k + 1:k + 4]  # بعد أسابيع من، بعد ثلاثة أيام من، بعد نحو شهر من
            unit = next((j for j, x in enumerate(rest) if x in _LAPSE_UNITS), None)
            if unit is not None and unit + 1 < len(rest) and rest[unit + 1] in _LAPSE_OF:
                return True
    return False


def _cause_between(text: str, at: int, start: int) -> bool:
    """Whether the cause of a reaction stands between the event word and a later date (اعتصموا احتجاجا
    على قتل ضابط ليل 6 مارس، قصفت ردا على هجوم الأحد): that date is the cause's."""
    words = text[at:start].split()[:-1]  # the event word itself may open it (احتجاجا على قتل ... أمس)
    return any(normalize_word(w).lstrip(_WA) in _CAUSE for w in words)


def _since(text: str, d: DateMention) -> bool:
    """Whether a month or year opens a duration (منذ الشهر الماضي، منذ العام 2004): the start of a state,
    not an event's time (a day after منذ stays: منذ صباح أمس)."""
    if d.precision == "day":
        return False
    words = text[max(0, d.start - 16):d.start].split()[-2:]
    if not words:
        return False
    last = normalize_word(words[-1])
    if last in _SINCE:
        return True
    return len(words) == 2 and normalize_word(words[0]) in _SINCE and last in _SINCE_FILLERS


def _value(d: DateMention) -> str | None:
    if d.precision == "range" and d.end_value:
        return d.value
    return d.value


def pick_place(doc: Document, s_start: int, s_end: int, at: int, clause_span: tuple[int, int] | None,
               excluded: list[tuple[int, int]], frame_end: int | None,
               actor_spans: tuple[tuple[int, int], ...] = (),
               host: tuple[int, int, str | None, int | None] | None = None, seat: str | None = None) -> Place | None:
    """The place where the event at offset ``at`` happened, or None.

    ``seat`` is the ISO code of the seat of a regional body that is the first actor of a verbal event
    (أدانت جامعة الدول العربية ...): told with no venue, its statement is made at its seat, not in the
    country it is about.

    ``host`` is the event's first actor (start, end, its dictionary country, its inter code): a meeting
    told with no place is held in its country (استقبل الملك سلمان وزير الخارجية الأمريكي -> SA, not the
    guest's US), a state official's statement told with no place at home, not in the article's focus.

    ``actor_spans`` are the event's actors: a focus country that is itself one of them (شنتها الولايات
    المتحدة) is who acted, so without a place of its own the event falls back to the other focus country.
    """
    fixed = doc.cache.get("arguments_place_ok")
    if fixed is None:  # the verdicts that depend on the place alone, kept for the article's other events
        fixed = doc.cache["arguments_place_ok"] = {}
    word = _event_word(doc.text, at)
    said = word in _STATEMENT
    met = word in _MEETING or word in _VISIT

    def ok(p: Place, topic: bool = True, actors: bool = True, frame: bool = True, title: bool = True) -> bool:
        if met and title and _after_title(doc.text, p.start):
            return False  # زيارة رئيس وزراء اليابان، لقاء وزير خارجية مصر: a participant's country, not the venue
        if actors and excluded and _inside_excluded(doc.text, p, excluded):
            return False  # inside an actor's name or an event word; not a place that holds one (بعقوبة ⊃ عقوبة)
        # a place in the reporting frame of the sentence (قال ... في القاهرة إن): where it was said
        if frame and frame_end is not None and s_start <= p.start < frame_end and p.start < at:
            return False
        key = (p.start, p.end, p.country_code, p.kind, p.via, topic)
        v = fixed.get(key)
        if v is None:
            v = fixed[key] = _place_ok(doc, p, topic)
        return v

    if word in _VISIT:
        there = _visit_place(doc, at, s_end, ok) or _arrived_at(doc, s_start, at, ok)
        if there is not None:
            return there
    if word in _MEETING:
        held = _meeting_place(doc, s_start, s_end, at, clause_span, ok, host if word in _HOSTS else None, seat)
        if held is not None:
            return held
    if word in _ENVOY:
        state = _sending_state(doc, s_start, at, ok)
        if state is not None:  # استدعت البحرين سفيرها لدى إيران: the recalling state's act, not the host's
            town = next((p for p in doc.places if s_start <= p.start < state.start and p.country_code == state.country_code
                         and _KIND_RANK.get(p.kind or "", 2) >= 3 and ok(p, actors=False)), None)
            if town is not None:
                return town  # واس - المنامة: استدعت مملكة البحرين ...: the capital it was decided in
            return dataclasses.replace(state, geo_precision=max(state.geo_precision or 1, 3 if state.kind == "country" else 2))
    if seat is not None and host is not None and word not in _MEETING:
        told = _told_venue(doc, s_start, s_end, at, frame_end, ok)
        if told is not None:
            return told
        line = _dateline(doc)  # القاهرة - واس: the seat's own town
        return line if line is not None and line.country_code == seat else \
            _actor_place(doc, (host[0], host[1], seat, host[3]))
    if not said and _own_statement(word):
        own = _subject_state(doc, s_start, at, excluded, ok)
        if own is not None:  # هدد الجيش الإيراني بالرد بعد اتهامه تل أبيب: the speaker's, not the accused's
            return dataclasses.replace(own, geo_precision=max(own.geo_precision or 1, 2 if own.kind != "country" else 3))
    if said:
        where = _statement_place(doc, s_start, s_end, at, frame_end, ok, excluded)
        if where is not None:
            doc.cache["arguments_said"] = (s_start, at, where)
            return where
        last = doc.cache.get("arguments_said")
        if last is not None and last[0] == s_start and last[1] < at:
            return last[2]  # أن المملكة المغربية تدين العمل الإجرامي ... كما تدعو ...: the same speaker's
    helper = None if said else _best_place()
    if helper is not None and clause_span is not None:
        # the geo team's chooser over the trigger's clause (then its sentence), if it passes our filters
        lo = max(clause_span[0], frame_end) if frame_end is not None and frame_end <= at else clause_span[0]
        p = helper(doc, lo, clause_span[1], trigger=at)
        if p is not None and ok(p) and s_start <= p.start < s_end and not (
                p.via == "nisba" and not _of_actor(p, host) and _named_elsewhere(doc, s_start, s_end, at, p, ok)):
            return p
    cands = [] if said else [p for p in doc.places if s_start <= p.start < s_end and ok(p)]
    if cands:
        named = any(q.via != "nisba" and _same_clause(doc.text, at, q.start) for q in cands)

        def score(p: Place) -> float:
            s = _KIND_RANK.get(p.kind or "", 2)
            if named and p.via == "nisba" and not _of_actor(p, host):
                s -= _NISBA_PENALTY  # حافلة ركاب إيرانية ... (شرق تركيا): whose it is, not where
            if clause_span and clause_span[0] <= p.start < clause_span[1]:
                s += 2
            s -= abs(p.start - at) / 200
            if p.start > at:
                s += 0.5
            return s
        best = max(cands, key=score)
        if _KIND_RANK.get(best.kind or "", 2) < 3:
            # only a country (or nisba) in the sentence: the latest town of that country in its paragraph
            town = _recent_town(doc, paragraph_start(doc.text, s_start), s_start, best.country_code, ok)
            if town is not None:
                return town
        return best
    p0 = paragraph_start(doc.text, s_start)
    para_lo = max(p0, s_start - _PARA_SPAN)
    before = [p for p in doc.places if para_lo <= p.start < s_start]
    quoted = _quoted(doc, at)
    before = [p for p in before if ok(p) and (quoted or not _quoted(doc, p.start))
              and not (said and _after_title(doc.text, p.start))]  # (another speaker's title: وزير خارجية مصر)
    if before:
        best = max(before, key=lambda p: (_KIND_RANK.get(p.kind or "", 2), p.start))
        if said and _home_statement(doc, host, best, before):
            return _actor_place(doc, host)  # وحذر أوباما ... (after a sentence on the deal with Iran): at home
        return dataclasses.replace(best, geo_precision=max(best.geo_precision or 1, 2))
    # no place in the sentence nor its paragraph: the latest town of the focus country in the sentences
    # just before (one-sentence paragraphs), before falling back to the country itself; a focus country
    # named only across a border (قرب الحدود العراقية) gives way to the next one
    if said and _dateline(doc) is None:
        own = _speaker_nisba(doc, s_start, at, excluded, ok)
        if own is not None:
            return dataclasses.replace(own, geo_precision=3)
    line = _dateline(doc) if said or met else None
    if line is not None and line.kind != "country" and any(
            p.start >= line.end and p.country_code == line.country_code and p.via != "nisba" for p in doc.places):
        # الدوحة - واس: اجتمع الوزراء ... في الدوحة ... ورحب الوزراء ...: told where it was filed (a town the
        # story names again, not only an outlet's home town)
        return dataclasses.replace(line, geo_precision=2)
    foci = doc.focus_countries[:2]
    if len(foci) == 2 and actor_spans:
        states = {p.country_code for p in doc.places if p.kind == "country"
                  and any(a <= p.start < b for a, b in actor_spans)}
        if foci[0] in states and foci[1] not in states:
            foci = foci[1:]
    unquoted = ok if quoted else (lambda p: ok(p) and not _quoted(doc, p.start))
    for focus in foci:
        town = _recent_town(doc, max(0, p0 - _LOOKBACK), p0, focus, unquoted)
        if town is not None:
            return town
        if said and host is not None and host[3] in _STATE_INTER and host[2] and host[2] != focus and _dateline(doc) is None \
                and not (host[3] != 1 and _visit_told(doc, focus)) \
                and not any(p.start == host[0] and p.end == host[1] for p in doc.places):  # (not a state's name)
            return _actor_place(doc, host)  # رحب الوزير الجبير ...: with no place told, said at the speaker's home
        same = [p for p in doc.places if p.country_code == focus]
        best = next((p for p in same if p.kind == "country" and ok(p)), None) or next((p for p in same if ok(p)), None)
        if best is not None:
            return dataclasses.replace(best, geo_precision=3)
        if not same or not all(p.kind == "country" and _across_border(doc.text, p.start) for p in same):
            break
    return None


# ACLED inter codes of a state's actors: its own forces and officials (1) and a foreign state's (8, أوباما in a
# story about Iran)
_STATE_INTER = (1, 8)
_NISBA_PENALTY = 2.5  # a nisba of the sentence gives way to a place named in it, even outside the event's clause


def _home_statement(doc: Document, host, best: Place, before: list[Place]) -> bool:
    """Whether a statement with no place of its own is its speaker's at home rather than at ``best``, the
    paragraph's place before it: the speaker is a state actor of a known country and the paragraph's best
    place is another country (what was talked about: الاتفاق النووي مع إيران), not a town nor a visit's goal."""
    if host is None or host[3] not in _STATE_INTER or not host[2] or best.country_code == host[2]:
        return False
    if _KIND_RANK.get(best.kind or "", 2) >= 3 or (host[3] != 1 and _visit_told(doc, best.country_code)):
        return False
    return not any(_visited(doc.text, p.start) for p in before)


_VISIT_GAP = 5  # words between a visit or arrival word and the place it leads to (وصل مساء أمس إلى نيروبي)
_LEAD_SCENE = 250  # characters of the article's lead whose في + place tells where the story takes place


def _visit_told(doc: Document, cc: str | None) -> bool:
    """Whether the article tells a visit to or an arrival in country ``cc`` (زيارة أوباما لكينيا، وصل ...
    إلى نيروبي) or its lead sets the story there (أجرى أوباما في كينيا أمس محادثات): a foreign leader's
    statements are then made there, not at home."""
    told = doc.cache.get("arguments_visit_told")
    if told is None:
        told = set()
        for p in doc.places:
            if p.country_code and p.country_code not in told:
                words = [normalize_word(w).lstrip(_WA) for w in doc.text[max(0, p.start - 60):p.start].split()[-_VISIT_GAP:]]
                if any(w in _VISIT or w in _ARRIVAL for w in words) or (
                        p.start < _LEAD_SCENE and p.via != "nisba" and words and words[-1] in _AT):
                    told.add(p.country_code)
        doc.cache["arguments_visit_told"] = told
    return cc in told


def _of_actor(p: Place, actor) -> bool:
    """Whether place ``p`` lies in the first actor's words (أعربت الجمهورية العراقية ...): the actor's own."""
    return actor is not None and actor[0] <= p.start < actor[1]


def _named_elsewhere(doc: Document, s_start: int, s_end: int, at: int, nisba: Place, ok) -> bool:
    """Whether the sentence names a place (not a nisba) of another country that may hold the event, not in
    a relative clause after the event word (استنكارها للتفجير الذي استهدف مسجدا في عسير: another event's)."""
    for q in doc.places:
        if s_start <= q.start < s_end and q.via != "nisba" and q.country_code and q.country_code != nisba.country_code \
                and ok(q) and _same_clause(doc.text, at, q.start) \
                and not (q.start > at and any(normalize_word(w) in _WHICH for w in doc.text[at:q.start].split())):
            return True
    return False


def _same_clause(text: str, at: int, start: int) -> bool:
    """Whether no comma stands between the event word and a place (قتل جنديان تركيان، في وقت واصلت أنقرة
    قصفها ... في شمال العراق: the place of the next clause)."""
    seg = text[min(at, start):max(at, start)]
    return "،" not in seg and "," not in seg


_COORD_GAPS = frozenset({" " + _WA, "، ", ", ", _WA + " ", "،" + _WA})  # the two characters before a coordinated place


def _topic(doc: Document, p: Place) -> bool:
    """Whether place ``p`` is what is talked about (بحثا الأوضاع في اليمن، المبعوث إلى سوريا), itself or as
    a place coordinated right after such a place (الأوضاع في اليمن وسوريا والعراق)."""
    return bool(_TOPIC.search(doc.text[max(0, p.start - 30):p.start])) or (
        doc.text[p.start - 2:p.start] in _COORD_GAPS and _coordinated_topic(doc, p))


def _coordinated_topic(doc: Document, p: Place) -> bool:
    """Whether ``p`` is coordinated right after a place that is a topic (في اليمن وسوريا)."""
    starts = doc.cache.get("arguments_place_starts")
    if starts is None or len(starts) != len(doc.places):
        starts = [q.start for q in doc.places]
        doc.cache["arguments_place_starts"] = starts
    i = bisect.bisect_left(starts, p.start) - 1
    while i >= 0 and doc.places[i].end > p.start:
        i -= 1
    if i < 0:
        return False
    q = doc.places[i]
    between = doc.text[q.end:p.start].strip()
    return between in (_WA, "،", ",", "، " + _WA, "،" + _WA) and _topic(doc, q)


_CAPITAL = re.compile(f"(?:^|\\s)(?:{_alt('arguments_capital_at')}|{_alt('arguments_capital_words')}\\s+\\S+)\\s*$")


def _capital_told(text: str, p: Place) -> bool:
    """Whether a city that is also its state's name (برلين، واشنطن) is told as a place: after في or its
    country's العاصمة (في العاصمة الألمانية برلين), not as the state that acts."""
    return p.kind == "city" and bool(_CAPITAL.search(text[max(0, p.start - 30):p.start]))


def _quoted(doc: Document, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation («...», “...”) of its paragraph."""
    spans = doc.cache.get("arguments_quotes")
    if spans is None:  # the article's quotations, found once (none in most articles)
        text, spans = doc.text, []
        for o, c in (("«", "»"), ("“", "”")):
            k = text.find(o)
            while k >= 0:
                nl = text.find("\n", k)
                e = text.find(c, k, nl if nl >= 0 else len(text))
                e = e if e >= 0 else (nl if nl >= 0 else len(text))  # an unclosed quote ends with its paragraph
                spans.append((k, e))
                k = text.find(o, e)
        spans.sort()
        doc.cache["arguments_quotes"] = spans
    if not spans:
        return False
    i = bisect.bisect_right(spans, (pos, len(doc.text))) - 1
    return any(a < pos < b for a, b in spans[max(0, i - 1):i + 1])


def _place_ok(doc: Document, p: Place, topic: bool) -> bool:
    """The tests of :func:`pick_place` that depend on the place alone (not on the event): a place of a
    country, not a topic, a spokesman's title, a nationality, a residence, an origin, a state or a border."""
    if not p.country_code:
        return False
    if topic and _topic(doc, p):
        return False
    before = doc.text[max(0, p.start - 50):p.start]
    if any(w in before for w in _SPOKESMAN_WORDS) and _SPOKESMAN.search(before):
        return False
    if any(w in doc.text[p.end:p.end + 12] for w in _NATIONALITY):
        return False  # سوري الجنسية: a person's nationality, not where it happened
    if p.via == "nisba" and _of_mission(doc.text, p.start):
        return False  # الهجوم على القنصلية الأمريكية (في إسطنبول): the sending state's building, not where
    if p.via == "nisba" and _SUBTOTAL.search(doc.text[max(0, p.start - 14):p.start]):
        return False  # قتل 38 سائحا أغلبهم بريطانيون: the victims' nationality
    if _affiliated(doc.text, p.start):
        return False  # متمردين موالين لروسيا، التحالف بقيادة السعودية: whom a party answers to, not where
    if _residence(doc.text, p.start):
        return False  # حكومة هادي اللاجئ في السعودية: where a person stays, not where it happened
    if _origin(doc, p.start):
        return False  # طائرات انطلقت من قاعدة في ديار بكر: where the strike came from, not where it hit
    if p.kind == "city" and p.via == "name" and _state_subject(doc.text, p.start):
        return False  # واصلت أنقرة قصفها: the capital is the state that acted, not where
    # قرب الحدود السورية، على الحدود مع العراق: the other side of a border, not the place
    return not (p.kind == "country" and _across_border(doc.text, p.start))


_WORD_AT = re.compile(r"[^\s،,.:؛]{0,24}")  # a word's first 24 characters, up to a space or a mark


def _inside_excluded(text: str, p: Place, excluded: list[tuple[int, int]]) -> bool:
    """Whether place ``p`` overlaps a span of ``excluded`` (an actor's name, an event word) other than one
    it holds (بعقوبة ⊃ عقوبة) or one that is itself, told as a capital."""
    ps, pe = p.start, p.end
    for a, b in excluded:
        if a < pe and ps < b and not (ps <= a and b <= pe and b - a < pe - ps) \
                and not (a == ps and b == pe and _capital_told(text, p)):
            return True
    return False


def _event_word(text: str, at: int) -> str:
    """The normalised word that starts at ``at`` (the event word), without a leading و/ف."""
    end = _WORD_AT.match(text, at).end() if at >= 0 else at
    w = normalize_word(text[at:end])
    return w[1:] if w[:1] in _CONJ and len(w) > 3 else w


_VISIT_SPAN = 10  # words after a visit word within which its destination is told


def _visit_place(doc: Document, at: int, s_end: int, ok) -> Place | None:
    """Where a visit went: the first place named after إلى/لـ (زيارة الوزير الأميركي إلى بغداد) or, after a
    verb, its object (زار الرئيس دمشق); a nisba (الأميركي) is the visitor's, not the destination."""
    verb = normalize_word(doc.text[at:at + 2]) not in _VISIT_NOUN
    for p in doc.places:
        if p.start <= at:
            continue
        if p.start >= s_end:
            break
        between = doc.text[at:p.start].split()[1:]
        if len(between) > _VISIT_SPAN or any(w[-1:] in ".،,؛" for w in between):
            return None
        if p.via == "nisba" or not p.country_code or not ok(p, topic=False, actors=False) \
                or any(normalize_word(w) in _ENVOY for w in between[-4:]):
            continue  # المبعوث الخاص إلى سوريا: an envoy's title, not where the visit went
        to = any(normalize_word(w) in _VISIT_TO for w in between) or (p.text[:1] in _TO_CLITIC and p.via == "name")
        if to or verb:
            return p
    return None


_ARRIVAL_SPAN = 20  # words before the destination that may hold the arrival verb (وصل الملك فلان بن فلان ... إلى)


def _arrived_at(doc: Document, s_start: int, at: int, ok) -> Place | None:
    """Where a visit went told before its word after an arrival verb (وصل الوزير إلى بغداد، أمس، في زيارة
    رسمية): the last place right after إلى in the few words before it (not an envoy's title, المبعوث إلى اليمن)."""
    for p in reversed(doc.places):
        if p.start >= at or p.start < s_start:
            continue
        if len(doc.text[p.end:at].split()) > _VISIT_SPAN or "." in doc.text[p.end:at]:
            return None
        words = [normalize_word(w) for w in doc.text[s_start:p.start].split()[-_ARRIVAL_SPAN:]]
        if p.via != "nisba" and p.country_code and words and words[-1] in _VISIT_TO \
                and any(w in _ARRIVAL for w in words) and not any(w in _ENVOY for w in words[-4:]) \
                and ok(p, topic=False, actors=False):
            return p
    return None


def _meeting_place(doc: Document, s_start: int, s_end: int, at: int, clause_span, ok,
                   host: tuple[int, int, str | None, int | None] | None = None, seat: str | None = None) -> Place | None:
    """Where a meeting was held: a named place of its sentence (في الرياض), else of its paragraph before
    it, else the country of the first participant (the host: استقبل ولي العهد السعودي الوزير اليمني -> SA,
    استقبل ملك الأردن ...; a regional body receiving at its ``seat``); None: the article's focus as for
    any event."""
    named = [p for p in doc.places if s_start <= p.start < s_end and p.via != "nisba"
             and (ok(p) or (_visited(doc.text, p.start) and ok(p, topic=False)))
             and not _relative_aside(doc.text, p.start)]
    if named:
        def score(p: Place) -> float:
            s = _KIND_RANK.get(p.kind or "", 2) - abs(p.start - at) / 200
            if clause_span and clause_span[0] <= p.start < clause_span[1]:
                s += 2
            return s
        return max(named, key=score)
    p0 = paragraph_start(doc.text, s_start)
    quoted = _quoted(doc, at)
    before = [p for p in doc.places if p0 <= p.start < s_start and p.via != "nisba" and ok(p)
              and (quoted or not _quoted(doc, p.start)) and not _relative_aside(doc.text, p.start)]
    if before:
        best = max(before, key=lambda p: (_KIND_RANK.get(p.kind or "", 2), p.start))
        return dataclasses.replace(best, geo_precision=max(best.geo_precision or 1, 2))
    first = next((p for p in doc.places if s_start <= p.start < s_end and ok(p, actors=False)), None)
    if host is not None and (first is None or first.start >= host[0]):  # (not a host named before it)
        a, b, cc, _inter = host
        if seat is not None:  # استقبل الأمين العام لجامعة الدول العربية ...: at the body's seat
            return _actor_place(doc, (a, b, seat, _inter))
        own = next((p for p in doc.places if a <= p.start < b and p.country_code and ok(p, actors=False, title=False)),
                   None)
        if own is not None:
            return dataclasses.replace(own, geo_precision=3)
        if cc:  # استقبل الملك سلمان ...: the host's country, not the guest's nisba
            return _actor_place(doc, host)
        told = _told_nationality(doc, a, b)
        if told is not None:  # الشيخ فلان، وزير الخارجية الإماراتي ... خلال استقباله ...: the host's
            return _actor_place(doc, (a, b, told, _inter))
    return None if first is None else dataclasses.replace(first, geo_precision=3)


def _after_title(text: str, start: int) -> bool:
    """Whether the word right before a place is a title it completes (رئيس وزراء نيوزيلندا، وزير خارجية
    مصر): a participant's country, not the venue."""
    if not text[start - 1:start].isspace():
        return False
    words = text[max(0, start - 16):start].split()
    w = normalize_word(words[-1]) if words else ""
    return w in _TITLES or w.removeprefix(_WA) in _TITLES


_TOLD_SPAN = 60  # characters after a person's earlier mention searched for the nisba of their title


def _told_nationality(doc: Document, a: int, b: int) -> str | None:
    """The country of the nisba an earlier mention of the same name carries in its title (الشيخ فلان،
    وزير الخارجية الإماراتي), or None."""
    name = doc.text[a:b]
    if len(name.split()) < 2:
        return None
    k = doc.text.rfind(name, 0, a)
    while k >= 0:
        e = k + len(name)
        p = next((q for q in doc.places if e <= q.start < e + _TOLD_SPAN), None)
        if p is not None and p.via == "nisba" and p.country_code:
            words = [normalize_word(w.strip("،,")) for w in doc.text[e:p.start].split()]
            if words and len(words) <= 4 and any(w in _TITLES for w in words) and not any(w in _PREP for w in words):
                return p.country_code
        k = doc.text.rfind(name, 0, k)
    return None


_ASIDE_SPAN = 120  # characters searched back for the comma opening a relative clause set off by commas


def _relative_aside(text: str, start: int) -> bool:
    """Whether ``start`` lies in a relative clause set off by commas (السفيرة السابقة، التي عملت في القاهرة
    سنوات، ...): what a participant once did, not where the meeting is held."""
    lo = max(0, start - _ASIDE_SPAN)
    k = max(text.rfind("،", lo, start), text.rfind(",", lo, start))
    if k < 0 or "." in text[k:start]:
        return False
    words = text[k + 1:start].split()
    return bool(words) and normalize_word(words[0]) in _WHICH


@cache
def _seats() -> PhraseMatcher:
    """The names of the bodies in events/seats.yaml, each with the ISO code of its seat (clitic-aware)."""
    matcher = PhraseMatcher()
    for cc, names in load_yaml("events/seats.yaml")["seats"].items():
        for name in names:
            matcher.add(name, cc)
    return matcher


def seat_of(text: str) -> str | None:
    """The ISO code of the country seating the regional body named in an actor's words (الأمين العام لجامعة
    الدول العربية -> EG, منظمة التعاون الإسلامي -> SA), or None."""
    found = _seats().find(normalize(text))
    return found[0].values[0] if found else None


def _actor_place(doc: Document, actor: tuple[int, int, str | None, int | None]) -> Place:
    """A country-level place on an actor's words, for the actor's own country."""
    from rasd.events.actors import country_name

    a, b, cc, _inter = actor
    return Place(a, b, doc.text[a:b], name_en=country_name(cc) if cc else None, country_code=cc, kind="country",
                 geo_precision=3, via="actor")


def _visited(text: str, start: int) -> bool:
    """Whether a visit word and إلى stand right before a place (أثناء زيارة إلى لشبونة حيث يلتقي نظيره)."""
    words = [normalize_word(w) for w in text[max(0, start - 24):start].split()[-2:]]
    return len(words) == 2 and words[0].lstrip(_WA) in _VISIT and words[1] in _VISIT_TO


_SPEAKER_GAP = 3  # words between a statement verb and its speaker's place (أدانت الحكومة اليمنية، الولايات المتحدة ترفض)
_VENUE_SPAN = 12  # words from a venue word (خلال لقائه ...) to the place it was held in (... في الرياض)


def _told_venue(doc: Document, s_start: int, s_end: int, at: int, frame_end, ok) -> Place | None:
    """Where a statement was told to be made: a place a venue word leads to (خلال لقائه المبعوث في الرياض،
    من مقره في رام الله) or a place of the reporting frame (قال مسؤول في بيروت إن ...), else None."""
    sent = [p for p in doc.places if s_start <= p.start < s_end and p.country_code]
    for p in sent:
        if p.start <= at:
            continue
        words = [normalize_word(w) for w in doc.text[at:p.start].split()[1:]]
        if not words or len(words) > _VENUE_SPAN or not (words[-1] in _AT or words[-1] in _VENUE):
            continue
        if any(w in _VENUE or w[1:] in _VENUE for w in words):
            if ok(p, topic=False, actors=False):
                return p
            break  # only the first place after the venue word
    if frame_end is not None:
        framed = [p for p in sent if p.start < min(frame_end, at) and ok(p, actors=False, frame=False)
                  and not (p.via == "nisba" and _after_media(doc.text, p.start))]
        if framed:
            return framed[-1]
    return None


def _statement_place(doc: Document, s_start: int, s_end: int, at: int, frame_end, ok,
                     excluded: list[tuple[int, int]]) -> Place | None:
    """Where a statement was made: a place a venue word leads to (خلال لقائه المبعوث في الرياض، من مقره في
    رام الله), a place of the reporting frame (قال مسؤول في بيروت إن ...), else the place of the speaker:
    the first name after the verb (أدانت الحكومة اليمنية ...) or the one just before it (ظلت الولايات
    المتحدة ترفض ...).  None: the sentence's places are what the statement is about (the event falls back
    to its paragraph and the article's focus)."""
    told = _told_venue(doc, s_start, s_end, at, frame_end, ok)
    if told is not None:
        return told
    sent = [p for p in doc.places if s_start <= p.start < s_end and p.country_code]
    subject = min((a for a in excluded if a[0] > at and a[1] - a[0] > 2), default=None)
    before = [p for p in sent if p.start < at][-1:]  # the subject just before the verb: the closest place
    for p in before + [p for p in sent if p.start > at]:
        if p.start < at:
            gap = doc.text[p.end:at]
            if _scene(doc.text, s_start, p) and ok(p, actors=False):
                pass  # وفي صنعاء، اتهم ...: the scene the sentence opens with
            elif len(gap.split()) > _SPEAKER_GAP or "،" in gap or "," in gap or not ok(p, actors=False) \
                    or any(normalize_word(w) in _COORD for w in gap.split()):  # السوري فيما تدعو تركيا
                continue
        elif not (_subject_place(doc.text, at, p, subject) and ok(p, actors=False)):
            continue
        return dataclasses.replace(p, geo_precision=max(p.geo_precision or 1, 2 if p.kind != "country" else 3))
    if subject is not None and len(doc.text[at:subject[0]].split()) <= _SPEAKER_GAP:
        own = _speaker_clause_place(doc, subject[1], s_end, sent, ok)
        if own is not None:
            return dataclasses.replace(own, geo_precision=3)
    return None


def _scene(text: str, s_start: int, p: Place) -> bool:
    """Whether the sentence opens with في and the place ``p`` (وفي صنعاء، ...): the scene of what it tells."""
    words = text[s_start:p.start].split()
    return len(words) == 1 and normalize_word(words[0]) in _SCENE


def _speaker_nisba(doc: Document, s_start: int, at: int, excluded: list[tuple[int, int]], ok) -> Place | None:
    """The nationality in the title of a name before a statement verb (جدد الرئيس الأميركي باراك أوباما
    دعوته لتأييد الاتفاق الإيراني، وحذر ...): with no place of its own, a statement is the speaker's
    country's, not the article's focus."""
    own = [p for p in doc.places if s_start <= p.start < at and p.country_code and any(
        a <= p.start and p.end <= b and b - a > p.end - p.start for a, b in excluded)]
    own = [p for p in own if ok(p, actors=False)]
    return own[0] if own else None  # the first name's: the sentence's subject (not المعارضة السورية after it)


def _sending_state(doc: Document, s_start: int, at: int, ok) -> Place | None:
    """The state just before an ambassador recalled, expelled or summoned (استدعت البحرين سفيرها، طردت
    السلطات المصرية السفير): the place ending at most a few words before the word, with no comma between."""
    got = None
    for p in doc.places:
        if p.start >= at:
            break
        if p.start < s_start or not p.country_code:
            continue
        gap = doc.text[p.end:at]
        if len(gap.split()) <= _SPEAKER_GAP and "،" not in gap and "," not in gap and ok(p, actors=False):
            got = p
    return got


# a noun's possessive pronoun (اتهامه، رفضها، دعوتهم): the list political.py reads
_PRONOUNS = tuple(load_yaml("events/political.yaml")["possessive_endings"])


def _own_statement(word: str) -> bool:
    """Whether the event word is a statement noun with its speaker's pronoun (بعد اتهامه بيونغيانغ، دعوتها):
    the name after it is what is said or whom it targets, the speaker is the sentence's subject."""
    suf = next((x for x in _PRONOUNS if word.endswith(x)), None)
    if suf is None or len(word) - len(suf) < 3:
        return False
    stem = word[:-len(suf)]
    return stem in _SPEECH_NOUNS or (stem.endswith(_CONSTRUCT_T) and stem[:-1] + _TA_MARBUTA in _SPEECH_NOUNS)


def _subject_state(doc: Document, s_start: int, at: int, excluded: list[tuple[int, int]], ok) -> Place | None:
    """The last place of the sentence before ``at`` inside a longer actor's name (الجيش الإيراني، نائب الرئيس
    العراقي): the speaker's, whose own statement a pronoun-suffixed noun tells (not a bare country named
    before it, وفي ليبيا)."""
    own = [p for p in doc.places if s_start <= p.start < at and p.country_code and any(
        a <= p.start and p.end <= b and b - a > p.end - p.start for a, b in excluded) and ok(p, actors=False)]
    return own[-1] if own else None


_DATELINE_SPAN = 40  # characters of an article's first line that may hold a dateline (أنقرة - رويترز)


def _dateline(doc: Document) -> Place | None:
    """The place of the article's dateline (a first line «أنقرة - رويترز», «عين اليوم – بروكسل»), or None:
    a statement with no place of its own was made there, whoever made it."""
    if "dateline" in doc.cache:
        return doc.cache["dateline"]
    nl = doc.text.find("\n", 0, _DATELINE_SPAN + 1)
    line = doc.text[:nl] if nl >= 0 else ""
    got = None
    if "-" in line or "–" in line:
        got = next((p for p in doc.places if p.end <= len(line) and p.country_code), None)
    doc.cache["dateline"] = got
    return got


def _speaker_clause_place(doc: Document, after: int, s_end: int, sent: list[Place], ok) -> Place | None:
    """A place in the speaker's own relative clause, set off by a comma right after its name (اتهمت
    الوحدات الكردية، التي تقاتل في سوريا، تركيا ...); not the object's (أدانت التصريحات التي صدرت في ...)."""
    rest = doc.text[after:s_end]
    words = rest.split()[:3]
    k = next((i for i, w in enumerate(words) if normalize_word(w.strip("،,»")) in _WHICH), None)
    if k is None:
        return None
    lo = after + rest.find(words[k])
    if "،" not in doc.text[after:lo] and "," not in doc.text[after:lo]:
        return None
    stop = [i for i in (doc.text.find("،", lo + 1, s_end), doc.text.find(",", lo + 1, s_end)) if i > 0]
    hi = min(stop) if stop else s_end
    return next((p for p in sent if lo <= p.start < hi and ok(p, actors=False)), None)


def _subject_place(text: str, at: int, p: Place, subject: tuple[int, int] | None) -> bool:
    """Whether place ``p`` after a statement verb at ``at`` names its speaker: it stands in the verb's first
    name (its VSO subject, أدانت الحكومة اليمنية) or is a nisba right after the verb (نفى مسؤولون أتراك),
    with no preposition between (رحب بقرار تركيا: what is welcomed)."""
    gap = text[at:p.start].split()[1:]
    if gap and normalize_word(gap[0]) in _DOCUMENT:
        return False  # ودعا البيان الحكومة التركية: the statement's subject is the document, the state its addressee
    lead = None if subject is None else text[at:subject[0]].split()[1:]  # the words before the speaker's name
    if lead is not None and (len(lead) >= _SPEAKER_GAP or any(normalize_word(w) in _PREP or w[:1] in _PREP_CLITICS
                                                              for w in lead)):
        lead = None
    if lead is not None and subject[0] <= p.start < subject[1]:
        return True  # (a long name: انتقد جون كيري وزير الخارجية الأمريكي)
    if lead is not None and subject[1] <= p.start and _title_apposition(text[subject[1]:p.start]):
        return True  # حذر جان مارك إيرولت، رئيس الوزراء الفرنسي ...: the speaker's own title
    if len(gap) > _SPEAKER_GAP or any(normalize_word(w) in _PREP or w[:1] in _PREP_CLITICS for w in gap):
        return False
    if subject is not None and subject[1] <= p.start and text[subject[1]:p.start].strip():
        return False  # انتقد ظريف السياسة الأميركية: a nisba past the named speaker qualifies the object
    return p.via == "nisba" or not gap


def _title_apposition(between: str) -> bool:
    """Whether the words between a speaker's name and a nisba are the head of a title set beside the name
    (جون كيري وزير الخارجية الأمريكي، جان مارك إيرولت، رئيس الوزراء الفرنسي): at most three words, the first a
    title word (not what is said: انتقد كيري سياسة إيران)."""
    words = between.replace("،", " ").replace(",", " ").split()
    return 0 < len(words) <= _SPEAKER_GAP and normalize_word(words[0]) in _TITLES


def _of_mission(text: str, start: int) -> bool:
    """Whether the word before ``start`` names a diplomatic mission (القنصلية الأمريكية، والسفارة السعودية)."""
    before = text[max(0, start - 16):start]
    if not any(w in before for w in _MISSION_STEMS):
        return False  # the common case, without normalising
    words = before.split()
    return bool(words) and normalize_word(words[-1]).removeprefix(_WA) in _MISSION


def _after_media(text: str, start: int) -> bool:
    """Whether the word before ``start`` names an outlet (لوسائل إعلام إيطالية، لصحيفة بريطانية)."""
    words = text[max(0, start - 30):start].split()
    return bool(words) and normalize_word(words[-1]) in _MEDIA


def _affiliated(text: str, start: int) -> bool:
    """Whether an affiliation word (الموالين، المدعومة، بقيادة، التابعة) and at most a preposition stand
    right before the place (متمردين موالين لروسيا، القوات المدعومة من إيران)."""
    words = text[max(0, start - 30):start].split()
    if words and not text[start - 1:start].isspace():
        words.pop()  # the clitic glued to the place (لروسيا)
    if words and normalize_word(words[-1]) in _AFFIL_PREPS:
        words.pop()
    w = normalize_word(words[-1]) if words else ""
    return w in _AFFILIATION or w.removeprefix(_WA) in _AFFILIATION


def _residence(text: str, start: int) -> bool:
    """Whether a residence word and في stand right before the place (اللاجئ في السعودية، المقيم في لندن)."""
    before = text[max(0, start - 24):start]
    if not before.rstrip().endswith(_RESIDENCE_AT):
        return False  # the common case, without normalising
    words = before.split()
    return len(words) >= 2 and normalize_word(words[-2]) in _RESIDENCE


_ORIGIN_SPAN = 60  # characters before a place searched for a take-off word of its own clause


def _origin(doc: Document, start: int) -> bool:
    """Whether a take-off word and من stand before the place in its clause (انطلقت من قاعدة ... في ولاية ديار
    بكر، أقلعت من إنجرليك)."""
    marks = doc.cache.get("arguments_origins")
    if marks is None:  # the offsets of the article's take-off words followed by من, found once
        toks = doc.tokens
        norms = [t.norm for t in toks]
        marks = [toks[k].start for k, (w, nxt) in enumerate(zip(norms, norms[1:], strict=False))
                 if nxt in _ORIGIN_FROM and w.lstrip(_WA) in _ORIGIN]
        doc.cache["arguments_origins"] = marks
    i = bisect.bisect_left(marks, start - _ORIGIN_SPAN)
    if i == len(marks) or marks[i] >= start:
        return False
    between = doc.text[marks[i]:start]
    return "،" not in between and "," not in between and "." not in between


def _state_subject(text: str, start: int) -> bool:
    """Whether the word right before a city is a verb of a state's acts (أعلنت واشنطن، واصلت أنقرة): the
    city is its government, the verb's subject."""
    words = text[max(0, start - 16):start].split()
    if not words or not text[start - 1:start].isspace():
        return False
    w = normalize_word(words[-1])
    return w in _STATE_VERBS or (w[:1] in _CONJ and w[1:] in _STATE_VERBS)


def _across_border(text: str, start: int) -> bool:
    """Whether a country word follows a border noun (الحدود السورية، الحدود مع سوريا، الحدود التركية السورية)."""
    before = text[max(0, start - 40):start]
    if not any(w in before for w in _BORDER_STEM):
        return False  # the common case, without normalising
    words = [normalize_word(w) for w in before.split()[-3:]]
    if words and words[-1] in _BORDER_WITH:
        words.pop()
    if not words:
        return False
    if words[-1] in _BORDER:
        return True
    return len(words) >= 2 and words[-2] in _BORDER and words[-1].endswith(_NISBA_ENDINGS)


_LOOKBACK = 400  # characters before the paragraph searched for a town when the event has no place
# characters of its paragraph before an event's sentence searched for its place: a one-paragraph article
# names many earlier events' places (لقاء في باكو في يونيو ... كما اتهم ...)
_PARA_SPAN = 500


def _recent_town(doc: Document, lo: int, hi: int, country: str | None, ok) -> Place | None:
    """The last town-level place (city, village, facility, landmark, admin2) of ``country`` in ``[lo, hi)``."""
    towns = [p for p in doc.places if lo <= p.start < hi and _KIND_RANK.get(p.kind or "", 2) >= 3
             and (country is None or p.country_code == country) and ok(p)]
    if not towns:
        return None
    best = towns[-1]
    return dataclasses.replace(best, geo_precision=max(best.geo_precision or 1, 2))


def sentence_figures(doc: Document, s_start: int, s_end: int) -> dict[str, int]:
    """ACLED-style counts per kind from doc.figures of one sentence (sub-totals skipped, the rest added)."""
    out: dict[str, int] = {}
    seen: set[tuple[str, float, int]] = set()
    for f in doc.figures:
        if not (s_start <= f.start < s_end) or f.kind not in FIGURE_FIELDS:
            continue
        if _SUBTOTAL.search(doc.text[max(s_start, f.start - 14):f.start]):
            continue
        key = (f.kind, f.value, f.start)
        if key in seen:
            continue
        seen.add(key)
        out[f.kind] = out.get(f.kind, 0) + int(f.value)
    return out


def vague_figures(tokens, k0: int, k1: int, cues_at: dict[int, set[str]], vague_values: dict[str, int]) -> dict[str, int]:
    """Counts from vague quantities (عشرات القتلى → 12) in tokens ``[k0, k1)``."""
    out: dict[str, int] = {}
    for k in range(k0, k1):
        if "vague" not in cues_at.get(k, ()):
            continue
        value = vague_values.get(tokens[k].norm)
        if value is None:
            for w, v in vague_values.items():
                if tokens[k].norm.endswith(w):
                    value = v
                    break
        if value is None:
            continue
        for j in range(k + 1, min(k1, k + 4)):
            kinds = [c[3:] for c in cues_at.get(j, ()) if c.startswith("vk:")]
            if kinds:
                out.setdefault(kinds[0], value)
                break
    return out
