"""One pass over an article for the events stage's phrase lexicons at once.

The stage looks up three lexicons in the whole text: the trigger verbs, the trigger nouns
(:mod:`rasd.events.triggers`) and the actors (:mod:`rasd.events.actors`).  Each is a
:class:`~rasd.lexicon.matcher.PhraseMatcher` with its own clitics and suffixes.  Instead of walking three
Aho-Corasick automata over the text, :func:`find_all` walks one that holds the keys of all three, its
values telling which lexicon(s) a key belongs to; each lexicon's hits are then filtered at word
boundaries with that lexicon's own clitics, as its own ``find_all`` does.  The matches are the same, in
the same order: at each end position the automaton reports the keys that end there longest first,
whichever automaton holds them.
"""

from __future__ import annotations

from array import array

import ahocorasick

from rasd.lexicon.matcher import Match, PhraseMatcher, _match_words
from rasd.lexicon.matcher import _longest_first as _compiled_longest_first
from rasd.text.normalize import NormText

try:  # the optional compiled split of the hits (rasd/events/_events.c)
    from rasd.events._events import split_hits as _compiled_split_hits
except ImportError:  # pragma: no cover - depends on the build
    _compiled_split_hits = None

_COMBINED: list = []  # [(the matchers' automata it was built from, the combined automaton)]


def _split_hits(hits, n: int) -> tuple[list, ...]:
    """The hits ``(end, ((lexicon, value), ...))`` of the combined automaton as ``n`` lists of ``(end,
    value)``, one per lexicon, each in the order of the hits (the reference for the compiled split)."""
    out: tuple[list, ...] = tuple([] for _ in range(n))
    for end, vals in hits:
        for lex, val in vals:
            out[lex].append((end, val))
    return out


def split_hits(hits, n: int) -> tuple[list, ...]:
    """:func:`_split_hits`, in C when the compiled module is there."""
    if _compiled_split_hits is not None:
        return _compiled_split_hits(hits, n)
    return _split_hits(hits, n)


def combined(matchers: tuple[PhraseMatcher, ...]) -> ahocorasick.Automaton:
    """One automaton with the keys of all ``matchers`` (built ones), each key's value the tuple of
    ``(lexicon index, that matcher's value)`` of the matchers that hold it; rebuilt when one of them is."""
    autos = tuple(m._automaton for m in matchers)
    if _COMBINED and len(_COMBINED[0][0]) == len(autos) and all(
            a is b for a, b in zip(_COMBINED[0][0], autos, strict=True)):
        return _COMBINED[0][1]
    keys: dict[str, list] = {}
    for lex, auto in enumerate(autos):
        for key, value in auto.items():
            keys.setdefault(key, []).append((lex, value))
    out = ahocorasick.Automaton()
    for key, vals in keys.items():
        out.add_word(key, tuple(vals))
    out.make_automaton()
    _COMBINED[:] = [(autos, out)]
    return out


def find_all(nt: NormText, matchers: tuple[PhraseMatcher, ...]) -> list[list[Match]]:
    """``[m.find_all(nt) for m in matchers]``, from one pass over the text when the compiled match loop
    is there."""
    for m in matchers:
        if m._automaton is None:
            m.build()
    if _match_words is None or not (nt.orig_index is None or type(nt.orig_index) is array) \
            or not all(len(m) for m in matchers):
        return [m.find_all(nt) for m in matchers]
    norm = nt.norm
    parts = split_hits(combined(matchers).iter(norm), len(matchers))
    return [_match_words(norm, part, m._proclitics, m._merge, m._suffixes, m._max_prefix, nt.orig_index, Match)
            for m, part in zip(matchers, parts, strict=True)]


def longest_first(cands: list[Match]) -> list[Match]:
    """What :meth:`PhraseMatcher.find` keeps of ``find_all``'s matches: no overlaps, longest first."""
    if len(cands) < 2:
        return cands
    if _compiled_longest_first is not None:
        return _compiled_longest_first(cands)
    return PhraseMatcher._longest_first(cands)
