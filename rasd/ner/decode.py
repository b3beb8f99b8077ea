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
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass

import numpy as np

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


class TypeScores:
    """Per word type, the label scores it contributes as the token (row 0) and as the neighbour at
    each of the featurizer's offsets (rows 1..), kept in one growing matrix so that a sentence's
    rows come out with one fancy index; and its stem and base (for the bigram and phrase features)."""

    def __init__(self, weights: Weights, featurizer, max_types: int = 60_000) -> None:
        self.w = weights
        self.feat = featurizer
        self.offsets = featurizer._offsets
        self.rows: dict[str, int] = {}
        self.stems: list[str] = []
        self.bases: list[str] = []
        self.max_types = max_types
        self._m = np.zeros((1024, 1 + len(self.offsets), len(weights.labels)))
        self._wz = np.vstack([weights.W, np.zeros((1, len(weights.labels)))])  # + a zero row
        self._zero = len(weights.W)
        # per neighbour offset: feature (before its "offset:" prefix) -> attribute index
        prefixes = featurizer._prefixes
        self._near = tuple(near for _p, near in prefixes)
        self._nb_index: tuple[dict[str, int], ...] = tuple({} for _ in prefixes)
        where = {p: k for k, (p, _near) in enumerate(prefixes)}
        for attr, i in weights.index.items():
            head, colon, rest = attr.partition(":")
            k = where.get(head + colon) if colon else None
            if k is not None:
                self._nb_index[k][rest] = i

    def ids(self, tokens: list[str]) -> list[int]:
        """Row ids of ``tokens`` (computing the rows of unseen types, all in one numpy step).
        Valid until the next call: the table is emptied when it would pass ``max_types``
        (bounded memory on endless streams)."""
        if len(self.rows) + len(tokens) > self.max_types:
            self.rows.clear()
            self.stems.clear()
            self.bases.clear()
        rows = self.rows
        get = rows.get
        new = [t for t in dict.fromkeys(tokens) if get(t) is None]
        if new:
            self._add(new)
        return [rows[t] for t in tokens]

    def _add(self, toks: list[str]) -> None:
        r0 = len(self.rows)
        need = r0 + len(toks)
        if need > self._m.shape[0]:
            m = np.zeros((max(need, 2 * self._m.shape[0]), *self._m.shape[1:]))
            m[:r0] = self._m[:r0]
            self._m = m
        # one gather and one segmented sum for all new types and positions; every segment ends
        # with the zero row, so none is empty
        get = self.w.index.get
        zero = self._zero
        parts = self.feat.parts  # uncached: the score row is the cache
        offsets = tuple(zip(self._near, (d.get for d in self._nb_index), strict=True))
        idx: list[int] = []
        starts: list[int] = []
        for r, tok in enumerate(toks, start=r0):
            own, near, far, stem, base = parts(tok)
            starts.append(len(idx))
            idx += [i for i in map(get, own) if i is not None]
            idx.append(zero)
            for is_near, nget in offsets:
                starts.append(len(idx))
                idx += [i for i in map(nget, near if is_near else far) if i is not None]
                idx.append(zero)
            self.rows[tok] = r
            self.stems.append(stem)
            self.bases.append(base)
        sums = np.add.reduceat(self._wz[idx], starts, axis=0)
        self._m[r0:need] = sums.reshape(len(toks), *self._m.shape[1:])

    def stem(self, tok: str) -> str:
        """The clitic-free stem the features use for ``tok`` (from the table when it is there)."""
        r = self.rows.get(tok)
        return self.stems[r] if r is not None else self.feat._unit(tok)[2]

    def matrix(self, ids: list[int]) -> np.ndarray:
        """The (n, 1 + offsets, labels) score rows of a token sequence."""
        return self._m[ids]


