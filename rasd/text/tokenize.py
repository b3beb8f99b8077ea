"""Tokenisation with character offsets into the original text.

Tokens are runs of letters (with their diacritics and tatweel), numbers in any digit script
(with decimal and thousands separators), or single punctuation marks.  Each token keeps its
normalised matching form; clitics are not split here (see :mod:`rasd.text.clitics`).

Speed: one ``findall`` pass gives the token strings; their offsets come from ``str.find`` (the
characters between tokens are only spaces and invisible marks), and a token's normalised form and
kind are looked up per word type (the kind depends on the first character only).  The pattern is
written with Unicode properties for the ``regex`` module; for text whose characters all lie in the
blocks news uses (Latin, Arabic, general punctuation, presentation forms) the same pattern is run
as a stdlib ``re`` pattern whose classes are those properties listed out (built on first use from
the ``regex`` classes themselves, so both give the same tokens), which is several times faster.
"""

from __future__ import annotations

import os
import re
from array import array
from itertools import accumulate, chain, compress, count
from operator import attrgetter, itemgetter, not_

import regex

from rasd.doc import Token
from rasd.text.normalize import _FULL_TABLE, _norm_table
from rasd.text.vocab import VOCAB, TokenTable

_ALTERNATIVES = (
    ("number", r"\d+(?:[.,٫٬]\d+)*"),
    ("word", r"(?:[\p{Arabic}&&[\p{L}\p{M}]]|[\u0640\u064B-\u065F\u0670])+"),
    ("latin", r"[\p{L}\p{M}]+"),
    ("punct", r"[^\s\p{L}\p{M}\d\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]"),
)
# What no token starts with: the complement of the alternatives' first characters.
_GAP = r"[[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]--[\p{L}\p{M}\d\u0640]]"
# The token pattern, with a named group per kind (to tell a new word type's kind).
_TOKEN_RE = regex.compile("|".join(f"(?P<{k}>{p})" for k, p in _ALTERNATIVES), regex.V1)
# The same alternatives without groups: findall then returns the token strings.
_FIND_RE = regex.compile("|".join(f"(?:{p})" for _, p in _ALTERNATIVES), regex.V1)

# Blocks the fast path covers (code point ranges, end excluded).
_FAST_BLOCKS = ((0x0000, 0x0900), (0x1E00, 0x1F00), (0x2000, 0x2C00), (0x3000, 0x3040), (0xFB00, 0x10000))
_fast: tuple[re.Pattern, re.Pattern] | None = None  # (token pattern, "a character outside the blocks")
_CLASSES = b""  # per code point below 0x10000: the classes' bit flags, for the compiled scan
_NORMS = b""  # normalize's table (see _norm_table), for the compiled scan's new token texts

try:  # the optional compiled scan (rasd/text/_scan.c); without it, the stdlib pattern below
    from rasd.text import _scan
except ImportError:  # pragma: no cover - depends on the build
    _scan = None
# does the compiled scan give new token texts their (norm, kind) itself (from normalize's table)?
_TYPE_NORMS = bool(getattr(_scan, "TYPE_NORMS", 0))
# does it also give the tokens' texts, norms and word ids (tokenize_table)?
_PARALLEL = bool(getattr(_scan, "PARALLEL", 0)) and _TYPE_NORMS and array("i").itemsize == 4


def _ranges(chars: list[str]) -> str:
    """A stdlib character class listing ``chars`` (sorted) as ranges."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + ("-" + re.escape(chars[j]) if j > i else ""))
        i = j + 1
    return "[" + "".join(out) + "]"


def _fast_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The token pattern for the stdlib ``re``, exact on text within :data:`_FAST_BLOCKS` (and the
    same classes as bit flags per character, :data:`_CLASSES`, for the compiled scan)."""
    global _fast, _CLASSES, _NORMS
    if _fast is None:
        _NORMS = _norm_table()
        alpha = "".join(chr(c) for a, b in _FAST_BLOCKS for c in range(a, b))
        classes = dict(_ALTERNATIVES)
        members = (
            regex.findall(r"\d", alpha),
            regex.findall(classes["word"][3:-2], alpha, flags=regex.V1),  # the class inside (?:...)+
            regex.findall(classes["latin"][:-1], alpha, flags=regex.V1),
            regex.findall(classes["punct"], alpha, flags=regex.V1),
            # the characters between tokens (spaces, invisible marks): those that cannot start a token
            regex.findall(_GAP, alpha, flags=regex.V1),
        )
        digit, word, latin, punct, gap = map(_ranges, members)
        outside = "[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b - 1))}" for a, b in _FAST_BLOCKS) + "]"
        flags = bytearray(0x10000)
        for bit, chars in enumerate(members):  # DIGIT 1, WORD 2, LATIN 4, PUNCT 8, GAP 16 (_scan.c)
            for ch in chars:
                flags[ord(ch)] |= 1 << bit
        assert not any(f & 16 and f & 15 for f in flags), "a gap character that can start a token"
        _CLASSES = bytes(flags)
        # each match: (the gap before the token, the token)
        _fast = (re.compile(f"({gap}*)({digit}+(?:[.,٫٬]{digit}+)*|{word}+|{latin}+|{punct})"), re.compile(outside))
    return _fast


