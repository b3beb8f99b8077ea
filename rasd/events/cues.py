"""The cue lexicon (negation, future, reporting verbs, clause markers ...) looked up token by token.

Cues are looked up only in the sentences that hold an event word, each token with and without its
proclitics (و ف ب ل ...), multi-word cues by their first word; so the cost follows the number of
event sentences, not the length of the article.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from rasd.lexicon import load_yaml
from rasd.text.normalize import normalize_word

try:  # the optional compiled token loop of cues_for (rasd/events/_events.c)
    from rasd.events._events import cues_for as _compiled_cues_for
except ImportError:  # pragma: no cover - depends on the build
    _compiled_cues_for = None
try:  # and its pass over a document's tokens (token_table)
    from rasd.events._events import token_table as _compiled_token_table
except ImportError:  # pragma: no cover - depends on the build
    _compiled_token_table = None

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
# the proclitics by their first letter, each group in the order of _PROCLITICS
_BY_INITIAL = {c: tuple(p for p in _PROCLITICS if p[0] == c) for c in _CLITIC_INITIALS}
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


@cache
def _keys() -> frozenset[str]:
    """Every form that starts a cue (a one-word cue or the first word of a longer one)."""
    single, multi = _tables()
    return frozenset(single) | frozenset(multi)


def load() -> None:
    """Build the cue tables now."""
    _tables()
    _keys()


_FORM_CACHE: dict[str, tuple[frozenset[str], dict | None]] = {}
_PLAIN: set[str] = set()  # words seen with no cue at all (cues_for skips them first)
_NO_CUE: tuple[frozenset[str], None] = (frozenset(), None)


def _by_second_word(cands: list) -> dict[str, tuple] | None:
    """Multi-word candidates (rest, categories) grouped by their second word, each group in the order
    of ``cands`` (longest first per form), so that the first match of a group is the first of all."""
    if not cands:
        return None
    out: dict[str, list] = {}
    for rest, mcats in cands:
        out.setdefault(rest[0], []).append((rest, mcats))
    return {k: tuple(v) for k, v in out.items()}


def _forms(w: str) -> tuple[frozenset[str], dict | None]:
    """(single-word categories, multi-word candidates by their second word) of a token's normalised
    form; cached."""
    hit = _FORM_CACHE.get(w)
    if hit is not None:
        return hit
    forms = [("", w)]
    ps = _BY_INITIAL.get(w[:1])
    if ps is not None:
        n = len(w)
        for p in ps:
            if n - len(p) >= 2 and w.startswith(p):
                forms.append((p, w[len(p):]))
    if not (w[:1] == "س" and len(w) > 4 and w[1] in "يتن"):
        keys = _keys()
        for _p, form in forms:
            if form in keys:
                break
        else:  # no form starts a cue: the common case, answered without building anything
            if len(_FORM_CACHE) < 200_000:
                _FORM_CACHE[w] = _NO_CUE
                _PLAIN.add(w)
            return _NO_CUE
    single, multi = _tables()
    found: set[str] = set()
    cands: list = []
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
    out = (frozenset(found), _by_second_word(cands))
    if len(_FORM_CACHE) < 200_000:
        _FORM_CACHE[w] = out
        if not found and not cands:
            _PLAIN.add(w)
    return out


def cue_categories(word_norm: str) -> frozenset[str]:
    """The single-word cue categories of a normalised word (with its proclitics stripped)."""
    hit = _FORM_CACHE.get(word_norm)  # (the cache of _forms, read here first: one call less per word)
    return hit[0] if hit is not None else _forms(word_norm)[0]


def cues_for(tokens, i0: int, i1: int, out: dict[int, set[str]]) -> None:
    """Add to ``out`` the cue categories found at each token of ``tokens[i0:i1]``.

    A light or reporting verb written with the purpose lam (لعقد، لبحث) counts as modality.
    """
    if _compiled_cues_for is not None and type(tokens) is list and i0 >= 0 and i1 <= len(tokens) \
            and type(out) is dict:
        _compiled_cues_for(tokens, i0, i1, out, _FORM_CACHE, _PLAIN, _forms)  # the same loop in C
        return
    _cues_for(tokens, i0, i1, out)


def _cues_for(tokens, i0: int, i1: int, out: dict[int, set[str]]) -> None:
    """:func:`cues_for` in Python (the reference for the compiled loop)."""
    cache, plain = _FORM_CACHE, _PLAIN
    for k, tok in enumerate(tokens[i0:i1], i0):
        w = tok.norm
        if w in plain or tok.kind != "word":
            continue
        hit = cache.get(w)
        cats, cands = hit if hit is not None else _forms(w)
        if cands is not None and k + 1 < i1:
            group = cands.get(tokens[k + 1].norm)
            if group is not None:
                for rest, mcats in group:
                    n = len(rest)
                    if k + n < i1 and all(tokens[k + 1 + j].norm == rest[j] for j in range(1, n)):
                        cats = cats | mcats
                        break
        if cats:
            have = out.get(k)
            if have is None:
                out[k] = set(cats)
            else:
                have.update(cats)


def token_table(tokens, stop_words: frozenset[str], number_words: frozenset[str]) -> tuple[list, ...]:
    """One pass over a document's ``tokens``: (their starts, the positions of the numbers, of the
    punctuation marks, of the clause stops (a punctuation mark or a word of ``stop_words``), of the words
    of ``number_words``), each in order."""
    if _compiled_token_table is not None and type(tokens) is list and type(stop_words) is frozenset \
            and type(number_words) is frozenset:
        return _compiled_token_table(tokens, stop_words, number_words)  # the same pass in C
    return _token_table(tokens, stop_words, number_words)


def _token_table(tokens, stop_words, number_words) -> tuple[list, ...]:
    """:func:`token_table` in Python (the reference for the compiled pass)."""
    starts: list[int] = []
    numbers: list[int] = []
    puncts: list[int] = []
    stops: list[int] = []
    words: list[int] = []
    for i, t in enumerate(tokens):
        starts.append(t.start)
        kind, w = t.kind, t.norm
        if kind == "number":
            numbers.append(i)
        elif kind == "punct":
            puncts.append(i)
        if kind == "punct" or w in stop_words:
            stops.append(i)
        if w in number_words:
            words.append(i)
    return starts, numbers, puncts, stops, words


class CueIndex:
    """The token positions of each cue category in a finished cue map (``cues_at``), sorted, to answer
    "is there a cue of this category in tokens [a, b)?" by bisection instead of a scan; given the
    document's ``tokens``, also where its numbers and punctuation stand (listed on first use).

    Build it once the map is final: it does not follow later changes to ``cues_at``.
    """

    __slots__ = ("at", "keys", "by_cat", "tokens", "_numbers", "_puncts")

    def __init__(self, cues_at: dict[int, set[str]], tokens=None, numbers: list[int] | None = None,
                 puncts: list[int] | None = None) -> None:
        self.at = cues_at
        self.keys = sorted(cues_at)
        by_cat: dict[str, list[int]] = {}
        for k in self.keys:
            for c in cues_at[k]:
                lst = by_cat.get(c)
                if lst is None:
                    by_cat[c] = [k]
                else:
                    lst.append(k)
        self.by_cat = by_cat
        self.tokens = tokens if tokens is not None else ()
        self._numbers: list[int] | None = numbers  # (given: listed by the caller's own pass)
        self._puncts: list[int] | None = puncts

    def _kinds(self) -> None:
        tokens = self.tokens
        other = [i for i, t in enumerate(tokens) if t.kind != "word"]
        self._numbers = [i for i in other if tokens[i].kind == "number"]
        self._puncts = [i for i in other if tokens[i].kind == "punct"]

    @property
    def numbers(self) -> list[int]:
        """The positions of the number tokens, in order."""
        if self._numbers is None:
            self._kinds()
        return self._numbers

    @property
    def puncts(self) -> list[int]:
        """The positions of the punctuation tokens, in order."""
        if self._puncts is None:
            self._kinds()
        return self._puncts

    def has(self, cat: str, a: int, b: int) -> bool:
        """Whether a token in ``[a, b)`` has a cue of category ``cat``."""
        lst = self.by_cat.get(cat)
        if not lst:
            return False
        i = bisect_left(lst, a)
        return i < len(lst) and lst[i] < b

    def positions(self, cat: str, a: int, b: int) -> list[int]:
        """The tokens in ``[a, b)`` with a cue of category ``cat``, in order."""
        lst = self.by_cat.get(cat)
        if not lst:
            return []
        return lst[bisect_left(lst, a):bisect_left(lst, b)]

    def keys_in(self, a: int, b: int) -> list[int]:
        """The tokens in ``[a, b)`` with any cue, in order."""
        return between(self.keys, a, b)


def between(positions: list[int], a: int, b: int) -> list[int]:
    """The items of the sorted list ``positions`` in ``[a, b)``."""
    return positions[bisect_left(positions, a):bisect_left(positions, b)]
