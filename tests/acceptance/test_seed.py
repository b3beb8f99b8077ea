"""Acceptance on the canonical seed article (../shared/seed; skipped when absent).

These are the facts its README says a user expects; nothing in rasd is special-cased for it.
"""

from __future__ import annotations


def _events(doc, type_):
    return [e for e in doc.events if e.type == type_]


def _names(event):
    return " ".join(f"{a.name or ''} {a.text}" for a in event.actors)


def test_offsets_are_exact(seed_doc, bad_spans):
    assert bad_spans(seed_doc) == []


def test_tripoli_is_in_libya_and_cairo_in_egypt(seed_doc):
    tripoli = [p for p in seed_doc.places if p.name_en == "Tripoli" or p.text[-6:] == "طرابلس"]
    assert tripoli and all(p.country_code == "LY" for p in tripoli)
    exact = [p for p in tripoli if p.kind == "city"]
    assert exact and abs(exact[0].lat - 32.89) < 0.3 and abs(exact[0].lon - 13.19) < 0.3
    cairo = [p for p in seed_doc.places if p.text.endswith("القاهرة")]
    assert cairo and all(p.country_code == "EG" for p in cairo)
    assert abs(cairo[0].lat - 30.04) < 0.3 and abs(cairo[0].lon - 31.24) < 0.3
    assert "LY" in seed_doc.focus_countries
    assert not any(p.text.endswith("الأحد") for p in seed_doc.places)


def test_meeting_in_cairo_on_the_14th(seed_doc):
    meetings = [e for e in _events(seed_doc, "CONSULT") if e.date == "2019-04-14"]
    assert meetings, [(e.type, e.date) for e in seed_doc.events]
    m = meetings[0]
    assert m.location is not None and m.location.country_code == "EG" and m.location.name_en == "Cairo"
    assert "السيسي" in _names(m) and "حفتر" in _names(m)


def test_fighting_near_tripoli_with_casualties(seed_doc):
    fights = [e for e in _events(seed_doc, "ASSAULT") if e.fatalities == 121]
    assert fights, [(e.type, e.fatalities, e.injured) for e in seed_doc.events]
    f = fights[0]
    assert f.injured == 561
    assert f.location is not None and f.location.country_code == "LY"
    assert f.event_type == "Battles"


def test_displacement_of_more_than_13000(seed_doc):
    figs = [f for f in seed_doc.figures if f.kind == "displaced"]
    assert figs and figs[0].value == 13000 and figs[0].qualifier == "more-than"
    assert any(e.displaced == 13000 for e in seed_doc.events)


def test_age_and_distance(seed_doc):
    assert any(f.kind == "age" and f.value == 75 for f in seed_doc.figures)
    assert any(f.kind == "distance" and f.value == 11 for f in seed_doc.figures)
    assert not any(f.value == 2011 and f.kind not in ("year",) for f in seed_doc.figures)


def test_quotes_with_speakers(seed_doc):
    by_speaker = {}
    for q in seed_doc.quotes:
        if q.speaker:
            by_speaker.setdefault(q.speaker.name or q.speaker.text, []).append(q)
    salame = [q for k, qs in by_speaker.items() if "سلامة" in k for q in qs if q.kind == "direct"]
    assert len(salame) >= 1 and any("ملتقاكم" in q.text for q in salame)
    statement = [q for k, qs in by_speaker.items() if "بيان" in k for q in qs]
    assert any("مكافحة الإرهاب" in q.text for q in statement)


def test_no_event_at_ghadames(seed_doc):
    assert not any(e.location is not None and e.location.text.endswith("غدامس") for e in seed_doc.events)
