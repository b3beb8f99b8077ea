"""Did it happen?  Factuality of a trigger from the cues around it, and background/generic flags.

``factuality`` is one of asserted | negated | future | hypothetical | reported (the schema's values):
negation and denial scope over the next few words of their clause; future, conditional, question,
modality (may, can, fear, warning, attempt, prevention) and accusation (alleged) cues scope over
what follows them in the sentence.  Separately, ``background`` says a true event is not news:
history (منذ 2011، وكان ... قد، dates long before publication) or a generic trend (متكررة، موجة).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from rasd.events.cues import CueIndex, between
from rasd.events.political import act_participle, cause_between, greeting
from rasd.events.political import frame as _political_frame
from rasd.lexicon import word_set
from rasd.text.normalize import normalize_word

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_QAD = normalize_word("قد")
_WORDS = "events/words.yaml"  # the word lists of this module, as data
_KANA = word_set(_WORDS, "factuality_kana")
_NEAR_NEG = 3
_BACKGROUND_OPENERS = word_set(_WORDS, "factuality_background_openers")
_NEAR_MOD = 4
_HABIT_TYPES = frozenset({"ASSAULT", "PROTEST"})
# and these imperfects of a stance or a tie (ويدعم العلويون النظام)
_HABIT_WORDS = word_set("events/political.yaml", "habit_verbs")


@dataclass(slots=True)
class Factuality:
    """What the cues say about one trigger."""

    value: str  # asserted | negated | future | hypothetical | reported
    background: str | None = None  # history | generic | None
    cue: str | None = None  # the cue word that decided it


def judge(tokens, s0: int, s1: int, trig, clause, cues_at: dict[int, set[str]], sentence_text: str,
          published: _dt.date | None, date_values: list[tuple[int, str]], head: int | None = None,
          index: CueIndex | None = None) -> Factuality:
    """Factuality of ``trig`` in the sentence of tokens ``[s0, s1)``.

    ``date_values`` are (token index, ISO value) of the dates in the sentence; ``index`` is the
    :class:`CueIndex` of ``cues_at`` and ``tokens`` (built here when not given).
    """
    if index is None:
        index = CueIndex(cues_at, tokens)
    t = trig.token
    cs = clause.start if clause is not None else s0
    if trig.entry.ctx == "said" and not _said(tokens, s0, t, clause, index, trig):
        return Factuality("hypothetical", cue=trig.key)  # المواقف المرفوضة: a judgement, not a statement made
    such = _such(tokens, t, s0, s1)
    if such is not None:
        return Factuality("hypothetical", cue=such)  # اتفاق كهذا، مثل هذه الهجمات: a kind, not one event
    # --- negation: a negator within a few words before the word or its governing verb --------
    near = list(range(max(cs, t - _NEAR_NEG), t))
    if head is not None and head < t:
        near = list(range(max(s0, head - _NEAR_NEG), head + 1)) + near
    # a complement inherits the negation or modality of the clause that governs it
    # (لا يمكننا التأكيد أن البلد يدعم ...)
    if clause is not None and (clause.kind in ("reported", "object") or clause.governor == "comp") \
            and clause.start > s0:
        for k in range(max(s0, clause.start - 6), clause.start):
            cats = cues_at.get(k, ())
            if "negation" in cats and "negation_exceptions" not in cues_at.get(k + 1, ()) \
                    and not _negates_nothing(tokens, k, cues_at, t):
                return Factuality("negated", cue=tokens[k].text)
            if ("modality" in cats and not title_cue(tokens, k)) or "conditional" in cats:
                return Factuality("hypothetical", cue=tokens[k].text)
    # a negator opening the clause (ولم تفرض الدول أي عقوبات) negates its first predicate's words
    k0 = cs
    while k0 < t and tokens[k0].kind == "punct":
        k0 += 1
    if k0 < t and "negation" in cues_at.get(k0, ()) and t - k0 <= 8 \
            and "negation_exceptions" not in cues_at.get(k0 + 1, ()) and not _negates_nothing(tokens, k0, cues_at, t):
        return Factuality("negated", cue=tokens[k0].text)
    for k in near:
        cats = cues_at.get(k, ())
        if "negation" in cats:
            nxt = tokens[k + 1].norm if k + 1 < s1 else ""
            if "negation_exceptions" in cues_at.get(k + 1, ()) or nxt in ("يزال", "تزال", "زال", "زالت", "سيما") \
                    or _negates_nothing(tokens, k, cues_at, t):
                continue
            return Factuality("negated", cue=tokens[k].text)
    # denial, accusation, conditional, future, modality anywhere before in the sentence
    # (but a main coordinated clause after them resets their scope)
    reset = clause.start if clause is not None and clause.kind == "main" else s0
    # نفى الرئيس الاتهامات، متهما ...: the denial or accusation before an act participle is the main event's
    for k in index.keys_in(t if act_participle(trig) else s0, t):
        cats = cues_at[k]
        if "denial" in cats and k >= s0 and (k >= reset or clause.kind != "main"):
            return Factuality("negated", cue=tokens[k].text)
        if "conditional" in cats:
            return Factuality("hypothetical", cue=tokens[k].text)
        if "accusation" in cats and (k >= reset or clause.kind != "main"):
            return Factuality("hypothetical", cue=tokens[k].text)
    # a purpose frame (لبحث، من أجل، بهدف) before the word in its clause, with no comma between: the aim
    # or topic of talks (التقى الوزير وفدا لبحث وقف إطلاق النار) is not an event that happened
    purpose = index.positions("purpose", s0, t)
    if purpose and not between(index.puncts, purpose[-1], t):
        return Factuality("hypothetical", cue=tokens[purpose[-1]].text)
    if trig.future:
        return Factuality("future", cue=trig.prefix)
    for k in index.positions("future", cs, t):
        if tokens[k].norm not in ("خطه",):
            return Factuality("future", cue=tokens[k].text)
    cend = clause.end if clause is not None else s1
    frame = political_frame(tokens, s0, cs, t, cend, trig, cues_at)
    if frame is not None:
        return frame
    # future time words after the trigger in its clause (يعقد الاجتماع الأسبوع المقبل)
    for k in index.positions("future", t + 1, cend):
        if tokens[k].norm in _FUTURE_TIME:
            return Factuality("future", cue=tokens[k].text)
    for k in range(max(cs, t - _NEAR_MOD), t):
        cats = cues_at.get(k, ())
        if "modality" in cats and not title_cue(tokens, k):
            return Factuality("hypothetical", cue=tokens[k].text)
        if tokens[k].norm in (_QAD, "و" + _QAD) and trig.present:
            return Factuality("hypothetical", cue=tokens[k].text)
    if trig.present and k_has(tokens, t - 1, ("قد", "وقد")):
        return Factuality("hypothetical", cue="قد")
    stripped = sentence_text.rstrip(" .»\"”'")
    if stripped.endswith(("?", "؟")) or (s0 < s1 and "question" in cues_at.get(s0, ())):
        return Factuality("hypothetical", cue="?")
    value = "asserted"
    cue = None
    if clause is not None and clause.kind == "reported":
        value = "reported"
    else:
        for k in index.positions("reporting", s0, s1):
            if tokens[k].norm in _ATTRIBUTION:
                value, cue = "reported", tokens[k].text
                break
    bg = _background(tokens, s0, s1, t, cs, cues_at, published, date_values, trig.present, index, cend,
                     trig.pos == "v")
    if bg is None and clause is not None and (clause.kind == "reported" or clause.governor == "comp") \
            and index.has("generic", max(s0, clause.start - 5), clause.start):
        bg = "generic"  # أوردت الصحيفة أرقاما تبين أن 126 ... قتلوا: statistics, not one event
    if bg is None and trig.pos in ("v", "p") and _since(tokens, t, cend, cues_at):
        bg = "generic"  # قتل التنظيم منذ سيطرته على المدينة 2070 شخصا: a running total
    if bg is None and trig.present and (trig.type in _HABIT_TYPES or trig.key in _HABIT_WORDS) and not date_values \
            and not index.has("concrete_time", s0, s1) and not _counted(tokens, t, cend) \
            and not _own_stance(tokens, t, clause, trig):
        bg = "generic"  # يقتلون ...: an imperfect with no time of its own is a habit or a trend
    return Factuality(value, bg, cue)


_SUCH_AFTER = word_set(_WORDS, "factuality_such_after")
_SUCH_BEFORE = word_set(_WORDS, "factuality_such_before")
_THIS = word_set(_WORDS, "factuality_this")


def _such(tokens, t: int, s0: int, s1: int) -> str | None:
    """The word that makes the event word a kind of event: كهذا right after it, مثل هذا right before it."""
    if t + 1 < s1 and tokens[t + 1].norm in _SUCH_AFTER:
        return tokens[t + 1].text
    if t - 2 >= s0 and tokens[t - 2].norm in _SUCH_BEFORE and tokens[t - 1].norm in _THIS:
        return tokens[t - 2].text
    return None


_MUNDHU = word_set(_WORDS, "factuality_mundhu")
_RELATIVES = word_set(_WORDS, "clauses_relative_pronouns")


_SINCE_REACH = 8  # a منذ phrase further than this from the word tells of another part of the sentence
_AFTER_REACH = 14  # a time this far after the word belongs to a later clause


def _old_time_governs(tokens, s0, s1, t, index, published, date_values):
    """A test for an old date or year at token ``k``: may it make the word at ``t`` history?

    When the sentence also tells a recent time (a date within a week of publication, أمس ...), the old
    one does not when the recent one stands closer to the word (استهدفت طائرات أمس مواقع ... في أول
    تدخل منذ 2011), when it opens a منذ phrase far from the word, or when it comes long after the word
    (... أمس ...، في أسوأ تصعيد منذ أن وقع الطرفان اتفاقا عام 2013): such a time dates the
    background the sentence adds, not the event it reports.
    """
    recent = [k for k, v in date_values if v and len(v) >= 10 and -1 <= _days_before(published, v) <= 7]
    recent += index.positions("concrete_time", s0, s1)
    nearest = min((abs(k - t) for k in recent), default=None)

    def governs(k: int) -> bool:
        since = any(tokens[j].norm in _MUNDHU for j in range(max(s0, k - 3), k))
        if since and k > t and any(tokens[j].norm in _RELATIVES for j in range(t + 1, k)):
            return False  # التحالف الذي تقوده السعودية منذ مارس: how long a state of a noun after the word lasts
        if nearest is None:
            return True
        return not (nearest < abs(k - t) or k - t > _AFTER_REACH or (since and abs(k - t) > _SINCE_REACH))

    return governs


def _since(tokens, t: int, end: int, cues_at) -> bool:
    """Whether منذ + a non-concrete time follows the verb at once (قتل منذ سيطرته ...): a total since then."""
    for k in range(t + 1, min(end, t + 3)):
        if tokens[k].norm in _MUNDHU:
            return k + 1 < end and "concrete_time" not in cues_at.get(k + 1, ()) and tokens[k + 1].kind != "number"
    return False


_OWN_SIDE = word_set(_WORDS, "factuality_own_side")
_HOWEVER = word_set(_WORDS, "factuality_however")
_WITHOUT_BEFORE = word_set(_WORDS, "factuality_without_before")


def _negates_nothing(tokens, k: int, cues_at, t: int) -> bool:
    """Whether the negator at ``k`` negates nothing of the event word at ``t``: غير أن ("however"), not من غير
    أن ("without"); or غير before another word, which it negates alone (وعدد غير معروف من الجرحى، جهات غير
    معلومة تدعو ...)."""
    if tokens[k].norm not in _HOWEVER:
        return False
    if "complementizers" in cues_at.get(k + 1, ()):
        return not (k > 0 and tokens[k - 1].norm in _WITHOUT_BEFORE)
    return k + 1 != t


_TITLE_AFTER = word_set(_WORDS, "factuality_title_after")


def title_cue(tokens, k: int) -> bool:
    """Whether the modality cue at ``k`` is the first word of a title (آية الله), not "any"."""
    return k + 1 < len(tokens) and tokens[k + 1].norm in _TITLE_AFTER


_DENY_CONTENT = word_set("events/political.yaml", "deny_content")
_DENY_REPORTS = word_set("events/political.yaml", "deny_reports")


def _said(tokens, s0: int, t: int, clause, index: CueIndex, trig) -> bool:
    """Whether the stance word at ``t`` is what a speaker said: in a reported clause, or after a speech verb and
    its complementiser in its sentence (أكد أن الأخبار التي وردت ...، غير صحيحة); a denial of that kind only
    with a word for reports before it in what was said (الأنباء، التقارير، ما تردد)."""
    comps = index.positions("complementizers", s0, t)
    if comps and index.has("reporting", s0, comps[-1]):
        lo = comps[-1] + 1
    elif clause is not None and clause.kind == "reported":
        lo = clause.start  # وقال: هذا التصريح ... مرفوض (after a colon)
    else:
        return False
    if trig.key not in _DENY_CONTENT:
        return True
    return any(tokens[k].norm in _DENY_REPORTS or tokens[k].norm[1:] in _DENY_REPORTS for k in range(lo, t))


def _own_stance(tokens, t: int, clause, trig) -> bool:
    """Whether a stance verb tells what the speaker's own side holds (أكد أن بلاده تدعم الحل السياسي): the
    statement made, not a habit."""
    return trig.type not in _HABIT_TYPES and clause is not None and clause.kind == "reported" \
        and any(tokens[k].norm in _OWN_SIDE for k in range(max(clause.start, t - 2), t))


def _counted(tokens, t: int, end: int) -> bool:
    """Whether a count follows the imperfect closely (مسلح يقتل ويصيب 9 أشخاص): a headline's one event, not a habit."""
    return any(tokens[k].kind == "number" and not _YEAR.fullmatch(tokens[k].norm) for k in range(t + 1, min(end, t + 5)))


