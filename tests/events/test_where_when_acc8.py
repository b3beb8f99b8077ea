"""Where and when, round 8: a planned day does not date later events, a party's patron is not a place, a
meeting with no venue is held in the host's country (a title's country is the guest's; a host's nationality
told earlier in the article counts), and a statement takes the day of the occasion a جاء ذلك sentence tells
(team-written sentences)."""

from __future__ import annotations

import rasd

PUB = "2024-03-10"
YESTERDAY = "2024-03-09"


def _events(text: str, kind: str):
    return [e for e in rasd.extract(text, published=PUB).events if e.type == kind]


def test_a_planned_day_does_not_date_the_next_sentence():
    text = ("تستعد المدينة الساحلية لاحتفالات افتتاح الميناء الجديد المقررة غدا. "
            "وأعلن الجيش مقتل خمسة مسلحين في اشتباك قرب مدينة العريش.")
    ev = _events(text, "ASSAULT")
    assert ev and all(e.date != "2024-03-11" for e in ev)


def test_a_patron_state_is_not_where_a_clash_happened():
    ev = _events("قتل ثلاثة جنود أوكرانيين أمس في معارك مع انفصاليين موالين لروسيا.", "ASSAULT")
    assert ev and ev[0].location is not None and ev[0].location.country_code == "UA"


def test_a_guest_title_country_is_not_the_venue():
    text = "استقبل ولي العهد السعودي اليوم رئيسة وزراء نيوزيلندا والوفد المرافق لها."
    ev = _events(text, "CONSULT")
    assert ev and ev[0].location.country_code == "SA"


def test_a_host_nationality_told_earlier_places_the_meeting():
    text = ("شدد الشيخ عبد الله بن زايد، الوزير الإماراتي للخارجية، أمس، على متانة الروابط التجارية مع تونس.\n"
            "وجاء كلام الشيخ عبد الله خلال استقباله وزير الخارجية التونسي.")
    ev = [e for e in _events(text, "CONSULT") if "استقبال" in e.trigger.text]
    assert ev and ev[0].location.country_code == "AE"
    assert ev[0].date == YESTERDAY


def test_a_statement_takes_the_day_of_its_occasion():
    text = "رحب وزير الخارجية الأردني بالاتفاق بين الطرفين. جاء ذلك خلال لقائه أمس نظيره الفرنسي في عمان."
    ev = _events(text, "SUPPORT")
    assert ev and ev[0].date == YESTERDAY


def test_a_sentence_with_its_own_day_keeps_it():
    text = ("رحب وزير الخارجية الأردني الأحد بالاتفاق بين الطرفين. "
            "جاء ذلك خلال لقائه أمس نظيره الفرنسي في عمان.")
    ev = _events(text, "SUPPORT")
    assert ev and ev[0].date == "2024-03-10"


def test_a_placeless_statement_is_made_in_the_dateline_town_the_story_names():
    text = ("الكويت - واس\n"
            "اجتمع وزراء الخارجية العرب اليوم في مدينة الكويت لبحث الأوضاع في المنطقة.\n"
            "ودعا الوزراء إلى وقف فوري لإطلاق النار في سوريا.\n"
            "ورحب الوزراء بالجهود المبذولة لإنهاء النزاع.")
    ev = [e for e in _events(text, "SUPPORT") if "رحب" in e.trigger.text]
    assert ev and ev[0].location.country_code == "KW"



def test_a_victim_nationality_gives_way_to_a_named_place():
    text = "استهدف مسلحون مجهولون أمس حافلة ركاب أردنية على الطريق السريع (شمال العراق)، ما أدى إلى مقتل السائق."
    ev = _events(text, "ASSAULT")
    assert ev and ev[0].location.country_code == "IQ"


def test_a_speaker_nationality_stays_before_the_place_of_what_it_condemns():
    text = "أعربت الجمهورية العراقية عن استنكارها للتفجير الذي استهدف مسجدا في مدينة أبها."
    ev = _events(text, "ACCUSE")
    assert ev and ev[0].location.country_code == "IQ"
