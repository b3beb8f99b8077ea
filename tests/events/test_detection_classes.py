"""Classes of events the stage used to miss or mistype (team-written sentences).

- ground gained in a fight (أحرزت القوات تقدما) is a battle, not a troop movement;
- an intensified or committed attack (كثفت الطائرات غاراتها، ارتكبت الميليشيات مجزرة) is reported by
  a light verb;
- carrying something (مسلحون يحملون أحزمة ناسفة، طائرة تحمل مساعدات) is not an accusation.
Negation, the future and history stay non-events.
"""

from __future__ import annotations

import rasd

PUB = "2024-03-10"


def _types(text: str) -> list[str]:
    return [e.type for e in rasd.extract(text, published=PUB).events]


def test_ground_gained_in_a_fight_is_a_battle():
    doc = rasd.extract("أحرزت القوات الحكومية أمس تقدما في مدينة الرمادي بعد معارك مع مسلحي التنظيم.", published=PUB)
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.date == "2024-03-09"
    assert not any(e.type == "MOBILIZE" for e in doc.events)
    assert "ASSAULT" in _types("وأحرزت القوات الكردية أمس تقدما في مدينة الحسكة.")


def test_progress_without_arms_or_not_made_is_no_battle():
    assert "ASSAULT" not in _types("وأحرزت المفاوضات بين الطرفين أمس تقدما ملموسا في جنيف.")
    assert "ASSAULT" not in _types("لم تحرز القوات الحكومية أي تقدم في مدينة الرمادي أمس.")
    assert "ASSAULT" not in _types("وتأمل القوات أن تحرز تقدما في الرمادي الأسبوع المقبل.")


def test_a_plain_advance_is_still_a_movement():
    assert _types("وتقدمت القوات الحكومية أمس نحو مدينة الرمادي.") == ["MOBILIZE"]


def test_intensified_strikes_are_strikes():
    doc = rasd.extract("كثفت طائرات التحالف أمس من غاراتها على مواقع المسلحين في مدينة صعدة.", published=PUB)
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.mode == "aerial" and ev.date == "2024-03-09"


def test_a_committed_massacre_is_an_attack():
    assert "ASSAULT" in _types("ارتكبت الميليشيات المسلحة أمس مجزرة في مدينة تعز راح ضحيتها عشرة مدنيين.")
    assert "ASSAULT" not in _types("وحذر الوزير من أن الميليشيات سترتكب مجزرة في تعز إذا دخلتها.")


def test_carrying_is_not_an_accusation():
    assert "ASSAULT" in _types("وقال مصدر أمني إن خمسة مسلحين يحملون أحزمة ناسفة قتلوا أمس في مدينة الرمادي.")
    assert "AID" in _types("وصلت أمس إلى مطار عدن طائرة تحمل مساعدات طبية.")
