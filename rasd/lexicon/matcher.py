"""Clitic-aware phrase matching with an Aho-Corasick automaton over normalised text.

A key matches where it stands as a whole word, or after a proclitic sequence written in the same
word (و ف ب ل ك and their combinations, from ``data/clitics.yaml``), so that وطرابلس, بطرابلس and
لطرابلس all hit طرابلس; a key that starts with the article ال also matches the merged form لل
(للقاهرة).  Matches are reported as spans of the original text.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from operator import attrgetter, sub
from typing import Any

import ahocorasick
import regex

from rasd.lexicon import word_list
from rasd.text.normalize import NormText, normalize_word

try:  # the optional compiled loop over the automaton's hits (rasd/text/_scan.c)
    from rasd.text._scan import match_words as _match_words
except ImportError:  # pragma: no cover - depends on the build (or a build older than match_words)
    _match_words = None
try:  # the optional compiled choice among overlapping matches (rasd/text/_scan.c)
    from rasd.text._scan import longest_first as _longest_first
except ImportError:  # pragma: no cover - depends on the build (or a build older than longest_first)
    _longest_first = None

_SPACES = regex.compile(r"\s+")
_NORM_START, _NORM_END = attrgetter("norm_start"), attrgetter("norm_end")


@lru_cache(maxsize=1 << 16)
def normalize_key(phrase: str) -> str:
    """The matching form of a lexicon phrase: normalised, single spaces, trimmed."""
    word = normalize_word(phrase)
    if "\x1c" in word or "\x1d" in word or "\x1e" in word or "\x1f" in word:
        # separators str.split() cuts at and the \s of ``regex`` does not (the only such characters)
        return _SPACES.sub(" ", word).strip()
    return " ".join(word.split())  # the same as the line above, several times faster


@dataclass(slots=True)
class Match:
    """A key found in a text: original offsets, the key, its values and the proclitic before it."""

    start: int
    end: int
    key: str
    values: list[Any]
    prefix: str
    norm_start: int
    norm_end: int


class PhraseMatcher:
    """Find many phrases at once in normalised text, clitic-aware, longest match first."""

    def __init__(self, proclitics: Iterable[str] | None = None, *, merge_article: bool = True,
                 suffixes: Iterable[str] = ()) -> None:
        if proclitics is None:
            proclitics = word_list("clitics.yaml", "name_proclitics")
        self._proclitics = frozenset(normalize_word(p) for p in proclitics) | {""}
        self._merge = frozenset(normalize_word(p) for p in word_list("clitics.yaml", "article_merge_proclitics")) \
            if merge_article else frozenset()
        self._suffixes = frozenset(normalize_word(s) for s in suffixes) | {""}
        # the longest written-on prefix a match can have: a longer run of letters before it is no clitic
        self._max_prefix = max(len(p) for p in self._proclitics | self._merge | {""})
        self._entries: dict[str, list[Any]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, phrase: str, value: Any) -> None:
        """Add ``phrase`` (any spelling: it is normalised) with ``value``."""
        key = normalize_key(phrase)
        if not key:
            return
        self._entries.setdefault(key, []).append(value)
        self._automaton = None

    def build(self) -> None:
        """Compile the automaton (done on first use if not called)."""
        auto = ahocorasick.Automaton()
        # each value: (key, values, merged, length of the matched form)
        for key, values in self._entries.items():
            auto.add_word(key, (key, values, False, len(key)))
            if self._merge and key.startswith("ال") and len(key) > 3:
                alt = "ل" + key[2:]
                if alt not in self._entries:
                    auto.add_word(alt, (key, values, True, len(alt)))
        if len(self._entries):
            auto.make_automaton()
        self._automaton = auto

    def find_all(self, nt: NormText) -> list[Match]:
        """Every match at a word boundary (overlapping matches included)."""
        if self._automaton is None:
            self.build()
        if not len(self._entries):
            return []
        if _match_words is not None and (nt.orig_index is None or type(nt.orig_index) is array):
            # the same loop in C
            return _match_words(nt.norm, self._automaton.iter(nt.norm), self._proclitics, self._merge,
                                self._suffixes, self._max_prefix, nt.orig_index, Match)
        return self._find_all(nt)

    def _find_all(self, nt: NormText) -> list[Match]:
        """:meth:`find_all` in Python (the reference for the compiled loop)."""
        norm = nt.norm
        n = len(norm)
        out: list[Match] = []
        append = out.append
        suffixes = self._suffixes
        bare_only = len(suffixes) == 1  # no suffix may follow a key
        proclitics, merge, max_prefix = self._proclitics, self._merge, self._max_prefix
        oi = nt.orig_index  # None: normalised offsets are original offsets
        for e, (key, values, merged, klen) in self._automaton.iter(norm):
            e += 1  # the automaton reports the last character
            # right boundary, with optional suffixes
            if e < n and norm[e].isalpha():
                if bare_only:
                    continue
                we = e + 1
                while we < n and norm[we].isalpha():
                    we += 1
                if norm[e:we] not in suffixes:
                    continue
            s = e - klen
            if s and norm[s - 1].isalpha():
                # the letters written before the key in its word (at most one more than a clitic can have)
                ws = s - 1
                stop = s - max_prefix - 1
                if stop < 0:
                    stop = 0
                while ws > stop and norm[ws - 1].isalpha():
                    ws -= 1
                prefix = norm[ws:s]
            else:
                prefix = ""
            if merged:
                if prefix not in merge:
                    continue
                prefix = prefix + "ل"  # report the article's lam as part of the prefix
            elif prefix not in proclitics:
                continue
            if oi is None:
                append(Match(s, e, key, values, prefix, s, e))
            else:  # a key is never empty: e > s
                append(Match(oi[s], oi[e - 1] + 1, key, values, prefix, s, e))
        return out

    def find(self, nt: NormText) -> list[Match]:
        """Non-overlapping matches, longest first (ties: leftmost), returned in text order."""
        cands = self.find_all(nt)
        if len(cands) < 2:
            return cands
        if _longest_first is not None:  # the same choice in C
            return _longest_first(cands)
        return self._longest_first(cands)

    @staticmethod
    def _longest_first(cands: list[Match]) -> list[Match]:
        """The choice of :meth:`find` among overlapping matches in Python (the reference for the
        compiled one)."""
        # longest first, ties leftmost: (-length, start, position) tuples sort as the stable sort did, in C
        starts = list(map(_NORM_START, cands))
        ends = list(map(_NORM_END, cands))
        order = sorted(zip(map(sub, starts, ends), starts, count()))
        taken = bytearray(max(ends))  # 1 where a kept match covers the character
        out: list[Match] = []
        for _, _, i in order:
            m = cands[i]
            s, e = m.norm_start, m.norm_end
            if taken.find(1, s, e) >= 0:
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append(m)
        out.sort(key=_NORM_START)
        return out
