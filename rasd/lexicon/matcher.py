"""Clitic-aware phrase matching with an Aho-Corasick automaton over normalised text.

A key matches where it stands as a whole word, or after a proclitic sequence written in the same
word (و ف ب ل ك and their combinations, from ``data/clitics.yaml``), so that وطرابلس, بطرابلس and
لطرابلس all hit طرابلس; a key that starts with the article ال also matches the merged form لل
(للقاهرة).  Matches are reported as spans of the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex

from rasd.lexicon import word_list
from rasd.text.normalize import NormText, normalize_word

_SPACES = regex.compile(r"\s+")


def normalize_key(phrase: str) -> str:
    """The matching form of a lexicon phrase: normalised, single spaces, trimmed."""
    return _SPACES.sub(" ", normalize_word(phrase)).strip()


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
        for key, values in self._entries.items():
            auto.add_word(key, (key, values, False))
            if self._merge and key.startswith("ال") and len(key) > 3:
                alt = "ل" + key[2:]
                if alt not in self._entries:
                    auto.add_word(alt, (key, values, True))
        if len(self._entries):
            auto.make_automaton()
        self._automaton = auto

    def find_all(self, nt: NormText) -> list[Match]:
        """Every match at a word boundary (overlapping matches included)."""
        if self._automaton is None:
            self.build()
        auto = self._automaton
        if not len(self._entries):
            return []
        norm = nt.norm
        n = len(norm)
        out: list[Match] = []
        for end_idx, (key, values, merged) in auto.iter(norm):
            e = end_idx + 1
            klen = len(key) - 1 if merged else len(key)
            s = e - klen
            # right boundary, with optional suffixes
            if e < n and norm[e].isalpha():
                we = e
                while we < n and norm[we].isalpha():
                    we += 1
                if norm[e:we] not in self._suffixes:
                    continue
            ws = s
            while ws > 0 and norm[ws - 1].isalpha():
                ws -= 1
            prefix = norm[ws:s]
            if merged:
                if prefix not in self._merge:
                    continue
                prefix = prefix + "ل"  # report the article's lam as part of the prefix
            elif prefix not in self._proclitics:
                continue
            os_, oe = nt.to_original(s, e)
            out.append(Match(os_, oe, key, values, prefix, s, e))
        return out

    def find(self, nt: NormText) -> list[Match]:
        """Non-overlapping matches, longest first (ties: leftmost), returned in text order."""
        cands = self.find_all(nt)
        if len(cands) < 2:
            return cands
        cands.sort(key=lambda m: (-(m.norm_end - m.norm_start), m.norm_start))
        taken: set[int] = set()
        out: list[Match] = []
        for m in cands:
            span = range(m.norm_start, m.norm_end)
            if any(i in taken for i in span):
                continue
            taken.update(span)
            out.append(m)
        out.sort(key=lambda m: m.norm_start)
        return out
