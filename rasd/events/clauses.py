"""Which event word carries the sentence: clause segmentation and the main predicate.

Arabic news sentences are mostly verb-first (قصفت الطائرات ...), often wrapped in a reporting frame
(قال الجيش إن ...) and followed by relative or subordinate clauses (... الذي أسفر عن مقتل ...).  This
module cuts a sentence into clauses at punctuation, coordinators, complementisers and subordinators,
types each clause (main, reported, sub = relative/subordinate, object = complement of a stance verb)
and marks, in each main or reported clause, the predicate that carries it: the first verb, an event
noun under a light verb (شن غارة، اندلعت اشتباكات) or a nominal sentence's head noun (مقتل 5 ...).
Event words elsewhere (a noun inside a PP, an object of أدان، a relative clause) are *embedded*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.lexicon import word_set
from rasd.text.normalize import normalize_word

_PUNCT_BOUNDARY = frozenset(",;:()[]-\"«»“”'،؛")
_WORDS = "events/words.yaml"  # the word lists of this module, as data
_COORD = word_set(_WORDS, "clauses_coord")
_PREDICATE_CUES = frozenset({"light_verbs", "reporting", "stance", "accusation", "denial"})
_OPAQUE = frozenset({"stance", "accusation", "denial"})
_PREP = word_set(_WORDS, "clauses_prep")


# adverbs that coordinate only after a comma (ناقشا أيضا تعميق التعاون: "also", not a new clause)
_ADVERB_COORD = word_set(_WORDS, "clauses_adverb_coord")

# coordinators that mean "but" only before أن (غير أن): before an adjective غير negates it (غير مقبول، غير معروفين)
_BUT_ONLY_BEFORE_THAT = word_set(_WORDS, "clauses_but_before_that")

# plain words that still cut a clause (coordinators, في حين)
_PLAIN_STOPS = _COORD | {normalize_word("حين")}
_TITLE_AFTER = word_set(_WORDS, "factuality_title_after")  # آية الله: a title, no modality

# a result verb coordinated after a comma continues the clause before it (..., وأسفر عن مقتل ...)
_RESULT = frozenset(normalize_word(p + w) for p in ("و", "ف") for w in (
    "أسفر", "أسفرت", "أدى", "أدت", "خلف", "خلفت", "أوقع", "أوقعت", "تسبب", "تسببت"))

_QUANTITY = word_set(_WORDS, "clauses_quantity")
# light verbs that report casualties (سقط قتلى، أسفر عن ... جرحى، خلف قتلى، راح ضحيته)
_CASUALTY_VERBS = word_set(_WORDS, "clauses_casualty_verbs")


# sources named as the subject of a light verb (نظم ناشطون وقفة): not a predicate between the verb and its noun
_SOURCE_NOUNS = word_set(_WORDS, "clauses_source_nouns")

# the verb "do" takes its event noun with بـ (قامت الطائرات بقصف المواقع)
_DO = word_set(_WORDS, "clauses_do")

# "undergo" takes its event noun with لـ: تعرضت الدورية لإطلاق نار (an attack on the subject)
_UNDERGO = word_set(_WORDS, "clauses_undergo")
# عند تعرض الموكب لكمين: after a preposition the word is a noun (when it undergoes), no report
_BEFORE_NOUN = _PREP | {normalize_word("عند")}


def _bare(w: str) -> str:
    return w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w


_TIME_PREP = word_set(_WORDS, "clauses_time_prep")


@dataclass(slots=True)
class Clause:
    """A stretch of a sentence's tokens [start, end) with its type and first predicate."""

    start: int
    end: int
    kind: str  # main | reported | sub | object
    governor: str | None = None  # cue category of the predicate that governs a complement
    predicates: list[tuple[int, str]] = field(default_factory=list)  # (token, category)


@dataclass(slots=True)
class TriggerRole:
    """Where a trigger stands in its sentence."""

    clause: Clause
    main: bool
    reason: str
    head: int | None = None  # the governing verb's token, for a noun under a verb


_ANNOUNCE = word_set(_WORDS, "clauses_announce")
_RELATIVE_PRONOUNS = word_set(_WORDS, "clauses_relative_pronouns")
_STRICT_TYPES = frozenset({"ASSAULT", "PROTEST"})
_NOT_VERB = word_set(_WORDS, "clauses_not_verb")


