"""The Dask engine on a 2-worker LocalCluster: same answers as one process, a killed worker, no duplicates."""

from __future__ import annotations

import logging

import pytest

from rasd.batch import BatchOptions, run_batch
from rasd.batch.manifest import Manifest
from tests.batch.batch_corpus import article_ids, snapshot, write_corpus

pytest.importorskip("distributed")

SIZE = 4


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 worker processes with 1 thread each, shut down after the module."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Generated articles (with bad records) in two files, one gzipped, and a local reference run."""
    base = tmp_path_factory.mktemp("dask")
    good1, bad1 = write_corpus(base / "in" / "a.jsonl", 14)
    good2, bad2 = write_corpus(base / "in" / "b.jsonl.gz", 8, start=100)
    ref = base / "ref"
    s = run_batch([str(base / "in")], ref, BatchOptions(partition_size=SIZE))
    return {"in": base / "in", "good": good1 + good2, "nbad": bad1 + bad2, "ref": ref, "summary": s,
            "snap": snapshot(ref)}


@pytest.mark.slow
def test_dask_equals_local(cluster, corpus, tmp_path):
    out = tmp_path / "out"
    s = run_batch([str(corpus["in"])], out, BatchOptions(engine="dask", scheduler=cluster, partition_size=SIZE))
    assert s.engine == "dask" and s.workers == 2 and s.complete
    assert (s.articles, s.failed) == (len(corpus["good"]), corpus["nbad"])
    assert snapshot(out) == corpus["snap"]
    assert (out / "failures.jsonl").read_text() == (corpus["ref"] / "failures.jsonl").read_text()
    assert all(0 < mb < 2000 for mb in s.peak_rss_mb.values())


@pytest.mark.slow
def test_killed_worker_loses_and_duplicates_nothing(cluster, corpus, tmp_path):
    out, marker = tmp_path / "out", tmp_path / "killed.marker"
    s = run_batch([str(corpus["in"])], out, BatchOptions(engine="dask", scheduler=cluster, partition_size=SIZE,
                                                         fault={"kill_once": str(marker), "chunk": 1}))
    assert marker.exists(), "the fault hook did not fire: the test would prove nothing"
    assert s.complete and s.done == corpus["summary"].partitions
    ids = article_ids(out)
    assert len(ids) == len(set(ids)) == len(corpus["good"])
    assert snapshot(out) == corpus["snap"]
    assert len(Manifest(out)) == corpus["summary"].partitions
    assert not [p for p in out.rglob(".*.tmp")]
    # rerunning a finished job does nothing (and starts no cluster)
    again = run_batch([str(corpus["in"])], out, BatchOptions(engine="dask", workers=2, partition_size=SIZE))
    assert (again.done, again.skipped, again.workers) == (0, corpus["summary"].partitions, 0)
    assert snapshot(out) == corpus["snap"]
