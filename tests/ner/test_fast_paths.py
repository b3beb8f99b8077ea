"""The NER stage's shortcuts change no output: row eviction, one-probe resource rows, the clitic
split by first letter, flags from one table, propagation's label counts, the proclitic memo."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from rasd.doc import Document
from rasd.ner import decode
from rasd.ner.conll import read_conll
from rasd.ner.features import _PROCLITICS, LazyRows, load_resources, split_clitics
from rasd.ner.propagate import propagate
from rasd.ner.stage import _proclitic_memo, tagger_entities
from rasd.ner.tagger import Tagger
from rasd.text.stage import SplitSentences, Tokenize

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def sentences() -> list[list[str]]:
    with (DATA / "team-sample.conll").open(encoding="utf-8") as fh:
        return [t for t, _ in read_conll(fh)]


@pytest.fixture(scope="module")
def reference(sentences):
    """Tags and stems of a tagger whose table never fills."""
    return Tagger().load()._decoder.tag_with_stems(sentences, iob2=True)


@pytest.mark.parametrize("compiled", [True, False])
def test_eviction_keeps_tags_and_stems(sentences, reference, compiled):
    if compiled and decode._crf is None:
        pytest.skip("rasd.ner._crf is not built here")
    small = Tagger().load()
    dec = small._decoder
    dec.compiled = compiled
    dec.types.max_types = 120
    got = [dec.tag_with_stems([s], iob2=True) for s in sentences]  # evicted again and again
    assert [g[0][0] for g in got] == reference[0]
    assert [g[1][0] for g in got] == reference[1]
    assert len(dec.types.rows) <= 120


def test_eviction_keeps_the_recently_used_rows(sentences):
    dec = Tagger().load()._decoder
    types = dec.types
    types.max_types = 200
    seen: list[str] = []
    for s in sentences:
        before = len(types.rows)
        dec.tag_many([s])
        if len(types.rows) < before + len(set(s) - set(seen)):  # an eviction happened
            last = seen[-20:]
            kept = [t for t in last if t in types.rows]
            assert kept, "the last sentence's types were all dropped"
            for t in types.rows:  # rows still say what their type is
                r = types.rows[t]
                assert types.stems[r] == types.feat._unit(t)[2]
        seen = list(s)


def test_flags_equal_the_membership_tests(sentences):
    dec = Tagger().load()._decoder
    types = dec.types
    dec.tag_many(sentences)
    pairs = dec._pairs
    left = {a for a, _b in pairs}
    right = {b for _a, b in pairs}
    first = {k[0] for k in dec.feat.res.phrases}
    second = {k[1] for k in dec.feat.res.phrases}
    assert types.flags[: len(types.rows)].any()
    for t, r in types.rows.items():
        stem, base = types.stems[r], types.bases[r]
        want = ((stem in left) | (4 if stem in right else 0) | (2 if stem in first or base in first else 0)
                | (8 if stem in second or base in second else 0))
        assert types.flags[r] == want, t


def test_lazy_rows_parse_once_and_probe_once():
    calls = []

    def parse(tail):
        calls.append(tail)
        return tuple(tail.split("\t"))

    rows = LazyRows({"أ": "1\t2", "ب": "3"}, parse)
    assert rows.get("أ") == ("1", "2") and rows.get("أ") is rows.get("أ")
    assert calls == ["1\t2"]
    assert rows.get("ج") is None and rows.get("ج", ()) == ()
    assert "ب" in rows and "ج" not in rows and len(rows) == 2 and set(rows.keys()) == {"أ", "ب"}


def _split_reference(norm, res):
    """split_clitics as it was written first: every proclitic tried in turn."""
    if not norm or norm[0] not in {p[0] for p in _PROCLITICS}:
        return "", norm
    best, best_score = ("", norm), res.count(norm)
    if best_score == 0 and norm in res.lexicon:
        best_score = 1
    for p in _PROCLITICS:
        if len(norm) - len(p) < 2 or not norm.startswith(p):
            continue
        stem = norm[len(p):]
        if p.endswith("ل") and stem.startswith("ل"):
            stem = "ا" + stem
        sc = res.count(stem)
        if sc == 0 and (stem in res.lexicon or (stem.startswith("ال") and stem[2:] in res.lexicon)):
            sc = 1
        if sc > best_score:
            best, best_score = (p, stem), sc
    return best


def test_split_by_first_letter_equals_trying_every_proclitic():
    res = load_resources([{"form": "سلام", "kind": "given"}])
    letters = "وفبلكسامدين"
    res.clusters = {"".join(w): (len(w) * 7 % 5, ("1",)) for n in (2, 3, 4)
                    for w in itertools.product(letters, repeat=n) if hash(w) % 3 == 0}
    words = ["".join(w) for n in (1, 2, 3, 4, 5) for w in itertools.product(letters[:7], repeat=n)][:20000]
    words += ["", "وسلام", "فلسلام", "للسلام"]
    for w in words:
        assert split_clitics(w, res) == _split_reference(w, res), w


def test_propagation_ties_go_to_the_label_counted_first():
    org, loc = (["زار", "طابا"], ["O", "B-ORG"]), (["في", "طابا"], ["O", "B-LOC"])
    plain = (["من", "طابا", "إلى"], ["O", "O", "O"])
    assert propagate([org, loc, loc, org, plain], str)[4] == ["O", "B-ORG", "O"]  # two against two
    assert propagate([loc, org, org, loc, plain], str)[4] == ["O", "B-LOC", "O"]
    assert propagate([loc, org, org, plain], str)[3] == ["O", "B-ORG", "O"]


class _Stub:
    """Tags given words: a stand-in for the CRF model."""

    def __init__(self, table):
        self.table = table
        self.resources = load_resources([])
        self.resources.clusters = {"فرنسا": (900, ("1",))}

    def tag_document(self, sentences, **_kw):
        return [[self.table.get(t, "O") for t in s] for s in sentences]


def test_proclitic_memo_follows_the_resources():
    doc = SplitSentences()(Tokenize()(Document("زار الوزير وفرنسا أمس.")))
    tagger = _Stub({"وفرنسا": "B-LOC"})
    first = tagger_entities(doc, tagger)
    assert [e.text for e in first] == ["فرنسا"]
    assert _proclitic_memo(tagger.resources)
    assert [e.text for e in tagger_entities(doc, tagger)] == ["فرنسا"]  # from the memo
    tagger.resources.clusters = {"وفرنسا": (900, ("1",))}  # now the whole word is the commoner
    assert [e.text for e in tagger_entities(doc, tagger)] == ["وفرنسا"]
