"""End-to-end: the dashboard in a real browser (Debian's /usr/bin/chromium driven by playwright).

A uvicorn server on 127.0.0.1 (a free port, in a thread) serves a corpus of team-written sample
articles and one hostile article.  The tests filter and check the map and list change, open an
event and check that the highlighted text is exactly its evidence span, prove the hostile article's
markup is shown as text and never runs, and check from a screenshot that the map draws shapes and
points.  The browser context bypasses the page's CSP on purpose: escaping alone must hold.
"""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
import zlib

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium): browser tests skipped",
                allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
uvicorn = pytest.importorskip("uvicorn")

from playwright.sync_api import sync_playwright  # noqa: E402

from rasd.server.app import STATIC, create_app  # noqa: E402
from rasd.server.backend import MemoryBackend  # noqa: E402
from rasd.server.sample import HOSTILE, hostile_article, sample_corpus  # noqa: E402

pytestmark = pytest.mark.skipif(not (STATIC / "app.js").is_file(),
                                reason="dashboard assets are not built (npm run build in web/)")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_backend(tmp_dir):
    """The corpus the browser sees: a corpus store built from team-written sample articles (and a
    hostile one); the in-memory stand-in only when the store package is not there."""
    docs = sample_corpus(160, seed=11) + [hostile_article()]
    try:
        from rasd.server.store_backend import StoreBackend, build_store
    except ImportError:
        return MemoryBackend(docs), docs
    path = tmp_dir / "e2e.db"
    build_store(path, docs)
    return StoreBackend(path), docs


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    backend, docs = make_backend(tmp_path_factory.mktemp("store"))
    port = _free_port()
    config = uvicorn.Config(create_app(backend), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.time() + 15
    while not srv.started:
        if time.time() > deadline or not th.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", backend
    srv.should_exit = True
    th.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 860}, bypass_csp=True, locale="en-GB")
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # Fully offline: any request that leaves 127.0.0.1 fails the test.
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(server[0]):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    pg.route("**/*", guard)
    pg.errors = errors
    yield pg
    assert not outside, f"the page tried to reach {outside}"
    assert not errors, f"page errors: {errors}"
    ctx.close()


def _load(page, url):
    page.goto(url)
    page.wait_for_function("window.rasd && window.rasd.ready === true", timeout=15000)


def _wait_ready(page):
    page.wait_for_function("window.rasd.ready === true", timeout=10000)


def _list_total(page) -> int:
    return int(page.get_attribute("#list-count", "data-total"))


def _on_map(page) -> int:
    return page.evaluate("window.rasd.map.count")


def test_filter_changes_map_and_list(page, server):
    url, backend = server
    _load(page, url + "/")
    total = _list_total(page)
    assert total == backend.stats()["events"] > 100
    assert _on_map(page) == total
    assert page.locator("#list li.ev").count() == min(100, total)
    page.select_option("#f-country", "SY")
    page.wait_for_function(f"window.rasd.ready === true && window.rasd.state.list.total !== {total}")
    _wait_ready(page)
    n_sy = backend.stats()["by_country"]["SY"]
    assert _list_total(page) == n_sy < total
    assert _on_map(page) == n_sy
    countries = page.evaluate("window.rasd.state.list.events.map(e => e.country_code)")
    assert countries and set(countries) == {"SY"}
    # the timeline range narrows both the map and the list
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=4)
    page.mouse.up()
    page.wait_for_function("window.rasd.state.range !== null && window.rasd.ready === true")
    a, b = page.evaluate("window.rasd.state.range")
    in_range = page.evaluate("""([a, b]) => { const c = window.rasd.state.cols; let n = 0;
        for (let i = 0; i < c.n; i++) if (c.d[i] >= a && c.d[i] <= b) n++; return n; }""", [a, b])
    assert 0 < in_range < n_sy
    assert _on_map(page) == in_range
    assert _list_total(page) == in_range


def test_event_highlight_is_exactly_the_evidence(page, server):
    url, _ = server
    _load(page, url + "/")
    first = page.locator("#list li.ev").first
    eid = first.get_attribute("data-id")
    first.click()
    page.wait_for_selector("#article .article-text .hl-evidence")
    ev = page.evaluate("(id) => fetch('/api/events/' + id).then(r => r.json())", eid)
    evidence = ev["event"]["evidence"]
    shown = "".join(page.locator("#article .article-text .hl-evidence").all_text_contents())
    assert shown == "".join(s["text"] for s in evidence)
    # the whole article is there, verbatim, right-to-left
    body = page.locator("#article .article-text")
    assert body.get_attribute("dir") == "rtl"
    assert body.text_content() == ev["article"]["text"]
    trig = page.locator("#article .article-text .hl-trigger").all_text_contents()
    assert "".join(trig) == ev["event"]["trigger"]["text"]
    # distinct layers are marked, each with a tooltip of what rasd read there
    for cls in ("hl-place", "hl-date", "hl-quote", "hl-ent-PERS"):
        assert page.locator(f"#article .article-text .{cls}").count() > 0, cls
    place = page.locator("#article .article-text .hl-evidence .hl-place").first
    place.hover()
    page.wait_for_selector("#tip:not([hidden])")
    tip = page.locator("#tip").inner_text()
    loc = ev["event"]["location"]
    assert place.text_content() in tip and loc["name_en"] in tip
    card = page.locator("#card .card").inner_text()
    assert ev["event"]["type"] in card and ev["event"]["date"] in card


