"""Flattening documents into tables and writing/reading the partitioned dataset."""

from __future__ import annotations

import datetime as dt
import json

from rasd.batch.output import read_table, write_partition, write_settings
from rasd.batch.tables import TABLES, columns, document_rows, schema, to_arrow
from rasd.doc import Actor, Document, Event, Figure, Place, Quote, Span, Speaker

TEXT = "قصفت طائرة مسيرة سوقا في تعز، ما أدى إلى مقتل 5 مدنيين. وقال المحافظ: «هذا عدوان»."


def _sp(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s), s)


def _doc() -> Document:
    d = Document(text=TEXT, id="a1", published=dt.date(2024, 3, 11), source="test")
    t = _sp("تعز")
    taiz = Place(t.start, t.end, t.text, name="تعز", country_code="YE", lat=13.58, lon=44.02, kind="city")
    s = _sp("سوقا")
    d.places = [taiz, Place(s.start, s.end, s.text, unresolved_reason="test")]
    f = _sp("5")
    d.figures = [Figure(f.start, f.end, f.text, 5, "killed", counted=_sp("مدنيين"))]
    q, who = _sp("هذا عدوان"), _sp("المحافظ")
    d.quotes = [Quote(q.start, q.end, q.text, "direct", speaker=Speaker(who.start, who.end, who.text, role="المحافظ"))]
    a = _sp("طائرة مسيرة")
    d.events = [Event("ASSAULT", [_sp("قصفت طائرة مسيرة سوقا في تعز"), _sp("ما أدى إلى مقتل 5 مدنيين")],
                      trigger=_sp("قصفت"), location=taiz, fatalities=5,
                      actors=[Actor(a.start, a.end, a.text, "actor1")])]
    d.focus_countries = ["YE"]
    return d


def test_columns_follow_the_document_model():
    names = {t: [c.name for c in columns(t)] for t in TABLES}
    for t in ("events", "places", "entities", "quotes", "figures", "dates"):
        assert names[t][:3] == ["article_id", "n", "published"]
    assert {"start", "end", "type", "evidence", "location_lat", "location_country_code", "trigger_start",
            "actors", "fatalities"} <= set(names["events"])
    assert {"speaker_name", "speaker_start", "cue_text"} <= set(names["quotes"])
    assert {"counted_start", "counted_text", "value"} <= set(names["figures"])
    assert "month" not in names["events"] and "country" not in names["places"]
    assert schema("events").field("evidence").type == "string"


def test_document_rows_and_country_keys():
    d = _doc()
    rows = document_rows(d.to_dict(), input="x.jsonl", record=4, partition="p0")
    assert len(rows["articles"]) == 1 and rows["articles"][0]["n_events"] == 1
    [ev] = rows["events"]
    end = TEXT.index("مدنيين") + len("مدنيين")
    assert (ev["__start"], ev["__end"], ev["__month"], ev["__country"]) == (0, end, "2024-03", "YE")
    # a place without a country falls back to the article's country
    assert [r["__country"] for r in rows["places"]] == ["YE", "YE"]
    t = to_arrow("events", rows["events"])
    r = t.to_pylist()[0]
    assert r["location_lat"] == 13.58 and r["trigger_text"] == "قصفت" and r["published"] == dt.date(2024, 3, 11)
    assert [s["start"] for s in json.loads(r["evidence"])] == [0, TEXT.index("ما أدى")]
    assert json.loads(r["actors"])[0]["role"] == "actor1"
    for sp in json.loads(r["evidence"]):
        assert TEXT[sp["start"]:sp["end"]] == sp["text"]


def test_odd_values_are_coerced_not_fatal():
    t = to_arrow("figures", [{"__article_id": "a", "__n": 0, "value": "not a number", "start": "3", "end": 4.0,
                              "text": "x", "kind": "count", "approximate": 1}])
    r = t.to_pylist()[0]
    assert r["value"] is None and r["start"] == 3 and r["end"] == 4 and r["approximate"] is True


