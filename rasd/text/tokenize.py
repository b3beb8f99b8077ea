"""Tokenisation with character offsets into the original text.

Tokens are runs of letters (with their diacritics and tatweel), numbers in any digit script
(with decimal and thousands separators), or single punctuation marks.  Each token keeps its
normalised matching form; clitics are not split here (see :mod:`rasd.text.clitics`).
"""

from __future__ import annotations

import regex

from rasd.doc import Token
from rasd.text.normalize import normalize_word

_TOKEN_RE = regex.compile(
    r"(?P<number>\d+(?:[.,٫٬]\d+)*)"
    r"|(?P<word>(?:[\p{Arabic}&&[\p{L}\p{M}]]|[\u0640\u064B-\u065F\u0670])+)"
    r"|(?P<latin>[\p{L}\p{M}]+)"
    r"|(?P<punct>[^\s\p{L}\p{M}\d\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640])",
    regex.V1,
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; ``text[t.start:t.end] == t.text`` for every token."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        s = m.group()
        append(Token(m.start(), m.end(), s, normalize_word(s), kind))
    return out
