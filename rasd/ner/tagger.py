"""The shipped CRF tagger: loaded lazily, once per process, tags token lists with valid IOB2."""

from __future__ import annotations

import threading

from rasd.lazy import once
from rasd.lexicon import data_path, load_tsv
from rasd.ner.conll import repair_iob2
from rasd.ner.features import Featurizer, load_resources

MODEL_NAME = "ner/model.crfsuite"
LEXICON_NAME = "ner/lexicon.tsv"
CLUSTERS_NAME = "ner/clusters.tsv.gz"
PROFILES_NAME = "ner/profiles.tsv.gz"


class ModelMissing(RuntimeError):
    """The NER model file is not installed (run ``make train-ner``)."""


@once
def shared_resources():
    """The shipped lexicon, word clusters and context profiles, loaded once per process: the
    tagger's features and the rule recognisers (:mod:`rasd.recognize.entities`) share them."""
    return _load_resources()


def build_featurizer(*, use_clusters: bool = True, use_lexicon: bool = True,
                     use_profiles: bool = True) -> Featurizer:
    """The featurizer with the shipped lexicon, clusters and context profiles (training and
    tagging share it)."""
    if use_clusters and use_lexicon and use_profiles:
        return Featurizer(shared_resources())
    return Featurizer(_load_resources(use_clusters=use_clusters, use_lexicon=use_lexicon,
                                      use_profiles=use_profiles))


def _load_resources(*, use_clusters: bool = True, use_lexicon: bool = True, use_profiles: bool = True):
    rows = load_tsv(LEXICON_NAME)[1] if use_lexicon else []
    cpath = data_path(CLUSTERS_NAME)
    clusters = cpath if use_clusters and cpath.is_file() else None
    ppath = data_path(PROFILES_NAME)
    profiles = ppath if use_profiles and ppath.is_file() else None
    return load_resources(rows, clusters, profiles, use_clusters=use_clusters, use_lexicon=use_lexicon)


def model_attributes(tg, path: str) -> frozenset[str]:
    """The feature strings a model has weights for: from ``<model>.attrs.gz`` written at training
    time, else from the model itself (slower)."""
    import gzip
    import os

    side = path + ".attrs.gz"
    if os.path.isfile(side):
        with gzip.open(side, "rt", encoding="utf-8") as fh:
            return frozenset(fh.read().split("\n"))
    return frozenset(a for a, _label in tg.info().state_features)


#: how many of the commonest words of the clusters' corpus get precomputed attribute indices
TYPE_TABLE_WORDS = 60_000


def write_type_table(path: str, n: int = TYPE_TABLE_WORDS) -> str:
    """Write ``<model>.types.gz``: the attribute indices of the ``n`` commonest words of the raw
    news the word clusters were learnt from (see :class:`rasd.ner.decode.TypeTable`)."""
    from rasd.ner.decode import write_type_table as write

    feat = build_featurizer()
    res = feat.res
    words = sorted(res.clusters.keys(), key=lambda w: (-res.count(w), w))[:n]
    return write(path, feat, words)


def write_model_attributes(path: str) -> None:
    """Write ``<model>.attrs.gz`` (the model's feature strings, one a line, for fast loading),
    ``<model>.weights.gz`` (its weights, for the numpy decoder) and ``<model>.types.gz`` (the
    commonest word types' attribute indices)."""
    import gzip

    import pycrfsuite

    from rasd.ner.decode import write_sidecar

    tg = pycrfsuite.Tagger()
    tg.open(path)
    attrs = sorted({a for a, _label in tg.info().state_features})
    with gzip.GzipFile(path + ".attrs.gz", "wb", mtime=0) as fh:
        fh.write("\n".join(attrs).encode("utf-8"))
    write_sidecar(path)
    write_type_table(path)


