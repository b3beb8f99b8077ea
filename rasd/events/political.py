"""Political and diplomatic events told inside another predicate: a joint press conference or a meeting
held far from its light verb, and a speech act told as what came just before the main event.

Called by :mod:`rasd.events.sentence` (``promote``) once a sentence's main predicates are known; the word
lists are data (``data/events/political.yaml``).
"""

from __future__ import annotations

import re

from rasd.lexicon import load_yaml, word_set
from rasd.text.normalize import normalize_word

_DATA = "events/political.yaml"
_SETTING = word_set(_DATA, "setting_preps")
_JOINT = word_set(_DATA, "joint_meetings")
_HOLD = word_set(_DATA, "hold_verbs")
_AFTER = word_set(_DATA, "after_words")
_SPEECH = frozenset(load_yaml(_DATA)["speech_types"])
_SPEECH_NOUNS = word_set(_DATA, "speech_nouns")
_CAUSE = word_set(_DATA, "cause_words")
_ARRIVAL = word_set(_DATA, "arrival_verbs")
_VISIT_NOUNS = word_set(_DATA, "visit_nouns")
_VISITORS = word_set(_DATA, "visitor_words")
_VISITOR_REACH = 6  # words after the arrival verb within which its official subject stands
_FUTURE_AFTER = word_set(_DATA, "future_after")
_OBLIGATION = word_set(_DATA, "obligation")
_OBLIGATION_AN = word_set(_DATA, "obligation_an")
_AN = normalize_word("أن")
_FI = normalize_word("في")
_AIM = word_set(_DATA, "aim_words")
_NOUN_REACH = 8  # how far after a noun its future adjective may stand (زيارة الوزير ... المرتقبة)
_FUTURE_VERB = re.compile(r"^[وف]?س[يتن]\w{3,}$")
_NOT_VERB_ENDINGS = tuple(load_yaml(_DATA)["not_verb_endings"])  # سنوات، سيطره، سياسيين: nouns
_SUBJECT_THAT = word_set(_DATA, "subject_that")
_SUBJECT_THAT_TYPES = frozenset(load_yaml(_DATA)["subject_that_types"])
_NOT_BEFORE_THAT = word_set(_DATA, "not_before_that")
_ARRIVAL_FROM = word_set(_DATA, "arrival_from")
_PARTICIPLES = word_set(_DATA, "act_participles")
_GIVE = word_set(_DATA, "give_verbs")
_GIVE_REACH = int(load_yaml(_DATA)["give_reach"])
_POSSESSIVE = tuple(load_yaml(_DATA)["possessive_endings"])  # as written (not a ta marbuta)
_GREET_OPENERS = word_set(_DATA, "greet_openers")
_GREET_NOUNS = word_set(_DATA, "greet_nouns")
_RELATIVES = word_set("events/words.yaml", "clauses_relative_pronouns")
_SUBJECT_REACH = 5  # words between the complementiser and the relative pronoun: a verbless subject (التقارير الإعلامية)


def promote(st, make_main) -> None:
    """Add to ``st.mains`` (through ``make_main(st, trigger, reason)``) the political events of the sentence
    that stand under another predicate but took place."""
    kinds = {t.type for t in st.ts}
    if "CONSULT" in kinds:
        _joint_meeting(st, make_main)
        _held_meeting(st, make_main)
        _visit_arrived(st, make_main)
        _greeted(st, make_main)
    if st.mains and not kinds.isdisjoint(_SPEECH):
        _speech_before(st, make_main)
    if st.mains:
        _act_participle(st, make_main)
    if "AID" in kinds:
        _aid_arrived(st, make_main)
        _aid_given(st, make_main)
    if "REJECT" in kinds:
        _said_after_relative(st, make_main)


def _joint_meeting(st, make_main) -> None:
    """قال الوزير في مؤتمر صحافي مشترك مع نظيره: the press conference is a meeting that took place."""
    if any(t.type == "CONSULT" for t in st.mains):
        return
    tokens = st.tokens
    for t in st.ts:
        if t.type == "CONSULT" and t.key in _JOINT and t.token > st.i0 and st.rl.get(id(t)) is not None \
                and not st.rl[id(t)].main and tokens[t.token - 1].norm in _SETTING:
            make_main(st, t, "joint-meeting")
            return


def _held_meeting(st, make_main) -> None:
    """عقد الملك في قصره بالرياض، اليوم، جلسة مباحثات مع ...: a meeting noun under a verb that holds it."""
    if any(t.type == "CONSULT" for t in st.mains):
        return
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.type == "CONSULT" and t.pos == "n" and role is not None and role.reason == "far-from-light_verbs" \
                and role.clause.kind == "main" and st.tokens[role.clause.predicates[0][0]].norm in _HOLD:
            make_main(st, t, "held-meeting")
            return


