"""Process-wide integer word ids: one id per normalised token form (``Token.norm``).

The tokenizer gives every token of a document the id of its normalised form
(:func:`rasd.text.tokenize.tokenize_table`), so that later stages keep per-word results in arrays
indexed by id (an array gather per document) instead of looking every token's string up in a
dictionary.  An id means nothing outside the process and the vocabulary's current
:attr:`Vocabulary.stamp`: the vocabulary is bounded, and when it is full it starts afresh with a new
stamp (every table keyed by ids checks the stamp and starts afresh too).
"""

from __future__ import annotations

import itertools
import os
from array import array
from dataclasses import dataclass

#: at most this many normalised forms get ids before the vocabulary starts afresh
MAX_WORDS = 1 << 18

_stamps = itertools.count(1)


class Vocabulary:
    """Normalised form -> id (0, 1, 2 ... in order of first sight), bounded by ``max_words``."""

    def __init__(self, max_words: int = MAX_WORDS) -> None:
        self.max_words = max_words
        self.ids: dict[str, int] = {}
        self.stamp = (os.getpid(), next(_stamps))

    def __len__(self) -> int:
        return len(self.ids)

    def id(self, norm: str) -> int:
        """The id of ``norm`` (a new one when it has none yet)."""
        i = self.ids.get(norm)
        if i is None:
            i = self.ids[norm] = len(self.ids)
        return i

    def restamp(self) -> None:
        """Keep the ids under a new stamp (taken by a forked process, whose ids may part from its
        parent's from then on)."""
        self.stamp = (os.getpid(), next(_stamps))

    def reset(self) -> None:
        """Forget every id (and take a new stamp, so that tables keyed by the old ids are dropped)."""
        self.ids = {}
        self.stamp = (os.getpid(), next(_stamps))


#: the process's vocabulary (the tokenizer's)
VOCAB = Vocabulary()


@dataclass(slots=True)
class TokenTable:
    """A document's tokens read once by the tokenizer: token by token, the text, the normalised form
    and the word id (``ids``, int32, under :data:`VOCAB` at ``stamp``)."""

    tokens: list
    texts: list[str]
    norms: list[str]
    ids: array
    stamp: tuple[int, int]

    def valid_for(self, tokens: list) -> bool:
        """Whether this table belongs to ``tokens`` (the same list, unchanged length) and its ids to
        the current vocabulary."""
        return self.tokens is tokens and len(self.norms) == len(tokens) and self.stamp == VOCAB.stamp


def token_table(doc) -> TokenTable | None:
    """The tokenizer's :class:`TokenTable` of ``doc`` when it still holds for ``doc.tokens``, else None."""
    tt = doc.cache.get("token_table")
    if tt is None or not tt.valid_for(doc.tokens):
        return None
    return tt
