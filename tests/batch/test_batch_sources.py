"""Input discovery and partition planning (rasd.batch.sources)."""

from __future__ import annotations

import json

import pytest

from rasd.batch.sources import discover, load_records, partition_id, plan_file
from rasd.io.validate import InputError
from tests.batch.batch_corpus import write_corpus


def _records(specs):
    return [rec for s in specs for _pos, rec in load_records(s)]


def test_plain_partitions_cover_every_record_once(tmp_path):
    good, nbad = write_corpus(tmp_path / "in" / "a.jsonl", 30)
    [f] = discover([str(tmp_path / "in")])
    specs = list(plan_file(f, 7))
    assert [s.count for s in specs] == [7, 7, 7, 7, len(good) + nbad - 28]
    assert len({s.id for s in specs}) == len(specs)
    recs = _records(specs)
    assert len(recs) == len(good) + nbad
    ids = [r["id"] for r in recs if isinstance(r, dict)]
    assert [i for i in ids if i.startswith("gen-")] == good
    reasons = [r[1] for r in recs if isinstance(r, tuple)]
    assert any("malformed JSON" in r for r in reasons) and any("not a JSON object" in r for r in reasons)


def test_gzip_plans_like_plain(tmp_path):
    write_corpus(tmp_path / "p" / "x.jsonl", 25)
    write_corpus(tmp_path / "g" / "x.jsonl.gz", 25)
    [fp] = discover([str(tmp_path / "p")])
    [fg] = discover([str(tmp_path / "g")])
    sp, sg = list(plan_file(fp, 6)), list(plan_file(fg, 6))
    assert fg.kind == "jsonl.gz"
    assert [(s.count, s.digest) for s in sp] == [(s.count, s.digest) for s in sg]
    assert _records(sp) == [r if isinstance(r, dict) else (r[0].replace(".gz", ""), r[1]) for r in _records(sg)]


def test_limit_cuts_the_plan(tmp_path):
    write_corpus(tmp_path / "a.jsonl", 30)
    [f] = discover([str(tmp_path / "a.jsonl")])
    specs = list(plan_file(f, 4, limit=10))
    assert [s.count for s in specs] == [4, 4, 2]
    full = list(plan_file(f, 4))
    assert specs[0].digest == full[0].digest and specs[2].digest != full[2].digest


def test_line_numbers_and_default_ids(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('\n{"content": "نص أول"}\n\n{"id": 7, "content": "نص ثان"}\n', encoding="utf-8")
    [f] = discover([str(p)])
    [spec] = list(plan_file(f, 10))
    assert [(pos, rec["id"]) for pos, rec in load_records(spec)] == [(2, "c.jsonl:2"), (4, 7)]


def test_parquet_row_ranges(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = [{"id": f"p{i}", "text": f"خبر رقم {i}", "published": "2024-01-02"} for i in range(23)]
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "n.parquet", row_group_size=5)
    [f] = discover([str(tmp_path)])
    specs = list(plan_file(f, 4))
    assert f.kind == "parquet" and [s.count for s in specs] == [4, 4, 4, 4, 4, 3]
    got = [(pos, rec["id"]) for s in specs for pos, rec in load_records(s)]
    assert got == [(i, f"p{i}") for i in range(23)]


def test_discover_dirs_globs_and_tags(tmp_path):
    for rel in ("2024/01/a.jsonl", "2024/02/a.jsonl", "2024/02/b.jsonl.gz", "2024/_skip/c.jsonl", "notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(json.dumps({"content": "نص"}) + "\n", encoding="utf-8")
    tags = [f.tag for f in discover([str(tmp_path)])]
    assert tags == ["2024/01/a.jsonl", "2024/02/a.jsonl", "2024/02/b.jsonl.gz"]
    assert [f.tag for f in discover([str(tmp_path / "2024" / "*" / "a.jsonl")])] == ["01/a.jsonl", "02/a.jsonl"]
    with pytest.raises(InputError, match="both named"):
        discover([str(tmp_path / "2024/01/a.jsonl"), str(tmp_path / "2024/02/a.jsonl")])
    with pytest.raises(InputError, match="no such file"):
        discover([str(tmp_path / "missing")])
    # the output directory is never read as input
    assert [f.tag for f in discover([str(tmp_path)], exclude=tmp_path / "2024" / "02")] == ["2024/01/a.jsonl"]


def test_partition_ids_are_safe_and_distinct():
    a, b = partition_id("2024/01/a b.jsonl", 3), partition_id("2024_01_a_b.jsonl", 3)
    assert a != b and "/" not in a and " " not in a and a.endswith("-c000003")
