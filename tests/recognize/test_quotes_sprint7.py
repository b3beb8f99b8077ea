"""Who speaks (sprint 7 classes): a particle before a fronted verb is no part of its subject, a feminine
verb after a plural of things, reports described by adjectives, plain unnamed people and diplomats, a
long role between كان and its verb.  Team-written sentences, one per behaviour."""





def test_particle_before_the_verb_is_not_part_of_the_subject(rule_quotes):
    (q,) = rule_quotes("وكانت مصادر عسكرية في تعز قد أفادت أن قوة كبيرة تحركت نحو المطار.")
    assert q.speaker.text == "مصادر عسكرية في تعز"


def test_feminine_verb_after_a_plural_of_things(rule_quotes):
    qs = rule_quotes("قال وزير الداخلية أحمد سالم إن الشرطة اعتقلت خمسة أشخاص. وقالت مصادر أمنية إن العملية "
                 "مستمرة. وأوضحت أن المعتقلين سيحالون إلى القضاء.")
    assert qs[-1].speaker.text == "مصادر أمنية"


def test_masculine_verb_after_sources_is_still_one_man(rule_quotes):
    qs = rule_quotes("قال وزير الداخلية أحمد سالم إن الشرطة اعتقلت خمسة أشخاص. وقالت مصادر أمنية إن العملية "
                 "مستمرة. وأضاف الوزير أن المعتقلين سيحالون إلى القضاء.")
    assert qs[-1].speaker.name != "مصادر أمنية"


def test_reports_with_adjectives_speak(rule_quotes):
    qs = rule_quotes("وقال أحمد سالم إن الوضع هادئ. وقالت تقارير إعلامية محلية إن الاشتباكات قريبة من القرية.")
    assert qs[-1].speaker.text == "تقارير إعلامية محلية"


def test_a_plain_man_speaks(rule_quotes):
    qs = rule_quotes("وقال أحمد سالم إن الوضع هادئ. وقال رجل كان يقف أمام المبنى إن كل شيء انتهى بسرعة.")
    assert qs[-1].speaker.text == "رجل"


def test_a_man_of_business_keeps_his_name(rule_quotes):
    (q,) = rule_quotes("وقال رجل الأعمال محمد سالم إن السوق مستقر.")
    assert q.speaker.name == "محمد سالم"


def test_an_unnamed_diplomat_after_a_first_verb(rule_quotes):
    qs = rule_quotes("وأفادت الشرطة بأن أربعة مشتبهين أوقفوا. وانتقد دبلوماسي أوروبي بارز في تغريدة "
                 "موجة العنف وأضاف أنه \"لا علاقة\" بين التفجيرات والمفاوضات.")
    assert qs[-1].speaker.text == "دبلوماسي أوروبي بارز"


def test_long_role_between_kana_and_its_verb(rule_quotes):
    qs = rule_quotes("وقال المحافظ إن الطريق مغلق. وكان رئيس مجلس بلدية المدينة في محافظة حمص الشمالية سامر "
                 "الخطيب أعلن مقتل قائد الكتيبة في غارة جوية.")
    assert qs[-1].speaker.name == "سامر الخطيب"


def test_a_given_name_alone_is_not_the_father_of_someone_named(rule_quotes):
    qs = rule_quotes("وأكد الملك سلمان بن عبدالعزيز أن بلاده ستواصل مساندة الأشقاء. وفي عام 1926 دعا الملك عبدالعزيز "
                 "إلى عقد مؤتمر إسلامي.")
    assert qs[-1].speaker.name == "عبدالعزيز"


def test_two_names_are_not_the_son_named_after_his_father(rule_quotes):
    qs = rule_quotes("وقال عواد بن فهد السالم إن الوضع هادئ. من جانبه قدم رئيس اللجنة المحامي فهد السالم التهنئة "
                 "للقيادة بمناسبة العيد, وأكد أن اللجنة تعمل لخدمة الأهالي.")
    assert qs[-1].speaker.name == "فهد السالم"


def test_first_verb_subject_after_min_janibihi(rule_quotes):
    qs = rule_quotes("وقال أحمد سالم إن الوضع هادئ. من جانبه قدم رئيس لجنة التنمية الاجتماعية بالقرية المحامي فهد "
                 "السالم التهنئة للقيادة بمناسبة العيد، وأكد أن اللجنة تعمل لخدمة الأهالي.")
    assert qs[-1].speaker.name == "فهد السالم"


def test_topic_preposition_ends_the_speaker(rule_quotes):
    (q,) = rule_quotes("صرح المتحدث الرسمي لوزارة الصحة بخصوص نتائج التحقيقات أن اللجنة أنهت عملها.")
    assert q.speaker.text == "المتحدث الرسمي لوزارة الصحة"


def test_given_name_after_a_plain_definite_role_the_entities_missed(rule_quotes):
    (q,) = rule_quotes('يقول الخطاط ماجد القحطاني لـ"الوطن": "بدأت هذه الحرفة وأنا صغير".')
    assert q.speaker.name == "ماجد القحطاني"


def test_a_definite_body_stays_a_body(rule_quotes):
    (q,) = rule_quotes("وقال المجلس الأعلى إن القرار نهائي.")
    assert q.speaker.text == "المجلس الأعلى"
