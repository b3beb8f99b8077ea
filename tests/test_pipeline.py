"""The pipeline: stage order checks, leaving stages out."""

from __future__ import annotations

import gc

import pytest

from rasd.doc import Document
from rasd.pipeline import (
    DEFAULT_STAGES,
    GC_YOUNG_THRESHOLD,
    KEPT_CACHE,
    Pipeline,
    PipelineError,
    build_pipeline,
    build_stage,
    drop_scratch,
    pipeline_for,
    tune_gc,
)

TEXT = ("قال المتحدث باسم الشرطة إن مسلحين هاجموا نقطة تفتيش في مدينة الموصل أمس، ما أدى إلى مقتل "
        "ثلاثة جنود وإصابة سبعة آخرين، وإن القوات اعتقلت اثنين من المهاجمين.")


def test_default_stage_names_in_order():
    names = build_pipeline().names
    assert len(names) == len(DEFAULT_STAGES)
    assert names[:2] == ["tokenize", "sentences"] and names[-1] == "events"


def test_exclude_leaves_the_stage_out_and_keeps_the_rest_working():
    fast = build_pipeline({"ner"})
    assert "ner" not in fast.names
    doc = fast(Document(TEXT))
    assert doc.events and doc.places and doc.figures
    assert all(e.source != "tagger" for e in doc.entities)
    full = pipeline_for(())(Document(TEXT))
    assert {(p.start, p.end) for p in doc.places} == {(p.start, p.end) for p in full.places}


def test_unknown_or_needed_stage_is_a_clear_error():
    with pytest.raises(PipelineError, match="unknown stage nerr"):
        build_pipeline({"nerr"})
    with pytest.raises(PipelineError, match="needs"):
        build_pipeline({"tokenize"})


def test_order_is_checked():
    stages = build_pipeline().stages
    with pytest.raises(PipelineError, match="needs"):
        Pipeline(stages[::-1])


def test_pipeline_for_is_shared():
    assert pipeline_for({"ner"}) is pipeline_for(["ner"])


@pytest.fixture
def gc_threshold():
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def test_tune_gc_raises_a_low_young_threshold_only(gc_threshold):
    gc.set_threshold(700, 10, 10)
    tune_gc()
    assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, 10, 10)
    gc.set_threshold(GC_YOUNG_THRESHOLD * 3, 5, 5)
    tune_gc()
    assert gc.get_threshold() == (GC_YOUNG_THRESHOLD * 3, 5, 5)
    gc.set_threshold(0)  # the collector switched off stays off
    tune_gc()
    assert gc.get_threshold()[0] == 0


def test_load_tunes_the_collector(gc_threshold):
    gc.set_threshold(700, 10, 10)

    class Light:
        name, needs, adds = "light", ("text",), ("light",)
        loaded = False

        def load(self):
            self.loaded = True

        def __call__(self, doc):
            return doc

    st = Light()
    Pipeline([st]).load()
    assert st.loaded
    assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD


def test_extract_many_tunes_the_collector_and_keeps_going(gc_threshold):
    from rasd.api import Failure, extract_many

    gc.set_threshold(700, 10, 10)
    pipe = Pipeline(build_stage(p) for p in DEFAULT_STAGES[:2])  # tokens and sentences
    out = list(extract_many([{"id": "a", "text": TEXT}, {"id": "b"}], pipeline=pipe))
    assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
    assert out[0].id == "a" and out[0].sentences
    assert isinstance(out[1], Failure) and out[1].id == "b"


@pytest.mark.parametrize("exclude", [(), ("quotes",), ("ner",), ("quotes", "events")])
def test_a_document_is_freed_by_reference_counting(exclude):
    """No stage's scratch (the entities reader, token tables ...) outlives the pipeline to hold the
    document in a reference cycle that only the cyclic collector would free."""
    pipe = pipeline_for(exclude)
    pipe(Document(TEXT))  # resources loaded (their own garbage collected below)
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        doc = pipe(Document(TEXT))
        assert doc.tokens and (doc.events or "events" in exclude)
        assert set(doc.cache) <= KEPT_CACHE
        del doc
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_the_events_kept_aside_outlive_the_pipeline():
    doc = pipeline_for(())(Document("قد يهاجم المسلحون المدينة إذا لم تنسحب القوات منها. " + TEXT))
    assert "events_other" in doc.cache
    assert all(isinstance(reason, str) for _e, reason in doc.cache["events_other"])


def test_drop_scratch_keeps_the_results_for_callers():
    doc = Document(TEXT)
    doc.cache.update({"token_table": object(), "entities.reader": doc, "events_other": [1]})
    drop_scratch(doc)
    assert doc.cache == {"events_other": [1]}
