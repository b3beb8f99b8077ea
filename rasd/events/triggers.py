"""Event words (triggers) from the per-type lexicon ``data/events/triggers.yaml``.

Verbs and nouns are matched separately, each with the clitics and suffixes its word class takes,
so that وقصفت، ويقتلون، بالاشتباكات and غاراتها all hit their entry.  Where a word reads both as a
verb and as a verbal noun (قتل، قصف), the context decides: the article or a preposition before it
makes it a noun.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from rasd.lexicon import load_yaml, word_set
from rasd.lexicon.matcher import PhraseMatcher
from rasd.text.normalize import NormText, normalize_word

TRIGGERS_FILE = "events/triggers.yaml"

#: the 16 PLOVER event types
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

_WORDS = "events/words.yaml"  # the word lists of this module, as data
_PREPOSITIONS = word_set(_WORDS, "triggers_prepositions")
_TA_PRONOUN_NOUNS = frozenset(load_yaml(_WORDS)["triggers_ta_pronoun_nouns"])  # as written (with ة)
_TA_PRONOUNS = tuple(load_yaml(_WORDS)["triggers_ta_pronouns"])


@dataclass(slots=True)
class Entry:
    """One lexicon entry: its type, word class and coding hints."""

    type: str
    pos: str  # v | p | n | pn | c
    mode: str | None
    sub: str | None
    gen: str
    weak: bool
    ctx: str | None = None  # "armed": an event only in a sentence about armed violence
    heads: frozenset[str] = frozenset()  # verbs that must govern the word (حمل ... مسؤولية)
    counted: bool = False  # the head stands right before the word, past a count only (نشر مئات الجنود)


@dataclass(slots=True)
class Trigger:
    """An event word found in a text (offsets into the original)."""

    start: int
    end: int
    key: str
    entry: Entry
    prefix: str
    future: bool = False  # written with the future prefix سـ
    present: bool = False  # an imperfect verb form
    token: int = -1  # index of its first token in doc.tokens
    # the entry's PLOVER type and word class (v, p, n, pn or c), copied out as the coder asks for them
    # again and again: change the entry with :meth:`set_entry` so that they follow
    type: str = field(init=False, compare=False)
    pos: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        self.type = self.entry.type
        self.pos = self.entry.pos

    def set_entry(self, entry: Entry) -> None:
        """Give the trigger another entry (a verb read as a noun, a halt read as a clash)."""
        self.entry = entry
        self.type = entry.type
        self.pos = entry.pos


@cache
def _lexicon() -> tuple[PhraseMatcher, PhraseMatcher, frozenset[str]]:
    data = load_yaml(TRIGGERS_FILE)
    cues = load_yaml("events/cues.yaml")
    verbs = PhraseMatcher(cues["verb_proclitics"], merge_article=False, suffixes=cues["verb_suffixes"])
    nouns = PhraseMatcher(cues["noun_proclitics"], suffixes=cues["noun_suffixes"])
    verb_keys: set[str] = set()
    for typ, entries in data["types"].items():
        for e in entries:
            weak_words = {normalize_word(w) for w in e.get("weak_words", []) or []}
            for w in e["w"]:
                key = normalize_word(w)
                ent = Entry(typ, e["pos"], e.get("mode"), e.get("sub"), e.get("gen", "agent"),
                            bool(e.get("weak")) or key in weak_words, e.get("ctx"),
                            frozenset(normalize_word(h) for h in e.get("heads", []) or []),
                            bool(e.get("counted")))
                if e["pos"] in ("v", "p"):
                    verbs.add(w, ent)
                    verb_keys.add(key)
                    if e["pos"] == "v":  # the same word after ال / ب / a preposition is a verbal noun
                        _add_noun(nouns, w, replace(ent, pos="n"))
                else:
                    _add_noun(nouns, w, ent)
    verbs.build()
    nouns.build()
    return verbs, nouns, frozenset(verb_keys)


def _add_noun(nouns: PhraseMatcher, w: str, ent: Entry) -> None:
    """Add a noun; one ending in a hamza after alif also with the seat its suffixes take (لقاء → لقائه), one
    ending in ta marbuta (listed in words.yaml) also with its possessive pronouns (زيارة → زيارته، زيارتها)."""
    nouns.add(w, ent)
    if w.endswith("اء") and not w.startswith("ال"):
        nouns.add(w[:-1] + "ئ", ent)
    if w in _TA_PRONOUN_NOUNS:
        for p in _TA_PRONOUNS:
            nouns.add(w[:-1] + "ت" + p, ent)


def load() -> None:
    """Build the trigger matchers now."""
    _lexicon()


def _ta_marbuta_clash(text: str, m) -> bool:
    """Whether a match ends inside a word that ends in ة although its key does not (وزارة ≠ و + زار + ه)."""
    we = m.end
    while we < len(text) and text[we].isalpha():
        we += 1
    return text[we - 1:we] == "ة" and not m.key.endswith("ه") or (we > m.end and text[we - 1:we] == "ى")


def _is_present(key: str, verb_keys: frozenset[str]) -> bool:
    first = key.split(" ", 1)[0]
    if first[:1] == "ي" and len(first) > 3:
        return True
    return bool(first[:1] in "تن" and len(first) > 3 and "ي" + first[1:] in verb_keys)


def matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """The verb and the noun matchers (what :func:`find_triggers` takes the matches of)."""
    return _lexicon()[:2]


def find_triggers(nt: NormText, tokens, token_index, matches=None) -> list[Trigger]:
    """Every trigger in the text, longest first and without overlaps, in text order.

    ``token_index(offset)`` maps an original offset to the index of the token that holds it.
    A span found both as a verb and a noun keeps one reading, chosen from its context.
    ``matches``: the ``find_all`` matches of the :func:`matchers` in the text, when found already.
    """
    verbs, nouns, verb_keys = _lexicon()
    verb_matches, noun_matches = matches if matches is not None else (verbs.find_all(nt), nouns.find_all(nt))
    found: list[tuple[int, int, int, Trigger]] = []  # (norm_start, norm_end, priority, trigger)
    text = nt.original
    for m in verb_matches:
        if _ta_marbuta_clash(text, m):
            continue  # وزارة is not و + زار + ه: a ta marbuta ends a noun
        future = m.prefix.endswith("س")
        for ent in m.values:
            t = Trigger(m.start, m.end, m.key, ent, m.prefix, future, _is_present(m.key, verb_keys))
            found.append((m.norm_start - len(m.prefix), m.norm_end, 1, t))
    for m in noun_matches:
        if _ta_marbuta_clash(text, m):
            continue
        for ent in m.values:
            t = Trigger(m.start, m.end, m.key, ent, m.prefix)
            found.append((m.norm_start - len(m.prefix), m.norm_end, 0, t))
    if not found:
        return []
    # resolve: longest first; at equal spans, verb vs noun reading by context
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0], -x[2]))
    taken = bytearray(max(x[1] for x in found))  # 1 where a kept span covers the normalised character
    chosen: list[Trigger] = []
    by_span: dict[tuple[int, int], list[Trigger]] = {}
    for ns, ne, _prio, t in found:
        span = (ns, ne)
        if span in by_span:
            by_span[span].append(t)
            continue
        if taken.find(1, ns, ne) >= 0:
            continue
        taken[ns:ne] = b"\x01" * (ne - ns)
        by_span[span] = [t]
    for ts in by_span.values():
        for t in ts:  # the token of each reading kept (the readings dropped for an overlap need none)
            t.token = token_index(t.start)
        ts = [t for t in ts if not t.entry.heads or _has_head(t, tokens)]
        if not ts:
            continue
        t = ts[0] if len(ts) == 1 else _pick_reading(ts, tokens)
        if t.pos in ("v", "p") and _nounish(t, tokens):
            t.set_entry(replace(t.entry, pos="n"))
        chosen.append(t)
    chosen.sort(key=lambda t: t.start)
    stop = _stopwords()
    chosen = [t for t in chosen if not _stopped(t, tokens, stop) and not _lacks_with(t, tokens)
              and not _plain_description(t, tokens)]
    _halts(chosen, tokens)
    return [t for t in chosen if not _pretend(t, tokens) and not _cites(t, tokens) and not _illness(t, tokens)
            and not _comments(t, tokens) and not _motive(t, tokens)]


_WITH_NEEDED = word_set("events/political.yaml", "with_needed")
_WITH = word_set("events/political.yaml", "with_words")
_WITH_REACH = int(load_yaml("events/political.yaml")["with_reach"])


def _lacks_with(t: Trigger, tokens) -> bool:
    """استعرض / ناقش is a meeting only with مع after it in its clause (استعرض الوزير مع نظيره العلاقات)."""
    if t.key not in _WITH_NEEDED:
        return False
    for k in range(t.token + 1, min(len(tokens), t.token + 1 + _WITH_REACH)):
        if tokens[k].kind == "punct":
            return True
        if tokens[k].norm in _WITH:
            return False
    return True


_DESCRIBE = word_set("events/political.yaml", "describe_verbs")
_DESCRIBE_AS = word_set("events/political.yaml", "describe_condemning")
_DESCRIBE_ACTS = word_set("events/political.yaml", "describe_acts")
_DESCRIBE_MARKS = word_set("events/political.yaml", "describe_marks")
_DESCRIBE_REACH = int(load_yaml("events/political.yaml")["describe_reach"])


def _plain_description(t: Trigger, tokens) -> bool:
    """وصف الوزير الهجوم بأنه عمل إرهابي جبان is a condemnation; وصف الوضع بأنه صعب describes: a describing
    verb is an event only with an attack or act after it (before any بأنه / بالـ), then a condemning word right
    after the act (الحادث الإجرامي) or right after a بأنه / بالـ that follows it (بالعمل الإجرامي), in its sentence."""
    if t.key not in _DESCRIBE or t.pos != "v":
        return t.key in _DESCRIBE
    act, mark = False, -1  # the act described seen; where the last بأنه / بالـ after it stands
    end = min(len(tokens), t.token + 1 + _DESCRIBE_REACH)
    for k in range(t.token + 1, end):
        w = tokens[k].norm
        if tokens[k].kind == "punct" and w in (".", "!", "؟", "?", ":"):
            return True
        marker = w in _DESCRIBE_MARKS or w.startswith("بال")
        if not act:
            if marker:
                return True  # وصف المحلل القرار بأنه تحول كبير: what is described is no attack
            act = not _DESCRIBE_ACTS.isdisjoint((w, w[1:], w[2:]))
            if act and any(_condemning(x.norm) for x in tokens[k + 1:min(end, k + 3)]):
                return False
            continue
        if _condemning(w) and (marker or 0 <= k - mark <= 3):
            return False
        if marker:
            mark = k
    return True


def _condemning(w: str) -> bool:
    return not _DESCRIBE_AS.isdisjoint((w, w[1:], w[2:]))


_HURT = word_set(_WORDS, "triggers_hurt")
_VIOLENT_B = word_set(_WORDS, "triggers_violent_b")


def _illness(t: Trigger, tokens) -> bool:
    """أصيب بالنكاف، إصابة بضربات شمس: hurt by an illness or an accident told right after, not by violence."""
    if t.entry.pos not in ("p", "n", "c") or t.type != "ASSAULT" or t.token + 1 >= len(tokens):
        return False
    w = tokens[t.token].norm
    if w not in _HURT and w[1:] not in _HURT:
        return False
    nxt = tokens[t.token + 1].norm
    return nxt.startswith("ب") and nxt not in _VIOLENT_B and len(nxt) > 2


_PRETEND = word_set(_WORDS, "triggers_pretend")


def _pretend(t: Trigger, tokens) -> bool:
    """تظاهر ب / بأن means "to pretend", not "to demonstrate"."""
    if t.key not in _PRETEND or t.token + 1 >= len(tokens):
        return False
    nxt = tokens[t.token + 1].norm
    if nxt.startswith("ب") and not nxt.startswith(("بال" + "اف", "بالمئات", "بالعشرات")):
        return True
    # تظاهر الرجلان بأنهما ...: the subject may stand between the verb and بأن
    return any(tokens[k].norm.startswith("بان") for k in range(t.token + 2, min(len(tokens), t.token + 4)))


_MOTIVE = word_set(_WORDS, "triggers_motive")


def _motive(t: Trigger, tokens) -> bool:
    """أضرب عن الطعام رفضا لاعتقاله: the motive of another act told as an adverb (رفضا ل), not an act of its own."""
    if t.key not in _MOTIVE or t.prefix or not 0 <= t.token < len(tokens) - 1 or tokens[t.token].norm != t.key:
        return False
    nxt = tokens[t.token + 1].norm
    return nxt.startswith("ل") and len(nxt) > 2


_CITE = word_set(_WORDS, "triggers_cite")


def _cites(t: Trigger, tokens) -> bool:
    """استشهد بـ means "to cite", not "to be killed"."""
    if t.key not in _CITE or t.token + 1 >= len(tokens):
        return False
    return tokens[t.token + 1].norm.startswith("ب")


_COMMENT = word_set(_WORDS, "triggers_comment")
_ON = word_set(_WORDS, "triggers_comment_on")


def _comments(t: Trigger, tokens) -> bool:
    """علق على / علقت الصحيفة على ... means "to comment on", not "to suspend"."""
    w = tokens[t.token].norm if 0 <= t.token < len(tokens) else ""
    if t.key not in _COMMENT or w[len(t.prefix):] != t.key:
        return False
    reach = 1 if t.pos == "n" else 5  # a noun takes على at once (تعليقا على); a verb past its subject
    words = [tok.norm for tok in tokens[t.token + 1:t.token + 12] if tok.kind != "punct"][:reach]
    return any(w in _ON for w in words)


_HALT = word_set(_WORDS, "triggers_halt")
_CLASH = Entry("ASSAULT", "v", "clash", "Armed clash", "agent", False)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(normalize_word(w) for w in load_yaml("events/cues.yaml").get("not_triggers", []))


@cache
def _stop_firsts() -> frozenset[str]:
    """The first words of the look-alike pairs: "a b" can be a pair only when a is one of them."""
    return frozenset(w.split(" ", 1)[0] for w in _stopwords() if " " in w)


def _may_pair(a: str, firsts: frozenset[str]) -> bool:
    return a in firsts or " " in a


def _stopped(t: Trigger, tokens, stop: frozenset[str]) -> bool:
    """Whether the trigger's word (alone or with the next word) is a known look-alike (فجرا، فجر اليوم)."""
    if t.token < 0 or t.token >= len(tokens):
        return False
    firsts = _stop_firsts() if stop is _stopwords() else frozenset(w.split(" ", 1)[0] for w in stop if " " in w)
    w = tokens[t.token].norm
    nxt = tokens[t.token + 1].norm if t.token + 1 < len(tokens) else ""
    prev = tokens[t.token - 1].norm if t.token > 0 else ""
    prev_pairs = prev in firsts or " " in prev  # (_may_pair inline: this runs for every trigger)
    prev1 = prev[1:] if prev[:1] in "وفلب" and len(prev) > 3 else None
    prev1_pairs = prev1 is not None and (prev1 in firsts or " " in prev1)
    for x in (w, w[1:]) if w[:1] in "وف" and len(w) > 3 else (w,):  # واستقبل مطار: behind a conjunction
        if x in stop or ((x in firsts or " " in x) and f"{x} {nxt}" in stop) or (
                prev_pairs and f"{prev} {x}" in stop):  # صافرات الإنذار
            return True
        if prev1_pairs and f"{prev1} {x}" in stop:
            return True  # لرؤساء تحرير: the pair behind a proclitic
    return False


