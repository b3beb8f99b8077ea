"""A state named by its formal name (المملكة المغربية، الجمهورية الإسلامية الإيرانية) is that state as an actor."""
import pytest

import rasd


@pytest.mark.parametrize("text, code, other", [
    ("أدانت المملكة المغربية التفجير الذي استهدف سوقا شعبية في بغداد أمس.", "MA", None),
    ("اتهمت المملكة الأردنية الهاشمية إيران بالتدخل في شؤون المنطقة.", "JO", "IR"),
    ("رحبت دولة الإمارات العربية المتحدة بالاتفاق الذي وقعه الطرفان أمس.", "AE", None),
])
def test_formal_name_is_the_state(text, code, other):
    doc = rasd.extract(text, published="2016-05-10")
    ev = doc.events[0]
    roles = {a.role: a for a in ev.actors}
    assert roles["actor1"].country_code == code
    assert roles["actor1"].name_en.startswith("Government of")
    if other:
        assert roles["actor2"].country_code == other


def test_kingdom_alone_is_not_another_state():
    """A bare المملكة is Saudi Arabia only in news about it; المملكة المغربية is never Saudi Arabia."""
    doc = rasd.extract("أعلنت المملكة المغربية أمس دعمها للحكومة الشرعية في اليمن.", published="2016-05-10")
    assert all(a.country_code != "SA" for e in doc.events for a in e.actors)
