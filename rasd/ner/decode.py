"""A numpy decoder for the shipped linear-chain CRF: the same tags as crfsuite, much faster.

crfsuite scores a tag sequence as the sum, over tokens, of the weights of the token's (attribute,
label) pairs, plus a weight per label transition; its tagger is Viterbi over those scores.  Almost
all of rasd's features belong to one word type at one position (the token itself, or a neighbour at
offset ±1, ±2 — see :class:`rasd.ner.features.Featurizer`), so the part of a token's label scores
that a word type contributes at each position is computed once per type and cached as a row of
label scores (:class:`TypeScores`).  A sentence's emission matrix is then a few vectorised shifted
sums; the two bigram features and the multi-word lexicon features are added per token; Viterbi runs
over all sentences of a document at once (padded, one numpy step per position).

:func:`load_weights` reads the model's weights from a sidecar written at training time
(``<model>.weights.gz``, checked against the model's size and hash) or, failing that, from
crfsuite's model dump.  The equality with crfsuite's own tagger is tested on team sentences and on
real news.

When the package was built with its optional C extension (``rasd.ner._crf``, built by ``pip install``
where a C compiler is present), the emission sums and Viterbi run there: the same additions in the
same order, so the same scores and tags (tested against the numpy code).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count, repeat
from operator import is_, itemgetter, not_

import numpy as np

from rasd.ner.features import compiled_feature_context, feature_filter, stems_and_bases
from rasd.text.normalize import normalize_word
from rasd.text.vocab import VOCAB

try:  # the optional compiled loops (rasd/ner/_crf.c); without them, the numpy code below
    from rasd.ner import _crf
except ImportError:  # pragma: no cover - depends on the build
    _crf = None

SIDECAR = ".weights.gz"


@dataclass
class Weights:
    """A CRF's parameters: labels, attribute index, state weights ``W[attr, label]`` and
    transition weights ``T[previous label, label]``."""

    labels: tuple[str, ...]
    index: dict[str, int]
    W: np.ndarray
    T: np.ndarray

    def vector(self, feats) -> np.ndarray | None:
        """Summed label scores of a list of attribute strings (None when none is known)."""
        idx = [i for i in map(self.index.get, feats) if i is not None]
        if not idx:
            return None
        return self.W[idx].sum(axis=0) if len(idx) > 1 else self.W[idx[0]].copy()


def _fingerprint(path: str) -> str:
    st = os.stat(path)
    return _fingerprint_of(path, st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _fingerprint_of(path: str, _size: int, _mtime: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return f"{os.path.getsize(path)}:{h.hexdigest()}"


def weights_from_tagger(tg) -> Weights:
    """Weights from an open ``pycrfsuite.Tagger`` (its model dump; ~0.3 s)."""
    info = tg.info()
    labels = tuple(tg.labels())
    lab = {x: i for i, x in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    index = {a: i for i, a in enumerate(attrs)}
    W = np.zeros((len(attrs), len(labels)))
    for (a, y), w in info.state_features.items():
        W[index[a], lab[y]] = w
    T = np.zeros((len(labels), len(labels)))
    for (y0, y1), w in info.transitions.items():
        T[lab[y0], lab[y1]] = w
    return Weights(labels, index, W, T)


def write_sidecar(model_path: str, weights: Weights | None = None) -> str:
    """Write ``<model>.weights.gz`` (the weights and the model's fingerprint, byte-identical for the
    same model); returns its path."""
    if weights is None:
        import pycrfsuite

        tg = pycrfsuite.Tagger()
        tg.open(model_path)
        weights = weights_from_tagger(tg)
    attrs = sorted(weights.index, key=weights.index.get)
    block = "\n".join(attrs).encode("utf-8")
    head = {"model": _fingerprint(model_path), "labels": list(weights.labels), "attrs": len(attrs),
            "attrs_bytes": len(block)}
    out = model_path + SIDECAR
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(json.dumps(head).encode("utf-8") + b"\n")
        fh.write(block)
        fh.write(np.ascontiguousarray(weights.W, dtype="<f8").tobytes())
        fh.write(np.ascontiguousarray(weights.T, dtype="<f8").tobytes())
    return out


def _read_sidecar(path: str, fingerprint: str) -> Weights | None:
    with gzip.open(path, "rb") as fh:
        head = json.loads(fh.readline())
        if head.get("model") != fingerprint:
            return None
        block = fh.read(head["attrs_bytes"])
        attrs = block.decode("utf-8").split("\n") if head["attrs"] else []
        if len(attrs) != head["attrs"]:
            return None
        rest = fh.read()
    n, L = len(attrs), len(head["labels"])
    arr = np.frombuffer(rest, dtype="<f8")
    if arr.size != n * L + L * L:
        return None
    W = arr[: n * L].reshape(n, L).astype(float)
    T = arr[n * L:].reshape(L, L).astype(float)
    return Weights(tuple(head["labels"]), {a: i for i, a in enumerate(attrs)}, W, T)


def load_weights(model_path: str, tg=None) -> Weights:
    """The model's weights: from the sidecar when it matches the model file, else from ``tg`` (an
    open crfsuite tagger on the same model) or a tagger opened here."""
    side = model_path + SIDECAR
    if os.path.isfile(side):
        try:
            w = _read_sidecar(side, _fingerprint(model_path))
        except (OSError, EOFError, ValueError, KeyError):  # damaged: read the model instead
            w = None
        if w is not None:
            return w
    if tg is None:
        import pycrfsuite

        tg = pycrfsuite.Tagger()
        tg.open(model_path)
    return weights_from_tagger(tg)


def _pair_table(weights: Weights) -> dict[tuple[str, str], np.ndarray]:
    """``(a, b)`` -> a (2, labels) array: the scores ``s0s1=a|b`` gives the left token and
    ``s-1s0=a|b`` the right one (the bigram features of :meth:`Featurizer.sentence`).  A stem
    holding ``|`` is entered under every split, so look-ups by ``(stem, stem)`` stay exact."""
    out: dict[tuple[str, str], np.ndarray] = {}
    L = len(weights.labels)
    for attr, i in weights.index.items():
        for prefix, side in (("s0s1=", 0), ("s-1s0=", 1)):
            if attr.startswith(prefix):
                body = attr[len(prefix):]
                for k, ch in enumerate(body):
                    if ch == "|":
                        v = out.setdefault((body[:k], body[k + 1:]), np.zeros((2, L)))
                        v[side] += weights.W[i]
    return out


TYPES_SIDECAR = ".types.gz"


@dataclass
class TypeTable:
    """The attribute indices of the commonest word types of raw news, computed at training time
    (:func:`write_type_table`) so that meeting one costs a gather instead of building and looking
    up its ~25 feature strings.  ``words``: normalised form -> row; row ``k``'s segment ``j``
    (own features, then each neighbour offset) is ``idx[start[5k + j]:start[5k + j + 1]]``."""

    words: dict[str, int]
    start: np.ndarray  # (rows * segments + 1,) int64
    idx: np.ndarray  # uint16 / int32 attribute indices
    segments: int

    def gather(self, rows: list[int]) -> tuple[list[int], list[int]]:
        """The attribute indices of ``rows``' segments laid end to end, and where each starts."""
        S = self.segments
        seg = (np.asarray(rows, dtype=np.int64)[:, None] * S + np.arange(S)).ravel()
        a, b = self.start[seg], self.start[seg + 1]
        lens = b - a
        ends = np.cumsum(lens)
        first = ends - lens
        flat = np.repeat(a - first, lens) + np.arange(int(ends[-1]))
        return self.idx[flat].astype(np.intp).tolist(), first.tolist()


