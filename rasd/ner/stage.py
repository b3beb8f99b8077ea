"""Pipeline stage: the CRF tagger's entities, merged with the rule-based ones already in
``doc.entities`` (people, organisations) and with ``doc.places`` (evidence for LOC).

Span rule: the tagger labels whole tokens (ANERcorp style: ``وفرنسا`` is B-LOC); in the pipeline an
entity's span leaves out a proclitic on its first token (و ف ب ل ك and combinations; ``لل`` keeps
the second ل, the article's), chosen by :func:`rasd.ner.features.split_clitics`, the same split the
rule recognisers make.  ``doc.text[e.start:e.end] == e.text`` always.

Merge (decided by measurement, see docs/ner.md and scripts/ner_merge_eval.py): where a rule entity
and a tagger entity overlap and differ, the winner is given per label by :data:`RULES_WIN` (the
tagger, measured); the same span found by both is kept once (the rule entity, with
``info["tagger"] = True``); an entity of either side that overlaps nothing is kept (labels in
:data:`KEEP_ALONE`); places that no entity covers are added as LOC only when :data:`ADD_PLACES`
is true (off: measured to cost precision, and they are in ``doc.places`` anyway).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from operator import attrgetter

from rasd.doc import Document, Entity, Token
from rasd.geo.family import drop_family_nisbas
from rasd.ner.conll import spans
from rasd.ner.features import split_clitics
from rasd.text.normalize import normalize
from rasd.text.vocab import token_table

# label of the rule entity -> True when the rule entity wins an overlap with a tagger entity
RULES_WIN: dict[str, bool] = {"PERS": False, "ORG": False, "LOC": False, "MISC": False}
ADD_PLACES = False
# labels of rule entities kept where the tagger found nothing
KEEP_ALONE: frozenset[str] = frozenset({"PERS", "ORG", "LOC", "MISC"})
TAGGER_CONFIDENCE = 0.8
_TEXT = attrgetter("text")
_NORM = attrgetter("norm")


def _name_band(word: str, res) -> int:
    """How strongly raw news uses ``word`` as a person's name: its highest context-profile band
    right after titles or given names (0-4); 5 for a listed given name."""
    if "given" in res.lexicon.get(word, ()):
        return 5
    prof = res.profiles.get(word) or ()
    return max((int(f[4:]) for f in prof if f.startswith(("prT=", "prG="))), default=0)


def proclitic_chars(tok: Token, res, label: str | None = None) -> int:
    """How many characters of ``tok.text`` form a proclitic to leave out of an entity span.  For a
    person (``label`` PERS) the token stays whole when it is at least as much a name as its stem
    (وليد، بسام، بادي are names, not و + ليد، ب + سام، ب + ادي "he led")."""
    if tok.kind != "word":
        return 0
    pre, stem = split_clitics(tok.norm, res)
    if not pre:
        return 0
    if label == "PERS" and _name_band(tok.norm, res) >= max(1, _name_band(stem, res)):
        return 0
    nt = normalize(tok.text)
    k = len(pre)
    if k >= len(nt.norm):
        return 0
    return nt.to_original(k, k + 1)[0]


#: at most this many (token, label) results of :func:`proclitic_chars` are remembered per resources
PROCLITIC_MEMO = 100_000


def _proclitic_memo(res) -> dict:
    """``(text, kind, norm, is PERS) -> proclitic_chars`` for ``res``: a cache kept on ``res`` and
    started afresh when its clusters, lexicon or profiles are replaced."""
    deps = (res.clusters, res.lexicon, res.profiles)
    held = getattr(res, "_proclitic_memo", None)
    if held is None or any(a is not b for a, b in zip(held[0], deps, strict=True)):
        held = (deps, {})
        res._proclitic_memo = held
    return held[1]


def tagger_entities(doc: Document, tagger) -> list[Entity]:
    """The tagger's entities of ``doc``, sentence by sentence, spans without proclitics."""
    res = tagger.resources
    memo = _proclitic_memo(res)
    out: list[Entity] = []
    sents = doc.sentences or []
    ranges = [(a, b) for a, b in ([(s.token_start, s.token_end) for s in sents] or [(0, len(doc.tokens))])
              if b > a]
    text = doc.text
    toks = doc.tokens
    # the tokens' texts and normalised forms read once for the document, then cut by sentence (the
    # forms from the rule entities' reader when it read this document's tokens, as the quotes stage does)
    tt = token_table(doc)  # the tokenizer's texts, forms and word ids, when they hold for doc.tokens
    wids = None
    if tt is not None:
        texts, norms = tt.texts, tt.norms
        wids = [tt.ids[a:b] for a, b in ranges]
    else:
        texts = list(map(_TEXT, toks))
        reader = doc.cache.get("entities.reader")
        norms = getattr(reader, "norms", None) if getattr(reader, "toks", None) is toks else None
        if norms is None or len(norms) != len(toks):
            norms = list(map(_NORM, toks))
    all_tags = tagger.tag_document([texts[a:b] for a, b in ranges], norms=[norms[a:b] for a, b in ranges],
                                   wids=wids)
    for (a, _b), tags in zip(ranges, all_tags, strict=True):
        if tags.count("O") == len(tags):
            continue  # most sentences name nothing
        for i, j, label in spans(tags):
            first, last = toks[a + i], toks[a + j - 1]
            key = (first.text, first.kind, first.norm, label == "PERS")
            k = memo.get(key)
            if k is None:
                k = proclitic_chars(first, res, label)
                if len(memo) < PROCLITIC_MEMO:
                    memo[key] = k
            start = first.start + k
            end = last.end
            if start >= end:
                continue
            out.append(Entity(start, end, text[start:end], label, source="tagger",
                              confidence=TAGGER_CONFIDENCE))
    return out


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


