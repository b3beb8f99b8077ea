"""Text copied from PDFs in Arabic presentation forms (ﻣﺤﺎﻓﻈﺔ) matches like ordinary letters."""

from __future__ import annotations

import unicodedata

import rasd
from rasd.text.normalize import normalize


def _isolated_forms(text: str) -> str:
    """``text`` with every letter that has an isolated presentation form written in it."""
    forms = {}
    for cp in range(0xFE70, 0xFEFD):
        name = unicodedata.name(chr(cp), "")
        if name.endswith("ISOLATED FORM"):
            forms.setdefault(unicodedata.normalize("NFKC", chr(cp)).strip(), chr(cp))
    return "".join(forms.get(ch, ch) for ch in text)


def test_presentation_forms_fold_to_letters_and_keep_offsets():
    text = "ﻻ ﻣﺤﺎﻓﻈﺔ ﺍﻟﻨﺰﺍﻉ"
    nt = normalize(text)
    assert nt.norm == "لا محافظه النزاع"
    s, e = nt.to_original(nt.norm.index("محافظه"), nt.norm.index("محافظه") + len("محافظه"))
    assert text[s:e] == "ﻣﺤﺎﻓﻈﺔ"


def test_an_article_in_presentation_forms_reads_like_the_plain_one():
    # team-written sentence
    plain = "وقال محافظ عدن إن الاشتباكات اندلعت أمس في مدينة تعز."
    shaped = _isolated_forms(plain)
    assert shaped != plain
    a, b = rasd.extract(plain, published="2024-05-12"), rasd.extract(shaped, published="2024-05-12")
    assert [p.country_code for p in b.places] == [p.country_code for p in a.places] != []
    assert [(d.start, d.value) for d in b.dates] == [(d.start, d.value) for d in a.dates]
    for x in (*b.places, *b.dates, *b.entities, *b.quotes):
        assert shaped[x.start:x.end] == x.text


def test_a_ligature_and_a_dropped_mark_do_not_shift_the_map():
    text = "ﻻ ﹰﺑﻠﺪ"  # lam-alef (two letters) and an isolated tanween form (dropped): same length overall
    nt = normalize(text)
    assert nt.norm == "لا بلد"
    s, e = nt.to_original(nt.norm.index("بلد"), len(nt.norm))
    assert text[s:e] == "ﺑﻠﺪ"


def test_plain_letters_replaces_presentation_forms_only():
    from rasd.text.normalize import plain_letters

    assert plain_letters("ﻗﺎﻝ ﺍﻟﻤﺘﺤﺪﺙ") == "قال المتحدث"
    assert plain_letters("ﻻ") == "لا"  # the lam-alef ligature is two letters
    same = "قالت إيمان: «أُعلنت النتائج» ٣ مرات"
    assert plain_letters(same) is same  # no presentation forms: nothing folded, not even diacritics
