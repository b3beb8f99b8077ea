"""CRF features for Arabic NER over a list of tokens.

Per token: the normalised word; its clitic split (a proclitic ``و ف ب ل ك`` or a combination, and
``لل`` read as ``ل`` + ``ال``) chosen by corpus frequency, the stem and the stem without the article;
prefixes and suffixes; shape (digits, Latin, punctuation, length); lexicon membership (countries,
cities, given names, titles, organisation heads, currency/MISC words), single-word and multi-word;
word-cluster ids at several granularities (learnt from raw news, see scripts/ner_clusters.py) and a
frequency band.  Neighbours in a +-2 window contribute their stems, clusters and lexicon kinds.

Features are strings (binary features for python-crfsuite).  Per-token parts are cached by token,
so a sentence costs a few dictionary look-ups and list concatenations per token.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from operator import methodcaller

from rasd.text.normalize import normalize_word

try:  # the optional compiled split (rasd/ner/_crf.c); without it, the Python code below
    from rasd.ner import _crf
except ImportError:  # pragma: no cover - depends on the build
    _crf = None
#: the compiled clitic split and stems, or None (a build of _crf.c older than them, or none)
_split_c = getattr(_crf, "split_clitics", None)
_stem_bases_c = getattr(_crf, "stem_bases", None)

# Proclitic sequences (conjunction + preposition) that may stand before a name in the same word.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_FIRST = frozenset(p[0] for p in _PROCLITICS)
# by first letter, the proclitics a word may start with (in the order of _PROCLITICS: ties go to
# the first, as in a walk over all of them)
_BY_FIRST = {c: tuple(p for p in _PROCLITICS if p[0] == c) for c in _FIRST}
_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩")


class LazyRows:
    """A read-only ``word -> row`` mapping over the raw tab-separated tails of a resource file's
    lines, each parsed (by ``parse``, which must not return a string) on its first look-up and
    kept in place of its tail: loading stays one C-level split per line (~60k lines at start-up),
    parsing is paid only for the words a run meets, and a look-up is one dictionary probe."""

    __slots__ = ("_raw", "_parse")

    def __init__(self, raw: dict[str, str], parse) -> None:
        self._raw: dict = raw
        self._parse = parse

    def get(self, word: str, default=None):
        """The parsed row of ``word`` (``default`` when it has none)."""
        hit = self._raw.get(word)
        if hit is None:
            return default
        if hit.__class__ is str:  # first look-up: parse the tail once
            hit = self._raw[word] = self._parse(hit)
        return hit

    def __contains__(self, word: str) -> bool:
        return word in self._raw

    def keys(self):
        """The words that have a row."""
        return self._raw.keys()

    def __len__(self) -> int:
        return len(self._raw)


def _raw_rows(fh) -> tuple[list[str], dict[str, str]]:
    """Header fields and ``word -> tail`` of a resource file (provenance line, header, rows)."""
    next(fh)  # provenance
    header = next(fh).rstrip("\n").split("\t")
    lines = fh.read().split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return header, dict(map(methodcaller("split", "\t", 1), lines))


@dataclass
class Resources:
    """What the features look up: lexicon kinds, multi-word lexicon entries, word clusters."""

    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> kinds
    # (first word, second word) -> [(words, kind)]
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    # word -> (count, cluster ids), a dict or a LazyRows
    clusters: dict[str, tuple[int, tuple[str, ...]]] | LazyRows = field(default_factory=dict)
    cluster_names: tuple[str, ...] = ()
    # word -> context-profile features, a dict or a LazyRows
    profiles: dict[str, tuple[str, ...]] | LazyRows = field(default_factory=dict)
    # the profile features' names (``prT=`` ...), in the order of a raw profile row's fields
    profile_names: tuple[str, ...] = ()
    use_clusters: bool = True
    use_lexicon: bool = True
    max_phrase: int = 4

    def count(self, w: str) -> int:
        """Corpus frequency of a normalised word (0 when unknown)."""
        c = self.clusters.get(w)
        return c[0] if c else 0


def _open(path):
    return gzip.open(path, "rt", encoding="utf-8") if str(path).endswith(".gz") else open(path, encoding="utf-8")


def load_resources(lexicon_rows: list[dict[str, str]] | None = None, clusters_path=None, profiles_path=None,
                   *, use_clusters: bool = True, use_lexicon: bool = True) -> Resources:
    """Build :class:`Resources` from lexicon rows (form, kind), a clusters.tsv.gz file and a
    profiles.tsv.gz file (either file may be None)."""
    res = Resources(use_clusters=use_clusters, use_lexicon=use_lexicon)
    lex: dict[str, set[str]] = {}
    for row in lexicon_rows or ():
        words = tuple(row["form"].split())
        if len(words) == 1:
            lex.setdefault(words[0], set()).add(row["kind"])
        elif 1 < len(words) <= res.max_phrase:
            res.phrases.setdefault(words[:2], []).append((words, row["kind"]))
    res.lexicon = {w: tuple(sorted(k)) for w, k in lex.items()}
    if clusters_path is not None:
        with _open(clusters_path) as fh:
            header, raw = _raw_rows(fh)
        res.cluster_names = tuple(header[2:])
        res.clusters = LazyRows(raw, _cluster_row)
    if profiles_path is not None:
        with _open(profiles_path) as fh:
            header, raw = _raw_rows(fh)
        names = res.profile_names = tuple(f"pr{n}=" for n in header[1:])
        res.profiles = LazyRows(raw, lambda tail: _profile_row(tail, names))
    return res


def _cluster_row(tail: str) -> tuple[int, tuple[str, ...]]:
    count, *ids = tail.split("\t")
    return int(count), tuple(ids)


def _profile_row(tail: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n + v for n, v in zip(names, tail.split("\t"), strict=True) if v != "0")


def _compiled_tables(res: Resources) -> tuple[dict, dict] | None:
    """``(counts, lexicon)`` as the compiled split reads them (the clusters' raw rows, parsed or
    not), or None when it cannot (not built, or resources of another shape)."""
    if _split_c is None:
        return None
    counts = res.clusters
    if counts.__class__ is LazyRows:
        counts = counts._raw
    if counts.__class__ is not dict or res.lexicon.__class__ is not dict:
        return None
    return counts, res.lexicon


def compiled_feature_context(res: Resources, index: dict, nb_index: tuple, near: tuple, zero: int,
                             filt: bytes | None = None) -> tuple | None:
    """What ``_crf.type_segments`` reads to build :meth:`Featurizer.parts`'s features of new
    word types and look them up (``index``: the model's attribute indices; ``nb_index``: per
    neighbour offset, the same without the offset's prefix; ``near``: whether each offset is ±1;
    ``zero``: the index of an unknown feature; ``filt``: :func:`feature_filter` of ``index`` and
    ``nb_index``, or None), or None when it cannot (not built, or resources of another shape: the
    Python code then builds them)."""
    tables = _compiled_tables(res)
    if tables is None or _crf is None or not hasattr(_crf, "type_segments") or index.__class__ is not dict:
        return None
    counts, lexicon = tables
    profiles = res.profiles
    if profiles.__class__ is LazyRows:
        profiles = profiles._raw if res.profile_names else None
        if profiles is None:
            return None
    elif profiles.__class__ is not dict:
        return None
    ctx = (_BY_FIRST, counts, lexicon, _DIGIT_CHARS, index, nb_index, near, zero, res.use_lexicon,
           counts if res.use_clusters and res.clusters else None, tuple(res.cluster_names), _FREQ,
           profiles if profiles else None, tuple(res.profile_names))
    return ctx if filt is None else (*ctx, filt)


#: log2 of the bits of :func:`feature_filter` (128 KB: about 3% of the bits set by the shipped model)
FILTER_BITS = 20


def feature_filter(index: dict, nb_index: tuple) -> bytes | None:
    """A bitset of the hashes of the keys of ``index`` and of every dict of ``nb_index``, for
    ``_crf.type_segments``: a feature whose bit is clear is in none of them and gets the zero index
    without a look-up (the same indices, fewer cache misses); None when the compiled module has no
    filter (an older build)."""
    if _crf is None or not hasattr(_crf, "feature_filter"):
        return None
    return _crf.feature_filter((index, *nb_index), FILTER_BITS)


def split_clitics(norm: str, res: Resources) -> tuple[str, str]:
    """``(proclitic, stem)`` of a normalised token.

    A proclitic is split off when the stem is a more frequent word in the raw news than the whole
    token (``وفرنسا`` -> ``و`` + ``فرنسا``; ``وليد`` stays whole).  ``لل`` + noun is read as ``ل`` +
    ``ال`` + noun.  Without cluster counts, a proclitic is split when the stem is in the lexicon.
    (In C when the optional module is built: the same split, see :func:`split_clitics_py`.)"""
    tables = _compiled_tables(res)
    if tables is not None:
        return _split_c(norm, _BY_FIRST, *tables)
    return split_clitics_py(norm, res)


def split_clitics_py(norm: str, res: Resources) -> tuple[str, str]:
    """:func:`split_clitics` in Python (the reference of the compiled split, and its fallback)."""
    cands = _BY_FIRST.get(norm[:1])
    if cands is None:
        return "", norm
    best, best_score = ("", norm), res.count(norm)
    if best_score == 0 and norm in res.lexicon:
        best_score = 1
    for p in cands:
        if len(norm) - len(p) < 2 or not norm.startswith(p):
            continue
        stem = norm[len(p):]
        if p.endswith("ل") and stem.startswith("ل"):  # لل + noun = ل + ال + noun
            stem = "ا" + stem
        sc = res.count(stem)
        if sc == 0 and (stem in res.lexicon or (stem.startswith("ال") and stem[2:] in res.lexicon)):
            sc = 1
        if sc > best_score:
            best, best_score = (p, stem), sc
    return best


def _shape(tok: str) -> str:
    if tok.isalpha():  # letters only (most tokens): no digit, some letter
        return "lat" if tok.isascii() else "ar"
    if _DIGITS.issuperset(tok):
        return "num"
    if not _DIGITS.isdisjoint(tok):
        return "hasnum"
    if tok.isascii() and tok.isalpha():
        return "lat"
    if not any(c.isalpha() for c in tok):
        return "pun"
    return "ar"


_FREQ = tuple(f"f={i}" for i in range(15))


def _lenband(n: int) -> str:
    return str(n) if n < 5 else ("5" if n < 7 else "7")


def _digit_key(norm: str) -> str:
    return "".join("0" if c in _DIGITS else c for c in norm)


def _stem_base(norm: str, shape: str, res: Resources) -> tuple[str, str, str]:
    """(proclitic, stem, base) of a normalised word of shape ``ar``, ``lat`` or ``pun``."""
    pre, stem = split_clitics(norm, res) if shape == "ar" else ("", norm)
    base = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    return pre, stem, base


def stem_and_base(tok: str, res: Resources, norm: str | None = None) -> tuple[str, str]:
    """The stem and base that :meth:`Featurizer.parts` gives ``tok`` (without its features);
    ``norm``: ``normalize_word(tok)`` when the caller has it."""
    if norm is None:
        norm = normalize_word(tok)
    shape = _shape(norm)
    if shape in ("num", "hasnum"):
        key = _digit_key(norm)
        return key, key
    return _stem_base(norm, shape, res)[1:]


_DIGIT_CHARS = "".join(sorted(_DIGITS))


def stems_and_bases(norms: list[str], res: Resources, *, compiled: bool = True) -> list[tuple[str, str]]:
    """:func:`stem_and_base` of each normalised word of ``norms`` (in C when the optional module
    is built and ``compiled``)."""
    tables = _compiled_tables(res) if compiled and _stem_bases_c is not None else None
    if tables is not None:
        return _stem_bases_c(norms, _BY_FIRST, *tables, _DIGIT_CHARS)
    return [stem_and_base(w, res, w) for w in norms]


class Featurizer:
    """Turns token lists into lists of feature strings; per-token work cached."""

    def __init__(self, res: Resources, window: int = 2, known: frozenset[str] | None = None) -> None:
        self.res = res
        self.window = window
        # when set (tagging with a trained model), features the model has no weight for are dropped
        # here, once per word type, instead of being looked up by crfsuite for every token
        self.known = known
        # neighbour offsets, and for each the index into a unit's neighbour tuple
        self._offsets = tuple(o for o in range(-window, window + 1) if o)
        self._prefixes = tuple((f"{o}:", abs(o) == 1) for o in self._offsets)
        self._clusters_fmt: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}
        self._unit = lru_cache(maxsize=200_000)(self._unit_uncached)

    def _lex(self, stem: str, base: str, norm: str) -> tuple[str, ...]:
        get = self.res.lexicon.get
        hits = [k for k in (get(norm), get(stem), get(base), get("ال" + base)) if k]
        if not hits:
            return ()
        return tuple(sorted(set().union(*hits)))

    def _cluster_strings(self, ids: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """The cluster features of a word with cluster ids ``ids``: its own (every granularity) and
        the ones its neighbours see (the two middle granularities); formatted once per id tuple."""
        hit = self._clusters_fmt.get(ids)
        if hit is None:
            names = self.res.cluster_names
            hit = ([f"{names[i]}={ids[i]}" for i in range(len(names))],
                   [f"{names[i]}={ids[i]}" for i in range(1, min(3, len(names)))])
            if len(self._clusters_fmt) < 100_000:
                self._clusters_fmt[ids] = hit
        return hit

    def _unit_uncached(self, tok: str):
        """(own features, neighbour features by offset, stem, base) of one token."""
        own, near, far, stem, base = self.parts(tok)
        nb = [[p + f for f in (near if is_near else far)] for p, is_near in self._prefixes]
        if self.known is not None:
            known = self.known
            own = [f for f in own if f in known]
            nb = [[f for f in x if f in known] for x in nb]
        return own, tuple(nb), stem, base

    def parts(self, tok: str, norm: str | None = None) -> tuple[list[str], list[str], list[str], str, str]:
        """(own features, what a neighbour at ±1 sees, what one further away sees, stem, base) of
        one token; the neighbour features before their ``offset:`` prefix (see ``_unit``).
        ``norm``: ``normalize_word(tok)`` when the caller has it."""
        res = self.res
        if norm is None:
            norm = normalize_word(tok)
        shape = _shape(norm)
        if shape in ("num", "hasnum"):
            key = _digit_key(norm)
            nbs = ["shape=" + shape]
            return ["shape=" + shape, "w=" + key[:6]], nbs, nbs, key, key
        pre, stem, base = _stem_base(norm, shape, res)
        own = ["w=" + norm, "s=" + stem, "b=" + base, "pre=" + pre, "shape=" + shape,
               "len=" + _lenband(len(base)), "b2=" + base[:2], "b3=" + base[:3],
               "x1=" + base[-1:], "x2=" + base[-2:], "x3=" + base[-3:]]
        if base is not stem:
            own.append("al")
        nbk: list[str] = [f"s={stem}"]
        far = nbk
        if res.use_lexicon:
            kinds = self._lex(stem, base, norm)
            if kinds:
                lk = ["L=" + k for k in kinds]
                own += lk
                nbk = nbk + lk
                far = nbk
        if res.use_clusters and res.clusters:
            c = res.clusters.get(norm) or res.clusters.get(stem)
            if c is None:
                own.append("c=unk")
                own.append("f=0")
                nbk = [*nbk, "c=unk"]
            else:
                mine, theirs = self._cluster_strings(c[1])
                own += mine
                own.append(_FREQ[min((c[0] + 1).bit_length() - 1, 14)])  # log2 band of the count
                nbk = nbk + theirs
        if res.profiles:
            prof = res.profiles.get(norm) or res.profiles.get(stem)
            if prof:
                own += prof
        return own, nbk, far, stem, base

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists for one sentence."""
        unit = self._unit
        units = [unit(t) for t in tokens]
        n = len(units)
        out = []
        offs = tuple(enumerate(self._offsets))
        stems = [u[2] for u in units]
        phr = self._phrases([u[3] for u in units], stems) if self.res.use_lexicon and n > 1 else None
        for i in range(n):
            f = units[i][0] + [f"s-1s0={stems[i - 1]}|{stems[i]}" if i else "BOS",
                               f"s0s1={stems[i]}|{stems[i + 1]}" if i < n - 1 else "EOS"]
            for k, o in offs:
                j = i + o
                if 0 <= j < n:
                    f += units[j][1][k]
            if phr is not None and phr[i]:
                f += phr[i]
            out.append(f)
        return out

    def _phrases(self, bases: list[str], stems: list[str], at: list[int] | None = None) -> list[list[str]] | None:
        """Multi-word lexicon matches: ``P=B-kind`` / ``P=I-kind`` on the covered tokens (entries
        starting at the positions ``at``, ascending, when given; else anywhere)."""
        phrases = self.res.phrases
        out: list[list[str]] | None = None
        n = len(stems)
        for i in range(n - 1) if at is None else at:
            if i >= n - 1:
                break
            s1, b1 = stems[i + 1], bases[i + 1]
            cands = (phrases.get((stems[i], s1)) or phrases.get((bases[i], s1))
                     or phrases.get((stems[i], b1)) or phrases.get((bases[i], b1)))
            if not cands:
                continue
            for words, kind in cands:
                k = len(words)
                if i + k <= n and all(stems[i + j] == words[j] or bases[i + j] == words[j] for j in range(2, k)):
                    if out is None:
                        out = [[] for _ in range(n)]
                    out[i].append("P=B-" + kind)
                    for j in range(1, k):
                        out[i + j].append("P=I-" + kind)
        return out
