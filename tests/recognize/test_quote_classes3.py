"""Quote classes of the third round: calls and demands (دعا إلى، طالب بـ، ناشد، حث على، وصف بـ) with their object
before the content, participles with an object (لافتا الانتباه إلى أن، محذرا الحوثيين بأن), new cue words (لمح،
أصر على، ختم، على حد وصف), and subjects that are not what stands after the verb: a name in a prepositional phrase
before a joined verb, the outlet told (أبلغ «الصحيفة» مسؤول), a time phrase (الشركة العام الماضي), a name read as
أن (فان در كلاوو), an honorific and a surname (الدكتور العمري), a role over a preposition (الضابط في القيادة
العقيد فلان), a body's head named in a source's affiliation. Team-written sentences, exact spans and speakers."""


def test_call_with_its_content_after_ila(rule_quotes):
    (q,) = rule_quotes("ودعا وزير الخارجية خالد الحربي إلى تعزيز التعاون بين البلدين.")
    assert q.cue.text == "دعا" and q.text == "تعزيز التعاون بين البلدين"
    assert q.speaker.name == "خالد الحربي"


def test_demand_written_onto_bi_after_an_object_and_a_comma(rule_quotes):
    (q,) = rule_quotes("وطالب خالد الحربي أنصار الحزب، بالتظاهر السلمي وعدم الانجرار إلى العنف.")
    assert q.cue.text == "طالب" and q.text == "بالتظاهر السلمي وعدم الانجرار إلى العنف"
    assert q.speaker.name == "خالد الحربي"


def test_demand_of_a_body(rule_quotes):
    (q,) = rule_quotes("وطالب مجلس المحافظة بتكثيف الطلعات الجوية فوق المدينة.")
    assert q.text == "بتكثيف الطلعات الجوية فوق المدينة" and q.speaker.text == "مجلس المحافظة"


def test_one_word_demand_goes_on_after_its_comma(rule_quotes):
    (q,) = rule_quotes("وطالب خالد الحربي الشباب بالصبر، وعدم الاستماع إلى الشائعات.")
    assert q.text == "بالصبر، وعدم الاستماع إلى الشائعات"


def test_student_is_no_demand(rule_quotes):
    assert rule_quotes("وأصيب طالب بالرصاص في المدينة.") == []


def test_name_ending_in_talib_is_no_demand(rule_quotes):
    assert rule_quotes("وزار المصلون مسجد علي بن أبي طالب بالمدينة القديمة.") == []


def test_demand_phrase_about_the_one_asked_is_no_content(rule_quotes):
    (q,) = rule_quotes("وناشدت اللجنة طرفي النزاع بمدينة سبها بفتح ممرات آمنة للمدنيين.")
    assert q.text == "بفتح ممرات آمنة للمدنيين" and q.speaker.text == "اللجنة"


def test_name_before_the_call_is_its_subject(rule_quotes):
    q, part = rule_quotes("النائب خالد الحربي دعا الحكومة إلى الاستقالة الفورية. مشيرا إلى أن الوضع لا يحتمل.")
    assert q.text == "الاستقالة الفورية" and q.speaker.name == "خالد الحربي"
    assert part.cue.text == "مشيرا" and part.speaker.name == "خالد الحربي"


def test_object_with_a_pronoun_after_a_call_is_not_its_subject(rule_quotes):
    text = "وقال خالد الحربي إن المعركة طويلة. وحث أنصاره على الصبر والثبات في المواقع."
    q1, q2 = rule_quotes(text)
    assert q2.cue.text == "حث" and q2.text == "الصبر والثبات في المواقع"
    assert q2.speaker.name == "خالد الحربي"


def test_accusative_plural_after_a_call_is_its_object(rule_quotes):
    (q,) = rule_quotes("وطالبت الشرطة المواطنين بالتزام منازلهم حتى انتهاء العملية.")
    assert q.speaker.text == "الشرطة" and q.text == "بالتزام منازلهم حتى انتهاء العملية"


def test_everyone_after_a_call_is_its_object(rule_quotes):
    (q,) = rule_quotes("وحثت الوزارة الجميع على ترشيد استهلاك المياه في الصيف.")
    assert q.speaker.text == "الوزارة"


def test_envoy_to_a_country_before_the_call():
    import rasd

    (q,) = rasd.extract("ودعا الرئيس المبعوث الدولي إلى اليمن خالد الحربي إلى الضغط على الأطراف المتحاربة.").quotes
    assert q.text == "الضغط على الأطراف المتحاربة"


def test_described_with_bi(rule_quotes):
    text = "وصف خالد الحربي، مستشار الرئيس، حديث زعيم الجماعة عن الحل بالمناورة السياسية المكشوفة."
    (q,) = rule_quotes(text)
    assert q.cue.text == "وصف" and q.text == "بالمناورة السياسية المكشوفة"
    assert q.speaker.name == "خالد الحربي"


def test_described_thing_is_no_speaker(rule_quotes):
    q1, q2 = rule_quotes("وقال الوزير إن الأمر خطير، ووصف القرار بأنه خطوة في الاتجاه الصحيح.")
    assert q2.cue.text == "وصف" and q2.speaker.text == "الوزير"


