"""The cheaper ingest paths of the eighth round store exactly what the plain ones stored: the
extraction's normal form standing in for the store's, event JSON and result blobs encoded without
converting dataclasses in Python first, and the collector tuned for a long ingest."""

from __future__ import annotations

import gc
import json
import zlib

from rasd.doc import Document, _plain
from rasd.store import Store, codec, dedup
from rasd.store import sqlite as store_sqlite
from rasd.text.normalize import normalize
from tests.store.corpus import StubPipeline
from tests.store.test_codec import _doc
from tests.store.test_store_fast import ARTICLE, ODD, _random_texts


def test_extraction_norm_is_the_store_norm():
    for text in [ARTICLE, "", "ﻣﺤﺎﻓﻈﺔ ﻻ", "أَحْمَد ـــ مسئول ١٢٣", "İstanbul", *ODD, *_random_texts()]:
        nt = dedup.extraction_norm(text)
        assert nt is not None and nt.norm == dedup.norm_string(text), text
        assert nt.norm == normalize(text).norm and nt.original == text
    # a capital sigma: str.lower() of a whole text makes a final one ς, the per-character table σ
    assert dedup.extraction_norm("İstanbul ΣΑΣ") is None


def test_ingest_hands_its_normal_form_to_the_pipeline():
    seen = []

    class Spy(StubPipeline):
        def __call__(self, doc):
            seen.append(doc.cache.get("norm"))
            return super().__call__(doc)

    with Store.memory() as st:
        st.ingest_records([{"id": "x", "text": ARTICLE}], pipeline=Spy())
    assert seen[0] is not None and seen[0].norm == normalize(ARTICLE).norm and seen[0].original == ARTICLE


def test_encoders_write_what_to_dict_writes():
    d = _doc()
    plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_plain,
                             check_circular=False).encode
    for ev, shallow in zip(d.events, codec.shallow_dicts(d.events), strict=True):
        assert store_sqlite._dumps(shallow) == plain(_plain(ev))
    for key in ("quotes", "figures", "entities", "places", "dates", "sentences"):
        cols = codec._columns(getattr(d, key), d.text)
        assert codec._encode(cols) == plain(cols), key
    assert json.loads(zlib.decompress(codec.result_blob(d)))["quotes"]["rows"][0][3]["role"] == "متحدث"
    assert codec.shallow_dicts([1, "x"]) == [1, "x"] and codec.json_default(d.published) == "2024-03-02"


def test_stored_events_are_the_to_dict_events():
    d = _doc()
    with Store.memory() as st:
        st.add_document(d)
        art = st.article("c1")
    want = d.to_dict()["events"]
    for ev in want:
        ev["id"] = f"{art['id']}-{ev['id']}"
    assert art["events"] == want
    assert art["quotes"] == d.to_dict()["quotes"] and art["figures"] == d.to_dict()["figures"]


def test_bulk_writes_raise_the_collector_threshold():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, *before[1:])
        with Store.memory() as st:
            st.add_documents([Document(text=ARTICLE, id="y")])
        assert gc.get_threshold()[0] >= 10_000
    finally:
        gc.set_threshold(*before)
