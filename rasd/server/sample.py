"""Team-written sample articles with hand-coded events, for tests, the load benchmark and demos.

Every sentence here was written by the rasd team (no outlet's text).  An article is assembled from
templates, and its annotations (places, dates, figures, entities, quotes, events with evidence and
trigger spans) are computed from the offsets of the pieces, so that ``text[start:end] == span`` holds
for each.  This does not run the extraction pipeline: it gives the server realistic, fully-coded
results independent of how far the extraction stages have come.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass

from rasd.doc import Actor, DateMention, Document, Entity, Event, Figure, Place, Quote, Span, Speaker

# (Arabic name, English name, country code, lat, lon, admin1)
PLACES: list[tuple[str, str, str, float, float, str]] = [
    ("تعز", "Taiz", "YE", 13.5795, 44.0209, "تعز"),
    ("عدن", "Aden", "YE", 12.7797, 45.0367, "عدن"),
    ("الحديدة", "Al Hudaydah", "YE", 14.7978, 42.9545, "الحديدة"),
    ("مأرب", "Marib", "YE", 15.4629, 45.3253, "مأرب"),
    ("حلب", "Aleppo", "SY", 36.2021, 37.1343, "حلب"),
    ("إدلب", "Idlib", "SY", 35.9306, 36.6339, "إدلب"),
    ("درعا", "Daraa", "SY", 32.6189, 36.1021, "درعا"),
    ("دير الزور", "Deir ez-Zor", "SY", 35.3359, 40.1408, "دير الزور"),
    ("طرابلس", "Tripoli", "LY", 32.8872, 13.1913, "طرابلس"),
    ("بنغازي", "Benghazi", "LY", 32.1167, 20.0667, "بنغازي"),
    ("سرت", "Sirte", "LY", 31.2089, 16.5887, "سرت"),
    ("الموصل", "Mosul", "IQ", 36.335, 43.1189, "نينوى"),
    ("البصرة", "Basra", "IQ", 30.5085, 47.7804, "البصرة"),
    ("الخرطوم", "Khartoum", "SD", 15.5518, 32.5324, "الخرطوم"),
    ("الفاشر", "El Fasher", "SD", 13.6279, 25.3494, "شمال دارفور"),
    ("غزة", "Gaza", "PS", 31.5017, 34.4668, "غزة"),
    ("بيروت", "Beirut", "LB", 33.8938, 35.5018, "بيروت"),
    ("القاهرة", "Cairo", "EG", 30.0444, 31.2357, "القاهرة"),
    ("تونس", "Tunis", "TN", 36.819, 10.1658, "تونس"),
    ("مقديشو", "Mogadishu", "SO", 2.0371, 45.3438, "بنادر"),
]

ARMED = ["القوات الحكومية", "مسلحون مجهولون", "فصائل المعارضة", "قوات الأمن", "مقاتلو العشائر", "جماعة مسلحة"]
PEOPLE = ["سامي الحداد", "ليلى منصور", "خالد العمري", "نادية الشامي", "عمر الزين", "هدى القاسم"]
ORGS = ["الهلال الأحمر", "برنامج الغذاء", "منظمة الإغاثة المحلية", "لجنة الإنقاذ"]


@dataclass(slots=True)
class _Tmpl:
    type: str
    trigger: str
    text: str  # with {place}, {n}, {a1}, {a2}, {org}
    event_type: str | None = None
    sub_event_type: str | None = None
    disorder_type: str | None = None
    figure: str | None = None  # what {n} counts: killed, injured, arrested, displaced, count
    mode: str | None = None
    civilians: bool = False


TEMPLATES: list[_Tmpl] = [
    _Tmpl("ASSAULT", "قصف", "قُتل {n} مدنيين إثر قصف مدفعي استهدف حياً سكنياً في مدينة {place} فجر أمس.",
          "Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence", "killed",
          "heavy-weapons", True),
    _Tmpl("ASSAULT", "اشتباكات", "اندلعت اشتباكات عنيفة بين {a1} و{a2} في محيط {place} أمس أسفرت عن مقتل {n} مقاتلين.",
          "Battles", "Armed clash", "Political violence", "killed", "small-arms"),
    _Tmpl("ASSAULT", "انفجار", "أصيب {n} أشخاص في انفجار عبوة ناسفة قرب سوق شعبي في {place} أمس.",
          "Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence", "injured",
          "explosives", True),
    _Tmpl("PROTEST", "تظاهر", "تظاهر {n} شخص في وسط {place} أمس احتجاجاً على انقطاع الكهرباء وارتفاع الأسعار.",
          "Protests", "Peaceful protest", "Demonstrations", "count"),
    _Tmpl("COERCE", "اعتقلت", "اعتقلت {a1} {n} ناشطين في {place} أمس بعد مداهمة منازلهم.",
          "Strategic developments", "Arrests", "Strategic developments", "arrested"),
    _Tmpl("CONSULT", "التقى", "التقى {p1} بالمبعوث {p2} في {place} أمس لبحث سبل التهدئة."),
    _Tmpl("AID", "وزّع", "وزّع {org} مساعدات غذائية على {n} أسرة نازحة في {place} أمس.", figure="displaced"),
    _Tmpl("THREATEN", "هدد", "هدد {a1} بشن هجوم واسع على {place} إذا لم تنسحب {a2} خلال أيام."),
    _Tmpl("AGREE", "اتفاقاً", "وقّع ممثلو {a1} و{a2} اتفاقاً لوقف إطلاق النار في {place} أمس."),
    _Tmpl("ACCUSE", "اتهم", "اتهم {a1} {a2} بخرق الهدنة في ريف {place} أمس."),
]

BACKGROUND = [
    "وتشهد المنطقة توتراً متصاعداً منذ أسابيع", "ويعاني السكان من نقص حاد في الوقود والدواء",
    "وكانت المدينة قد شهدت هدوءاً نسبياً خلال الشهر الماضي", "وتتبادل الأطراف الاتهامات بالمسؤولية عن التصعيد",
    "ولم تعلن أي جهة مسؤوليتها حتى الآن", "وأغلقت المدارس والأسواق أبوابها في عدة أحياء",
    "ودعت منظمات حقوقية إلى حماية المدنيين", "وتحدث شهود عيان عن حالة من الذعر بين الأهالي",
    "ويأتي ذلك بعد أيام من جولة مفاوضات لم تسفر عن نتائج", "وارتفعت أسعار المواد الغذائية بشكل ملحوظ",
    "وانقطعت شبكات الاتصال عن أجزاء واسعة من المنطقة", "وتوقفت حركة النقل على الطريق الرئيسي لساعات",
    "وقال سكان إن الخدمات الأساسية شبه متوقفة", "وتراجعت حركة التجارة مع المناطق المجاورة",
]

QUOTES = ["الوضع تحت السيطرة", "نطالب بتحقيق مستقل وعاجل", "لن نسمح بتكرار ما حدث", "المساعدات لا تكفي الجميع"]


class _Builder:
    """Accumulates text and annotations with exact offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.doc = Document(text="")

    def add(self, s: str) -> tuple[int, int]:
        a = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return a, self.pos

    def text(self) -> str:
        return "".join(self.parts)


