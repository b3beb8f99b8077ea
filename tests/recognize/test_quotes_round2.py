"""Quotes and speakers, second round: speech verbs and cues added, sources given after what they say,
noun-phrase content, roles and bodies named again. Team-written sentences, one per behaviour."""

from rasd.doc import Document
from rasd.recognize.entities import RecognizeEntities
from rasd.recognize.quotes import RecognizeQuotes
from rasd.text.stage import SplitSentences, Tokenize


def _quotes(text: str):
    doc = Document(text=text)
    for st in (Tokenize(), SplitSentences(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text, q
        if q.speaker:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text, q.speaker
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text, q.cue
    return doc.quotes


def test_bayyana_opens_a_sentence_and_between_does_not_speak():
    text = ("قال المتحدث باسم الشرطة خالد المطيري إن الحادث وقع ليلا. وبين أن فرق الإنقاذ وصلت بعد دقائق. "
            "واندلعت مواجهات بين الطرفين أن تتوقف الهدنة.")
    qs = _quotes(text)
    assert [q.text for q in qs] == ["الحادث وقع ليلا", "فرق الإنقاذ وصلت بعد دقائق"]
    assert qs[1].cue.text == "بين" and qs[1].speaker.name == "خالد المطيري"


def test_believe_is_a_speech_verb_but_impersonal_stays_out():
    (q,) = _quotes("ويعتقد المدرب سامي الحربي أن فريقه قادر على المنافسة.")
    assert q.text == "فريقه قادر على المنافسة" and q.speaker.name == "سامي الحربي"
    assert _quotes("ويعتقد أن السفينة غرقت قبل قرن.") == []


def test_speech_noun_takes_the_titled_subject_before_it():
    from rasd.geo.stage import RecognizePlaces

    text = "وانتشرت الصور في كل مكان، وقد لخصت وزيرة خارجية فرنسا الموقف بقولها: إن الحل سياسي قبل كل شيء."
    doc = Document(text=text)
    for st in (Tokenize(), SplitSentences(), RecognizePlaces(), RecognizeEntities(), RecognizeQuotes()):
        st(doc)
    (q,) = doc.quotes
    assert q.cue.text == "بقولها"
    assert q.speaker.text == "وزيرة خارجية فرنسا"


def test_a_role_named_again_is_the_person_given_it():
    text = ("وقال مدير مركز الرصد البيئي سالم النعيمي إن التلوث تراجع. "
            "وأضاف مدير مركز الرصد أن القياسات ستنشر شهريا.")
    first, second = _quotes(text)
    assert second.speaker.text == "مدير مركز الرصد"
    assert second.speaker.name == "سالم النعيمي"


def test_a_body_named_again_by_its_head_word():
    text = ("وأعلن حزب الخضر الألماني مشاركته في الحكومة. "
            "وقال الحزب في بيان إن الاتفاق يحمي الغابات.")
    qs = _quotes(text)
    q = qs[-1]
    assert q.text == "الاتفاق يحمي الغابات"
    assert q.speaker.text == "الحزب" and q.speaker.name.startswith("حزب الخضر")


def test_source_given_after_what_it_says():
    text = "وقتل ثلاثة مدنيين في قصف على السوق المركزي، بحسب المرصد السوري لحقوق الإنسان."
    (q,) = _quotes(text)
    assert q.text == "وقتل ثلاثة مدنيين في قصف على السوق المركزي"
    assert q.cue.text == "بحسب" and q.speaker.text == "المرصد السوري لحقوق الإنسان"


def test_source_with_a_verb_after_according_to():
    text = "وسيزور الوفد العاصمة الأسبوع المقبل، بحسب ما أعلن المتحدث باسم الوزارة فهد الزهراني."
    (q,) = _quotes(text)
    assert q.text.startswith("وسيزور الوفد العاصمة") and q.speaker.name == "فهد الزهراني"


def test_according_to_before_a_comma_and_the_content():
    text = "ووفقا للمسؤول الأمني، فقد أغلقت الطرق المؤدية إلى الميناء منذ الصباح."
    (q,) = _quotes(text)
    assert q.text == "فقد أغلقت الطرق المؤدية إلى الميناء منذ الصباح"
    assert q.speaker.name == "المسؤول الأمني"  # without the ل of للمسؤول


def test_report_of_a_body_named_in_quotes():
    text = "وتضاعفت أسعار القمح خلال عام واحد، طبقا لتقرير منظمة «غذاء بلا حدود»."
    (q,) = _quotes(text)
    assert q.speaker.kind == "document"
    assert q.speaker.name == "تقرير منظمة «غذاء بلا حدود»"


def test_noun_phrase_content_after_the_verb_or_its_preposition():
    a, b = _quotes("وأكد وزير الزراعة ضرورة حماية المراعي من الرعي الجائر. "
                   "وأشار مصدر أمني إلى مقتل شخصين في الحريق.")
    assert a.text == "ضرورة حماية المراعي من الرعي الجائر" and a.speaker.text == "وزير الزراعة"
    assert b.text == "مقتل شخصين في الحريق" and b.speaker.text == "مصدر أمني"


def test_noun_phrase_content_ends_at_its_comma_and_negation_states_nothing():
    (q,) = _quotes("وأكد النائب عادل الشمري دعم الحكومة، ووصفه بأنه واجب وطني.")[:1]
    assert q.text == "دعم الحكومة"
    assert _quotes("ولم تكشف الشركة نوع الطائرة التي ستشتريها.") == []


def test_noun_inside_the_subject_is_not_the_content():
    text = "وأكد قائد عملية تحرير المدينة، أن القوات تقدمت نحو المطار."
    (q,) = _quotes(text)
    assert q.text == "القوات تقدمت نحو المطار"


def test_the_paper_spoken_to_before_the_speaker():
    text = "وأكد لـ«الصحيفة» العميد ناصر القحطاني قائد اللواء الثالث، أن الوضع تحت السيطرة."
    (q,) = _quotes(text)
    assert q.speaker.name == "ناصر القحطاني"


def test_role_after_the_name_and_a_bare_role_later():
    text = ("يرى ماجد السبيعي مدرب فريق الشباب أن الدوري سيكون صعبا. "
            "وقال المدرب البالغ من العمر 45 عاما إن اللاعبين جاهزون.")
    first, second = _quotes(text)
    assert first.speaker.name == "ماجد السبيعي" and first.speaker.role == "مدرب فريق الشباب"
    assert second.speaker.text == "المدرب" and second.speaker.name == "ماجد السبيعي"


def test_role_after_a_comma_is_kept_whole():
    text = "أكد الدكتور سعيد الغامدي، الأمين العام لجمعية الأطباء أن الحملة نجحت."
    (q,) = _quotes(text)
    assert q.speaker.name == "سعيد الغامدي"
    assert q.speaker.role == "الأمين العام لجمعية الأطباء"


def test_a_person_before_an_unnamed_source_phrase():
    text = "لكن الشيخ حمد العتيبي، أحد وجهاء القبيلة قال إن الصلح قريب."
    (q,) = _quotes(text)
    assert q.speaker.name == "حمد العتيبي"


def test_semicolons_written_as_commas_inside_the_subject():
    text = "وقال سامي العنزي؛ المتحدث باسم شركة النقل؛ إن الرحلات ستعود غدا. وأشار العنزي؛ إلى أن التذاكر متاحة."
    first, second = _quotes(text)
    assert first.text == "الرحلات ستعود غدا" and first.speaker.name == "سامي العنزي"
    assert second.text == "التذاكر متاحة" and second.speaker.name == "سامي العنزي"


def test_participle_with_the_paper_spoken_to():
    text = "وأعلن المتحدث باسم الوزارة عادل الحربي عودة الموظفين، موضحا لـ«الصحيفة» أن المكاتب فتحت أبوابها."
    qs = _quotes(text)
    assert qs[-1].text == "المكاتب فتحت أبوابها" and qs[-1].speaker.name == "عادل الحربي"


def test_unnamed_source_keeps_its_affiliation():
    (q,) = _quotes("وقال مصدر في الدفاع المدني لرويترز إن الحريق أخمد.")
    assert q.speaker.text == "مصدر في الدفاع المدني"


def test_according_to_what_a_body_announced():
    text = "وسيفتتح الجسر الجديد نهاية العام، وفقا لما أعلنته وزارة النقل."
    (q,) = _quotes(text)
    assert q.speaker.text == "وزارة النقل" and q.text.startswith("وسيفتتح الجسر")


def test_according_to_before_a_verb_that_reports_itself():
    text = "وحسب وكالة الأنباء المحلية، قال المتحدث باسم الشركة سالم الدوسري إن المصنع توقف."
    (q,) = _quotes(text)
    assert q.text == "المصنع توقف" and q.speaker.name == "سالم الدوسري"


def test_quoting_from_a_named_source():
    text = "وقال نقلا عن دائرة الصحة إن عشرة مرضى غادروا المستشفى."
    (q,) = _quotes(text)
    assert q.speaker.text == "دائرة الصحة"


def test_subject_named_with_a_verb_that_has_no_content():
    text = "كشف هذا لـ«الصحيفة» الدكتور خالد الشهري مدير المستشفى، وقال: الأقسام جاهزة لاستقبال المرضى."
    (q,) = _quotes(text)
    assert q.speaker.name == "خالد الشهري"
