"""Bad input gets a one-line reason; odd encodings and HTML are read."""

import pytest

import rasd
from rasd.io.readers import BadRecord, decode_bytes, read_jsonl, text_from_bytes
from rasd.io.validate import InputError

ARTICLE = "قتل ثلاثة أشخاص في انفجار بمدينة الموصل أمس."


def test_utf8_bom_utf16_and_cp1256_are_decoded():
    for data in (ARTICLE.encode("utf-8-sig"), ARTICLE.encode("utf-16"), ARTICLE.encode("utf-16-le"),
                 ARTICLE.encode("utf-16-be"), ARTICLE.encode("cp1256")):
        assert decode_bytes(data) == ARTICLE


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
])
def test_undecodable_bytes_get_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize("text,reason", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("Only English here.", "no Arabic"),
    ("نص " * 1_100_000, "limit"),
    ("\x00\x01\x02\x03" * 50 + "نص", "binary"),
])
def test_extract_rejects_bad_text_with_one_line(text, reason):
    with pytest.raises(InputError, match=reason) as info:
        rasd.extract(text)
    assert "\n" not in str(info.value)


def test_html_page_is_reduced_to_its_text():
    html = ("<html><head><title>عنوان الخبر</title><script>var x = 'لا';</script></head><body>"
            "<nav>الرئيسية | رياضة | اقتصاد</nav><article><p>" + ARTICLE + " وأصيب خمسة آخرون بجروح مختلفة في الحادث."
            "</p></article><footer>جميع الحقوق محفوظة</footer></body></html>")
    text, title = text_from_bytes(html.encode("utf-8"))
    assert ARTICLE in text and "var x" not in text and "الرئيسية" not in text and "محفوظة" not in text
    assert title == "عنوان الخبر"


def test_jsonl_reports_bad_lines_and_keeps_good(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b'{"id": "a", "text": "x"}\n{broken\n[1, 2]\n\xff\xfe\n\n{"text": "y"}\n')
    recs = list(read_jsonl(p))
    assert [r["id"] if isinstance(r, dict) else r.id for r in recs] == ["a", "line:2", "line:3", "line:4", "line:6"]
    assert [type(r) is BadRecord for r in recs] == [False, True, True, True, False]
    assert "malformed JSON" in str(recs[1]) and "not a JSON object" in str(recs[2]) and "UTF-8" in str(recs[3])
