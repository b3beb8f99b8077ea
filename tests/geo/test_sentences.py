"""Accuracy on the team's labelled sentences (tests/geo/sentences.tsv): floors, not exact counts."""

from __future__ import annotations

from pathlib import Path

from rasd.geo.evaluate import evaluate, haversine_km, read_rows
from rasd.geo.stage import RecognizePlaces

DATA = Path(__file__).with_name("sentences.tsv")


def test_the_set_is_large_and_well_formed():
    rows = read_rows(DATA)
    assert len(rows) >= 150
    for r in rows:
        assert r["mention"] and r["mention"] in r["text"], r
        assert r["cc"] == "-" or len(r["cc"]) == 2, r
    assert sum(r["cc"] == "-" for r in rows) >= 10  # words that must not be taken as places


def test_accuracy_floor():
    sc = evaluate(read_rows(DATA), RecognizePlaces())
    msg = "\n".join(sc.failures)
    assert sc.country_accuracy >= 0.97, msg
    assert sc.distance_accuracy >= 0.95, msg
    assert sc.false_positives == 0, msg


def test_haversine():
    assert abs(haversine_km(30.04, 31.24, 32.89, 13.19) - 1750) < 30  # Cairo - Tripoli
    assert haversine_km(1, 1, 1, 1) == 0
