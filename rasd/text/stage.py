"""Pipeline stages of the text layer: tokens and sentences."""

from __future__ import annotations

from rasd.doc import Document
from rasd.text.normalize import normalize
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import _fast_patterns, tokenize_table
from rasd.text.trailer import body_end


def norm_text(doc: Document):
    """The document's :class:`~rasd.text.normalize.NormText`, computed once and cached on it; it covers
    the article's body (the text before a closing line of tags, see :mod:`rasd.text.trailer`)."""
    nt = doc.cache.get("norm")
    if nt is None:
        end = doc.cache.get("body_end")
        nt = doc.cache["norm"] = normalize(doc.text if end is None or end >= len(doc.text) else doc.text[:end])
    return nt


class Tokenize:
    """Split the text into tokens with offsets (none in a closing line of tags: :mod:`rasd.text.trailer`);
    ``doc.cache["token_table"]`` holds their texts, normalised forms and word ids (:mod:`rasd.text.vocab`)."""

    name = "tokenize"
    needs = ("text",)
    adds = ("tokens",)

    def load(self) -> Tokenize:
        """Build the character classes of the scan and the tag-line pattern now rather than on the first
        document."""
        _fast_patterns()
        body_end("")
        return self

    def __call__(self, doc: Document) -> Document:
        end = doc.cache["body_end"] = body_end(doc.text)
        if end < len(doc.text):
            doc.cache.pop("norm", None)  # a normalised whole text handed in (the store's) would hold the tags
        tt = tokenize_table(doc.text if end == len(doc.text) else doc.text[:end])
        doc.tokens = tt.tokens
        doc.cache["token_table"] = tt  # texts, norms and word ids for the later stages (rasd.text.vocab)
        return doc


class SplitSentences:
    """Group tokens into sentences."""

    name = "sentences"
    needs = ("tokens",)
    adds = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc.text, doc.tokens)
        return doc