def _unknown_verb_first(tokens, cl: Clause, t) -> bool:
    """Whether the clause opens with a word that reads as a verb (أرسلت الإمارات ... مساعدات)."""
    k = cl.start
    while k < t.token and tokens[k].kind == "punct":
        k += 1
    if k >= t.token or t.token - k > 7:
        return False
    w = tokens[k]
    n = w.norm
    if w.kind != "word" or n in _NOT_VERB or w.text.startswith(("ال", "وال", "بال", "فال", "لل")) \
            or n.endswith(("ه", "ات")):
        return False
    prev = tokens[t.token - 1].norm if t.token > 0 else ""
    return prev not in _PREP or prev in ("الي", "علي", "ب")


def _asyndetic(tokens, cl: Clause, t) -> bool:
    """An imperfect verb carrying an object pronoun right after an indefinite noun describes that noun
    (مقاتلون يمنيون تدعمهم الضربات الجوية، حملة تستهدفهم): a relative clause without الذي."""
    w = tokens[t.token].norm
    if not w.endswith(("ه", "ها", "هم", "هما")) or t.token - 1 < cl.start or w[len(t.prefix):] == t.key:
        return False  # (يتهم، تتهم: the root's own letters, no pronoun)
    prev = tokens[t.token - 1]
    if prev.text.endswith("ه"):
        return False  # بلاده تتهمهم: a noun with a possessive pronoun is definite, its verb no relative
    return prev.kind == "word" and not prev.text.startswith(("ال", "وال", "بال", "لل", "فال")) \
        and prev.norm not in _NOT_VERB and prev.norm not in _PREP and (
            prev.norm.endswith(("ون", "ين", "ات", "ه")) or prev.norm.endswith("يه"))


_EXPRESS = word_set(_WORDS, "clauses_express_verbs")
_EXPRESS_ABOUT = word_set(_WORDS, "clauses_express_about")
_EXPRESS_REACH = 8  # words from the verb to عن (its subject between)


def _expressed(tokens, cl: Clause, t) -> bool:
    """Whether the clause opens with عبر "expressed" (not عبر "via": only with عن right before the event noun)
    a few words before the noun (عبر الرئيس عن تضامن بلاده، وعبرت الحكومة عن رفضها)."""
    k = cl.start
    while k < t.token and tokens[k].kind == "punct":
        k += 1
    return t.token - k <= _EXPRESS_REACH and tokens[k].norm in _EXPRESS


def _after_indefinite_comma(tokens, k: int) -> bool:
    """اتهم آباء، تعرض أبناؤهم لاعتداءات، الشرطة ...: a verb after a comma after an indefinite noun describes
    that noun (a relative clause without الذي)."""
    if k < 2 or tokens[k - 1].text not in ("،", ","):
        return False
    w = tokens[k - 2]
    return w.kind == "word" and _is_verbish(w.norm) and not w.text.startswith(("أل", "وأل", "فأل"))


def _participle(w: str) -> bool:
    """داعيا، مطالبين: an accusative participle (its noun is an object), not a finite verb (دعا، طالبوا)."""
    w = _bare(w)
    return w.endswith("ين") or (w.endswith("ا") and not w.endswith("وا") and len(w) >= 5)


def _close_after(tokens, verb: int, t) -> bool:
    """Whether the participants follow the verb as its subject: at once or past a count (خرج آلاف المحتجين),
    not as a later object (أطلقت الشرطة سراح عشرة متظاهرين)."""
    return all(tokens[k].kind == "number" or tokens[k].norm in _QUANTITY for k in range(verb + 1, t.token))


def _verb_before_count(tokens, cl: Clause, t) -> bool:
    """Whether a word that reads as a verb stands right before the participants, past a count
    (سار نحو خمسة آلاف متظاهر، تجمع مئات المحتجين), at the clause's start or after a comma."""
    k = t.token - 1
    while k >= cl.start and (tokens[k].kind == "number" or tokens[k].norm in _QUANTITY):
        k -= 1
    if k < cl.start or t.token - k > 5:
        return False
    if k > cl.start and not (tokens[k - 1].kind == "punct" or tokens[k - 1].norm in ("و", "ف")):
        return False
    w = tokens[k]
    return w.kind == "word" and w.norm not in _NOT_VERB and w.norm not in _QUANTITY and w.norm not in _PREP \
        and not w.text.startswith(("ال", "وال", "بال", "فال", "لل")) and not w.norm.endswith(("ه", "ات"))


def _is_verbish(tok_norm: str) -> bool:
    return not tok_norm.startswith(("ال", "وال", "بال", "لل", "فال"))


