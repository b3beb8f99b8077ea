"""Who speaks (round 8 classes, general news): a name the tagger read into a body after a role, the day
before yesterday after the verb, a country or a person with an apposed role before the verb.
Team-written sentences."""

from dataclasses import replace

import rasd
from rasd.recognize.quotes.reader import recognize_quotes


def _checked(doc) -> list:
    for q in doc.quotes:
        sp = q.speaker
        if sp is not None:
            assert doc.text[sp.start:sp.end] == sp.text, sp
    return doc.quotes


def _as_body(text: str, body: str) -> list:
    """The quotes of ``text`` when the tagger reads ``body`` as one organisation (and nothing inside it)."""
    doc = rasd.extract(text, published="2015-08-01")
    s = text.index(body)
    e = s + len(body)
    kept = [x for x in doc.entities if x.end <= s or x.start >= e]
    like = next(x for x in doc.entities if x.label.startswith(("PERS", "ORG")))
    doc.entities = kept + [replace(like, start=s, end=e, text=body, label="ORG", canonical=None, role=None,
                                   info={})]
    doc.quotes = recognize_quotes(doc)
    return _checked(doc)


def test_name_read_into_a_body_after_a_role(speaker_of):
    text = ("واستقبل الوفد مدير الميناء عبدالكريم الفهيد.\n"
            "وأوضح مدير ميناء ضبا عبدالكريم الفهيد أن السفن ستصل الأسبوع المقبل.")
    sp = speaker_of(_as_body(text, "ضبا عبدالكريم الفهيد"), "السفن")
    assert sp.name == "عبدالكريم الفهيد"
    assert sp.role.startswith("مدير ميناء")


def test_bare_foreign_name_read_as_a_body_after_a_role(speaker_of):
    text = "وقال المتحدث باسم الحكومة هيروشي تاناكا في أول تعليق رسمي على التقرير إن الحكومة تدرس الأمر."
    sp = speaker_of(_as_body(text, "هيروشي تاناكا"), "تدرس")
    assert sp.name == "هيروشي تاناكا"


def test_body_with_its_head_word_after_a_role_is_no_name(speaker_of):
    text = "وقال مدير جامعة الملك عبدالعزيز إن العام الدراسي يبدأ في موعده."
    sp = speaker_of(_as_body(text, "جامعة الملك عبدالعزيز"), "العام الدراسي")
    assert sp is None or sp.name != "الملك عبدالعزيز"


def test_day_before_yesterday_is_no_subject(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("لكن اليونان قالت أول من أمس إنها سترفض الاقتراح."), "سترفض")
    assert sp is not None and sp.name == "اليونان"


def test_country_before_the_verb_speaks(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("ولكن فرنسا قالت إن المفاوضات لم تنته بعد."), "المفاوضات")
    assert sp is not None and sp.name == "فرنسا"


def test_person_with_an_apposed_role_before_the_verb(full_quotes, speaker_of):
    text = "إلا أن ماركو روسي، سفير إيطاليا لدى الأمم المتحدة، قال إن القرار لا يخدم السلام."
    sp = speaker_of(full_quotes(text), "لا يخدم")
    assert sp.name == "ماركو روسي"


def test_participle_after_a_relative_clause_goes_with_the_sentence_subject(full_quotes, speaker_of):
    text = ("ورفض ماركو روسي التعليق على الأنباء الصحفية التي تشير إلى رحيل الحارس، مشيرا «لن أتحدث عن لاعبي "
            "الأندية الأخرى».")
    sp = speaker_of(full_quotes(text), "لن أتحدث")
    assert sp.name == "ماركو روسي"


def test_title_word_agreeing_with_a_noun_is_no_speaker(full_quotes):
    text = "وتحدث المدرب عن التقارير الإعلامية التي تشير إلى أن الفريق سيبيع مهاجمه."
    qs = full_quotes(text)
    assert all(q.speaker is None or q.speaker.text != "الإعلامية" for q in qs)


def test_name_in_brackets_after_a_role(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("وقال الرئيس الفرنسي الأسبق (جاك شيراك) إن أوروبا تحتاج إلى الوحدة."), "أوروبا")
    assert sp.name == "جاك شيراك"


def test_body_in_brackets_inside_a_role_then_the_name(full_quotes, speaker_of):
    text = "وأوضح مدير مكتب (الهيئة الوطنية للإغاثة) في الأردن سالم بن علي الحربي أن المساعدات وصلت."
    sp = speaker_of(full_quotes(text), "المساعدات")
    assert sp.name == "سالم بن علي الحربي"


def test_role_written_after_a_name_links_a_later_role(full_quotes, speaker_of):
    text = ("وتلقى الأمير برقية تهنئة من الدكتور خالد العمري مدير جامعة الملك سعود هنأه فيها بالإنجاز.\n"
            "وقال مدير الجامعة إن الإنجاز يعكس الجهود الكبيرة.")
    sp = speaker_of(full_quotes(text), "الجهود الكبيرة")
    assert sp.name == "خالد العمري"


def test_role_after_a_name_links_only_when_one_person_fits(full_quotes, speaker_of):
    text = ("وحضر الحفل خالد العمري مدير جامعة الملك سعود وسعد الزهراني مدير جامعة الملك عبدالعزيز.\n"
            "وقال مدير الجامعة إن الإنجاز يعكس الجهود الكبيرة.")
    sp = speaker_of(full_quotes(text), "الجهود الكبيرة")
    assert sp.name is None


