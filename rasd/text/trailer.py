"""The closing line of topic tags some news pages append to an article (``data/trailers.yaml``).

``سمات اليمن الحوثيين عدن`` after the last sentence is the page's list of tags: read as text it adds
places, names and even events that the article never reports.  :func:`body_end` finds where it begins;
the text stage stops tokens (and so every later stage) there.  The text itself is kept untouched.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from rasd.lexicon import load_yaml

_ENDS = ".!؟?\"”»\n"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[regex.Pattern, int, int]:
    data = load_yaml("trailers.yaml")
    words = sorted(data["markers"], key=len, reverse=True)
    alts = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alts})(?![\p{{L}}\p{{M}}])"), int(data["max_words"]), int(data["max_chars"])


def body_end(text: str) -> int:
    """Where a closing line of tags begins in ``text`` (``len(text)`` when it has none)."""
    pattern, max_words, max_chars = _lexicon()
    n = len(text)
    lo = max(0, n - max_chars)
    for m in pattern.finditer(text, lo):
        before = text[:m.start()].rstrip(" \t\u00a0")
        if not before or before[-1] not in _ENDS:
            continue  # not after a sentence end: a word of the article (سمات الشخصية)
        tail = text[m.end():]
        if 0 < len(tail.split()) <= max_words and tail.strip():
            return m.start()
    return n
