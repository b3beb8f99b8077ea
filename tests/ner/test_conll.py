"""CoNLL reading/writing, IOB2 repair and exact-span scoring on hand-made cases."""

from __future__ import annotations

import io

import pytest

from rasd.ner.conll import read_conll, repair_iob2, score, spans, write_conll


def test_read_conll_first_column_tabs_and_spaces():
    text = "أحمد\tB-PERS\textra\nقال O\n\n\nفي\tO\nباريس\tB-LOC\n"
    sents = list(read_conll(io.StringIO(text), gold=True))
    assert sents == [(["أحمد", "قال"], ["B-PERS", "O"]), (["في", "باريس"], ["O", "B-LOC"])]
    assert [t for t, _ in read_conll(io.StringIO(text))] == [["أحمد", "قال"], ["في", "باريس"]]


def test_write_conll_keeps_sentence_breaks():
    buf = io.StringIO()
    write_conll(buf, [(["أ", "ب"], ["O", "B-LOC"]), (["ج"], ["O"])])
    assert buf.getvalue() == "أ\tO\nب\tB-LOC\n\nج\tO\n\n"


def test_repair_iob2():
    assert repair_iob2(["I-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]) == \
        ["B-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "B-LOC"]
    assert repair_iob2(["B-X-Y", "junk"]) == ["B-X-Y", "O"]  # unknown prefixes become O


def test_repair_iob2_reads_iobes():
    # the shipped model learns IOBES labels; S-/E- come out as B-/I-, and a name after an S-/E- is new
    assert repair_iob2(["S-PERS", "O", "B-ORG", "I-ORG", "E-ORG", "B-LOC", "E-LOC"]) == \
        ["B-PERS", "O", "B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC"]
    assert repair_iob2(["S-LOC", "E-LOC", "E-PERS", "I-PERS"]) == ["B-LOC", "B-LOC", "B-PERS", "B-PERS"]


def _spans_reference(tags):
    """CoNLL spans read tag by tag (the plain algorithm the fast one must equal)."""
    out, start, typ = [], 0, None
    for i, t in enumerate(tags):
        p, ty = (t[0], t[2:]) if len(t) >= 2 and t[1] == "-" and t[0] in "BIES" else ("O", "")
        if p == "I" and typ == ty:
            continue
        if typ is not None:
            out.append((start, i, typ))
            typ = None
        if p in ("B", "I"):
            start, typ = i, ty
    if typ is not None:
        out.append((start, len(tags), typ))
    return out


def test_spans_equal_the_tag_by_tag_reading():
    import random

    rng = random.Random(4)
    pool = ["O"] * 6 + ["B-PERS", "I-PERS", "B-LOC", "I-LOC", "I-ORG", "S-MISC", "E-LOC", "X", "B-"]
    for _ in range(3000):
        tags = [rng.choice(pool) for _ in range(rng.randint(0, 12))]
        assert spans(tags) == _spans_reference(tags), tags


def test_spans_conll_semantics():
    assert spans(["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG"]) == \
        [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert spans(["O", "I-LOC", "I-LOC"]) == [(1, 3, "LOC")]


def test_score_exact_span():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    s = score(gold, pred)
    # PERS predicted with the wrong end: one false positive and one false negative
    assert (s["PERS"].tp, s["PERS"].fp, s["PERS"].fn) == (0, 1, 1)
    assert (s["LOC"].tp, s["ORG"].tp) == (1, 1)
    assert s["micro"].precision == pytest.approx(2 / 3)
    assert s["micro"].recall == pytest.approx(2 / 3)
    wrong_type = score([["B-LOC"]], [["B-ORG"]])
    assert wrong_type["micro"].f1 == 0.0
    assert (wrong_type["LOC"].fn, wrong_type["ORG"].fp) == (1, 1)


def test_score_rejects_length_mismatch():
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def _repair_reference(tags: list[str]) -> list[str]:
    """The tag-by-tag loop :func:`rasd.ner.conll.repair_iob2` replaced by a look-up per tag pair."""
    from rasd.ner.conll import _parse

    out = []
    prev_typ, closed = None, False
    for t in tags:
        p, typ = _parse(t)
        if p == "O":
            out.append("O")
            prev_typ, closed = None, False
            continue
        out.append("I-" + typ if p in "IE" and prev_typ == typ and not closed else "B-" + typ)
        prev_typ, closed = typ, p in "SE"
    return out


def test_repair_iob2_by_pairs_equals_the_tag_loop():
    import random

    labels = ["O", "B-PERS", "I-PERS", "E-PERS", "S-PERS", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "I-ORG",
              "S-ORG", "E-MISC", "X", "I-"]
    rng = random.Random(8)
    for _ in range(20_000):
        tags = [rng.choice(labels) for _ in range(rng.randint(0, 9))]
        assert repair_iob2(tags) == _repair_reference(tags)
