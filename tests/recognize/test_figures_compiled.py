"""The compiled scan of the words around a number (rasd.text._scan.word_tokens) equals the Python one."""

from __future__ import annotations

import os
import random

import pytest

from rasd.doc import Document
from rasd.recognize import figures as fg
from rasd.text.normalize import normalize


def _compiled():
    if fg._word_tokens is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.text._scan was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.text._scan is not built here")


def _texts() -> list[str]:
    rng = random.Random(11)
    pieces = ["قتل", "خمسة", "جنود", "و", "12", "٣", "%", " ", " ", "  ", "\n", "،", ".", "(", ")", "_x",
              "abc", "٫", "ـ", "\t", "2.5", "-", "«", "»", "أشخاص", "\u00a0", "\U0001f600", "ﻻ"]
    out = ["", " ", "قتل 5 أشخاص", "12", "a_b c-d"]
    for _ in range(200):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))
    return out


def _reader(text: str) -> fg._Reader:
    return fg._Reader(normalize(text), Document(text=text))


def test_compiled_windows_equal_python(monkeypatch):
    _compiled()
    for text in _texts():
        r = _reader(text)
        n = len(r.norm)
        for pos in range(-1, n + 2):
            for k in (1, 2, 5, 8):
                compiled = r.next_toks(pos, k) if pos >= 0 else None
                before = r.toks_before(pos) if pos >= 0 else None
                with monkeypatch.context() as m:
                    m.setattr(fg, "_word_tokens", None)
                    if pos >= 0:
                        assert r.next_toks(pos, k) == compiled, (text, pos, k)
                        assert r.toks_before(pos) == before, (text, pos)
        # the raw scan with an open end (k <= 0) and a window past the text
        assert fg._word_tokens(r.norm, 0, n + 5, 0, fg._Tok) == \
            [fg._Tok(m.start(), m.end(), m.group()) for m in fg._TOK.finditer(r.norm)]


def test_figures_same_with_and_without_compiled_scan(monkeypatch):
    _compiled()
    text = ("قتل 12 شخصا وأصيب ثلاثة آخرون في قصف على حلب، فيما نزح نحو 2000 شخص (منهم 40 طفلا) "
            "على بعد 11 كيلومترا من المدينة عام 2015.")
    doc = Document(text=text)
    compiled = fg.find_figures(doc)
    with monkeypatch.context() as m:
        m.setattr(fg, "_word_tokens", None)
        python = fg.find_figures(Document(text=text))
    assert compiled == python
    assert [f.value for f in compiled][:2] == [12.0, 3.0]