def k_has(tokens, k: int, words: tuple[str, ...]) -> bool:
    """Whether token ``k`` is one of ``words``."""
    return 0 <= k < len(tokens) and tokens[k].norm in words


_FUTURE_TIME = word_set(_WORDS, "factuality_future_time")


def political_frame(tokens, s0: int, cs: int, t: int, cend: int, trig, cues_at) -> Factuality | None:
    """The future or obligation frames of political news (see :func:`rasd.events.political.frame`)."""
    found = _political_frame(tokens, s0, cs, t, cend, trig, cues_at)
    return Factuality(found[0], cue=found[1]) if found else None
_ATTRIBUTION = word_set(_WORDS, "factuality_attribution")


def is_old(published: _dt.date, value: str) -> bool:
    """Whether the ISO date ``value`` (day, month or year) lies well before ``published``: a day more
    than 45 days before, a month more than two months before, an earlier year."""
    try:
        y = int(value[:4])
        if len(value) >= 10:
            return (published - _dt.date.fromisoformat(value[:10])).days > 45
        if len(value) == 7:
            return (published.year - y) * 12 + published.month - int(value[5:7]) > 2
    except ValueError:
        return False
    return y < published.year


def _days_before(published: _dt.date, value: str) -> int:
    try:
        return (published - _dt.date.fromisoformat(value[:10])).days
    except ValueError:
        return 10**6