def test_quote_after_a_long_phrase_and_a_colon_goes_with_the_verb(full_quotes, speaker_of):
    text = ("وقال سامي الخطيب في مؤتمر صحافي عقده في المدينة التي وصلها أمس في مستهل جولة تشمل ثلاث دول "
            "والتي تعد أول جولة خارجية له منذ توليه منصبه في بداية العام الجاري بعد الانتخابات الأخيرة التي "
            "شهدتها البلاد إن: «أمن كل بلد في هذا الإقليم مرتبط بأمن جيرانه، والخطر على أحدنا خطر على الجميع».")
    sp = speaker_of(full_quotes(text), "خطر على الجميع")
    assert sp.name == "سامي الخطيب"


def test_quote_a_few_words_after_a_participle(full_quotes, speaker_of):
    text = ("انتقد الشيخ سامي الخطيب تأخر الإسعاف قائلا على صفحته في تويتر “للأسف لم يكن الإسعاف على مستوى "
            "المسؤولية المطلوبة”.")
    sp = speaker_of(full_quotes(text), "للأسف")
    assert sp.name == "سامي الخطيب"


def test_between_is_no_speech_verb_before_a_quote(full_quotes):
    text = "وتوزعت المبادرات بين دورات تدريب قصيرة كدورة \"الصيانة في ورش السيارات الصغيرة\" وغيرها."
    qs = full_quotes(text)
    assert all(q.speaker is None for q in qs)


def test_body_name_goes_on_over_a_joined_noun(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("وقالت وزارة الشؤون الإسلامية والأوقاف إن المساجد جاهزة لاستقبال المصلين."), "المساجد")
    assert sp.name == "وزارة الشؤون الإسلامية والأوقاف"


def test_two_bodies_joined_stay_apart(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("وقالت وزارة الداخلية والهيئة إن المساجد جاهزة لاستقبال المصلين."), "المساجد")
    assert sp.name == "وزارة الداخلية"


def test_quantity_with_an_adjective_keeps_its_group(full_quotes, speaker_of):
    sp = speaker_of(full_quotes("وقال عدد كبير من السكان إن المياه مقطوعة منذ أيام."), "المياه")
    assert sp.text == "عدد كبير من السكان"


def test_plural_verb_after_a_quantity_opening_the_sentence(full_quotes, speaker_of):
    text = "تداول عدد كبير من المغردين صورة الرجل وقد أكدوا أنه المسؤول عن الحادث."
    sp = speaker_of(full_quotes(text), "المسؤول عن الحادث")
    assert sp.text == "عدد كبير من المغردين"


def test_first_of_two_joined_subjects_before_a_plural_verb(full_quotes, speaker_of):
    text = ("وأدى تراجع الأسعار إلى خفض الميزانية لكن الرئيس فلاديمير بوتين ووزراء حكومته قالوا إن ذلك لن يؤثر في "
            "خطط التسلح.")
    sp = speaker_of(full_quotes(text), "لن يؤثر")
    assert sp.name == "فلاديمير بوتين"


def test_impersonal_verb_before_a_titled_list_gives_no_speaker(full_quotes):
    text = "يذكر أن اسم الممثلة أدرج على قائمة “أجمل مئة وجه في العالم هذا العام” التي تصدرها المجلة."
    qs = full_quotes(text)
    assert all(q.speaker is None for q in qs)


def test_recently_after_the_verb_is_no_subject(full_quotes, speaker_of):
    text = "وأفادت مؤخرا مؤسسة «نوفا للأبحاث» المختصة بالتقنية أن ثلث المشترين توقفوا عن استخدام الأجهزة."
    sp = speaker_of(full_quotes(text), "ثلث المشترين")
    assert sp is not None and "نوفا للأبحاث" in sp.name


def test_his_highness_is_the_prince_not_the_king_he_thanked(full_quotes, speaker_of):
    text = ("ترأس الأمير فيصل بن خالد اجتماع المجلس أمس.\n"
            "وفي مستهل الجلسة توجه بالشكر إلى الملك سلمان على رعايته الدائمة، "
            "وقال سموه: \"إن المشروع الجديد خطوة مهمة للمنطقة\".")
    sp = speaker_of(full_quotes(text), "خطوة مهمة")
    assert sp is not None and sp.name.startswith("فيصل بن خالد")


def test_far_verb_past_a_participle_between_commas(full_quotes, speaker_of):
    text = ("وقال أحد العاملين في جمارك الميناء، طالبا عدم كشف هويته، إن «الميناء متوقف عن العمل منذ أيام "
            "طويلة».")
    sp = speaker_of(full_quotes(text), "متوقف")
    assert sp is not None and sp.text == "أحد العاملين"


def test_near_verb_with_its_object_before_a_quote_gives_no_speaker(full_quotes):
    qs = full_quotes("وأكد سيطرة القوات الحكومية «على مبنى المحافظة في البلدة بعد مواجهات استمرت يومين».")
    assert all(q.speaker is None or "سيطرة" not in q.speaker.text for q in qs)
