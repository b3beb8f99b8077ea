"""The server's column index answers exactly as the store's own queries, on every filter."""

from __future__ import annotations

import datetime as _dt
import random

import pytest

pytest.importorskip("numpy")
pytest.importorskip("rasd.store")

from rasd.doc import Event  # noqa: E402
from rasd.server.backend import EventFilter  # noqa: E402
from rasd.server.sample import make_article, sample_corpus  # noqa: E402
from rasd.server.store_backend import StoreBackend, _query, build_store  # noqa: E402

FILTERS = [
    EventFilter(),
    EventFilter(country="SY"),
    EventFilter(country="ye", type="assault"),
    EventFilter(acled_type="BATTLES"),
    EventFilter(since="2024-02-01"),
    EventFilter(until="2024-02-10"),
    EventFilter(since="2024-03-01", until="2024-03-31", country="LY"),
    EventFilter(min_fatalities=0),
    EventFilter(min_fatalities=15, type="ASSAULT"),
    EventFilter(actor="قوات"),
    EventFilter(actor="no such actor"),
    EventFilter(near=(36.2, 37.13, 30.0)),
    EventFilter(near=(15.0, 44.0, 400.0), type="PROTEST"),
    EventFilter(q="حلب"),
    EventFilter(q="بتعز", since="2024-02-01"),
    EventFilter(include_duplicates=True),
    EventFilter(include_duplicates=True, country="SY"),
]


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    docs = sample_corpus(70, seed=21)
    # an article whose event has neither place nor date nor figures: NULLs must filter like SQL
    odd = make_article(500, random.Random(2), _dt.date(2024, 2, 5), n_events=1)
    odd.id = "odd"
    odd.events.append(Event(type="CONSULT", evidence=list(odd.events[0].evidence), confidence=0.4))
    # a near-duplicate of the first article (one more word): its events are left out by default
    dup = make_article(0, random.Random(2), _dt.date(2024, 2, 5), n_events=1)
    dup.text, dup.id = docs[0].text + " عاجل", "near-dup"
    dup.events, dup.entities, dup.places, dup.dates = (list(docs[0].events), list(docs[0].entities),
                                                       list(docs[0].places), list(docs[0].dates))
    dup.figures, dup.quotes = list(docs[0].figures), list(docs[0].quotes)
    path = tmp_path_factory.mktemp("idx") / "i.db"
    build_store(path, [*docs, odd, dup])
    b = StoreBackend(path)
    b.points(EventFilter(), 1)  # waits for the column index
    assert b.ready()
    return b


@pytest.mark.parametrize("flt", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_index_equals_store(backend, flt):
    assert backend.index is not None
    st = backend.store()
    assert st.stats()["events_of_near_duplicates"] > 0
    q = _query(flt)
    want = [e["id"] for e in st.events(q, limit=100000)]
    total, page = backend.events(flt, 100000, 0)
    assert total == st.count_events(q) == len(want)
    assert [e["id"] for e in page] == want
    assert [p[0] for p in backend.points(flt, 100000)] == want
    total, page = backend.events(flt, 7, 3)
    assert [e["id"] for e in page] == want[3:10]


def test_index_follows_new_articles(backend, tmp_path):
    import shutil

    path = tmp_path / "grow.db"
    shutil.copy(backend.path, path)
    b = StoreBackend(path)
    before, _ = b.events(EventFilter(), 1, 0)
    extra = sample_corpus(3, seed=99)
    for d in extra:
        d.id = "extra-" + d.id
    b.ingest(extra[0])
    after, page = b.events(EventFilter(), 100000, 0)  # the store's SQL while the index catches up
    assert after == before + len(extra[0].events)
    b.points(EventFilter(), 1)
    assert b.ready()
    after, page = b.events(EventFilter(), 100000, 0)
    assert after == before + len(extra[0].events)
    assert after == b.store().count_events(_query(EventFilter()))


def test_sql_built_records_equal_python_ones(backend):
    """The JSON records SQLite builds for pages are exactly what flat_event() makes."""
    import json

    from rasd.server.backend import flat_event

    rows = backend.store().conn.execute(
        "SELECT e.rid, e.id, e.data, a.id, a.title, a.source, a.url, a.published FROM events e "
        "JOIN articles a ON a.rid = e.article_rid").fetchall()
    made = backend._fragments_sql([r[0] for r in rows])
    assert len(made) == len(rows)
    for rid, eid, data, aid, title, source, url, published in rows:
        want = flat_event(json.loads(data), {"id": aid, "title": title, "source": source, "url": url,
                                             "published": published}, eid)
        assert json.loads(made[rid]) == want