def _fill(b: _Builder, tmpl: _Tmpl, vals: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Append a template filled with ``vals``; returns the offsets of each placeholder and the trigger."""
    import re

    where: dict[str, tuple[int, int]] = {}
    for piece in re.split(r"(\{\w+\})", tmpl.text):
        if not piece:
            continue
        if piece.startswith("{"):
            key = piece[1:-1]
            where[key] = b.add(vals[key])
        else:
            a, _ = b.add(piece)
            k = piece.find(tmpl.trigger)
            if k >= 0 and "trigger" not in where:
                where["trigger"] = (a + k, a + k + len(tmpl.trigger))
            k = piece.find("أمس")
            if k >= 0:
                where["date"] = (a + k, a + k + 3)
    return where


def make_article(i: int, rng: random.Random, published: _dt.date, n_events: int = 2,
                 extra: str | None = None) -> Document:
    """One sample article with ``n_events`` coded events (and a quote); ``extra`` is prepended verbatim."""
    b = _Builder()
    doc = b.doc
    if extra:
        b.add(extra + "\n")
    day = (published - _dt.timedelta(days=1)).isoformat()
    for k in range(n_events):
        tmpl = rng.choice(TEMPLATES)
        place = rng.choice(PLACES)
        a1, a2 = rng.sample(ARMED, 2)
        p1, p2 = rng.sample(PEOPLE, 2)
        n = rng.choice([2, 3, 4, 5, 7, 9, 12, 15, 20, 30, 45, 60, 120])
        vals = {"place": place[0], "n": str(n), "a1": a1, "a2": a2, "p1": p1, "p2": p2, "org": rng.choice(ORGS)}
        s0 = b.pos
        where = _fill(b, tmpl, vals)
        s1 = b.pos
        b.add(" " if k < n_events - 1 else "\n")
        text_so_far = b.text()

        def sp(ab: tuple[int, int], txt: str = text_so_far) -> Span:
            return Span(ab[0], ab[1], txt[ab[0]:ab[1]])

        pl = Place(*where["place"], place[0], name=place[0], name_en=place[1], country_code=place[2],
                   lat=place[3] + rng.uniform(-0.03, 0.03), lon=place[4] + rng.uniform(-0.03, 0.03),
                   kind="city", admin1=place[5], geo_precision=1)
        doc.places.append(pl)
        if "date" in where:
            doc.dates.append(DateMention(*where["date"], "أمس", value=day, precision="day", relative=True))
        actors = []
        for key, role in (("a1", "actor1"), ("a2", "actor2"), ("p1", "actor1"), ("p2", "actor2"), ("org", "actor1")):
            if key in where:
                s, e = where[key]
                label = "PERS" if key.startswith("p") else "ORG"
                doc.entities.append(Entity(s, e, vals[key], label, canonical=vals[key], source="rules", confidence=0.9))
                actors.append(Actor(s, e, vals[key], role, name=vals[key], inter=3 if key.startswith("a") else None))
        ev = Event(type=tmpl.type, evidence=[sp((s0, s1))], trigger=sp(where["trigger"]), mode=tmpl.mode,
                   date=day if "date" in where else published.isoformat(),
                   date_precision="day", location=pl, actors=actors, event_type=tmpl.event_type,
                   sub_event_type=tmpl.sub_event_type, disorder_type=tmpl.disorder_type,
                   civilian_targeting=tmpl.civilians, confidence=round(rng.uniform(0.55, 0.95), 2))
        if "n" in where and tmpl.figure:
            doc.figures.append(Figure(*where["n"], str(n), float(n), tmpl.figure))
            if tmpl.figure in ("killed", "injured", "displaced", "arrested"):
                setattr(ev, "fatalities" if tmpl.figure == "killed" else tmpl.figure, n)
        doc.events.append(ev)
    # background, different from article to article (so that samples are not near-duplicates)
    b.add("، ".join(rng.sample(BACKGROUND, 3)) + f"، بحسب ما أفاد به {rng.randint(2, 90)} من السكان. ")
    # a quote with its speaker
    who = rng.choice(PEOPLE)
    s_who = b.add("وقال ")[1]
    sa, sb = b.add(who)
    b.add("، المتحدث باسم السلطات المحلية: ")
    qa, _ = b.add("«")
    b.add(rng.choice(QUOTES))
    _, qb = b.add("»")
    b.add(".")
    text = b.text()
    doc.entities.append(Entity(sa, sb, who, "PERS", canonical=who, role="المتحدث باسم السلطات المحلية"))
    doc.quotes.append(Quote(qa, qb, text[qa:qb], "direct",
                            speaker=Speaker(sa, sb, who, name=who, role="المتحدث باسم السلطات المحلية"),
                            cue=Span(s_who - 4, s_who - 1, text[s_who - 4:s_who - 1])))
    doc.text = text
    doc.id = f"sample-{i}"
    doc.published = published
    doc.title = f"تطورات ميدانية في {doc.places[0].name}" if doc.places else "أخبار"
    doc.source = rng.choice(["وكالة الأنباء التجريبية", "صحيفة الرصد", "موقع الخبر اليومي"])
    doc.url = f"https://news.example/{i}"
    doc.focus_countries = sorted({p.country_code for p in doc.places if p.country_code})
    doc.entities.sort(key=lambda e: e.start)
    return doc


def sample_corpus(n_articles: int, seed: int = 7, start: str = "2024-01-01", days: int = 180,
                  events_per_article: tuple[int, int] = (1, 3)) -> list[Document]:
    """``n_articles`` sample articles published over ``days`` days from ``start``."""
    rng = random.Random(seed)
    d0 = _dt.date.fromisoformat(start)
    return [make_article(i, rng, d0 + _dt.timedelta(days=rng.randrange(days)),
                         n_events=rng.randint(*events_per_article)) for i in range(n_articles)]


HOSTILE = ('<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
           '<b onmouseover="window.__pwned=3">نص</b>')


def hostile_article(published: str = "2024-03-01") -> Document:
    """A sample article whose text carries markup that must never run: shown as text, always."""
    doc = make_article(9999, random.Random(1), _dt.date.fromisoformat(published), n_events=1, extra=HOSTILE)
    doc.id = "hostile"
    doc.title = '<img src=x onerror="window.__pwned = 4"> عنوان'
    return doc
