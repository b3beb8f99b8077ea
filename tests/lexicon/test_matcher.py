from rasd.lexicon.matcher import PhraseMatcher
from rasd.text import normalize


def _found(matcher, text):
    return [(text[m.start:m.end], m.prefix, m.values[0]) for m in matcher.find(normalize(text))]


def test_clitics_hit_the_same_name():
    m = PhraseMatcher()
    m.add("طرابلس", "tripoli")
    text = "وصلوا طرابلس ثم وطرابلس وبطرابلس ولطرابلس فطرابلس"
    assert [f[1] for f in _found(m, text)] == ["", "و", "وب", "ول", "ف"]


def test_article_merges_with_lam():
    m = PhraseMatcher()
    m.add("القاهرة", "cairo")
    found = _found(m, "رسالة للقاهرة وأخرى وللقاهرة")
    assert [f[1] for f in found] == ["لل", "ولل"]


def test_no_match_inside_longer_word():
    m = PhraseMatcher()
    m.add("مصر", "EG")
    assert _found(m, "المصريون ومصرف مصراتة") == []
    assert _found(m, "في مصر.")[0][0] == "مصر"


def test_longest_match_wins_and_diacritics_ignored():
    m = PhraseMatcher()
    m.add("عبد الفتاح السيسي", "full")
    m.add("السيسي", "short")
    found = _found(m, "التقى عبدُ الفتّاح السيسي والسيسي")
    assert found == [("عبدُ الفتّاح السيسي", "", "full"), ("السيسي", "و", "short")]


def test_suffixes_allowed_when_declared():
    m = PhraseMatcher(suffixes=["ها"])
    m.add("قوات", "forces")
    assert [f[0] for f in _found(m, "قواتها وقوات")] == ["قوات", "قوات"]


def test_boundaries_at_text_edges_and_punctuation_with_dropped_marks():
    m = PhraseMatcher()
    m.add("حلب", "aleppo")
    m.add("القاهرة", "cairo")
    # a key at the very start and end, after punctuation, and a merged article after a harakah-laden clitic
    text = "حلب،(حلب) وَلِلقاهرة ثم بِحلب"
    found = [(text[x.start:x.end], x.prefix, x.norm_start, x.norm_end) for x in m.find_all(normalize(text))]
    assert [f[:2] for f in found] == [("حلب", ""), ("حلب", ""), ("لقاهرة", "ولل"), ("حلب", "ب")]
    nt = normalize(text)
    assert all(nt.norm[s:e] in ("حلب", "لقاهره") for _, _, s, e in found)
    # a key followed by letters is no match, unless the letters are a declared suffix
    assert m.find_all(normalize("حلبي")) == []