class _Overlaps:
    """Which of a fixed list of spans overlap a query span: bisection on starts, then a walk back
    bounded by the running maximum of ends (spans may nest)."""

    def __init__(self, spans) -> None:
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda k: spans[k].start)
        self.starts = [spans[k].start for k in self.order]
        self.maxend: list[int] = []
        m = -1
        for k in self.order:
            m = max(m, spans[k].end)
            self.maxend.append(m)

    def of(self, q) -> list[int]:
        """Indices (ascending) of the spans that overlap ``q``."""
        out = []
        j = bisect_left(self.starts, q.end) - 1
        while j >= 0 and self.maxend[j] > q.start:
            k = self.order[j]
            if self.spans[k].end > q.start:
                out.append(k)
            j -= 1
        if len(out) > 1:
            out.sort()
        return out


def _inside_known_person(t: Entity, over) -> bool:
    """Whether the tagger's person ``t`` lies strictly inside a person of the known-names list (the
    tagger's أحمد inside إسماعيل ولد الشيخ أحمد): the listed full name wins."""
    return t.label == "PERS" and any(
        r.label == "PERS" and r.info.get("rule") == "known" and r.start <= t.start and t.end <= r.end
        and r.end - r.start > t.end - t.start for _, r in over)


def merge(rules: list[Entity], tagged: list[Entity], places=(), *,
          rules_win: dict[str, bool] | None = None, add_places: bool | None = None,
          keep_alone: frozenset[str] | None = None) -> list[Entity]:
    """Merge rule and tagger entities (and places as LOC) into one sorted, non-conflicting list.

    ``rules_win[label]``: the rule entity wins an overlap; ``keep_alone``: labels of rule entities
    kept when no tagger entity overlaps them; ``add_places``: uncovered places become LOC.
    Rule entities that overlap each other are all kept (the rule stage's own business)."""
    rules_win = RULES_WIN if rules_win is None else rules_win
    add_places = ADD_PLACES if add_places is None else add_places
    keep_alone = KEEP_ALONE if keep_alone is None else keep_alone
    kept_tagged: list[Entity] = []
    dropped_rules: set[int] = set()
    touched: set[int] = set()
    index = _Overlaps(rules)
    for t in tagged:
        ks = index.of(t)
        if not ks:  # most tagger entities overlap no rule entity
            kept_tagged.append(t)
            continue
        over = [(k, rules[k]) for k in ks]
        touched.update(ks)
        same = [r for _, r in over if r.start == t.start and r.end == t.end and r.label == t.label]
        if same:
            same[0].info["tagger"] = True
            continue
        if all(rules_win.get(r.label, True) for _, r in over) or _inside_known_person(t, over):
            continue
        dropped_rules.update(k for k, _ in over)
        for _, r in over:  # keep what the rules knew about the same name
            if r.label == t.label:
                t.role = t.role or r.role
                t.info.setdefault("rules", r.text)
        kept_tagged.append(t)
    out = [r for k, r in enumerate(rules)
           if k not in dropped_rules and (k in touched or r.label in keep_alone)] + kept_tagged
    if add_places:
        for p in places:
            if not any(_overlaps(p, e) for e in out):
                out.append(Entity(p.start, p.end, p.text, "LOC", canonical=p.name, source="gazetteer",
                                  confidence=0.9))
    out.sort(key=lambda e: (e.start, -e.end))
    return out


class TagEntities:
    """Pipeline stage: statistical NER (CRF) merged with the rule entities and places."""

    name = "ner"
    needs = ("tokens", "sentences")
    adds = ("entities",)  # and drops from ``places`` the nisbas that are family names (rasd.geo.family)

    def __init__(self, tagger=None) -> None:
        self._tagger = tagger
        self._lock = threading.Lock()

    def load(self):
        """Load the CRF model, lexicon and clusters now."""
        if self._tagger is None:
            with self._lock:
                if self._tagger is None:
                    from rasd.ner.tagger import default_tagger

                    self._tagger = default_tagger()
        return self._tagger.load()

    def __call__(self, doc: Document) -> Document:
        tagger = self.load()
        doc.entities = merge(doc.entities, tagger_entities(doc, tagger), doc.places)
        doc.places = drop_family_nisbas(doc)  # عبدالله التركي is a name, not Turkey
        return doc
