"""run_batch on the local engine: outputs, failures, resuming, changed inputs (rasd.batch.runner)."""

from __future__ import annotations

import json
import shutil

import pytest

from rasd.batch import BatchOptions, run_batch
from rasd.batch.manifest import Manifest
from rasd.batch.output import read_table
from tests.batch.batch_corpus import article_ids, snapshot, write_corpus

SIZE = 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """24 generated articles with 3 bad records, and a reference output of one full local run."""
    base = tmp_path_factory.mktemp("corpus")
    good, nbad = write_corpus(base / "in" / "news.jsonl", 24)
    ref = base / "ref"
    summary = run_batch([str(base / "in" / "news.jsonl")], ref, BatchOptions(partition_size=SIZE))
    return {"path": base / "in" / "news.jsonl", "good": good, "nbad": nbad, "ref": ref, "summary": summary,
            "snap": snapshot(ref)}


def test_full_run(corpus):
    s, ref = corpus["summary"], corpus["ref"]
    n = len(corpus["good"]) + corpus["nbad"]
    assert s.complete and s.done == s.partitions == -(-n // SIZE) and s.skipped == 0
    assert (s.articles, s.failed) == (len(corpus["good"]), corpus["nbad"])
    ids = article_ids(ref)
    assert sorted(ids) == sorted(corpus["good"]) and len(set(ids)) == len(ids)
    fails = [json.loads(x) for x in (ref / "failures.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(fails) == corpus["nbad"]
    assert {f["id"] for f in fails} >= {"bad-english", "bad-no-text", "bad-empty"}
    assert all(f["reason"] and f["input"] == "news.jsonl" and f["record"] > 0 for f in fails)
    assert any("malformed JSON" in f["reason"] for f in fails)
    arts = read_table(ref, "articles").to_pylist()
    assert {a["month"] for a in arts} >= {"2023-01", "2024-06"}
    assert all(a["month"] == a["published"].isoformat()[:7] for a in arts)
    assert len(Manifest(ref)) == s.partitions
    assert json.loads((ref / "_summary.json").read_text())["complete"] is True


def test_rerun_does_nothing(corpus, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(corpus["ref"], out)
    s = run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE))
    assert s.done == 0 and s.skipped == s.partitions and s.complete
    assert snapshot(out) == corpus["snap"]


def test_resume_after_limit(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE, limit=12))
    assert first.done == 3 and first.articles + first.failed == 12
    second = run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE))
    # the two full chunks are kept; the cut chunk (other content) is redone, then the rest
    assert second.skipped == 2 and second.done == corpus["summary"].partitions - 2
    assert snapshot(out) == corpus["snap"]


def test_resume_after_interrupt_mid_partition(corpus, tmp_path, monkeypatch):
    import rasd.batch.worker as worker

    real = worker.write_partition
    calls = {"n": 0}

    def interrupted(out, pid, rows, partition_by, after_write=None):
        calls["n"] += 1
        if calls["n"] == 3:  # Ctrl-C while the third partition is half written
            def stop(_rel):
                raise KeyboardInterrupt
            return real(out, pid, rows, partition_by, after_write=stop)
        return real(out, pid, rows, partition_by, after_write)

    monkeypatch.setattr(worker, "write_partition", interrupted)
    out = tmp_path / "out"
    s = run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE))
    assert s.interrupted and not s.complete and s.done == 2 and len(Manifest(out)) == 2
    monkeypatch.setattr(worker, "write_partition", real)
    s2 = run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE))
    assert s2.complete and s2.skipped == 2 and s2.done == corpus["summary"].partitions - 2
    assert snapshot(out) == corpus["snap"]


def test_torn_manifest_line_is_redone(corpus, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(corpus["ref"], out)
    m = out / "_manifest.jsonl"
    data = m.read_bytes()
    m.write_bytes(data[: len(data) - 40])  # a crash in the middle of the last append
    s = run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE))
    assert s.done == 1 and s.skipped == corpus["summary"].partitions - 1
    assert snapshot(out) == corpus["snap"]
    assert len(Manifest(out)) == corpus["summary"].partitions


def test_changed_input_replaces_its_partitions(tmp_path):
    src = tmp_path / "in" / "news.jsonl"
    write_corpus(src, 7, bad=False)
    out = tmp_path / "out"
    run_batch([str(src)], out, BatchOptions(partition_size=3))
    write_corpus(src, 11, bad=False)  # grown: the last, short chunk changes and new chunks appear
    s = run_batch([str(src)], out, BatchOptions(partition_size=3))
    assert s.skipped == 2 and s.done == 2
    ids = article_ids(out)
    assert sorted(ids) == [f"gen-{i:03d}" for i in range(11)]
    write_corpus(src, 4, bad=False)  # shrunk: the partitions past its end are removed
    s = run_batch([str(src)], out, BatchOptions(partition_size=3))
    assert sorted(article_ids(out)) == [f"gen-{i:03d}" for i in range(4)]
    fresh = tmp_path / "fresh"
    run_batch([str(src)], fresh, BatchOptions(partition_size=3))
    assert snapshot(out) == snapshot(fresh)


def test_parquet_input_gives_the_same_articles(corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = [json.loads(x) for x in corpus["path"].read_text(encoding="utf-8").splitlines()
            if x.startswith('{"id": "gen-')]
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "news.parquet", row_group_size=10)
    out = tmp_path / "out"
    s = run_batch([str(tmp_path / "news.parquet")], out, BatchOptions(partition_size=SIZE))
    assert s.complete and s.failed == 0
    assert sorted(article_ids(out)) == sorted(corpus["good"])
    strip = ("input", "record", "partition")
    ref = sorted(tuple((k, v) for k, v in r.items() if k not in strip) for r in read_table(corpus["ref"], "articles").to_pylist())
    got = sorted(tuple((k, v) for k, v in r.items() if k not in strip) for r in read_table(out, "articles").to_pylist())
    assert got == ref


def test_other_partitioning_is_refused(corpus, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(corpus["ref"], out)
    with pytest.raises(ValueError, match="partitioned by month,country"):
        run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE, partition_by=("month",)))


def test_one_driver_at_a_time_and_leftovers_cleaned(corpus, tmp_path):
    from rasd.batch.runner import _exclusive

    out = tmp_path / "out"
    shutil.copytree(corpus["ref"], out)
    with _exclusive(out), pytest.raises(ValueError, match="another rasd batch"):
        run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE))
    stale = out / "events" / ".part-x.parquet.0123.tmp"  # what a worker killed mid-write leaves
    stale.write_bytes(b"half")
    assert run_batch([str(corpus["path"])], out, BatchOptions(partition_size=SIZE)).complete
    assert not stale.exists()
