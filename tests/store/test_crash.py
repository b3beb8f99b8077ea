"""kill -9 in the middle of an ingest: no half-written article, and the same run finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from rasd.store import Store
from tests.conftest import ROOT
from tests.store.corpus import StubPipeline, article, write_jsonl

N = 160

CHILD = """
import sys
sys.path.insert(0, {root!r})
from rasd.store import Store
from tests.store.corpus import StubPipeline
st = Store.open({db!r})
st.ingest([{src!r}], pipeline=StubPipeline(delay=0.01), batch_size=7, commit_seconds=0.05)
print("finished", flush=True)
"""


def _consistent(db) -> int:
    c = sqlite3.connect(db)
    try:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        # every article came with its extraction, full-text entry, signature and LSH bands
        assert c.execute("SELECT count(*) FROM extractions").fetchone()[0] == n
        assert c.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
        assert c.execute("SELECT count(*) FROM minhash").fetchone()[0] == n
        assert c.execute("SELECT count(DISTINCT article_rid) FROM lsh").fetchone()[0] == n
        # and with all its events (as many as its extraction row says)
        bad = c.execute("SELECT count(*) FROM extractions x WHERE n_events != "
                        "(SELECT count(*) FROM events e WHERE e.article_rid = x.article_rid)").fetchone()[0]
        assert bad == 0
        assert c.execute("SELECT (SELECT count(*) FROM events_geo) + (SELECT count(*) FROM events_geo_dup)"
                         ).fetchone()[0] == c.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL").fetchone()[0]
        # the statistics' counters agree with the events
        assert c.execute("SELECT coalesce(sum(n), 0) FROM event_counts WHERE dim = 'events'").fetchone()[0] == \
            c.execute("SELECT count(*) FROM events").fetchone()[0]
        assert c.execute("SELECT count(DISTINCT ext_id) FROM articles").fetchone()[0] == n
        return n
    finally:
        c.close()


def test_kill_9_mid_ingest_then_resume(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [article(i) for i in range(N)])
    db = str(tmp_path / "crash.db")
    Store.open(db).close()  # schema first, so that polling can start at once
    code = CHILD.format(root=str(ROOT), db=db, src=str(src))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 40
        seen = 0
        while time.monotonic() < deadline and proc.poll() is None:
            c = sqlite3.connect(db, timeout=5)
            try:
                seen = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            finally:
                c.close()
            if seen >= 30:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert seen >= 30
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    # the WAL may hold an unfinished transaction: opening recovers to the last commit
    stored = _consistent(db)
    assert 30 <= stored < N
    with Store.open(db) as st:
        s = st.ingest([src], pipeline=StubPipeline())
        assert s.duplicates == stored and s.ingested == N - stored and s.failed == 0
    assert _consistent(db) == N
    with Store.open(db) as st:
        assert sorted(a["ext_id"] for a in st.articles(limit=1000)) == sorted(f"t{i}" for i in range(N))
