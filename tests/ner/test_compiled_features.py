"""The compiled feature helpers of rasd/ner/_crf.c (clitic split, stems, the per-document decode)
give what the Python code gives, and the decoder's output does not depend on which one runs."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
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


def test_compiled_bigrams_and_phrases_equal_numpy(sentences):
    """Sentences made to hold the model's bigram features and multi-word lexicon entries (from
    the shipped lexicon) get the same state scores from the compiled loops as from numpy."""
    if decode._crf is None or not hasattr(decode._crf, "doc_extras"):
        pytest.skip("rasd.ner._crf is not built here")
    dec = Tagger().load()._decoder
    entries = [words for cands in list(dec.feat.res.phrases.values())[:40] for words, _kind in cands]
    pairs = [list(k) for k in list(dec._pairs)[:40] if "|" not in "".join(k)]
    made = [["قال", *e, "امس", *p, "في", "بيان"] for e, p in zip(entries, pairs, strict=False)]
    made += [["و", *e] for e in entries[:10]] + [e[:1] for e in entries[:5]]
    chunk = made + sentences[:20]
    flat = [normalize_word(t) for s in chunk for t in s]
    ids = dec.types.ids(flat, flat)
    hits, _ = decode._crf.doc_extras(
        np.zeros((len(ids), len(dec.labels))), ids, [len(s) for s in chunk], dec.types.flags, dec._bits,
        dec.types.stems, dec.types.bases, dec._pair_index, dec._pair_mat, dec._phrase_keys, dec.types._last, 1, False)
    assert hits, "no multi-word entry starts in the made sentences"
    st = [dec.types.stems[r] for r in ids]
    assert any((a, b) in dec._pair_index for a, b in zip(st, st[1:], strict=False)), "no bigram feature"
    dec.compiled = False
    em_np, lens_np = dec.emissions(chunk)
    stems_np: list[list[str]] = []
    dec.emissions(chunk, stems=stems_np)
    dec.compiled = True
    em_c, lens_c = dec.emissions(chunk)
    stems_c: list[list[str]] = []
    dec.emissions(chunk, stems=stems_c)
    assert np.array_equal(em_np, em_c) and np.array_equal(lens_np, lens_c) and stems_c == stems_np


def _python_segments(types, norms):
    idx: list[int] = []
    starts: list[int] = []
    stems, bases = [], []
    for w in norms:
        segs, stem, base = types.segments(w, w)
        for seg in segs:
            starts.append(len(idx))
            idx += seg
        stems.append(stem)
        bases.append(base)
    return idx, starts, stems, bases


def test_compiled_type_segments_equal_python(words):
    """Every feature of a new word type, built in C, gets the attribute index the Python features
    get (own, and what each neighbour offset sees), and the same stem and base."""
    _require_compiled()
    dec = Tagger().load()._decoder
    types = dec.types
    ctx = features.compiled_feature_context(types.feat.res, types.w.index, types._nb_index, types._near,
                                            types._zero)
    assert ctx is not None
    got = decode._crf.type_segments(words, ctx)
    assert got == _python_segments(types, words)
    assert [b is s for s, b in zip(got[2], got[3], strict=True)] == [
        b is s for s, b in (types.segments(w, w)[1:] for w in words)]


def test_compiled_type_segments_on_small_resources():
    """Hand-made resources: raw and parsed cluster and profile rows, lexicon kinds, no clusters."""
    _require_compiled()
    res = load_resources([{"form": "فرنسا", "kind": "country"}, {"form": "باريس", "kind": "city"},
                          {"form": "باريس", "kind": "given"}])
    res.cluster_names = ("c4", "c8", "c12", "c16")
    res.clusters = LazyRows({"فرنسا": "900\t1\t10\t101\t1010", "قال": "70000\t2\t20\t202\t2020",
                             "وفرنسا": "2\t1\t10\t101\t1011"},
                            lambda tail: (int(tail.split("\t")[0]), tuple(tail.split("\t")[1:])))
    res.profile_names = ("prT=", "prG=")
    res.profiles = LazyRows({"فرنسا": "0\t3", "باريس": "0\t0", "اريس": "2\t1"},
                            lambda tail: features._profile_row(tail, res.profile_names))
    feat = features.Featurizer(res)
    attrs = sorted({f for w in ["فرنسا", "وفرنسا", "باريس", "قال", "الفرنسيه", "12", "a1", "!"]
                    for part in feat.parts(w)[:3] for f in part} | {"2:s=فرنسا", "-1:c8=10"})
    index = {a: i for i, a in enumerate(attrs)}
    weights = decode.Weights(("O", "B-LOC"), index, np.zeros((len(attrs), 2)), np.zeros((2, 2)))
    types = decode.TypeScores(weights, feat)
    words = ["فرنسا", "وفرنسا", "بفرنسا", "باريس", "وباريس", "قال", "الفرنسيه", "12", "١٢٣", "a1", "!", ""]
    for parse_first in (False, True):
        if parse_first:  # some rows parsed by the Python code, the others still raw
            res.clusters.get("فرنسا")
            res.profiles.get("باريس")
        ctx = features.compiled_feature_context(res, index, types._nb_index, types._near, types._zero)
        assert decode._crf.type_segments(words, ctx) == _python_segments(types, words)
    res.use_clusters = False
    ctx = features.compiled_feature_context(res, index, types._nb_index, types._near, types._zero)
    assert decode._crf.type_segments(words, ctx) == _python_segments(types, words)
    res.profile_names = ()  # raw profile rows it cannot read: the Python code builds them
    assert features.compiled_feature_context(res, index, types._nb_index, types._near, types._zero) is None


def test_feature_filter_changes_no_index(words):
    """The hash filter of the model's attribute dicts skips only look-ups that would miss: with a
    filter of any size, type_segments gives the indices it gives without one."""
    _require_compiled()
    dec = Tagger().load()._decoder
    types = dec.types
    ctx = features.compiled_feature_context(types.feat.res, types.w.index, types._nb_index, types._near,
                                            types._zero)
    plain = decode._crf.type_segments(words, ctx)
    for lg in (3, 10, 16, features.FILTER_BITS):
        filt = decode._crf.feature_filter((types.w.index, *types._nb_index), lg)
        assert len(filt) == 1 << (lg - 3)
        for d in (types.w.index, *types._nb_index):  # every key's bit is set
            for k in list(d)[:500]:
                x = hash(k) & ((1 << lg) - 1)
                assert filt[x >> 3] >> (x & 7) & 1
        assert decode._crf.type_segments(words, (*ctx, filt)) == plain
    filt = features.feature_filter(types.w.index, types._nb_index)
    assert filt is not None and filt.count(0) > len(filt) // 2  # sparse: most unknown features skip the dicts
    assert features.compiled_feature_context(types.feat.res, types.w.index, types._nb_index, types._near,
                                             types._zero, filt)[-1] is filt
    with pytest.raises(TypeError):
        decode._crf.type_segments(words, (*ctx, b"abc"))  # not a power-of-two length
    with pytest.raises(ValueError):
        decode._crf.feature_filter((types.w.index,), 40)


def test_type_scores_build_filter_once():
    """TypeScores passes the filter to the compiled features and keeps it while its dicts stay."""
    _require_compiled()
    dec = Tagger().load()._decoder
    types = dec.types
    types.ids(["كلمةلمترها", "وكلمةثانيه"])
    held = types._filt
    assert held is not None and held[1] is not None
    types.ids(["كلمةثالثهجديده"])
    assert types._filt is held
