"""The cue lexicon (negation, future, reporting verbs, clause markers ...) looked up token by token.

Cues are looked up only in the sentences that hold an event word, each token with and without its
proclitics (و ف ب ل ...), multi-word cues by their first word; so the cost follows the number of
event sentences, not the length of the article.
"""

from __future__ import annotations

from functools import cache

from rasd.lexicon import load_yaml
from rasd.text.normalize import normalize_word

CUES_FILE = "events/cues.yaml"

#: cue categories that are plain word lists in cues.yaml
CATEGORIES = (
    "negation", "denial", "future", "conditional", "modality", "accusation", "stance", "reporting",
    "subordinators", "complementizers", "light_verbs", "history", "generic",
    "question", "concrete_time", "civilians", "armed", "subtotal", "cumulative", "negation_exceptions", "purpose",
    "accident", "aftermath", "sports",
)
_PROCLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك")
_CLITIC_INITIALS = frozenset(p[0] for p in _PROCLITICS)
_PURPOSE = frozenset({"ل", "ول", "فل"})
_FUTURE_ABLE = frozenset({"light_verbs", "reporting", "stance"})


@cache
def _source_nouns() -> frozenset[str]:
    from rasd.lexicon import word_set

    return word_set("events/words.yaml", "cues_source_nouns")


@cache
def cue_data() -> dict:
    """The parsed cues.yaml."""
    return load_yaml(CUES_FILE)


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]]:
    data = cue_data()
    single: dict[str, set[str]] = {}
    multi: dict[str, dict[tuple[str, ...], set[str]]] = {}

    def add(phrase: str, cat: str) -> None:
        words = normalize_word(phrase).split()
        if not words:
            return
        if len(words) == 1:
            single.setdefault(words[0], set()).add(cat)
        else:
            multi.setdefault(words[0], {}).setdefault(tuple(words[1:]), set()).add(cat)

    for cat in CATEGORIES:
        for w in data.get(cat, []) or []:
            add(w, cat)
    for w in (data.get("vague_quantities") or {}):
        add(w, "vague")
    for kind, words in (data.get("vague_kinds") or {}).items():
        for w in words:
            add(w, "vk:" + kind)
    return ({k: frozenset(v) for k, v in single.items()},
            {k: sorted(((rest, frozenset(c)) for rest, c in d.items()), key=lambda x: -len(x[0]))
             for k, d in multi.items()})


def load() -> None:
    """Build the cue tables now."""
    _tables()


_FORM_CACHE: dict[str, tuple[frozenset[str], tuple]] = {}


def _forms(w: str) -> tuple[frozenset[str], tuple]:
    """(single-word categories, multi-word candidates) of a token's normalised form; cached."""
    hit = _FORM_CACHE.get(w)
    if hit is not None:
        return hit
    single, multi = _tables()
    found: set[str] = set()
    cands: list = []
    forms = [("", w)]
    if w[:1] in _CLITIC_INITIALS:
        forms += [(p, w[len(p):]) for p in _PROCLITICS if w.startswith(p) and len(w) - len(p) >= 2]
    for prefix, form in forms:
        if prefix[-1:] in ("ك", "ب") and form[:1] == "ي":
            continue  # ك and ب take nouns, not an imperfect verb: كيري is a name, not ك + يرى
        cats = single.get(form)
        if cats:
            if prefix in _PURPOSE and cats & {"light_verbs", "reporting"}:
                # لعقد، لبحث: a purpose; لوكالة، لبيان: the addressee or source, a noun (still a source)
                cats = cats & {"reporting"} if form in _source_nouns() else frozenset({"modality"})
            found |= cats
        more = multi.get(form)
        if more:
            cands.extend(more)
    # the future prefix on an imperfect cue verb (ستواصل، سيطالب، ستشهد): the same cue, in the future
    if w[:1] == "س" and len(w) > 4 and w[1] in "يتن":
        cats = single.get(w[1:])
        if cats and cats & _FUTURE_ABLE:
            found |= cats | {"future"}
    out = (frozenset(found), tuple(cands))
    if len(_FORM_CACHE) < 200_000:
        _FORM_CACHE[w] = out
    return out


def cue_categories(word_norm: str) -> frozenset[str]:
    """The single-word cue categories of a normalised word (with its proclitics stripped)."""
    return _forms(word_norm)[0]


def cues_for(tokens, i0: int, i1: int, out: dict[int, set[str]]) -> None:
    """Add to ``out`` the cue categories found at each token of ``tokens[i0:i1]``.

    A light or reporting verb written with the purpose lam (لعقد، لبحث) counts as modality.
    """
    cache = _FORM_CACHE
    for k in range(i0, i1):
        tok = tokens[k]
        if tok.kind != "word":
            continue
        w = tok.norm
        hit = cache.get(w)
        cats, cands = hit if hit is not None else _forms(w)
        if cands:
            found = cats
            if k + 1 < i1:
                second = tokens[k + 1].norm
                for rest, mcats in cands:
                    if rest[0] != second:
                        continue
                    n = len(rest)
                    if k + n < i1 and all(tokens[k + 1 + j].norm == rest[j] for j in range(1, n)):
                        found = found | mcats
                        break
        else:
            found = cats
        if found:
            have = out.get(k)
            if have is None:
                out[k] = set(found)
            else:
                have.update(found)
