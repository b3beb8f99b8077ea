"""Where and when an event happened when its sentence does not say (team-written sentences)."""

from __future__ import annotations

import rasd

# one sentence per paragraph: the events' own sentences name no place, so the article's focus decides
_US_STRIKES = ("قال مسؤولون أمريكيون إن الولايات المتحدة ستواصل دعم فصائل المعارضة السورية في حلب، "
               "وإن واشنطن لن تتراجع عن ذلك.\n"
               "وأكد المتحدث أن الغارات الجوية التي شنتها الولايات المتحدة أمس دمرت مواقع للمسلحين.\n"
               "واتهمت الولايات المتحدة المسلحين بمهاجمة المدنيين.")


def _by_type(doc, kind):
    return [e for e in doc.events if e.type == kind]


def test_a_states_air_strike_without_a_place_is_where_its_target_is_not_the_state():
    doc = rasd.extract(_US_STRIKES, published="2024-03-10")
    assert doc.focus_countries[:2] == ["US", "SY"]
    strikes = _by_type(doc, "ASSAULT")
    assert strikes and strikes[0].location is not None
    assert strikes[0].location.country_code == "SY"
    assert strikes[0].date == "2024-03-09"


def test_a_states_statement_without_a_place_stays_with_the_state():
    doc = rasd.extract(_US_STRIKES, published="2024-03-10")
    accusations = _by_type(doc, "ACCUSE")
    assert accusations and accusations[0].location is not None
    assert accusations[0].location.country_code == "US"


def test_a_week_or_month_of_the_sentence_before_dates_that_sentence_not_the_next_event():
    text = ("أعلنت الأمم المتحدة الشهر الماضي خطة لإعادة إعمار المدينة.\n"
            "وفي الأسبوع الماضي زار المبعوث الأممي مدينة تعز. وقتل ثلاثة جنود في هجوم مسلح على حاجز للجيش في المدينة.")
    doc = rasd.extract(text, published="2024-03-20")
    attacks = _by_type(doc, "ASSAULT")
    assert attacks and attacks[0].date == "2024-03-20"
    assert attacks[0].date_precision == "publication"


def test_a_day_of_the_sentence_before_still_dates_the_next_event():
    text = "اندلعت أمس اشتباكات عنيفة بين الجيش ومسلحين في مدينة تعز. واعتقلت قوات الأمن خمسة من المسلحين في المدينة."
    doc = rasd.extract(text, published="2024-03-20")
    arrests = _by_type(doc, "COERCE")
    assert arrests and arrests[0].date == "2024-03-19"