class Tagger:
    """A CRF tagger over token lists.  ``tag`` loads the model on first use.

    ``engine="numpy"`` (the default) decodes with :class:`rasd.ner.decode.Decoder` (the same tags
    as crfsuite, computed from per-word-type score rows); ``engine="crfsuite"`` asks crfsuite's
    own tagger for every sentence (the reference the tests compare against)."""

    def __init__(self, model_path: str | None = None, *, engine: str = "numpy") -> None:
        if engine not in ("numpy", "crfsuite"):
            raise ValueError(f"unknown NER engine {engine!r} (numpy or crfsuite)")
        self.model_path = model_path
        self.engine = engine
        self._tagger = None
        self._feat: Featurizer | None = None
        self._decoder = None
        self._lock = threading.Lock()

    def load(self) -> Tagger:
        """Load the model, lexicon and clusters now."""
        if self._tagger is None:
            with self._lock:
                if self._tagger is None:
                    import pycrfsuite

                    path = self.model_path or str(data_path(MODEL_NAME))
                    tg = pycrfsuite.Tagger()
                    try:
                        tg.open(path)
                    except (OSError, ValueError) as exc:
                        raise ModelMissing(f"NER model not found or unreadable: {path}") from exc
                    feat = build_featurizer()
                    if self.engine == "numpy":
                        from rasd.ner.decode import Decoder, load_type_table, load_weights

                        weights = load_weights(path, tg)  # unknown features are dropped there
                        table = load_type_table(path, 1 + len(feat._offsets))
                        self._decoder = Decoder(weights, feat, table=table)
                    else:
                        feat.known = model_attributes(tg, path)
                    self._feat = feat
                    self._tagger = tg
        return self

    @property
    def resources(self):
        """The lexicon and clusters the features use (loads the model)."""
        self.load()
        return self._feat.res

    def features(self, tokens: list[str]) -> list[list[str]]:
        """The feature lists the model sees for ``tokens``."""
        self.load()
        return self._feat.sentence(tokens)

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags (PERS, LOC, ORG, MISC) for one sentence of tokens."""
        if not tokens:
            return []
        self.load()
        if self._decoder is not None:
            return repair_iob2(self._decoder.tag_many([tokens])[0])
        return repair_iob2(self._tagger.tag(self._feat.sentence(tokens)))

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for several sentences, each tagged on its own (decoded together)."""
        self.load()
        if self._decoder is None:
            return [self.tag(s) for s in sentences]
        return self._decoder.tag_with_stems(sentences, iob2=True)[0]

    def tag_document(self, sentences: list[list[str]], *, window: int = 100, propagate: bool = True,
                     norms: list[list[str]] | None = None, wids=None) -> list[list[str]]:
        """Tags for the sentences of one document (or of a CoNLL file, in windows of ``window``
        sentences): each sentence tagged alone, then names found once are propagated to their
        untagged repetitions (:func:`rasd.ner.propagate.propagate`).  ``norms``: the tokens'
        normalised forms (``Token.norm``, i.e. ``normalize_word``) when the caller has them, and
        ``wids`` their word ids (:mod:`rasd.text.vocab`, an int32 array per sentence)."""
        if not propagate:
            self.load()
            if self._decoder is not None:
                return self._decoder.tag_with_stems(sentences, iob2=True, norms=norms, wids=wids)[0]
            return self.tag_many(sentences)
        from rasd.ner.propagate import propagate as spread

        self.load()
        stems = None
        if self._decoder is not None:
            tags, stems = self._decoder.tag_with_stems(sentences, iob2=True, norms=norms, wids=wids)
            stem = self._decoder.types.stem
        else:
            tags = self.tag_many(sentences)
            stem = self._stem
        out: list[list[str]] = []
        for b in range(0, len(sentences), window):
            block = list(zip(sentences[b:b + window], tags[b:b + window], strict=True))
            if all(t.count("O") == len(t) for _toks, t in block):  # no name to spread
                out += [t for _toks, t in block]
                continue
            new = spread(block, stem, stems=stems[b:b + window] if stems is not None else None)
            out += [t if t == old else repair_iob2(t)  # only what propagation changed
                    for t, (_toks, old) in zip(new, block, strict=True)]
        return out

    def _stem(self, token: str) -> str:
        return self._feat._unit(token)[2]  # cached with the token's features

    def tag_marginals(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """IOB2 tags and, per token, the marginal probability of the model's own label there (with
        an IOBES model, that of ``S-X`` where the tag reads ``B-X``)."""
        if not tokens:
            return [], []
        self.load()
        tg = self._tagger
        raw = tg.tag(self._feat.sentence(tokens))  # sets the sequence the marginals are about
        return repair_iob2(raw), [tg.marginal(t, i) for i, t in enumerate(raw)]


@once
def default_tagger() -> Tagger:
    """The process-wide tagger with the shipped model."""
    return Tagger()