def test_hostile_article_is_shown_as_text(page, server):
    url, backend = server
    hostile = backend.article("hostile")
    assert hostile["text"].startswith(HOSTILE)
    _load(page, url + "/#/event/" + hostile["events"][0]["id"])
    page.wait_for_selector("#article .article-text")
    body = page.locator("#article .article-text")
    assert body.text_content() == hostile["text"]
    assert "<script>" in body.inner_text() and "onerror" in body.inner_text()
    assert page.locator("#article script, #article img, #article b, #detail img").count() == 0
    assert "<img" in page.locator("#article h3").inner_text()  # the hostile title, as text
    body.hover()
    time.sleep(0.2)
    assert page.evaluate("window.__pwned") is None


def test_map_renders_shapes_and_points(page, server):
    url, _ = server
    _load(page, url + "/")
    assert page.evaluate("window.rasd.map.basemapFeatures") > 150
    rendered = page.evaluate("window.rasd.map.rendered")
    assert rendered["clusters"] + rendered["points"] > 0
    box = page.locator("#map").bounding_box()
    clip = {"x": box["x"] + box["width"] / 2 - 300, "y": box["y"] + box["height"] / 2 - 200,
            "width": 600, "height": 400}
    png = page.screenshot(clip=clip)
    if os.environ.get("RASD_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["RASD_SCREENSHOTS"], "dashboard.png"))
    w, h, px = _decode_png(png)
    land = sea = marks = 0
    for i in range(0, w * h, 7):
        r, g, b = px[i]
        if abs(r - 0xE9) < 6 and abs(g - 0xE4) < 6 and abs(b - 0xD8) < 6:
            land += 1
        elif abs(r - 0xCF) < 6 and abs(g - 0xE0) < 6 and abs(b - 0xE8) < 6:
            sea += 1
        elif r > 150 and g < 90 and b < 90:  # the red of ASSAULT clusters and points
            marks += 1
    n = w * h // 7
    assert land > n * 0.1, "no country shapes drawn"
    assert sea > n * 0.05, "no sea background"
    assert marks > 30, "no event points or clusters drawn"


def test_try_an_article_and_language_toggle(page, server):
    url, _ = server
    _load(page, url + "/#/try")
    assert page.locator("#page-try").is_visible()
    text = 'قال المتحدث باسم الوزارة إن <img src=x onerror="window.__pwned=9"> القوات انسحبت من مدينة تعز أمس.'
    page.fill("#try-text", text)
    page.fill("#try-date", "2024-03-11")
    page.click("#try-go")
    page.wait_for_selector("#try-article .article-text")
    assert page.locator("#try-article .article-text").text_content() == text
    assert page.locator("#try-article img").count() == 0
    assert page.evaluate("window.__pwned") is None
    # bad input shows the API's one-line reason
    page.fill("#try-text", "no arabic here")
    page.click("#try-go")
    page.wait_for_selector("#try-error:not([hidden])")
    assert "Arabic" in page.locator("#try-error").inner_text()
    # Arabic <-> English
    start = page.evaluate("document.documentElement.lang")
    page.click("#lang")
    assert page.evaluate("document.documentElement.lang") != start
    page.click("#lang")
    page.evaluate("localStorage.setItem('rasd-lang', 'en')")
    page.reload()
    page.wait_for_function("window.rasd && window.rasd.ready === true")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("#nav-try").inner_text() == "Try an article"
    page.click("#lang")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("#nav-try").inner_text() == "جرّب مقالاً"


def test_api_docs_render_offline(page, server):
    url, _ = server
    page.goto(url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 7


def _decode_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """A minimal PNG decoder (8-bit RGB/RGBA, non-interlaced) for screenshot checks."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = w * bpp
    out = bytearray()
    prev = bytearray(stride)
    p = 0
    for _ in range(h):
        f = raw[p]
        line = bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        out += line
        prev = line
    px = [(out[i], out[i + 1], out[i + 2]) for i in range(0, len(out), bpp)]
    return w, h, px
