"""The store commands end to end (ingest, events, search, stats, export, reprocess) and the exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import rasd.pipeline
from rasd.cli import main
from rasd.io.acled import COLUMNS
from tests.store.corpus import StubPipeline, article, write_jsonl

N = 40


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr(rasd.pipeline, "_default", StubPipeline())
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [article(i) for i in range(N)])
    path = tmp_path / "cli.db"
    res = CliRunner().invoke(main, ["ingest", "--db", str(path), "--json", "--no-progress", str(src)])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["ingested"] == N and summary["failed"] == 0
    assert "ingested 40, duplicates 0, near-duplicates 0, failed 0" in res.stderr
    return path


def run(*args, env=None):
    res = CliRunner().invoke(main, list(args), env=env)
    assert res.exit_code == 0, (res.output, res.exception)
    return res


def test_ingest_again_and_env_db(db, tmp_path):
    src = tmp_path / "in.jsonl"
    res = run("ingest", "--no-progress", str(src), env={"RASD_DB": str(db)})
    assert "ingested 0, duplicates 40" in res.stderr
    res = run("stats", "--format", "json", env={"RASD_DB": str(db)})
    s = json.loads(res.stdout)
    assert s["articles"] == N and s["events"] == N
    assert sum(s["by_country"].values()) == N and set(s["by_country"]) == {"LY", "YE", "SY"}
    assert s["first_date"] == "2024-01-01"
    assert "articles   40" in run("stats", "--db", str(db)).stdout


def test_events_formats_and_filters(db):
    rows = json.loads(run("events", "--db", str(db), "--country", "LY", "--format", "json", "--limit", "500").stdout)
    assert rows and all(r["location"]["country_code"] == "LY" for r in rows)
    assert len(rows) == sum(1 for i in range(N) if i % 6 < 3)  # the first three cities are Libyan
    for r in rows:  # the event schema of `rasd extract`
        assert {"type", "evidence", "trigger", "location", "actors", "fatalities", "event_type", "id",
                "article_id"} <= set(r)
    killed = json.loads(run("events", "--db", str(db), "--type", "ASSAULT", "--min-fatalities", "9",
                            "--format", "json").stdout)
    assert killed and all(r["fatalities"] >= 9 and r["type"] == "ASSAULT" for r in killed)
    near = json.loads(run("events", "--db", str(db), "--near", "32.89,13.19,10", "--format", "json").stdout)
    assert near and {r["location"]["name"] for r in near} == {"طرابلس"}
    lines = run("events", "--db", str(db), "--since", "2024-01-10", "--until", "2024-01-12",
                "--format", "jsonl").stdout.splitlines()
    assert lines and all("2024-01-10" <= json.loads(x)["date"] <= "2024-01-12" for x in lines)
    table = run("events", "--db", str(db), "--acled-type", "battles", "--limit", "3").stdout
    assert "Battles" in table and "of" in table
    gj = json.loads(run("events", "--db", str(db), "--format", "geojson").stdout)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    bad = CliRunner().invoke(main, ["events", "--db", str(db), "--near", "north"])
    assert bad.exit_code == 2 and "LAT,LON,KM" in bad.output
    missing = CliRunner().invoke(main, ["events", "--db", str(db) + ".nope"])
    assert missing.exit_code == 4 and "no store" in missing.stderr


def test_search_cli(db):
    hits = json.loads(run("search", "--db", str(db), "مصراتة", "--format", "json").stdout)
    assert hits and all({"article_id", "title", "snippet"} <= set(h) for h in hits)
    assert all("مصراتة" in h["snippet"]["text"] for h in hits)
    out = run("search", "--db", str(db), "مصراته").stdout  # ta marbuta folded
    assert "[مصراتة]" in out
    newest = json.loads(run("search", "--db", str(db), "مصراتة", "--newest", "--format", "json").stdout)
    assert {h["article_id"] for h in newest} == {h["article_id"] for h in hits}


def test_exports(db, tmp_path):
    out = tmp_path / "e.csv"
    run("export", "--db", str(db), "--format", "acled-csv", "--out", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    with open(out, encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == COLUMNS
    assert rows and all(r["event_type"] for r in rows)
    assert {r["rasd_plover_type"] for r in rows} == {"ASSAULT"}

    gj = tmp_path / "e.geojson"
    run("export", "--db", str(db), "--format", "geojson", "--out", str(gj))
    fc = json.loads(gj.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == N
    f = fc["features"][0]
    assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
    lon, lat = f["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["type"]

    pl = tmp_path / "e.plover.jsonl"
    run("export", "--db", str(db), "--format", "plover-jsonl", "--out", str(pl))
    recs = [json.loads(x) for x in pl.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == N and all(r["event"] and r["article_id"] for r in recs)

    pq_path = tmp_path / "e.parquet"
    run("export", "--db", str(db), "--format", "parquet", "--out", str(pq_path), "--country", "YE")
    import pyarrow.parquet as pq

    t = pq.read_table(pq_path)
    assert t.num_rows == sum(1 for i in range(N) if i % 6 in (3, 4))
    assert set(t.column("country_code").to_pylist()) == {"YE"}
    assert json.loads(t.column("event_json")[0].as_py())["type"]
    bad = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert bad.exit_code == 2


def test_parquet_row_groups_bounded(tmp_path):
    from rasd.store.export import write_parquet

    def gen():
        for i in range(2500):
            yield {"id": f"e{i}", "article_id": "a", "type": "ASSAULT", "evidence": [],
                   "location": {"lat": 1.0, "lon": 2.0}, "article": {"published": "2024-01-01"}}

    import pyarrow.parquet as pq

    n = write_parquet(gen(), tmp_path / "x.parquet", batch=1000)
    meta = pq.ParquetFile(tmp_path / "x.parquet").metadata
    assert n == 2500 and meta.num_rows == 2500 and meta.num_row_groups == 3


def test_reprocess_cli(db, monkeypatch):
    monkeypatch.setattr(rasd.pipeline, "_default", StubPipeline(tag="v2"))
    res = run("reprocess", "--db", str(db), "--no-progress")
    assert "re-extracted 40" in res.stderr
    res = run("reprocess", "--db", str(db), "--no-progress")
    assert "re-extracted 0" in res.stderr


def test_extract_geojson_writer():
    from rasd.doc import Document, Event, Place, Span
    from rasd.io.writers import write_documents

    text = "قصف على حي في طرابلس."
    doc = Document(text=text, id="x")
    p = text.find("طرابلس")
    doc.events.append(Event(type="ASSAULT", evidence=[Span(0, len(text), text)],
                            location=Place(p, p + 6, "طرابلس", country_code="LY", lat=32.9, lon=13.2)))
    doc.events.append(Event(type="ASSAULT", evidence=[Span(0, 3, text[:3])]))  # no place: left out
    buf = io.StringIO()
    write_documents([doc], "geojson", buf)
    fc = json.loads(buf.getvalue())
    assert len(fc["features"]) == 1 and fc["features"][0]["geometry"]["coordinates"] == [13.2, 32.9]
