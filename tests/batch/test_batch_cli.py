"""The ``rasd batch`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from tests.batch.batch_corpus import article_ids, write_corpus


def test_batch_command_runs_and_resumes(tmp_path):
    good, nbad = write_corpus(tmp_path / "in" / "x.jsonl", 8)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "--out", str(out), "--partition-size", "5"])
    assert r.exit_code == 0, r.output
    assert f"{len(good)} extracted, {nbad} failed" in r.output
    assert sorted(article_ids(out)) == sorted(good)
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "--out", str(out), "--partition-size", "5",
                                  "--strict"])
    assert r.exit_code == 0 and "nothing left to do" in r.output and "already done" in r.output
    assert len((out / "failures.jsonl").read_text(encoding="utf-8").splitlines()) == nbad


def test_batch_command_errors(tmp_path):
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "no such file" in r.output
    write_corpus(tmp_path / "x.jsonl", 5)  # one bad record among them
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "o"),
                                  "--partition-by", "outlet"])
    assert r.exit_code == 2 and "cannot partition by outlet" in r.output
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "o"), "--strict"])
    assert r.exit_code == 3


def test_batch_command_interrupted_exits_130(tmp_path, monkeypatch):
    import rasd.batch.worker as worker

    def stop(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(worker, "write_partition", stop)
    write_corpus(tmp_path / "x.jsonl", 4)
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 130 and "rerun the same command" in r.output


@pytest.mark.slow
def test_batch_command_on_a_local_dask_cluster(tmp_path):
    """The whole command with --engine dask --workers 2: starts and stops its own LocalCluster."""
    good, _ = write_corpus(tmp_path / "in" / "x.jsonl", 6, bad=False)
    base = ["batch", str(tmp_path / "in"), "--partition-size", "2", "--partition-by", "month"]
    r = CliRunner().invoke(main, [*base, "--out", str(tmp_path / "dask"), "--engine", "dask", "--workers", "2",
                                  "--no-progress"])
    assert r.exit_code == 0, r.output
    assert "(dask, 2 worker(s)" in r.output
    ids = article_ids(tmp_path / "dask")  # equality with --engine local: test_batch_dask.py
    assert sorted(ids) == sorted(good)
    summary = json.loads((tmp_path / "dask" / "_summary.json").read_text())
    assert summary["complete"] and summary["engine"] == "dask"