def write_type_table(model_path: str, featurizer, words: list[str]) -> str:
    """Write ``<model>.types.gz``: the attribute indices of ``words`` (normalised forms, e.g. the
    commonest words of the clusters' corpus) under the model's weights; returns its path."""
    weights = load_weights(model_path)
    types = TypeScores(weights, featurizer)
    words = [w for w in dict.fromkeys(words) if w and normalize_word(w) == w]
    lens: list[int] = []
    idx: list[int] = []
    for w in words:
        for seg in types.segments(w)[0]:
            lens.append(len(seg))
            idx += seg
    dtype = "<u2" if types._zero < 65_536 else "<i4"
    head = {"model": _fingerprint(model_path), "words": len(words), "segments": 1 + len(types.offsets),
            "idx": len(idx), "dtype": dtype}
    block = "\n".join(words).encode("utf-8")
    head["words_bytes"] = len(block)
    out = model_path + TYPES_SIDECAR
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(json.dumps(head).encode("utf-8") + b"\n")
        fh.write(block)
        fh.write(np.asarray(lens, dtype=np.uint8).tobytes())
        fh.write(np.asarray(idx, dtype=dtype).tobytes())
    return out


def load_type_table(model_path: str, segments: int) -> TypeTable | None:
    """The model's word-type table, or None when there is none, it belongs to another model, or
    it is damaged (the decoder then computes every type from its features)."""
    path = model_path + TYPES_SIDECAR
    if not os.path.isfile(path):
        return None
    try:
        with gzip.open(path, "rb") as fh:
            head = json.loads(fh.readline())
            if head.get("model") != _fingerprint(model_path) or head.get("segments") != segments:
                return None
            words = fh.read(head["words_bytes"]).decode("utf-8").split("\n")
            n = head["words"] * segments
            lens = np.frombuffer(fh.read(n), dtype=np.uint8)
            idx = np.frombuffer(fh.read(), dtype=head["dtype"])
    except (OSError, EOFError, ValueError, KeyError, UnicodeDecodeError):
        return None
    if len(words) != head["words"] or len(lens) != n or len(idx) != head["idx"] or int(lens.sum()) != len(idx):
        return None
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lens, out=start[1:])
    return TypeTable(dict(zip(words, range(len(words)), strict=True)), start, idx, segments)


