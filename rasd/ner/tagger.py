"""The shipped CRF tagger: loaded lazily, once per process, tags token lists with valid IOB2."""

from __future__ import annotations

import threading

from rasd.lexicon import data_path, load_tsv
from rasd.ner.conll import repair_iob2
from rasd.ner.features import Featurizer, load_resources

MODEL_NAME = "ner/model.crfsuite"
LEXICON_NAME = "ner/lexicon.tsv"
CLUSTERS_NAME = "ner/clusters.tsv.gz"


class ModelMissing(RuntimeError):
    """The NER model file is not installed (run ``make train-ner``)."""


def build_featurizer(*, use_clusters: bool = True, use_lexicon: bool = True) -> Featurizer:
    """The featurizer with the shipped lexicon and clusters (training and tagging share it)."""
    rows = load_tsv(LEXICON_NAME)[1] if use_lexicon else []
    cpath = data_path(CLUSTERS_NAME)
    clusters = cpath if use_clusters and cpath.is_file() else None
    res = load_resources(rows, clusters, use_clusters=use_clusters, use_lexicon=use_lexicon)
    return Featurizer(res)


class Tagger:
    """A CRF tagger over token lists.  ``tag`` loads the model on first use."""

    def __init__(self, model_path: str | None = None) -> None:
        self.model_path = model_path
        self._tagger = None
        self._feat: Featurizer | None = None
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
                    self._feat = build_featurizer()
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
        return repair_iob2(self._tagger.tag(self._feat.sentence(tokens)))

    def tag_marginals(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """Tags and, per token, the marginal probability of its tag."""
        tags = self.tag(tokens)
        tg = self._tagger
        return tags, [tg.marginal(t, i) if t in tg.labels() else 0.0 for i, t in enumerate(tags)]


_default: Tagger | None = None
_dlock = threading.Lock()


def default_tagger() -> Tagger:
    """The process-wide tagger with the shipped model."""
    global _default
    if _default is None:
        with _dlock:
            if _default is None:
                _default = Tagger()
    return _default
