"""Stored JSON back to typed Documents, and the store's fast to_dict equal to Document.to_dict()."""

from __future__ import annotations

import datetime as _dt
import json
import zlib

from rasd.doc import (
    Actor,
    DateMention,
    Document,
    Entity,
    Event,
    Figure,
    Place,
    Quote,
    Sentence,
    Span,
    Speaker,
)
from rasd.store.codec import (
    document_from_dict,
    document_to_dict,
    event_dicts,
    event_from_dict,
    result_blob,
    result_from_blob,
)


def _doc() -> Document:
    text = "قال المتحدث باسم الجيش إن 12 مسلحا قتلوا أمس في اشتباكات قرب سرت، وأضاف: «الوضع تحت السيطرة»."
    d = Document(text=text, id="c1", published=_dt.date(2024, 3, 2), source="اختبار", title="عنوان")

    def sp(s):
        a = text.find(s)
        return Span(a, a + len(s), s)

    d.sentences = [Sentence(0, len(text), text, 0, 10)]
    s = sp("المتحدث باسم الجيش")
    d.entities = [Entity(s.start, s.end, s.text, "PERS", canonical="المتحدث", info={"k": [1, 2]})]
    p = sp("سرت")
    loc = Place(p.start, p.end, p.text, name="سرت", name_en="Sirte", country_code="LY", lat=31.2, lon=16.6)
    d.places = [loc]
    t = sp("أمس")
    d.dates = [DateMention(t.start, t.end, t.text, "2024-03-01", "day", relative=True)]
    f = sp("12")
    d.figures = [Figure(f.start, f.end, f.text, 12.0, "killed", counted=sp("مسلحا"))]
    q = sp("«الوضع تحت السيطرة»")
    d.quotes = [Quote(q.start, q.end, q.text, "direct", speaker=Speaker(s.start, s.end, s.text, role="متحدث"),
                      cue=sp("قال"))]
    d.events = [Event(type="ASSAULT", evidence=[d.sentences[0] and Span(0, len(text), text)],
                      trigger=sp("اشتباكات"), date="2024-03-01", date_precision="day", location=loc,
                      actors=[Actor(f.start, f.end + 6, text[f.start:f.end + 6], "actor2")], fatalities=12,
                      event_type="Battles", id="c1-e1")]
    d.focus_countries = ["LY"]
    return d


def test_fast_to_dict_equals_to_dict():
    d = _doc()
    assert document_to_dict(d) == d.to_dict()


def test_round_trip():
    d = _doc()
    back = document_from_dict(d.to_dict(), d.text)
    assert back.to_dict() == d.to_dict()
    assert isinstance(back.events[0].location, Place) and isinstance(back.quotes[0].speaker, Speaker)
    assert isinstance(back.figures[0].counted, Span)
    ev = event_from_dict({**d.to_dict()["events"][0], "article_id": "x", "article": {}})  # extra keys ignored
    assert ev.actors[0].role == "actor2" and ev.trigger.text == "اشتباكات"


def _json(x):
    return json.loads(json.dumps(x, ensure_ascii=False))


def test_result_blob_reads_back_as_to_dict():
    d = _doc()
    d.entities.append(Entity(0, 3, d.text[:3], "ORG"))  # more than one row, defaults kept
    expected = {k: v for k, v in _json(d.to_dict()).items()
                if k not in ("id", "published", "source", "url", "title", "events")}
    assert result_from_blob(result_blob(d), d.text) == expected
    # the text of spans is not stored (it is text[start:end]) unless some item's text differs
    assert json.loads(zlib.decompress(result_blob(d)))["entities"]["derived"] == ["text"]
    d.entities[1].text = "غير"
    raw = json.loads(zlib.decompress(result_blob(d)))["entities"]
    assert "derived" not in raw and "text" in raw["fields"]
    assert result_from_blob(result_blob(d), d.text)["entities"][1]["text"] == "غير"
    assert event_dicts(d) == d.to_dict()["events"]


def test_result_blob_of_an_empty_document_and_an_older_plain_blob():
    d = Document(text="نص قصير")
    assert result_from_blob(result_blob(d), d.text) == {k: v for k, v in d.to_dict().items()
                                                if k not in ("id", "published", "source", "url", "title",
                                                             "events")}
    old = _doc().to_dict()
    old.pop("events")
    blob = zlib.compress(json.dumps(old, ensure_ascii=False).encode("utf-8"))
    assert result_from_blob(blob, _doc().text) == _json(old)  # stores written before the column form still read