def segment(tokens, i0: int, i1: int, cues_at: dict[int, set[str]], trig_at: dict[int, object],
            marks: list[int] | None = None) -> list[Clause]:
    """Cut tokens ``[i0, i1)`` of a sentence into typed clauses.

    ``marks``, when given, are the tokens of ``[i0, i1)`` that may cut or carry a clause, in order: those
    with a cue or a trigger, the punctuation marks and the plain stop words (found here when not given).
    """
    clauses: list[Clause] = []
    cur = Clause(i0, i1, "main")
    last_pred_cat: str | None = None
    parent: Clause | None = None  # the verbless subject clause a relative clause interrupts
    cue_get, trig_get = cues_at.get, trig_at.get
    stops = _PLAIN_STOPS
    # the tokens that may cut or carry a clause, found at once (the test below still passes over the rest)
    if marks is None:
        marks = [i for i, tok in enumerate(tokens[i0:i1], i0)
                 if i in cues_at or i in trig_at or tok.kind == "punct" or tok.norm in stops]
    for i in marks:
        tok = tokens[i]
        cats = cue_get(i, ())
        trig = trig_get(i)
        if not cats and trig is None and tok.kind != "punct" and tok.norm not in _PLAIN_STOPS:
            continue  # a plain word: no boundary, no predicate
        new_kind: str | None = None
        gov: str | None = None
        if tok.kind == "punct" and tok.text in _PUNCT_BOUNDARY:
            nxt = i + 1
            if tok.text == ":" and nxt < i1 and cur.kind in ("main", "reported") and i > cur.start:
                # رابط الخبر: مقتل أربعة ...، وقال: ...: what follows a colon is a clause of its own
                new_kind = "reported" if last_pred_cat == "reporting" else "main"
            elif nxt < i1 and cur.kind in ("sub", "object") and tokens[nxt].norm in _RESULT:
                new_kind = cur.kind  # الهجوم الذي استهدف المسجد، وأسفر عن ...: the result of the same clause
            elif nxt < i1 and (_starts_predicate(tokens[nxt], cues_at.get(nxt, ()), trig_at.get(nxt))
                               or tokens[nxt].norm in _COORD):
                new_kind = "main"
            else:
                new_kind = None  # an apposition or a PP between commas: the clause goes on
            if new_kind is not None:
                _close(clauses, cur, i)
                cur = Clause(i + 1, i1, new_kind, cur.governor)
            continue
        if "complementizers" in cats:
            gov = last_pred_cat
            kind = {"reporting": "reported", None: cur.kind if cur.kind != "sub" else "sub"}.get(gov, "object")
            if gov == "light_verbs":
                kind = cur.kind
            _close(clauses, cur, i)
            cur = Clause(i + 1, i1, kind, gov or "comp")
            continue
        if tok.norm == "حين" and i > i0 and tokens[i - 1].norm in ("في", "وفي"):
            _close(clauses, cur, i)  # في حين = while (a contrast), not a time clause
            cur = Clause(i + 1, i1, "main", None)
            continue
        if "subordinators" in cats and tok.norm not in ("عن", "ضد", "خلال", "وسط", "لدي"):
            # a relative clause inside a subject that has no verb yet (التحالف الذي تقوده واشنطن نفذ ...)
            parent = cur if (tok.norm in _RELATIVE_PRONOUNS and cur.kind in ("main", "reported")
                             and not cur.predicates) else None
            _close(clauses, cur, i)
            cur = Clause(i + 1, i1, "sub", None)
            continue
        if tok.norm in _COORD and i > i0 and not (tok.norm in _ADVERB_COORD and tokens[i - 1].kind != "punct") \
                and not (tok.norm in _BUT_ONLY_BEFORE_THAT and (i + 1 >= i1 or "complementizers" not in cue_get(i + 1, ()))):
            _close(clauses, cur, i)
            cur = Clause(i + 1, i1, "main", None)
            continue
        # و/ف + a predicate: a coordinated clause of the same kind
        # (a word with no cue and no trigger is no predicate: _predicate_cat is asked only of the others)
        pcat = _predicate_cat(tok, cats, trig) if cats or trig is not None else None
        if pcat == "modality" and i + 1 < i1 and tokens[i + 1].norm in _TITLE_AFTER:
            pcat = None  # آية الله: a title, not أية "any"
        if i > cur.start and tok.norm[:1] in ("و", "ف") and pcat is not None \
                and not (trig is not None and trig.pos not in ("v", "p")):
            _close(clauses, cur, i)
            cur = Clause(i, i1, cur.kind if cur.kind != "object" else "object", cur.governor)
        if pcat is not None and parent is not None and cur.kind == "sub" and cur.start + 1 < i <= cur.start + 6 \
                and (cur.predicates or _is_verbish(tokens[cur.start].norm)) \
                and tok.norm[:1] not in ("و", "ف") and tokens[i - 1].kind != "punct":
            # ... its verb after the relative clause's own (الذي تقوده دولة كبرى شن عشر غارات)
            _close(clauses, cur, i)
            cur = Clause(i, i1, parent.kind, parent.governor)
            parent = None
        if pcat is not None:
            cur.predicates.append((i, pcat))
            if cur.kind in ("main", "reported"):
                last_pred_cat = pcat
    _close(clauses, cur, i1)
    return clauses