def _visit_arrived(st, make_main) -> None:
    """وصل وزير الخارجية إلى بغداد في زيارة رسمية: an official's arrival on a visit is the visit (not
    refugees', troops' or aid's arrival: the verb's subject must be an official or a delegation)."""
    if any(t.type == "CONSULT" for t in st.mains):
        return
    tokens = st.tokens
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.type != "CONSULT" or (t.key not in _VISIT_NOUNS and t.key not in _ARRIVAL_FROM) or role is None \
                or role.main \
                or role.reason != "no-predicate" or role.clause.kind != "main" or role.clause.predicates:
            continue
        k = role.clause.start
        while k < t.token and tokens[k].kind == "punct":
            k += 1
        if tokens[k].norm not in _ARRIVAL:
            continue
        words = [tokens[j].norm for j in range(k + 1, min(t.token, k + 1 + _VISITOR_REACH)) if tokens[j].kind != "punct"]
        if any(w in _VISITORS for w in words):
            make_main(st, t, "visit-arrived")
            return


def greeting(tokens, s0: int) -> bool:
    """Whether the sentence from ``s0`` opens with وكان في استقباله (the officials who met a visitor on arrival)."""
    return s0 + 2 < len(tokens) and tokens[s0].norm in _GREET_OPENERS and tokens[s0 + 1].norm == _FI \
        and tokens[s0 + 2].norm in _GREET_NOUNS


def _greeted(st, make_main) -> None:
    """وكان في استقبال الوزير لدى وصوله نظيره ...: the officials who received a visitor met him."""
    if any(t.type == "CONSULT" for t in st.mains) or not greeting(st.tokens, st.i0):
        return
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.type == "CONSULT" and t.token == st.i0 + 2 and role is not None and not role.main:
            make_main(st, t, "greeted")
            return


def arrival_without_visitor(tokens, t, i0: int) -> bool:
    """Whether ``t`` is an arrival from somewhere (قادما من) whose arrival verb has no official or delegation
    for subject (وصلت الطائرة ... قادمة من القاهرة): a plane, troops or refugees, not a visit."""
    if t.key not in _ARRIVAL_FROM:
        return False
    verb = next((k for k in range(t.token - 1, max(i0, t.token - 8) - 1, -1) if tokens[k].norm in _ARRIVAL), None)
    if verb is None:
        return True
    return not any(tokens[j].norm in _VISITORS for j in range(verb + 1, min(t.token, verb + 1 + _VISITOR_REACH)))


def act_participle(trig) -> bool:
    """Whether ``trig`` is a participle telling an act beside the main event (متهما): the denial or
    accusation before it in its sentence is the main event's, not its own frame."""
    return trig.key in _PARTICIPLES


def _act_participle(st, make_main) -> None:
    """نفى الرئيس الاتهامات، متهما قوى خارجية بنشر دعاية: the accusation told as the circumstance of the main
    event (after it and a comma, with its object after it: not الإطاحة بـ33 متهما، ضبطت الشرطة شخصا، متهما
    بالسرقة) is an act of its own, of another type."""
    have = {t.type for t in st.mains}
    first = min(t.token for t in st.mains)
    for t in st.ts:
        if t.key in _PARTICIPLES and t.type not in have and t.token > first and not t.prefix \
                and st.tokens[t.token - 1].kind == "punct" and t.token + 1 < st.i1 \
                and not st.tokens[t.token + 1].norm.startswith("ب") \
                and st.rl.get(id(t)) is not None and not st.rl[id(t)].main:
            make_main(st, t, "participle")
            return


def _speech_before(st, make_main) -> None:
    """هدد الجيش بالرد بعد اتهامه بيونغيانغ بزرع ألغام: the accusation (its subject's own) happened too."""
    if not st.mains:
        return
    have = {t.type for t in st.mains}
    tokens = st.tokens
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.type in _SPEECH and t.type not in have and t.key in _SPEECH_NOUNS and role is not None and not role.main \
                and role.clause.kind == "main" and t.token > st.i0 and tokens[t.token - 1].norm in _AFTER \
                and tokens[t.token].text.endswith(_POSSESSIVE) and not t.prefix:
            make_main(st, t, "speech-before")
            return


