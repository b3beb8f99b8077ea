"""A sentence opened by في and a place (وفي صنعاء، ...) sets where its statement was made."""

import rasd


def test_scene_opening_places_the_statement():
    text = ("قتل 14 شخصا في اشتباكات في تعز جنوب غرب اليمن أمس.\n"
            "وفي صنعاء، اتهم المتحدث العسكري باسم الحوثيين التحالف بارتكاب جرائم حرب.")
    doc = rasd.extract(text, published="2024-03-11")
    accuse = [e for e in doc.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].location is not None and accuse[0].location.text == "صنعاء"


def test_a_place_after_a_comma_that_opens_no_sentence_is_not_the_scene():
    text = ("قتل 14 شخصا في اشتباكات في تعز جنوب غرب اليمن أمس.\n"
            "وقال مسؤول إن الوضع في صنعاء، اتهم فيه الحوثيون التحالف بارتكاب جرائم حرب، لا يزال متوترا.")
    doc = rasd.extract(text, published="2024-03-11")
    assert all(e.location is None or e.location.text != "صنعاء" or e.type != "ACCUSE" for e in doc.events)
