"""Who speaks (round 9 classes, general news): a body named inside what was said, a paper given with بحسب
after the speaker, the agency told after a role, إمام after an honorific, a paper in brackets, a name after
a long role. Team-written sentences."""


def test_participle_goes_with_the_speaker_not_a_body_named_in_the_content(full_quotes, speaker_of):
    text = ("كشف مدير الجامعة الدكتور سالم الحربي أنه تم قبول ألف طالب.\n"
            "وأكد عدم وجود خلل في النظام بعد ربطه بنظامي المركز الوطني للقياس والتقويم، مشيرا إلى أنه لم يعد "
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
    qs = full_quotes("وأخلى السكان ألف منزل بحسب ما قال متحدث باسم جهاز الدفاع المدني لوكالة فرانس برس.")
    sp = speaker_of(qs, "ألف منزل")
    assert sp.text.startswith("متحدث باسم جهاز الدفاع المدني")
    assert "فرانس" not in sp.text


def test_imam_after_an_honorific_is_part_of_the_role(full_quotes, speaker_of):
    text = ("أكد فضيلة إمام وخطيب المسجد النبوي الشيخ الدكتور صالح البدير أن الإرهاب مرفوض.\n"
            "وقال في خطبة الجمعة: إن الأمة صف واحد.")
    qs = full_quotes(text)
    assert speaker_of(qs, "الإرهاب مرفوض").name == "صالح البدير"
    assert speaker_of(qs, "صف واحد").name == "صالح البدير"


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
    text = ("وقال مهرجان الرياض السينمائي الدولي في بيان الأحد الماضي إن تكريم الفنان سيقام في نوفمبر "
            "بحضور «عدد من الفنانين الذين عملوا معه طويلا».")
    qs = full_quotes(text)
    assert speaker_of(qs, "تكريم الفنان").text == "مهرجان الرياض السينمائي الدولي"
    assert speaker_of(qs, "عملوا معه").text == "مهرجان الرياض السينمائي الدولي"


def test_describing_verb_with_the_paper_first(full_quotes, speaker_of):
    text = ('يصف لـ"الحياة" عبد الرحمن الحقباني (ابن أخت الفنان سعود الدوسري رحمه الله)، الفقيد بأنه كان '
            'هادئا، مضيفا: "كان يقول لنا إنه متعب".')
    qs = full_quotes(text)
    assert speaker_of(qs, "كان هادئا").name == "عبد الرحمن الحقباني"
    assert speaker_of(qs, "إنه متعب").name == "عبد الرحمن الحقباني"


def test_a_first_name_then_bil_qawl(full_quotes, speaker_of):
    text = ("تلقت المهندسة نيلوفار رحماني تهديدات بالقتل.\nوقالت بعثة الأمم المتحدة إن الوضع خطير.\n"
            "وعلقت نيلوفار بالقول: لقد كان ذلك حلمي.")
    assert speaker_of(full_quotes(text), "حلمي").text == "نيلوفار"


def test_indefinite_plural_of_a_person_noun_on_ba(full_quotes, speaker_of):
    text = "قال باحثون في الولايات المتحدة يسعون إلى ابتكار لقاح إنهم حققوا نجاحا.\nوقالوا إن النتائج مبشرة."
    qs = full_quotes(text)
    assert speaker_of(qs, "حققوا نجاحا").text == "باحثون"
    assert speaker_of(qs, "النتائج مبشرة").text == "باحثون"


def test_family_name_after_a_name_ending_on_a_given_name(full_quotes, speaker_of):
    text = ('وقال حمد عبدالمحسن المرزوق رئيس مجلس إدارة الشركة، "نأمل أن ننجح في السوق الجديدة".\n'
            "وقال المرزوق إن الأرباح زادت.")
    assert speaker_of(full_quotes(text), "نأمل").name == "حمد عبدالمحسن المرزوق"


def test_bayyana_after_min_jihatihi(full_quotes, speaker_of):
    text = "وزار الأمير المنطقة.\nمن جهته بين مدير عام الهيئة المهندس محمد العمري أن الحافلة تنقل الزوار."
    assert speaker_of(full_quotes(text), "الحافلة").name == "محمد العمري"


def test_bayna_as_a_preposition_is_no_cue(full_quotes):
    assert not full_quotes("وتوزعت المساعدات بين القرى المتضررة أن تصل قريبا.")


def test_role_with_a_body_in_quotes_then_an_honorific_and_the_name(full_quotes, speaker_of):
    text = ("من جانبه بيّن المشرف العام على البرنامج الوطني للحرف «حرفة» الدكتور سالم القحطاني، أن السوق "
            "يقدم جوائز كثيرة.")
    assert speaker_of(full_quotes(text), "جوائز").name == "سالم القحطاني"


def test_one_of_a_group_then_the_name(full_quotes, speaker_of):
    text = ("وقال نائب رئيس الجمعية عبدالله الفهد إن المخيم ناجح.\n"
            "بدوره بين أحد المشرفين على تنفيذ المعرض في القرية ماجد النزال، أن اللوحة تشمل رسائل السلام.")
    assert speaker_of(full_quotes(text), "رسائل السلام").name == "ماجد النزال"


def test_a_closing_mark_after_a_word_opens_no_quotation(full_quotes, speaker_of):
    # the first mark is never closed: the later verbs must still be read
    text = ('وقال الأمير "إن المنطقة آمنة للزوار. وتحدث عن المقومات السياحية، وقال "مرحبا بكل زائر في هذه المنطقة الجميلة" . '
            "وأوضح الأمير أن المنطقة تمتاز بطبيعتها، وأضاف أن الصيف سيشهد تنظيما أفضل.")
    qs = full_quotes(text)
    assert speaker_of(qs, "مرحبا بكل زائر").text == "الأمير"
    assert speaker_of(qs, "تمتاز بطبيعتها").text == "الأمير"
    assert speaker_of(qs, "تنظيما أفضل").text == "الأمير"


def test_unclosed_mark_after_the_subject_opens_the_content(full_quotes, speaker_of):
    text = ('وقال المحامي فهد السالم في حديث خاص "الصيغة الحالية للائحة لا تجيز العقوبة، مبينا "مهما بدر من '
            'اللاعبين فإن اللجنة لا يحق لها".')
    qs = full_quotes(text)
    assert speaker_of(qs, "الصيغة الحالية").name == "فهد السالم"
    assert speaker_of(qs, "مهما بدر").name == "فهد السالم"


def test_bayyana_with_its_shadda_or_before_anna(full_quotes, speaker_of):
    qs = full_quotes("وقال المدير خالد العمر إن المعرض ناجح، وبيّن أنه لاحظ الجهد الكبير.")
    assert speaker_of(qs, "لاحظ الجهد").name == "خالد العمر"
    qs = full_quotes("وقال المدير خالد العمر إن المعرض ناجح، وبين أن الزوار كثيرون.")
    assert speaker_of(qs, "الزوار كثيرون").name == "خالد العمر"


def test_bayna_between_two_is_no_verb(full_quotes):
    qs = full_quotes("ورحب الوزير بتعاون بينه وبين وزير الإسكان لتأخذ التغريدة أبعادا يرسمها المغردون بأنها مفيدة.")
    assert not any(q.cue is not None and q.cue.text == "بين" for q in qs)


def test_coordinated_verb_after_a_quote_goes_on_with_its_speaker(full_quotes, speaker_of):
    text = ("وشاركت الدولة في الاجتماع الذي حضره الرئيس الأميركي باراك أوباما.\n"
            "وقال مصدر رفيع في وزارة الخارجية إن مسؤولين فيها تحدثوا إلى الجانبين، وبين أن وفدا التقى زعيم "
            "المعارضة.\nوأضاف: أن الوزير سيصل الخرطوم قريبا.")
    qs = full_quotes(text)
    assert speaker_of(qs, "وفدا التقى").text.startswith("مصدر رفيع")
    assert speaker_of(qs, "سيصل الخرطوم").text.startswith("مصدر رفيع")


def test_participle_with_an_aside_before_its_content(full_quotes, speaker_of):
    qs = full_quotes("وأشاد وزير النقل سليمان الحمدان بالجهود، لافتاً في الختام إلى أن المشروع سينجز قريبا.")
    assert speaker_of(qs, "سينجز").name == "سليمان الحمدان"
