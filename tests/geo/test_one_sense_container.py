"""One sense per story for a name once it is named inside its country (team-written sentences)."""

from __future__ import annotations

import rasd


def test_amman_named_inside_jordan_is_amman_at_every_mention():
    text = ("أرسلت الهيئة الخيرية الأردنية أمس من مطار عسكري في عمان مساعدات إلى الشعب اليمني.\n"
            "ووصل نحو مائة جريح يمني إلى عمان بالأردن لتلقي العلاج.\n"
            "واستقبل مستشفى في عمان 35 جريحا من مدينة عدن في جنوب اليمن.")
    doc = rasd.extract(text, published="2015-08-10")
    senses = {(p.country_code, p.kind) for p in doc.places if p.text.endswith("عمان")}
    assert senses == {("JO", "city")}
