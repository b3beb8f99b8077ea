"""Where meetings and visits happened, and whose date a reaction's cause takes (team-written sentences)."""

from __future__ import annotations

import rasd


def _first(doc, kind):
    evs = [e for e in doc.events if e.type == kind]
    assert evs, [(e.type, e.trigger and e.trigger.text) for e in doc.events]
    return evs[0]


def test_a_visit_happens_where_it_goes_not_in_the_visitors_country():
    doc = rasd.extract("قام وزير الخارجية الفرنسي بزيارة إلى الرباط أمس بحث خلالها الأوضاع في المنطقة.",
                       published="2024-03-10")
    ev = _first(doc, "CONSULT")
    assert ev.location is not None and ev.location.country_code == "MA"


def test_a_visit_verb_takes_its_object_as_the_place():
    doc = rasd.extract("زار الرئيس التونسي الجزائر أمس في أول جولة خارجية له.", published="2024-03-10")
    ev = _first(doc, "CONSULT")
    assert ev.location is not None and ev.location.country_code == "DZ"


def test_a_reception_without_a_place_is_in_the_hosts_country():
    doc = rasd.extract("استقبل ولي العهد الكويتي وزير الخارجية اللبناني أمس وبحث معه العلاقات الثنائية.",
                       published="2024-03-10")
    ev = _first(doc, "CONSULT")
    assert ev.location is not None and ev.location.country_code == "KW"


def test_a_meeting_with_a_named_place_is_there_whatever_the_participants_nationality():
    doc = rasd.extract("التقى وزير الدفاع البريطاني نظيره العراقي في الكويت أمس.", published="2024-03-10")
    ev = _first(doc, "CONSULT")
    assert ev.location is not None and ev.location.country_code == "KW"


def test_a_date_after_a_protests_cause_is_the_causes_not_the_protests():
    doc = rasd.extract("وقال المرصد في بيان إن مئات الأشخاص نفذوا اعتصاما في مدينة حماة احتجاجا على مقتل "
                       "شاب برصاص عناصر أمن ليل 5 من مارس.", published="2024-03-10")
    protest = _first(doc, "PROTEST")
    assert protest.date != "2024-03-05"
    killing = _first(doc, "ASSAULT")
    assert killing.date == "2024-03-05"


def test_an_envoys_title_is_not_where_the_envoy_went():
    doc = rasd.extract("زار المبعوث الأممي الخاص إلى ليبيا مدينة تونس اليوم حيث التقى وزير الخارجية.",
                       published="2024-03-10")
    ev = _first(doc, "CONSULT")
    assert ev.location is not None and ev.location.country_code == "TN"
