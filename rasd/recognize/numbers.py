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

from rasd.lexicon import load_yaml
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


@cache
def _regexes() -> tuple[re.Pattern, re.Pattern]:
    expr = re.compile(rf"(?<!\w)(?P<pfx>[وف]?[بلك]?)(?P<art>ال)?(?P<num>{expression_source()})")
    part = re.compile(rf"(?P<d>{DIGITS})|(?:(?<=\s)ال)?(?P<w>{word_alternation()})")
    return expr, part


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


def value_of(expr: str) -> tuple[float, bool] | None:
    """Value and vagueness of a normalised number expression ("ثلاثه الاف" -> (3000.0, False))."""
    _, part_re = _regexes()
    lex = _lexicon()
    parts: list[tuple[str, float, _Word | None]] = []
    for m in part_re.finditer(expr):
        if m.group("d"):
            v = parse_digits(m.group("d"))
            if v is None:
                return None
            parts.append(("d", v, None))
        else:
            w = lex.get(_SPACE.sub(" ", m.group("w")))
            if w is None:
                return None
            parts.append((w.kind, w.value, w))
    if not parts:
        return None
    total = cur = 0.0
    vague = False
    for i, (kind, v, w) in enumerate(parts):
        nxt = parts[i + 1][0] if i + 1 < len(parts) else None
        if kind == "vague" and w is not None:
            if i > 0 and w.plural_mult:  # ثلاثة آلاف: a multiplier here
                kind = "mult"
            else:
                vague = True
                cur += w.times if nxt in ("mult", "vague") else v
                continue
        if kind == "mult":
            if cur == 0 and total == 0:
                total = v
                if w is not None and w.plural_mult and i == 0:
                    vague = True
            elif v >= 2 * 1000 and str(int(v))[0] == "2":  # a dual after a number: nonsense, add
                total += cur + v
                cur = 0.0
            else:
                total = (total + cur) * v if cur == 0 else total + cur * v
                cur = 0.0
        elif kind == "hundred" and v == 100 and 1 <= cur < 10:
            cur *= 100
        else:
            cur += v
    return total + cur, vague


def find_numbers(norm: str) -> list[NumberMatch]:
    """Every number expression in normalised text, in order."""
    expr_re, _ = _regexes()
    lex = _lexicon()
    out: list[NumberMatch] = []
    for m in expr_re.finditer(norm):
        num = m.group("num")
        pfx = m.group("pfx")
        art = m.group("art") is not None
        is_digit = num[0].isdigit()
        if not is_digit:
            first = _SPACE.sub(" ", _regexes()[1].match(num).group("w"))
            w = lex.get(first)
            if w is None:
                continue
            if art and not w.article:
                continue
            if pfx and not w.proclitic:
                continue
            # "أحد"/"إحدى" alone are not listed; a bare وعشر etc. is fine.
        parsed = value_of(num)
        if parsed is None:
            continue
        value, vague = parsed
        start = m.start("art") if art else m.start("num")
        out.append(NumberMatch(start, m.end("num"), value, vague, not is_digit or " " in num, art,
                               is_digit and " " not in num, pfx))
    return out
