"""The Arabic text layer: offset-keeping normalisation, tokenisation, sentences, clitics."""

from rasd.text.normalize import NormText, normalize, normalize_word
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import tokenize

__all__ = ["NormText", "normalize", "normalize_word", "split_sentences", "tokenize"]