def test_partition_roundtrip(tmp_path):
    write_settings(tmp_path, ("month", "country"))
    d1, d2 = _doc(), Document(text="خبر بلا تاريخ", id="a2")
    rows = {t: [] for t in TABLES}
    for i, d in enumerate((d1, d2)):
        for t, r in document_rows(d.to_dict(), input="x", record=i, partition="p0", text=d.text).items():
            rows[t].extend(r)
    files = write_partition(tmp_path, "p0", rows, ("month", "country"))
    assert "events/month=2024-03/country=YE/part-p0.parquet" in files
    assert "documents/part-p0.parquet" in files  # read whole: not split by month and country
    assert read_table(tmp_path, "documents").num_rows == 2
    assert "articles/month=__HIVE_DEFAULT_PARTITION__/country=__HIVE_DEFAULT_PARTITION__/part-p0.parquet" in files
    arts = sorted(read_table(tmp_path, "articles").to_pylist(), key=lambda r: r["article_id"])
    assert [(a["article_id"], a["month"], a["country"]) for a in arts] == [("a1", "2024-03", "YE"), ("a2", None, None)]
    assert read_table(tmp_path, "quotes").num_rows == 1
    assert read_table(tmp_path, "entities").num_rows == 0  # an empty table still reads, with its schema
    # writing the same partition again replaces its files: no duplicates, no leftovers
    assert write_partition(tmp_path, "p0", rows, ("month", "country")) == files
    assert read_table(tmp_path, "articles").num_rows == 2
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]


def test_documents_table_keeps_text_and_result():
    d = _doc()
    rows = document_rows(d.to_dict(), input="x.jsonl", record=4, partition="p0", text=d.text)
    [r] = to_arrow("documents", rows["documents"]).to_pylist()
    assert r["text"] == TEXT and (r["input"], r["record"]) == ("x.jsonl", 4)
    assert json.loads(r["document"]) == json.loads(json.dumps(d.to_dict(), ensure_ascii=False))
    assert document_rows(d.to_dict(), input="x", record=0, partition="p0")["documents"] == []


def test_month_only_partitioning_keeps_every_country(tmp_path):
    """With --partition-by month, rows of two countries in one month share the month's file (they
    used to be written to the same name one after the other, the second overwriting the first)."""
    write_settings(tmp_path, ("month",))
    d1 = _doc()
    d2 = Document(text="تظاهر مئات في القاهرة احتجاجا على الغلاء.", id="a2", published=dt.date(2024, 3, 12))
    d2.focus_countries = ["EG"]
    rows = {t: [] for t in TABLES}
    for i, d in enumerate((d1, d2)):
        for t, r in document_rows(d.to_dict(), input="x", record=i, partition="p0", text=d.text).items():
            rows[t].extend(r)
    files = write_partition(tmp_path, "p0", rows, ("month",))
    assert len(files) == len(set(files))
    assert "articles/month=2024-03/part-p0.parquet" in files
    arts = read_table(tmp_path, "articles").to_pylist()
    assert sorted(a["article_id"] for a in arts) == ["a1", "a2"]


def test_partition_files_equal_per_group_conversion(tmp_path):
    """Slicing one Arrow table per table gives the rows a conversion per file gives."""
    rows = {t: [] for t in TABLES}
    docs = [_doc(), Document(text="خبر بلا تاريخ", id="a2")]
    for i, d in enumerate(docs):
        for t, r in document_rows(d.to_dict(), input="x", record=i, partition="p0", text=d.text).items():
            rows[t].extend(r)
    write_settings(tmp_path, ("month", "country"))
    write_partition(tmp_path, "p0", rows, ("month", "country"))
    for t in TABLES:
        got = read_table(tmp_path, t)
        want = to_arrow(t, rows[t])
        key = [(c, "ascending") for c in ("article_id", "n", "record") if c in want.column_names]
        assert got.select(want.column_names).sort_by(key).to_pylist() == want.sort_by(key).to_pylist(), t
