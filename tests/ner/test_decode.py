"""The numpy decoder gives crfsuite's tags: Viterbi against brute force, the shipped model against
crfsuite's own tagger, the weights sidecar."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import numpy as np
import pytest

from rasd.lexicon import data_path
from rasd.ner.conll import read_conll
from rasd.ner.decode import (
    SIDECAR,
    _pair_table,
    _read_sidecar,
    load_weights,
    viterbi,
    weights_from_tagger,
    write_sidecar,
)
from rasd.ner.tagger import Tagger
from rasd.text.normalize import normalize_word

DATA = Path(__file__).parent / "data"
MODEL = str(data_path("ner/model.crfsuite"))


def _brute(em: np.ndarray, T: np.ndarray) -> list[int]:
    """The best path by enumeration; ties to the lexicographically first path scanned from the end
    (crfsuite's backtrace picks the lowest index at each step)."""
    n, L = em.shape
    best, arg = -np.inf, None
    for path in itertools.product(range(L), repeat=n):
        sc = em[0, path[0]] + sum(T[path[i - 1], path[i]] + em[i, path[i]] for i in range(1, n))
        if sc > best + 1e-12:
            best, arg = sc, list(path)
    return arg


def test_viterbi_matches_brute_force_on_ragged_batches():
    rng = np.random.default_rng(7)
    for _ in range(40):
        L = int(rng.integers(2, 4))
        lens = rng.integers(1, 5, size=int(rng.integers(1, 5)))
        T = rng.normal(size=(L, L))
        ems = [rng.normal(size=(int(k), L)) for k in lens]
        got = viterbi(np.vstack(ems), np.array(lens), T)
        assert got == [_brute(e, T) for e in ems]


def test_pair_table_enters_every_split():
    from rasd.ner.decode import Weights

    W = np.arange(6, dtype=float).reshape(3, 2)
    w = Weights(("A", "B"), {"s0s1=x|y|z": 0, "s-1s0=x|y|z": 1, "w=q": 2}, W, np.zeros((2, 2)))
    table = _pair_table(w)
    assert set(table) == {("x", "y|z"), ("x|y", "z")}
    assert table[("x", "y|z")].tolist() == [[0.0, 1.0], [2.0, 3.0]]


@pytest.fixture(scope="module")
def taggers():
    return Tagger(engine="crfsuite").load(), Tagger().load()


def _team_sentences() -> list[list[str]]:
    with (DATA / "team-sample.conll").open(encoding="utf-8") as fh:
        return [t for t, _ in read_conll(fh)]


def test_same_tags_as_crfsuite_on_team_sentences(taggers):
    ref, fast = taggers
    sents = _team_sentences()
    assert sents
    assert fast.tag_many(sents) == [ref.tag(s) for s in sents]
    assert [fast.tag(s) for s in sents] == [ref.tag(s) for s in sents]
    assert fast.tag_document(sents) == ref.tag_document(sents)


def test_same_tags_as_crfsuite_on_real_news(taggers, shared_dir):
    ref, fast = taggers
    with (shared_dir / "data" / "ner" / "anercorp-train.tsv").open(encoding="utf-8") as fh:
        sents = [t for t, _ in itertools.islice(read_conll(fh), 1500)]
    assert fast.tag_many(sents) == [ref.tag(s) for s in sents]


def test_bounded_type_table_gives_the_same_tags(taggers):
    ref, _ = taggers
    small = Tagger().load()
    small._decoder.types.max_types = 50
    sents = _team_sentences()
    for s in sents:  # tables emptied again and again
        assert small.tag_many([s, s[::-1]]) == [ref.tag(s), ref.tag(s[::-1])]
    assert len(small._decoder.types.rows) <= 50


def test_sidecar_round_trip_and_staleness(tmp_path):
    import pycrfsuite

    model = tmp_path / "m.crfsuite"
    shutil.copyfile(MODEL, model)
    side = write_sidecar(str(model))
    first = Path(side).read_bytes()
    assert Path(write_sidecar(str(model))).read_bytes() == first  # byte-identical rebuild
    tg = pycrfsuite.Tagger()
    tg.open(str(model))
    ref = weights_from_tagger(tg)
    got = load_weights(str(model))
    assert got.labels == ref.labels and got.index == ref.index
    assert np.array_equal(got.W, ref.W) and np.array_equal(got.T, ref.T)
    # a sidecar written for another model is ignored, and the model's own weights are read
    assert _read_sidecar(side, "0:not-this-model") is None
    Path(side).write_bytes(first[:-40])  # a truncated sidecar is not trusted either
    again = load_weights(str(model))
    assert np.array_equal(again.W, ref.W) and again.index == ref.index


def test_shipped_sidecar_matches_shipped_model():
    from rasd.ner.decode import _fingerprint

    w = _read_sidecar(MODEL + SIDECAR, _fingerprint(MODEL))
    assert w is not None, "rasd/data/ner/model.crfsuite.weights.gz is stale: run make train-ner"


def test_marginals_are_probabilities_of_the_tags(taggers):
    _, fast = taggers
    sent = _team_sentences()[0]
    tags, probs = fast.tag_marginals(sent)
    assert tags == fast.tag(sent)
    assert len(probs) == len(sent) and all(0.0 < p <= 1.0 for p in probs)


def test_iob2_table_repairs_like_repair_iob2():
    import random

    from rasd.ner.conll import repair_iob2
    from rasd.ner.decode import _iob2_table

    labels = ("O", "B-PERS", "I-PERS", "E-PERS", "S-PERS", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "I-ORG")
    start, table = _iob2_table(labels)
    rng = random.Random(3)
    for _ in range(3000):
        path = [rng.randrange(len(labels)) for _ in range(rng.randint(1, 9))]
        fast = [start[path[0]], *[table[a][b] for a, b in zip(path, path[1:], strict=False)]]
        assert fast == repair_iob2([labels[k] for k in path])


def _flat(segs: list[list[int]]) -> tuple[list[int], list[int]]:
    idx: list[int] = []
    starts: list[int] = []
    for seg in segs:
        starts.append(len(idx))
        idx += seg
    return idx, starts


def test_shipped_type_table_matches_the_feature_strings(taggers):
    from rasd.ner.decode import load_type_table

    _ref, fast = taggers
    types = fast._decoder.types
    table = load_type_table(MODEL, 1 + len(types.offsets))
    assert table is not None, "rasd/data/ner/model.crfsuite.types.gz is stale: run make train-ner"
    assert types.table is not None and len(table.words) > 10_000
    words = sorted(table.words)[:: max(1, len(table.words) // 1500)]  # a spread of 1,500 words
    for w in words:
        assert table.gather([table.words[w]]) == _flat(types.segments(w)[0]), w


def test_type_table_round_trip_and_staleness(tmp_path, taggers):
    from rasd.ner.decode import load_type_table, write_type_table
    from rasd.ner.tagger import Tagger, build_featurizer

    ref, _fast = taggers
    model = tmp_path / "m.crfsuite"
    shutil.copyfile(MODEL, model)
    shutil.copyfile(MODEL + SIDECAR, str(model) + SIDECAR)
    words = ["القاهرة", "الرئيس", "وزير", "قال", "الذي", "ليبيا", "حفتر", "الامم", "المتحده", "2019"]
    path = write_type_table(str(model), build_featurizer(), words)
    table = load_type_table(str(model), 5)
    assert table is not None
    assert "القاهرة" not in table.words and "الامم" in table.words  # normalised forms only
    tagger = Tagger(str(model)).load()
    assert tagger._decoder.types.table is not None
    sents = _team_sentences()
    assert tagger.tag_many(sents) == [ref.tag(s) for s in sents]
    assert load_type_table(str(model), 4) is None  # another featurizer's shape
    Path(path).write_bytes(Path(path).read_bytes()[:-7])  # truncated: not trusted
    assert load_type_table(str(model), 5) is None
    Path(path).unlink()
    assert load_type_table(str(model), 5) is None


# --- the optional compiled loops (rasd/ner/_crf.c) against the numpy code ---

def _compiled():
    """The compiled module, or a skip (a failure when the CI asks for it: RASD_REQUIRE_COMPILED)."""
    import os

    from rasd.ner import decode

    if decode._crf is None:
        if os.environ.get("RASD_REQUIRE_COMPILED"):
            pytest.fail("rasd.ner._crf was not built (pip install -e . needs a C compiler)")
        pytest.skip("rasd.ner._crf is not built here: the numpy code is used")
    return decode._crf


def test_compiled_viterbi_matches_numpy_and_brute_force():
    crf = _compiled()
    rng = np.random.default_rng(11)
    for _ in range(40):
        L = int(rng.integers(2, 5))
        lens = rng.integers(1, 6, size=int(rng.integers(1, 6)))
        T = rng.normal(size=(L, L))
        em = rng.normal(size=(int(lens.sum()), L))
        if rng.random() < 0.3:  # ties: the lowest label index wins in both
            em = np.round(em)
            T = np.round(T)
        labels = [str(y) for y in range(L)]
        got = crf.viterbi(em, lens.tolist(), T, labels, [labels] * L)
        assert got == [[str(y) for y in p] for p in viterbi(em, lens, T)]
        if not (np.round(em) == em).all():
            ems = np.split(em, np.cumsum(lens)[:-1])
            assert got == [[str(y) for y in _brute(e, T)] for e in ems]
    assert crf.viterbi(np.zeros((0, 2)), [], np.zeros((2, 2)), ["a", "b"], [["a", "b"]] * 2) == []
    with pytest.raises(ValueError):
        crf.viterbi(np.zeros((3, 2)), [2], np.zeros((2, 2)), ["a", "b"], [["a", "b"]] * 2)


def test_compiled_emissions_and_tags_equal_numpy(taggers, shared_dir):
    _compiled()
    _, fast = taggers
    dec = fast._decoder
    with (shared_dir / "data" / "ner" / "anercorp-train.tsv").open(encoding="utf-8") as fh:
        sents = [t for t, _ in itertools.islice(read_conll(fh), 600)] + _team_sentences()
    sents.append(["وحيد"])  # a one-token sentence gets BOS and EOS
    types = dec.types

    def fresh(compiled: bool) -> None:  # forget every word type: their rows are summed again
        types.rows.clear()
        types.stems.clear()
        types.bases.clear()
        dec.compiled = compiled

    try:
        fresh(False)
        flat = [t for s in sents for t in s]
        ids = types.ids(flat)
        rows_np, stems_np = types.matrix(ids).copy(), list(types.stems)
        fresh(True)
        assert types.ids(flat) == ids
        assert np.array_equal(types.matrix(ids), rows_np) and types.stems == stems_np
        in_table = {normalize_word(t) in types.table.words for t in flat}
        assert in_table == {True, False}  # both kinds of rows: from the table and from features
        for c in range(0, len(sents), 64):
            chunk = sents[c:c + 64]
            dec.compiled = False
            em_np, _ = dec.emissions(chunk)
            dec.compiled = True
            em_c, _ = dec.emissions(chunk)
            assert np.array_equal(em_np, em_c)  # the same additions in the same order
        fresh(False)
        ref = dec.tag_with_stems(sents, iob2=True), dec.tag_many(sents)
        fresh(True)
        assert (dec.tag_with_stems(sents, iob2=True), dec.tag_many(sents)) == ref
    finally:
        dec.compiled = True


def test_compiled_segment_sums_equal_reduceat():
    crf = _compiled()
    rng = np.random.default_rng(5)
    wz = rng.normal(size=(50, 3))
    idx = rng.integers(0, 50, size=40).tolist()
    starts = [0, 3, 4, 11, 20, 21, 30, 33]  # 8 segments: 4 rows of 2
    out = np.full((6, 2, 3), 7.0)
    crf.segment_sums(wz, idx, starts, out, 1)
    ref = np.add.reduceat(wz[idx], starts, axis=0).reshape(4, 2, 3)
    assert np.array_equal(out[1:5], ref) and (out[0] == 7).all() and (out[5] == 7).all()
    # numpy's pairwise summation: segments of every length class (< 9, up to 129, longer)
    lens = [1, 2, 8, 9, 10, 17, 40, 128, 129, 130, 300, 7]
    idx2 = rng.integers(0, 50, size=sum(lens)).tolist()
    starts2 = np.cumsum([0, *lens[:-1]]).tolist()
    wz2 = wz * 10.0 ** rng.integers(-4, 4, size=(50, 1))
    out2 = np.empty((len(lens), 1, 3))
    crf.segment_sums(wz2, idx2, starts2, out2, 0)
    assert np.array_equal(out2[:, 0], np.add.reduceat(wz2[idx2], starts2, axis=0))
    with pytest.raises(ValueError):
        crf.segment_sums(wz, idx, starts, out, 3)  # no room
    with pytest.raises(ValueError):
        crf.segment_sums(wz, idx, [0, 5, 5], out, 0)  # an empty segment
    with pytest.raises(IndexError):
        crf.segment_sums(wz, [0, 99], [0], out, 0)


def test_compiled_emissions_checks_its_inputs():
    crf = _compiled()
    m = np.zeros((4, 3, 2))
    out = np.empty((3, 2))
    crf.emissions(m, [0, 1, 2], [2, 1], (-1, 1), None, None, out)
    assert (out == 0).all()
    with pytest.raises(IndexError):
        crf.emissions(m, [0, 1, 9], [3], (-1, 1), None, None, out)
    with pytest.raises(ValueError):
        crf.emissions(m, [0, 1, 2], [2], (-1, 1), None, None, out)  # lens do not add up
    with pytest.raises(TypeError):
        crf.emissions(m.astype(np.float32), [0, 1, 2], [3], (-1, 1), None, None, out)