# token text -> (normalised form, kind, word id in VOCAB) -- or (normalised form, kind) for a text
# the compiled scan read (tokenize_table adds the id); bounded so that a long-running process does
# not grow forever, and emptied when VOCAB starts afresh (its ids would be stale)
_TYPES: dict[str, tuple] = {}
_MAX_TYPES = 1 << 17
_NORM, _KIND = itemgetter(0), itemgetter(1)


def _type_of(s: str) -> tuple[str, str, int]:
    """Normalised form, kind and word id of a token string not seen before (and remember them)."""
    if len(_TYPES) >= _MAX_TYPES:
        _TYPES.clear()
    # the kind follows from the first character: each alternative matches iff it can start there
    kind = _FIRST_KIND.get(s[0])
    if kind is None:
        m = _TOKEN_RE.match(s[0])
        kind = _FIRST_KIND[s[0]] = (m.lastgroup if m is not None else None) or "punct"
    norm = s.translate(_FULL_TABLE).lower()
    r = _TYPES[s] = (norm, kind, VOCAB.id(norm))
    return r


def _check_vocab() -> None:
    """Start the word ids afresh when the vocabulary is full (between documents only, so that the
    ids of one document all belong to one vocabulary)."""
    if len(VOCAB) >= VOCAB.max_words:
        VOCAB.reset()
        _TYPES.clear()
    elif VOCAB.stamp[0] != os.getpid():  # a forked process: its own ids from now on (tables of the
        VOCAB.restamp()                  # parent's, pickled in, or its own sent back no longer hold)


_FIRST_KIND: dict[str, str] = {}  # first character of a token -> its kind


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; ``text[t.start:t.end] == t.text`` for every token."""
    _check_vocab()
    return _tokenize(text)


_TEXT = attrgetter("text")
_TOKEN_NORM = attrgetter("norm")


def tokenize_table(text: str, *, compiled: bool = True) -> TokenTable:
    """:func:`tokenize` and, token by token, the texts, normalised forms and word ids
    (:mod:`rasd.text.vocab`), read in the same scan when the compiled one is built (``compiled``
    False: the Python code, its reference)."""
    _check_vocab()
    fast, outside = _fast or _fast_patterns()
    if compiled and _PARALLEL and outside.search(text) is None:
        toks, texts, norms, raw, missing = _scan.tokenize(text, _CLASSES, _TYPES, _type_of, Token, _NORMS,
                                                          _MAX_TYPES, True, VOCAB.ids)
        ids = array("i")
        ids.frombytes(raw)
        # texts whose type has no id (read by an older tokenize() call): their ids, kept with their type
        for i in missing:
            norm = norms[i]
            wid = ids[i] = VOCAB.id(norm)
            s = texts[i]
            info = _TYPES.get(s)
            if info is not None and len(info) == 2 and info[0] == norm:
                _TYPES[s] = (info[0], info[1], wid)
        return TokenTable(toks, texts, norms, ids, VOCAB.stamp)
    toks = _tokenize(text, compiled=compiled)
    norms = list(map(_TOKEN_NORM, toks))
    return TokenTable(toks, list(map(_TEXT, toks)), norms, array("i", map(VOCAB.id, norms)), VOCAB.stamp)


def _tokenize(text: str, *, compiled: bool = True) -> list[Token]:
    fast, outside = _fast or _fast_patterns()
    if outside.search(text) is not None:
        return _tokenize_any(text)
    if compiled and _scan is not None:  # the same scan in C (which reads new token texts itself when it can)
        if _TYPE_NORMS:
            return _scan.tokenize(text, _CLASSES, _TYPES, _type_of, Token, _NORMS, _MAX_TYPES, False, VOCAB.ids)
        return _scan.tokenize(text, _CLASSES, _TYPES, _type_of, Token)
    # gap, token, gap, token ...: the running sum of their lengths gives every offset (all in C)
    pieces = list(chain.from_iterable(fast.findall(text)))
    bounds = list(accumulate(map(len, pieces), initial=0))
    strings = pieces[1::2]
    infos = list(map(_TYPES.get, strings))
    if None in infos:  # new word types (only the misses are visited)
        for i in compress(count(), map(not_, infos)):
            infos[i] = _type_of(strings[i])
    return list(map(Token, bounds[1::2], bounds[2::2], strings, map(_NORM, infos), map(_KIND, infos)))


def _tokenize_any(text: str) -> list[Token]:
    """:func:`tokenize` for text with characters outside :data:`_FAST_BLOCKS` (the ``regex`` pattern)."""
    out: list[Token] = []
    append = out.append
    find = text.find
    get = _TYPES.get
    pos = 0
    for s in _FIND_RE.findall(text):
        start = find(s, pos)
        pos = start + len(s)
        info = get(s) or _type_of(s)
        append(Token(start, pos, s, info[0], info[1]))
    return out
