"""Real output validates against the shipped JSON Schema, and the schema is documented."""

import json
from pathlib import Path

import jsonschema
import pytest

import rasd
from rasd.schema import result_schema

ROOT = Path(__file__).resolve().parents[2]


def _validate(d):
    jsonschema.Draft202012Validator(result_schema()).validate(d)


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(result_schema())


def test_example_output_validates(taiz_doc):
    d = json.loads(json.dumps(taiz_doc.to_dict(tokens=True), ensure_ascii=False))
    _validate(d)


def test_seed_output_validates(seed_doc):
    _validate(json.loads(json.dumps(seed_doc.to_dict(), ensure_ascii=False)))


def test_schema_rejects_a_broken_result(taiz_doc):
    d = taiz_doc.to_dict()
    d["places"] = [{"start": 0, "end": 3, "text": "x", "country_code": "Libya", "lat": 0, "lon": 0}]
    with pytest.raises(jsonschema.ValidationError):
        _validate(d)


def test_every_top_level_key_is_documented():
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for key in result_schema()["properties"]:
        assert f"`{key}`" in doc, f"docs/schema.md does not document `{key}`"
    for name, sub in result_schema()["$defs"].items():
        for key in sub.get("properties", {}):
            assert f"`{key}`" in doc, f"docs/schema.md does not document `{key}` of {name}"


def test_offsets_point_into_the_original(taiz_doc, bad_spans):
    assert bad_spans(taiz_doc) == []


def test_api_round_trip_keeps_ids_and_dates():
    doc = rasd.extract("قال الوزير إن الاجتماع انتهى.", published="2024-01-05", id="x1", source="test")
    d = doc.to_dict()
    assert d["id"] == "x1" and d["published"] == "2024-01-05" and d["source"] == "test"
