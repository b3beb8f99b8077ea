"""Quote classes the reader had missed: titles abbreviated with a point, verbal-noun content, subjects on a
clitic, bodies after a preposition.  Team-written sentences, exact spans and speakers."""





def test_abbreviated_title_does_not_end_the_subject(rule_quotes):
    text = "وقالت وكيلة الوزارة د. سارة المالكي إن البرنامج سيستمر حتى نهاية العام."
    (q,) = rule_quotes(text)
    assert q.text == "البرنامج سيستمر حتى نهاية العام"
    assert q.speaker.text == "سارة المالكي" and q.speaker.kind == "person"
    assert q.speaker.role == "وكيلة الوزارة"


def test_abbreviation_alone_before_the_name(rule_quotes):
    text = "وأوضح م. خالد السالم أن المشروع اكتمل في موعده."
    (q,) = rule_quotes(text)
    assert q.text == "المشروع اكتمل في موعده"
    assert q.speaker.text == "خالد السالم"


def test_era_mark_after_a_year_still_ends_the_sentence(rule_quotes):
    text = "وقال الوزير إن العمل بدأ في عام 2010 م. وأضاف أن المشروع اكتمل."
    quotes = rule_quotes(text)
    assert [q.text for q in quotes] == ["العمل بدأ في عام 2010 م", "المشروع اكتمل"]


def test_verbal_noun_of_war_news_opens_content(rule_quotes):
    text = "وأكد الناشط الميداني اختطاف عشرات المدنيين من القرية."
    (q,) = rule_quotes(text)
    assert q.text == "اختطاف عشرات المدنيين من القرية"
    assert q.speaker.text == "الناشط الميداني"


def test_announced_resumption(rule_quotes):
    text = "وأعلنت قيادة الجبهة الشمالية استئناف العمليات العسكرية في المنطقة."
    (q,) = rule_quotes(text)
    assert q.text.startswith("استئناف العمليات")
    assert q.speaker.text == "قيادة الجبهة الشمالية"


def test_verbal_noun_after_a_relative_is_no_quote(rule_quotes):
    assert rule_quotes("ومن المؤشرات التي تؤكد مواصلة الحملة تزايد عدد القوات.") == []


def test_wished_that(rule_quotes):
    text = "وتمنى المبعوث الدولي أن تنتهي الحرب قريبا."
    (q,) = rule_quotes(text)
    assert q.text == "تنتهي الحرب قريبا" and q.speaker.text == "المبعوث الدولي"


def test_participle_does_not_take_a_body_after_a_preposition(rule_quotes):
    text = ("وقال المتحدث هاني العمري إن القوات تقدمت. وأرجع التأخير إلى الألغام، وقد قامت الفرق بالجيش الوطني "
            "بواجبها، مبينا أن الخسائر كانت قليلة.")
    quotes = rule_quotes(text)
    assert quotes[-1].text == "الخسائر كانت قليلة"
    assert quotes[-1].speaker.name == "هاني العمري"


def test_name_on_a_clitic_letter_after_the_verb(rule_quotes):
    text = "وقال فورد إن الحل السياسي ما زال بعيدا."
    (q,) = rule_quotes(text)
    assert q.speaker.text == "فورد"


def test_verbal_noun_after_kama_is_still_content(rule_quotes):
    text = "وأعلنت الشرطة إحباط محاولة تسلل، كما أعلنت مقتل جميع المهاجمين."
    quotes = rule_quotes(text)
    assert [q.text for q in quotes] == ["إحباط محاولة تسلل", "مقتل جميع المهاجمين"]
    assert {q.speaker.text for q in quotes} == {"الشرطة"}


def test_participle_keeps_the_body_of_its_group_subject(rule_quotes):
    text = "ودعت قيادات في الحكومة اليمنية المنظمات الدولية إلى زيارة المدينة، مؤكدين أن الحكومة ستؤمن الرحلات."
    quotes = rule_quotes(text)
    assert quotes[-1].text == "الحكومة ستؤمن الرحلات"
    assert "الحكومة اليمنية" in quotes[-1].speaker.text


def test_reported_content_ends_where_a_quotation_opens_after_a_colon(rule_quotes):
    text = ("قال سامي فورد، السفير السابق في المنطقة إن النظام ضعيف ولا جدوى من التعاون معه وبين في مقابلة مع "
            "قناة أمريكية: «من وجهة نظري هذا الأمر غير وارد أبدا».")
    reported, direct = rule_quotes(text)
    assert reported.kind == "reported" and reported.text.startswith("النظام ضعيف")
    assert direct.kind == "direct" and direct.text == "من وجهة نظري هذا الأمر غير وارد أبدا"
    assert reported.speaker.name == direct.speaker.name == "سامي فورد"


def test_added_after_a_comma_goes_on_with_the_speaker(rule_quotes):
    text = "وقال الوزير: إن الخطة جاهزة، وأضاف: «سنبدأ التنفيذ غدا في كل المناطق»."
    quotes = rule_quotes(text)
    assert [q.speaker.text for q in quotes] == ["الوزير", "الوزير"]


def test_saying_as_a_verbal_noun(rule_quotes):
    (q,) = rule_quotes("ما دفع رئيس الحكومة سمير الخطيب للقول إن الهجوم عمل إرهابي.")
    assert q.text == "الهجوم عمل إرهابي" and q.speaker.name == "سمير الخطيب"
    (q,) = rule_quotes("واكتفى الوزير بالقول إن التحقيق مستمر.")
    assert q.text == "التحقيق مستمر" and q.speaker.text == "الوزير"


def test_fronted_subject_in_quotation_marks(rule_quotes):
    (q,) = rule_quotes("وكان «المرصد الوطني» أفاد بمقتل عشرة مسلحين.")
    assert q.speaker.text == "المرصد الوطني"


def test_subject_of_the_verb_before_a_speech_noun(rule_quotes):
    (q,) = rule_quotes("واستطرد تقرير اللجنة بالقول إن الشهود تعرضوا لضغوط.")
    assert q.speaker.text == "تقرير اللجنة" and q.speaker.kind == "document"
    (q,) = rule_quotes("يعود الباحث عبد الرحيم للقول إن المقصود تعطيل الانتخابات.")
    assert q.speaker.text == "عبد الرحيم"


def test_speech_noun_after_an_apposition_stays_with_the_named_person(rule_quotes):
    text = "وهو ما أكده أيضا سامر الحلبي، وزير الإعلام، بقوله إن «الخطة ستنفذ كاملة في موعدها المحدد»."
    quotes = rule_quotes(text)
    assert quotes[-1].speaker.name == "سامر الحلبي"
    (q,) = rule_quotes("بينما رد محللون اقتصاديون على قرار البنك بالقول إن أثره سيكون محدودا.")
    assert q.speaker.text == "محللون اقتصاديون"
