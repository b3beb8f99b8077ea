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