class Decoder:
    """Tags token lists with a CRF's weights and the featurizer that trained it."""

    def __init__(self, weights: Weights, featurizer, *, batch: int = 64) -> None:
        self.w = weights
        self.feat = featurizer
        self.types = TypeScores(weights, featurizer)
        self.labels = weights.labels
        self.batch = batch
        self._bos = weights.vector(["BOS"])
        self._eos = weights.vector(["EOS"])
        self._pairs = _pair_table(weights)

    def emissions(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """State scores of non-empty ``sentences``, as crfsuite computes them from the featurizer's
        attribute lists: a (tokens, labels) matrix over the sentences laid end to end, and the
        sentence lengths."""
        flat = [t for s in sentences for t in s]
        lens = np.fromiter((len(s) for s in sentences), dtype=np.intp, count=len(sentences))
        types = self.types
        ids = types.ids(flat)
        m = types.matrix(ids)
        em = m[:, 0].copy()
        sid = np.repeat(np.arange(len(sentences)), lens)
        for k, o in enumerate(types.offsets, start=1):
            if len(flat) <= abs(o):
                continue
            if o < 0:
                same = (sid[-o:] == sid[:o])[:, None]
                em[-o:] += np.where(same, m[:o, k], 0.0)
            else:
                same = (sid[:-o] == sid[o:])[:, None]
                em[:-o] += np.where(same, m[o:, k], 0.0)
        ends = np.cumsum(lens)
        starts = ends - lens
        if self._bos is not None:
            em[starts] += self._bos
        if self._eos is not None:
            em[ends - 1] += self._eos
        stems = [types.stems[r] for r in ids]
        pairs = self._pairs
        if pairs:
            get = pairs.get
            for p, key in enumerate(zip(stems, stems[1:], strict=False)):
                hit = get(key)
                if hit is not None and sid[p] == sid[p + 1]:
                    em[p:p + 2] += hit
        feat = self.feat
        if feat.res.use_lexicon:
            bases = [types.bases[r] for r in ids]
            vector = self.w.vector
            for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
                if b - a < 2:
                    continue
                phr = feat._phrases(bases[a:b], stems[a:b])
                if phr is None:
                    continue
                for i, fs in enumerate(phr):
                    if fs:
                        v = vector(fs)
                        if v is not None:
                            em[a + i] += v
        return em, lens

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """Viterbi tags for several sentences (each decoded on its own; sentences of similar
        length are decoded together, ``batch`` at a time)."""
        out: list[list[str]] = [[] for _ in sentences]
        todo = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        labels = self.labels
        for c in range(0, len(todo), self.batch):
            chunk = todo[c:c + self.batch]
            em, lens = self.emissions([sentences[i] for i in chunk])
            for i, path in zip(chunk, viterbi(em, lens, self.w.T), strict=True):
                out[i] = [labels[k] for k in path]
        return out


def viterbi(em: np.ndarray, lens: np.ndarray, T: np.ndarray) -> list[list[int]]:
    """Best label index paths of sentences whose emission rows ``em`` (tokens, L) lie end to end
    with lengths ``lens``, under transitions ``T[prev, cur]``.  Ties go to the lowest label index,
    as in crfsuite.

    The sentences are decoded together, longest first: at step ``t`` only the sentences longer
    than ``t`` (a prefix of that order) move on, so a sentence's scores stop at its last token."""
    S = len(lens)
    L = T.shape[0]
    order = np.argsort(-lens, kind="stable")
    slens = lens[order]
    n = int(slens[0])
    ends = np.cumsum(lens)
    starts = ends - lens
    E = np.zeros((n, S, L))
    for row, s in enumerate(order.tolist()):  # one copy per sentence
        E[: lens[s], row] = em[starts[s]:ends[s]]
    alive = (slens[None, :] > np.arange(n)[:, None]).sum(axis=1)
    delta = E[0].copy()
    back = np.zeros((n, S, L), dtype=np.intp)
    Tt = np.ascontiguousarray(T.T)  # [cur, prev]: reductions over the last, contiguous axis
    for t in range(1, n):
        k = int(alive[t])
        cand = delta[:k, None, :] + Tt  # (k, cur, prev)
        back[t, :k] = cand.argmax(axis=2)
        d = cand.max(axis=2)
        d += E[t, :k]
        delta[:k] = d
    cur = delta.argmax(axis=1)
    path = np.empty((n, S), dtype=np.intp)
    rows = np.arange(S)
    for t in range(n - 1, 0, -1):
        path[t] = cur
        k = int(alive[t])
        cur[:k] = back[t, rows[:k], cur[:k]]
    path[0] = cur
    out: list[list[int]] = [[] for _ in range(S)]
    for row, (p, s) in enumerate(zip(path.T.tolist(), order.tolist(), strict=True)):
        out[s] = p[: int(slens[row])]
    return out
