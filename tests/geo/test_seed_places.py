"""The places of the canonical seed article (../shared/seed; skipped when absent). Nothing is special-cased."""

from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.pipeline import Pipeline, build_stage


@pytest.fixture(scope="module")
def seed_places(seed_path):
    pipe = Pipeline(build_stage(p) for p in ("rasd.text.stage:Tokenize", "rasd.text.stage:SplitSentences",
                                             "rasd.geo.stage:RecognizePlaces"))
    return pipe(Document(text=seed_path.read_text(encoding="utf-8")))


def test_expected_places(seed_places, bad_spans):
    d = seed_places
    assert bad_spans(d) == []
    texts = {p.text for p in d.places}
    for want in ("ليبيا", "القاهرة", "طرابلس", "غدامس", "شرق ليبيا", "غرب ليبيا", "جنوب غرب ليبيا", "وسط طرابلس"):
        assert want in texts, want
    assert any(p.text.startswith("مطار طرابلس القديم") and p.kind == "facility" for p in d.places)
    assert any(p.via == "nisba" and p.country_code == "EG" for p in d.places)
    assert not any("الأحد" in p.text for p in d.places)
    assert d.focus_countries[0] == "LY" and "EG" in d.focus_countries


def test_tripoli_and_cairo_coordinates(seed_places):
    d = seed_places
    trip = [p for p in d.places if p.name_en == "Tripoli"]
    assert trip and all(p.country_code == "LY" for p in trip)
    city = [p for p in trip if p.kind == "city" and p.relation is None][0]
    assert abs(city.lat - 32.89) < 0.05 and abs(city.lon - 13.19) < 0.05 and city.geo_precision == 1
    cairo = [p for p in d.places if p.text == "القاهرة"]
    assert cairo and all(abs(p.lat - 30.04) < 0.1 and abs(p.lon - 31.24) < 0.1 for p in cairo)
    ghadames = [p for p in d.places if p.text == "غدامس"][0]
    assert ghadames.country_code == "LY" and abs(ghadames.lat - 30.13) < 0.1
    outskirts = [p for p in d.places if p.text == "ضواحي طرابلس"][0]
    assert outskirts.relation == "outskirts" and outskirts.geo_precision == 2
