"""The word types' flag bits (TypeScores._add) are the same from the compiled loop and from Python."""

from __future__ import annotations

import numpy as np
import pytest

from rasd.ner import decode
from rasd.ner.tagger import Tagger

pytestmark = pytest.mark.skipif(decode._crf is None or not hasattr(decode._crf, "type_flags"),
                                reason="rasd.ner._crf not built")

_SENTENCES = [
    "تؤكد المملكة العربية السعودية على لسان وزير خارجيتها عادل الجبير تأييدها للمسار السياسي",
    "وصل الأمين العام للأمم المتحدة إلى العاصمة اليمنية صنعاء صباح الأحد",
    "أعلنت وزارة الداخلية في بغداد مقتل ثلاثة أشخاص في انفجار قرب سوق شعبي",
    "والتقى الرئيس المصري بنظيره الفرنسي في قصر الإليزيه بباريس",
]


def test_flags_from_c_equal_python():
    dec = Tagger().load()._decoder
    types = dec.types
    words = [w for s in _SENTENCES for w in s.split()] + ["ووزارة", "للأمم", "بالمملكة", "كسلام"]

    def run(compiled: bool) -> np.ndarray:
        types.rows.clear()
        types.stems.clear()
        types.bases.clear()
        types.flags[:] = 0
        dec.compiled = compiled
        types.ids(words)
        return types.flags[:len(types.rows)].copy()

    try:
        slow, fast = run(False), run(True)
    finally:
        dec.compiled = True
    assert slow.any() and np.array_equal(slow, fast)


def test_flags_check_their_inputs():
    flags = np.zeros(2, dtype=np.uint8)
    with pytest.raises(ValueError):
        decode._crf.type_flags(["a", "b", "c"], ["a", "b", "c"], 0, {}, 10, flags)  # longer than flags
    decode._crf.type_flags(["a", "b"], ["a", "x"], 1, {"b": 1, "x": 8}, 10, flags)
    assert flags.tolist() == [0, 9]  # row 0 left as it was; the base adds its bit 8 (in of_base)
    decode._crf.type_flags(["a", "b"], ["a", "x"], 0, {"a": 4, "b": 1, "x": 2}, 10, flags)
    assert flags.tolist() == [4, 3]