def _said_after_relative(st, make_main) -> None:
    """قالت السفارة إن التقارير التي أفادت بخطف طيارين غير صحيحة: a stance word told as what a speaker said
    (``ctx: said``), at the end of a relative clause on the verbless subject after the complementiser, is the
    predicate of what was said."""
    if any(t.type == "REJECT" for t in st.mains):
        return
    tokens = st.tokens
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.entry.ctx != "said" or role is None or role.main or role.clause.kind != "sub":
            continue
        rel = role.clause.start - 1
        if rel > st.i0 and tokens[rel].norm in _RELATIVES and any(
                "complementizers" in st.cues_at.get(k, ()) for k in range(max(st.i0, rel - _SUBJECT_REACH), rel)):
            make_main(st, t, "said-after-relative")
            return


def _aid_arrived(st, make_main) -> None:
    """هبطت اليوم بمطار عدن طائرة ... تحمل مساعدات إنسانية: aid told as the cargo of an arrival was delivered."""
    if any(t.type == "AID" for t in st.mains):
        return
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.type == "AID" and role is not None and not role.main and role.reason == "no-predicate" \
                and role.clause.kind == "main" and not role.clause.predicates:
            k = role.clause.start
            while k < t.token and st.tokens[k].kind == "punct":
                k += 1
            if st.tokens[k].norm in _ARRIVAL:
                make_main(st, t, "arrived")
                return


def _aid_given(st, make_main) -> None:
    """قدمت الحكومة 180 طنا من المساعدات الإنسانية إلى ...: aid told as the counted object of a giving verb
    that opens the clause was delivered."""
    if any(t.type == "AID" for t in st.mains):
        return
    for t in st.ts:
        role = st.rl.get(id(t))
        if t.type == "AID" and role is not None and not role.main and role.clause.kind == "main" \
                and not role.clause.predicates:
            k = role.clause.start
            while k < t.token and st.tokens[k].kind == "punct":
                k += 1
            if st.tokens[k].norm in _GIVE and t.token - k <= _GIVE_REACH \
                    and any(st.tokens[j].kind == "number" for j in range(k + 1, t.token)):
                make_main(st, t, "given")
                return


def frame(tokens, s0: int, cs: int, t: int, cend: int, trig, cues_at) -> tuple[str, str] | None:
    """(factuality, cue) when a political frame decides the word at ``t`` (clause ``[cs, cend)`` of the
    sentence starting at ``s0``): an obligation before it (علينا أن ندين), a future adjective after a noun
    (زيارة الوزير المرتقبة)، a future time earlier in the sentence for a present verb with no time of its
    own (يزور الوزير إيران الأسبوع المقبل، ويلتقي الرئيس); None otherwise."""
    aim = "purpose" in cues_at.get(t, ()) or (t > s0 and tokens[t - 1].norm in _AIM)
    if aim:  # وستلتقي الوزير، لبحث العلاقات / ستزور طهران لإجراء محادثات: the aim of a visit to come
        fut = next((k for k in range(s0, t) if _future_verb(tokens[k].norm)), None)
        if fut is not None:
            return "future", tokens[fut].text
    if trig.type in _SUBJECT_THAT_TYPES and t - 1 >= s0 and tokens[t - 1].norm in _SUBJECT_THAT and not (t - 2 >= s0 and tokens[t - 2].norm in _NOT_BEFORE_THAT):
        fut = next((k for k in range(t + 1, min(cend, t + _NOUN_REACH)) if _future_verb(tokens[k].norm)), None)
        if fut is not None:  # قال إن رفض البرلمان الاتفاق سيضعف الحكومة: the subject of a prediction
            return "hypothetical", tokens[fut].text
    for k in range(max(s0, t - 4), t):
        if tokens[k].norm in _OBLIGATION or (tokens[k].norm in _OBLIGATION_AN and tokens[k + 1].norm == _AN):
            return "hypothetical", tokens[k].text
    if trig.pos == "n" or trig.key.endswith("ه"):  # a noun (زيارة is listed with the verbs)
        for k in range(t + 1, min(cend, t + _NOUN_REACH)):
            if tokens[k].norm in _FUTURE_AFTER and not (k + 1 < cend and tokens[k + 1].norm == "من"):
                return "future", tokens[k].text
    if trig.present and not any("concrete_time" in cues_at.get(k, ()) for k in range(cs, cend)):
        for k in range(s0, cs):
            if tokens[k].norm in _FUTURE_AFTER:
                return "future", tokens[k].text
    return None


def _future_verb(norm: str) -> bool:
    """Whether a word reads as a verb with the future prefix (وستلتقي، سيبحث)."""
    return bool(_FUTURE_VERB.match(norm)) and not norm.endswith(_NOT_VERB_ENDINGS)


def cause_between(tokens, t: int, k: int) -> bool:
    """Whether a cause word (في أعقاب، بسبب، ردا) stands between the word at ``t`` and a later cue at ``k``."""
    return any(tokens[j].norm in _CAUSE for j in range(t + 1, k))
