"""Sentence splitting that respects Arabic punctuation, paragraphs and quotation marks."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from rasd.doc import Sentence, Token

_ENDERS = frozenset(".!?؟…")
_OPEN = {"«": "»", "“": "”"}
_CLOSE = frozenset("»”")
_SWALLOW = _ENDERS | _CLOSE
# the characters that can change the splitter's state (each is a one-character token when it is one)
_MARKS = re.compile("[" + re.escape("".join(sorted(_ENDERS | set(_OPEN) | _CLOSE | {'"'}))) + "]")
_START = attrgetter("start")


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group ``tokens`` into sentences.

    A sentence ends at . ! ? ؟ … (runs of them included), or at a line break; an ender inside
    «...» or "..." quotes does not end it unless the quote runs to the end of its paragraph.
    A number such as 3.5 is one token, so its point never splits.

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
        elif ch in _ENDERS and depth == 0 and not in_ascii:
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
