"""Sentence splitting that respects Arabic punctuation, paragraphs and quotation marks."""

from __future__ import annotations

from rasd.doc import Sentence, Token

_ENDERS = frozenset(".!?؟…")
_OPEN = {"«": "»", "“": "”"}
_CLOSE = frozenset("»”")


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group ``tokens`` into sentences.

    A sentence ends at . ! ? ؟ … (runs of them included), or at a line break; an ender inside
    «...» or "..." quotes does not end it unless the quote runs to the end of its paragraph.
    A number such as 3.5 is one token, so its point never splits.
    """
    sentences: list[Sentence] = []
    if not tokens:
        return sentences
    first = 0
    depth = 0  # open «» quotes
    in_ascii = False
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        ch = tok.text
        end_here = False
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            in_ascii = not in_ascii
        elif ch in _ENDERS and depth == 0 and not in_ascii:
            # swallow a run of enders and closing quotes
            while i + 1 < n and (tokens[i + 1].text in _ENDERS or tokens[i + 1].text in _CLOSE) and \
                    "\n" not in text[tokens[i].end:tokens[i + 1].start]:
                i += 1
            end_here = True
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and "\n" in text[tokens[i].end:nxt.start]:
            end_here = True
            depth = 0
            in_ascii = False
        if end_here or nxt is None:
            s, e = tokens[first].start, tokens[i].end
            sentences.append(Sentence(s, e, text[s:e], first, i + 1))
            first = i + 1
        i += 1
    return sentences
