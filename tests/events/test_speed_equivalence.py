"""The fast paths of the events stage give what the plain scans they replace give."""

from __future__ import annotations

import random

from rasd.events import cues
from rasd.events.cues import CueIndex
from rasd.events.stage import _span_test, _strip


def _reference_forms(w: str) -> tuple[frozenset[str], list]:
    """The cue lookup written plainly: every proclitic reading, every candidate in order."""
    single, multi = cues._tables()
    found: set[str] = set()
    cands: list = []
    forms = [("", w)]
    if w[:1] in cues._CLITIC_INITIALS:
        forms += [(p, w[len(p):]) for p in cues._PROCLITICS if w.startswith(p) and len(w) - len(p) >= 2]
    for prefix, form in forms:
        if prefix[-1:] in ("ك", "ب") and form[:1] == "ي":
            continue
        cats = single.get(form)
        if cats:
            if prefix in cues._PURPOSE and cats & {"light_verbs", "reporting"}:
                cats = cats & {"reporting"} if form in cues._source_nouns() else frozenset({"modality"})
            found |= cats
        cands.extend(multi.get(form) or ())
    if w[:1] == "س" and len(w) > 4 and w[1] in "يتن":
        cats = single.get(w[1:])
        if cats and cats & cues._FUTURE_ABLE:
            found |= cats | {"future"}
    return frozenset(found), cands


def _words() -> list[str]:
    single, multi = cues._tables()
    base = sorted(single)[:400] + sorted(multi)[:200]
    out = list(base)
    for w in base[:300]:
        out += [p + w for p in cues._PROCLITICS] + ["س" + w, w[1:], w + "ها"]
    return out + ["كتاب", "مدرسة", "يوم", "س", "و", ""]


def test_forms_match_the_plain_lookup():
    cues._FORM_CACHE.clear()
    cues._PLAIN.clear()
    for w in _words():
        cats, grouped = cues._forms(w)
        want_cats, want_cands = _reference_forms(w)
        assert cats == want_cats, w
        flat = [c for group in (grouped or {}).values() for c in group]
        assert sorted(flat, key=repr) == sorted(want_cands, key=repr), w
        for second, group in (grouped or {}).items():  # each group keeps the longest-first order
            assert list(group) == [c for c in want_cands if c[0][0] == second], w
        assert (w in cues._PLAIN) == (not want_cats and not want_cands), w


def test_cue_index_answers_like_a_scan():
    rng = random.Random(3)
    cats = ["negation", "future", "reporting", "concrete_time"]
    for _ in range(200):
        cues_at = {k: set(rng.sample(cats, rng.randint(1, 2))) for k in rng.sample(range(60), rng.randint(0, 25))}
        ix = CueIndex(cues_at)
        for _ in range(30):
            a, b = rng.randint(-2, 62), rng.randint(-2, 62)
            cat = rng.choice(cats + ["history"])
            scan = [k for k in range(a, b) if cat in cues_at.get(k, ())]
            assert ix.has(cat, a, b) == bool(scan)
            assert ix.positions(cat, a, b) == scan
            assert ix.keys_in(a, b) == [k for k in range(a, b) if k in cues_at]


class _S:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def test_span_test_answers_like_a_scan():
    rng = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 100)
            spans.append(_S(a, a + rng.randint(1, 15)))
        overlaps = _span_test(spans)
        for _ in range(40):
            s = rng.randint(0, 110)
            e = s + rng.randint(1, 12)
            assert overlaps(s, e) == any(t.start < e and s < t.end for t in spans)


def test_strip_cache_returns_the_same_word():
    for w in ["وبالقرب", "لقناة", "ولد", "فيه", "بعد", "قناة"]:
        assert _strip(w) == _strip(w)
    assert _strip("لقناة") == "قناة"
    assert _strip("ولد") == "ولد"  # too short to lose its first letter


class _T:
    def __init__(self, norm: str, kind: str = "word") -> None:
        self.norm, self.kind, self.text = norm, kind, norm


def test_cue_index_token_tables():
    toks = [_T("a"), _T("5", "number"), _T("،", "punct"), _T("b"), _T("2015", "number"), _T(".", "punct")]
    ix = CueIndex({}, toks)
    assert ix.numbers == [1, 4]
    assert ix.puncts == [2, 5]


def _reference_stopped(t, tokens, stop) -> bool:
    """The look-alike test written plainly (every pair built and looked up)."""
    if t.token < 0 or t.token >= len(tokens):
        return False
    w = tokens[t.token].norm
    nxt = tokens[t.token + 1].norm if t.token + 1 < len(tokens) else ""
    prev = tokens[t.token - 1].norm if t.token > 0 else ""
    for x in (w, w[1:]) if w[:1] in "وف" and len(w) > 3 else (w,):
        if x in stop or f"{x} {nxt}" in stop or f"{prev} {x}" in stop:
            return True
        if prev[:1] in "وفلب" and len(prev) > 3 and f"{prev[1:]} {x}" in stop:
            return True
    return False


class _Trig:
    def __init__(self, token: int) -> None:
        self.token = token


def test_stopped_matches_the_plain_test():
    from rasd.events.triggers import _stopped, _stopwords

    stop = _stopwords()
    parts = sorted({p for w in stop for p in w.split(" ")})[:60]
    vocab = parts + ["و" + p for p in parts[:20]] + ["ب" + p for p in parts[:20]] + ["كتاب", "مدينة"]
    rng = random.Random(2)
    for _ in range(3000):
        toks = [_T(w) for w in rng.choices(vocab, k=3)]
        t = _Trig(rng.randint(0, 2))
        assert _stopped(t, toks, stop) == _reference_stopped(t, toks, stop)
    assert _stopped(_Trig(0), [_T("x y")], frozenset({"x y z"})) == _reference_stopped(
        _Trig(0), [_T("x y")], frozenset({"x y z"}))
