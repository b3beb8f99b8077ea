"""Quote classes of the second round: a word of time between the subject and a noun-phrase content (أفاد المصدر
الاثنين بمقتل ...), and حذر من with a noun phrase, past the body of an unnamed source (حذر مسؤول من الوزارة من ...).
Team-written sentences, positive and negative, exact spans and speakers."""





def test_time_word_between_subject_and_noun_content(rule_quotes):
    (q,) = rule_quotes("أفاد المصدر الاثنين بمقتل ثلاثة جنود في الهجوم.")
    assert q.text == "بمقتل ثلاثة جنود في الهجوم"
    assert q.speaker.text == "المصدر" and q.cue.text == "أفاد"


def test_yesterday_is_no_construct_head(rule_quotes):
    (q,) = rule_quotes("وأفادت وزارة الداخلية أمس بسقوط قذيفة على الحي.")
    assert q.text == "بسقوط قذيفة على الحي"
    assert q.speaker.text == "وزارة الداخلية" and q.speaker.kind == "organisation"


def test_time_word_right_after_the_verb_gives_no_subject(rule_quotes):
    assert rule_quotes("أعلن اليوم بدء العملية في المدينة.") == []


def test_time_word_without_speech_verb(rule_quotes):
    assert rule_quotes("زار الوزير أمس مقر القيادة.") == []


def test_warned_of_a_noun_phrase(rule_quotes):
    (q,) = rule_quotes("وحذر الوزير من تدهور الأوضاع الإنسانية في المدينة.")
    assert q.text == "تدهور الأوضاع الإنسانية في المدينة"
    assert q.speaker.text == "الوزير"


def test_warned_past_the_body_of_an_unnamed_source(rule_quotes):
    (q,) = rule_quotes("وحذر مسؤول من الوزارة من انهيار الهدنة في المدينة.")
    assert q.text == "انهيار الهدنة في المدينة"
    assert q.speaker.text == "مسؤول من الوزارة"


def test_warned_past_the_body_then_a_clause(rule_quotes):
    (q,) = rule_quotes("وحذر مصدر من الجيش من أن الوضع خطير.")
    assert q.text == "الوضع خطير"
    assert q.speaker.text == "مصدر من الجيش"


def test_content_noun_after_min_is_no_body(rule_quotes):
    (q,) = rule_quotes("وحذر مسؤول من انهيار الهدنة في المدينة من جديد.")
    assert q.text.startswith("انهيار الهدنة")
    assert q.speaker.text == "مسؤول"


def test_body_of_a_source_with_say_is_unchanged(rule_quotes):
    (q,) = rule_quotes("وقال مسؤول من الوزارة إن الوضع مستقر.")
    assert q.text == "الوضع مستقر"
    assert q.speaker.text == "مسؤول من الوزارة"


def test_negated_warning_states_nothing(rule_quotes):
    assert rule_quotes("ولم يحذر الوزير من تدهور الأوضاع.") == []


def test_body_after_an_adjective_of_the_source(rule_quotes):
    (q,) = rule_quotes("وحذر مصدر طبي من داخل المستشفى من أن المخزون يكفي أياما.")
    assert q.text == "المخزون يكفي أياما"
    assert q.speaker.text == "مصدر طبي من داخل المستشفى"


def test_bare_noun_after_min_is_the_content(rule_quotes):
    (q,) = rule_quotes("وحذر مسؤول أمني من تدهور الوضع في المدينة من جديد.")
    assert q.text.startswith("تدهور الوضع")
    assert q.speaker.text == "مسؤول أمني"


def test_declared_truce_is_the_content(rule_quotes):
    (q,) = rule_quotes("أعلن الجيش هدنة لمدة ثلاثة أيام في المدينة.")
    assert q.text == "هدنة لمدة ثلاثة أيام في المدينة"
    assert q.speaker.text == "الجيش"


def test_declared_ceasefire(rule_quotes):
    (q,) = rule_quotes("وأعلن التحالف وقف إطلاق النار في اليمن.")
    assert q.text == "وقف إطلاق النار في اليمن"
    assert q.speaker.text == "التحالف"


def test_declared_state_of_emergency_is_an_act(rule_quotes):
    assert rule_quotes("وأعلنت الحكومة حالة الطوارئ في البلاد.") == []


def test_declared_noun_after_a_negation_states_nothing(rule_quotes):
    assert rule_quotes("ولم تعلن الحكومة هدنة في المدينة.") == []


def test_declaration_noun_without_speech_verb(rule_quotes):
    assert rule_quotes("وفرضت السلطات حظر التجول في المدينة.") == []