_COUNT = word_set(_WORDS, "clauses_quantity")
_OF = word_set(_WORDS, "triggers_count_of")


def _has_head(t: Trigger, tokens) -> bool:
    if t.entry.counted:  # نشر 1500 جندي، نشرت الحكومة المئات من الجنود: a count, and at most a subject
        k = t.token - 1
        while k >= 0 and t.token - k <= 4 and (tokens[k].kind == "number" or tokens[k].norm in _COUNT):
            k -= 1
        counted = any(tokens[j].kind == "number" or tokens[j].norm not in _OF for j in range(k + 1, t.token))
        reach = 3 if counted else 0  # a subject may stand between the verb and its count, not its من alone
        for j in range(k, max(-1, k - reach - 1), -1):
            w = tokens[j].norm
            if w in t.entry.heads or (w[:1] in ("و", "ف") and w[1:] in t.entry.heads):
                return True
        return False
    reach = _ABOUT_REACH if t.token > 0 and tokens[t.token - 1].norm in _ABOUT else 7
    for k in range(t.token - 1, max(-1, t.token - reach - 1), -1):
        w = tokens[k].norm
        if w in t.entry.heads or (w[:1] in ("و", "ف") and w[1:] in t.entry.heads):
            return True
        if t.token - k >= 7 and tokens[k].text in _HEAD_STOP:
            break  # (a long subject, not across a sentence's end: أعربت الوزارة في ... عن استيائها)
    return False


