"""The HTTP API on the in-memory backend: filters, formats, errors, limits, token, escaping of nothing."""

from __future__ import annotations

import csv
import io
import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from rasd.server.app import STATIC, create_app  # noqa: E402
from rasd.server.backend import EVENT_COLUMNS, MemoryBackend, haversine_km  # noqa: E402
from rasd.server.sample import HOSTILE, hostile_article, sample_corpus  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def docs():
    return sample_corpus(120, seed=3) + [hostile_article()]


@pytest.fixture(scope="module")
def client(docs):
    return TestClient(create_app(MemoryBackend(docs), token=""))


@pytest.fixture(scope="module")
def flat(client):
    """Every event as the API lists it."""
    body = client.get("/api/events", params={"limit": 10000}).json()
    assert body["total"] == len(body["events"])
    return body["events"]


def test_events_lists_all_newest_first(client, docs, flat):
    assert len(flat) == sum(len(d.events) for d in docs)
    days = [e["date"] for e in flat]
    assert days == sorted(days, reverse=True)
    assert set(EVENT_COLUMNS) <= set(flat[0])


def test_pagination_is_consistent(client, flat):
    pages = []
    for off in range(0, len(flat), 37):
        r = client.get("/api/events", params={"limit": 37, "offset": off})
        assert r.status_code == 200
        assert r.headers["x-total-count"] == str(len(flat))
        pages += r.json()["events"]
    assert [e["id"] for e in pages] == [e["id"] for e in flat]


