from rasd.text import split_sentences, tokenize


def test_tokens_keep_offsets_and_kinds():
    text = "قُتل ١٢١ شخصا، و3.5 كم (UN)."
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.text for t in toks] == ["قُتل", "١٢١", "شخصا", "،", "و", "3.5", "كم", "(", "UN", ")", "."]
    assert toks[1].kind == "number" and toks[1].norm == "121"
    assert toks[8].kind == "latin"


def test_tatweel_stays_inside_word():
    toks = tokenize("طرابلـــس")
    assert len(toks) == 1 and toks[0].norm == "طرابلس"


def test_sentences_split_on_arabic_punctuation_and_lines():
    text = "هل انتهى القتال؟ قال المسؤول: لا. ثم غادر!\nسطر جديد بلا نقطة\nوآخر"
    sents = split_sentences(text, tokenize(text))
    assert [s.text for s in sents] == ["هل انتهى القتال؟", "قال المسؤول: لا.", "ثم غادر!",
                                       "سطر جديد بلا نقطة", "وآخر"]


def test_sentences_do_not_split_inside_quotes():
    text = "وقال الوزير «لن نتراجع. سنواصل العمل» ثم غادر. وانتهى الاجتماع."
    sents = split_sentences(text, tokenize(text))
    assert [s.text for s in sents] == ["وقال الوزير «لن نتراجع. سنواصل العمل» ثم غادر.", "وانتهى الاجتماع."]


def test_decimal_point_does_not_split():
    text = "ارتفع المؤشر 2.5 في المئة اليوم."
    assert len(split_sentences(text, tokenize(text))) == 1


def test_fast_path_equals_the_regex_pattern():
    """Text within the common blocks is tokenised by a stdlib pattern; it must give the regex tokens."""
    import importlib

    tk = importlib.import_module("rasd.text.tokenize")
    text = ("  قُتِلَ ١٢١ شخصاً\u200f، و۳٫٥ كم في «طرابلـــس» (UN) Straße—naïve ½ ² \t\n"
            "x\u00ad\u200by ‹›…؟! ﻻ ﷲ ＡＢ１２ ٪ 1,200.5 $ 🙂"[:-2])
    assert tk.tokenize(text) == tk._tokenize_any(text)
    emoji = "قال 🙂 ok"
    assert tk.tokenize(emoji) == tk._tokenize_any(emoji)  # outside the blocks: the regex path


def test_sentences_quotes_runs_and_breaks():
    text = "قال: «انتهى. تماماً»\n«لا» قال. وماذا؟!» ثم \"نعم. لا\" انتهى...\n\nآخر"
    sents = split_sentences(text, tokenize(text))
    assert [s.text for s in sents] == ["قال: «انتهى. تماماً»", "«لا» قال.", "وماذا؟!»", "ثم \"نعم. لا\" انتهى...",
                                       "آخر"]


def _compiled_scan():
    """rasd.text.tokenize with its compiled scan, or a skip (a failure when the CI asks for it)."""
    import importlib
    import os

    import pytest

    tk = importlib.import_module("rasd.text.tokenize")
    if tk._scan is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.text._scan was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.text._scan is not built here: the stdlib pattern is used")
    return tk


def _both(tk, text: str, monkeypatch):
    compiled = tk.tokenize(text)
    with monkeypatch.context() as m:
        m.setattr(tk, "_scan", None)
        python = tk.tokenize(text)
    return compiled, python


def test_compiled_scan_equals_the_pattern(monkeypatch):
    import random

    tk = _compiled_scan()
    texts = ["", " ", "٣٫٥", "1,200.5.", "a.1", "12,", "ـبـ", "abcعربي def", "عربيabc", "\u200f\u00ad",
             "  قُتِلَ ١٢١ شخصاً\u200f، و۳٫٥ كم في «طرابلـــس» (UN) Straße—naïve ½ ² \t\nx\u00ad\u200by ‹›…؟! ﻻ ﷲ ＡＢ１２"]
    pool = [chr(c) for a, b in tk._FAST_BLOCKS for c in range(a, b) if not 0xD800 <= c < 0xE000]
    common = list("0123456789٠١٢٣٤٥٦٧٨٩.,٫٬ \n\u200fabcعربيةـَ،«»")
    rng = random.Random(3)
    for _ in range(60):  # every character of the blocks, and runs of the ones that interact
        texts.append("".join(rng.choice(pool if rng.random() < 0.3 else common) for _ in range(400)))
    for text in texts:
        compiled, python = _both(tk, text, monkeypatch)
        assert compiled == python, text
    assert tk._tokenize_any("x 🙂") == tk.tokenize("x 🙂")  # outside the blocks: the regex path


def test_compiled_scan_equals_the_pattern_on_news(monkeypatch, shared_dir):
    import itertools
    import json

    tk = _compiled_scan()
    with (shared_dir / "data" / "news" / "saudinewsnet-other.jsonl").open(encoding="utf-8") as fh:
        for line in itertools.islice(fh, 300):
            text = json.loads(line)["content"]
            compiled, python = _both(tk, text, monkeypatch)
            assert compiled == python
