"""Pipeline stages of the text layer: tokens and sentences."""

from __future__ import annotations

from rasd.doc import Document
from rasd.text.normalize import normalize
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import _fast_patterns, tokenize


def norm_text(doc: Document):
    """The document's :class:`~rasd.text.normalize.NormText`, computed once and cached on it."""
    nt = doc.cache.get("norm")
    if nt is None:
        nt = doc.cache["norm"] = normalize(doc.text)
    return nt


class Tokenize:
    """Split the text into tokens with offsets."""

    name = "tokenize"
    needs = ("text",)
    adds = ("tokens",)

    def load(self) -> Tokenize:
        """Build the character classes of the scan now rather than on the first document."""
        _fast_patterns()
        return self

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokenize(doc.text)
        return doc


class SplitSentences:
    """Group tokens into sentences."""

    name = "sentences"
    needs = ("tokens",)
    adds = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc.text, doc.tokens)
        return doc
