"""Word ids: the tokenizer's token table (texts, norms, ids) in C and in Python, and the vocabulary."""

from __future__ import annotations

import importlib
import os

import pytest

from rasd.doc import Document
from rasd.text.stage import Tokenize
from rasd.text.tokenize import tokenize, tokenize_table
from rasd.text.vocab import VOCAB, token_table

tk = importlib.import_module("rasd.text.tokenize")

TEXTS = [
    "قُتِلَ ١٢١ شخصاً، و۳٫٥ كم في «طرابلـــس» (UN) 1,200.5",
    "قال الرئيس إن القوات وصلت إلى المدينة، وقال الرئيسُ إنها ستبقى.",
    "ﻣﺤﺎﻓﻈﺔ İSTANBUL ΣΑΣ ـ Café ٢٠١٩م وزارة الخارجية",  # presentation forms: the regex path
    "",
]


def _plain(tt):
    return [tt.tokens, tt.texts, tt.norms, list(tt.ids)]


@pytest.mark.parametrize("text", TEXTS)
def test_compiled_and_python_tables_agree(text):
    """The compiled scan's table equals the Python one's, and both agree with tokenize()."""
    fast = tokenize_table(text)
    slow = tokenize_table(text, compiled=False)
    assert _plain(fast) == _plain(slow)
    assert fast.tokens == tokenize(text)
    assert fast.texts == [t.text for t in fast.tokens]
    assert fast.norms == [t.norm for t in fast.tokens]
    assert list(fast.ids) == [VOCAB.ids[t.norm] for t in fast.tokens]


def test_one_id_per_normalised_form():
    tt = tokenize_table(TEXTS[1])
    by_norm: dict[str, int] = {}
    for norm, wid in zip(tt.norms, tt.ids, strict=True):
        assert by_norm.setdefault(norm, wid) == wid
    assert len(set(by_norm.values())) == len(by_norm)
    again = tokenize_table(TEXTS[1])  # the same ids the next time (texts now known)
    assert list(again.ids) == list(tt.ids)


def test_the_vocabulary_starts_afresh_when_full(monkeypatch):
    """A full vocabulary is replaced between documents: a new stamp, the type table emptied; tables
    of the old stamp no longer hold, ids of the new one do."""
    small = VOCAB
    monkeypatch.setattr(small, "max_words", 5)
    small.reset()
    tk._TYPES.clear()
    try:
        first = tokenize_table(TEXTS[1])  # more than 5 new forms: the document keeps its ids
        assert len(small) > small.max_words
        assert list(first.ids) == [small.ids[n] for n in first.norms]
        stamp = small.stamp
        doc = Document(TEXTS[1])
        doc.tokens = first.tokens
        doc.cache["token_table"] = first
        assert token_table(doc) is first
        second = tokenize_table(TEXTS[0])
        assert small.stamp != stamp and token_table(doc) is None
        assert list(second.ids) == [small.ids[n] for n in second.norms]
        assert _plain(second)[:3] == _plain(tokenize_table(TEXTS[0], compiled=False))[:3]
    finally:
        small.reset()  # the saved types' ids are stale: they are read again
        tk._TYPES.clear()


def test_the_stage_keeps_the_table_with_the_tokens():
    doc = Tokenize()(Document(TEXTS[1]))
    tt = token_table(doc)
    assert tt is not None and tt.tokens is doc.tokens
    doc.tokens = list(doc.tokens)  # another token list: the table no longer holds
    assert token_table(doc) is None


def test_the_compiled_scan_gives_the_table(monkeypatch):
    """The compiled scan reads the token table itself (a failure when the CI asks for compiled loops)."""
    if not tk._PARALLEL:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.text._scan was not built with PARALLEL (pip install -e . needs a C compiler)")
        pytest.skip("rasd.text._scan is not built here (or older): the Python table is used")
    text = TEXTS[0] + " " + TEXTS[1]
    fast = tokenize_table(text)
    with monkeypatch.context() as m:
        m.setattr(tk, "_PARALLEL", False)
        assert _plain(tokenize_table(text)) == _plain(fast)


def test_a_forked_process_takes_a_new_stamp(monkeypatch):
    """Ids of a forked process may part from its parent's: its tables get a stamp of its own."""
    doc = Tokenize()(Document(TEXTS[1]))
    tt = token_table(doc)
    assert tt is not None and tt.stamp[0] == os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: -7)  # as seen in a child process
    again = tokenize_table(TEXTS[1])
    assert again.stamp[0] == -7 and token_table(doc) is None
    assert list(again.ids) == list(tt.ids)  # the ids themselves are kept
