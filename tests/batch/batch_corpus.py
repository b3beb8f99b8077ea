"""A small generated corpus for the batch tests: team-written Arabic sentences, varied months and places.

Every sentence here was written for rasd's tests; none is copied from a news outlet.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

PLACES = ["حلب", "صنعاء", "عدن", "بغداد", "الموصل", "طرابلس", "بنغازي", "الخرطوم", "درعا", "تعز"]
ACTORS = ["قوات الجيش", "مسلحون مجهولون", "طائرة مسيرة", "قوات الأمن", "فصائل المعارضة"]
OPENINGS = [
    "قتل {n} أشخاص وأصيب {m} آخرون في قصف استهدف سوقا شعبيا في مدينة {p} صباح {day}.",
    "اعتقلت {a} {n} شبان خلال حملة مداهمات في أحياء {p} يوم {day}، بحسب مصادر محلية.",
    "تظاهر مئات السكان في وسط {p} يوم {day} احتجاجا على انقطاع الكهرباء وارتفاع الأسعار.",
    "التقى وزير الخارجية وفدا من وجهاء {p} يوم {day} لبحث التهدئة وإعادة فتح الطرق.",
]
FOLLOWS = [
    "وقال مسؤول في المستشفى الرئيسي إن بين المصابين {m} أطفال، وإن حالة بعضهم خطرة.",
    "وأكد شهود عيان أن {a} انسحبت من المنطقة بعد ساعات من الاشتباكات.",
    "ودعت منظمات إنسانية إلى فتح ممرات آمنة لإيصال المساعدات إلى نحو {k} أسرة نازحة.",
    "وقال المتحدث باسم الحكومة: «سنلاحق المسؤولين عن هذا الهجوم ونقدمهم إلى العدالة».",
]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]


def article(i: int) -> dict:
    """The i-th generated article (deterministic)."""
    p = PLACES[i % len(PLACES)]
    a = ACTORS[i % len(ACTORS)]
    fmt = {"n": 2 + i % 9, "m": 3 + i % 7, "k": 100 + 10 * i, "p": p, "a": a, "day": DAYS[i % 7]}
    body = [OPENINGS[i % len(OPENINGS)].format(**fmt)]
    body += [FOLLOWS[(i + j) % len(FOLLOWS)].format(**fmt) for j in range(1 + i % 3)]
    month = 1 + (i * 5) % 12
    year = 2023 + i % 2
    return {"id": f"gen-{i:03d}", "source": ["outlet-a", "outlet-b"][i % 2],
            "date_extracted": f"{year}-{month:02d}-{1 + i % 27:02d} 08:00:00",
            "title": f"أخبار {p}", "content": "\n".join(body)}


BAD_LINES = [
    '{"id": "bad-json", "content": "نص مقطوع',  # malformed JSON
    '{"id": "bad-english", "content": "No Arabic words in this one at all."}',
    '{"id": "bad-no-text", "title": "عنوان بلا نص"}',
    '["not", "an", "object"]',
    '{"id": "bad-empty", "content": "   "}',
]


def write_corpus(path: Path, n: int = 40, *, bad: bool = True, start: int = 0) -> tuple[list[str], int]:
    """Write ``n`` articles (and the bad lines spread among them) as JSONL (``.gz`` if the name says so).

    Returns the ids of the good articles and the number of bad records.
    """
    lines: list[str] = []
    good: list[str] = []
    nbad = 0
    for i in range(start, start + n):
        rec = article(i)
        good.append(rec["id"])
        lines.append(json.dumps(rec, ensure_ascii=False))
        if bad and i % 4 == 3 and nbad < len(BAD_LINES):
            lines.append(BAD_LINES[nbad])
            nbad += 1
        if i % 11 == 5:
            lines.append("")  # blank lines are skipped, not records
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data, mtime=0))
    else:
        path.write_bytes(data)
    return good, nbad


def snapshot(out: Path) -> dict[str, list[tuple]]:
    """Every table of a batch output as a sorted list of row tuples (for equality checks)."""
    from rasd.batch.output import read_table
    from rasd.batch.tables import TABLES

    snap = {}
    for t in TABLES:
        rows = read_table(out, t).to_pylist()
        snap[t] = sorted(tuple((k, repr(v)) for k, v in r.items()) for r in rows)
    return snap


def article_ids(out: Path) -> list[str]:
    """The article ids of a batch output's articles table (duplicates kept)."""
    from rasd.batch.output import read_table

    return read_table(out, "articles", columns=["article_id"]).column("article_id").to_pylist()
