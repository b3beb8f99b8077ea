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
