"""``rasd import``: a batch output into the corpus store, idempotently, with the same events as ingest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rasd.batch import BatchOptions, run_batch
from rasd.batch.importer import import_batch
from rasd.cli import main
from tests.batch.batch_corpus import write_corpus

pytest.importorskip("rasd.store")


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    base = tmp_path_factory.mktemp("imp")
    good, nbad = write_corpus(base / "news.jsonl", 10)
    run_batch([str(base / "news.jsonl")], base / "out", BatchOptions(partition_size=4))
    return {"src": base / "news.jsonl", "out": base / "out", "good": good, "nbad": nbad}


def _events(store) -> list[dict]:
    return sorted(store.iter_events(include_duplicates=True), key=lambda e: e["id"])


def test_import_twice_stores_once_and_matches_ingest(batch_out):
    from rasd.store import Store

    with Store.memory() as st:
        s1 = import_batch(batch_out["out"], st)
        assert (s1.stored, s1.duplicates, s1.failed) == (len(batch_out["good"]), 0, 0)
        assert s1.failures == batch_out["nbad"] and not s1.incomplete
        first = _events(st)
        assert len(first) == s1.events
        s2 = import_batch(batch_out["out"], st)
        assert (s2.stored, s2.duplicates, s2.events, s2.failures) == (0, len(batch_out["good"]), 0, 0)
        assert _events(st) == first
        assert len(st.articles(limit=1000)) == len(batch_out["good"])
        assert all(e["id"].startswith(e["article_id"] + "-e") for e in first)
    # the same articles ingested directly (extracted by the store itself) give the same events
    recs = [json.loads(x) for x in batch_out["src"].read_text(encoding="utf-8").splitlines()
            if x.startswith('{"id": "gen-')]
    with Store.memory() as st:
        st.ingest_records(recs)
        assert _events(st) == first


def test_import_command(batch_out, tmp_path):
    db = tmp_path / "corpus.db"
    r = CliRunner().invoke(main, ["import", str(batch_out["out"]), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert f"imported {len(batch_out['good'])} articles" in r.output
    r = CliRunner().invoke(main, ["import", str(batch_out["out"]), "--db", str(db)])
    assert r.exit_code == 0 and "imported 0 articles" in r.output and f"{len(batch_out['good'])} already" in r.output
    r = CliRunner().invoke(main, ["import", str(tmp_path), "--db", str(db)])
    assert r.exit_code == 1 and "not a rasd batch output" in r.output
