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
