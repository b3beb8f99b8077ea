"""Shared fixtures.  Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder (data and seed) or a skip."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent: training and benchmark data not available here")
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The canonical seed article, or a skip."""
    p = SHARED / "seed" / "libya-2019-04-16.ar.txt"
    if not p.is_file():
        pytest.skip("../shared/seed is absent: the acceptance article is not available here")
    return p


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    """The seed article extracted once with the default pipeline."""
    import rasd

    return rasd.extract(seed_path.read_text(encoding="utf-8"), published="2019-04-16", id="seed")


@pytest.fixture(scope="session")
def taiz_doc():
    """The team-written Taiz example extracted once."""
    import rasd

    text = (EXAMPLES / "taiz-clashes.ar.txt").read_text(encoding="utf-8")
    return rasd.extract(text, published="2024-03-11", id="taiz")


@pytest.fixture(scope="session")
def bad_spans():
    """A function listing every annotation of a document whose text is not doc.text[start:end]."""
    return _bad_spans


def _bad_spans(doc) -> list[str]:
    """Every annotation whose text is not exactly doc.text[start:end] (should be empty)."""
    bad = []
    for layer in ("tokens", "sentences", "entities", "places", "dates", "figures", "quotes"):
        for a in getattr(doc, layer):
            if doc.text[a.start:a.end] != a.text:
                bad.append(f"{layer}: {a!r}")
    for e in doc.events:
        for sp in e.evidence:
            if doc.text[sp.start:sp.end] != sp.text:
                bad.append(f"event evidence: {sp!r}")
    return bad


@pytest.fixture
def event_actors(request):
    """``event_actors(text, pub=the test module's PUB, type_=None)``: the actors, by role, of the first
    event (of ``type_``) rasd codes in ``text``; fails listing the set-aside events when none is coded."""
    import rasd

    default = getattr(request.module, "PUB", "2024-05-12")

    def actors(text: str, pub: str = default, type_: str | None = None) -> dict:
        doc = rasd.extract(text, published=pub)
        evs = [e for e in doc.events if type_ is None or e.type == type_]
        assert evs, [(e.type, r) for e, r in doc.cache["events_other"]]
        return {a.role: a for a in evs[0].actors}

    return actors


@pytest.fixture
def rule_quotes():
    """``rule_quotes(text)``: the quotes of ``text`` after the rule stages only (tokens, sentences,
    entities, quotes), each checked to point into the text (quote, speaker and cue spans)."""
    from rasd.doc import Document
    from rasd.recognize.entities import RecognizeEntities
    from rasd.recognize.quotes import RecognizeQuotes
    from rasd.text.stage import SplitSentences, Tokenize

    stages = (Tokenize(), SplitSentences(), RecognizeEntities(), RecognizeQuotes())

    def quotes(text: str) -> list:
        doc = Document(text=text)
        for stage in stages:
            stage(doc)
        for q in doc.quotes:
            for span in (q, q.speaker, q.cue):
                if span is not None:
                    assert text[span.start:span.end] == span.text, span
        return doc.quotes

    return quotes


@pytest.fixture
def full_quotes():
    """``full_quotes(text)``: the quotes of ``text`` after the whole pipeline (published 2015-08-01), each
    speaker checked to point into the text."""
    import rasd

    def quotes(text: str) -> list:
        doc = rasd.extract(text, published="2015-08-01")
        for q in doc.quotes:
            sp = q.speaker
            if sp is not None:
                assert doc.text[sp.start:sp.end] == sp.text, sp
        return doc.quotes

    return quotes


@pytest.fixture
def speaker_of():
    """``speaker_of(quotes, words)``: the speaker of the first quote whose text holds ``words``."""
    return lambda qs, words: next(q for q in qs if words in q.text).speaker


@pytest.fixture
def store_at_version(tmp_path):
    """``store_at_version(n)``: (path, open autocommit connection) of a new SQLite file with the
    store's first ``n`` migrations applied, as an older rasd left it."""
    import sqlite3

    from rasd.store.schema import MIGRATIONS, _statements

    def make(version: int):
        path = tmp_path / f"v{version}.db"
        conn = sqlite3.connect(path, isolation_level=None)
        for script in MIGRATIONS[:version]:
            for stmt in _statements(script):
                conn.execute(stmt)
        conn.execute(f"PRAGMA user_version = {version}")
        return path, conn

    return make
