"""Sentence splitting that respects Arabic punctuation, paragraphs and quotation marks."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from operator import attrgetter

from rasd.doc import Sentence, Token

_ENDERS = frozenset(".!?؟…")
_OPEN = {"«": "»", "“": "”"}
_CLOSE = frozenset("»”")
_SWALLOW = _ENDERS | _CLOSE
# the characters that can change the splitter's state (each is a one-character token when it is one)
_MARKS = re.compile("[" + re.escape("".join(sorted(_ENDERS | set(_OPEN) | _CLOSE | {'"'}))) + "]")
_START = attrgetter("start")
_OPEN_BRACKETS = frozenset("(«[")


@cache
def _abbreviation_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    """Title abbreviations, clause conjunctions and openers (sentences.yaml), given names (given_names.tsv)."""
    from rasd.lexicon import load_tsv, load_yaml, word_set
    from rasd.text.normalize import normalize_word

    conj = tuple(load_yaml("sentences.yaml")["clause_conjunctions"])
    names = frozenset(normalize_word(r["name"]) for r in load_tsv("given_names.tsv")[1])
    return word_set("sentences.yaml", "title_abbreviations"), conj, names, word_set("sentences.yaml", "clause_openers")


def _abbreviation_point(text: str, tokens: list[Token], i: int) -> bool:
    """The full stop at token i closes a one-letter abbreviation before a name (قال د. خالد، جون ف.
    كينيدي، أ.د. سعاد), not a sentence: the letter stands alone (after a space, an opening bracket, the
    text's start or another such point), no number comes before it (1436 ه.: an era) and a word follows on the
    same line, unless that word opens a clause (فيتامين د. وقال، ب. ثم) and is no given name."""
    if i < 1 or i + 1 >= len(tokens):
        return False
    letter, nxt = tokens[i - 1], tokens[i + 1]
    if letter.end != tokens[i].start or len(letter.text) != 1 or nxt.kind not in ("word", "latin"):
        return False
    if letter.kind == "latin":
        if not letter.text.isupper():
            return False
    elif letter.kind != "word":
        return False
    if "\n" in text[tokens[i].end:nxt.start]:
        return False
    if i >= 2:
        before = tokens[i - 2]
        if before.kind == "number":
            return False
        if before.end == letter.start and before.text not in _OPEN_BRACKETS and not (
                before.text == "." and i >= 3 and len(tokens[i - 3].text) == 1 and tokens[i - 3].end == before.start):
            return False
    titles, conj, names, openers = _abbreviation_words()
    if nxt.norm in openers or (nxt.kind == "word" and len(nxt.text) > 2 and nxt.text.startswith(conj)
                               and nxt.norm not in names):
        return False
    return letter.kind == "latin" or letter.norm in titles or nxt.kind == "word"


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group ``tokens`` into sentences.

    A sentence ends at . ! ? ؟ … (runs of them included), or at a line break; an ender inside
    «...» or "..." quotes does not end it unless the quote runs to the end of its paragraph.
    A number such as 3.5 is one token, so its point never splits, nor does the point of a one-letter
    abbreviation before a name (د. خالد، جون ف. كينيدي; see :func:`_abbreviation_point`).

    Only the tokens that can change anything are visited: quotation marks and enders (found in the
    text, then located among the tokens by binary search), and the last token before a line break.
    """
    sentences: list[Sentence] = []
    n = len(tokens)
    if not n:
        return sentences
    # breaks: token indices j with a line break between tokens j-1 and j
    breaks: set[int] = set()
    pos = text.find("\n")
    while pos >= 0:
        j = bisect_left(tokens, pos, key=_START)
        if 0 < j < n:
            breaks.add(j)
        pos = text.find("\n", pos + 1)
    visit = {j - 1 for j in breaks}
    visit.add(n - 1)
    for m in _MARKS.finditer(text):
        p = m.start()
        j = bisect_left(tokens, p, key=_START)
        if j < n and tokens[j].start == p:
            visit.add(j)
    first = 0
    depth = 0  # open «» quotes
    in_ascii = False
    done = 0  # tokens before this index are already read
    for i in sorted(visit):
        if i < done:
            continue
        ch = tokens[i].text
        end_here = False
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            in_ascii = not in_ascii
        elif ch in _ENDERS and depth == 0 and not in_ascii and not (ch == "." and _abbreviation_point(text, tokens, i)):
            # swallow a run of enders and closing quotes
            while i + 1 < n and tokens[i + 1].text in _SWALLOW and i + 1 not in breaks:
                i += 1
            end_here = True
        if i + 1 in breaks:
            end_here = True
            depth = 0
            in_ascii = False
        if end_here or i + 1 >= n:
            s, e = tokens[first].start, tokens[i].end
            sentences.append(Sentence(s, e, text[s:e], first, i + 1))
            first = i + 1
        done = i + 1
    return sentences
