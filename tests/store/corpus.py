"""Team-written test articles (generated from original Arabic templates) and a fast stub pipeline.

The stub codes events from a tiny keyword table so that store tests are fast and predictable; the
real pipeline is exercised by one integration test.
"""

from __future__ import annotations

import datetime as _dt
import json
import time

import regex

from rasd.doc import Actor, Document, Event, Place

CITIES = {
    "طرابلس": ("LY", 32.8872, 13.1913),
    "بنغازي": ("LY", 32.1167, 20.0667),
    "مصراتة": ("LY", 32.3754, 15.0925),
    "تعز": ("YE", 13.5795, 44.0209),
    "عدن": ("YE", 12.7794, 45.0367),
    "حلب": ("SY", 36.2021, 37.1343),
}
ACTORS = ("قوات الحكومة", "جماعة مسلحة", "قوات الأمن", "مسلحون مجهولون")
DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
WORDS = ("السوق", "المستشفى", "الميناء", "المطار", "الجامعة", "المدرسة", "المصرف", "الملعب", "الحي", "الجسر")

TEMPLATES = [
    "قصفت {actor} حي {place} في مدينة {city} يوم {day}، ما أدى إلى مقتل {n} مدنيين وإصابة آخرين "
    "بجروح متفاوتة، بحسب ما أفاد مسعفون محليون.",
    "اندلعت اشتباكات عنيفة بين {actor} ومجموعات أخرى قرب {place} في {city} صباح {day}، وقالت مصادر "
    "طبية إن {n} أشخاص قتلوا خلال المواجهات.",
    "التقى وفد من {actor} ممثلين عن سكان {city} يوم {day} لبحث إعادة فتح {place} المغلق منذ أسابيع، "
    "واتفق الطرفان على عقد اجتماع آخر.",
]


def article(i: int) -> dict:
    """A distinct team-written article (record form) number ``i``; deterministic."""
    city = list(CITIES)[i % len(CITIES)]
    tpl = TEMPLATES[i % len(TEMPLATES)]
    actor = ACTORS[(i // 3) % len(ACTORS)]
    place = WORDS[(i // 7) % len(WORDS)]
    n = 2 + i % 9
    day = DAYS[i % 7]
    body = tpl.format(actor=actor, place=place, city=city, day=day, n=n)
    # a closing paragraph that differs per article, so that no two articles are near-duplicates
    extra = " ".join(f"{WORDS[(i * 7 + k * 3) % len(WORDS)]}{(i * 31 + k * 17) % 997}" for k in range(12))
    text = (f"{body}\n\nوأضاف مراسلنا أن الوضع في {city} ما زال متوترا، وأن السكان يتابعون ما يجري في "
            f"محيط {place} رقم {i}. ملاحظات الأرشيف: {extra}.")
    published = (_dt.date(2024, 1, 1) + _dt.timedelta(days=i % 90)).isoformat()
    return {"id": f"t{i}", "title": f"خبر رقم {i} من {city}", "text": text, "published": published,
            "source": ("وكالة الاختبار", "صحيفة الاختبار")[i % 2], "url": f"https://example.org/{i}"}


def write_jsonl(path, records) -> None:
    """Records as JSON lines (UTF-8)."""
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


_NUM = regex.compile(r"\d+")


class StubPipeline:
    """Codes at most one event an article: ASSAULT (قصف/اشتباكات) or CONSULT (التقى), at the first
    known city, with the first number as fatalities and the first known actor as actor1."""

    names = ["tests.store.corpus:StubPipeline"]

    def __init__(self, delay: float = 0.0, tag: str = "stub") -> None:
        self.delay = delay
        self.names = [f"tests.store.corpus:StubPipeline[{tag}]"]

    def __call__(self, doc: Document) -> Document:
        if self.delay:
            time.sleep(self.delay)
        t = doc.text
        kind = None
        for word, typ, acled in (("قصف", "ASSAULT", "Explosions/Remote violence"),
                                 ("اشتباكات", "ASSAULT", "Battles"), ("التقى", "CONSULT", None)):
            p = t.find(word)
            if p >= 0:
                kind = (p, word, typ, acled)
                break
        if kind is None:
            return doc
        p, word, typ, acled = kind
        loc = None
        for city, (cc, lat, lon) in CITIES.items():
            q = t.find(city)
            if q >= 0:
                loc = Place(q, q + len(city), city, name=city, country_code=cc, lat=lat, lon=lon, kind="city")
                doc.places.append(loc)
                break
        actors = []
        for a in ACTORS:
            q = t.find(a)
            if q >= 0:
                actors.append(Actor(q, q + len(a), a, "actor1", name=a))
                break
        m = _NUM.search(t)
        dead = int(m.group()) if m and typ == "ASSAULT" else None
        end = t.find(".", p)
        end = len(t) if end < 0 else end + 1
        doc.events.append(Event(type=typ, evidence=[doc.span(0, end)], trigger=doc.span(p, p + len(word)),
                                date=doc.published.isoformat() if doc.published else None,
                                date_precision="publication", location=loc, actors=actors,
                                fatalities=dead, event_type=acled,
                                disorder_type="Political violence" if acled else None, confidence=0.8))
        return doc
