"""The SQLite corpus store on real files: schema, idempotent ingest, near-duplicates, queries, search."""

from __future__ import annotations

import sqlite3

import pytest

from rasd.doc import Document, Event, Place, Span
from rasd.store import CorpusStore, EventQuery, Store
from rasd.store.schema import SCHEMA_VERSION, SchemaError
from tests.store.corpus import StubPipeline, article, write_jsonl

N = 60


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "corpus.jsonl"
    write_jsonl(p, [article(i) for i in range(N)])
    return p


@pytest.fixture
def store(tmp_path, corpus):
    st = Store.open(tmp_path / "rasd.db")
    st.ingest([corpus], pipeline=StubPipeline())
    yield st
    st.close()


def test_open_creates_wal_schema_with_foreign_keys(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as st:
        c = st.conn
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert {"articles", "extractions", "events", "entities", "places", "quotes", "failures",
                "articles_fts", "events_geo", "minhash", "lsh"} <= tables
        assert isinstance(st, CorpusStore)
    with Store.open(path) as st:  # reopening applies no migration twice
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    c.commit()
    c.close()
    with pytest.raises(SchemaError):
        Store.open(path)


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(OSError):
        Store.open(bad)


def test_default_path_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_DB", str(tmp_path / "env.db"))
    with Store.open() as st:
        assert st.path == str(tmp_path / "env.db")
    assert (tmp_path / "env.db").is_file()


def test_ingest_is_idempotent(store, corpus):
    assert store.stats()["articles"] == N
    events_before = store.count_events()
    again = store.ingest([corpus], pipeline=StubPipeline())
    assert (again.ingested, again.duplicates, again.failed) == (0, N, 0)
    assert store.stats()["articles"] == N
    assert store.count_events() == events_before
    # the same text with diacritics, tatweel, other spacing and quote marks is the same article
    rec = article(3)
    rec["text"] = rec["text"].replace("قصفت", "قَصَفَتْ").replace(" ", "  ").replace("،", "ـ،")
    s = store.ingest_records([rec], pipeline=StubPipeline())
    assert (s.ingested, s.duplicates) == (0, 1)


def test_ids_are_stable_and_unique(store, tmp_path, corpus):
    ids = [a["id"] for a in store.articles(limit=1000)]
    assert len(ids) == len(set(ids)) == N
    ev_ids = [e["id"] for e in store.events(limit=1000)]
    assert len(ev_ids) == len(set(ev_ids))
    assert all(e.startswith(e_art) for e, e_art in ((x["id"], x["article_id"]) for x in store.events(limit=5)))
    with Store.open(tmp_path / "other.db") as other:  # ids depend on content only
        other.ingest([corpus], pipeline=StubPipeline())
        assert sorted(a["id"] for a in other.articles(limit=1000)) == sorted(ids)
    one = store.article(ids[0])
    assert one["id"] == ids[0] and one["text"]
    assert store.article(one["ext_id"])["id"] == ids[0]  # also found by the input's own id


def _wire(intro: str) -> str:
    body = ("أعلنت السلطات المحلية في مدينة مصراتة أن فرق الإنقاذ انتشلت جثث سبعة أشخاص من تحت أنقاض مبنى "
            "سكني انهار بعد قصف استهدف المنطقة الصناعية فجر اليوم، وأضافت أن عمليات البحث ما زالت مستمرة "
            "عن مفقودين آخرين، فيما نقل المصابون إلى مستشفى المدينة المركزي لتلقي العلاج. وأكد مسؤول في "
            "البلدية أن الأضرار طالت عشرات المنازل والمحال التجارية في الشوارع المحيطة بالمبنى، وأن لجنة "
            "فنية ستقدر الخسائر خلال الأيام المقبلة تمهيدا لتعويض المتضررين.")
    return intro + " " + body


def test_near_duplicates_are_linked_across_runs(tmp_path):
    path = tmp_path / "nd.db"
    first = {"id": "w1", "text": _wire("(وكالة الأنباء) -"), "published": "2024-02-01", "source": "وكالة"}
    second = {"id": "w2", "text": _wire("نقلت صحيفتنا عن مصادر رسمية:") + " وللقصة بقية.",
              "published": "2024-02-01", "source": "صحيفة"}
    other = article(5)
    with Store.open(path) as st:
        s = st.ingest_records([first, other], pipeline=StubPipeline())
        assert (s.ingested, s.near_duplicates) == (2, 0)
    with Store.open(path) as st:  # a later run still finds the first (LSH persisted in the file)
        s = st.ingest_records([second], pipeline=StubPipeline())
        assert (s.ingested, s.near_duplicates, s.duplicates) == (1, 1, 0)
        a1, a2 = st.article("w1"), st.article("w2")
        assert a2["near_duplicate_of"] == a1["id"] and a1["near_duplicate_of"] is None
        assert a2["similarity"] >= 0.5
        # its events are stored but left out of queries, counts and exports unless asked for
        assert len(a2["events"]) == 1
        assert st.count_events(article_id=a2["id"]) == 0
        assert st.count_events(article_id=a2["id"], include_duplicates=True) == 1
        assert st.stats()["near_duplicates"] == 1
    gen = [article(i) for i in range(40)]
    with Store.open(tmp_path / "gen.db") as st:  # distinct stories are not linked
        assert st.ingest_records(gen, pipeline=StubPipeline()).near_duplicates == 0


def _doc(text: str, **kw) -> Document:
    return Document(text=text, **kw)


def _event_doc(i: int, city: str, cc: str, lat: float, lon: float, typ: str, acled: str | None,
               dead: int | None, actor: str, day: str) -> Document:
    from rasd.doc import Actor

    text = f"خبر اختباري رقم {i}: وقع حادث في {city} وقالت {actor} إن الحصيلة {dead or 0} قتلى."
    doc = _doc(text, title=f"اختبار {i}", source="اختبار")
    p = text.find(city)
    a = text.find(actor)
    doc.events.append(Event(type=typ, evidence=[Span(0, len(text), text)], date=day, date_precision="day",
                            location=Place(p, p + len(city), city, name=city, country_code=cc, lat=lat, lon=lon),
                            actors=[Actor(a, a + len(actor), actor, "actor1", name=actor)],
                            fatalities=dead, event_type=acled))
    return doc


@pytest.fixture
def qstore():
    st = Store.memory()  # the in-memory stand-in: same code, no file
    rows = [
        (1, "طرابلس", "LY", 32.8872, 13.1913, "ASSAULT", "Battles", 5, "قوات الحكومة", "2024-03-01"),
        (2, "تاجوراء", "LY", 32.8817, 13.3506, "ASSAULT", "Explosions/Remote violence", 12, "جماعة مسلحة", "2024-03-05"),
        (3, "بنغازي", "LY", 32.1167, 20.0667, "PROTEST", "Protests", None, "متظاهرون", "2024-03-10"),
        (4, "تعز", "YE", 13.5795, 44.0209, "ASSAULT", "Battles", 3, "جماعة مسلحة", "2024-02-20"),
        (5, "الزاوية", "LY", 32.7571, 12.7276, "CONSULT", None, None, "قوات الحكومة", "2024-04-01"),
    ]
    for r in rows:
        assert st.add_document(_event_doc(*r)).status == "stored"
    yield st
    st.close()


def _types(rows):
    return sorted(r["article"]["title"] for r in rows)


def test_event_filters(qstore):
    st = qstore
    assert st.count_events() == 5
    assert st.count_events(country="ly") == 4
    assert st.count_events(type="assault") == 3
    assert st.count_events(acled_type="battles") == 2
    assert st.count_events(since="2024-03-01", until="2024-03-10") == 3
    assert st.count_events(min_fatalities=5) == 2
    assert st.count_events(actor="مسلحة") == 2
    assert st.count_events(country="LY", type="ASSAULT", min_fatalities=10) == 1
    # near: Tajoura is ~15 km from Tripoli's centre, Zawiya ~43 km, Benghazi ~650 km
    assert _types(st.events(near=(32.8872, 13.1913, 20))) == ["اختبار 1", "اختبار 2"]
    assert st.count_events(near=(32.8872, 13.1913, 50)) == 3
    assert st.count_events(near=(32.8872, 13.1913, 1000)) == 4
    # a point inside the bounding box but outside the circle is dropped by the exact distance
    assert st.count_events(near=(32.0, 12.5, 80)) == 0
    assert st.count_events(EventQuery(country="YE")) == 1


def test_event_pagination_and_schema(qstore):
    page1 = qstore.events(limit=2, offset=0)
    page2 = qstore.events(limit=2, offset=2)
    page3 = qstore.events(limit=2, offset=4)
    ids = [e["id"] for e in page1 + page2 + page3]
    assert len(ids) == len(set(ids)) == 5
    days = [e["date"] for e in page1 + page2 + page3]
    assert days == sorted(days, reverse=True)  # newest first
    ev = page1[0]
    # the event schema of rasd extract, plus the article
    assert {"type", "evidence", "trigger", "location", "actors", "fatalities", "event_type", "id"} <= set(ev)
    assert ev["article"]["title"] and ev["article_id"]
    assert qstore.event(ev["id"])["id"] == ev["id"]
    doc = qstore.document(ev["article_id"])
    assert doc.events[0].location.country_code == ev["location"]["country_code"]
    text = doc.text
    span = ev["evidence"][0]
    assert text[span["start"]:span["end"]] == span["text"]


def test_failures_are_recorded(tmp_path):
    with Store.open(tmp_path / "f.db") as st:
        s = st.ingest_records([{"id": "x", "text": "English only, no Arabic here."}, {"title": "بلا نص"},
                               article(1)], pipeline=StubPipeline())
        assert (s.ingested, s.failed) == (1, 2)
        reasons = {f["reason"] for f in st.failures()}
        assert "no Arabic text found" in reasons
        assert any("no 'text'" in r for r in reasons)
        assert st.stats()["failures"] == 2


def test_extraction_errors_keep_the_article(tmp_path):
    def broken(doc):
        raise RuntimeError("boom")

    broken.names = ["broken"]
    with Store.open(tmp_path / "e.db") as st:
        s = st.ingest_records([article(1)], pipeline=broken)
        assert (s.ingested, s.failed) == (1, 1)
        art = st.article("t1")
        assert art["extraction"]["error"].startswith("extraction failed: RuntimeError")
        # reprocess retries it
        r = st.reprocess(pipeline=StubPipeline())
        assert r.ingested == 1 and st.article("t1")["extraction"]["error"] is None
        assert st.count_events() == 1


def test_reprocess_only_outdated(tmp_path, corpus):
    with Store.open(tmp_path / "r.db") as st:
        st.ingest([corpus], pipeline=StubPipeline(tag="old"))
        before = st.stats()["extractions"]
        assert len(before) == 1
        s = st.reprocess(pipeline=StubPipeline(tag="new"))
        assert s.ingested == N
        after = st.stats()["extractions"]
        assert len(after) == 1 and after[0]["pipeline"] != before[0]["pipeline"]
        assert st.reprocess(pipeline=StubPipeline(tag="new")).ingested == 0
        n_events = st.count_events()
        assert st.reprocess(pipeline=StubPipeline(tag="new"), all=True).ingested == N
        assert st.count_events() == n_events  # replaced, not added
        c = st.conn
        assert c.execute("SELECT count(*) FROM events_geo").fetchone()[0] == \
            c.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL AND dup = 0").fetchone()[0]
        assert c.execute("SELECT count(*) FROM events_geo_dup").fetchone()[0] == \
            c.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL AND dup = 1").fetchone()[0]


def test_search_normalises_both_sides(tmp_path):
    text = ("أعلنت وزارة الصحة في غزّة أنّ المستشفى الإندونيسي استقبل مصابين، وقال مسؤولٌ إنّ الطواقم "
            "تعمل بلا توقف منذ مساء الأحد في مدينةِ رفح وبالقرب من معبر كرم أبو سالم.")
    other = "عقد مجلس المدينة اجتماعا لبحث مشروع الطرق الجديدة في الضاحية الشمالية خلال الشهر المقبل."
    with Store.open(tmp_path / "s.db") as st:
        st.ingest_records([{"id": "g", "text": text, "title": "تقرير من غزة"},
                           {"id": "o", "text": other}], pipeline=StubPipeline())
        gid = st.article("g")["id"]
        for q in ("غزة", "غزّة", "غزه", "الاندونيسي", "الإندونيسي", "إندونيسي", "مسؤول", "مسئول",
                  "مدينة رفح", "القرب", "كرم ابو سالم"):
            hits = st.search(q)
            assert [h["article_id"] for h in hits] == [gid], q
            sn = hits[0]["snippet"]
            # the snippet is the original text, and the match points at the original word
            assert text[sn["start"]:sn["start"] + len(sn["text"])] == sn["text"]
            assert sn["match"], q
            s, e = sn["match"][0]
            assert sn["text"][s:e].replace("\u0651", "").replace("\u064c", "")
        s, e = st.search("مسؤول")[0]["snippet"]["match"][0]
        assert st.search("مسؤول")[0]["snippet"]["text"][s:e] == "مسؤولٌ"
        assert st.search("طائرة") == [] and st.count_search("طائرة") == 0
        assert st.count_search("الضاحية الشمالية") == 1
        assert st.count_search("المدينة") == 2  # also مدينةِ (the article dropped)
        newest = [h["article_id"] for h in st.search("المدينة", order="newest")]
        assert newest == [st.article("o")["id"], gid]  # last stored first
        assert st.search("...") == []
        # events can be restricted by a full-text query too
        assert st.count_events(q="غزة") == st.count_events(article_id=gid)


def test_real_pipeline_round_trip(tmp_path):
    """The default pipeline's result, stored and read back, is the same result."""
    import rasd
    from tests.conftest import EXAMPLES

    src = EXAMPLES / "taiz-clashes.ar.txt"
    direct = rasd.extract(src.read_text(encoding="utf-8").lstrip("\ufeff"))
    with Store.open(tmp_path / "real.db") as st:
        s = st.ingest([src])
        assert (s.ingested, s.failed) == (1, 0)
        art = st.articles()[0]
        stored = st.article(art["id"])
        text = stored["text"]
        assert text == src.read_text(encoding="utf-8").lstrip("\ufeff")
        assert len(stored["events"]) == len(direct.events) == s.events
        assert stored["entities"] == direct.to_dict()["entities"]
        assert stored["places"] == direct.to_dict()["places"]
        for layer in ("entities", "places", "quotes", "figures", "dates"):
            for a in stored[layer]:
                assert text[a["start"]:a["end"]] == a["text"], layer
        for ev in st.events(limit=100, include_duplicates=True):
            for sp in ev["evidence"]:
                assert text[sp["start"]:sp["end"]] == sp["text"]
        assert st.reprocess().ingested == 0  # made by the current pipeline


def test_migration_from_version_1(tmp_path):
    """A store made with schema 1 is upgraded in place when opened, its data kept."""
    from rasd.store.schema import MIGRATIONS, _statements

    path = tmp_path / "v1.db"
    c = sqlite3.connect(path, isolation_level=None)
    for stmt in _statements(MIGRATIONS[0]):
        c.execute(stmt)
    c.execute("PRAGMA user_version = 1")
    c.execute("INSERT INTO articles (rid, id, text, content_hash, ingested_at) VALUES (1, 'a1', 'نص', 'h', 'now')")
    c.execute("INSERT INTO events (rid, id, article_rid, idx, type, day, lat, lon, data) "
              "VALUES (1, 'a1-e1', 1, 0, 'ASSAULT', '2024-01-01', 32.9, 13.2, '{\"type\": \"ASSAULT\"}')")
    c.execute("INSERT INTO events_geo VALUES (1, 32.9, 32.9, 13.2, 13.2)")
    c.close()
    with Store.open(path) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert st.count_events(near=(32.9, 13.2, 5)) == 1
        assert st.events()[0]["id"] == "a1-e1"
        assert st.stats()["located"] == 1


def test_near_without_sql_math_functions(qstore):
    """The Python distance function gives the same answers when SQLite has no math functions."""
    with_math = [qstore.count_events(near=(32.8872, 13.1913, km)) for km in (20, 50, 1000)]
    qstore._haversine_sql = "haversine(min_lat, min_lon, ?, 0 * ? + ?)"
    assert [qstore.count_events(near=(32.8872, 13.1913, km)) for km in (20, 50, 1000)] == with_math == [2, 3, 4]


def test_actor_index_follows_reprocess(tmp_path, corpus):
    with Store.open(tmp_path / "act.db") as st:
        st.ingest([corpus], pipeline=StubPipeline())
        n = st.count_events(actor="جماعة مسلحة")
        assert n > 0 and st.count_events(actor="مسلحة") == n
        assert st.count_events(actor="مس") >= n  # short needles scan
        st.reprocess(pipeline=StubPipeline(tag="again"), all=True)
        assert st.count_events(actor="جماعة مسلحة") == n
        assert st.conn.execute("INSERT INTO events_actors (events_actors) VALUES ('integrity-check')") is not None


def test_readonly_open(tmp_path):
    path = tmp_path / "ro.db"
    with Store.open(path) as st:
        st.ingest_records([article(1)], pipeline=StubPipeline())
    with Store.open(path, readonly=True) as ro:
        assert ro.count_events() == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM failures")
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite")
    with pytest.raises(OSError):
        Store.open(bad, readonly=True)
    with pytest.raises(OSError):
        Store.open(tmp_path / "absent.db", readonly=True)


def test_near_matches_exact_distance_on_random_points():
    """The indexed distance filter (box, inner-box shortcut, SQL trigonometry) agrees with
    haversine on every point, across latitudes and radii."""
    import random

    from rasd.store.sqlite import haversine_km

    rnd = random.Random(7)
    st = Store.memory()
    pts = []
    for i in range(300):
        lat, lon = rnd.uniform(-60, 70), rnd.uniform(-170, 170)
        pts.append((lat, lon))
        st.add_document(_event_doc(i, "طرابلس", "LY", lat, lon, "ASSAULT", None, 1, "قوات الحكومة", "2024-01-01"))
    for _ in range(25):
        clat, clon = rnd.choice(pts)
        clat += rnd.uniform(-3, 3)
        clon += rnd.uniform(-3, 3)
        for km in (5, 150, 600, 2500):
            want = sum(1 for a, b in pts if haversine_km(a, b, clat, clon) <= km - 0.01)
            most = sum(1 for a, b in pts if haversine_km(a, b, clat, clon) <= km + 0.01)
            got = st.count_events(near=(clat, clon, km), include_duplicates=True)  # alike texts
            assert want <= got <= most, (clat, clon, km)
    st.close()


def test_actor_filter_equals_substring_scan(store):
    for needle in ("مسلحة", "قوات", "الأمن", "مس", "غير موجود"):
        want = store.conn.execute("SELECT count(*) FROM events WHERE dup = 0 AND instr(actors, ?) > 0",
                                  (needle.casefold(),)).fetchone()[0]
        assert store.count_events(actor=needle) == want, needle


def _stats_by_scan(c) -> dict:
    """The statistics' event figures computed the slow way, from the event rows."""
    def grouped(col, collate=""):
        return dict(c.execute(f"SELECT {col} {collate}, count(*) n FROM events WHERE dup = 0 AND {col} IS NOT NULL "
                              "GROUP BY 1 ORDER BY n DESC, 1"))

    one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
    return {"events": one("SELECT count(*) FROM events WHERE dup = 0"),
            "events_of_near_duplicates": one("SELECT count(*) FROM events WHERE dup = 1"),
            "located": one("SELECT count(*) FROM events WHERE dup = 0 AND lat IS NOT NULL"),
            "fatalities": one("SELECT coalesce(sum(fatalities), 0) FROM events WHERE dup = 0 AND fatalities > 0"),
            "by_type": grouped("type"), "by_acled_type": grouped("event_type", "COLLATE NOCASE"),
            "by_country": grouped("country")}


def test_stats_counters_follow_every_write(tmp_path, corpus):
    """event_counts (kept by the writer) gives the figures a scan of the events gives, after ingest,
    near-duplicates, documents added one by one, and reprocessing (old rows taken away)."""
    with Store.open(tmp_path / "c.db") as st:
        st.ingest([corpus], pipeline=StubPipeline())
        st.ingest_records([{"id": "w1", "text": _wire("(وكالة الأنباء) -"), "published": "2024-02-01"},
                           {"id": "w2", "text": _wire("نقلت صحيفتنا عن مصادر رسمية:") + " وللقصة بقية."}],
                          pipeline=StubPipeline())
        st.add_document(_event_doc(900, "تعز", "YE", 13.58, 44.02, "ASSAULT", "battles", 4, "جماعة", "2024-01-02"))

        def check():
            s = st.stats()
            assert {k: s[k] for k in _stats_by_scan(st.conn)} == _stats_by_scan(st.conn)
            return s

        s = check()
        assert s["events_of_near_duplicates"] > 0 and s["fatalities"] > 0
        assert s["by_acled_type"]  # "Battles" and "battles" grouped as one, like the scan
        st.reprocess(pipeline=StubPipeline(tag="again"), all=True)
        check()
        st.reprocess(pipeline=StubPipeline(tag="again"), all=True, limit=5)
        check()


def test_near_with_and_without_duplicates_equals_haversine(tmp_path):
    """Located events of near-duplicate articles are in their own R*Tree: counted and listed only
    with include_duplicates, and every answer equals a haversine scan of the event rows."""
    from rasd.store.sqlite import haversine_km

    with Store.open(tmp_path / "g.db") as st:
        st.ingest_records([article(i) for i in range(30)] + [
            {"id": "w1", "text": _wire("(وكالة الأنباء) - تعز"), "published": "2024-02-01"},
            {"id": "w2", "text": _wire("نقلت صحيفتنا عن مصادر رسمية: تعز") + " وللقصة بقية."}],
            pipeline=StubPipeline())
        rows = st.conn.execute("SELECT id, lat, lon, dup FROM events WHERE lat IS NOT NULL").fetchall()
        assert any(r[3] for r in rows), "the test needs located events of a near-duplicate"
        for lat, lon, km in ((13.58, 44.02, 50), (32.9, 13.2, 400), (20.0, 30.0, 3000)):
            for dups in (False, True):
                want = {r[0] for r in rows if (dups or not r[3]) and haversine_km(r[1], r[2], lat, lon) <= km}
                assert st.count_events(near=(lat, lon, km), include_duplicates=dups) == len(want)
                got = st.events(near=(lat, lon, km), include_duplicates=dups, limit=1000)
                assert {e["id"] for e in got} == want
                assert st.count_events(near=(lat, lon, km), include_duplicates=dups, type="ASSAULT") == \
                    sum(1 for e in got if e["type"] == "ASSAULT")


@pytest.mark.parametrize("walk", [False, True])
def test_actor_pages_equal_substring_scan_with_either_plan(store, monkeypatch, walk):
    """A page of an actor's events is the same whether the day index is walked (common names) or
    the trigram index's candidates are looked up (rare names)."""
    monkeypatch.setattr(Store, "_walk_day_index", lambda self, match, page: walk)
    for needle in ("مسلحة", "قوات", "الأمن", "غير موجود"):
        for country in (None, "LY"):
            want = [r[0] for r in store.conn.execute(
                "SELECT id FROM events WHERE dup = 0 AND instr(actors, ?) > 0 AND (? IS NULL OR country = ?) "
                "ORDER BY day DESC, rid DESC", (needle.casefold(), country, country))]
            assert (len(want) > 10) == (needle != "غير موجود") or country
            for offset in (0, 3, 10):
                got = [e["id"] for e in store.events(actor=needle, country=country, limit=4, offset=offset)]
                assert got == want[offset:offset + 4], (needle, country, offset)


def test_walk_day_index_only_for_common_names(store):
    assert store._walk_day_index('"غير موجود"', 50) is False
    assert store._walk_day_index('"قوات"', 10**9) is False  # a deep page: look the candidates up


def test_migration_from_version_3_splits_the_rtree_and_counts(store_at_version):
    """A schema-3 store (one R*Tree with an auxiliary dup column) is upgraded: located events go to
    the R*Tree of their kind and event_counts holds the figures of the events already stored."""
    path, c = store_at_version(3)
    c.execute("INSERT INTO articles (rid, id, text, content_hash, ingested_at) VALUES (1, 'a1', 'نص', 'h1', 'now')")
    c.execute("INSERT INTO articles (rid, id, text, content_hash, near_duplicate_of, ingested_at) "
              "VALUES (2, 'a2', 'نص آخر', 'h2', 1, 'now')")
    for rid, art, dup, typ, dead in ((1, 1, 0, "ASSAULT", 4), (2, 1, 0, "PROTEST", None), (3, 2, 1, "ASSAULT", 4)):
        c.execute("INSERT INTO events (rid, id, article_rid, idx, type, country, day, lat, lon, fatalities, dup, data) "
                  "VALUES (?, ?, ?, 0, ?, 'LY', '2024-01-01', 32.9, 13.2, ?, ?, '{}')",
                  (rid, f"a{art}-e{rid}", art, typ, dead, dup))
        c.execute("INSERT INTO events_geo VALUES (?, 32.9, 32.9, 13.2, 13.2, ?)", (rid, dup))
    c.close()
    with Store.open(path) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert st.count_events(near=(32.9, 13.2, 5)) == 2
        assert st.count_events(near=(32.9, 13.2, 5), include_duplicates=True) == 3
        s = st.stats()
        assert (s["events"], s["events_of_near_duplicates"], s["located"], s["fatalities"]) == (2, 1, 2, 4)
        assert s["by_type"] == {"ASSAULT": 1, "PROTEST": 1} and s["by_country"] == {"LY": 2}


def test_exact_duplicates_skip_the_minhash_and_event_ids_stay_unique(store, corpus, monkeypatch):
    from rasd.store import dedup

    def boom(words):
        raise AssertionError("a duplicate's signature was computed")

    monkeypatch.setattr(dedup, "signature_of_words", boom)
    again = store.ingest([corpus], pipeline=StubPipeline())
    assert (again.ingested, again.duplicates) == (0, N)
    monkeypatch.undo()
    # event row ids handed out inside a transaction (several articles a batch, across batches and
    # after a reprocess) never collide
    more = store.ingest_records([article(i) for i in range(N, N + 25)], pipeline=StubPipeline(), batch_size=4)
    assert more.ingested == 25
    store.reprocess(pipeline=StubPipeline(tag="other"), batch_size=3)
    rows = store.conn.execute("SELECT count(*), count(DISTINCT rid), count(DISTINCT id) FROM events").fetchone()
    assert rows[0] == rows[1] == rows[2] == store.count_events(include_duplicates=True) > N // 2
