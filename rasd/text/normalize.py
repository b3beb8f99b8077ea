"""Offset-keeping Arabic normalisation, for matching only.

Every function here returns text in which each character stands for exactly one character of the
input (1:1 foldings) or drops characters (diacritics, tatweel, invisible marks).  :class:`NormText`
keeps the map from normalised positions back to the original, so a match in the normalised text
always becomes a span of the untouched original.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

# Characters that are dropped: harakat, Quranic marks, dagger alef, tatweel, invisible marks.
_DROP = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640"
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
    + "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
)
_DROP_RE = regex.compile("[" + regex.escape(_DROP) + "]")
_DROP_RUN_RE = re.compile("[" + re.escape(_DROP) + "]+")  # stdlib re: a plain class scans faster

_ALEF = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
_YA = {"ى": "ي", "ی": "ي", "ې": "ي"}
_TA_MARBUTA = {"ة": "ه", "ۀ": "ه", "ە": "ه"}
# Hamza seats fold to the bare hamza, so that the two spellings of a word meet (مسؤول / مسئول, شؤون /
# شئون, أبناؤه / أبنائه / أبناءه) while words that differ from them by a real و or ي stay apart (فئة /
# فيه, هادئ / هادي, زائد / زايد).  Measured on the 27k SaudiNewsNet articles (docs/ner.md, the hamza
# round); the store's content hash and full-text index have always folded them this way.
_HAMZA_SEATS = {"ؤ": "ء", "ئ": "ء"}
_PERSIAN_LETTERS = {"ک": "ك", "ڪ": "ك"}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_PUNCT = {
    "،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"',
    "٪": "%", "٫": ".", "٬": ",", "‘": "'", "’": "'", "ـ": "",  # tatweel handled by _DROP too
    "–": "-", "—": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (text copied from PDFs: ﻣﺤﺎﻓﻈﺔ) -> their letters, folded like the
    letters themselves; the lam-alef ligatures give two letters, marks' isolated forms are dropped."""
    base = _table(_ALEF, _YA, _TA_MARBUTA, _HAMZA_SEATS, _PERSIAN_LETTERS, _DIGITS, _PUNCT)
    out: dict[str, str] = {}
    for cp in (*range(0xFB50, 0xFDF0), *range(0xFE70, 0xFEFD)):
        ch = chr(cp)
        letters = unicodedata.normalize("NFKC", ch).strip().translate(base)
        if letters != ch and len(letters) <= 2 and " " not in letters:
            out[ch] = letters
    return out


def _table(*maps: dict[str, str], drop: bool = True, multi: bool = False) -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for m in maps:
        for k, v in m.items():
            if len(v) == 1 or multi:
                table[ord(k)] = v or None
    if drop:
        for ch in _DROP:
            table[ord(ch)] = None
    return table


_LETTER_TABLE = _table(_ALEF, _YA, _TA_MARBUTA, _HAMZA_SEATS, _PERSIAN_LETTERS, _DIGITS, _PUNCT)
_PRESENTATION_TABLE = _table(_presentation_forms(), drop=False, multi=True)
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_FULL_TABLE = _LETTER_TABLE | _PRESENTATION_TABLE
# The same folding as (character, replacement) pairs.  No replacement is itself a key, so replacing
# one character after the other equals ``translate``; for a long text, testing each of these ~120
# characters with ``in`` and replacing the few present is many times faster than ``translate``
# (which looks every character up in a dict).
_FOLDS = tuple((chr(k), v or "") for k, v in _LETTER_TABLE.items())
assert not {r for _, r in _FOLDS} & {c for c, _ in _FOLDS}


def _fold(text: str) -> str:
    """``text.translate(_LETTER_TABLE)``, fast for long texts."""
    for ch, rep in _FOLDS:
        if ch in text:
            text = text.replace(ch, rep)
    return text


_IDENTITY = array("l")  # 0, 1, 2, ...: the kept positions are copied from slices of it


def _identity(n: int) -> array:
    global _IDENTITY
    if len(_IDENTITY) < n:
        _IDENTITY = array("l", range(max(n, 2 * len(_IDENTITY), 1 << 16)))
    return _IDENTITY


def normalize_alef(text: str) -> str:
    """Fold أ إ آ ٱ to bare alef ا (length-preserving)."""
    return text.translate(_table(_ALEF, drop=False))


def normalize_ya(text: str) -> str:
    """Fold alef maqsura ى (and Persian ی) to ya ي (length-preserving)."""
    return text.translate(_table(_YA, drop=False))


def normalize_ta_marbuta(text: str) -> str:
    """Fold ta marbuta ة to ha ه (length-preserving)."""
    return text.translate(_table(_TA_MARBUTA, drop=False))


def normalize_hamza(text: str) -> str:
    """Fold the hamza seats ؤ and ئ to the bare hamza ء (length-preserving)."""
    return text.translate(_table(_HAMZA_SEATS, drop=False))