def _close(clauses: list[Clause], cur: Clause, end: int) -> None:
    cur.end = end
    if cur.end > cur.start:
        clauses.append(cur)


# the cue categories that make a word a predicate (any other cue leaves it none)
_PREDICATE_ANY = frozenset({"denial", "accusation", "stance", "reporting", "light_verbs", "modality", "future"})


def _predicate_cat(tok, cats, trig) -> str | None:
    if trig is not None and trig.pos in ("v", "p"):
        return "trigger"
    if not cats or _PREDICATE_ANY.isdisjoint(cats):
        return None
    # a hamza'd alif (ألقى، وألقت) normalises like the article but is not one
    if not _is_verbish(tok.norm) and not tok.text.startswith(("أل", "وأل", "فأل")):
        return None
    for c in ("denial", "accusation", "stance", "reporting", "light_verbs"):
        if c in cats:
            return c
    if "modality" in cats or "future" in cats:
        return "modality"
    return None


def _starts_predicate(tok, cats, trig) -> bool:
    return _predicate_cat(tok, cats, trig) is not None


def roles(tokens, clauses: list[Clause], triggers, cues_at) -> dict[int, TriggerRole]:
    """For each trigger (by id), its clause and whether it carries that clause."""
    out: dict[int, TriggerRole] = {}
    trig_tokens = frozenset(t.token for t in triggers)
    for t in triggers:
        cl = next((c for c in clauses if c.start <= t.token < c.end), None)
        if cl is None:
            continue
        out[id(t)] = _role(tokens, cl, t, cues_at, trig_tokens)
    return out


