"""NER rows read by word id (rasd.text.vocab) equal the rows read by normalised form."""

from __future__ import annotations

import numpy as np

from rasd.doc import Document
from rasd.ner.stage import tagger_entities
from rasd.ner.tagger import Tagger
from rasd.pipeline import build_pipeline
from rasd.text.tokenize import tokenize_table

SENTENCES = [
    "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن وزارة الخارجية ستعلن موقفها.",
    "وأعلنت الأمم المتحدة أن 12 شخصا قتلوا في غارة على مدينة حلب السورية أمس.",
    "والتقى وزير الخارجية السعودي عادل الجبير نظيره الأمريكي جون كيري في الرياض.",
]


def test_rows_by_word_id_equal_rows_by_form():
    a, b = Tagger().load(), Tagger().load()
    for text in SENTENCES * 2:
        tt = tokenize_table(text)
        ra = a._decoder.types.ids(tt.texts, tt.norms, np.frombuffer(tt.ids, dtype=np.int32))
        rb = b._decoder.types.ids(tt.texts, tt.norms)
        ta, tb = a._decoder.types, b._decoder.types
        assert [ta.stems[r] for r in ra] == [tb.stems[r] for r in rb]
        assert np.array_equal(ta._m[ra], tb._m[rb])


def test_rows_by_word_id_survive_eviction():
    """A bounded table (emptied again and again) gives the same rows by id as by form."""
    small, ref = Tagger().load(), Tagger().load()
    small._decoder.types.max_types = 30
    for text in SENTENCES * 3:
        tt = tokenize_table(text)
        ts, tr = small._decoder.types, ref._decoder.types
        rs = ts.ids(tt.texts, tt.norms, np.frombuffer(tt.ids, dtype=np.int32))
        rr = tr.ids(tt.texts, tt.norms)
        assert [ts.rows[n] for n in tt.norms] == rs
        assert np.array_equal(ts._m[rs], tr._m[rr])


def test_document_tags_with_and_without_the_token_table():
    pipe = build_pipeline(["quotes", "events"])
    tagger = Tagger().load()
    for text in SENTENCES:
        doc = Document(" ".join(SENTENCES) + " " + text)
        for st in pipe.stages:
            if st.name == "ner":
                break
            doc = st(doc)
        with_ids = tagger_entities(doc, tagger)
        doc.cache.pop("token_table")
        doc.cache.pop("entities.reader", None)
        assert tagger_entities(doc, tagger) == with_ids
