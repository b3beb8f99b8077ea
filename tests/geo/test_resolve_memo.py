"""The per-name and per-document memos of rasd.geo.resolve change no answer (team-written text)."""

from __future__ import annotations

import random

import pytest

from rasd.doc import Document
from rasd.geo.resolve import PlaceRecognizer
from rasd.geo.stage import RecognizePlaces
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import tokenize

_TEXTS = [
    "قال مسؤول في بيروت إن قصفا استهدف بلدة قرب طرابلس شمال لبنان، وإن طرابلس شهدت احتجاجات.",
    "وصل الوزير إلى الرياض قادما من القاهرة، ثم زار جدة ومكة المكرمة.",
    "دمشق - أفاد مصدر بأن اشتباكات وقعت في ريف حلب الشمالي وعلى بعد 10 كيلومترات من مدينة إدلب.",
    "أعلنت وزارة الدفاع الأمريكية أن الطائرات السورية قصفت مواقع في محافظة دير الزور.",
]


def _doc(text: str) -> Document:
    d = Document(text=text)
    d.tokens = tokenize(text)
    d.sentences = split_sentences(text, d.tokens)
    return d


@pytest.fixture(scope="module")
def rec() -> PlaceRecognizer:
    return RecognizePlaces().load()


def test_last_word_is_the_last_of_the_words_before():
    rng = random.Random(8)
    alphabet = "ابتثج .-,:()\n"
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        ws = rng.randint(0, len(s))
        before = PlaceRecognizer._before_words(s, ws)
        assert PlaceRecognizer._last_word(s, ws) == (before[-1] if before else None)


def test_memos_give_the_answers_of_a_fresh_recogniser(rec):
    first = [rec.resolve(d, *_nt(d)) for d in map(_doc, _TEXTS)]
    again = [rec.resolve(d, *_nt(d)) for d in map(_doc, _TEXTS)]  # every memo warm now
    fresh = PlaceRecognizer(rec.gaz)
    cold = [fresh.resolve(d, *_nt(d)) for d in map(_doc, reversed(_TEXTS))][::-1]
    assert first == again == cold
    assert any(places for places, _focus in first)


def _nt(d: Document):
    from rasd.text.stage import norm_text

    return (norm_text(d),)


def test_place_fields_in_the_order_the_fast_path_fills_them():
    """PlaceRecognizer._place_args fills Place's fields after (start, end, text) by position."""
    from dataclasses import fields

    from rasd.doc import Place

    assert [f.name for f in fields(Place)][:15] == [
        "start", "end", "text", "name", "name_en", "country_code", "lat", "lon", "kind", "admin1", "admin1_en",
        "geonameid", "geo_precision", "relation", "via"]


def test_place_fast_path_equals_the_general_one():
    """A mention without head or relation gives the same Place by either path of _place."""
    rec = PlaceRecognizer()
    text = "قصف على حلب والرقة ودمشق، والعراق، وأعلن السوري"
    doc = Document(text=text)
    doc.tokens = tokenize(text)
    doc.sentences = split_sentences(text, doc.tokens)
    places = RecognizePlaces(rec)(doc).places
    assert places
    nt = _nt(doc)[0]
    for mt in rec.matcher.find(nt):
        men = rec._context(nt, mt, 0)
        if men is None or not men.cands:
            continue
        men.chosen = men.cands[0]
        assert men.head is None and men.relation is None
        fast = rec._place(doc, nt, men)
        men.relation = ""  # (not None: the general path, which reads an empty relation as none)
        slow = rec._place(doc, nt, men)
        slow.relation = None
        assert fast == slow


def _last_word_ref(norm: str, ws: int):
    """PlaceRecognizer._last_word as it was written first (the clause break found first)."""
    from rasd.geo.resolve import _LAST_BREAK

    base = max(0, ws - 60)
    seg = norm[base:ws]
    m = _LAST_BREAK.match(seg)
    if m:
        base += m.end()
        seg = seg[m.end():]
    parts = seg.rsplit(None, 1)
    if not parts or not parts[-1].isalnum():
        return None
    return parts[-1], base + seg.rfind(parts[-1])


def test_last_word_equals_the_clause_break_first_reading():
    rng = random.Random(5)
    pieces = ["في", "بيروت", "قال", " ", " ", "\n", ".", ",", ":", "-", "(", ")", "5", "ـ", "\t", "ا"]
    texts = ["", " ", "\n", "قال:بيروت", "في بيروت \n", "في بيروت\n ", "a. b c "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    for t in texts:
        for ws in range(len(t) + 1):
            assert PlaceRecognizer._last_word(t, ws) == _last_word_ref(t, ws), (t, ws)
