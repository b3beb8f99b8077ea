"""Who speaks (round 9 classes, general news): a body named inside what was said, a paper given with بحسب
after the speaker, the agency told after a role, إمام after an honorific, a paper in brackets, a name after
a long role. Team-written sentences."""


def test_participle_goes_with_the_speaker_not_a_body_named_in_the_content(full_quotes, speaker_of):
    text = ("كشف مدير الجامعة الدكتور سالم الحربي أنه تم قبول ألف طالب.\n"
            "ونفى حدوث أي خلل في المنصة بعد ربطها بقواعد بيانات وزارة التعليم، مشيرا إلى أنه لم تعد "
            "هناك حاجة للورق.\nوأضاف: «ألغينا التعامل الورقي».")
    qs = full_quotes(text)
    assert speaker_of(qs, "حاجة للورق").name == "سالم الحربي"
    assert speaker_of(qs, "ألغينا").name == "سالم الحربي"


def test_paper_after_the_speaker_with_bihasab(full_quotes, speaker_of):
    text = ("وقال المتحدث باسم البلدية فهد العتيبي إن الحديقة ستفتح.\n"
            "وقال العتيبي بحسب صحيفة الحياة إن العمل بدأ أمس.\nوبين أن اللجنة ستجتمع غدا.")
    qs = full_quotes(text)
    assert speaker_of(qs, "العمل بدأ").name == "فهد العتيبي"
    assert speaker_of(qs, "اللجنة ستجتمع").name == "فهد العتيبي"


def test_agency_told_is_not_the_name_closing_a_role(full_quotes, speaker_of):
    qs = full_quotes("وأخلت الفرق ألف منزل بحسب ما صرح متحدث باسم فرق الإنقاذ لوكالة فرانس برس.")
    sp = speaker_of(qs, "ألف منزل")
    assert sp.text.startswith("متحدث باسم فرق الإنقاذ")
    assert "فرانس" not in sp.text


def test_imam_after_an_honorific_is_part_of_the_role(full_quotes, speaker_of):
    text = ("أكد فضيلة إمام وخطيب جامع المدينة الكبير الشيخ الدكتور خالد السالم أن العنف مرفوض.\n"
            "وقال في خطبة الجمعة: إن الأمة صف واحد.")
    qs = full_quotes(text)
    assert speaker_of(qs, "العنف مرفوض").name == "خالد السالم"
    assert speaker_of(qs, "صف واحد").name == "خالد السالم"


def test_paper_in_brackets_before_the_subject(full_quotes, speaker_of):
    qs = full_quotes("كشف لـ(الوطن) مدير التعليم بالمنطقة الدكتور ناصر الشهري، أنه تم تعيين مئة معلم.")
    assert speaker_of(qs, "مئة معلم").name == "ناصر الشهري"


def test_given_and_family_name_after_a_long_role(full_quotes, speaker_of):
    text = ("أوضح ل«الحياة» المتحدث الرسمي لوزارة الصحة تيسير المنصور أنه لا صحة لإيقاف التطعيم.\n"
            "وبيّن المنصور أن الحملة مستمرة.")
    sp = speaker_of(full_quotes(text), "لإيقاف التطعيم")
    assert sp.name == "تيسير المنصور"
    assert sp.role.startswith("المتحدث الرسمي")


def test_role_ending_on_a_plain_noun_phrase_keeps_its_words(full_quotes, speaker_of):
    # no family name that comes again, no known given name: the role stays the speaker
    sp = speaker_of(full_quotes("وقال مدير عام الشؤون الصحية إن المستشفى سيفتح قريبا."), "المستشفى")
    assert sp is not None and sp.text.startswith("مدير عام")


def test_body_speaking_before_a_day_and_its_adjective(full_quotes, speaker_of):
    text = ("وقال مهرجان الدوحة المسرحي في بيان الأحد الماضي إن تكريم الكاتب سيقام في ديسمبر "
            "بحضور «عدد من الأدباء الذين رافقوه سنوات».")
    qs = full_quotes(text)
    assert speaker_of(qs, "تكريم الكاتب").text == "مهرجان الدوحة المسرحي"
    assert speaker_of(qs, "رافقوه سنوات").text == "مهرجان الدوحة المسرحي"


def test_describing_verb_with_the_paper_first(full_quotes, speaker_of):
    text = ('يصف لـ"الوطن" عبد الله الراشد (ابن عم الشاعر الراحل رحمه الله)، المرحوم بأنه كان '
            'كريما، مضيفا: "كان يساعد كل من يطلب العون".')
    qs = full_quotes(text)
    assert speaker_of(qs, "كان كريما").name == "عبد الله الراشد"
    assert speaker_of(qs, "يساعد كل").name == "عبد الله الراشد"


def test_a_first_name_then_bil_qawl(full_quotes, speaker_of):
    text = ("تلقت المهندسة سلمى رحيمي تهديدات بالقتل.\nوقالت بعثة الأمم المتحدة إن الوضع خطير.\n"
            "وعلقت سلمى بالقول: هذا ما حلمت به دائما.")
    assert speaker_of(full_quotes(text), "حلمت به").text == "سلمى"


