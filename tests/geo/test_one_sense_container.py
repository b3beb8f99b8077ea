"""One sense per story for a name once it is named inside its country (team-written sentences)."""

from __future__ import annotations

import rasd


def test_amman_named_inside_jordan_is_amman_at_every_mention():
    text = ("أرسلت الهيئة الخيرية الأردنية أمس من مطار عسكري في عمان مساعدات إلى الشعب اليمني.\n"
            "ونقلت طائرة إخلاء طبي 40 مصابا يمنيا إلى عمان بالأردن للعلاج.\n"
            "وأدخل مستشفى خاص في عمان 18 مصابا قدموا من مدينة تعز اليمنية.")
    doc = rasd.extract(text, published="2015-08-10")
    senses = {(p.country_code, p.kind) for p in doc.places if p.text.endswith("عمان")}
    assert senses == {("JO", "city")}
