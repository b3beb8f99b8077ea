"""Speakers of general news (sprint 7b): the paper spoken to written in ”…”, a statement named again
(البيان) speaking for the body that issued it, and plural unnamed sources (آخرون، مختصون)."""


def _speaker_of(quotes, start_words):
    q = next(q for q in quotes if q.text.startswith(start_words))
    return q.speaker


def test_paper_in_closing_marks_then_subject(rule_quotes):
    quotes = rule_quotes("وقال لـ”الصحيفة” مدير المصنع سامر الحداد إن الإنتاج سيتضاعف هذا العام.")
    sp = _speaker_of(quotes, "الإنتاج")
    assert sp is not None and sp.name == "سامر الحداد"


def test_statement_speaks_for_its_issuer(rule_quotes):
    text = ("وأكدت وزارة الزراعة في بيانها أن المحصول وفير. "
            "وأضاف البيان أن التصدير سيبدأ الشهر المقبل.")
    sp = _speaker_of(rule_quotes(text), "التصدير")
    assert sp is not None and sp.text == "البيان" and sp.name == "وزارة الزراعة"


def test_text_of_statement_is_the_statement(rule_quotes):
    text = ("وأوضحت وزارة الزراعة في بيانها أن المحصول وفير. "
            "وجاء في نص البيان أن التصدير سيبدأ الشهر المقبل.")
    sp = _speaker_of(rule_quotes(text), "التصدير")
    assert sp is not None and sp.text == "البيان" and sp.name == "وزارة الزراعة"


def test_statement_without_issuer_stays_itself(rule_quotes):
    sp = _speaker_of(rule_quotes("وقال البيان إن التصدير سيبدأ الشهر المقبل."), "التصدير")
    assert sp is not None and sp.name == "البيان"


def test_others_are_their_own_speaker(rule_quotes):
    text = "وقال المدير إن الشركة رابحة. ويرى آخرون أن الشركة خاسرة."
    quotes = rule_quotes(text)
    assert _speaker_of(quotes, "الشركة رابحة").text == "المدير"
    assert _speaker_of(quotes, "الشركة خاسرة").text == "آخرون"


def test_specialists_plural_source(rule_quotes):
    text = "وقال المدير إن الشركة رابحة. ويؤكد مختصون أن السوق متقلب."
    assert _speaker_of(rule_quotes(text), "السوق").text == "مختصون"


def test_time_after_paper_spoken_to(rule_quotes):
    text = "وأكد لـ«الصحيفة» صباح اليوم الخميس سامر الحداد مدير المصنع، بأن الإنتاج سيتضاعف."
    sp = _speaker_of(rule_quotes(text), "الإنتاج")
    assert sp is not None and sp.name == "سامر الحداد"


def test_day_part_alone_is_not_skipped(rule_quotes):
    text = "وقال مساء أمس وزير المالية سامر الحداد إن الميزانية متوازنة."
    sp = _speaker_of(rule_quotes(text), "الميزانية")
    assert sp is not None and sp.name == "سامر الحداد"


def test_own_words_after_comma(rule_quotes):
    text = "وقال المهندس سامر الحداد، نحن ماضون في تنفيذ الخطة حتى نهايتها."
    quotes = rule_quotes(text)
    assert len(quotes) == 1 and quotes[0].text.startswith("نحن ماضون")
    assert quotes[0].speaker.name == "سامر الحداد"


def test_comma_without_opener_is_no_quote(rule_quotes):
    assert rule_quotes("وقال المهندس سامر الحداد، مدير المصنع، في الحفل كلمة قصيرة.") == []


def test_demonstrative_object_before_subject(rule_quotes):
    text = "أوضح ذلك مدير المعرض الدكتور سامر الحداد، مضيفا أن الزوار تجاوزوا الألف."
    sp = _speaker_of(rule_quotes(text), "الزوار")
    assert sp is not None and sp.name == "سامر الحداد"


def test_demonstrative_with_definite_noun_is_not_skipped(rule_quotes):
    text = "أعلن هذا المعرض جوائزه. وقال المدير إن الزوار تجاوزوا الألف."
    sp = _speaker_of(rule_quotes(text), "الزوار")
    assert sp is not None and sp.text == "المدير"


def test_fronted_plural_source_speaks(rule_quotes):
    text = "وقال المدير إن الخطة ناجحة. والمحللون يرون أن الخطة تحتاج إلى وقت."
    sp = _speaker_of(rule_quotes(text), "الخطة تحتاج")
    assert sp is not None and sp.text == "المحللون"


def test_fronted_some_of_them_speaks(rule_quotes):
    text = "وقال المدير إن الخطة ناجحة. بعضهم يرى أن الخطة تحتاج إلى وقت."
    sp = _speaker_of(rule_quotes(text), "الخطة تحتاج")
    assert sp is not None and sp.text == "بعضهم"


def test_name_that_looks_like_a_time_word():
    import rasd

    doc = rasd.extract("وقال صباح الخالد وزير الخارجية إن الكويت تدعم الحل السياسي.")
    sp = _speaker_of(doc.quotes, "الكويت")
    assert sp is not None and sp.name == "صباح الخالد"