def _object_relative(tokens, t: int, k: int) -> bool:
    """Whether the word at ``k`` stands inside a relative clause (no punctuation between them) whose pronoun
    follows the verb at ``t`` past the word right after it (نفت الحكومة الأخبار التي انتشرت في الأيام الأخيرة):
    ``k`` tells of the verb's object, not of the verb (وتدين الحركتان، اللتان ...، باستمرار: of the verb)."""
    for j in range(k - 1, t + 1, -1):
        if tokens[j].kind == "punct":
            return False
        if tokens[j].norm in _RELATIVES:
            return True
    return False


def _background(tokens, s0, s1, t, cs, cues_at, published, date_values, present: bool = False,
                index: CueIndex | None = None, clause_end: int | None = None, verb: bool = False) -> str | None:
    if index is None:
        index = CueIndex(cues_at, tokens)
    # كان + an imperfect verb: a habit of the past (كانت تقصف ...)
    if present and any(tokens[k].norm in _KANA for k in range(max(s0, t - 3), t)):
        return "history"
    dated = [v for _k, v in date_values if v and len(v) >= 10]
    if dated and published is not None:
        recent = any(_days_before(published, v) <= 7 for v in dated)
    else:
        recent = index.has("concrete_time", s0, s1)
    # يذكر أن / تجدر الإشارة / يشار إلى أن open a background sentence, unless it tells of the last days
    # (ويذكر أن المقاومة انتزعت يوم أمس آخر حصون المتمردين)
    if any(tokens[k].norm in _BACKGROUND_OPENERS for k in range(s0, min(s1, s0 + 2))) and not (
            any(_days_before(published, v) <= 3 for v in dated) if dated and published is not None else recent):
        return "history"
    # a sentence that opens with كان/كانت (وكانت الحكومة أكدت ...) is background, unless recent
    if tokens[s0].norm in _KANA and not recent and not greeting(tokens, s0):  # (not وكان في استقباله)
        return "history"
    # "كان ... قد" pluperfect before the trigger: background
    if not recent:
        for k in range(s0, t):
            if tokens[k].norm in _KANA and any(tokens[j].norm == _QAD for j in range(k + 1, min(t + 1, k + 8))):
                return "history"
    cend = clause_end if clause_end is not None else s1  # a trend after a cause word in a later clause is the cause's
    for k in index.keys_in(cs, min(s1, t + 12)):
        cats = cues_at[k]
        if "generic" in cats and (k < t or k < cend or not cause_between(tokens, t, k)) \
                and not (verb and _object_relative(tokens, t, k)):  # (not a cause's trend, nor its object's)
            return "generic"
        if "history" in cats and tokens[k].norm not in _KANA and tokens[k].norm != "عام" and (k < t or k - t <= 6):
            return "history"
    if published is not None:
        governs = _old_time_governs(tokens, s0, s1, t, index, published, date_values)
        for k, value in date_values:
            if value and governs(k) and is_old(published, value):
                return "history"
        # a bare year in the sentence, older than the publication year
        for k in between(index.numbers, s0, s1):
            tok = tokens[k]
            if tok.kind == "number" and _YEAR.fullmatch(tok.norm) and int(tok.norm) < published.year \
                    and governs(k):
                prev = tokens[k - 1].norm if k > s0 else ""
                nxt = tokens[k + 1].norm if k + 1 < s1 else ""
                if prev in ("عام", "العام", "سنه", "منذ", "في", "خلال", "ومنذ", "/", "-") or k in (s0, s1 - 1) \
                        or nxt in ("م", "للميلاد", "-", "–"):
                    return "history"
    return None
