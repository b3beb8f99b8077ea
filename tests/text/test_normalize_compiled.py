"""The compiled normalisation pass (rasd.text._scan.normalize) equals the Python code."""

from __future__ import annotations

import importlib
import random
from array import array

import pytest

nm = importlib.import_module("rasd.text.normalize")


def _compiled():
    if nm._scan is None:
        pytest.skip("rasd.text._scan is not built here")


def test_table_is_fold_then_lower_for_every_code_point():
    table = array("i")
    table.frombytes(nm._norm_table())
    assert len(table) == 0x10000
    for cp in range(0x10000):
        if cp in (0x0130, 0x03A3) or 0xFB50 <= cp < 0xFE00 or 0xFE70 <= cp < 0xFEFD:
            assert table[cp] == -2, hex(cp)
            continue
        folded = chr(cp).translate(nm._LETTER_TABLE)
        assert table[cp] == (-1 if not folded else ord(folded.lower())), hex(cp)


def test_compiled_equals_python_on_mixed_text():
    _compiled()
    rng = random.Random(5)
    pool = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    common = list("أإآىةؤئکabcXYZ ١٢۳٫،؛«»ـًٌٍَُِّْ\u200f\u200b\u00ad\n.")
    texts = ["", "abc", "ABC", "قُتِلَ ١٢١ شخصاً\u200f، و۳٫٥ كم في «طرابلـــس» (UN) Straße",
             "ΣΑΣ İ", "ﻻ ﷲ", "🙂 قال", "\ud800x", "ـــ"]
    for _ in range(400):
        texts.append("".join(rng.choice(pool if rng.random() < 0.2 else common) for _ in range(rng.randint(0, 60))))
    for text in texts:
        got, want = nm.normalize(text), nm._normalize(text)
        assert (got.norm, got.orig_index) == (want.norm, want.orig_index), ascii(text)
        assert got.original is text


def test_fallback_without_the_module(monkeypatch):
    text = "وَصَلَ الوفدُ إلى «القاهرة» ٢٠١٥"
    want = nm.normalize(text)
    monkeypatch.setattr(nm, "_scan", None)
    got = nm.normalize(text)
    assert (got.norm, got.orig_index) == (want.norm, want.orig_index)
    assert got.norm == 'وصل الوفد الي "القاهره" 2015'
