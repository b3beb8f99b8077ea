"""The ACLED CSV and PLOVER JSONL writers (rasd.io.acled, rasd.io.plover)."""

from __future__ import annotations

import csv
import io
import json

import rasd
from rasd.io.acled import ACLED_COLUMNS, acled_row
from rasd.io.writers import write_documents

TEXT = "قتل خمسة جنود في هجوم شنه مسلحون على حاجز عسكري قرب مدينة درعا أمس."


def _doc():
    return rasd.extract(TEXT, published="2024-05-12", id="t1", source="test")


def test_acled_csv_has_acled_columns_and_evidence():
    out = io.StringIO()
    write_documents([_doc()], "acled-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows, out.getvalue()
    header = out.getvalue().splitlines()[0].split(",")
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    r = rows[0]
    assert r["event_date"] == "2024-05-11" and r["year"] == "2024" and r["time_precision"] == "1"
    assert r["event_type"] == "Battles" and r["country"] == "Syria" and r["iso"] == "760"
    assert r["fatalities"] == "5" and r["rasd_plover_type"] == "ASSAULT" and r["rasd_article_id"] == "t1"
    assert TEXT[int(r["rasd_evidence_start"]):int(r["rasd_evidence_end"])] == r["rasd_evidence_text"]


def test_acled_row_of_a_single_event():
    ev = _doc().events[0]
    row = acled_row(ev, article_id="x")
    assert set(ACLED_COLUMNS) <= set(row) and row["rasd_article_id"] == "x"


def test_plover_jsonl_fields():
    out = io.StringIO()
    write_documents([_doc()], "plover-jsonl", out)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert recs
    r = recs[0]
    for k in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "size"):
        assert k in r
    assert r["event"] == "ASSAULT" and r["size"]["dead"] == 5 and r["event_loc"]["country"] == "SY"
