"""The pipeline: an ordered list of small stages, each a callable ``Document -> Document``.

A stage declares the layers it ``needs`` and the layers it ``adds``; :class:`Pipeline` checks the
order once when it is built.  Stages load their resources lazily on first call (or in ``load()``),
never at import time.  The default stage list is data here: a list of import paths, so a stage is
added with one line.
"""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from rasd.doc import Document


@runtime_checkable
class Stage(Protocol):
    """What every pipeline stage provides."""

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class PipelineError(ValueError):
    """Stages in an order that cannot work (a stage needs a layer nobody added before it)."""


# The default stages, in order.  module:Class, each class constructible without arguments.
# Planned order (a stage's line is added when the stage lands):
#   tokens, sentences -> places (rasd.geo) -> dates -> figures -> rule entities (people, orgs)
#   -> statistical NER merged with the rules (rasd.ner) -> quotes -> events (rasd.events)
DEFAULT_STAGES: tuple[str, ...] = (
    "rasd.text.stage:Tokenize",
    "rasd.text.stage:SplitSentences",
    "rasd.geo.stage:RecognizePlaces",
    "rasd.recognize.dates:RecognizeDates",
    "rasd.recognize.figures:RecognizeFigures",
    "rasd.recognize.entities:RecognizeEntities",
    "rasd.ner.stage:TagEntities",
    "rasd.recognize.quotes:RecognizeQuotes",
    "rasd.events.stage:CodeEvents",
)


class Pipeline:
    """Run stages in order over a document."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = list(stages)
        have = {"text"}
        for st in self.stages:
            missing = [n for n in st.needs if n not in have]
            if missing:
                raise PipelineError(f"stage {st.name!r} needs {missing}, which no earlier stage adds")
            have.update(st.adds)
        self.layers = have

    def __call__(self, doc: Document) -> Document:
        for st in self.stages:
            doc = st(doc)
            doc.layers.update(st.adds)
        drop_scratch(doc)
        return doc

    def load(self) -> Pipeline:
        """Load every stage's resources now (for workers and servers), not on first document; also
        :func:`tune_gc` for the long run."""
        for st in self.stages:
            load = getattr(st, "load", None)
            if callable(load):
                load()
        tune_gc()
        return self

    @property
    def names(self) -> list[str]:
        """The stage names, in order."""
        return [st.name for st in self.stages]


# The entries of ``doc.cache`` that outlive the pipeline: results for callers (the events the events
# stage kept aside, with the reason: rasd.events.report, the tests).  Every other entry is scratch
# shared between stages (token tables, readers, normalised text ...), some of it pointing back at the
# document: kept, it would hold the whole document in a reference cycle (freed only by the cyclic
# collector, ~1 ms per article when the quotes stage, which drops the entities reader, is left out).
KEPT_CACHE: frozenset[str] = frozenset({"events_other"})


def drop_scratch(doc: Document) -> None:
    """Drop the stages' scratch entries of ``doc.cache`` (all but :data:`KEPT_CACHE`), so that the
    document is freed as soon as its last reference goes.  Called at the end of :class:`Pipeline`."""
    cache = doc.cache
    for key in cache.keys() - KEPT_CACHE:
        del cache[key]


# An article leaves ~1,400 new objects tracked by the cyclic collector (tokens, entities, ...) while it
# is read; with the default young-generation threshold (700) that is two young collections per
# article and, every few hundred articles, a full pass over the ~180,000 objects of the loaded
# resources: ~2 ms of CPU per article.  At 10,000 the collector runs about once every 15 articles.
GC_YOUNG_THRESHOLD = 10_000


def tune_gc() -> None:
    """Raise the cyclic garbage collector's young-generation threshold to
    :data:`GC_YOUNG_THRESHOLD` (process-wide; a higher threshold, or a disabled collector, is
    left as it is).  Called by :meth:`Pipeline.load`."""
    young, *older = gc.get_threshold()
    if 0 < young < GC_YOUNG_THRESHOLD:
        gc.set_threshold(GC_YOUNG_THRESHOLD, *older)


def build_stage(path: str) -> Stage:
    """Instantiate a stage from ``module:Class``."""
    mod_name, _, cls_name = path.partition(":")
    cls = getattr(importlib.import_module(mod_name), cls_name)
    return cls()


_default: Pipeline | None = None
_lock = threading.Lock()
_variants: dict[frozenset[str], Pipeline] = {}


def build_pipeline(exclude: Iterable[str] = ()) -> Pipeline:
    """A new pipeline of the default stages without the stages named in ``exclude`` (e.g.
    ``{"ner"}``: rules and gazetteers only, about twice as fast, fewer unlisted names).  Raises
    :class:`PipelineError` for an unknown name or when a kept stage needs a layer only an excluded
    stage adds."""
    drop = set(exclude)
    stages = [build_stage(p) for p in DEFAULT_STAGES]
    unknown = drop - {st.name for st in stages}
    if unknown:
        names = ", ".join(st.name for st in stages)
        raise PipelineError(f"unknown stage {', '.join(sorted(unknown))} (stages: {names})")
    return Pipeline(st for st in stages if st.name not in drop)


def pipeline_for(exclude: Iterable[str] = ()) -> Pipeline:
    """The shared pipeline (one per process and per ``exclude`` set): the default one when nothing
    is excluded."""
    key = frozenset(exclude)
    if not key:
        return default_pipeline()
    pipe = _variants.get(key)
    if pipe is None:
        with _lock:
            pipe = _variants.get(key)
            if pipe is None:
                pipe = _variants[key] = build_pipeline(key)
    return pipe


def default_pipeline() -> Pipeline:
    """The shared default pipeline (built once per process)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Pipeline(build_stage(p) for p in DEFAULT_STAGES)
    return _default
