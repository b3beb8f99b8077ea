"""Date expressions, resolved against the publication date.

Rules run over the normalised text (``rasd.text.stage.norm_text``) and report spans of the original
text.  They cover explicit Gregorian dates (16 أبريل 2019, 16 نيسان/أبريل, 16/4/2019, 2019-04-16),
months with or without a year (Levantine, Maghrebi and Egyptian names), years (في 2011), Hijri
dates (15 رمضان 1440 هـ, converted with hijridate), and expressions relative to publication:
اليوم، أمس، أمس الأول، غدا، weekdays (الأحد الماضي), offsets (منذ عشرة أيام), spans
(خلال الأيام الثلاثة الماضية) and periods (الأسبوع الماضي، العام الجاري، مطلع الشهر).

Vocabulary is data: ``rasd/data/dates.yaml``.  Relative expressions get ``relative=True``; without
a publication date they keep ``value=None`` and precision ``unknown``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

import regex

from rasd.doc import DateMention, Document
from rasd.lexicon import load_yaml
from rasd.recognize.keyscan import KeyScanner
from rasd.recognize.numbers import expression_source, value_of
from rasd.text.normalize import NormText
from rasd.text.stage import norm_text

_SPACE = re.compile(r"\s+")
_YEAR_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]{4}")  # a year written out
_PFX = r"(?<!\w)[وف]?[بل]?"
_TRAILING = frozenset("\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


def _k(s: str) -> str:
    from rasd.text.normalize import normalize_word

    return _SPACE.sub(" ", normalize_word(str(s))).strip()


def _alt(words) -> str:
    keys = sorted({_k(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")(?!\w)"


def _norm_key(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


@dataclass(slots=True)
class _Lex:
    month: dict[str, int]
    ambiguous: frozenset[str]
    hijri: dict[str, int]
    weekday: dict[str, int]
    day_word: dict[str, int]
    unit: dict[str, tuple[str, int | None]]  # spelling -> (unit, fixed count: 1, 2 or None)
    past: frozenset[str]
    next: frozenset[str]
    current: frozenset[str]
    range_past: frozenset[str]
    range_next: frozenset[str]
    period: dict[str, str]
    future: frozenset[str]
    res: dict[str, re.Pattern]
    triggers: KeyScanner  # Aho-Corasick automaton: first word -> families of rules that may start there
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    not_today_before: frozenset[str]
    name_heads: frozenset[str]


@cache
def _lex() -> _Lex:
    """The date vocabulary of ``dates.yaml``, its rule patterns and the automaton of their first words."""
    d = load_yaml("dates.yaml")
    month = {_k(f): int(n) for n, forms in d["months"].items() for f in forms}
    hijri = {_k(f): int(n) for n, forms in d["hijri_months"].items() for f in forms}
    weekday = {_k(f): int(n) for n, forms in d["weekdays"].items() for f in forms}
    day_word = {_k(f): int(n) for n, forms in d["day_words"].items() for f in forms}
    unit, one, two, many = _units(d)
    period = {_k(f): p for p, forms in d["period_words"].items() for f in forms}
    past, nxt, cur = d["past_words"], d["next_words"], d["current_words"]
    res = _patterns(d, month, hijri, weekday, day_word, period, one, two, many)
    auto = _trigger_automaton(d, month, hijri, weekday, day_word, period, two, many)
    return _Lex(month, frozenset(_k(a) for a in d["ambiguous_months"]), hijri, weekday, day_word, unit,
                frozenset(_k(w) for w in past), frozenset(_k(w) for w in nxt), frozenset(_k(w) for w in cur),
                frozenset(_k(w) for w in d["range_past_words"]), frozenset(_k(w) for w in d["range_next_words"]),
                period, frozenset(_k(w) for w in d["future_cues"]), res, auto,
                frozenset(_k(w) for w in d["month_cues"]), frozenset(_k(w) for w in d["year_cues"]),
                frozenset(_k(w) for w in d["not_today_before"]), frozenset(_k(w) for w in d["name_heads"]))


def _units(d: dict) -> tuple[dict[str, tuple[str, int | None]], list, list, list]:
    """Each unit spelling -> (unit, fixed count: 1, 2 or None), and the spellings of one, two and many."""
    unit: dict[str, tuple[str, int | None]] = {}
    one, two, many = [], [], []
    for u, forms in d["units"].items():
        for f in forms.get("many", []):
            unit.setdefault(_k(f), (u, None))
            many.append(f)
        for f in forms.get("two", []):
            unit[_k(f)] = (u, 2)
            two.append(f)
        for f in forms.get("one", []):
            unit[_k(f) + "#1"] = (u, 1)
            one.append(f)
    return unit, one, two, many


def _patterns(d: dict, month, hijri, weekday, day_word, period, one, two, many) -> dict[str, re.Pattern]:
    """The rule of each family, as a compiled pattern over the normalised text."""
    past, nxt, cur = d["past_words"], d["next_words"], d["current_words"]
    num = expression_source()
    mon = _alt(month)
    monx = rf"(?P<mon>{mon})(?:\s*[/(\-]\s*(?P<mon2>{mon})(?:\s*\))?)?"
    wd = _alt(weekday)
    ywords = r"(?:(?:العام|عام|سنه)\s+)"
    year = r"(?P<year>(?:1\d|20|21)\d\d)(?![\d/:\-]|\.\d)"
    rel = _alt(list(past) + list(nxt) + list(cur))
    parts = _alt(d["day_parts"])
    wdlead = rf"(?:(?:يوم\s+)?(?P<wd>{wd})\s*,?\s*(?:الموافق\s+)?)?"
    # after a month: الماضي / المقبل, or من العام الماضي / من هذا العام
    yrel = (rf"(?:\s+(?P<rel>{rel})|\s+من\s+(?:(?P<this>هذا|هذه)\s+(?:العام|السنه)"
            rf"|(?:العام|السنه)\s+(?P<yrel>{rel})))")
    return {
        "explicit": re.compile(
            rf"(?P<b>(?:(?:يوم\s+)?(?P<wd>{wd})\s*,?\s*)?(?P<day>[0-3]?\d)(?!\d)\s*(?:من\s+)?(?:شهر\s+)?"
            rf"{monx}(?:\s*,?\s*(?:من\s+)?{ywords}?{year}|{yrel})?)"),
        "day_of_month": re.compile(
            rf"(?P<b>{wdlead}(?P<day>[0-3]?\d)(?!\d)\s+(?:من\s+)?(?:(?P<this>هذا|هذه)\s+الشهر|الشهر\s+(?P<rel>{rel})))"),
        "month_year": re.compile(rf"(?P<b>(?:شهر\s+)?{monx}\s*,?\s*(?:من\s+)?{ywords}?{year})"),
        "month": re.compile(rf"(?P<b>(?P<shahr>شهر\s+)?{monx}{yrel}?)"),
        "numeric_dmy": re.compile(
            rf"(?<![\d/.\-])(?P<b>{wdlead}(?P<day>\d{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<month>\d{{1,2}})\s?(?P=sep)\s?"
            rf"(?P<year>\d{{4}})(?:\s*(?P<mark>ه(?!\w)|{_alt(d['hijri_markers'])}))?)(?![\d/.\-]\d)"),
        "numeric_ymd": re.compile(r"(?<![\d/.\-])(?P<b>(?P<year>\d{4})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)"
                                  r"(?P<day>\d{1,2}))(?![\d/.\-]?\d)"),
        "hijri": re.compile(
            rf"(?P<b>(?:(?P<day>[0-3]?\d)\s+(?:من\s+)?)?(?:شهر\s+)?(?P<hmon>{_alt(hijri)})"
            rf"(?:\s*,?\s*(?:من\s+)?{ywords}?(?P<year>1[34]\d\d)(?!\d)"
            rf"(?:\s*(?P<mark>{_alt(d['hijri_markers'])}|ه(?!\w)))?|\s+(?P<rel>{rel}))?)"),
        "year": re.compile(
            rf"(?P<b>(?P<yw>(?:العام|عام|سنه|عامي)\s+)?{year}"
            rf"(?:\s*(?:-|/|و|الى|حتي)\s*(?P<year2>(?:1[89]|20|21)\d\d)(?!\d))?)"
            rf"(?!\s*(?:{_alt(d['hijri_markers'])}|ه(?!\w)))"),
        "day_word": re.compile(
            rf"(?P<b>(?:(?P<part>{parts})\s+)?(?P<dw>{_alt(day_word)})"
            rf"(?!\s+{_alt(d['not_today_after'])})"
            rf"(?:\s*\(\s*(?:يوم\s+)?(?P<wd1>{wd})\s*\)|\s*,?\s*(?:يوم\s+)?(?P<wd2>{wd}))?)"),
        "weekday": re.compile(
            rf"(?P<b>(?:(?P<part>{parts})\s+)?(?:يومي?\s+)?(?P<wd>{wd})(?:\s+(?P<rel>{_alt(list(past) + list(nxt))}))?)"
            rf"(?:(?=\s+و{wd}\s+(?P<rel2>{_alt(list(past) + list(nxt))})))?"),
        "ago": re.compile(
            rf"(?P<b>(?P<ago>{_alt(d['ago_words'])})\s+(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?"
            rf"(?:(?P<num>{num})\s+(?P<unit>{_alt(many)})|(?P<unit1>{_alt(one + two)})))"
            rf"(?!\s*\d)(?!\s+من(?!\w))(?!\s+علي(?!\w)(?!\s+الاقل))(?!\s+(?:شهر\s+)?(?:{wd}|{mon}|{_alt(hijri)}))"),
        "range": re.compile(
            rf"(?P<b>"
            rf"(?:ال(?P<unit>{_alt(many)})\s+(?:ال)?(?P<num>{num})"
            rf"|(?:ال)?(?P<num2>{num})\s+(?P<unit2>{_alt(many)})"
            rf"|ال(?P<unitd>{_alt(two)}))"
            rf"\s+(?P<rel>{_alt(list(d['range_past_words']) + list(d['range_next_words']))}))"),
        "part_before": re.compile(rf"(?<!\w)[وف]?[بل]?(?P<p>{_alt(d['period_parts'])})\s+$"),
        "span_before": re.compile(rf"(?<!\w)[وف]?(?P<sw>{_alt(d['span_words'])})\s+$"),
        "period": re.compile(
            rf"(?P<b>(?:(?P<part>{_alt(d['period_parts'])})\s+)?"
            rf"(?:(?P<pw>{_alt(period)})\s+(?P<rel>{rel})|(?P<this>{_alt(d['this_words'])})\s+(?P<pw2>{_alt(period)})))"),
        "period_part": re.compile(
            rf"(?P<b>(?P<part>{_alt(d['period_parts'])})\s+(?P<pw>{_alt(period)}))(?!\s+(?:{rel}|\d))"),
    }


def _trigger_automaton(d: dict, month, hijri, weekday, day_word, period, two, many):
    """An Aho-Corasick automaton: first word -> the families of rules that may start there."""
    first = lambda words: {_k(w).split(" ")[0] for w in words}  # noqa: E731
    trig: dict[str, set[str]] = {}
    for fam, words in (
        ("explicit", ["يوم", *weekday]), ("numeric_dmy", ["يوم", *weekday]), ("day_of_month", ["يوم", *weekday]), ("month_year", ["شهر", *month]), ("month", ["شهر", *month]),
        ("hijri", ["شهر", *hijri]), ("year", ["عام", "العام", "سنه", "عامي"]),
        ("day_word", [*d["day_parts"], *day_word]), ("weekday", [*d["day_parts"], "يوم", "يومي", *weekday]),
        ("ago", d["ago_words"]),
        ("range", ["ال" + _k(u) for u in many + two]),
        ("period", [*d["period_parts"], *period, *d["this_words"]]), ("period_part", d["period_parts"]),
    ):
        for w in first(words):
            trig.setdefault(w, set()).add(fam)
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w, fams in trig.items():
        auto.add_word(w, (w, tuple(sorted(fams))))
    auto.make_automaton()
    return KeyScanner(auto)


# --------------------------------------------------------------------------- calendar helpers


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return _dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _minus(pub: _dt.date, unit: str, n: float) -> _dt.date:
    """``pub`` minus ``n`` units (raises ValueError/OverflowError far outside the calendar)."""
    if unit in ("hour", "minute"):
        return pub - _dt.timedelta(days=int(n // 24))
    if unit == "day":
        return pub - _dt.timedelta(days=round(n))
    if unit == "week":
        return pub - _dt.timedelta(days=round(7 * n))
    if unit == "month":
        return _add_months(pub, -round(n))
    return _dt.date(pub.year - round(n), pub.month, min(pub.day, 28) if pub.month == 2 else pub.day)


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int | None, pub: _dt.date | None, slack_days: int = 0) -> int | None:
    """The year that puts month(/day) nearest before publication (a little after with slack)."""
    if pub is None:
        return None
    limit = pub + _dt.timedelta(days=slack_days)
    if day is None:
        return pub.year if month <= limit.month or limit.year > pub.year else pub.year - 1
    cand = _safe_date(pub.year, month, min(day, calendar.monthrange(pub.year, month)[1]))
    if cand is None:
        return pub.year
    return pub.year if cand <= limit else pub.year - 1


def _week_start(d: _dt.date) -> _dt.date:
    return d - _dt.timedelta(days=d.weekday())


def _nearest_weekday(base: _dt.date, wd: int) -> _dt.date:
    """The date with weekday ``wd`` nearest to ``base`` (within three days; ties go earlier)."""
    delta = (wd - base.weekday()) % 7
    return base + _dt.timedelta(days=delta) if delta <= 3 else base - _dt.timedelta(days=7 - delta)


# --------------------------------------------------------------------------- recognition


@dataclass(slots=True)
class _Cand:
    ns: int
    ne: int
    value: str | None
    precision: str
    end_value: str | None = None
    relative: bool = False
    calendar: str = "gregorian"
    rank: int = 0  # tie-breaker: higher wins between equal lengths


def _is_future_context(norm: str, start: int, lex: _Lex) -> bool:
    lo = max(0, start - 60)
    window = norm[lo:start]
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind("?"), window.rfind("!"))
    if cut >= 0:
        window = window[cut + 1:]
    for w in re.findall(r"\w+", window):
        if w in lex.future or (len(w) > 1 and w[0] in "وف" and w[1:] in lex.future):
            return True
    return False


def _rel_kind(word: str | None, lex: _Lex) -> str | None:
    if not word:
        return None
    w = _norm_key(word)
    if w in lex.past or w in lex.range_past:
        return "past"
    if w in lex.next or w in lex.range_next:
        return "next"
    if w in lex.current:
        return "current"
    return None


def _year_by_words(m: re.Match, mon: int, day: int | None, pub: _dt.date | None, lex: _Lex) -> int | None:
    """The year a month (and day) takes from الماضي / المقبل / من العام الماضي / من هذا العام."""
    if pub is None:
        return None
    g = m.groupdict()
    if g.get("this"):
        return pub.year
    yrel = _rel_kind(g.get("yrel"), lex)
    if yrel is not None:
        return pub.year + {"past": -1, "next": 1, "current": 0}[yrel]
    rk = _rel_kind(g.get("rel"), lex)
    key, ref = (mon, day or 0), (pub.month, pub.day if day else 0)
    if rk == "past":
        return pub.year if key < ref else pub.year - 1
    if rk == "next":
        return pub.year if key > ref else pub.year + 1
    if rk == "current":
        return pub.year
    return None


def _hijri_to_gregorian(y: int, m: int, d: int) -> _dt.date | None:
    from hijridate import Hijri

    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _dt.date(g.year, g.month, g.day)


def _explicit(m: re.Match, pub, lex: _Lex, *, with_day: bool) -> _Cand | None:
    mon = lex.month.get(_norm_key(m.group("mon")))
    if mon is None:
        return None
    if m.groupdict().get("mon2"):
        mon2 = lex.month.get(_norm_key(m.group("mon2")))
        if mon2 is not None and mon2 != mon:
            return None  # two different months: not a paired spelling
    year = int(m.group("year")) if m.group("year") else None
    ns, ne = m.start("b"), m.end("b")
    if with_day:
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        y = year or _year_by_words(m, mon, day, pub, lex) or _year_for(mon, day, pub, slack_days=7)
        if y is None:
            return _Cand(ns, ne, None, "unknown", rank=3)
        dt = _safe_date(y, mon, day)
        if dt is None:
            return None
        if m.groupdict().get("wd") and year is None and pub is not None:
            wd = lex.weekday.get(_norm_key(m.group("wd")))
            if wd is not None and dt.weekday() != wd:  # the weekday tells the year
                for yy in (y - 1, y + 1):
                    alt = _safe_date(yy, mon, day)
                    if alt is not None and alt.weekday() == wd:
                        dt = alt
                        break
        return _Cand(ns, ne, dt.isoformat(), "day", rank=3)
    y = year or _year_by_words(m, mon, None, pub, lex) or _year_for(mon, None, pub)
    if y is None:
        return _Cand(ns, ne, None, "unknown", rank=2)
    return _Cand(ns, ne, f"{y:04d}-{mon:02d}", "month", rank=2)


_CLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
_DIGIT_RUN = regex.compile(r"[0-9]+")  # the regex module scans for digits much faster
_DIGIT_FAMILIES = ("day_of_month", "explicit", "numeric_dmy", "numeric_ymd", "hijri", "year", "range")


def _starts(norm: str, lex: _Lex) -> dict[str, list[int]]:
    """Positions where each family of rules may start: trigger words and digit runs."""
    n = len(norm)
    out: dict[str, list[int]] = {}
    for end_idx, (key, fams) in lex.triggers.iter(norm, 1):
        e = end_idx + 1
        if e < n and norm[e].isalnum():
            continue
        s = e - len(key)
        ws = s
        stop = max(0, s - 3)  # a clitic has at most two letters: three before the key are no clitic
        while ws > stop and norm[ws - 1].isalnum():
            ws -= 1
        if norm[ws:s] not in _CLITICS:
            continue
        for f in fams:
            out.setdefault(f, []).append(s)
    for m in _DIGIT_RUN.finditer(norm):
        s = m.start()
        for f in _DIGIT_FAMILIES:
            out.setdefault(f, []).append(s)
        if norm[s - 2:s] == "ال":
            out["range"].append(s - 2)
    return out


def _span_word_before(norm: str, pos: int, lex: _Lex) -> int | None:
    """Start of a span word (خلال، طوال، على مدى) right before ``pos``, if any."""
    m = lex.res["span_before"].search(norm, max(0, pos - 16), pos)
    return m.start("sw") if m else None


def _prev_word(norm: str, pos: int) -> str:
    """The word before ``pos`` without its proclitic (و، ف، ب، ل)."""
    j = pos
    while j > 0 and norm[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and norm[i - 1].isalnum():
        i -= 1
    w = norm[i:j]
    if len(w) > 3 and w[:2] in ("وب", "ول", "فب", "فل", "وف"):
        return w[2:]
    if len(w) > 2 and w[0] in "وفبل" and w[1:3] != "" and w not in ("في", "بعد", "بين", "فوق"):
        return w[1:] if w[1:] and (w[1:] in _lex().month_cues or w[1:] in _lex().year_cues) else w
    return w


def _candidates(nt: NormText, pub: _dt.date | None) -> list[_Cand]:
    """Every reading of a date expression in the text (they may overlap), family by family in a fixed order."""
    lex = _lex()
    norm = nt.norm
    res = lex.res
    out: list[_Cand] = []
    add = out.append
    starts = _starts(norm, lex)
    for fam, read in _READERS:
        rx = res[fam]
        for pos in starts.get(fam, ()):
            m = rx.match(norm, pos)
            if m is not None:
                c = read(m, norm, pub, lex)
                if c is not None:
                    add(c)
    return out


def _read_explicit(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A day, a month and maybe a year (16 أبريل 2019، 16 نيسان/أبريل)."""
    return _explicit(m, pub, lex, with_day=True)