def _role(tokens, cl: Clause, t, cues_at, trig_tokens=frozenset()) -> TriggerRole:
    if cl.kind in ("sub", "object"):
        return TriggerRole(cl, False, cl.kind)
    before = [(i, c) for i, c in cl.predicates if i < t.token]
    verb = t.pos in ("v", "p")
    if verb:
        if t.present and _asyndetic(tokens, cl, t):
            return TriggerRole(cl, False, "describes-noun")  # مقاتلين تدعمهم الضربات: a relative without الذي
        if not before:
            return TriggerRole(cl, True, "first-verb")
        first_i, first_c = before[0]
        if first_c in _OPAQUE or first_c == "modality":
            return TriggerRole(cl, False, "under-" + first_c)
        if first_c in ("light_verbs", "reporting"):
            if any(first_i < k < t.token for k in trig_tokens):
                return TriggerRole(cl, False, "after-event-noun")  # تظاهرات تطالب ...: a description
            return TriggerRole(cl, True, "after-" + first_c, first_i)
        return TriggerRole(cl, False, "second-verb")
    # nouns, participants, casualty words
    prev = tokens[t.token - 1].norm if t.token - 1 >= cl.start else ""
    under_prep = prev in _PREP or t.prefix.startswith(("ب", "وب", "فب", "ل", "ول", "فل")) and t.prefix not in ("ل",)
    strict = t.type in _STRICT_TYPES and t.entry.mode not in ("intervene", "riot")
    if t.entry.heads and not before and (not under_prep or t.entry.counted):  # المئات من الجنود: a count's من
        return TriggerRole(cl, True, "under-head", cl.start)  # حققت القوات الكردية الأحد تقدما: its head verb governs it
    if not before and prev in _EXPRESS_ABOUT and _expressed(tokens, cl, t):
        return TriggerRole(cl, True, "under-light_verbs", cl.start)  # عبر الرئيس عن تضامن بلاده: expressed
    if not before and not strict and t.pos != "pn" and "ل" not in t.prefix and _unknown_verb_first(tokens, cl, t):
        return TriggerRole(cl, True, "under-verb", cl.start)
    if t.pos == "pn":
        # المتظاهرون: an event as the subject right after a verb (رفع المتظاهرون، خرج المحتجون)
        nominative = t.key.endswith("ون") and t.key.startswith("ال")  # المعتصمون: a subject, not an object
        if (before and before[0][1] == "light_verbs" and _close_after(tokens, before[0][0], t)) or (
                not before and not t.prefix and _verb_before_count(tokens, cl, t)) or (
                before and nominative and len(before) == 1 and t.token - before[0][0] == 1
                and not _participle(tokens[before[0][0]].norm)):  # دعا المعتصمون، أكد المتظاهرون
            return TriggerRole(cl, True, "participants-subject", before[0][0] if before else cl.start)
        return TriggerRole(cl, False, "participants")
    if not before:
        # nominal clause: the noun is the head when it comes first (after particles, figures, adverbs)
        lead = [tokens[k] for k in range(cl.start, t.token)
                if tokens[k].kind not in ("punct",) and tokens[k].norm not in ("و", "ف")]
        if t.entry.weak and t.pos == "n" and ("ال" in t.prefix or t.key.startswith("ال") or t.type == "PROTEST"):
            return TriggerRole(cl, False, "weak-head")  # العنف الاستباقي يحول ...: a topic, not a report
        if t.pos == "c" and not (lead and all(x.kind == "number" or x.norm in _QUANTITY for x in lead)):
            return TriggerRole(cl, False, "uncounted")  # شهيد الإسلام، المصاب مصاب الجميع: no count, no report
        if (len(lead) <= 1 and not under_prep) or (lead and all(x.kind == "number" for x in lead)):
            return TriggerRole(cl, True, "nominal-head")
        return TriggerRole(cl, False, "no-predicate")
    first_i, first_c = before[0]
    if prev in _TIME_PREP:
        return TriggerRole(cl, False, "after-" + prev)
    if t.entry.heads:
        return TriggerRole(cl, True, "under-head", first_i)
    if first_c == "reporting" and tokens[first_i].norm not in _ANNOUNCE:
        return TriggerRole(cl, False, "after-speech-verb")
    if first_c == "light_verbs" and tokens[first_i].norm in _UNDERGO and t.prefix in ("ل", "لل") \
            and t.type in ("ASSAULT", "COERCE") and t.token - first_i <= 5 \
            and not (first_i > 0 and _bare(tokens[first_i - 1].norm) in _BEFORE_NOUN) \
            and not _after_indefinite_comma(tokens, first_i):
        return TriggerRole(cl, True, "undergo", first_i)  # تعرضت قرية لقصف: the attack it suffered
    if first_c in ("light_verbs", "reporting") and t.prefix in ("ل", "لل", "ول", "ولل", "فل", "فلل"):
        return TriggerRole(cl, False, "genitive")  # الشرارة الأولى للتظاهرات: a complement of another noun
    if t.pos == "c" and first_c == "light_verbs" and _bare(tokens[first_i].norm) not in _CASUALTY_VERBS:
        return TriggerRole(cl, False, "casualty-not-reported")  # لا تزال مستعدة لإجلاء القتلى
    clitic = t.prefix[:-2] if t.prefix.endswith("ال") else t.prefix  # the article's lam is not the preposition
    if first_c == "light_verbs" and under_prep and clitic[-1:] in ("ب", "ل") and _bare(tokens[first_i].norm) not in _DO:
        return TriggerRole(cl, False, "light-verb-pp")  # تواصل القوات بدعم من التحالف تنفيذ عمليات: a manner
    if first_c in ("light_verbs", "reporting"):
        # the first event noun after a light/reporting verb carries the clause
        between = [i for i, c in before[1:] if not (c == "reporting" and _bare(tokens[i].norm) in _SOURCE_NOUNS)]
        # أعلنت الحكومة، السبت 25 يوليو، عن اعتقال ...: the object of an announcement after عن, past a date
        reach = 12 if first_c == "light_verbs" or tokens[first_i].norm in _ANNOUNCE else 6
        if first_c == "light_verbs" and not t.prefix and t.key.endswith("ا") and t.pos == "n":
            reach = 20  # بدأت القوات ... بإسناد جوي هجوما كبيرا: an indefinite object, past a long subject
        if not between and t.token - first_i <= reach:
            return TriggerRole(cl, True, "under-" + first_c, first_i)
        return TriggerRole(cl, False, "far-from-" + first_c)
    if first_c == "trigger":
        return TriggerRole(cl, False, "argument-of-verb")
    return TriggerRole(cl, False, "under-" + first_c)
