"""The cheaper storing paths give exactly what the plain ones gave: normalisation, content hashes,
search stems, and the full-text index of schema version 5 (also on a store migrated from version 4)."""

from __future__ import annotations

import random

from rasd.store import Store, dedup
from rasd.store import sqlite as store_sqlite
from rasd.store.schema import SCHEMA_VERSION

ARTICLE = ("قالَ مسؤولٌ في وزارة الصحة إنّ الغارات الجوية على مدينة غزة أسفرت عن مقتل ١٢ شخصاً، "
           "وأضاف رئيس الهيئة أن «الوضع صعب» بالقرب من المستشفى. ﻣﺤﺎﻓﻈﺔ")
# characters on which the standard re engine's \w and regex's differ, or that fold specially
ODD = ["½", "²", "\u0301", "_", "\u200c", "ـ", "ﻻ", "İ", "ß", "●", "…", "\U0001d7d8", "\u0670"]


def _random_texts(n: int = 400) -> list[str]:
    rnd = random.Random(7)
    pool = list("ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآؤئء ،.؛؟«»0123456789abcXYZ ") + ODD
    return ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 50))) for _ in range(n)]


def test_norm_string_equals_the_translation_table():
    for text in [ARTICLE, "", "ﻣﺤﺎﻓﻈﺔ ﻻ", *ODD, *_random_texts()]:
        assert dedup.norm_string(text) == text.translate(dedup._TABLE).lower(), text


def test_hash_text_equals_the_plain_hash_on_both_engines():
    for text in [ARTICLE, "", " ، ", *ODD, *_random_texts()]:
        norm = dedup.norm_string(text)
        words = dedup.words_of(norm)
        h, joined, encoded = dedup.hash_text(norm)
        assert h == dedup.content_hash(words) and joined == " ".join(words), text
        assert encoded == [w.encode() for w in words] if words else encoded == []
        assert dedup.hash_text(norm, safe=False) == (h, joined, encoded)
    assert not dedup.std_re_safe("كلمة½") and dedup.std_re_safe(dedup.norm_string(ARTICLE))


def test_stems_equal_on_both_engines():
    for text in [ARTICLE, "وبالقرب والد بغزة ولد", *_random_texts()]:
        norm = dedup.norm_string(text)
        plain = " ".join(store_sqlite._STEM_RE.findall(norm))
        assert store_sqlite._stems(norm) == plain == store_sqlite._stems(norm, safe=False)
    assert store_sqlite._stems("وبالقرب بغزة") == "قرب غزة"


def test_full_text_index_is_contentless_words():
    with Store.memory() as st:
        sql = st.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert "content = ''" in sql and "ascii" in sql
        st.ingest_records([{"id": "x", "text": ARTICLE, "title": "عاجل: غارات على غزة"}])
        title, body, stems = store_sqlite.fts_columns(ARTICLE, "عاجل: غارات على غزة")
        assert body == " ".join(dedup.normalised_words(ARTICLE)) and title == "عاجل غارات علي غزه"
        assert "قرب" in stems.split()
        for q in ("غزة", "بغزة", "القرب", "مسئول", "محافظة", "عاجل", "12"):
            assert st.count_search(q) == 1, q
        hit = st.search("مسؤول")[0]
        text, start = hit["snippet"]["text"], hit["snippet"]["start"]
        assert [text[a:b] for a, b in hit["snippet"]["match"]] == ["مسؤولٌ"]
        assert ARTICLE[start:start + len(text)] == text


def test_version_4_store_is_migrated_to_the_contentless_index(store_at_version):
    db, c = store_at_version(4)
    norm = dedup.norm_string(ARTICLE)
    c.execute("INSERT INTO articles (rid, id, text, content_hash, ingested_at) VALUES (1, 'a1', ?, 'h', 't')",
              (ARTICLE,))
    # what a version-4 store held: the normalised text itself, punctuation and all
    c.execute("INSERT INTO articles_fts (rowid, title, body, stems) VALUES (1, ?, ?, ?)",
              ("عاجل: غارات", norm, store_sqlite._stems(norm)))
    c.close()
    with Store.open(db) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        sql = st.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert "content = ''" in sql
        for q in ("غزة", "بغزة", "القرب", "عاجل", "الهيئة"):
            assert st.count_search(q) == 1, q
        assert st.count_search("الوضع صعب") == 1 and st.count_search("نص غائب") == 0
        assert st.search("غزة")[0]["article_id"] == "a1"


def test_version_5_store_loses_the_unread_entity_name_index(tmp_path):
    import sqlite3

    db = tmp_path / "v5.db"
    Store.open(db).close()
    c = sqlite3.connect(db, isolation_level=None)  # as version 5 left it: with the index
    c.execute("CREATE INDEX entities_canonical ON entities(canonical)")
    c.execute("PRAGMA user_version = 5")
    c.close()
    with Store.open(db) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "entities_canonical" not in names
        # the indexes that queries and cascading deletes use are all still there
        assert {"entities_article", "places_article", "quotes_article", "lsh_article", "events_dup_day"} <= names
