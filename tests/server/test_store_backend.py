"""The API on a real corpus store: the same answers as brute force over the listed events."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("rasd.store")

from fastapi.testclient import TestClient  # noqa: E402

from rasd.server.app import create_app  # noqa: E402
from rasd.server.backend import haversine_km  # noqa: E402
from rasd.server.sample import HOSTILE, hostile_article, sample_corpus  # noqa: E402
from rasd.server.store_backend import StoreBackend, build_store  # noqa: E402

TOKEN = "t0ken"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "api.db"
    build_store(path, sample_corpus(90, seed=5) + [hostile_article()])
    return path


@pytest.fixture(scope="module")
def client(store_path):
    return TestClient(create_app(StoreBackend(store_path), token=TOKEN))


@pytest.fixture(scope="module")
def flat(client):
    body = client.get("/api/events", params={"limit": 10000}).json()
    assert body["total"] == len(body["events"]) > 100
    return body["events"]


@pytest.mark.parametrize("params, pred", [
    ({"country": "LY"}, lambda e: e["country_code"] == "LY"),
    ({"type": "ASSAULT", "min_fatalities": 10}, lambda e: e["type"] == "ASSAULT" and (e["fatalities"] or 0) >= 10),
    ({"acled_type": "protests"}, lambda e: e["event_type"] == "Protests"),
    ({"since": "2024-02-01", "until": "2024-02-29"}, lambda e: "2024-02-01" <= e["date"] <= "2024-02-29"),
    ({"actor": "مسلحون"}, lambda e: any("مسلحون" in a for a in e["actors"])),
    ({"near": "13.58,44.02,40"}, lambda e: haversine_km(13.58, 44.02, e["lat"], e["lon"]) <= 40),
])
def test_store_filters_match_brute_force(client, flat, params, pred):
    want = [e["id"] for e in flat if pred(e)]
    assert 0 < len(want) < len(flat)
    body = client.get("/api/events", params={**params, "limit": 10000}).json()
    assert body["total"] == len(want)
    assert [e["id"] for e in body["events"]] == want
    pts = client.get("/api/points", params=params).json()
    assert sorted(pts["id"]) == sorted(want)


def test_pages_and_formats(client, flat):
    ids = []
    for off in range(0, len(flat), 64):
        ids += [e["id"] for e in client.get("/api/events", params={"limit": 64, "offset": off}).json()["events"]]
    assert ids == [e["id"] for e in flat]
    gj = client.get("/api/events", params={"format": "geojson", "country": "YE"}).json()
    assert all(f["properties"]["country_code"] == "YE" for f in gj["features"]) and gj["features"]
    assert client.get("/api/events", params={"format": "csv"}).text.count("\n") == min(100, len(flat)) + 1


def test_event_evidence_and_article_offsets(client, flat):
    for rec in flat[:5]:
        body = client.get(f"/api/events/{rec['id']}").json()
        text = body["article"]["text"]
        ev = body["event"]
        assert ev["evidence"] and all(text[s["start"]:s["end"]] == s["text"] for s in ev["evidence"])
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        for layer in ("entities", "places", "dates", "figures", "quotes"):
            for a in body["article"][layer]:
                assert text[a["start"]:a["end"]] == a["text"]
    assert client.get("/api/events/nope").status_code == 404


def test_article_by_input_id_is_verbatim(client):
    art = client.get("/api/articles/hostile").json()
    assert art["text"].startswith(HOSTILE)
    assert client.get(f"/api/articles/{art['id']}").json()["text"] == art["text"]


def test_search_and_stats(client, flat):
    body = client.get("/api/search", params={"q": "بحلب"}).json()  # the store matches after proclitics
    assert body["total"] > 0
    hit = body["results"][0]
    a, b = hit["snippet"]["match"][0]
    assert "حلب" in hit["snippet"]["text"][a:b]
    s = client.get("/api/stats").json()
    assert s["events"] == len(flat) and s["writable"] is True and "path" not in s


def test_ingest_through_the_api(store_path, tmp_path):
    import shutil

    path = tmp_path / "copy.db"
    shutil.copy(store_path, path)
    c = TestClient(create_app(StoreBackend(path), token=TOKEN))
    before = c.get("/api/stats").json()["articles"]
    article = {"text": "خرج آلاف المتظاهرين في مدينة الموصل أمس للمطالبة بتحسين الخدمات.",
               "published": "2024-04-02", "id": "api-1", "title": "مظاهرة"}
    assert c.post("/api/articles", json=article).status_code == 401
    r = c.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert r.json()["id"]
    assert c.get("/api/stats").json()["articles"] == before + 1
    assert c.get("/api/articles/api-1").json()["text"] == article["text"]


def test_bad_parameters_still_get_clear_errors_on_the_fast_path(client):
    client.get("/api/events", params={"limit": 1})  # the index is loaded: the fast path is on
    for params, fragment in (({"limit": 0}, "limit"), ({"country": "SYR"}, "country"),
                             ({"since": "soon"}, "since"), ({"min_fatalities": "many"}, "min_fatalities"),
                             ({"near": "1,2"}, "near"), ({"format": "xml"}, "format")):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422 and fragment in r.json()["error"], params
    r = client.get("/api/events", params={"country": "SY", "limit": 3})
    assert r.status_code == 200 and r.headers["content-security-policy"]
    assert len(r.json()["events"]) == 3 and r.json()["total"] == int(r.headers["x-total-count"])
