"""Where an event is placed depends on its kind: visits where they went, meetings where they were held,
statements where they were made, not at the place they are about (team-written sentences)."""

from __future__ import annotations

import pytest

import rasd

PUB = "2024-03-10"

CASES = [
    # visits and meetings
    ("a visit happens where it goes, not in the visitor's country",
     "قام وزير الخارجية الفرنسي بزيارة إلى الرباط أمس بحث خلالها الأوضاع في المنطقة.", "CONSULT", "MA"),
    ("a visit verb takes its object as the place",
     "زار الرئيس التونسي الجزائر أمس في أول جولة خارجية له.", "CONSULT", "DZ"),
    ("a reception without a place is in the host's country",
     "استقبل ولي العهد الكويتي وزير الخارجية اللبناني أمس وبحث معه العلاقات الثنائية.", "CONSULT", "KW"),
    ("a meeting with a named place is there, whatever the participants' nationality",
     "التقى وزير الدفاع البريطاني نظيره العراقي في الكويت أمس.", "CONSULT", "KW"),
    ("an envoy's title is not where the envoy went",
     "زار المبعوث الأممي الخاص إلى ليبيا مدينة تونس اليوم حيث التقى وزير الخارجية.", "CONSULT", "TN"),
    # statements
    ("a condemnation takes the speaker's country, not the attack's",
     "أدانت الحكومة الأردنية بشدة الهجوم الذي استهدف أمس حافلة في مدينة الإسكندرية.", "ACCUSE", "JO"),
    ("a nisba right after the verb is the speaker's",
     "ونفى مسؤولون أتراك أن تكون الطائرات قد قصفت قرى في شمال العراق.", "REJECT", "TR"),
    ("what is welcomed after a preposition is not the speaker",
     "ورحب وزير الخارجية الكندي بقرار تونس إجراء انتخابات مبكرة.", "SUPPORT", "CA"),
    ("a statement made during a meeting is where the meeting was",
     "ودعا الرئيس الصومالي خلال لقائه المبعوث الأممي في نيروبي إلى وقف القتال في مقديشو.", "REQUEST", "KE"),
    ("a subject before the verb is the speaker",
     "في المقابل، ما زالت فرنسا ترفض إقامة منطقة عازلة داخل الأراضي الليبية.", "REJECT", "FR"),
    ("the speaker's own relative clause tells where it is",
     "واتهمت جماعة مسلحة كردية، التي تقاتل في سوريا، الحكومة العراقية بقصف مواقعها.", "ACCUSE", "SY"),
    ("the place just before the verb, not an earlier nisba, is the speaker's",
     "الجالية السورية في ألمانيا ترحب بقرار الحكومة تسهيل الإقامة.", "SUPPORT", "DE"),
]


def _first(text: str, kind: str):
    doc = rasd.extract(text, published=PUB)
    evs = [e for e in doc.events if e.type == kind]
    assert evs, [(e.type, e.trigger and e.trigger.text) for e in doc.events]
    return evs[0]


@pytest.mark.parametrize("text, kind, country", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_event_is_placed_by_its_kind(text, kind, country):
    ev = _first(text, kind)
    assert ev.location is not None and ev.location.country_code == country


def test_a_date_after_a_protests_cause_is_the_causes_not_the_protests():
    text = ("وقال المرصد في بيان إن مئات الأشخاص نفذوا اعتصاما في مدينة حماة احتجاجا على مقتل "
            "شاب برصاص عناصر أمن ليل 5 من مارس.")
    assert _first(text, "PROTEST").date != "2024-03-05"
    assert _first(text, "ASSAULT").date == "2024-03-05"