def test_according_to_his_description_after_a_quotation(rule_quotes):
    text = "وتضمن التعميم دعوة الأتباع «للصلاة والاستغفار من كل تقصير»، على حد وصف خالد الحربي."
    (q,) = rule_quotes(text)
    assert q.cue.text == "على حد وصف" and q.speaker.name == "خالد الحربي"


def test_participle_with_the_attention_as_object(rule_quotes):
    q1, q2 = rule_quotes("وقال الوزير إن الإمدادات كافية، لافتاً الانتباه إلى أن الأسعار ستبقى ثابتة حتى الصيف.")
    assert q2.cue.text == "لافتاً" and q2.text == "الأسعار ستبقى ثابتة حتى الصيف"
    assert q2.speaker.text == "الوزير"


def test_participle_warning_someone(rule_quotes):
    q1, q2 = rule_quotes("وقال الوزير إن الهدنة بدأت، محذرا المسلحين بأن القوات سترد بقوة على أي خرق.")
    assert q2.cue.text == "محذرا" and q2.speaker.text == "الوزير"
    assert q2.text == "القوات سترد بقوة على أي خرق"


def test_insisting_on(rule_quotes):
    q1, q2 = rule_quotes("وقال الوزير إن القانون عادل، مصرا على أن الشركات ستلتزم به كاملا.")
    assert q2.cue.text == "مصرا" and q2.text == "الشركات ستلتزم به كاملا"


def test_hinted_that(rule_quotes):
    (q,) = rule_quotes("ولمح خالد الحربي إلى أنه سيترك منصبه قبل نهاية العام.")
    assert q.cue.text == "لمح" and q.speaker.name == "خالد الحربي"


def test_concluded_with_a_quotation(rule_quotes):
    (q,) = rule_quotes("وختم خالد الحربي: «الأيام المقبلة ستكون حاسمة للجميع».")
    assert q.cue.text == "ختم" and q.speaker.name == "خالد الحربي"


def test_name_in_a_prepositional_phrase_before_a_joined_verb(rule_quotes):
    q1, q2 = rule_quotes("وأكد الوزير أن البلاد آمنة، وتطرق إلى قضية خالد الحربي، وقال إن ملفه أمام القضاء.")
    assert q2.cue.text == "قال" and q2.speaker.text == "الوزير"


def test_name_before_a_relative_still_speaks(rule_quotes):
    (q,) = rule_quotes("وتعرض اللاعب لانتقادات من المدرب خالد الحربي الذي قال إن الفريق يحتاج إلى وقت.")
    assert q.speaker.name == "خالد الحربي"


def test_outlet_told_before_the_subject(rule_quotes):
    q1, q2 = rule_quotes("أبلغ «الصحيفة» مسؤول في وزارة الصحة أن الوزارة ستفتتح مستشفى جديدا، مؤكدا أن العمل بدأ.")
    assert q1.speaker.text == "مسؤول في وزارة الصحة"
    assert q2.speaker.text == "مسؤول في وزارة الصحة"


def test_time_phrase_after_the_subject(rule_quotes):
    (q,) = rule_quotes("وذكرت الشركة الشهر الماضي أنها ستغلق مصنعين.")
    assert q.speaker.text == "الشركة"


def test_general_is_no_time_phrase(rule_quotes):
    (q,) = rule_quotes("وقال المدير العام للشركة إن الأرباح ارتفعت كثيرا.")
    assert q.speaker.text == "المدير العام للشركة"


def test_honorific_and_surname_take_the_full_name(rule_quotes):
    text = ("وقال الدكتور خالد العمري في البيان: «إن الرابطة تتابع بقلق هذه التصريحات».\n"
            "وقال الدكتور العمري إن الحوار هو الطريق الوحيد.")
    q1, q2 = rule_quotes(text)
    assert q2.speaker.name == "خالد العمري"


def test_body_head_named_in_an_affiliation(rule_quotes):
    (q,) = rule_quotes("وقال عضو في حزب الرئيس السابق خالد الحربي إن الحزب يجري محادثات مع الحكومة.")
    assert q.speaker.text == "عضو في حزب الرئيس السابق خالد الحربي"


def test_quoted_name_after_such_as_is_no_quotation(rule_quotes):
    text = ("وقالت شركة «نور» التي تملك مواقع أخرى مثل «نور للتسوق عبر الإنترنت» في بيان إنها أوقفت "
            "الخدمة مؤقتا.")
    (q,) = rule_quotes(text)
    assert q.text == "أوقفت الخدمة مؤقتا" and q.speaker.text == "شركة «نور»"


def test_report_noun_before_kana_and_a_comma(rule_quotes):
    text = "وقال الناطق إياد الحسن إن التحقيق بدأ. كانت تقارير إخبارية محلية، قد ذكرت أن حريقا اندلع في الميناء."
    q1, q2 = rule_quotes(text)
    assert q2.cue.text == "ذكرت" and q2.speaker.text == "تقارير إخبارية محلية"
