"""The compiled feature helpers of rasd/ner/_crf.c (clitic split, stems, the per-document decode)
give what the Python code gives, and the decoder's output does not depend on which one runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasd.ner import decode, features
from rasd.ner.conll import read_conll
from rasd.ner.features import LazyRows, load_resources, split_clitics, split_clitics_py, stems_and_bases
from rasd.ner.tagger import Tagger, shared_resources
from rasd.text.normalize import normalize_word

DATA = Path(__file__).parent / "data"

# the team's words: clitics, لل + noun, digits, Latin, punctuation, the empty string
EDGE = ["", "و", "لل", "للا", "للامم", "وللامم", "والرياض", "فبالقاهره", "وليد", "بسام", "كالعاده",
        "1٢3", "٢٠٢٤", "abc", "a1", "؟!", "x-y", "ـ", "ابو", "الاتحاد", "والاتحاد", "لللجنه"]


def _require_compiled() -> None:
    if features._split_c is None or features._stem_bases_c is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.ner._crf was not built with its split (pip install -e . needs a C compiler)")
        pytest.skip("rasd.ner._crf is not built here: the Python split is used")


@pytest.fixture(scope="module")
def sentences() -> list[list[str]]:
    with (DATA / "team-sample.conll").open(encoding="utf-8") as fh:
        return [t for t, _ in read_conll(fh)]


@pytest.fixture(scope="module")
def words(sentences) -> list[str]:
    """Normalised words: the team sample's, the edge cases, and a slice of the shipped resources."""
    res = shared_resources()
    out = [normalize_word(t) for s in sentences for t in s] + [normalize_word(w) for w in EDGE]
    out += sorted(res.lexicon)[:3000] + sorted(res.clusters.keys())[:: 40]
    return list(dict.fromkeys(out))


def test_compiled_split_equals_python(words):
    _require_compiled()
    res = shared_resources()
    assert [split_clitics(w, res) for w in words] == [split_clitics_py(w, res) for w in words]


def test_compiled_stems_equal_python(words):
    _require_compiled()
    res = shared_resources()
    got = stems_and_bases(words, res)
    assert got == stems_and_bases(words, res, compiled=False)
    # the strings are the same objects' equals (a digit key built in C compares equal, too)
    assert stems_and_bases(["١٢٣"], res) == [("000", "000")]


def test_compiled_split_reads_raw_parsed_and_plain_rows():
    _require_compiled()
    res = load_resources([{"form": "فرنسا", "kind": "country"}, {"form": "مصر", "kind": "country"}])
    words = ["وفرنسا", "فرنسا", "بفرنسا", "ولد", "والمصر", "للمصر"]
    raw = {"فرنسا": "50\t1\t2", "وفرنسا": "3\t1\t2", "ولد": "+7\t1"}  # "+7": int() reads it
    res.clusters = LazyRows(dict(raw), lambda tail: (int(tail.split("\t")[0]), ()))
    assert [split_clitics(w, res) for w in words] == [split_clitics_py(w, res) for w in words]
    res.clusters.get("فرنسا")  # one row parsed, the others raw
    assert [split_clitics(w, res) for w in words] == [split_clitics_py(w, res) for w in words]
    res.clusters = {"فرنسا": (50, ("1",)), "وفرنسا": (3, ("1",)), "ولد": ()}  # a plain dict of parsed rows
    assert [split_clitics(w, res) for w in words] == [split_clitics_py(w, res) for w in words]
    assert split_clitics("وفرنسا", res) == ("و", "فرنسا")
    res.clusters = LazyRows({"رنسا": "x9\t1"}, lambda tail: (int(tail.split("\t")[0]), ()))
    for split in (split_clitics, split_clitics_py):  # a count that is no number fails alike
        with pytest.raises(ValueError):
            split("فرنسا", res)


def test_compiled_split_checks_its_inputs():
    _require_compiled()
    crf = decode._crf
    with pytest.raises(TypeError):
        crf.split_clitics("وفرنسا", [], {}, {})
    with pytest.raises(TypeError):
        crf.split_clitics("وفرنسا", {"و": ("",)}, {}, {})
    with pytest.raises(TypeError):
        crf.stem_bases([1], {}, {}, {}, "0")


@pytest.mark.parametrize("compiled", [True, False])
def test_norms_given_or_computed_give_the_same_tags(sentences, compiled):
    if compiled and decode._crf is None:
        pytest.skip("rasd.ner._crf is not built here")
    ref = Tagger().load()._decoder.tag_with_stems(sentences, iob2=True)
    dec = Tagger().load()._decoder
    dec.compiled = compiled
    norms = [[normalize_word(t) for t in s] for s in sentences]
    assert dec.tag_with_stems(sentences, iob2=True, norms=norms) == ref
    tagger = Tagger().load()
    assert tagger.tag_document(sentences, norms=norms) == tagger.tag_document(sentences)


def test_without_the_compiled_module_the_same_tags(sentences, monkeypatch):
    ref = Tagger().load().tag_document(sentences)
    monkeypatch.setattr(features, "_split_c", None)
    monkeypatch.setattr(features, "_stem_bases_c", None)
    monkeypatch.setattr(decode, "_crf", None)
    tagger = Tagger().load()
    assert tagger.tag_document(sentences) == ref
