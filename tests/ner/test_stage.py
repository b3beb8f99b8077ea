"""The pipeline stage: tags to character offsets (proclitics left out) and the merge with rules."""

from __future__ import annotations

import pytest

import rasd
from rasd.doc import Document, Entity, Place
from rasd.ner.features import load_resources
from rasd.ner.stage import TagEntities, merge, tagger_entities
from rasd.text.stage import SplitSentences, Tokenize


class StubTagger:
    """Tags given words (by their text) as entities: a stand-in for the CRF model."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        res = load_resources([])
        res.clusters = {"فرنسا": (900, ("1",)), "بيروت": (800, ("1",)), "المدينة": (10, ("1",)),
                        "المدينه": (700, ("2",))}
        self.resources = res

    def load(self):
        return self

    def tag(self, tokens):
        return [self.table.get(t, "O") for t in tokens]

    def tag_document(self, sentences, **_kw):
        return [self.tag(s) for s in sentences]


def _doc(text: str) -> Document:
    return SplitSentences()(Tokenize()(Document(text)))


def test_entity_offsets_exclude_proclitics():
    text = "زار الوزير بيروت وفرنسا. ثم عاد إلى المدينة وللمدينة حكاية."
    tagger = StubTagger({"بيروت": "B-LOC", "وفرنسا": "B-LOC", "وللمدينة": "B-LOC", "الوزير": "B-PERS",
                         "عاد": "I-PERS"})
    ents = tagger_entities(_doc(text), tagger)
    for e in ents:
        assert text[e.start:e.end] == e.text
    got = [(e.text, e.label) for e in ents]
    assert ("بيروت", "LOC") in got and ("فرنسا", "LOC") in got
    assert ("لمدينة", "LOC") in got  # و + ل taken off; لل keeps the article's lam
    assert ("الوزير", "PERS") in got and ("عاد", "PERS") in got  # a stray I- starts a new entity


def test_diacritics_in_proclitic_keep_offsets():
    text = "وَفَرَنْسا دولة."
    ents = tagger_entities(_doc(text), StubTagger({"وَفَرَنْسا": "B-LOC"}))
    assert [e.text for e in ents] == ["فَرَنْسا"]
    assert text[ents[0].start:ents[0].end] == ents[0].text


def test_merge_policies():
    rule = Entity(0, 10, "x" * 10, "PERS", source="rules")
    tag_same = Entity(0, 10, "x" * 10, "PERS", source="tagger")
    tag_short = Entity(4, 10, "x" * 6, "PERS", source="tagger")
    tag_alone = Entity(20, 25, "y" * 5, "ORG", source="tagger")
    place = Place(30, 35, "z" * 5)
    out = merge([rule], [tag_same, tag_alone], [place], rules_win={"PERS": True}, add_places=True)
    assert [(e.start, e.end, e.label, e.source) for e in out] == \
        [(0, 10, "PERS", "rules"), (20, 25, "ORG", "tagger"), (30, 35, "LOC", "gazetteer")]
    assert out[0].info.get("tagger") is True
    r2 = Entity(0, 10, "x" * 10, "PERS", source="rules")
    out = merge([r2], [tag_short], [], rules_win={"PERS": True}, add_places=False)
    assert [(e.start, e.source) for e in out] == [(0, "rules")]
    r3 = Entity(0, 10, "x" * 10, "PERS", source="rules")
    out = merge([r3], [tag_short], [], rules_win={"PERS": False}, add_places=False)
    assert [(e.start, e.source) for e in out] == [(4, "tagger")]


def test_stage_on_document_keeps_offsets():
    text = "أعلن الرئيس إيمانويل ماكرون من بيروت.\nوقال إن فرنسا ستساعد."
    doc = _doc(text)
    doc.entities = [Entity(12, 27, text[12:27], "PERS", source="rules")]
    stage = TagEntities(StubTagger({"إيمانويل": "B-PERS", "ماكرون": "I-PERS", "بيروت": "B-LOC",
                                    "فرنسا": "B-LOC"}))
    doc = stage(doc)
    assert [(e.text, e.label) for e in doc.entities] == \
        [("إيمانويل ماكرون", "PERS"), ("بيروت", "LOC"), ("فرنسا", "LOC")]
    assert all(text[e.start:e.end] == e.text for e in doc.entities)


def test_default_pipeline_entities_have_exact_offsets(bad_spans):
    """The real model in the default pipeline: offsets exact, tagger entities present."""
    import rasd

    text = ("أعلن وزير الخارجية الفرنسي جان إيف لودريان من بيروت أن فرنسا ستقدم مساعدات إلى لبنان. "
            "وقال لودريان إن بلاده ستعمل مع الأمم المتحدة، وأضاف أن الرئيس اللبناني التقى السفير الأمريكي.")
    doc = rasd.extract(text)
    assert not bad_spans(doc)
    assert any(e.source == "tagger" for e in doc.entities)
    texts = {e.text for e in doc.entities}
    assert "لبنان" in texts or "فرنسا" in texts
    for e in doc.entities:
        assert not (e.source == "tagger" and e.text.startswith("و") and e.text[1:] in texts)


def test_overlap_index_agrees_with_pairwise_checks():
    import random

    from rasd.ner.stage import _Overlaps, _overlaps

    rng = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 40)
            spans.append(Entity(a, a + rng.randint(1, 15), "x", "PERS"))
        idx = _Overlaps(spans)
        for _ in range(10):
            a = rng.randint(0, 50)
            q = Entity(a, a + rng.randint(1, 10), "y", "ORG")
            assert idx.of(q) == [k for k, s in enumerate(spans) if _overlaps(s, q)]


@pytest.mark.parametrize("text,name", [
    ("وقال وليد العمري إن المحادثات فشلت.", "وليد العمري"),
    ("وسجل بسام الراوي هدفا في الدقيقة الأخيرة.", "بسام الراوي"),
])
def test_a_given_name_keeps_its_first_letter(text, name):
    # وليد، بسام: names, not و + ليد or ب + سام, whatever the tagger or the rules found
    doc = rasd.extract(text, published="2024-05-12")
    assert name in {e.text for e in doc.entities if e.label == "PERS"}


def test_a_preposition_before_a_name_is_still_left_out():
    from rasd.doc import Token
    from rasd.ner.stage import proclitic_chars
    from rasd.ner.tagger import shared_resources

    res = shared_resources()
    tok = Token(0, 5, "لمحمد", "لمحمد", "word")
    assert proclitic_chars(tok, res, "PERS") == 1
    assert proclitic_chars(Token(0, 4, "وليد", "وليد", "word"), res, "PERS") == 0


def test_a_listed_full_name_wins_over_the_taggers_shorter_name_inside_it():
    # team sentence: the tagger alone takes only the last word of the listed name
    doc = rasd.extract("وأكد ولد الشيخ أحمد في تصريح للصحفيين أن الطرفين وافقا على اللقاء.", published="2015-05-05")
    assert [e.text for e in doc.entities if e.label == "PERS"] == ["ولد الشيخ أحمد"]
    assert [q.speaker.text for q in doc.quotes] == ["ولد الشيخ أحمد"]