@pytest.mark.parametrize("params, pred", [
    ({"country": "ye"}, lambda e: e["country_code"] == "YE"),
    ({"type": "PROTEST"}, lambda e: e["type"] == "PROTEST"),
    ({"acled_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
    ({"since": "2024-03-01", "until": "2024-03-31"}, lambda e: "2024-03-01" <= e["date"] <= "2024-03-31"),
    ({"actor": "قوات الأمن"}, lambda e: any("قوات الأمن" in a for a in e["actors"])),
    ({"min_fatalities": 20}, lambda e: (e["fatalities"] or 0) >= 20),
    ({"near": "36.2,37.13,50"}, lambda e: haversine_km(36.2, 37.13, e["lat"], e["lon"]) <= 50),
    ({"country": "SY", "type": "ASSAULT", "min_fatalities": 3},
     lambda e: e["country_code"] == "SY" and e["type"] == "ASSAULT" and (e["fatalities"] or 0) >= 3),
])
def test_filters_match_brute_force(client, flat, params, pred):
    want = [e["id"] for e in flat if pred(e)]
    assert want, f"the sample corpus should have events for {params}"
    assert len(want) < len(flat)
    body = client.get("/api/events", params={**params, "limit": 10000}).json()
    assert body["total"] == len(want)
    assert [e["id"] for e in body["events"]] == want


def test_full_text_query_filters_events(client, docs):
    art = docs[5]
    word = art.places[0].name
    want = {f"{d.id}-{i}" for d in docs if word in d.text for i in range(len(d.events))}
    body = client.get("/api/events", params={"q": word, "limit": 10000}).json()
    assert {e["id"] for e in body["events"]} == want


def test_geojson_and_csv(client, flat):
    gj = client.get("/api/events", params={"format": "geojson", "limit": 50}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 50
    f0 = gj["features"][0]
    assert f0["geometry"]["coordinates"] == [f0["properties"]["lon"], f0["properties"]["lat"]]
    r = client.get("/api/events", params={"format": "csv", "limit": 40, "country": "LY"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert len(rows) == min(40, sum(1 for e in flat if e["country_code"] == "LY"))
    assert all(row["country_code"] == "LY" for row in rows)


@pytest.mark.parametrize("params, fragment", [
    ({"limit": 0}, "limit"),
    ({"limit": 100001}, "limit"),
    ({"since": "yesterday"}, "since"),
    ({"since": "2024-05-01", "until": "2024-04-01"}, "after"),
    ({"near": "36,37"}, "near"),
    ({"near": "95,37,10"}, "near"),
    ({"format": "xml"}, "format"),
    ({"country": "SYR"}, "country"),
    ({"min_fatalities": -1}, "min_fatalities"),
])
def test_bad_parameters_are_clear_422s(client, params, fragment):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["status"] == 422 and fragment in body["error"]


def test_event_has_evidence_and_article(client, docs):
    doc = docs[7]
    r = client.get(f"/api/events/{doc.id}-0")
    assert r.status_code == 200
    body = r.json()
    ev, art = body["event"], body["article"]
    assert art["text"] == doc.text
    assert ev["evidence"] and all(art["text"][s["start"]:s["end"]] == s["text"] for s in ev["evidence"])
    assert art["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    assert ev["type"] == doc.events[0].type


def test_article_text_verbatim_with_offsets(client):
    r = client.get("/api/articles/hostile")
    art = r.json()
    assert art["text"].startswith(HOSTILE)  # stored and returned as given: escaping is the page's job
    for layer in ("entities", "places", "dates", "figures", "quotes"):
        for a in art[layer]:
            assert art["text"][a["start"]:a["end"]] == a["text"]


def test_missing_things_are_json_404s(client):
    for path in ("/api/events/nope-0", "/api/articles/nope", "/api/nothing-here"):
        r = client.get(path)
        assert r.status_code == 404 and r.json()["status"] == 404 and r.json()["error"]


def test_search(client, docs):
    word = docs[0].places[0].name
    body = client.get("/api/search", params={"q": word}).json()
    assert body["total"] == sum(1 for d in docs if word in d.text)
    hit = body["results"][0]
    snip = hit["snippet"]
    a, b = snip["match"][0]
    assert snip["text"][a:b] == word
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_stats(client, docs, flat):
    s = client.get("/api/stats").json()
    assert s["articles"] == len(docs) and s["events"] == len(flat)
    assert sum(s["by_type"].values()) == len(flat)
    assert s["first_date"] == min(e["date"] for e in flat)
    assert s["writable"] is False


def test_points_are_compact_columns(client, flat):
    p = client.get("/api/points", params={"country": "YE"}).json()
    ye = [e for e in flat if e["country_code"] == "YE"]
    assert p["n"] == len(ye) == len(p["lat"]) == len(p["d"]) == len(p["id"])
    assert {p["types"][t] for t in p["t"]} == {e["type"] for e in ye}


def test_extract_returns_result_with_text():
    c = TestClient(create_app())
    text = "قُتل ثلاثة مدنيين في قصف على مدينة تعز أمس، وفق ما قاله مصدر طبي."
    r = c.post("/api/extract", json={"text": text, "published": "2024-03-11"})
    assert r.status_code == 200
    body = r.json()
    assert body["text"] == text and body["published"] == "2024-03-11"
    for key in ("sentences", "entities", "places", "dates", "figures", "quotes", "events"):
        assert isinstance(body[key], list)
        for a in body[key]:
            if "start" in a and a.get("start") is not None and "text" in a:
                assert text[a["start"]:a["end"]] == a["text"]


@pytest.mark.parametrize("payload, fragment", [
    ({"text": "hello world only latin"}, "Arabic"),
    ({"published": "2024-01-01"}, "text"),
    ({"text": "نص عربي", "published": "11/03/2024"}, "YYYY-MM-DD"),
    ({"text": "   "}, "empty"),
])
def test_extract_errors(payload, fragment):
    r = TestClient(create_app()).post("/api/extract", json=payload)
    assert r.status_code == 422 and fragment in r.json()["error"]


def test_request_size_is_limited():
    c = TestClient(create_app(max_body=10_000))
    r = c.post("/api/extract", json={"text": "ب" * 20_000})
    assert r.status_code == 413 and "limit" in r.json()["error"]
    # also without a Content-Length header (chunked body)
    r = c.post("/api/extract", content=iter([b'{"text": "' + "ب".encode() * 8000, b'"}']),
               headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_writes_need_the_token(docs):
    article = {"text": "تظاهر مئات الطلاب في مدينة تعز أمس.", "published": "2024-05-02", "id": "new-1"}
    ro = TestClient(create_app(MemoryBackend(docs[:3]), token=""))
    r = ro.post("/api/articles", json=article)
    assert r.status_code == 403 and "read-only" in r.json()["error"]
    backend = MemoryBackend(docs[:3])
    rw = TestClient(create_app(backend, token=TOKEN))
    assert rw.post("/api/articles", json=article).status_code == 401
    assert rw.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = rw.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json()["id"] == "new-1"
    assert rw.get("/api/articles/new-1").json()["text"] == article["text"]
    assert rw.get("/api/stats").json()["articles"] == 4
    r = rw.post("/api/articles", json=article, headers={"X-Rasd-Token": TOKEN})
    assert r.status_code == 201


def test_token_from_environment(monkeypatch):
    monkeypatch.setenv("RASD_TOKEN", TOKEN)
    c = TestClient(create_app())
    assert c.get("/api/stats").json()["writable"] is True
    assert c.post("/api/articles", json={"text": "نص"}).status_code == 401


def test_cors_off_by_default_and_security_headers(client):
    r = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    c = TestClient(create_app(cors_origins=["https://ok.example"]))
    r = c.get("/api/stats", headers={"Origin": "https://ok.example"})
    assert r.headers["access-control-allow-origin"] == "https://ok.example"


def test_write_methods_elsewhere_are_refused(client):
    assert client.delete("/api/events/x").status_code == 405
    assert client.put("/api/articles/hostile", json={}).status_code == 405


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/search",
                 "/api/stats", "/api/extract", "/api/articles"):
        assert path in spec["paths"]
    page = client.get("/docs")
    assert page.status_code == 200
    _assert_local_only(page.text)
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert client.get(ref).status_code == 200, ref


def _assert_local_only(html: str) -> None:
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs
    for ref in refs:
        assert ref.startswith("/") or ref.startswith("#"), f"non-local asset {ref}"


def test_dashboard_assets_are_local(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    _assert_local_only(page.text)
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(ref).status_code == 200, ref
    assert client.get("/static/countries-50m.json").status_code == 200
    remote = re.compile(r"https?://[^\"' )]*(tile|cdn|fonts\.g|unpkg|jsdelivr|cloudflare|openstreetmap)", re.I)
    for name in ("app.js", "app.css"):
        assert not remote.search((STATIC / name).read_text(encoding="utf-8")), name
