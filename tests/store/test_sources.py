"""Every input format of ``rasd ingest``, good and broken, into a real store file."""

from __future__ import annotations

import json
import os

import pytest

from rasd.io.feeds import looks_like_feed, parse_feed
from rasd.store import Store
from rasd.store.sources import iter_items
from tests.store.corpus import StubPipeline, article, write_jsonl

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>نشرة الاختبار</title>
<item><title>قصف في تعز</title><link>https://example.org/rss/1</link><guid>rss-1</guid>
<pubDate>Sun, 10 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{a}&lt;/p&gt;</description></item>
<item><title>بلا محتوى</title><guid>rss-2</guid></item>
<item><title>لقاء في عدن</title><guid>rss-3</guid><pubDate>Mon, 11 Mar 2024 09:30:00 +0300</pubDate>
<description>{b}</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موجز</title>
<entry><id>urn:atom:1</id><title>اشتباكات</title><link rel="alternate" href="https://example.org/atom/1"/>
<published>2024-03-12T10:00:00Z</published><content type="html">{a}</content></entry>
</feed>"""

HTML = """<!doctype html><html><head><title>عنوان الصفحة</title><script>var x = 1;</script></head>
<body><nav>الرئيسية | أخبار | رياضة | اتصل بنا</nav>
<article><h1>عنوان الخبر</h1><p>{a}</p><p>{b}</p></article>
<footer>جميع الحقوق محفوظة لموقع الاختبار 2024</footer></body></html>"""


def _text(i: int) -> str:
    return article(i)["text"]


def test_feeds_parse():
    items = list(parse_feed(RSS.format(a=_text(1), b=_text(2)).encode("utf-8")))
    assert [getattr(x, "id", None) or x["id"] for x in items] == ["rss-1", "rss-2", "rss-3"]
    good = [x for x in items if isinstance(x, dict)]
    assert good[0]["published"] == "2024-03-10" and good[0]["source"] == "نشرة الاختبار"
    assert good[0]["url"] == "https://example.org/rss/1"
    assert good[1]["published"] == "2024-03-11"
    atom = list(parse_feed(ATOM.format(a=_text(3))))
    assert atom[0]["url"] == "https://example.org/atom/1" and atom[0]["published"] == "2024-03-12"
    assert looks_like_feed(ATOM) and looks_like_feed(RSS) and not looks_like_feed(HTML)


def test_every_format_good_and_broken(tmp_path):
    d = tmp_path / "in"
    sub = d / "nested" / "deeper"
    sub.mkdir(parents=True)
    (d / "a.txt").write_text(_text(0), encoding="utf-8")
    (sub / "b.txt").write_bytes(_text(1).encode("cp1256"))  # Windows-1256
    (sub / "c.txt").write_bytes(_text(2).encode("utf-16"))  # UTF-16 with BOM
    write_jsonl(d / "d.jsonl", [article(3), article(4)])
    with open(d / "d.jsonl", "a", encoding="utf-8") as fh:  # a truncated last line
        fh.write(json.dumps(article(5), ensure_ascii=False)[:70])
    (d / "e.json").write_text(json.dumps([article(6), article(7), "not an object"], ensure_ascii=False),
                              encoding="utf-8")
    (d / "f.html").write_text(HTML.format(a=_text(8), b="وتابع المراسل أن الأهالي طالبوا بحماية المدنيين "
                                          "وفتح ممرات آمنة لإخراج الجرحى من المنطقة المحاصرة."),
                              encoding="utf-8")
    (d / "g.rss").write_text(RSS.format(a=_text(9), b=_text(10)), encoding="utf-8")
    (d / "h.xml").write_text(ATOM.format(a=_text(11)), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "bad.txt").write_bytes(b"\x89PNG\r\n" + bytes(range(1, 9)) * 40)  # binary junk
    (d / "latin.txt").write_bytes("only latin text, café".encode("latin-1"))
    (d / "broken.json").write_text('[{"text": "نص', encoding="utf-8")
    (d / "empty.jsonl").write_bytes(b"")
    os.symlink(d / "missing-target.txt", d / "dangling.txt")  # listed, but cannot be read
    locked = d / "locked.txt"
    locked.write_text(_text(12), encoding="utf-8")
    locked.chmod(0)
    can_read_locked = os.access(locked, os.R_OK)  # root reads anything

    with Store.open(tmp_path / "all.db") as st:
        s = st.ingest([d, tmp_path / "does-not-exist"], pipeline=StubPipeline())
        got = {a["ext_id"] for a in st.articles(limit=100)}
        failures = {f["item"]: f["reason"] for f in st.failures(limit=100)}
        texts = [st.article(a["id"])["text"] for a in st.articles(limit=100)]
    locked.chmod(0o644)

    expected_ok = 11 + (1 if can_read_locked else 0)
    # a.txt, b.txt, c.txt, d.jsonl x2, e.json x2, f.html, g.rss x2, h.xml (+ locked.txt for root)
    assert s.ingested == expected_ok, failures
    assert {"t3", "t4", "t6", "t7", "rss-1", "rss-3", "urn:atom:1"} <= got
    assert any(t == _text(1) for t in texts) and any(t == _text(2) for t in texts)
    html_text = next(t for t in texts if _text(8).split("\n")[0] in t and "الأهالي" in t)
    assert "الرئيسية" not in html_text and "الحقوق" not in html_text and "var x" not in html_text
    reasons = " | ".join(f"{k}: {v}" for k, v in failures.items())
    assert any(k.endswith("d.jsonl:3") and "malformed JSON" in v for k, v in failures.items()), reasons
    assert any(k.endswith("e.json#3") for k in failures), reasons
    assert any(k.endswith("g.rss#2") and "no description" in v for k, v in failures.items()), reasons
    assert failures[str(d / "empty.txt")] == "empty file"
    assert failures[str(d / "empty.jsonl")] == "empty file"
    assert "binary" in failures[str(d / "bad.txt")]
    assert "not valid" in failures[str(d / "latin.txt")]  # a bad encoding
    assert "malformed JSON" in failures[str(d / "broken.json")]
    assert "cannot read" in failures[str(d / "dangling.txt")]
    assert failures[str(tmp_path / "does-not-exist")] == "no such file or directory"
    if not can_read_locked:
        assert "cannot read" in failures[str(locked)]
    assert s.failed == len(failures)


def test_stdin_sniffing(monkeypatch):
    import io
    import sys

    for payload, n in ((json.dumps([article(1), article(2)], ensure_ascii=False), 2),
                       ("\n".join(json.dumps(article(i), ensure_ascii=False) for i in range(3)), 3),
                       (RSS.format(a=_text(1), b=_text(2)), 3),
                       (_text(4), 1)):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8"))))
        items = list(iter_items(["-"]))
        assert len(items) == n, payload[:40]
        assert all(i.name.startswith("<stdin>") for i in items)


@pytest.mark.parametrize("name", ["x.jsonl", "x.json"])
def test_jsonl_with_bad_utf8_line(tmp_path, name):
    p = tmp_path / name
    good = json.dumps(article(1), ensure_ascii=False).encode("utf-8")
    p.write_bytes(good + b"\n" + b'{"text": "\xff\xfe bad"}\n' + json.dumps(article(2)).encode() + b"\n")
    items = list(iter_items([p]))
    # JSON lines in a .json file are read line by line too; never decoded as another encoding
    assert [i.error is None for i in items] == [True, False, True]
    assert "not UTF-8" in items[1].error
    assert items[0].record["title"] == article(1)["title"]
