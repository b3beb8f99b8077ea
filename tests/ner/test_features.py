"""Feature extraction: clitic splits, lexicon look-ups, clusters, neighbours, phrases."""

from __future__ import annotations

from rasd.ner.features import Featurizer, Resources, load_resources, split_clitics
from rasd.text.normalize import normalize_word


def _res() -> Resources:
    rows = [{"form": normalize_word("فرنسا"), "kind": "country"},
            {"form": normalize_word("الوزير"), "kind": "title"},
            {"form": " ".join(normalize_word(w) for w in ("الأمم", "المتحدة")), "kind": "orghead"}]
    res = load_resources(rows)
    res.clusters = {"فرنسا": (900, ("3", "17")), "وليد": (400, ("5", "40")), "ليد": (2, ("9", "9")),
                    "الوزير": (500, ("1", "2")), "المدينه": (800, ("4", "8"))}
    res.cluster_names = ("c32", "c128")
    return res


def test_split_clitics_by_frequency():
    res = _res()
    assert split_clitics("وفرنسا", res) == ("و", "فرنسا")
    assert split_clitics("وليد", res) == ("", "وليد")  # the whole word is more frequent
    assert split_clitics("للمدينه", res) == ("ل", "المدينه")  # لل = ل + ال
    assert split_clitics("xyz", res) == ("", "xyz")


def test_token_features_carry_stem_lexicon_and_clusters():
    f = Featurizer(_res())
    feats = f.sentence(["وصل", "الوزير", "إلى", "وفرنسا"])
    last = set(feats[3])
    assert {"w=وفرنسا", "s=فرنسا", "pre=و", "L=country", "c32=3", "c128=17"} <= last
    assert "EOS" in last and "BOS" in feats[0]
    assert "-2:L=title" in last  # الوزير two tokens back
    assert "1:L=country" in feats[2]


def test_numbers_and_unknown_words():
    f = Featurizer(_res())
    feats = f.sentence(["٢٠٢٤", "زقزق"])
    assert "shape=num" in feats[0] and "w=0000" in feats[0]
    assert "c=unk" in feats[1]


def test_multiword_phrase_features():
    f = Featurizer(_res())
    feats = f.sentence(["قالت", "الأمم", "المتحدة", "أمس"])
    assert "P=B-orghead" in feats[1] and "P=I-orghead" in feats[2]
    assert not any(x.startswith("P=") for x in feats[0] + feats[3])


def test_ablation_switches():
    res = _res()
    res.use_clusters = False
    res.use_lexicon = False
    feats = Featurizer(res).sentence(["وفرنسا"])[0]
    assert not any(x.startswith(("c32=", "L=")) for x in feats)
