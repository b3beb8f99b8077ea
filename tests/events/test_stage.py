"""Document-level decisions of the event stage (rasd/events/stage.py)."""

from __future__ import annotations

import rasd

# team-written: a short column that retells an attack, with the footer outlets put under columns
COLUMN = ("لم يعد الإرهاب خطرا بعيدا عنا، فقد قتل مسلحون خمسة جنود في هجوم على حاجز قرب الحدود أمس، "
          "وهذا يفرض علينا أن نراجع خطابنا الإعلامي.\n"
          "مقالات أخرى للكاتبالتعليم أولاالمدينة التي نحبها")


def test_an_opinion_column_codes_no_events_but_keeps_them_aside():
    doc = rasd.extract(COLUMN, published="2024-05-12")
    assert doc.events == []
    assert any(reason == "opinion" and ev.type == "ASSAULT" for ev, reason in doc.cache["events_other"])


def test_the_same_report_without_the_footer_is_an_event():
    doc = rasd.extract(COLUMN.split("\n")[0], published="2024-05-12")
    assert any(e.type == "ASSAULT" for e in doc.events)
