"""Old times in a sentence that also tells a recent event: background, not the event's own time."""

from __future__ import annotations

import datetime as dt

import pytest

import rasd
from rasd.events.factuality import is_old

PUB = "2024-05-12"


def _types(text):
    doc = rasd.extract(text, published=PUB)
    return {e.type for e in doc.events}, {(e.type, r) for e, r in doc.cache["events_other"]}


@pytest.mark.parametrize("text", [
    # team-written: the recent time stands next to the verb, the old year dates the background
    "وقصفت طائرات حربية أمس مواقع للمسلحين في ريف المدينة، في أول تدخل من نوعه منذ اندلاع الحرب عام 2016.",
    "واجتمع وزراء الخارجية اليوم الأحد في العاصمة لبحث الأزمة التي تعصف بالبلاد منذ عام 2019.",
])
def test_recent_event_with_old_background_year_happened(text):
    happened, _ = _types(text)
    assert happened & {"ASSAULT", "CONSULT"}


@pytest.mark.parametrize("text", [
    "وقتل آلاف الأشخاص في الحرب الأهلية في البلاد منذ عام 2011.",
    "وكان الجيش قد استعاد المدينة من المسلحين في مارس 2013.",
    # team-written: the old date is the event's own, even with a recent word elsewhere
    "واستضافت المدينة قمة بين الزعيمين عام 1998، وقال مسؤول أمس إنها كانت ناجحة.",
])
def test_old_events_stay_background(text):
    happened, _ = _types(text)
    assert not happened & {"ASSAULT", "CONSULT"}


def test_is_old_by_precision():
    pub = dt.date(2024, 5, 12)
    assert is_old(pub, "2024-03-01") and not is_old(pub, "2024-04-20")
    assert is_old(pub, "2024-01") and not is_old(pub, "2024-04")
    assert is_old(pub, "2023") and not is_old(pub, "2024")
    assert not is_old(pub, "not a date")
