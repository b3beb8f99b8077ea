"""rasd.text.trailer: a closing line of topic tags is not part of the article."""

import pytest

import rasd
from rasd.text.trailer import body_end

ARTICLE = "قتل جنديان في هجوم على حاجز عسكري شرق المدينة أمس."


@pytest.mark.parametrize("tail", [" سمات اليمن الحوثيين عدن ", "\nالوسوم: العراق داعش", " سمات التحالف الدولي. سوريا ضربات"])
def test_tag_line_after_the_last_sentence_is_cut(tail):
    text = ARTICLE + tail
    assert body_end(text) == text.index(tail.strip()[:4])


@pytest.mark.parametrize("text", [
    ARTICLE,
    "وتحدث الوزير عن سمات المرحلة المقبلة في البلاد.",  # a word of the article, not after a sentence end
    ARTICLE + " سمات",  # nothing after the marker
    ARTICLE + " سمات " + " ".join(["كلمة"] * 40),  # too long for a tag line
])
def test_no_tag_line(text):
    assert body_end(text) == len(text)


def test_stages_stop_before_the_tags_and_offsets_hold():
    text = ARTICLE + " سمات العراق سوريا تفجير"
    doc = rasd.extract(text, published="2015-05-01")
    end = text.index("سمات")
    assert doc.text == text
    assert doc.tokens and doc.tokens[-1].end <= end
    assert [p.country_code for p in doc.places] == []
    assert all(s.start < end for e in doc.events for s in e.evidence)
    assert doc.events  # the article's own attack is still there


def test_a_normalised_whole_text_handed_in_does_not_bring_the_tags_back():
    from rasd.doc import Document
    from rasd.pipeline import default_pipeline
    from rasd.text.normalize import normalize

    text = ARTICLE + " سمات العراق سوريا تفجير"
    doc = Document(text=text, published=rasd.api.parse_published("2015-05-01"))
    doc.cache["norm"] = normalize(text)  # as the store does before extraction
    doc = default_pipeline()(doc)
    assert [p.country_code for p in doc.places] == []
