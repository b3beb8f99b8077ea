"""Country and date of found events: classes met on fresh articles (team-written sentences)."""

from __future__ import annotations

import pytest

import rasd

# a long one-paragraph article: a background meeting's city far before the event is not its place
_ONE_PARAGRAPH = (
    "اعتبر الرئيس التركي أن نظيره الروسي يتجه إلى تغيير موقفه من الأزمة السورية، في تصريحات نقلتها الصحف "
    "التركية اليوم الاثنين. وكان الرئيسان قد عقدا لقاء مطولا في حزيران الماضي في مدينة باكو عاصمة أذربيجان على "
    "هامش افتتاح دورة رياضية. وقال الرئيس إن حديثهما الهاتفي بعد ذلك اللقاء أوحى له بأن نظيره يراجع حساباته في "
    "المنطقة، وإن العلاقات بين البلدين تبقى متينة رغم الخلافات. وتحدث الرئيس مطولا عن الاقتصاد وعن الاستثمارات "
    "الجديدة في قطاع الطاقة وعن خطط الحكومة لتطوير البنية التحتية في الأعوام المقبلة. وأضاف أن تركيا ماضية في "
    "حملتها العسكرية ضد المسلحين ما دامت تراها ضرورية، وأنها لن تلتفت إلى الأصوات التي تطالبها بالتوقف، مشيرا إلى "
    "أن الحكومة عازمة على حماية حدودها الجنوبية من أي تهديد مهما كان مصدره، وأن الجيش يملك كل الوسائل اللازمة "
    "لذلك. كما اتهم الرئيس حزب العمال الكردستاني بالسعي إلى إضعاف الدولة.")


def _one(doc, kind: str):
    found = [e for e in doc.events if e.type == kind]
    assert found, [(e.type, e.trigger.text if e.trigger else None) for e in doc.events]
    return found[0]


def test_a_statement_takes_the_near_context_of_a_long_paragraph_not_a_city_far_before_it():
    doc = rasd.extract(_ONE_PARAGRAPH, published="2015-08-03")
    assert _one(doc, "CONSULT").location.country_code == "AZ"  # the meeting itself was in Baku
    ev = _one(doc, "ACCUSE")
    assert ev.location is not None and ev.location.country_code == "TR"


def test_the_article_today_named_in_its_lead_dates_its_undated_events():
    text = ("نفذ مسلحون فجر اليوم الخميس هجوما على حاجز للجيش في مدينة العريش، بحسب مصادر أمنية.\n"
            "وفي موازاة ذلك، شنت طائرات حربية غارات على مواقع المسلحين في مدينة رفح.")
    doc = rasd.extract(text, published="2015-07-25")  # a Saturday: the story was put online late
    strikes = [e for e in doc.events if e.type == "ASSAULT" and e.trigger.text == "غارات"]
    assert strikes and strikes[0].date == "2015-07-23"
    assert strikes[0].date_precision == "publication"


def test_an_article_whose_today_is_its_publication_day_keeps_that_day():
    text = ("نفذ مسلحون اليوم الخميس هجوما على حاجز للجيش في مدينة العريش.\n"
            "وفي موازاة ذلك، شنت طائرات حربية غارات على مواقع المسلحين في مدينة رفح.")
    doc = rasd.extract(text, published="2015-07-23")
    strikes = [e for e in doc.events if e.type == "ASSAULT" and e.trigger.text == "غارات"]
    assert strikes and strikes[0].date == "2015-07-23"


def test_strikes_each_named_in_another_country_stay_two_events():
    text = ("قصفت طائرات حربية تركية فجر اليوم ثلاثة أهداف للتنظيم في سوريا.\n"
            "وأفاد مسؤولون محليون بأن طائرات تركية قصفت أيضا تجمعا للمتمردين قرب مدينة زاخو العراقية.")
    doc = rasd.extract(text, published="2015-07-24")
    assert sorted(e.location.country_code for e in doc.events if e.type == "ASSAULT") == ["IQ", "SY"]


def test_a_statement_without_a_place_is_the_speakers_country_not_the_articles_focus():
    text = ("حث الرئيس الأميركي الكونغرس أمس على إقرار الاتفاق النووي مع إيران، وحذر من أن إسقاطه ستكون له عواقب.\n"
            "وتأمل إيران أن ترفع العقوبات عنها قريبا، فيما تقول إيران إن برنامجها سلمي.")
    doc = rasd.extract(text, published="2015-08-06")
    assert doc.focus_countries[0] == "IR"
    ev = _one(doc, "THREATEN")
    assert ev.location is not None and ev.location.country_code == "US"


