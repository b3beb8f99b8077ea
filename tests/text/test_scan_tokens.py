"""The compiled scan builds Token objects by filling their slots; other token types are called."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from rasd.doc import Token

TEXT = "قُتِلَ ١٢١ شخصاً، و۳٫٥ كم في «طرابلـــس» (UN) 1,200.5"


def _tk():
    tk = importlib.import_module("rasd.text.tokenize")
    if tk._scan is None:
        pytest.skip("rasd.text._scan is not built here")
    tk._fast_patterns()
    return tk


def _scan(tk, token_type):
    return tk._scan.tokenize(TEXT, tk._CLASSES, tk._TYPES, tk._type_of, token_type)


def test_filled_tokens_are_full_tokens():
    tk = _tk()
    toks = _scan(tk, Token)
    assert [type(t) for t in toks] == [Token] * len(toks)
    assert [t.text for t in toks][:3] == ["قُتِلَ", "١٢١", "شخصاً"]
    for t in toks:
        assert TEXT[t.start:t.end] == t.text
        assert dataclasses.astuple(t) == (t.start, t.end, t.text, t.norm, t.kind)
    toks[0].norm = "x"  # the slots are ordinary writable slots
    assert toks[0].norm == "x"


def test_a_token_type_with_post_init_is_called():
    tk = _tk()
    seen = []

    @dataclasses.dataclass(slots=True)
    class Checked(Token):
        def __post_init__(self):
            seen.append(self.text)

    toks = _scan(tk, Checked)
    assert seen == [t.text for t in toks] and len(seen) > 5
    assert [dataclasses.astuple(t) for t in toks] == [dataclasses.astuple(t) for t in _scan(tk, Token)]


def test_any_callable_still_works():
    tk = _tk()
    calls = _scan(tk, lambda *a: a)
    assert calls == [dataclasses.astuple(t) for t in _scan(tk, Token)]


def test_new_token_texts_read_in_the_scan_equal_type_of():
    """The compiled scan's (norm, kind) of a token text not seen before is what _type_of gives, and a
    text it leaves to _type_of (a presentation form) is still read; a full type table is emptied first."""
    tk = _tk()
    if not tk._TYPE_NORMS:
        pytest.skip("this build of rasd.text._scan reads no new token texts")
    text = TEXT + " ﻣﺤﺎﻓﻈﺔ İSTANBUL ΣΑΣ ـ Café ٢٠١٩م"
    types: dict[str, tuple[str, str]] = {}
    toks = tk._scan.tokenize(text, tk._CLASSES, types, tk._type_of, Token, tk._NORMS, 1 << 17)
    saved = dict(tk._TYPES)
    try:
        tk._TYPES.clear()
        want = [(t.text, *tk._type_of(t.text)[:2]) for t in toks]  # (norm, kind); then its word id
    finally:
        tk._TYPES.clear()
        tk._TYPES.update(saved)
    assert [(t.text, t.norm, t.kind) for t in toks] == want
    read = {w[0]: w[1:] for w in want}
    assert {k: read[k] for k in types} == types
    assert set(read) - set(types) == {"ﻣﺤﺎﻓﻈﺔ", "İSTANBUL", "ΣΑΣ"}  # left to _type_of (its own table)
    small: dict[str, tuple[str, str]] = {}
    again = tk._scan.tokenize(text, tk._CLASSES, small, tk._type_of, Token, tk._NORMS, 3)
    assert [(t.norm, t.kind) for t in again] == [w[1:] for w in want]
    assert len(small) <= 3
