"""The entity rules read their feature bits by word id (rasd.text.vocab) or by form: the same."""

from __future__ import annotations

from rasd.doc import Document
from rasd.recognize.entities import _Reader, lexicon, recognize_entities
from rasd.text.stage import SplitSentences, Tokenize

TEXTS = [
    "قال الرئيس الفرنسي إيمانويل ماكرون إن وزارة الخارجية ستعلن موقفها، وأكد عبدالله بن زايد ذلك.",
    "والتقى وزير الخارجية السعودي عادل الجبير نظيره الأمريكي جون كيري، وعبدالرحمن الراشد في الرياض.",
]


def _doc(text: str) -> Document:
    return SplitSentences()(Tokenize()(Document(text)))


def test_candidates_by_word_id_equal_candidates_by_form():
    for text in TEXTS:
        doc = _doc(text)
        a = _Reader(doc, lexicon())
        assert a.wids is not None
        a.candidates()
        doc.cache.pop("token_table")
        b = _Reader(doc, lexicon())
        assert b.wids is None
        b.candidates()
        assert (a.title_idx, a.head_idx, a.given_idx, a.known_idx) == \
               (b.title_idx, b.head_idx, b.given_idx, b.known_idx)
        assert a.given_idx  # the texts name people


def test_entities_with_and_without_the_token_table():
    for text in TEXTS:
        doc = _doc(text)
        with_ids = recognize_entities(doc)
        doc.cache.pop("token_table")
        assert recognize_entities(doc) == with_ids
