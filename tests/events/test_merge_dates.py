"""An undated mention takes a dated mention's date only when that can be the same news (team-written)."""

from __future__ import annotations

import rasd
from rasd.doc import Event, Span
from rasd.events.merge import compatible, merge_events


def _ev(date, precision, text="نص"):
    return Event(type="ASSAULT", evidence=[Span(0, len(text), text)], date=date, date_precision=precision)


def test_an_undated_mention_merges_with_yesterdays():
    a, b = _ev("2024-03-10", "publication"), _ev("2024-03-09", "day")
    assert compatible(a, b) and compatible(b, a)
    merged = merge_events([a, b])
    assert len(merged) == 1 and merged[0].date == "2024-03-09"


def test_an_undated_mention_is_not_an_event_of_weeks_before():
    a, b = _ev("2024-03-10", "publication"), _ev("2024-02-20", "day")
    assert not compatible(a, b) and not compatible(b, a)
    assert [e.date for e in merge_events([a, b])] == ["2024-03-10", "2024-02-20"]


def test_an_undated_mention_does_not_take_a_month():
    a, b = _ev("2024-03-10", "publication"), _ev("2024-02", "month")
    assert not compatible(a, b)


def test_background_strikes_of_past_weeks_do_not_date_todays_strikes():
    text = ("شنت طائرات التحالف غارات جوية على مواقع المسلحين في محافظة الأنبار.\n"
            "وكانت طائرات التحالف شنت في الأسابيع الماضية عشرات الغارات على مواقع المسلحين في محافظة الأنبار.")
    doc = rasd.extract(text, published="2024-03-10")
    strikes = [e for e in doc.events if e.type == "ASSAULT" and "الأسابيع" not in e.evidence[0].text]
    assert strikes and strikes[0].date == "2024-03-10"