_ABOUT = word_set(_WORDS, "triggers_head_about")
_HEAD_STOP = frozenset(load_yaml(_WORDS).get("triggers_head_stop", []))
_ABOUT_REACH = 18


def _halts(chosen: list[Trigger], tokens) -> None:
    """أوقفت القوات تقدم ...: halting an advance is an armed clash, not an arrest."""
    for i, t in enumerate(chosen):
        if t.key not in _HALT:
            continue
        for o in chosen[i + 1:i + 4]:
            if o.token - t.token <= 7 and o.entry.mode in ("troops", "occupy", "firearms") and o.pos == "n":
                t.set_entry(_CLASH)
                break


_VERB_ENDINGS = word_set(_WORDS, "triggers_verb_endings")


def _nounish(t: Trigger, tokens) -> bool:
    w = tokens[t.token].norm if 0 <= t.token < len(tokens) else ""
    if not t.prefix and (w.endswith("وا") or (w.endswith("ت") and not w.endswith("ات"))):
        return False  # قصفت، قصفوا: a verb ending, whatever stands before it (مقاتلات F16 قصفت)
    if w.endswith("ات") and len(w) - len(t.prefix) >= 5:
        return True  # محادثات، مفاوضات: a sound feminine plural is a noun, never a verb form
    prev = tokens[t.token - 1].norm if t.token > 0 else ""
    al = t.key.startswith("ال") and not t.key.startswith(("التق", "التح", "التزم"))
    k = t.key.split(" ", 1)[0]
    if t.entry.pos in ("v", "p") and not t.prefix and w[len(k):] in _VERB_ENDINGS and w.startswith(k):
        return False  # استعادا، استعادوا: a hollow verb with a dual or plural ending, not استفعال
    if (len(k) == 5 and k[0] == "ت" and k[3] == "ي") or (len(k) >= 6 and k[0] == "ا" and k[-2] == "ا"):
        return True  # تفعيل / افتعال، استفعال: verbal-noun patterns (تنسيق، اعتقال، استهداف)
    return ("ال" in t.prefix or al or "ب" in t.prefix
            or (t.prefix.endswith("ل") and not t.future) or prev in _PREPOSITIONS or prev.isdigit())


def _pick_reading(ts: list[Trigger], tokens) -> Trigger:
    """Between a verb and a noun reading of one word, the one its context supports."""
    verbs = [t for t in ts if t.pos in ("v", "p")]
    nouns = [t for t in ts if t.pos not in ("v", "p")]
    if not verbs or not nouns:
        return ts[0]
    return nouns[0] if _nounish(ts[0], tokens) else verbs[0]
