"""The feature table of the entity rules lists every word whose bits come from the word lists."""

from __future__ import annotations

from rasd.recognize.entities import _NAME_PREFIX, _features, feature_table, lexicon
from rasd.text.normalize import normalize_word


def _bits(table: dict[str, int], word: str) -> int:
    return table.get(word, 0) | (4 if word.startswith(_NAME_PREFIX) else 0)


def test_the_table_gives_the_bits_of_every_written_form():
    lx = lexicon()
    table = feature_table(lx)
    assert table is feature_table(lx)  # built once
    words = {"", "و", "ل", "لل", "ولل", "فلل", "كتاب", "والكتاب"}
    for w in list(lx.first_bits)[:200] + list(lx.given)[:100]:
        words.update({w, "و" + w, "ب" + w, "وب" + w, "فل" + w, "ل" + w[1:], "ول" + w[1:], "فل" + w[1:], "x" + w})
    words.update(normalize_word(w) for w in ("عبدالله", "وعبدالرحمن", "بعبد", "الرئيس", "للرئيس", "وللرئيس",
                                             "وزارة", "بوزارة", "الوزارة", "فللوزارة"))
    assert {w: _bits(table, w) for w in words} == {w: _features(w, lx) for w in words}
    assert all(table.values())  # only words with bits are listed
