"""The compiled loops of the store (rasd/store/_dedup.c) give exactly what the numpy/Python code
gives: joined words and content hashes, MinHash signatures and band keys, search stems."""

from __future__ import annotations

import random

import numpy as np
import pytest

from rasd.store import dedup
from rasd.store import sqlite as store_sqlite
from tests.store.test_store_fast import ARTICLE, ODD, _random_texts

compiled = pytest.mark.skipif(dedup._compiled is None, reason="rasd/store/_dedup.c is not built")


def _texts() -> list[str]:
    rnd = random.Random(11)
    words = ["وبالقرب", "والد", "بغزة", "ولد", "للمدينة", "الهيئة", "كالعادة", "فالوضع", "و", "ال", "بال",
             "مسؤول", "12", "x_y", "abc", "ﻻ", "½", "ـ"]
    long = [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 400))) for _ in range(40)]
    return [ARTICLE, "", " ", " ، ", "كلمة", "كلمتان هنا", *ODD, *_random_texts(), *long]


def _python(monkeypatch, fn, *args):
    with monkeypatch.context() as m:
        m.setattr(dedup, "_compiled", None)
        return fn(*args)


@compiled
def test_joined_words_and_hash_equal_the_python_code(monkeypatch):
    for text in _texts():
        norm = dedup.norm_string(text)
        for safe in (True, False) if dedup.std_re_safe(norm) else (False,):
            assert dedup.hash_joined(norm, safe) == _python(monkeypatch, dedup.hash_joined, norm, safe), text
            assert dedup.hash_text(norm, safe) == _python(monkeypatch, dedup.hash_text, norm, safe), text


@compiled
def test_signature_and_band_keys_equal_numpy(monkeypatch):
    for text in _texts():
        _h, joined, encoded = dedup.hash_text(dedup.norm_string(text))
        blob = dedup.signature_blob(joined)
        assert blob == _python(monkeypatch, dedup.signature_blob, joined)
        sig = dedup.signature_of_words(encoded)
        assert np.array_equal(dedup.sig_from_blob(blob), sig) and blob == dedup.sig_to_blob(sig)
        assert dedup.band_keys_of_blob(blob) == dedup.band_keys(sig)


@compiled
def test_stems_equal_the_regular_expression(monkeypatch):
    for text in _texts():
        norm = dedup.norm_string(text)
        if not dedup.std_re_safe(norm):
            continue
        expected = " ".join(store_sqlite._STEM_RE.findall(norm))
        assert store_sqlite._stems(norm, True) == expected == _python(monkeypatch, store_sqlite._stems, norm, True)
        joined = dedup.hash_joined(norm)[1]
        assert store_sqlite._stems(joined, True) == " ".join(store_sqlite._STEM_RE.findall(joined))
    assert store_sqlite._stems("وبالقرب، بغزة وال والد") == "قرب غزة الد"


def test_signature_blob_of_no_words_is_the_empty_signature():
    assert dedup.signature_blob("") == dedup.sig_to_blob(dedup.signature([]))
    assert dedup.signature_blob("كلمة") == dedup.sig_to_blob(dedup.signature(["كلمة"]))


def test_compiled_module_is_built_when_required():
    """CI (RASD_REQUIRE_COMPILED) must build rasd/store/_dedup.c; elsewhere the Python code is enough."""
    import os

    if not os.environ.get("RASD_REQUIRE_COMPILED"):
        pytest.skip("only checked when RASD_REQUIRE_COMPILED is set")
    assert dedup._compiled is not None, "rasd.store._dedup was not built (pip install -e . needs a C compiler)"
