"""Statistical Arabic named-entity tagging (PERS, LOC, ORG, MISC) with a CRF.

:mod:`rasd.ner.features` turns a token list into CRF features (clitic-split forms, affixes, shape,
lexicons, word clusters learnt from raw news, a window of neighbours); :mod:`rasd.ner.tagger` loads
the shipped model (``rasd/data/ner/model.crfsuite``) lazily and tags token lists with valid IOB2;
:mod:`rasd.ner.conll` reads/writes CoNLL files and scores exact spans; :mod:`rasd.ner.stage` is the
pipeline stage that merges the tagger's entities with the rule-based ones.  See docs/ner.md.
"""

from __future__ import annotations

LABELS = ("PERS", "LOC", "ORG", "MISC")


def tag(tokens: list[str]) -> list[str]:
    """IOB2 tags for one sentence of tokens, with the shipped model (loaded on first use)."""
    from rasd.ner.tagger import default_tagger

    return default_tagger().tag(tokens)