def normalize_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits (length-preserving)."""
    return text.translate(_table(_DIGITS, drop=False))


def plain_letters(text: str) -> str:
    """``text`` with Arabic presentation forms (text copied from a PDF: ﻟﻴﻮ) as the letters they show
    (ليو), nothing else changed: for names that leave the document (a speaker's or actor's name), not
    for matching, which folds them anyway."""
    if not _PRESENTATION_RE.search(text):
        return text
    return _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()).strip(), text)


def strip_diacritics(text: str) -> str:
    """Remove harakat, tatweel and invisible marks (changes length: use :func:`normalize` for offsets)."""
    return _DROP_RE.sub("", text)


@lru_cache(maxsize=65536)
def normalize_word(text: str) -> str:
    """The full matching form of a short string (a token or a lexicon key); cached."""
    return text.translate(_FULL_TABLE).lower()


@dataclass(slots=True)
class NormText:
    """Normalised text plus the map back to the original.

    ``orig_index[i]`` is the position in the original text of normalised character ``i``;
    ``orig_index`` is ``None`` when nothing was dropped (the map is the identity).
    """

    original: str
    norm: str
    orig_index: array | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original text."""
        if self.orig_index is None:
            return start, end
        if end <= start:
            o = self.orig_index[start] if start < len(self.orig_index) else len(self.original)
            return o, o
        return self.orig_index[start], self.orig_index[end - 1] + 1

    def to_norm(self, pos: int) -> int:
        """The first normalised position at or after original position ``pos``."""
        if self.orig_index is None:
            return pos
        return bisect_left(self.orig_index, pos)


try:  # the optional compiled pass (rasd/text/_scan.c); without it, the Python code below
    from rasd.text import _scan
except ImportError:  # pragma: no cover - depends on the build
    _scan = None
if not hasattr(_scan, "normalize"):  # pragma: no cover - a build of _scan.c older than its normalize()
    _scan = None
_NORM_TABLE: bytes | None = None


def _norm_table() -> bytes:
    """Per code point below 0x10000, as native int32: the normalised code point (folded, then
    lower-cased), -1 for a dropped character, -2 for one the compiled pass leaves to the Python code
    (presentation forms, and the two letters whose lower case is not one character of its own: the
    dotted İ and the capital sigma, whose lower case depends on the next character)."""
    global _NORM_TABLE
    if _NORM_TABLE is None:
        special = (0x0130, 0x03A3)
        raw = bytearray(4 * 0x10000)  # the code points 0..0xFFFF in UTF-32-LE, built by slices
        raw[0::4] = bytes(range(256)) * 256
        raw[1::4] = b"".join(bytes([hi]) * 256 for hi in range(256))
        raw[4 * 0xD800:4 * 0xE000] = b" \0\0\0" * 0x800  # surrogates: spaces for now (they are their own lower case)
        bmp = raw.decode("utf-32-le")
        for cp in special:
            bmp = bmp.replace(chr(cp), " ")
        low = bmp.lower()  # character by character (no special case is left): one code point each
        if len(low) != 0x10000:  # pragma: no cover - a Unicode version with another expansion
            raise ValueError("lower() changed the length of the code points below 0x10000")
        table = array("i")
        table.frombytes(low.encode("utf-32-le" if sys.byteorder == "little" else "utf-32-be"))
        table[0xD800:0xE000] = array("i", range(0xD800, 0xE000))
        for cp, rep in _LETTER_TABLE.items():
            if cp < 0x10000:
                table[cp] = -1 if not rep else ord(rep.lower())
        for a, b in ((0xFB50, 0xFE00), (0xFE70, 0xFEFD), *((cp, cp + 1) for cp in special)):
            table[a:b] = array("i", [-2]) * (b - a)
        _NORM_TABLE = table.tobytes()
    return _NORM_TABLE


def normalize(text: str) -> NormText:
    """Normalise ``text`` for matching and keep the map back to the original.

    Folds alef forms, alef maqsura, ta marbuta, hamza seats, Persian letters, Arabic-Indic and
    Persian digits and Arabic punctuation; drops diacritics, tatweel and invisible marks;
    lower-cases Latin letters.  Each kept character maps to exactly one original character.
    """
    if _scan is not None:  # the same in one compiled pass (None: text it leaves to the code below)
        r = _scan.normalize(text, _NORM_TABLE or _norm_table())
        if r is not None:
            norm, index = r
            if index is None:
                return NormText(text, norm, None)
            keep = array("l")
            keep.frombytes(index)
            return NormText(text, norm, keep)
    return _normalize(text)


def _normalize(text: str) -> NormText:
    """:func:`normalize` in Python (the reference for the compiled pass, and its fallback)."""
    # presentation forms (rare: text copied from a PDF) may fold to two letters or none: per character
    shaped = _PRESENTATION_RE.search(text) is not None
    folded = _fold(text)
    norm = folded.lower()
    if len(norm) == len(text) and len(folded) == len(text) and not shaped:
        return NormText(text, norm, None)
    if len(norm) == len(folded) and not shaped:
        # dropped marks are sparse: copy the runs of kept positions between them (in C)
        ident = _identity(len(text))
        keep = array("l")
        prev = 0
        for m in _DROP_RUN_RE.finditer(text):
            a, b = m.span()
            keep += ident[prev:a]
            prev = b
        keep += ident[prev:len(text)]
        if len(keep) == len(norm):
            return NormText(text, norm, keep)
    # a lower() that changed length (e.g. 'İ') or presentation forms: map per character
    keep, parts = array("l"), []
    for i, ch in enumerate(text):
        t = ch.translate(_FULL_TABLE).lower()
        for c in t:
            keep.append(i)
            parts.append(c)
    return NormText(text, "".join(parts), keep)
