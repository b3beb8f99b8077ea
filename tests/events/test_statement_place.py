"""Statements are placed where they were made, not at the place they are about (team-written sentences)."""

from __future__ import annotations

import rasd


def _first(doc, kind):
    evs = [e for e in doc.events if e.type == kind]
    assert evs, [(e.type, e.trigger and e.trigger.text) for e in doc.events]
    return evs[0]


def test_a_condemnation_takes_the_speakers_country_not_the_attacks():
    doc = rasd.extract("أدانت الحكومة الأردنية بشدة الهجوم الذي استهدف أمس حافلة في مدينة الإسكندرية.",
                       published="2024-03-10")
    ev = _first(doc, "ACCUSE")
    assert ev.location is not None and ev.location.country_code == "JO"


def test_a_nisba_right_after_the_verb_is_the_speakers():
    doc = rasd.extract("ونفى مسؤولون أتراك أن تكون الطائرات قد قصفت قرى في شمال العراق.", published="2024-03-10")
    ev = _first(doc, "REJECT")
    assert ev.location is not None and ev.location.country_code == "TR"


def test_what_is_welcomed_after_a_preposition_is_not_the_speaker():
    doc = rasd.extract("ورحب وزير الخارجية الكندي بقرار تونس إجراء انتخابات مبكرة.", published="2024-03-10")
    ev = _first(doc, "SUPPORT")
    assert ev.location is not None and ev.location.country_code == "CA"


def test_a_statement_made_during_a_meeting_is_where_the_meeting_was():
    doc = rasd.extract("ودعا الرئيس الصومالي خلال لقائه المبعوث الأممي في نيروبي إلى وقف القتال في مقديشو.",
                       published="2024-03-10")
    ev = _first(doc, "REQUEST")
    assert ev.location is not None and ev.location.country_code == "KE"


def test_a_subject_before_the_verb_is_the_speaker():
    doc = rasd.extract("في المقابل، ما زالت فرنسا ترفض إقامة منطقة عازلة داخل الأراضي الليبية.",
                       published="2024-03-10")
    ev = _first(doc, "REJECT")
    assert ev.location is not None and ev.location.country_code == "FR"


def test_the_speakers_own_relative_clause_tells_where_it_is():
    doc = rasd.extract("واتهمت جماعة مسلحة كردية، التي تقاتل في سوريا، الحكومة العراقية بقصف مواقعها.",
                       published="2024-03-10")
    ev = _first(doc, "ACCUSE")
    assert ev.location is not None and ev.location.country_code == "SY"


def test_the_place_just_before_the_verb_not_an_earlier_nisba_is_the_speakers():
    doc = rasd.extract("الجالية السورية في ألمانيا ترحب بقرار الحكومة تسهيل الإقامة.", published="2024-03-10")
    ev = _first(doc, "SUPPORT")
    assert ev.location is not None and ev.location.country_code == "DE"
