"""The speech-verb table of the quote reader lists every word with a reading, and only those."""

from __future__ import annotations

from rasd.recognize.quotes.lexicon import quote_lexicon
from rasd.recognize.quotes.tokens import _verb_reading, verb_table
from rasd.text.normalize import normalize_word


def test_the_table_gives_the_reading_of_every_written_form():
    q = quote_lexicon()
    table = verb_table(q)
    assert table is verb_table(q)  # built once
    bases = list(q.verbs)[:150] + list(q.participles)[:50] + list(q.according1) + list(q.document_verbs)
    words = {"", "و", "وس", "سو", "قال", "وقال", "فقال", "سيقول", "وسيقول", "بقال", "الكتاب"}
    for b in bases:
        words.update({b, "و" + b, "ف" + b, "س" + b, "وس" + b, "فس" + b, "ووس" + b, "ب" + b, "ال" + b, b + "ه"})
    words.update(normalize_word(w) for w in ("أكد", "وأكد", "رأى", "ورأى", "مضيفا", "ومضيفا", "بحسب", "وجاء"))
    assert {w: table.get(w) for w in words} == {w: _verb_reading(q, w) for w in words}
    assert None not in table.values()
