"""Place recognition and resolution over a document's normalised text.

:class:`PlaceRecognizer` finds gazetteer names (clitic-aware, longest first), reads the words around
each (place words such as مدينة, landmark heads such as مطار, relative words such as ضواحي or
"على بعد 11 كيلومترا من"), works out the document's focus countries from unambiguous mentions, and
then resolves every ambiguous name against them (population, kind, focus, admin hierarchy).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from rasd.doc import Document, Place
from rasd.geo.gazetteer import Gazetteer, GeoEntry, load_gazetteer
from rasd.geo.referring import referring_places
from rasd.geo.scanned import ScannedMatcher
from rasd.lexicon import load_tsv, load_yaml
from rasd.lexicon.matcher import Match, normalize_key
from rasd.text.normalize import NormText

_WORD = regex.compile(r"\p{L}+|\d+(?:[.,]\d+)?")
_QUOTES_OPEN = frozenset('«"“\'')
_QUOTES_CLOSE = frozenset('»"”\'')
_DATELINE = regex.compile(r"\s*(?:\(\w+\)\s*)?[-:]")
_BREAK_CHARS = tuple('.!?;:\n()"[]{}-,')
_LAST_BREAK = re.compile("(?s).*[" + re.escape("".join(_BREAK_CHARS)) + "]")
_TANWEEN = frozenset("\u064b\u064c\u064d")  # ً ٌ ٍ
_RARE_PREFIX = frozenset({"ف", "ك", "وك", "فك"})  # فعالية، كما: these are not names with a clitic
_PROCLITICS = ("وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_VILLAGE_CLITICS = ("و", "ف", "ب", "وب")  # what may be written on قرية/بلدة/مخيم

# Countries whose places Arabic news mentions most: a small prior in their favour.
ARAB_WORLD = frozenset(["DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH"])
SMALL_POP = 5000  # a village below this needs context to be taken
# relations that place something at a town (not وسط/قلب/داخل, which also read "midfielder", "heart of")
_LOCATING = frozenset({"outskirts", "around", "near", "countryside", "north-of", "south-of", "east-of", "west-of",
                       "northeast-of", "northwest-of", "southeast-of", "southwest-of", "distance-from", "entrance"})
COMMON_DF = 0.001  # a name in more than 0.1% of news articles is likely a common word too


@dataclass(slots=True)
class _Mention:
    m: Match
    start: int  # original span (may grow to cover a relation word or landmark head)
    end: int
    cands: list[GeoEntry]
    cue: str | None = None  # kind hint from a place word before the name
    relation: str | None = None
    rel_precision: int | None = None
    head: str | None = None  # landmark head
    head_precision: int | None = None
    prep: bool = False  # a place preposition right before (a separate word)
    clitic_prep: bool = False  # ب or ل written on the name
    capital_after: bool = False  # "تونس العاصمة", "الجزائر العاصمة": the city, not the country
    title: bool = False
    chosen: GeoEntry | None = None
    vote: tuple[str, float] | None = None  # the focus vote this mention cast
    raw: list[GeoEntry] | tuple = ()  # every gazetteer sense, before context ruled some out
    others: tuple[str, ...] = ()
    sig: tuple | None = None  # what decided its senses (see _filtered_memo), None when narrowed by quotes
    container: str | None = None  # country of the division or town named right after (حيس بمحافظة الحديدة)  # countries of senses context ruled out that are still towns or divisions


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Approximate distance in km (equirectangular; enough to tell near from far)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _may_be_dateline(norm: str, e: int) -> bool:
    """False when :data:`_DATELINE` cannot match at ``e``: a letter or digit there, or one space
    and then a letter or digit (what follows most names; the pattern is not tried there)."""
    c = norm[e:e + 2]
    return not (c[:1].isalnum() or (c[:1] == " " and c[1:].isalnum()))


@lru_cache(maxsize=32768)
def _strip_clitic(word: str) -> str:
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    return word


class PlaceRecognizer:
    """Find and resolve place mentions (the work behind :class:`rasd.geo.stage.RecognizePlaces`)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        # scanned in C once RecognizePlaces.load() asks (a ~5 MB table: not built for a few articles)
        self.matcher = ScannedMatcher(compile_after=1000)
        self._infos: dict[tuple[str, str], tuple[list[GeoEntry], bool, bool]] = {}  # see _key_info
        self._fields: dict[int, tuple] = {}  # see _entry_fields
        self._args: dict[int, tuple] = {}  # see _place_args
        self._votes: dict[tuple, tuple[bool, str | None, float]] = {}  # see _focus
        self._admitted: dict[tuple, tuple[list[GeoEntry], tuple[str, ...]]] = {}  # see _filtered_memo
        stop = load_yaml("geo/stoplist.yaml")
        self.short: set[str] = set()  # three-letter names looked up only after a place word (مديرية حيس)
        for k in self.gaz.names():
            es = self.gaz.lookup(k)
            if len(k) <= 2 and not any(e.kind == "admin1" or (e.cc in ARAB_WORLD and e.pop >= 100_000) for e in es):
                continue  # two-letter names (قم، بن، دو) are mostly pieces of other words
            if len(k) == 3 and all(e.kind == "city" and not e.capital and (
                    e.pop < SMALL_POP or (e.cc not in ARAB_WORLD and e.cc != "IL" and e.pop < 1_000_000)) for e in es):
                self.short.add(k)
                continue  # three-letter names of villages and foreign towns: never taken alone, and costly to match
            self.matcher.add(k, k)
        self.blocked = {normalize_key(p) for p in stop.get("phrases", [])}
        for k in self.blocked:
            self.matcher.add(k, k)
        self.matcher.build()
        self.never_alone = {normalize_key(w) for w in stop["words"]}
        # landmark heads (مطار، معبر ...) are never places on their own
        self.never_alone |= {normalize_key(h) for h in load_yaml("geo/landmarks.yaml")["heads"]}
        self.needs_context = {normalize_key(w) for w in stop.get("needs_context", [])}
        _, rows = load_tsv("geo/common_names.tsv")
        self.common = {r["key"]: float(r["df"]) for r in rows}
        # names that can only be places after a place word: stop words, and frequent words whose
        # every sense is a minor town (بيان، التحالف)
        self.cue_only = set(self.never_alone)
        for k, df in self.common.items():
            es = self.gaz.lookup(k)
            if df >= 3 * COMMON_DF and es and all(e.kind == "city" and not self._exempt(e, k, df) for e in es):
                self.cue_only.add(k)
        pw = load_yaml("geo/place_words.yaml")
        self.place_words = {normalize_key(k): v for k, v in pw["words"].items()}
        self.preps = {normalize_key(w) for w in pw["prepositions"]}
        lm = load_yaml("geo/landmarks.yaml")
        self.heads = {normalize_key(k): int(v) for k, v in lm["heads"].items()}
        self.modifiers = {normalize_key(w) for w in lm["modifiers"]}
        vw = pw.get("village_words", [])
        self._village_words = tuple({normalize_key(w) for w in vw})  # a cheap test before the regex
        self._village_re = regex.compile(
            r"(?<![\p{L}])(?:" + "|".join(_VILLAGE_CLITICS) + ")?(" + "|".join(regex.escape(normalize_key(w)) for w in vw)
            + r")\s+(\p{L}{2,})(?:\s+(\p{L}{2,}))?") if vw else regex.compile(r"(?!x)x")
        self.not_names = {normalize_key(w) for w in pw.get("not_names", [])}
        self.container_words = {normalize_key(w) for w in pw.get("container_words", [])} | set(self.place_words)
        specific_words = sorted(normalize_key(w) for w, kind in pw["words"].items() if kind != "any" and kind != "country")
        self._short_words = tuple(specific_words)
        self.compound_first = {normalize_key(w) for w in pw.get("compound_first", [])}
        rel = load_yaml("geo/relations.yaml")
        self.relations = {normalize_key(k): (v[0], int(v[1])) for k, v in rel["before"].items()}
        self.max_rel_words = max(len(k.split()) for k in self.relations)
        self.rel_last = {k.split()[-1] for k in self.relations}
        self.container_words |= {w for k in self.relations for w in k.split()} - {normalize_key(w) for w in ("من", "على")}
        units = "|".join(regex.escape(normalize_key(u)) for u in rel["distance_units"])
        self._distance = regex.compile(
            r"(?:علي\s+)?(?:بعد|مسافه|مسافة)\s+(?:\S+\s+){0,2}?\d*\s*(?:\S+\s+)?(?:" + units
            + r")\s+(?:[وف]?(?:من|عن))\s+(?:(وسط|قلب|مركز)\s+)?$")

    # ------------------------------------------------------------------ context
    @staticmethod
    def _before_words(norm: str, ws: int, n: int = 4) -> list[tuple[str, int]]:
        """Up to ``n`` words before normalised offset ``ws`` in the same clause, with their starts."""
        base = max(0, ws - 60)
        seg = norm[base:ws]
        m = _LAST_BREAK.match(seg)  # the last clause break in the window
        cut = m.end() - 1 if m else -1
        if cut >= 0:
            base += cut + 1
            seg = seg[cut + 1:]
        out: list[tuple[str, int]] = []
        pos = ws
        for w in reversed(seg.split()):
            i = seg.rfind(w, 0, pos - base)
            pos = base + i
            if not w.isalnum():
                break
            out.append((w, pos))
            if len(out) >= n:
                break
        out.reverse()
        return out

    @staticmethod
    def _last_word(norm: str, ws: int) -> tuple[str, int] | None:
        """The last of :meth:`_before_words` (the word right before ``ws`` in the same clause, with
        its start), or None: the same answer without splitting the whole window."""
        base = max(0, ws - 60)
        seg = norm[base:ws]
        parts = seg.rsplit(None, 1)
        if parts and parts[-1].isalnum():
            # a word of letters and digits holds no clause break: the last break, if any, is before it
            # unless a line break follows it
            w = parts[-1]
            at = seg.rfind(w)
            if "\n" not in seg[at + len(w):]:
                return w, base + at
        m = _LAST_BREAK.match(seg)  # the last clause break in the window
        if m:
            base += m.end()
            seg = seg[m.end():]
        parts = seg.rsplit(None, 1)
        if not parts or not parts[-1].isalnum():
            return None
        w = parts[-1]
        return w, base + seg.rfind(w)

    @staticmethod
    def _after_words(norm: str, e: int, n: int = 2) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        pos = e
        for m in _WORD.finditer(norm, e, min(len(norm), e + 60)):
            if norm[pos:m.start()].strip():
                break
            out.append((m.group(), m.start(), m.end()))
            pos = m.end()
            if len(out) >= n:
                break
        return out

    def _key_info(self, key: str, prefix: str) -> tuple[list[GeoEntry], bool, bool]:
        """What a matched name with proclitic ``prefix`` brings whatever its context: its gazetteer
        senses (none for a blocked phrase or a rare proclitic), whether only a place word right
        before makes it a place (:attr:`cue_only`), whether every sense is a nisba adjective.
        Kept per (name, proclitic): the same names come back in every story."""
        info = self._infos.get((key, prefix))
        if info is None:
            cands = [] if key in self.blocked or prefix in _RARE_PREFIX else self.gaz.lookup(key)
            info = (cands, key in self.cue_only, all(e.kind == "nisba" for e in cands))
            if len(self._infos) >= 1 << 16:
                self._infos.clear()
            self._infos[(key, prefix)] = info
        return info

    def _context(self, nt: NormText, mt: Match, title_end: int) -> _Mention | None:
        """The mention of match ``mt`` with what the words around it say (None when no sense is
        left: a blocked phrase, a stop word without its place word).  ``men.cands`` is the
        gazetteer's own list, shared: it is replaced, never changed in place."""
        cands, cue_only, nisba = self._infos.get((mt.key, mt.prefix)) or self._key_info(mt.key, mt.prefix)
        if not cands:
            return None
        norm = nt.norm
        ws = mt.norm_start - len(mt.prefix)
        if cue_only:
            # a stop word or frequent word (الجمعة، بيان): only a place word right before makes it a place
            if mt.prefix:
                return None
            tail = norm[max(0, ws - 12):ws]
            prev = tail.rsplit(None, 1)[-1] if tail.endswith(" ") and tail.strip() else ""
            cue = self.place_words.get(prev) or self.place_words.get(_strip_clitic(prev))
            if not cue or cue == "any":
                return None
        men = _Mention(mt, mt.start, mt.end, cands, title=mt.start < title_end,
                       clitic_prep=mt.prefix.endswith(("ب", "ل")))  # بطرابلس، لطرابلس، للقاهرة
        if nisba:
            return men  # adjectives: no place word, relation or landmark applies
        last = self._last_word(norm, ws) if not mt.prefix else None
        if last is not None:
            raw1, raw1_start = last
            w1 = _strip_clitic(raw1)
            if raw1 in self.preps or w1 in self.preps:
                men.prep = True
            pw = self.place_words.get(raw1) or self.place_words.get(w1)
            if pw:
                men.cue, men.prep = pw, True
            head = raw1 if raw1 in self.heads else (w1 if w1 in self.heads else None)
            if head:
                men.head, men.head_precision = head, self.heads[head]
                hs = raw1_start + len(raw1) - len(head)  # after a clitic (بمطار)
                men.start = nt.to_original(hs, hs + 1)[0]
            # relative words, longest first: "شمال شرق", "بالقرب من", "ضواحي"
            rel_n = 0
            if raw1 in self.rel_last or w1 in self.rel_last:
                before = self._before_words(norm, ws)
                rel_n = min(self.max_rel_words, len(before))
            for n in range(rel_n, 0, -1):
                words = [w for w, _ in before[-n:]]
                key, skip = " ".join(words), 0
                if key not in self.relations:
                    first = _strip_clitic(words[0])
                    key, skip = " ".join([first] + words[1:]), len(words[0]) - len(first)
                    if key not in self.relations:
                        continue
                men.relation, men.rel_precision = self.relations[key]
                men.prep = True
                rs = before[-n][1] + skip  # the relative word, after a clitic (وشمال، بضواحي)
                men.start = nt.to_original(rs, rs + 1)[0]
                break
        if norm.startswith(" العاصمه", mt.norm_end):
            men.capital_after = True
        seg = norm[max(0, ws - 70):ws]
        if ("بعد" in seg or "مسافه" in seg) and self._distance.search(seg):
            men.relation, men.rel_precision, men.prep = "distance-from", 2, True
        return men

    @staticmethod
    def _line_start(norm: str, pos: int) -> bool:
        """Is ``pos`` within the first two words of a line (a dateline position)?"""
        ls = norm.rfind("\n", 0, pos) + 1
        return len(norm[ls:pos].split()) <= 1

    # ------------------------------------------------------------------ filtering
    def _admissible(self, men: _Mention) -> list[GeoEntry]:
        key = men.m.key
        strong = men.cue is not None or men.head is not None or men.relation is not None
        specific = men.cue is not None and men.cue != "any"
        if key in self.never_alone and not specific:
            return []
        if men.cue and (key in self.not_names or key in self.place_words):
            return []  # مركز مدينة الكرمة: the second place word is not Medina  # an adjective after the place word: ولاية جديدة "a new term", مدينة صغيرة
        if key in self.needs_context and not (strong or men.prep):
            return []
        df = self.common.get(key, 0.0)
        out = []
        for e in men.cands:
            if e.kind == "city" and df >= COMMON_DF and not self._exempt(e, key, df):
                if df >= 3 * COMMON_DF and not specific:
                    continue  # a frequent word (بيان، عنه): only after a place word, head or relation
                if not (strong or men.prep or men.clitic_prep):
                    continue
            if e.kind == "city" and e.pop < SMALL_POP and not (strong or men.prep) \
                    and not (" " in key and e.cc in ARAB_WORLD and df < COMMON_DF):
                continue  # a village needs في/من/إلى or a place word (للحجب is not "to Al-Hajab")
            if e.kind == "city" and len(key) <= 2 and not specific:
                continue
            if e.kind == "city" and e.pop < SMALL_POP and len(key.replace(" ", "")) <= 3 and not strong:
                continue
            if men.cue == "country" and e.kind not in ("country",):
                continue
            out.append(e)
        return out

    def _filtered(self, men: _Mention) -> tuple[list[GeoEntry], tuple[str, ...]]:
        """:meth:`_admissible` senses of a mention, and the countries of the senses it ruled out that
        are still towns of some size or divisions (a bare ميسان: Iraq's province or a Saudi town)."""
        raw = men.cands
        cands = self._admissible(men)
        if len(raw) <= len(cands):
            return cands, ()
        kept = {id(e) for e in cands}  # (identity, not dataclass equality: this runs for many mentions)
        return cands, tuple({e.cc for e in raw if id(e) not in kept and (e.kind != "city" or e.pop >= SMALL_POP)})

    def _filtered_memo(self, men: _Mention) -> tuple[list[GeoEntry], tuple[str, ...]]:
        """:meth:`_filtered` of a mention whose senses are all its name's (not narrowed by quotes),
        kept per name and context (what :meth:`_admissible` reads); the lists are shared, never
        changed in place."""
        men.sig = sig = (men.m.key, men.cue, men.head is not None, men.relation is not None, men.prep,
                         men.clitic_prep)
        got = self._admitted.get(sig)
        if got is None:
            got = self._filtered(men)
            if len(self._admitted) >= 1 << 16:
                self._admitted.clear()
            self._admitted[sig] = got
        return got

    def _exempt(self, e: GeoEntry, key: str, df: float) -> bool:
        """A major place under its main name is never held back as a common word."""
        if key != normalize_key(e.name_ar):
            return False
        if e.capital or (e.pop >= 100_000 and (e.cc in ARAB_WORLD or e.cc == "IL")):
            return True
        return e.pop >= 100_000 and df < 20 * COMMON_DF

    @staticmethod
    def _major(e: GeoEntry) -> bool:
        """A capital (or prominent venue), a city of a million, or of 100,000 in the Arab world."""
        return e.capital or e.pop >= 1_000_000 or (e.pop >= 100_000 and (e.cc in ARAB_WORLD or e.cc == "IL"))

    def _city_ok(self, e: GeoEntry, men: _Mention, in_focus: bool, elsewhere: bool, supported: bool = True) -> bool:
        """Is a resolved town taken?  ``in_focus``: its country is one of the story's (by other
        mentions); ``elsewhere``: the story is clearly about another country.  Minor places outside the
        story's countries and foreign towns (often words or names: فلاديمير، أبينا) need context."""
        specific = men.cue is not None and men.cue != "any"
        if specific:
            # قرية البسيط in a Syrian story is not Albacete: a minor or foreign town far from the story
            # needs more than a place word
            return in_focus or not elsewhere or e.capital or men.container == e.cc \
                or (e.cc in ARAB_WORLD and e.pop >= SMALL_POP) or e.pop >= 1_000_000
        key = men.m.key
        main = key.replace(" ", "") == normalize_key(e.name_ar).replace(" ", "")  # بن غازي = بنغازي
        df = self.common.get(key, 0.0)
        major = self._major(e)
        if men.head:  # مطار طرابلس: a town; معسكر الحمزة far from the story: the camp's own name
            return in_focus or major or not elsewhere
        located = men.prep or men.relation in _LOCATING
        if men.cue == "any" and elsewhere and not supported and not (e.capital or e.pop >= 1_000_000):
            return False  # منطقة الفاو in a Yemeni story is a local area, not the Iraqi town
        big = e.pop >= 1_000_000 and (e.capital or (main and df < 5 * COMMON_DF))
        if e.cc not in ARAB_WORLD and e.cc != "IL":
            if not (big or e.capital) and not (located and in_focus):
                return False  # a foreign town: only in a story about its country (أبينا، مرادي are words)
            if e.capital and e.pop < 1_000_000 and df >= COMMON_DF and not located and not in_focus:
                return False  # a foreign capital whose name is also a word (ديلي ميل)
        if men.m.key in self.needs_context and not (men.relation in _LOCATING or in_focus or e.capital) \
                and (elsewhere or not self._major(e) or df >= 5 * COMMON_DF):
            return False  # a word first (في العيون "in the eyes", في صور "in pictures"): only in a story about its country
        if in_focus:
            return True
        if not main:
            return False  # outside the story's countries: only under its main name (رباط is not الرباط)
        if major and (df < COMMON_DF or e.capital or e.pop >= 100_000):
            return e.pop >= 1_000_000 or e.capital or located or not elsewhere
        if e.pop < SMALL_POP and men.relation not in _LOCATING:
            return False
        if df >= COMMON_DF and (elsewhere or not located):
            return False  # a minor town whose name is a frequent word, far from the story
        return located and not elsewhere  # e.g. "والرمادي" in a list of colours is not Ramadi

    def _weak(self, e: GeoEntry, key: str) -> bool:
        """A name that may well be a word: a minor town, a secondary spelling, a frequent word."""
        if key in self.needs_context:
            return True  # العيون "the eyes", حجة "an argument": listed as words that need context
        if e.kind != "city":
            return " " not in key and self.common.get(key, 0.0) >= COMMON_DF
        if not self._major(e):
            return True
        if key.replace(" ", "") != normalize_key(e.name_ar).replace(" ", ""):
            # a secondary spelling: weak, unless of a capital or a city of a million and rare as a word (نيروبي)
            return not ((e.capital or e.pop >= 1_000_000) and self.common.get(key, 0.0) < 5 * COMMON_DF)
        # a foreign city whose name is also a frequent word (خفي "hidden" = Hefei)
        return e.cc not in ARAB_WORLD and e.cc != "IL" and not e.capital and self.common.get(key, 0.0) >= 5 * COMMON_DF

    def _admin1_ok(self, e: GeoEntry, men: _Mention, in_focus: bool) -> bool:
        """A first-level division named bare (قبلي، الجوف) outside the story's countries needs context."""
        if men.cue in ("admin1", "city", "town", "any") or in_focus or men.relation:  # any: منطقة عسير
            return True
        return men.prep and self.common.get(men.m.key, 0.0) < COMMON_DF

    # ------------------------------------------------------------------ scoring
    def _prior(self, e: GeoEntry, men: _Mention) -> float:
        if e.kind == "country":
            return 8.0
        if e.kind == "nisba":
            return 7.5  # below the country: السعودية، سورية are names before they are adjectives
        if e.kind == "region":
            return 9.5
        if e.kind == "admin1":
            return 8.0 if men.cue == "admin1" else 4.0
        s = math.log10(e.pop + 10)
        if men.cue in ("city", "town", "village") or men.capital_after:
            s += 3.0 if men.capital_after else 1.0
        return s

    def _focus(self, mentions: list[_Mention]) -> dict[str, float]:
        """The countries the mentions vote for (each mention's own vote in ``men.vote``); a vote
        is kept per name, context and title flag (:meth:`_vote` reads nothing else)."""
        votes: dict[str, float] = {}
        memo = self._votes
        for men in mentions:
            if not men.cands:
                continue
            key = (men.sig, men.title) if men.sig is not None else None
            got = memo.get(key) if key is not None else None
            if got is None:
                got = self._vote(men)
                if key is not None:
                    if len(memo) >= 1 << 16:
                        memo.clear()
                    memo[key] = got
            own, cc, w = got
            if cc is None:
                continue
            votes[cc] = votes.get(cc, 0.0) + w
            if own:
                men.vote = (cc, w)
        return votes

    @staticmethod
    def _vote(men: _Mention) -> tuple[bool, str | None, float]:
        """``(the mention's own vote, country, weight)`` of one mention with senses; a name shared
        by several countries gives only a half vote for a clearly dominant sense, or none."""
        ccs = {e.cc for e in men.cands}
        if men.others:
            ccs.update(men.others)  # a bare ميسان: Iraq's province or a Saudi town
        w = 2.0 if men.title else 1.0
        if len(ccs) == 1:
            cc = next(iter(ccs))
            kinds = {e.kind for e in men.cands}
            top_pop = max(e.pop for e in men.cands)
            if kinds <= {"city"} and top_pop < SMALL_POP:
                w *= 0.3
            if kinds <= {"city"} and cc not in ARAB_WORLD and top_pop < 1_000_000 \
                    and not any(e.capital for e in men.cands):
                w *= 0.2  # a foreign town's name is often a word (أبينا): it hardly sets the story's country
            elif kinds <= {"city"} and top_pop < 100_000 and not (men.prep or men.cue or men.relation):
                w *= 0.5  # a minor town named without a preposition is weak evidence
            return True, cc, w
        # a name shared by several countries votes only for a clearly dominant sense
        big = sorted(men.cands, key=lambda e: e.pop, reverse=True)
        # (a capital, a city of a million or a town beside villages: الرياض in an Egyptian story,
        # not العين in a Yemeni one)
        if len(big) > 1 and big[0].pop > 20 * max(big[1].pop, 1) and big[0].kind == "city" \
                and (big[0].capital or big[0].pop >= 1_000_000 or all(o.kind == "city" for o in big[1:]) and big[1].pop < SMALL_POP):
            return False, big[0].cc, 0.5 * w
        return False, None, 0.0

    @staticmethod
    def _word_start(norm: str, i: int) -> bool:
        """Does a word start at ``i``, allowing a proclitic و ف ب (وبمديرية)?"""
        b = i
        while b > 0 and norm[b - 1] in "وفب" and i - b < 2:
            b -= 1
        return b == 0 or not (norm[b - 1].isalpha() or norm[b - 1].isdigit())

    def _matches(self, nt: NormText) -> list[Match]:
        """Gazetteer names in the text, and three-letter names right after a place word (مديرية حيس،
        بلدة عيو) that are not matched anywhere else: they are too often pieces of words."""
        found = self.matcher.find(nt)
        if not self.short:
            return found
        extra = []
        norm = nt.norm
        for w in self._short_words:  # str.find per place word: cheaper than one regex over the text
            i = norm.find(w)
            while i >= 0:
                j = i + len(w)
                k = norm[j + 1:j + 4]
                if norm[j:j + 1] == " " and k in self.short and not norm[j + 4:j + 5].isalpha() \
                        and k not in self.compound_first and self._word_start(norm, i) \
                        and not any(f.norm_start < j + 4 and j + 1 < f.norm_end for f in found):
                    s, e = nt.to_original(j + 1, j + 4)
                    extra.append(Match(s, e, k, [k], "", j + 1, j + 4))
                i = norm.find(w, j)
        if not extra:
            return found
        return sorted(list(found) + extra, key=lambda mt: mt.start)

    def resolve(self, doc: Document, nt: NormText) -> tuple[list[Place], list[str]]:
        """Places and focus countries of ``doc`` (whose normalised text is ``nt``)."""
        title_end = len(doc.title) if doc.title and doc.text.startswith(doc.title) else 0
        if not title_end:
            nl = doc.text.find("\n")
            title_end = nl if 0 < nl < 200 else 0
        mentions: list[_Mention] = []
        held: list[_Mention] = []
        for mt in self._matches(nt):
            men = self._context(nt, mt, title_end)
            if men is None:
                continue  # no gazetteer sense left (a blocked phrase, a stop word without its cue)
            quoted = mt.start > 0 and mt.end < len(doc.text) and doc.text[mt.start - 1] in _QUOTES_OPEN \
                and doc.text[mt.end] in _QUOTES_CLOSE
            if quoted:
                # «الرياض»، "الوطن": a quoted bare name is a newspaper, club or operation more often than a place
                men.cands = [e for e in men.cands if e.kind in ("country", "region")]
            if doc.text[mt.end:mt.end + 1] in _TANWEEN and not men.cue:
                continue  # صيداً سهلاً "an easy prey": a word with nunation is indefinite, not a name
            if not men.title and _may_be_dateline(nt.norm, mt.norm_end) and _DATELINE.match(nt.norm, mt.norm_end) \
                    and self._line_start(nt.norm, mt.norm_start):
                men.title = True  # a dateline ("بيروت - ", "طرابلس: ") weighs like the title
            men.raw = raw = men.cands
            men.cands, others = self._filtered(men) if quoted else self._filtered_memo(men)
            if others:
                men.others = others
            if men.cands:
                mentions.append(men)
            elif raw and mt.key not in self.cue_only:
                held.append(men)  # may still be a place named earlier after a place word (one sense per story)
        self._containers(nt.norm, mentions)
        votes = self._focus(mentions)
        if doc.title and not title_end:
            # a title given apart from the text still says which countries the story is about
            from rasd.text.normalize import normalize

            tnt = normalize(doc.title)
            extra = []
            for mt in self.matcher.find(tnt):
                men = self._context(tnt, mt, len(doc.title) + 1)
                if men is None:
                    continue
                men.cands = self._admissible(men)
                if men.cands:
                    extra.append(men)
            for cc, v in self._focus(extra).items():
                votes[cc] = votes.get(cc, 0.0) + v
        top = max(votes.values(), default=0.0)
        focus = [cc for cc, v in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])) if v >= 0.25 * top][:4]
        share = {cc: v / top for cc, v in votes.items()} if top else {}
        # admin1 areas of places that are unambiguous: co-mentioned places help each other
        admins = {(e.cc, e.admin1) for men in mentions if len(men.cands) == 1 for e in men.cands
                  if e.kind in ("city", "admin1")}
        anchors = [(men.m.norm_start, e.lat, e.lon) for men in mentions if len(men.cands) == 1
                   for e in men.cands if e.kind == "city" and e.lat is not None]
        key_votes: dict[tuple[str, str], float] = {}  # what all mentions of one name gave its country
        for men in mentions:
            if men.vote:
                kv = (men.m.key, men.vote[0])
                key_votes[kv] = key_votes.get(kv, 0.0) + men.vote[1]
        places: list[Place] = []
        ctx = (focus, share, anchors, admins)
        # one sense per story: a name resolved after a place word (محافظة ميسان) keeps that sense when it
        # comes back bare (أهالي ميسان), even where the bare name alone would not be taken
        sense: dict[str, GeoEntry] = {}
        seen: set[str] = set()
        repeated = {k for k in (men.m.key for men in mentions + held) if k in seen or seen.add(k)}
        for men in mentions:  # (or named inside its country: عمان بالأردن ... في عمان is Amman each time)
            if (men.cue is not None and men.cue != "any" or men.container) and men.m.key in repeated \
                    and men.m.key not in sense:
                best = self._pick(men, *ctx)
                if best is not None and self._accept(men, best, focus, votes, key_votes):
                    sense[men.m.key] = best
        picked: dict[tuple, GeoEntry | None] = {}  # _pick's answers in this document
        for men in sorted(mentions + held, key=lambda m: m.m.start) if held else mentions:
            known = sense.get(men.m.key)
            if known is not None:
                # the senses in the country already established (a bare عدن after محافظة عدن is still the city)
                men.cands = [e for e in men.cands if e.cc == known.cc] or [e for e in men.raw if e.cc == known.cc] \
                    or [known]
            elif not men.cands:
                continue
            best = men.cands[0] if len(men.cands) == 1 else self._pick(men, *ctx, memo=picked)
            if best is None:
                continue
            if (known is None or known.cc != best.cc) and best.kind in ("city", "admin1") \
                    and not self._accept(men, best, focus, votes, key_votes):
                continue  # (countries, nisba adjectives and regions are always accepted)
            men.chosen = best
            places.append(self._place(doc, nt, men))
        places.extend(self._unresolved(doc, nt, mentions))
        final = self._final_focus(votes, mentions)
        places.extend(referring_places(doc, nt, places, final))
        places.sort(key=lambda p: p.start)
        return places, final

    @staticmethod
    def _final_focus(votes: dict[str, float], mentions: list[_Mention]) -> list[str]:
        """The story's countries from the mentions that were taken as places (a name dropped as a
        word, في العيون "in the eyes", no longer counts)."""
        final = dict(votes)
        for men in mentions:
            if men.vote and (men.chosen is None or men.chosen.cc != men.vote[0]):
                final[men.vote[0]] -= men.vote[1]
        top = max(final.values(), default=0.0)
        if top <= 0:
            return []
        return [cc for cc, v in sorted(final.items(), key=lambda kv: (-kv[1], kv[0])) if v >= 0.25 * top and v > 1e-6][:4]

    def _accept(self, men: _Mention, best: GeoEntry, focus: list[str], votes: dict[str, float],
                key_votes: dict[tuple[str, str], float]) -> bool:
        """Is the chosen sense taken as a place, given the story's countries and the mention's context?"""
        if best.kind not in ("city", "admin1"):
            return True  # countries, nisba adjectives and regions are taken as matched
        # what the other names of the story say for this country (not this name, however often repeated)
        support = votes.get(best.cc, 0.0) - key_votes.get((men.m.key, best.cc), 0.0)
        # in the story's countries; a minor or word-like name cannot vouch for its own country, not
        # even by being repeated (سطح المذنب ... للمذنب "the comet" is not the Saudi town twice)
        in_focus = best.cc in focus and (support if self._weak(best, men.m.key) else votes.get(best.cc, 0.0)) >= 0.5
        top = votes[focus[0]] if focus else 0.0
        elsewhere = bool(focus) and focus[0] != best.cc and top >= 2.0 and (best.cc not in focus or support < 0.25 * top)
        if men.container and best.cc != men.container and best.kind == "city" \
                and not (best.capital or best.pop >= 1_000_000):
            return False  # مديرية الوادي بمحافظة مأرب is not El Oued in Algeria
        if best.kind == "city" and not self._city_ok(best, men, in_focus, elsewhere, support >= 0.5):
            return False  # a minor or foreign place without the context that would make it one
        return not (best.kind == "admin1" and not self._admin1_ok(best, men, in_focus))  # تجمع قبلي

    def _containers(self, norm: str, mentions: list[_Mention]) -> None:
        """Mark each mention followed by the name of the division or town that contains it ("مديرية حيس
        بمحافظة الحديدة", "بلدة الكرك الشرقي بريف درعا") with that place's country, when it has one."""
        for a, b in zip(mentions, mentions[1:], strict=False):
            if b.m.norm_start - a.m.norm_end > 34 or all(e.kind in ("country", "nisba") for e in a.cands):
                continue  # far apart (most pairs) or a country: nothing to read
            gap = norm[a.m.norm_end:b.m.norm_start - len(b.m.prefix)]
            words = gap.split()
            if not words and not gap.strip(" ") and not b.m.prefix.startswith(("و", "ف")):
                # an adjective or country right after the town: بلدة الرس السعودية، مدينة سروج جنوب تركيا
                ccs = {e.cc for e in b.cands}
                if len(ccs) == 1 and (all(e.kind in ("nisba", "country") for e in b.cands)
                                      or b.m.prefix in ("ب", "بال")):  # الفاو بمأرب
                    a.container = next(iter(ccs))
                continue
            if not words or len(gap) > 30:
                continue
            if len(words) > 3 or not all(w in self.container_words or _strip_clitic(w) in self.container_words
                                         for w in words):
                continue
            if words[0] not in self.container_words and words[0].startswith("و"):
                continue  # "الرياض ومحافظة جدة": a list, not a container
            ccs = {e.cc for e in b.cands if e.kind in ("admin1", "city", "region", "country")}
            if len(ccs) == 1 and len({e.cc for e in b.cands}) == 1:
                a.container = next(iter(ccs))

    def _pick(self, men: _Mention, focus: list[str], share: dict[str, float],
              anchors: list[tuple[int, float, float]], admins: set[tuple[str, str]],
              memo: dict | None = None) -> GeoEntry | None:
        """The most likely sense of a mention: kind and size, the story's countries, places named near it.
        ``memo``: answers kept for one document (the same context arguments), by what the choice
        reads of the mention (its senses' list, which must stay alive and unchanged meanwhile, its
        place word, a following العاصمة, its container and the places named near it)."""
        if len(men.cands) == 1:
            return men.cands[0]
        near = [(la, lo) for pos, la, lo in anchors if abs(pos - men.m.norm_start) < 300] \
            if len(men.cands) > 1 else []
        if memo is None:
            return self._pick_near(men, focus, share, admins, near)
        key = (id(men.cands), men.cue, men.capital_after, men.container, *near)
        got = memo.get(key, memo)
        if got is memo:
            got = memo[key] = self._pick_near(men, focus, share, admins, near)
        return got

    def _pick_near(self, men: _Mention, focus: list[str], share: dict[str, float],
                   admins: set[tuple[str, str]], near: list[tuple[float, float]]) -> GeoEntry | None:
        """:meth:`_pick` of a mention with several senses, given the places named near it."""
        best, best_s = None, -1e9
        # a same-name place in the story's main country beats one elsewhere that nothing else supports,
        # unless that one is a capital, a city of a million or a country (مدينة العين in a Yemeni story,
        # محافظة ميسان in a Saudi one; but الرياض stays Riyadh in an Egyptian story)
        home = None
        if focus:
            f0 = focus[0]
            ccs = {o.cc for o in men.cands}
            if f0 in ccs and len(ccs) > 1 and not any(
                    o.cc != f0 and (o.capital or o.pop >= 1_000_000 or o.kind in ("country", "nisba", "region")
                                    or share.get(o.cc, 0.0) >= 0.25) for o in men.cands):
                home = f0
        for e in men.cands:
            s = self._prior(e, men) + 3.0 * share.get(e.cc, 0.0)
            if e.cc == home:
                s += 2.0
            if e.cc == men.container:
                s += 2.5  # named inside a division or town of this country
            if e.cc in ARAB_WORLD:
                s += 1.0
            if e.kind == "city" and (e.cc, e.admin1) in admins and len(men.cands) > 1:
                s += 1.0
            if near and e.lat is not None and any(_km(e.lat, e.lon, la, lo) < 500 for la, lo in near):
                s += 1.5  # a town near the towns named around it (الموصل أو الرقة: Raqqa in Syria)
            if s > best_s:
                best, best_s = e, s
        return best

    def _unresolved(self, doc: Document, nt: NormText, mentions: list[_Mention]) -> list[Place]:
        """Names after قرية/بلدة/مخيم/ناحية that the gazetteer lacks: kept as places, unresolved (no
        country: the story's country is a guess the caller can make from ``doc.focus_countries``)."""
        out: list[Place] = []
        norm = nt.norm
        taken = [(men.m.norm_start, men.m.norm_end) for men in mentions]
        if not any(w in norm for w in self._village_words):
            return out  # no قرية/بلدة/مخيم in the text: nothing for the (slow, look-behind) pattern to find
        for m in self._village_matches(norm):
            w1, w2 = m.group(2), m.group(3)
            if not w1 or w1 in self.not_names or w1 in self.never_alone or (w1.endswith("يه") and not w1.startswith("ال")):
                continue
            if w1.startswith(("لل", "ل")) and not w1.startswith("ال"):
                continue  # مخيم للاجئين
            if w1.endswith(("ها", "هم", "هما")) or (w1[0] in "يت" and len(w1) >= 4):
                continue  # pronoun suffixes (حينها) and imperfect verbs (يسيطر، تبعد)
            bare = _strip_clitic(w1)
            if bare in self.relations or bare in self.place_words or w1 in self.place_words:
                continue
            ns, ne = m.start(2), m.end(2)
            if w2 and w1 in self.compound_first:
                ne = m.end(3)
            if any(a < ne and b > ns for a, b in taken):
                continue
            s, e = nt.to_original(ns, ne)
            out.append(Place(start=s, end=e, text=doc.text[s:e], name=doc.text[s:e],
                             country_code=None,
                             kind="village", via="name", geo_precision=2,  # ACLED: a small place near a town
                             unresolved_reason="not in the gazetteer"))
        return out

    def _village_matches(self, norm: str):
        """What ``self._village_re.finditer(norm)`` gives, the pattern tried only where it can match: at
        a village word or a proclitic before one (its look-behind makes a scan of the whole text slow)."""
        back = max(map(len, _VILLAGE_CLITICS))
        starts: set[int] = set()
        for w in self._village_words:
            i = norm.find(w)
            while i >= 0:
                starts.update(range(max(0, i - back), i + 1))
                i = norm.find(w, i + 1)
        end = 0
        for p in sorted(starts):
            if p >= end:
                m = self._village_re.match(norm, p)
                if m is not None:
                    end = m.end()
                    yield m

    # ------------------------------------------------------------------ output
    def _entry_fields(self, e: GeoEntry) -> tuple:
        """What a place taken in sense ``e`` says whatever its context: (kind, via, precision, name,
        name_en, country, lat, lon, geonameid, admin1 name, admin1 English name, admin1 entry);
        kept per entry (the entries live as long as the gazetteer)."""
        got = self._fields.get(id(e))
        if got is not None and got[-1] is e:
            return got[:-1]
        kind = {"nisba": "country", "city": "city"}.get(e.kind, e.kind)
        if e.kind == "city" and e.pop < 1000:
            kind = "village"
        via = {"nisba": "nisba", "region": "region"}.get(e.kind, "name")
        name, name_en, gid = e.name_ar, e.name_en, e.geonameid
        if e.kind == "nisba":
            c = self.gaz.country(e.cc)
            if c is not None:
                name, name_en, gid = c.name_ar, c.name_en, c.geonameid
        admin = self.gaz.admin1_of(e) if e.kind == "city" else None
        if e.kind == "admin1":
            admin = e
        got = (kind, via, e.precision, name, name_en or None, e.cc, e.lat, e.lon, gid,
               admin.name_ar if admin else None, admin.name_en if admin else None, e)
        self._fields[id(e)] = got
        return got[:-1]

    def _place_args(self, e: GeoEntry) -> tuple:
        """The :class:`Place` fields after ``start, end, text`` of a mention in sense ``e`` with no
        landmark head and no relation (most of them), kept per entry."""
        got = self._args.get(id(e))
        if got is not None and got[0] is e:
            return got[1]
        kind, via, prec, name, name_en, cc, lat, lon, gid, admin1, admin1_en = self._entry_fields(e)
        args = (name, name_en, cc, lat, lon, kind, admin1, admin1_en, gid, prec, None, via)
        self._args[id(e)] = (e, args)
        return args

    def _place(self, doc: Document, nt: NormText, men: _Mention) -> Place:
        e = men.chosen
        assert e is not None
        start, end = men.start, men.end
        if men.head is None and men.relation is None:
            return Place(start, end, doc.text[start:end], *self._place_args(e))
        kind, via, prec, name, name_en, cc, lat, lon, gid, admin1, admin1_en = self._entry_fields(e)
        relation = men.relation
        if men.head and e.kind in ("city", "admin1"):
            kind, via = "facility", "landmark"
            prec = max(prec, men.head_precision or 1)
            # the landmark's span: head + name + modifiers (القديم، الدولي ...)
            ne = men.m.norm_end
            for w, _ws, we in self._after_words(nt.norm, ne):
                if w not in self.modifiers:
                    break
                ne = we
            end = nt.to_original(men.m.norm_start, ne)[1]
            name = doc.text[start:end]
        if relation and men.rel_precision is not None and not men.head:
            if e.kind in ("country", "nisba", "admin1", "region"):
                prec = 3
            else:
                prec = max(prec, men.rel_precision)
        return Place(start=start, end=end, text=doc.text[start:end], name=name, name_en=name_en,
                     country_code=cc, lat=lat, lon=lon, kind=kind, admin1=admin1, admin1_en=admin1_en,
                     geonameid=gid, geo_precision=prec, relation=relation, via=via)
