"""Factuality and background: what did not happen (or is not news) never becomes an event."""

from __future__ import annotations

import pytest

import rasd

PUB = "2024-05-12"


def _happened(text):
    doc = rasd.extract(text, published=PUB)
    return {e.type for e in doc.events}, {(e.type, r) for e, r in doc.cache["events_other"]}


@pytest.mark.parametrize("text,reason", [
    ("لم تقع أي اشتباكات في المدينة أمس.", "negated"),
    ("ستقصف الطائرات مواقع المسلحين غدا.", "future"),
    ("ومن المقرر أن يلتقي الرئيسان في القاهرة الأسبوع المقبل.", "future"),
    ("إذا قصف الجيش القرية فسيرد المسلحون.", "hypothetical"),
])
def test_non_events_are_kept_aside_with_their_reason(text, reason):
    happened, other = _happened(text)
    assert not happened
    assert any(r == reason for _t, r in other), other


def test_history_is_background():
    happened, other = _happened("وقتل آلاف الأشخاص في الحرب الأهلية في البلاد منذ عام 2011.")
    assert "ASSAULT" not in happened


def test_reported_events_count_as_happened():
    doc = rasd.extract("وقال مصدر أمني إن مسلحين هاجموا نقطة للجيش في درعا أمس.", published=PUB)
    ev = [e for e in doc.events if e.type == "ASSAULT"]
    assert ev and ev[0].factuality == "reported"


def test_include_all_flag_keeps_every_event():
    from rasd.events.stage import CodeEvents
    from rasd.pipeline import DEFAULT_STAGES, Pipeline, build_stage

    stages = [build_stage(p) for p in DEFAULT_STAGES if "events" not in p] + [CodeEvents(include_all=True)]
    doc = rasd.extract("لم تقع أي اشتباكات في المدينة أمس.", published=PUB, pipeline=Pipeline(stages))
    assert [e.factuality for e in doc.events] == ["negated"]


def test_still_is_not_a_negation():
    happened, _ = _happened("ولا تزال الاشتباكات مستمرة في أطراف مدينة الفاشر منذ صباح اليوم.")
    assert "ASSAULT" in happened


def test_purpose_frame_is_not_an_event():
    # team-written: the topic of talks under لبحث / بهدف is not an agreement that happened
    doc = rasd.extract("اجتمع المبعوث الأممي أمس في عمان بممثلين عن الطرفين لبحث وقف إطلاق النار في الجنوب.",
                       published="2024-05-12")
    assert [e.type for e in doc.events] == ["CONSULT"]
    doc = rasd.extract("التقى الوزير نظيره التركي صباح اليوم بهدف التوصل إلى اتفاق حول المياه.", published="2024-05-12")
    assert "AGREE" not in [e.type for e in doc.events]


def test_noun_prepositions_do_not_take_a_verb_cue():
    from rasd.events.cues import cue_categories

    assert cue_categories("كيري") == frozenset()  # a name, not ك + يرى "he sees"
    assert cue_categories("وكيري") == frozenset()
    assert "stance" in cue_categories("ليري")  # ل + يرى "in order to see" is grammatical
    assert "reporting" in cue_categories("بتصريح")  # ب + a noun cue still counts
