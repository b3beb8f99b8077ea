"""A :class:`~rasd.lexicon.matcher.PhraseMatcher` whose automaton is scanned by a compiled loop.

pyahocorasick walks its trie child by child: over the gazetteer's ~9,500 names that is ~0.2 ms an
article.  :class:`ScannedMatcher` gives the same matches; once :meth:`ScannedMatcher.compile` is
called or it has read ``compile_after`` texts (and when ``rasd.text._scan`` is built) it compiles its
automaton to a full transition table (:mod:`rasd.recognize.keyscan`) and scans that in C, then checks
the hits at word boundaries as :class:`PhraseMatcher` does (its compiled ``match_words``).  The
gazetteer's table (~5 MB) takes a few tenths of a second to build: paid when a pipeline is loaded for a
batch or a server, not by a run of one article.
"""

from __future__ import annotations

import threading
from array import array

from rasd.lexicon.matcher import Match, PhraseMatcher
from rasd.recognize.keyscan import Tables, compile_tables
from rasd.text.normalize import NormText

try:  # the optional compiled loops (rasd/text/_scan.c): the automaton's scan, the word-boundary checks
    from rasd.text._scan import dfa_hits as _dfa_hits
    from rasd.text._scan import match_words as _match_words
except ImportError:  # pragma: no cover - depends on the build (or a build older than dfa_hits)
    _dfa_hits = _match_words = None

MAX_STATES = 200_000  # (the gazetteer's automaton has ~35,000)


class ScannedMatcher(PhraseMatcher):
    """:class:`PhraseMatcher` with its automaton scanned in C after :meth:`compile` or ``compile_after``
    texts."""

    def __init__(self, *args, compile_after: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.compile_after = compile_after
        self._texts = 0
        self._tables: Tables | None = None  # () when the automaton does not fit a table
        self._compile_lock = threading.Lock()

    def add(self, phrase: str, value) -> None:
        """As :meth:`PhraseMatcher.add` (a compiled table is dropped with the automaton)."""
        super().add(phrase, value)
        self._tables, self._texts = None, 0

    def compile(self) -> bool:
        """Build the compiled scan's table now (once); False when there is none (no compiled module, an
        automaton too large, no keys)."""
        if _dfa_hits is None:
            return False
        return bool(self._tables if self._tables is not None else self._compile())

    def _compile(self) -> Tables:
        with self._compile_lock:
            if self._tables is None:
                if self._automaton is None:
                    self.build()
                self._tables = (compile_tables(self._automaton.items(), max_states=MAX_STATES)
                                if len(self) else None) or ()
            return self._tables

    def find_all(self, nt: NormText) -> list[Match]:
        """As :meth:`PhraseMatcher.find_all` (the same matches)."""
        tables = self._tables
        if tables is None:
            if _dfa_hits is None or self._texts < self.compile_after:
                self._texts += 1
                return super().find_all(nt)
            tables = self._compile()
        if not tables or not (nt.orig_index is None or type(nt.orig_index) is array):
            return super().find_all(nt)
        # a hit followed by a letter is no whole name when no suffix may follow a key: left out in C
        hits = _dfa_hits(nt.norm, *tables, 2 if len(self._suffixes) == 1 else 0)
        return _match_words(nt.norm, hits, self._proclitics, self._merge, self._suffixes, self._max_prefix,
                            nt.orig_index, Match)