def test_indefinite_plural_of_a_person_noun_on_ba(full_quotes, speaker_of):
    text = "قال باحثون في جامعة أسترالية يعملون على تطوير دواء إنهم حققوا تقدما.\nوقالوا إن النتائج مشجعة."
    qs = full_quotes(text)
    assert speaker_of(qs, "حققوا تقدما").text == "باحثون"
    assert speaker_of(qs, "النتائج مشجعة").text == "باحثون"


def test_family_name_after_a_name_ending_on_a_given_name(full_quotes, speaker_of):
    text = ('وقال سعد عبدالمحسن الفالح رئيس مجلس إدارة المصنع، "نأمل أن نتوسع في الأسواق الجديدة".\n'
            "وقال الفالح إن الأرباح زادت.")
    assert speaker_of(full_quotes(text), "نأمل").name == "سعد عبدالمحسن الفالح"


def test_bayyana_after_min_jihatihi(full_quotes, speaker_of):
    text = "وزار الأمير المنطقة.\nمن جهته بين رئيس البلدية المهندس محمد العمري أن الحافلة تنقل الزوار."
    assert speaker_of(full_quotes(text), "الحافلة").name == "محمد العمري"


def test_bayna_as_a_preposition_is_no_cue(full_quotes):
    assert not full_quotes("وتوزعت المساعدات بين القرى المتضررة أن تصل قريبا.")


def test_role_with_a_body_in_quotes_then_an_honorific_and_the_name(full_quotes, speaker_of):
    text = ("من جانبه بيّن المدير التنفيذي لمبادرة «نماء» الدكتور سالم القحطاني، أن المبادرة "
            "تقدم منحا كثيرة.")
    assert speaker_of(full_quotes(text), "منحا").name == "سالم القحطاني"


def test_one_of_a_group_then_the_name(full_quotes, speaker_of):
    text = ("وقال نائب رئيس الجمعية عبدالله الفهد إن المخيم ناجح.\n"
            "بدوره بين أحد المنظمين للمهرجان في البلدة سامي الحربي، أن المعرض يضم رسائل السلام.")
    assert speaker_of(full_quotes(text), "رسائل السلام").name == "سامي الحربي"


def test_a_closing_mark_after_a_word_opens_no_quotation(full_quotes, speaker_of):
    # the first mark is never closed: the later verbs must still be read
    text = ('وقال الأمير "إن المنطقة آمنة للزوار. وتحدث عن المقومات السياحية، وقال "مرحبا بكل زائر في هذه المنطقة الجميلة" . '
            "وأوضح الأمير أن المنطقة تمتاز بطبيعتها، وأضاف أن الصيف سيشهد تنظيما أفضل.")
    qs = full_quotes(text)
    assert speaker_of(qs, "مرحبا بكل زائر").text == "الأمير"
    assert speaker_of(qs, "تمتاز بطبيعتها").text == "الأمير"
    assert speaker_of(qs, "تنظيما أفضل").text == "الأمير"


def test_unclosed_mark_after_the_subject_opens_the_content(full_quotes, speaker_of):
    text = ('وقال المحامي فهد السالم في حديث خاص "النظام الحالي لا يسمح بالغرامة، مبينا "مهما حدث من '
            'اللاعبين فإن الاتحاد لا يملك ذلك".')
    qs = full_quotes(text)
    assert speaker_of(qs, "النظام الحالي").name == "فهد السالم"
    assert speaker_of(qs, "مهما حدث").name == "فهد السالم"


def test_bayyana_with_its_shadda_or_before_anna(full_quotes, speaker_of):
    qs = full_quotes("وقال المدير خالد العمر إن المعرض ناجح، وبيّن أنه لاحظ الجهد الكبير.")
    assert speaker_of(qs, "لاحظ الجهد").name == "خالد العمر"
    qs = full_quotes("وقال المدير خالد العمر إن المعرض ناجح، وبين أن الزوار كثيرون.")
    assert speaker_of(qs, "الزوار كثيرون").name == "خالد العمر"


def test_bayna_between_two_is_no_verb(full_quotes):
    qs = full_quotes("وأشاد المدير بشراكة بينه وبين وزير الصحة لتصبح المبادرة نموذجا يصفه المتابعون بأنه ناجح.")
    assert not any(q.cue is not None and q.cue.text == "بين" for q in qs)


def test_coordinated_verb_after_a_quote_goes_on_with_its_speaker(full_quotes, speaker_of):
    text = ("وشاركت الدولة في الاجتماع الذي حضره الرئيس الأميركي باراك أوباما.\n"
            "وقال مصدر رفيع في الخارجية إن موظفين فيها اتصلوا بالطرفين، وبين أن وفدا التقى زعيم "
            "المعارضة.\nوأضاف: أن الوزير سيصل الخرطوم قريبا.")
    qs = full_quotes(text)
    assert speaker_of(qs, "وفدا التقى").text.startswith("مصدر رفيع")
    assert speaker_of(qs, "سيصل الخرطوم").text.startswith("مصدر رفيع")


def test_participle_with_an_aside_before_its_content(full_quotes, speaker_of):
    qs = full_quotes("وأشاد وزير النقل سليمان الحمدان بالجهود، لافتاً في الختام إلى أن المشروع سينجز قريبا.")
    assert speaker_of(qs, "سينجز").name == "سليمان الحمدان"
