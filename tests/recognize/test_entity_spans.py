"""Span edges of titled people: team-written sentences, exact offsets."""

from rasd.doc import Document
from rasd.recognize.entities import recognize_entities
from rasd.text.stage import SplitSentences, Tokenize


def _people(text: str):
    doc = Document(text=text)
    Tokenize()(doc)
    SplitSentences()(doc)
    ents = recognize_entities(doc)
    for e in ents:
        assert text[e.start:e.end] == e.text, e
    return [e for e in ents if e.label == "PERS"]


def test_foreign_name_ending_in_ya_after_a_definite_role_is_the_name():
    # after a definite genitive (الخارجية الروسي) an indefinite nisba cannot follow: سيرجي starts the name
    text = "وقال وزير الخارجية الروسي سيرجي لافروف إن المحادثات ستبدأ."
    people = _people(text)
    assert [p.text for p in people] == ["سيرجي لافروف"]
    assert people[0].role == "وزير الخارجية الروسي"


def test_indefinite_nisbas_stay_in_an_indefinite_role():
    people = _people("وقال مستشار عسكري أمريكي جون سميث إن القوات تقدمت.")
    assert [p.text for p in people] == ["جون سميث"]
    assert people[0].role == "مستشار عسكري أمريكي"


def _orgs(text: str):
    doc = Document(text=text)
    Tokenize()(doc)
    SplitSentences()(doc)
    return [e.text for e in recognize_entities(doc) if e.label == "ORG"]


def test_editor_in_chief_keeps_the_paper_in_the_role():
    people = _people("وقال رئيس تحرير الصحيفة ساطع نور الدين إن الوضع صعب.")
    assert [p.text for p in people] == ["ساطع نور الدين"]
    assert people[0].role == "رئيس تحرير الصحيفة"


def test_director_general_of_a_body():
    people = _people("وقال مدير عام الشرطة اللواء سالم أحمد إن الوضع صعب.")
    assert [p.text for p in people] == ["سالم أحمد"]
    assert people[0].role.startswith("مدير عام الشرطة")


def test_construct_noun_after_a_complete_genitive_starts_a_new_phrase():
    # قوات الطوارئ | غرب المدينة: where the force is, not part of its name
    assert "قوات الطوارئ" in _orgs("وانتشرت قوات الطوارئ غرب المدينة أمس.")
    assert "حكومة اليمن" in _orgs("واستطاعت حكومة اليمن تحرير المدينة.")


def _orgs_with_places(text: str):
    from rasd.geo.stage import RecognizePlaces

    doc = Document(text=text)
    Tokenize()(doc)
    SplitSentences()(doc)
    RecognizePlaces()(doc)
    return [e.text for e in recognize_entities(doc) if e.label == "ORG"]


def test_united_is_an_adjective_of_the_genitive():
    assert "حكومة المملكة المتحدة" in _orgs("وقالت حكومة المملكة المتحدة إن الوضع صعب.")


def test_a_place_after_and_is_a_second_party():
    orgs = _orgs_with_places("واتفق مجلس التعاون والولايات المتحدة على الخطة.")
    assert "مجلس التعاون" in orgs
    assert not any("الولايات" in o for o in orgs)
