"""Trigger words: clitic-aware forms, verb/noun readings, and words that only look like triggers."""

from __future__ import annotations

import bisect

from rasd.doc import Document
from rasd.events.triggers import find_triggers
from rasd.text.normalize import normalize
from rasd.text.tokenize import tokenize


def _triggers(text: str):
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    return find_triggers(normalize(text), tokens, lambda o: max(0, bisect.bisect_right(starts, o) - 1))


def test_clitic_and_suffix_forms():
    found = {(t.type, text) for t in _triggers("وقصفت الطائرات مواقع بالاشتباكات وغاراتها ويقتلون")
             for text in [t.key]}
    types = {t for t, _ in found}
    assert types == {"ASSAULT"}
    keys = {k for _, k in found}
    assert {"قصف", "اشتباكات", "غارات", "يقتل"} <= keys or len(keys) >= 4


def test_future_prefix_is_reported():
    ts = _triggers("وسيلتقي الوزيران في عمان")
    assert any(t.future for t in ts)


def test_ministry_is_not_a_visit():
    assert not [t for t in _triggers("أعلنت وزارة الدفاع") if t.type == "CONSULT"]


def test_pretend_is_not_a_protest():
    assert not _triggers("يتظاهر بالعداء")
    assert [t.type for t in _triggers("تظاهر الطلاب أمس")] == ["PROTEST"]


def test_verbal_noun_after_preposition_is_a_noun():
    ts = _triggers("بعد قصف المدينة")
    assert ts and ts[0].pos == "n"


def test_halting_an_advance_is_a_clash():
    ts = _triggers("أوقفت القوات تقدم المسلحين")
    assert ts[0].type == "ASSAULT" and ts[0].entry.mode == "clash"


def test_offsets_are_original(bad_spans):
    import rasd

    doc = rasd.extract("قُتِلَ ثلاثةُ جنودٍ في هجومٍ على حاجزٍ شمالَ بغدادَ أمس.", published="2024-05-12")
    assert isinstance(doc, Document)
    assert bad_spans(doc) == []
    assert doc.events and doc.events[0].trigger.text == doc.text[doc.events[0].trigger.start:doc.events[0].trigger.end]


def test_hands_are_not_support():
    assert not [t for t in _triggers("قتلوا على أيدي الميليشيات وبأيديهم السلاح") if t.type == "SUPPORT"]
    assert [t.type for t in _triggers("وأيدت الحكومة القرار")] == ["SUPPORT"]
