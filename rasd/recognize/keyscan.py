"""The hits of a small Aho-Corasick automaton, scanned by a compiled loop over a full transition table.

pyahocorasick walks its trie child by child; for the small automata of the recognisers (the first
words of the date rules, the number words, the dual nouns: a few hundred keys each) most of its time
goes to scanning characters that start no key.  :class:`KeyScanner` keeps the pyahocorasick automaton
(the reference, and the path without compiled code) and, when ``rasd.text._scan`` has ``dfa_hits``,
the same automaton as a table of next states per state and character class: ``iter`` then gives the
same ``(index of the key's last character, value)`` pairs in the same order (at one index, the
longest key first) in one pass of C.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

try:  # the optional compiled scan (rasd/text/_scan.c)
    from rasd.text._scan import dfa_hits as _dfa_hits
except ImportError:  # pragma: no cover - depends on the build (or a build older than dfa_hits)
    _dfa_hits = None

MAX_STATES = 20_000  # a larger automaton keeps pyahocorasick's scan (the table would grow too big)

Tables = tuple[bytes, bytes, int, tuple]


def compile_tables(items: Iterable[tuple[str, Any]], max_states: int = MAX_STATES) -> Tables | None:
    """``(classes, table, nclasses, outputs)`` of the keys and values ``items`` (see ``dfa_hits`` in
    rasd/text/_scan.c), or None when they do not fit (a key character at or above 0x10000, more than
    254 distinct characters or ``max_states`` states)."""
    value = {k: v for k, v in items if k}  # (a repeated key keeps its last value, as Automaton.add_word does)
    alphabet = sorted(set("".join(value)))
    if len(alphabet) > 254 or any(ord(c) >= 0x10000 for c in alphabet):
        return None
    cls = {c: i + 1 for i, c in enumerate(alphabet)}
    nc = len(alphabet) + 1
    prefixes = {k[:j] for k in value for j in range(1, len(k) + 1)}
    if not prefixes or len(prefixes) + 1 > max_states:
        return None
    # states in breadth-first order (by length, then by text: a state's children are contiguous and
    # ordered like their parents), the root 0
    by_len: dict[int, list[str]] = {}
    for p in prefixes:
        by_len.setdefault(len(p), []).append(p)
    order = [p for d in sorted(by_len) for p in sorted(by_len[d])]
    ids = {p: i for i, p in enumerate(order, 1)}
    ids[""] = 0
    n = len(order) + 1
    table = array("i", bytes(4 * n * nc))  # every transition to the root until set
    fail = [0] * n
    outs: list[tuple] = [()] * n
    depth = len(order[-1])
    first = [0, 1] + [0] * depth  # first[d]: the first state of length d (first[depth + 1] == n)
    for p in order:
        first[len(p) + 1] += 1
    for d in range(2, depth + 2):
        first[d] += first[d - 1]
    for d in range(depth + 1):
        for s in range(max(first[d], 1), first[d + 1]):  # this length's rows: their fail states' first
            f = fail[s] * nc
            table[s * nc:(s + 1) * nc] = table[f:f + nc]
        for c in range(first[d + 1], first[d + 2] if d < depth else first[d + 1]):  # the next length's
            p = order[c - 1]
            at = ids[p[:-1]] * nc + cls[p[-1]]
            f = fail[c] = table[at]  # (the transition of the parent's fail state, copied above)
            table[at] = c
            outs[c] = ((value[p],) if p in value else ()) + outs[f]
    classes = bytearray(0x10000)
    for c, k in cls.items():
        classes[ord(c)] = k
    return bytes(classes), table.tobytes(), nc, tuple(o if o else None for o in outs)


def hits_py(text: str, tables: Tables, word_end: int = 0) -> list[tuple[int, Any]]:
    """``dfa_hits`` in Python (the reference for the compiled loop): with ``word_end`` 1 the hits
    followed by a letter or digit are left out, with 2 those followed by a letter."""
    classes, table, nclasses, outputs = tables
    tb = array("i")
    tb.frombytes(table)
    n = len(text)
    out: list[tuple[int, Any]] = []
    st = 0
    for i, ch in enumerate(text):
        c = ord(ch)
        k = classes[c] if c < 0x10000 else 0
        st = tb[st * nclasses + k]
        vals = outputs[st]
        if vals is None:
            continue
        if word_end and i + 1 < n and (text[i + 1].isalnum() if word_end == 1 else text[i + 1].isalpha()):
            continue
        out.extend((i, v) for v in vals)
    return out


class KeyScanner:
    """A pyahocorasick automaton whose ``iter`` runs compiled over a full transition table when it can."""

    def __init__(self, automaton) -> None:
        self.automaton = automaton
        self.tables = compile_tables(automaton.items()) if _dfa_hits is not None and len(automaton) else None

    def __len__(self) -> int:
        return len(self.automaton)

    def iter(self, text: str, word_end: int = 0):
        """``(index of the last character, value)`` of every key in ``text``, as pyahocorasick's
        ``iter`` gives them; ``word_end`` 1: hits followed by a letter or digit may be left out, 2:
        those followed by a letter (the caller checks the end of the word itself: the pyahocorasick
        path keeps them)."""
        if self.tables is None:
            return self.automaton.iter(text) if len(self.automaton) else iter(())
        return _dfa_hits(text, *self.tables, word_end)