def _read_month_year(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A month with its year (أبريل 2019)."""
    return _explicit(m, pub, lex, with_day=False)


def _read_day_of_month(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A day of this, last or next month (15 من الشهر الماضي)."""
    day = int(m.group("day"))
    rk = "current" if m.group("this") else _rel_kind(m.group("rel"), lex)
    if rk is None or not 1 <= day <= 31:
        return None
    if pub is None:
        return _Cand(m.start("b"), m.end("b"), None, "unknown", relative=True, rank=3)
    first = _add_months(pub.replace(day=1), {"past": -1, "next": 1, "current": 0}[rk])
    dt = _safe_date(first.year, first.month, day)
    if dt is not None:
        return _Cand(m.start("b"), m.end("b"), dt.isoformat(), "day", relative=True, rank=3)
    return None


def _read_numeric(m: re.Match, dmy: bool) -> _Cand | None:
    """A date in digits, day first (16/4/2019, or a Hijri 9/9/1436) or year first (2019-04-16)."""
    y, mo, dd = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if dmy and 1300 <= y < 1500:  # 9/9/1436 هـ: a Hijri date
        g = _hijri_to_gregorian(y, mo, dd)
        if g is not None:
            return _Cand(m.start("b"), m.end("b"), g.isoformat(), "day", calendar="hijri", rank=4)
        return None
    dt = _safe_date(y, mo, dd)
    if dt is None and dmy:
        dt = _safe_date(y, dd, mo)  # m/d/y when d/m/y is impossible
    if dt is not None and 1800 <= y <= 2200:
        return _Cand(m.start("b"), m.end("b"), dt.isoformat(), "day", rank=4)
    return None


def _read_numeric_dmy(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A date in digits, day first (16/4/2019)."""
    return _read_numeric(m, True)


def _read_numeric_ymd(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A date in digits, year first (2019-04-16)."""
    return _read_numeric(m, False)


def _read_year(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A year after a year word or cue (عام 2011، في 2011) or a range of years (2011-2014)."""
    if not m.group("yw") and (int(m.group("year")) < 1800 or _prev_word(norm, m.start()) not in lex.year_cues):
        return None
    y2 = m.group("year2")
    if y2 and int(y2) > int(m.group("year")):
        return _Cand(m.start("b"), m.end("b"), m.group("year"), "range", end_value=y2, rank=1)
    e = m.start("year") + 4 if y2 else m.end("b")
    return _Cand(m.start("b"), e, m.group("year"), "year", rank=1)


def _read_hijri(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A Hijri date (15 رمضان 1440 هـ، رمضان الماضي)."""
    return _hijri(m, pub, lex)


def _read_month(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A month without a day, when a cue says it is one (شهر مارس، في أيار، مارس الماضي)."""
    mon_key = _norm_key(m.group("mon"))
    paired = bool(m.group("mon2"))
    dated = m.group("rel") or m.group("yrel") or m.group("this")  # مارس الماضي
    if not (paired or m.group("shahr")) and (
            (mon_key in lex.ambiguous and not dated) or (not dated and _prev_word(norm, m.start()) not in lex.month_cues)):
        return None
    mon = lex.month.get(mon_key)
    if mon is None or (paired and lex.month.get(_norm_key(m.group("mon2"))) != mon):
        return None
    ns, ne = m.start("b"), m.end("b")
    part = lex.res["part_before"].search(norm, max(0, ns - 12), ns)
    if part is not None:
        ns = part.start("p")  # مطلع آذار، أواخر أيلول الماضي
    if pub is None:
        return _Cand(ns, ne, None, "unknown", rank=1)
    y = _year_by_words(m, mon, None, pub, lex) or _year_for(mon, None, pub)
    return _Cand(ns, ne, f"{y:04d}-{mon:02d}", "month", relative=False, rank=1)


def _read_day_word(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A day word (اليوم، أمس، غدا), maybe with its weekday; not in a name (عين اليوم، روسيا اليوم)."""
    if not m.group("part") and _prev_word(norm, m.start()) in lex.not_today_before:
        return None  # عين اليوم، روسيا اليوم: names
    off = lex.day_word[_norm_key(m.group("dw"))]
    wd_s = m.group("wd1") or m.group("wd2")
    ns, ne = m.start("b"), m.end("b")
    if pub is None:
        return _Cand(ns, ne, None, "unknown", relative=True, rank=2)
    dt = pub + _dt.timedelta(days=off)
    if wd_s:
        wd = lex.weekday[_norm_key(wd_s)]
        if dt.weekday() != wd:
            dt = _nearest_weekday(dt, wd)
    return _Cand(ns, ne, dt.isoformat(), "day", relative=True, rank=2)


def _read_weekday(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A weekday: the last one, the next one (الأحد المقبل) or the nearest in the direction the context says."""
    wd = lex.weekday[_norm_key(m.group("wd"))]
    ns, ne = m.start("b"), m.end("b")
    if pub is None:
        return _Cand(ns, ne, None, "unknown", relative=True)
    rk = _rel_kind(m.group("rel") or m.group("rel2"), lex)  # يومي الاثنين والثلاثاء الماضيين
    pw = pub.weekday()
    if rk == "past":
        delta = -((pw - wd) % 7 or 7)
    elif rk == "next":
        delta = (wd - pw) % 7 or 7
    elif _is_future_context(norm, ns, lex):
        delta = (wd - pw) % 7
    else:
        delta = -((pw - wd) % 7)
    return _Cand(ns, ne, (pub + _dt.timedelta(days=delta)).isoformat(), "day", relative=True)


def _read_ago(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """An offset back from publication (منذ عشرة أيام، قبل أسبوع), at the precision of its unit."""
    ns, ne = m.start("b"), m.end("b")
    if m.group("unit1"):
        u = m.group("unit1")
        unit, n = lex.unit.get(_norm_key(u) + "#1") or lex.unit[_norm_key(u)]
    else:
        unit = lex.unit[_norm_key(m.group("unit"))][0]
        parsed = value_of(m.group("num"))
        if parsed is None or parsed[1]:
            return None  # منذ عدة أيام: too vague to date
        n = parsed[0]
    if pub is None:
        return _Cand(ns, ne, None, "unknown", relative=True, rank=2)
    try:
        dt = _minus(pub, unit, n)
    except (ValueError, OverflowError):
        return None  # منذ 3000 عام: before the calendar
    if unit in ("hour", "day"):
        return _Cand(ns, ne, dt.isoformat(), "day", relative=True, rank=2)
    if unit == "week":
        return _Cand(ns, ne, dt.isoformat(), "week", relative=True, rank=2)
    if unit == "month":
        return _Cand(ns, ne, f"{dt.year:04d}-{dt.month:02d}", "month", relative=True, rank=2)
    return _Cand(ns, ne, f"{dt.year:04d}", "year", relative=True, rank=2)


def _read_range(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A span back or ahead from publication (خلال الأيام الثلاثة الماضية، الساعات المقبلة)."""
    ns = m.start("b")
    sw = _span_word_before(norm, ns, lex)
    if sw is not None:
        ns = sw
    ne = m.end("b")
    if m.group("unitd"):
        unit, n = lex.unit[_norm_key(m.group("unitd"))]
    else:
        unit = lex.unit[_norm_key(m.group("unit") or m.group("unit2"))][0]
        parsed = value_of(m.group("num") or m.group("num2"))
        if parsed is None or parsed[1]:
            return None
        n = parsed[0]
    if pub is None:
        return _Cand(ns, ne, None, "unknown", relative=True, rank=2)
    try:
        _minus(pub, unit, 2 * n)
    except (ValueError, OverflowError):
        return None
    if _rel_kind(m.group("rel"), lex) == "next":
        if unit in ("hour", "minute"):
            start, end = pub, pub + _dt.timedelta(days=max(1, -(-int(n) // 24)))
        else:
            start, end = pub + _dt.timedelta(days=1), pub + (pub - _minus(pub, unit, n))
    else:
        start = _minus(pub, unit, n)
        end = pub - _dt.timedelta(days=1) if unit == "day" else pub
        if unit == "hour" and start == pub:
            start = pub - _dt.timedelta(days=1)
    return _Cand(ns, ne, start.isoformat(), "range", end.isoformat(), relative=True, rank=2)


def _read_period(m: re.Match, norm: str, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    """A week, month or year named by its place (الأسبوع الماضي، العام الجاري، مطلع الشهر)."""
    return _period(m, pub, lex)


def _hijri(m: re.Match, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    from hijridate import Gregorian, Hijri

    hm = lex.hijri[_norm_key(m.group("hmon"))]
    day = int(m.group("day")) if m.group("day") else None
    year = int(m.group("year")) if m.group("year") else None
    rk = _rel_kind(m.group("rel"), lex)
    ns, ne = m.start("b"), m.end("b")
    if year is None and day is None and rk in ("past", "next", "current"):  # رمضان الماضي
        if pub is None:
            return _Cand(ns, ne, None, "unknown", relative=True, calendar="hijri", rank=3)
        ph = Gregorian(pub.year, pub.month, pub.day).to_hijri()
        if rk == "past":
            year = ph.year if hm < ph.month else ph.year - 1
        elif rk == "next":
            year = ph.year if hm > ph.month else ph.year + 1
        else:
            year = ph.year
        try:
            g = Hijri(year, hm, 1).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return _Cand(ns, ne, f"{g.year:04d}-{g.month:02d}", "month", relative=True, calendar="hijri", rank=3)
    if year is None and (day is None or hm == 2):  # "صفر" alone is zero; a month alone is vague
        return None
    if year is None:
        if pub is None:
            return _Cand(ns, ne, None, "unknown", calendar="hijri", rank=3)
        ph = Gregorian(pub.year, pub.month, pub.day).to_hijri()
        year = ph.year if (hm, day) <= (ph.month, ph.day) else ph.year - 1
    try:
        if day is not None:
            g = Hijri(year, hm, day).to_gregorian()
            return _Cand(ns, ne, g.isoformat(), "day", calendar="hijri", rank=3)
        g = Hijri(year, hm, 1).to_gregorian()
        return _Cand(ns, ne, f"{g.year:04d}-{g.month:02d}", "month", calendar="hijri", rank=3)
    except (ValueError, OverflowError):
        return None


def _period(m: re.Match, pub: _dt.date | None, lex: _Lex) -> _Cand | None:
    ns, ne = m.start("b"), m.end("b")
    pw = m.group("pw") or m.groupdict().get("pw2")
    period = lex.period[_norm_key(pw)]
    rk = "current" if m.groupdict().get("pw2") or m.groupdict().get("rel") is None else _rel_kind(m.group("rel"), lex)
    if rk is None:
        return None
    if pub is None:
        return _Cand(ns, ne, None, "unknown", relative=True, rank=1)
    step = {"past": -1, "next": 1, "current": 0}[rk]
    if period == "week":
        s = _week_start(pub) + _dt.timedelta(days=7 * step)
        return _Cand(ns, ne, s.isoformat(), "week", (s + _dt.timedelta(days=6)).isoformat(), True, rank=1)
    if period == "month":
        d = _add_months(pub.replace(day=1), step)
        return _Cand(ns, ne, f"{d.year:04d}-{d.month:02d}", "month", relative=True, rank=1)
    return _Cand(ns, ne, f"{pub.year + step:04d}", "year", relative=True, rank=1)

# the families of rules, in the order their readings are collected (a tie between equal readings
# goes to the earlier one)
_READERS = (
    ("explicit", _read_explicit), ("day_of_month", _read_day_of_month), ("month_year", _read_month_year),
    ("numeric_dmy", _read_numeric_dmy), ("numeric_ymd", _read_numeric_ymd), ("year", _read_year),
    ("hijri", _read_hijri), ("month", _read_month), ("day_word", _read_day_word), ("weekday", _read_weekday),
    ("ago", _read_ago), ("range", _read_range), ("period", _read_period), ("period_part", _read_period),
)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first (then by rank), in text order."""
    cands.sort(key=lambda c: (-(c.ne - c.ns), -c.rank, c.ns))
    taken: list[tuple[int, int]] = []
    out: list[_Cand] = []
    for c in cands:
        if any(c.ns < e and s < c.ne for s, e in taken):
            continue
        taken.append((c.ns, c.ne))
        out.append(c)
    out.sort(key=lambda c: c.ns)
    return out


def _in_name(norm: str, ns: int, original: str) -> bool:
    """Whether a day and month written without a year follow a name's head word (ثورة، قصر، حركة)."""
    if _YEAR_DIGITS.search(original):
        return False
    return _prev_word(norm, ns) in _lex().name_heads


def find_dates(nt: NormText, published: _dt.date | None) -> list[DateMention]:
    """Every date expression of a normalised text, resolved against ``published``."""
    out: list[DateMention] = []
    text = nt.original
    for c in _select(_candidates(nt, published)):
        s, e = nt.to_original(c.ns, c.ne)
        while e < len(text) and text[e] in _TRAILING:  # a tatweel or mark dropped by normalisation
            e += 1
        value, precision = c.value, c.precision
        if precision == "day" and not c.relative and _in_name(nt.norm, c.ns, text[s:e]):
            value = None  # ثورة 17 فبراير، قصر 22 مايو: part of a name, not a date of the story
        if value is None:
            precision = "unknown"
        out.append(DateMention(s, e, text[s:e], value, precision, c.end_value, c.relative, c.calendar))
    return out


class RecognizeDates:
    """Pipeline stage: add ``doc.dates`` (DateMention), resolved against ``doc.published``."""

    name = "dates"
    needs = ("sentences",)
    adds = ("dates",)

    def load(self) -> RecognizeDates:
        """Compile the rules now rather than on the first document."""
        _lex()
        return self

    def __call__(self, doc: Document) -> Document:
        doc.dates = find_dates(norm_text(doc), doc.published)
        return doc


__all__: list[str] = ["RecognizeDates", "find_dates"]