def test_the_victims_nationality_after_a_subtotal_word_is_not_the_place():
    text = ("أعلنت السلطات التونسية تفكيك خلية إرهابية في مدينة الكاف.\n"
            "وقتل مسلح 21 سائحا أغلبهم فرنسيون عندما فتح النار داخل متحف مطلع يوليو الماضي.")
    doc = rasd.extract(text, published="2015-08-06")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and attacks[0].location is not None and attacks[0].location.country_code == "TN"


def test_an_attack_on_soldiers_and_a_bombing_named_in_another_country_stay_two_events():
    text = ("وفي كمين نصب فجر اليوم لدورية للدرك، قتل ثلاثة جنود أتراك على الأقل، بينما تواصل أنقرة "
            "غاراتها على معاقل المتمردين في شمال العراق.")
    doc = rasd.extract(text, published="2015-08-04")
    assert {e.location.country_code for e in doc.events if e.type == "ASSAULT" and e.location} == {"IQ", "TR"}


def test_where_a_leader_stays_in_exile_is_not_where_the_fighting_is():
    text = ("قتل خمسة مسلحين حوثيين فجرا في قصف جوي على حي المعلا في عدن، في حين يتواصل القتال بين أنصار "
            "الرئيس هادي المقيم في السعودية والمتمردين.")
    doc = rasd.extract(text, published="2015-07-19")
    assert {e.location.country_code for e in doc.events if e.type == "ASSAULT" and e.location} == {"YE"}


# (what the sentence shows, text, publication date, event type, the country the event is placed in)
_PLACED = [
    ("a nisba past the named speaker qualifies the object, not where it was said",
     ("قال وزير الخارجية الأردني ناصر جودة اليوم إن بلاده تدعم الحل السياسي في سوريا.\n"
      "وفي مقابلة نشرت اليوم في صحيفة محلية، انتقد جودة السياسة الفرنسية في المنطقة."),
     "2015-08-09", "ACCUSE", "JO"),
    ("a nisba right after the verb still names the speaker",
     "نفى مسؤولون أتراك اليوم وجود أي اتفاق مع الحكومة السورية.",
     "2015-08-09", "REJECT", "TR"),
    ("a capital right after a verb of state acts is the state not the place",
     ("وفي هجوم آخر مساء اليوم استهدف مسلحون مركزا للدرك، في وقت واصلت أنقرة قصف معاقل "
      "المتمردين في شمال العراق."),
     "2015-08-04", "ASSAULT", "IQ"),
    ("the base a strike took off from is not where it hit",
     ("قصف الطيران التركي ليل اليوم مخازن أسلحة للتنظيم داخل الأراضي السورية بأربع طائرات، "
      "انطلقت من قاعدة جوية في ولاية ملاطية."),
     "2015-07-24", "ASSAULT", "SY"),
    ("a meeting during a visit is where the visit went",
     ("أعلن وزير الخارجية التركي اليوم الاثنين أن المتمردين لم يوقفوا هجماتهم. وقال الوزير أثناء زيارة إلى "
      "لشبونة حيث يلتقي نظيره البرتغالي إن عملية السلام لم تنته."),
     "2015-07-27", "CONSULT", "PT"),
    ("a statement with no place of its own stays at the dateline",
     ("أنقرة - رويترز\nأكد وزير الخارجية الأمريكي اليوم أن بلاده ستواصل دعم المعارضة السورية، وحذر من أي "
      "تصعيد في المنطقة."),
     "2015-08-09", "THREATEN", "TR"),
    ("the speaker's title, not a later group's nisba, gives the statement its country",
     ("أكد وزير الخارجية الأمريكي اليوم أن بلاده ستواصل دعم المعارضة السورية، وحذر من أي تصعيد في المنطقة.\n"
      "وتتواصل المعارك في سوريا منذ سنوات."),
     "2015-08-09", "THREATEN", "US"),
    ("a nisba of the clause before a contrast word is not the speaker's place",
     "تدعم إيران نظام الرئيس السوري فيما تدعو تركيا إلى رحيله.",
     "2015-08-04", "REQUEST", "TR"),
    ("a later mention does not move a strike out of the country named with it",
     ("قصفت طائرات حربية تركية فجر اليوم أهدافا للتنظيم داخل سوريا.\n"
      "وجاءت الغارات بعد موافقة تركيا على السماح للطائرات الأمريكية باستخدام قاعدة إنجرليك الجوية."),
     "2015-07-24", "ASSAULT", "SY"),
]


@pytest.mark.parametrize(("why", "text", "published", "kind", "country"), _PLACED, ids=[r[0] for r in _PLACED])
def test_event_is_placed_in(why, text, published, kind, country):
    ev = _one(rasd.extract(text, published=published), kind)
    assert ev.location is not None and ev.location.country_code == country, why
