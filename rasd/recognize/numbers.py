"""Numbers in Arabic text: digits in both scripts (via normalisation) and number words.

Works on the *normalised* text (:func:`rasd.text.normalize.normalize`), where Arabic-Indic digits
are ASCII and ة/ى/أ are folded; offsets returned are normalised offsets, to be mapped back with
``NormText.to_original``.  The word lists live in ``rasd/data/numbers.yaml``.

>>> [(m.value, m.vague) for m in find_numbers("قتل ثلاثه الاف و13 الف")]
[(3000.0, False), (13000.0, False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from rasd.lexicon import load_yaml
from rasd.recognize.keyscan import KeyScanner
from rasd.text.normalize import normalize_word

_SPACE = re.compile(r"\s+")
DIGITS = r"\d+(?:[.,]\d+)*"


@dataclass(slots=True)
class NumberMatch:
    """A number found in normalised text (``start``/``end`` exclude a proclitic like و/ب)."""

    start: int
    end: int
    value: float
    vague: bool = False  # عشرات، مئات، عدة ...
    words: bool = False  # written (at least partly) in words
    article: bool = False  # carries the article (الثلاثة، الـ24)
    digits_only: bool = False  # a bare digit string (no words)
    prefix: str = ""


@dataclass(slots=True, frozen=True)
class _Word:
    kind: str  # unit | ten | hundred | mult | vague
    value: float
    times: float = 0.0
    article: bool = False
    proclitic: bool = True
    plural_mult: bool = False


def _key(s: str) -> str:
    return _SPACE.sub(" ", normalize_word(s)).strip()


@cache
def _lexicon() -> dict[str, _Word]:
    data = load_yaml("numbers.yaml")
    no_art = {_key(w) for w in data.get("no_article", [])}
    no_pro = {_key(w) for w in data.get("no_proclitic", [])}
    plural = {_key(w) for w in data.get("plural_multipliers", [])}
    lex: dict[str, _Word] = {}
    for val, forms in data["units"].items():
        for f in forms:
            k = _key(f)
            lex[k] = _Word("unit", float(val), article=k not in no_art, proclitic=k not in no_pro)
            if 3 <= int(val) <= 9:
                for t in data["teen_words"]:
                    lex[f"{k} {_key(t)}"] = _Word("unit", float(10 + int(val)), article=True)
    for val, forms in data["teens"].items():
        for f in forms:
            lex[_key(f)] = _Word("unit", float(val), article=True)
    for val, forms in data["tens"].items():
        for f in forms:
            lex[_key(f)] = _Word("ten", float(val), article=True)
    for val, forms in data["hundreds"].items():
        for f in forms:
            lex[_key(f)] = _Word("hundred", float(val))
    for val, forms in data["multipliers"].items():
        for f in forms:
            k = _key(f)
            lex[k] = _Word("mult", float(val), article=k in plural, plural_mult=k in plural)
    for val, forms in data.get("fractions", {}).items():
        for f in forms:
            lex[_key(f)] = _Word("frac", float(val), proclitic=True)
    for entry in data["vague"]:
        for f in entry["forms"]:
            k = _key(f)
            lex[k] = _Word("vague", float(entry["value"]), float(entry["times"]),
                           article=bool(entry.get("article")), plural_mult=k in plural)
    return lex


@cache
def word_alternation() -> str:
    """Regex source matching one number word (multi-word teens included), longest first."""
    keys = sorted(_lexicon(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")(?!\w)"


@cache
def expression_source() -> str:
    """Regex source of one number expression (digits or words, with و-joined parts)."""
    w = word_alternation()
    return rf"(?:{DIGITS}|{w})(?:\s+و?\s*(?:ال)?{w})*"


def parse_digits(s: str) -> float | None:
    """The value of an ASCII digit string with separators: 1,200 -> 1200; 1.5 -> 1.5; 13,000 -> 13000."""
    if "," in s and "." in s:
        # 1,200.5 (comma thousands) or 1.200,5 (dot thousands)
        if s.rfind(",") < s.rfind("."):
            s = s.replace(",", "")
        else:
            s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            s = s.replace(",", "")
        elif len(groups) == 2:
            s = s.replace(",", ".")
        else:
            return None
    elif s.count(".") == 1 and len(s.split(".")[1]) == 3 and s.split(".")[0] not in ("", "0"):
        s = s.replace(".", "")  # 340.000: a thousands separator (a decimal before a multiplier is re-read)
    elif s.count(".") > 1:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            s = s.replace(".", "")
        else:
            return None
    try:
        return float(s)
    except ValueError:
        return None


_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
_MAX_PREFIX = max(map(len, _PROCLITICS)) + 2  # a proclitic and the article
_DIGIT_RE = regex.compile(r"[0-9]+(?:[.,][0-9]+)*")  # the regex module scans for digits much faster


@cache
def _automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for k in _lexicon():
        auto.add_word(k, k)
    auto.make_automaton()
    return KeyScanner(auto)


@dataclass(slots=True)
class _Hit:
    ws: int  # start of the written word (proclitic and article included)
    s: int  # start of the number itself
    e: int
    pfx: str
    art: bool
    word: _Word | None  # None for digits
    value: float
    raw: str = ""


def _hits(norm: str) -> list[_Hit]:
    n = len(norm)
    lex = _lexicon()
    by_start: dict[int, _Hit] = {}
    for m in _DIGIT_RE.finditer(norm):
        s, e = m.span()
        v = parse_digits(m.group())
        if v is None:
            continue
        ws = s
        stop = max(0, s - _MAX_PREFIX - 1)  # more letters than a clitic and the article: no prefix
        while ws > stop and norm[ws - 1].isalpha():
            ws -= 1
        pre = norm[ws:s]
        art = pre.endswith("ال")
        pfx = pre[:-2] if art else pre
        if pfx not in _PROCLITICS:
            ws, pfx, art = s, "", False
        by_start[s] = _Hit(ws, s, e, pfx, art, None, v, m.group())
    for end_idx, key in _automaton().iter(norm, 1):
        e = end_idx + 1
        if e < n and norm[e].isalnum():
            continue
        s = e - len(key)
        ws = s
        stop = max(0, s - _MAX_PREFIX - 1)
        while ws > stop and norm[ws - 1].isalnum():
            ws -= 1
        pre = norm[ws:s]
        art = pre.endswith("ال")
        pfx = pre[:-2] if art else pre
        if pfx not in _PROCLITICS:
            continue
        w = lex[key]
        if (art and not w.article) or (pfx and not w.proclitic):
            continue
        old = by_start.get(s)
        if old is None or old.e < e:
            by_start[s] = _Hit(ws, s, e, pfx, art, w, w.value)
    return [by_start[k] for k in sorted(by_start)]


def _combine(parts: list[_Hit]) -> tuple[float, bool]:
    total = cur = 0.0
    vague = False
    for i, h in enumerate(parts):
        w = h.word
        kind = "d" if w is None else w.kind
        v = h.value
        nxt = parts[i + 1].word.kind if i + 1 < len(parts) and parts[i + 1].word is not None else None
        if kind == "vague":
            if i > 0 and w.plural_mult:  # ثلاثة آلاف: a multiplier here
                kind = "mult"
            elif i > 0 and parts[i - 1].word is not None and parts[i - 1].word.kind == "vague":
                cur *= v  # عدة مئات: several hundred
                continue
            else:
                vague = True
                cur += w.times if nxt in ("mult", "vague") else v
                continue
        if kind == "d" and nxt == "mult" and h.raw.count(".") == 1 and "," not in h.raw:
            v = float(h.raw)  # 1.500 مليون: a decimal before a multiplier
        if kind == "mult":
            if cur == 0 and total == 0:
                total = v
                if w.plural_mult and i == 0:
                    vague = True
            else:
                total = total + (cur or 1) * v
                cur = 0.0
        elif kind == "frac":
            cur += v  # نصف مليون: multiplied by the multiplier that follows
            continue
        elif kind == "hundred" and v == 100 and 1 <= cur < 10:
            cur *= 100
        else:
            cur += v
    return total + cur, vague


def _groups(norm: str) -> list[list[_Hit]]:
    groups: list[list[_Hit]] = []
    last_end = -1
    for h in _hits(norm):
        if h.s < last_end:
            continue
        if groups:
            g = groups[-1]
            prev = g[-1]
            gap = norm[prev.e:h.ws]
            if (h.word is not None and gap and gap.isspace() and h.pfx in ("", "و")
                    and (not h.art or h.word.kind in ("mult", "vague") or g[0].art
                         or (h.pfx == "و" and h.word.kind == "ten" and prev.word is not None
                             and prev.word.kind == "unit"))
                    and (g[0].word is not None or (h.word.kind in ("mult",) or h.word.plural_mult))
                    and not (h.pfx == "و" and prev.word is None)
                    and not (h.pfx == "و" and h.word.kind in ("mult", "vague"))):
                g.append(h)
                last_end = h.e
                continue
        groups.append([h])
        last_end = h.e
    return groups


def value_of(expr: str) -> tuple[float, bool] | None:
    """Value and vagueness of a normalised number expression ("ثلاثه الاف" -> (3000.0, False))."""
    groups = _groups(expr)
    if not groups:
        return None
    return _combine(groups[0])


def find_numbers(norm: str) -> list[NumberMatch]:
    """Every number expression in normalised text, in order."""
    out: list[NumberMatch] = []
    for g in _groups(norm):
        first, last = g[0], g[-1]
        if any(h.word is not None and h.word.kind == "frac" for h in g) and not (
                len(g) == 2 and g[0].word.kind == "frac" and g[1].word.kind in ("mult", "vague")):
            continue  # نصف alone is "half", not a number
        if first.art and first.word is not None and first.word.kind == "ten" and len(g) == 1:
            continue  # القرن العشرين، العشرين من يوليو: an ordinal
        value, vague = _combine(g)
        digits_only = len(g) == 1 and first.word is None
        start = first.s - 2 if first.art else first.s
        out.append(NumberMatch(start, last.e, value, vague, not digits_only, first.art, digits_only, first.pfx))
    return out
