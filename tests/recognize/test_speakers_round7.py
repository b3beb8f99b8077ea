"""Who speaks (round 7 classes): a nationality before a foreign name, a nationality standing for the person
named before, a family name after a father's name, an office's purpose on لل, a known body after a title,
the aide of a known person, gender agreement of bodies and of given names.  Team-written sentences."""

import rasd


def test_nationality_before_a_foreign_name(full_quotes, speaker_of):
    text = "وقال الأوروغواياني ماركوس فيلابلانا لوكالة الأنباء، إن الاتحاد سيدعم المرشح الجديد."
    sp = speaker_of(full_quotes(text), "سيدعم")
    assert sp.name == "ماركوس فيلابلانا"


def test_nationality_stands_for_the_person_named_before(full_quotes, speaker_of):
    text = ("أكد البرتغالي جواو مندش، مدرب فريق النصر، أنه سعيد بالفوز.\n"
            "وكشف البرتغالي المخضرم في حديث للصحيفة، أن الفريق يحتاج إلى مهاجم جديد.")
    sp = speaker_of(full_quotes(text), "مهاجم جديد")
    assert sp.name == "جواو مندش"


def test_family_name_after_a_fathers_name(full_quotes, speaker_of):
    text = "وقال رئيس الفريق الإعلامي للمهرجان سعد بن فهد الراشد: إن البرنامج يشمل عروضا للأطفال."
    sp = speaker_of(full_quotes(text), "عروضا")
    assert sp.name == "سعد بن فهد الراشد"
    assert sp.role == "رئيس الفريق الإعلامي للمهرجان"


def test_office_purpose_on_lil_keeps_the_role_whole():
    doc = rasd.extract("وقال مدير الفريق الإداري للانتخابات الطلابية خالد العمري إن التسجيل مفتوح.",
                       published="2015-08-01")
    (p,) = [e for e in doc.entities if e.label.startswith("PERS")]
    assert p.text == "خالد العمري" and p.role == "مدير الفريق الإداري للانتخابات الطلابية"


def test_known_body_after_a_title_is_no_name(rule_quotes):
    (q,) = rule_quotes("وأكد الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ في بروكسل أن أبواب الحلف مفتوحة للحوار.")
    assert q.speaker.name == "ينس ستولتنبرغ"
    assert q.speaker.role == "الأمين العام لحلف شمال الأطلسي"


def test_aide_of_a_known_person_is_not_that_person(rule_quotes, full_quotes):
    (q,) = rule_quotes("وقال مستشار الرئيس اليمني عبدربه منصور هادي إن الحكومة ستعود إلى عدن قريبا.")
    assert q.speaker.name is None
    assert q.speaker.text == "مستشار الرئيس اليمني عبدربه منصور هادي"
    (q,) = full_quotes("وقال مستشار الرئيس اليمني عبدربه منصور هادي، سامي الأحمدي، إن الحكومة ستعود قريبا.")
    assert q.speaker.name == "سامي الأحمدي"


def test_masculine_verb_after_a_feminine_body_goes_to_the_spokesman(rule_quotes, speaker_of):
    text = ("نبهت إدارة المرور بالمدينة السائقين إلى خطورة السرعة، وقال المتحدث الإعلامي العقيد فهد "
            "القحطاني، إن الحوادث زادت هذا الشهر، مشيرا إلى حملات توعية، وأكد أن إدارة المرور ستشدد الرقابة.")
    sp = speaker_of(rule_quotes(text), "ستشدد الرقابة")
    assert sp.name == "فهد القحطاني"


def test_feminine_verb_goes_to_the_woman_named_last(rule_quotes, speaker_of):
    text = ("وقالت نجوى سالم: «الأمن مسؤولية الجميع». وقال خالد فهد إن المدارس جاهزة.\n"
            "وأضافت: «علينا أن نتعاون»")
    sp = speaker_of(rule_quotes(text), "نتعاون")
    assert sp.name == "نجوى سالم"


def test_nationality_then_a_foreign_name_the_entities_missed(rule_quotes):
    (q,) = rule_quotes("وقال الأوروغوياني أوسكار تيلو تاباريز لوكالة الأنباء إن المنتخب جاهز للبطولة.")
    assert q.speaker.name == "أوسكار تيلو تاباريز" and q.speaker.role == "الأوروغوياني"
    (q,) = rule_quotes("وقال المصري أمس إن الوضع مستقر.")
    assert q.speaker.name != "أمس"


def test_a_person_noun_with_adjectives_leads_to_the_name(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("دعا المرجع الديني البارز حسين الموسوي إلى وقف القتال فورا."), "وقف القتال")
    assert sp.name == "حسين الموسوي" and sp.role == "المرجع الديني البارز"


def test_preposition_with_pronoun_before_the_subject_is_skipped(full_quotes, speaker_of):
    text = "وأقيم حفل للخريجين قال خلاله مدير الجامعة سالم الدوسري إن الدفعة متميزة."
    sp = speaker_of(full_quotes(text), "الدفعة متميزة")
    assert sp.name == "سالم الدوسري"


def test_adverb_after_a_body_is_not_part_of_its_name(rule_quotes):
    (q,) = rule_quotes("وأشار المرصد بعدها، إلى أن الطائرات قصفت مواقع في الشمال.")
    assert q.speaker.text == "المرصد"


def test_a_given_name_alone_is_the_person_named_in_full_before(rule_quotes, speaker_of):
    text = "وقال الباحث دياري محمد لـ«الصحيفة»: «المجموعات موجودة». وتابع محمد: «هذه المجموعة قديمة»."
    sp = speaker_of(rule_quotes(text), "قديمة")
    assert sp.name == "دياري محمد"
    text = "وقال محمد العلي إن الوضع مستقر. وقال محمد الحسن إن الوضع صعب. وأضاف محمد أن الحل قريب."
    assert speaker_of(rule_quotes(text), "الحل قريب").name == "محمد"  # two men named so: none is chosen


def test_a_kunya_takes_no_family_name(full_quotes, speaker_of):
    text = "وأكد الناشط أبو عمر المتابع لنشاط التنظيم لـ«الصحيفة» أن المخطوفين نقلوا إلى المدينة."
    sp = speaker_of(full_quotes(text), "المخطوفين")
    assert sp.text == "أبو عمر"


def test_a_role_spelt_with_another_nisba_form_is_the_person_named_before(full_quotes, speaker_of):
    text = ("التقى الرئيس الأمريكي باراك أوباما في البيت الأبيض أمس ملك الأردن. وقال الرئيس الأمريكي إن بلاده "
            "ستساعد عمان في مواجهة أزمة اللاجئين. وأضاف الرئيس الأميركي أن الحرب على الإرهاب طويلة.")
    qs = full_quotes(text)
    sp = speaker_of(qs, "الحرب على الإرهاب")
    assert sp.name == "باراك أوباما"
