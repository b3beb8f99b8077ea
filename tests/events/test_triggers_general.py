"""Event classes of general (political and social) news found on a fresh set (session 8; team-written sentences).

- a visit noun in ta marbuta with its pronoun (اختتم زيارته، قدم استقالته، جدد مطالبته) is the event word;
- an official arriving at a host's invitation (وصل ... تلبية لدعوة) is a visit; وكان في استقباله (the officials
  who met a visitor) is a meeting that took place, not the background a sentence opening with كان tells;
- describing an attack as terrorist or criminal (وصف الهجوم بأنه عمل إرهابي) is a condemnation;
- a security campaign (واصلت القوات عملياتها الأمنية، الحملة الأمنية) is a coercive sweep;
- a traffic word (كشك المرور) does not make a bombing an accident; a visit made regularly (بصفة منتظمة) is a habit.
Look-alikes that are no events: a plain description (وصف الوضع بأنه صعب), the dead seen off (ودعت الحشود
جثامين الضحايا: ودّع, not دعا), a rejection told as the motive of another act (رفضا لاعتقاله), a danger to
lives (تهدد حياة المدنيين), casualty words in a funeral report (نقل جثامين الشهداء).
"""

from __future__ import annotations

import rasd

PUB = "2024-03-10"


def _types(text: str) -> list[str]:
    return [e.type for e in rasd.extract(text, published=PUB).events]


def test_visit_noun_with_its_pronoun():
    assert "CONSULT" in _types("اختتم وزير الخارجية الفرنسي زيارته إلى القاهرة أمس.")
    assert "CONCEDE" in _types("قدم وزير الصحة استقالته إلى رئيس الحكومة أمس.")
    assert "REQUEST" in _types("وجدد الحزب أمس مطالبته بالإفراج عن المعتقلين.")


def test_arrival_at_an_invitation_is_a_visit():
    assert _types("وصل الرئيس الفرنسي أمس إلى عمان تلبية لدعوة من ملك الأردن.") == ["CONSULT"]


def test_greeted_on_arrival_is_a_meeting():
    assert _types("وكان في استقبال الوزير لدى وصوله مطار القاهرة نظيره المصري.") == ["CONSULT"]
    assert _types("وكانت الحكومة قد رفضت المقترح.") == []


def test_describing_an_attack_as_terrorist_is_a_condemnation():
    assert "ACCUSE" in _types("وصف وزير الداخلية الهجوم الذي وقع في العاصمة أمس بأنه عمل إرهابي جبان.")
    assert "ACCUSE" in _types("ووصف المحافظ الحادث الإجرامي الذي استهدف الحافلة بأنه غادر.")
    assert "ACCUSE" not in _types("وصف الوزير الوضع الاقتصادي في البلاد بأنه صعب للغاية.")
    assert "ACCUSE" not in _types("وصف المحلل قرار الحكومة بأنه تحول كبير بعد الهجمات الإرهابية الأخيرة.")


def test_security_sweeps_are_coercion():
    assert "COERCE" in _types("واصلت قوات الأمن أمس عملياتها الأمنية ضد العناصر المسلحة في المحافظة.")
    assert "COERCE" in _types("وأكد مصدر أمني أمس أن الحملة الأمنية أسفرت عن توقيف عشرة مطلوبين.")


def test_look_alikes_are_no_events():
    assert "REQUEST" not in _types("ودعت جموع غفيرة أمس جثامين الضحايا إلى المقبرة.")
    assert "REJECT" not in _types("ويواصل السجين إضرابه عن الطعام منذ أمس رفضا لاعتقاله.")
    assert "THREATEN" not in _types("وهذه الحرب تهدد حياة ملايين المدنيين في البلاد.")
    assert "ASSAULT" not in _types("نقلت طائرة عسكرية صباح أمس جثامين الشهداء إلى مسقط رأسهم.")


def test_a_traffic_word_is_no_accident():
    types = _types("أصيب ثلاثة عمال ورجل أمن صباح الاثنين إثر انفجار عبوة ناسفة زرعت قرب محطة للحافلات في مدينة طنطا.")
    assert "ASSAULT" in types


def test_a_regular_visit_is_no_event():
    assert "CONSULT" not in _types("وأشار الزعيم إلى أنه يزور السجين بصفة منتظمة في سجن الجزيرة.")