class TypeScores:
    """Per word type, the label scores it contributes as the token (row 0) and as the neighbour at
    each of the featurizer's offsets (rows 1..), kept in one growing matrix so that a sentence's
    rows come out with one fancy index; and its stem and base (for the bigram and phrase features)."""

    #: bits of :attr:`flags`: the stem starts a bigram feature the model knows; the stem or base
    #: starts a multi-word lexicon entry; the stem ends a bigram feature the model knows; the stem
    #: or base is the second word of a multi-word lexicon entry
    PAIR, PHRASE, PAIR_RIGHT, PHRASE_SECOND = 1, 2, 4, 8

    def __init__(self, weights: Weights, featurizer, max_types: int = 60_000, *,
                 pair_left: frozenset[str] = frozenset(), phrase_first: frozenset[str] = frozenset(),
                 pair_right: frozenset[str] = frozenset(), phrase_second: frozenset[str] = frozenset(),
                 table: TypeTable | None = None) -> None:
        self.w = weights
        self.table = table
        self.feat = featurizer
        self.offsets = featurizer._offsets
        self.rows: dict[str, int] = {}
        self.stems: list[str] = []
        self.bases: list[str] = []
        self.max_types = max_types
        # word -> its :attr:`flags` bits as a stem (a base contributes only PHRASE, PHRASE_SECOND)
        self._bits: dict[str, int] = {}
        for words, bit in ((pair_left, self.PAIR), (pair_right, self.PAIR_RIGHT),
                           (phrase_first, self.PHRASE), (phrase_second, self.PHRASE_SECOND)):
            for w in words:
                self._bits[w] = self._bits.get(w, 0) | bit
        # room for every row from the start: a large zeroed array is mapped lazily (pages are
        # committed as rows are written), so this costs nothing up front and never copies
        self._m = np.zeros((max(max_types, 1024), 1 + len(self.offsets), len(weights.labels)))
        self.flags = np.zeros(len(self._m), dtype=np.uint8)
        # when each row was last used (:meth:`touch`): the recently used rows outlive an eviction
        self._last = np.zeros(len(self._m), dtype=np.int64)
        self._tick = 0
        # word id (rasd.text.vocab) -> row, -1 where not known yet (see _ids_by_word)
        self._row_of: np.ndarray | None = None
        self._row_stamp = None
        #: use the compiled loops when they are built (False: the numpy code, e.g. to compare)
        self.compiled = True
        self._flags_c = hasattr(_crf, "type_flags")  # False with a build of _crf.c older than it
        self._wz = np.vstack([weights.W, np.zeros((1, len(weights.labels)))])  # + a zero row
        self._zero = len(weights.W)
        # per neighbour offset: feature (before its "offset:" prefix) -> attribute index
        prefixes = featurizer._prefixes
        self._near = tuple(near for _p, near in prefixes)
        self._nb_index: tuple[dict[str, int], ...] = tuple({} for _ in prefixes)
        self._filt: tuple[tuple[int, ...], bytes | None] | None = None  # (dict sizes, feature_filter)
        where = {p: k for k, (p, _near) in enumerate(prefixes)}
        for attr, i in weights.index.items():
            head, colon, rest = attr.partition(":")
            k = where.get(head + colon) if colon else None
            if k is not None:
                self._nb_index[k][rest] = i

    def _index_sizes(self) -> tuple[int, ...]:
        """The sizes of the attribute dicts (the feature filter is built again when they change)."""
        return (len(self.w.index), *map(len, self._nb_index))

    def ids(self, tokens: list[str], norms: list[str] | None = None, wids=None) -> list[int]:
        """Row ids of ``tokens`` (computing the rows of unseen types, all in one numpy step).
        A row belongs to a normalised form (the features see nothing else): ``norms``, the
        tokens' ``normalize_word`` forms when the caller has them (e.g. ``Token.norm``); ``wids``,
        their word ids under the current :data:`rasd.text.vocab.VOCAB` (an int32 array) when the
        caller has them too: the rows are then read from an array indexed by word id.
        Valid until the next call: when the table would pass ``max_types`` (bounded memory on
        endless streams), only its most recently used half is kept (:meth:`_evict`)."""
        if norms is None:
            norms = list(map(normalize_word, tokens))
        if len(self.rows) + len(norms) > self.max_types:
            self._evict(min(self.max_types // 2, self.max_types - len(norms)))
        if wids is not None and len(wids) == len(norms) and len(norms):
            return self._ids_by_word(norms, wids)
        return self._ids_by_norm(norms)

    def _ids_by_word(self, norms: list[str], wids: np.ndarray) -> list[int]:
        """:meth:`ids` from the tokens' word ids: row ``row_of[word id]`` (-1: not known yet, then
        looked up by form, or computed, and remembered).  ``row_of`` starts afresh with the
        vocabulary and after an eviction."""
        w = np.asarray(wids, dtype=np.int32)
        if int(w.min()) < 0:
            return self._ids_by_norm(norms)
        ro = self._row_of
        if ro is None or self._row_stamp != VOCAB.stamp:
            ro = self._row_of = np.full(1 << 16, -1, dtype=np.int64)
            self._row_stamp = VOCAB.stamp
        hi = int(w.max())
        if hi >= len(ro):
            grown = np.full(max(hi + 1, 2 * len(ro)), -1, dtype=np.int64)
            grown[:len(ro)] = ro
            ro = self._row_of = grown
        r = ro[w]
        miss = np.flatnonzero(r < 0)
        if len(miss):
            got = self._ids_by_norm(list(map(norms.__getitem__, miss.tolist())))
            r[miss] = got
            ro[w[miss]] = got
        return r.tolist()

    def _ids_by_norm(self, norms: list[str]) -> list[int]:
        """:meth:`ids` by the tokens' normalised forms."""
        rows = self.rows
        out = list(map(rows.get, norms))
        if None in out:  # unseen types: computed once each, then only their tokens looked up again
            miss = list(compress(count(), map(is_, out, repeat(None))))
            new = list(map(norms.__getitem__, miss))
            self._add(list(dict.fromkeys(new)))
            for i, r in zip(miss, map(rows.__getitem__, new), strict=True):
                out[i] = r
        return out

    def touch(self, ids) -> None:
        """Mark rows ``ids`` (an index array) as used now (they are kept longest on eviction)."""
        self._tick += 1
        self._last[ids] = self._tick

    def _evict(self, keep: int) -> None:
        """Keep the ``keep`` most recently used rows (moved to the front, in their order) and
        forget the others.  A row depends on nothing but its word type, so which rows are kept
        changes no score, only how many are computed again."""
        n = len(self.rows)
        self._row_of = None  # rows move: the word id -> row array starts afresh
        kept = np.sort(np.argsort(-self._last[:n], kind="stable")[:max(keep, 0)])
        k = len(kept)
        toks: list[str] = [""] * n
        for t, r in self.rows.items():
            toks[r] = t
        self._m[:k] = self._m[kept]
        self.flags[:k] = self.flags[kept]
        self._last[:k] = self._last[kept]
        order = kept.tolist()
        self.rows.clear()
        self.rows.update(zip(map(toks.__getitem__, order), range(k), strict=True))
        self.stems[:] = map(self.stems.__getitem__, order)
        self.bases[:] = map(self.bases.__getitem__, order)

    def segments(self, tok: str, norm: str | None = None) -> tuple[list[list[int]], str, str]:
        """``([attribute indices of the token's own features, of what a neighbour at each offset
        sees], stem, base)`` of one word type, from its feature strings; an index the model does
        not know is the zero row's (adding it changes no sum).  ``norm``: ``normalize_word(tok)``
        when the caller has it."""
        own, near, far, stem, base = self.feat.parts(tok, norm)
        zero = self._zero
        segs = [list(map(self.w.index.get, own, repeat(zero)))]
        for is_near, nb in zip(self._near, self._nb_index, strict=True):
            segs.append(list(map(nb.get, near if is_near else far, repeat(zero))))
        return segs, stem, base

    def _add(self, norms: list[str]) -> None:
        """Rows for the new normalised forms ``norms``."""
        r0 = len(self.rows)
        need = r0 + len(norms)
        if need > self._m.shape[0]:
            m = np.zeros((max(need, 2 * self._m.shape[0]), *self._m.shape[1:]))
            m[:r0] = self._m[:r0]
            self._m = m
            f = np.zeros(m.shape[0], dtype=np.uint8)
            f[:r0] = self.flags[:r0]
            self.flags = f
            last = np.zeros(m.shape[0], dtype=np.int64)
            last[:r0] = self._last[:r0]
            self._last = last
        # the word types the shipped table knows first, then the others from their features
        compiled = _crf is not None and self.compiled
        known: list[int] = []
        if self.table is not None:
            found = list(map(self.table.words.get, norms))
            absent = list(map(is_, found, repeat(None)))
            known = [k for k in found if k is not None]
            known_norms = list(compress(norms, map(not_, absent)))
            sb = stems_and_bases(known_norms, self.feat.res, compiled=compiled)
            self._put_many(known_norms, map(itemgetter(0), sb), map(itemgetter(1), sb))
            norms = list(compress(norms, absent))
        # one segmented sum for all new types and positions (no segment is empty: a token always
        # has its word and a neighbour always sees its stem)
        at = r0  # the row the summed segments of idx go to
        idx: list[int] = []
        starts: list[int] = []
        if known and compiled:
            _crf.table_sums(self._wz, self.table.start, self.table.idx, known, self._m, r0)
            at += len(known)
        elif known:
            idx, starts = self.table.gather(known)
        ctx = None
        if compiled and norms and not idx:  # the features of the other types built in C
            if self._filt is None or self._filt[0] != self._index_sizes():
                self._filt = (self._index_sizes(), feature_filter(self.w.index, self._nb_index))
            ctx = compiled_feature_context(self.feat.res, self.w.index, self._nb_index, self._near, self._zero,
                                           self._filt[1])
        if ctx is not None:
            idx, starts, stems, bases = _crf.type_segments(norms, ctx)
            self._put_many(norms, stems, bases)
            norms = []
        segments = self.segments  # uncached: the score row is the cache
        for norm in norms:
            segs, stem, base = segments(norm, norm)
            for seg in segs:
                starts.append(len(idx))
                idx += seg
            self._put(norm, (stem, base))
        if starts and compiled:
            _crf.segment_sums(self._wz, idx, starts, self._m, at)
        elif starts:
            sums = np.add.reduceat(self._wz[idx], starts, axis=0)
            self._m[at:need] = sums.reshape(need - at, *self._m.shape[1:])
        of_base = self.PHRASE | self.PHRASE_SECOND
        if compiled and self._flags_c:  # the same bits in C
            _crf.type_flags(self.stems, self.bases, r0, self._bits, of_base, self.flags)
            return
        bits = self._bits.get
        self.flags[r0:need] = [bits(stem, 0) if base is stem else bits(stem, 0) | (bits(base, 0) & of_base)
                               for stem, base in zip(self.stems[r0:], self.bases[r0:], strict=True)]

    def _put(self, tok: str, stem_base: tuple[str, str]) -> None:
        self.rows[tok] = len(self.rows)
        self.stems.append(stem_base[0])
        self.bases.append(stem_base[1])

    def _put_many(self, toks: list[str], stems, bases) -> None:
        """:meth:`_put` of each of ``toks`` (distinct, new) with its stem and base."""
        n = len(self.rows)
        self.rows.update(zip(toks, range(n, n + len(toks)), strict=True))
        self.stems += stems
        self.bases += bases

    def stem(self, tok: str) -> str:
        """The clitic-free stem the features use for ``tok`` (from the table when it is there)."""
        r = self.rows.get(normalize_word(tok))
        return self.stems[r] if r is not None else self.feat._unit(tok)[2]

    def matrix(self, ids) -> np.ndarray:
        """The (n, 1 + offsets, labels) score rows of a token sequence."""
        return self._m[ids]


class Decoder:
    """Tags token lists with a CRF's weights and the featurizer that trained it."""

    def __init__(self, weights: Weights, featurizer, *, batch: int = 64, table: TypeTable | None = None) -> None:
        self.w = weights
        self.feat = featurizer
        self._pairs = _pair_table(weights)
        phrases = featurizer.res.phrases if featurizer.res.use_lexicon else {}
        self.types = TypeScores(weights, featurizer, pair_left=frozenset(a for a, _b in self._pairs),
                                pair_right=frozenset(b for _a, b in self._pairs),
                                phrase_first=frozenset(k[0] for k in phrases),
                                phrase_second=frozenset(k[1] for k in phrases), table=table)
        self.labels = weights.labels
        self.batch = batch
        self._T = np.ascontiguousarray(weights.T, dtype=np.float64)
        self._iob2 = _iob2_table(weights.labels)
        # the bigram scores as rows of one array (for the compiled loops), and what they need
        L = len(weights.labels)
        self._pair_index = {k: i for i, k in enumerate(self._pairs)}
        self._pair_mat = np.ascontiguousarray(np.array(list(self._pairs.values())).reshape(len(self._pairs), 2, L))
        self._phrase_keys = phrases if featurizer.res.use_lexicon else None
        self._bits = (TypeScores.PAIR, TypeScores.PAIR_RIGHT, TypeScores.PHRASE, TypeScores.PHRASE_SECOND)
        self._phrase_vectors: dict[tuple[str, ...], np.ndarray | None] = {}  # P=... features -> scores
        self._extras = hasattr(_crf, "doc_extras")  # False with a build of _crf.c older than it
        self._bos = weights.vector(["BOS"])
        self._eos = weights.vector(["EOS"])

    @property
    def compiled(self) -> bool:
        """Whether the compiled loops are used when they are built (False: the numpy code)."""
        return self.types.compiled

    @compiled.setter
    def compiled(self, value: bool) -> None:
        self.types.compiled = value

    def emissions(self, sentences: list[list[str]], *, stems: list[list[str]] | None = None,
                  norms: list[list[str]] | None = None, wids=None) -> tuple[np.ndarray, np.ndarray]:
        """State scores of non-empty ``sentences``, as crfsuite computes them from the featurizer's
        attribute lists: a (tokens, labels) matrix over the sentences laid end to end, and the
        sentence lengths.  The features' stem of every token is appended to ``stems`` (one list
        per sentence) when it is given.  ``norms``: the tokens' normalised forms, when the caller
        has them (and ``wids``, with them, their word ids: one int32 array per sentence)."""
        flat = list(chain.from_iterable(sentences))
        types = self.types
        if norms is None:
            ids = types.ids(flat)
        else:
            w = None
            if wids is not None:
                w = np.concatenate([np.frombuffer(x, dtype=np.int32) for x in wids]) if wids else None
            ids = types.ids(flat, list(chain.from_iterable(norms)), w)
        if _crf is not None and self.compiled and self._extras:
            return self._compiled_scores(ids, list(map(len, sentences)), stems)
        lens = np.array(list(map(len, sentences)), dtype=np.intp)
        ida = np.array(ids, dtype=np.intp)
        types.touch(ida)
        sid = np.repeat(np.arange(len(sentences)), lens)
        ends = np.cumsum(lens)
        starts = ends - lens
        if _crf is not None and self.compiled:
            em = np.empty((len(ids), len(self.labels)))
            _crf.emissions(types._m, ids, lens.tolist(), types.offsets, self._bos, self._eos, em)
        else:
            em = self._state_sums(ida, sid, starts, ends)
        if stems is not None:
            all_stems = types.stems
            flat_stems = list(map(all_stems.__getitem__, ids))
            stems += [flat_stems[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        flags = types.flags[ida]
        self._add_pairs(em, ids, flags, sid)
        if self.feat.res.use_lexicon:
            self._add_phrases(em, ids, flags, sid, starts)
        return em, lens

    def _compiled_scores(self, ids: list[int], lens: list[int],
                         stems: list[list[str]] | None) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`emissions` in two compiled calls: the state sums, then the bigram features, the
        rows' use marks, the stems and where a multi-word lexicon entry may start (the same
        additions in the same order as the numpy code, so the same doubles)."""
        types = self.types
        em = np.empty((len(ids), len(self.labels)))
        _crf.emissions(types._m, ids, lens, types.offsets, self._bos, self._eos, em)
        types._tick += 1
        hits, got = _crf.doc_extras(em, ids, lens, types.flags, self._bits, types.stems, types.bases,
                                    self._pair_index, self._pair_mat, self._phrase_keys, types._last,
                                    types._tick, stems is not None)
        if stems is not None:
            stems += got
        if hits:
            self._phrase_scores(em, ids, hits, list(accumulate(lens, initial=0)))
        return em, np.array(lens, dtype=np.intp)

    def _state_sums(self, ida: np.ndarray, sid: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """The per-type score rows of tokens ``ida`` summed over each token's window within its
        sentence (sentence ids ``sid``), plus BOS and EOS (numpy; ``_crf.emissions`` in C)."""
        types = self.types
        m = types.matrix(ida)
        em = m[:, 0].copy()
        n = len(ida)
        for k, o in enumerate(types.offsets, start=1):
            if n <= abs(o):
                continue
            if o < 0:
                same = (sid[-o:] == sid[:o])[:, None]
                em[-o:] += np.where(same, m[:o, k], 0.0)
            else:
                same = (sid[:-o] == sid[o:])[:, None]
                em[:-o] += np.where(same, m[o:, k], 0.0)
        if self._bos is not None:
            em[starts] += self._bos
        if self._eos is not None:
            em[ends - 1] += self._eos
        return em

    def _add_pairs(self, em: np.ndarray, ids: list[int], flags: np.ndarray, sid: np.ndarray) -> None:
        """The bigram features ``s0s1`` / ``s-1s0``, looked up only where the left stem starts one
        and the right stem ends one."""
        pairs = self._pairs
        if not pairs or len(ids) < 2:
            return
        types = self.types
        cand = np.flatnonzero(((flags[:-1] & TypeScores.PAIR) != 0) & ((flags[1:] & TypeScores.PAIR_RIGHT) != 0)
                              & (sid[:-1] == sid[1:]))
        if not len(cand):
            return
        get, stems = pairs.get, types.stems
        for p in cand.tolist():
            hit = get((stems[ids[p]], stems[ids[p + 1]]))
            if hit is not None:
                em[p:p + 2] += hit

    def _add_phrases(self, em: np.ndarray, ids: list[int], flags: np.ndarray, sid: np.ndarray,
                     starts: np.ndarray) -> None:
        """The multi-word lexicon features, in the sentences where an entry's first two words stand
        (looked up from the words where one may start; only there are the sentence's entries read)."""
        types = self.types
        if len(ids) < 2:
            return
        cand = np.flatnonzero(((flags[:-1] & TypeScores.PHRASE) != 0) & ((flags[1:] & TypeScores.PHRASE_SECOND) != 0)
                              & (sid[:-1] == sid[1:]))
        if not len(cand):
            return
        stems_all, bases_all = types.stems, types.bases
        phrases = self.feat.res.phrases
        hits = []  # where the first two words of an entry stand (as _phrases looks them up)
        for p in cand.tolist():
            r0, r1 = ids[p], ids[p + 1]
            s0, b0, s1, b1 = stems_all[r0], bases_all[r0], stems_all[r1], bases_all[r1]
            if (s0, s1) in phrases or (b0, s1) in phrases or (s0, b1) in phrases or (b0, b1) in phrases:
                hits.append(p)
        if hits:
            self._phrase_scores(em, ids, hits, [*starts.tolist(), len(ids)])

    def _phrase_scores(self, em: np.ndarray, ids: list[int], hits: list[int], bounds: list[int]) -> None:
        """Add the multi-word lexicon features of the sentences (token ranges ``bounds[s]`` to
        ``bounds[s + 1]``) where an entry's first two words stand at positions ``hits`` (ascending)."""
        stems_all, bases_all = self.types.stems, self.types.bases
        memo = self._phrase_vectors
        by_sentence: dict[int, list[int]] = {}
        for p in hits:
            by_sentence.setdefault(bisect_right(bounds, p) - 1, []).append(p)
        for s, at in by_sentence.items():
            # an entry covers tokens from its first word on: the sentence from its first hit is read
            a, b = at[0], bounds[s + 1]
            rows = ids[a:b]
            phr = self.feat._phrases(list(map(bases_all.__getitem__, rows)), list(map(stems_all.__getitem__, rows)),
                                     [p - a for p in at])
            if phr is None:
                continue
            for i, fs in enumerate(phr):
                if fs:
                    key = tuple(fs)
                    v = memo.get(key, memo)
                    if v is memo:  # a few label combinations: each summed once
                        v = self.w.vector(fs)
                        if len(memo) < 10_000:
                            memo[key] = v
                    if v is not None:
                        em[a + i] += v

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """Viterbi tags for several sentences (each decoded on its own; sentences of similar
        length are decoded together, ``batch`` at a time)."""
        return self.tag_with_stems(sentences)[0]

    def tag_with_stems(self, sentences: list[list[str]], *, iob2: bool = False,
                       norms: list[list[str]] | None = None, wids=None) -> tuple[list[list[str]], list[list[str]]]:
        """:meth:`tag_many` (with ``iob2``, the tags as :func:`rasd.ner.conll.repair_iob2` makes
        them), and the features' stem of every token (for name propagation).  ``norms``: the
        tokens' ``normalize_word`` forms, sentence by sentence, when the caller has them; ``wids``,
        with them, the tokens' word ids under :data:`rasd.text.vocab.VOCAB` (int32 arrays)."""
        out: list[list[str]] = [[] for _ in sentences]
        stems_out: list[list[str]] = [[] for _ in sentences]
        todo = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        labels = self.labels
        start, table = self._iob2
        if not iob2:
            start, table = list(labels), [list(labels)] * len(labels)
        compiled = _crf is not None and self.compiled
        for c in range(0, len(todo), self.batch):
            chunk = todo[c:c + self.batch]
            stems: list[list[str]] = []
            em, lens = self.emissions([sentences[i] for i in chunk], stems=stems,
                                      norms=None if norms is None else [norms[i] for i in chunk],
                                      wids=None if wids is None or norms is None else [wids[i] for i in chunk])
            if compiled:
                tags = _crf.viterbi(em, lens.tolist(), self._T, start, table)
            else:
                tags = [[start[path[0]], *[table[a][b] for a, b in zip(path, path[1:], strict=False)]]
                        for path in viterbi(em, lens, self._T)]
            for i, tg, st in zip(chunk, tags, stems, strict=True):
                out[i] = tg
                stems_out[i] = st
        return out, stems_out


def _iob2_table(labels: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    """What :func:`rasd.ner.conll.repair_iob2` makes of a label at a sentence's start
    (``start[cur]``) and after another (``table[prev][cur]``): the repair of a tag depends on
    nothing but the tag before it, so a path's IOB2 tags are these look-ups."""
    from rasd.ner.conll import repair_iob2

    start = [repair_iob2([y])[0] for y in labels]
    table = [[repair_iob2([x, y])[1] for y in labels] for x in labels]
    return start, table


def viterbi(em: np.ndarray, lens: np.ndarray, T: np.ndarray) -> list[list[int]]:
    """Best label index paths of sentences whose emission rows ``em`` (tokens, L) lie end to end
    with lengths ``lens``, under transitions ``T[prev, cur]``.  Ties go to the lowest label index,
    as in crfsuite.

    The sentences are decoded together, longest first: at step ``t`` only the sentences longer
    than ``t`` (a prefix of that order) move on.  The forward pass keeps the best scores ``D`` of
    every step (a max over the leading ``prev`` axis, no arg-max); the backtrace recomputes, for
    the one label chosen at each step, which previous label gave it (the same sums, so the same
    first-index arg-max as a forward pass that stored back-pointers)."""
    S = len(lens)
    L = T.shape[0]
    order = np.argsort(-lens, kind="stable")
    slens = lens[order]
    n = int(slens[0])
    starts = np.cumsum(lens) - lens
    row_of = np.empty(S, dtype=np.intp)
    row_of[order] = np.arange(S)
    # every token's (position in its sentence, row of its sentence) in one scatter
    pos = np.arange(len(em)) - np.repeat(starts, lens)
    E = np.zeros((n, S, L))
    E[pos, np.repeat(row_of, lens)] = em
    D = np.empty((n, S, L))
    D[0] = E[0]
    alive = (slens[None, :] > np.arange(n)[:, None]).sum(axis=1).tolist()
    Tp = T[:, None, :]  # (prev, 1, cur)
    buf = np.empty((L, S, L))  # (prev, sentence, cur)
    for t in range(1, n):
        k = alive[t]
        b = buf[:, :k]
        np.add(D[t - 1, :k].T[:, :, None], Tp, out=b)
        d = D[t, :k]
        np.maximum.reduce(b, axis=0, out=d)
        d += E[t, :k]
    rows = np.arange(S)
    path = np.empty((n, S), dtype=np.intp)
    path[slens - 1, rows] = D[slens - 1, rows].argmax(axis=1)
    Tc = np.ascontiguousarray(T.T)  # [cur, prev]
    for t in range(n - 1, 0, -1):
        k = alive[t]
        path[t - 1, :k] = (D[t - 1, :k] + Tc[path[t, :k]]).argmax(axis=1)
    out: list[list[int]] = [[] for _ in range(S)]
    for row, (p, s) in enumerate(zip(path.T.tolist(), order.tolist(), strict=True)):
        out[s] = p[: int(slens[row])]
    return out
