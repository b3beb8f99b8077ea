"""Rule-based recognition of people (PERS) and organisations (ORG).

People are found from the titles and roles that introduce them (الرئيس المصري عبد الفتاح السيسي,
المتحدث باسم الرئاسة المصرية بسام راضي), from an apposition after the name (خليفة حفتر قائد قوات شرق
ليبيا), from a list of given names (غسان سلامة), and from a short list of well-known names.  A later
mention by surname alone (حفتر، بحفتر، السيسي) is linked to the full name.  Organisations are
found from their head nouns with the complement that belongs to them (الجيش الوطني الليبي، وزارة
الخارجية الأمريكية، الحكومة المعترف بها دوليا) and from the known list.

Every entity span excludes proclitics (بحفتر -> حفتر); ``canonical`` is the name without proclitics
and titles, ``role`` the title phrase.  All word lists live in ``rasd/data`` (titles.yaml,
org_heads.yaml, given_names.tsv, known_entities.yaml).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, is_

from rasd.doc import Document, Entity, Token
from rasd.lazy import once
from rasd.lexicon import load_tsv, load_yaml
from rasd.lexicon.matcher import normalize_key
from rasd.text.normalize import normalize_word
from rasd.text.vocab import VOCAB, token_table

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
# Words that join parts of a name: عبد الفتاح, أبو بكر, بن سلمان, آل ثاني, ولد الشيخ.
_CONNECTORS = frozenset(normalize_word(w) for w in ("عبد", "أبو", "أبي", "أبا", "بن", "ابن", "بنت", "ولد", "آل"))
_NAME_PREFIX = "عبد"
_NORM = attrgetter("norm")
_START = attrgetter("start")
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"  # عبدالله، عبدالرحمن written as one word


@lru_cache(maxsize=1 << 17)
def strip_forms(norm: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, base) readings of a normalised token: as is, without و/ف, without ب/ل/ك.

    ``لل`` + noun is read as ل + ال + noun: the base gets its article back and the prefix length
    stops before the article's lam (its span starts at the second ل).
    """
    out = [(0, norm)]
    rest, k = norm, 0
    if len(rest) > 3 and rest[0] in _CONJ:
        rest, k = rest[1:], 1
        out.append((k, rest))
    if len(rest) > 3 and rest.startswith("لل"):
        out.append((k + 1, "ا" + rest[1:]))
    elif len(rest) > 3 and rest[0] in _PREP:
        out.append((k + 1, rest[1:]))
    return tuple(out)


@lru_cache(maxsize=1 << 17)
def _title_cands(norm: str) -> tuple[tuple[int, str], ...]:
    """Readings of a token whose base can start a title (usually none)."""
    first = lexicon().title_first
    return tuple((p, b) for p, b in strip_forms(norm) if b in first)


@lru_cache(maxsize=1 << 17)
def _head_cands(norm: str) -> tuple[tuple[int, str, str, bool], ...]:
    """Readings of a token whose base can start an organisation head: (plen, base, core, definite)."""
    first = lexicon().head_first
    out = []
    for p, b in strip_forms(norm):
        definite = b.startswith("ال")
        core = b[2:] if definite else b
        if core in first or b in first:
            out.append((p, b, core, definite))
    return tuple(out)


def _norm_list(words) -> set[str]:
    return {normalize_word(w).strip() for w in words if str(w).strip()}


def _phrase_table(phrases, value) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for p in phrases:
        key = tuple(normalize_word(p).split())
        if key:
            out[key] = value
    return out


@dataclass
class Lexicon:
    """Everything the recogniser reads from rasd/data, normalised once."""

    titles: dict[tuple[str, ...], str] = field(default_factory=dict)
    title_first: set[str] = field(default_factory=set)
    title_len: dict[str, int] = field(default_factory=dict)  # first word -> words of its longest title
    adjectives: set[str] = field(default_factory=set)
    adj_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    adj_first: set[str] = field(default_factory=set)
    nisbas: set[str] = field(default_factory=set)
    construct: set[str] = field(default_factory=set)
    role_preps: set[str] = field(default_factory=set)
    stop: set[str] = field(default_factory=set)
    descriptive: set[str] = field(default_factory=set)
    heads: dict[tuple[str, ...], str] = field(default_factory=dict)
    head_first: set[str] = field(default_factory=set)
    head_len: dict[str, int] = field(default_factory=dict)  # first word -> words of its longest head
    standalone: set[str] = field(default_factory=set)
    not_after_bi: set[str] = field(default_factory=set)
    not_purpose: set[str] = field(default_factory=set)
    purpose_heads: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    given: dict[str, tuple[str, bool]] = field(default_factory=dict)
    spelled_words: set[str] = field(default_factory=set)
    noun_titles: set[str] = field(default_factory=set)  # titles that are also everyday nouns (الفريق)
    father_links: set[str] = field(default_factory=set)  # بن، بنت
    time_words: set[str] = field(default_factory=set)
    first_bits: dict[str, int] = field(default_factory=dict)  # a word that may start a title 1, head 2, known 8
    known_names: set[str] = field(default_factory=set)  # single-token known person names (السيسي)
    known: dict[str, list[tuple[tuple[str, ...], tuple]]] = field(default_factory=dict)  # first word -> entries
    # the entries of ``known`` that can match before a given second word: (first, second) -> entries, and
    # first -> one-word entries (both in the order of ``known``, longest first)
    known_pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple]]] = field(default_factory=dict)
    known_single: dict[str, list[tuple[tuple[str, ...], tuple]]] = field(default_factory=dict)




@once
def lexicon() -> Lexicon:
    """The recogniser's word lists (loaded once per process)."""
    return _load()


def _load() -> Lexicon:
    lx = Lexicon()
    t = load_yaml("titles.yaml")
    for kind in ("office", "rank", "honorific"):
        for key, v in _phrase_table(t[kind], kind).items():
            lx.titles.setdefault(key, v)
    lx.title_first = {k[0] for k in lx.titles}
    for k in lx.titles:
        lx.title_len[k[0]] = max(lx.title_len.get(k[0], 0), len(k))
    for a in t["adjectives"]:
        key = tuple(normalize_word(a).split())
        if len(key) == 1:
            lx.adjectives.add(key[0])
        else:
            lx.adj_phrases[key] = a
    lx.adj_first = {k[0] for k in lx.adj_phrases}
    lx.nisbas = _norm_list(t["nisbas"])
    lx.construct = _norm_list(t["construct_words"])
    lx.role_preps = _norm_list(t["role_prepositions"])
    lx.stop = _norm_list(t["not_names"])
    lx.descriptive = _norm_list(t["descriptive_adjectives"])
    lx.spelled_words = _norm_list(t["spelled_words"])
    lx.noun_titles = _norm_list(t["common_noun_titles"])
    lx.father_links = _norm_list(t["father_links"])
    lx.time_words = _norm_list(t["time_words"])
    sv = load_yaml("speech_verbs.yaml")
    for v in sv["verbs"]:
        lx.stop.update(_norm_list(v["forms"] if isinstance(v, dict) else v))
    lx.stop.update(_norm_list(sv["complementizers"]))
    lx.stop.update(_norm_list(sv["participles"]))
    o = load_yaml("org_heads.yaml")
    lx.heads = _phrase_table(o["heads"], "head")
    lx.head_first = {k[0] for k in lx.heads}
    for k in lx.heads:
        lx.head_len[k[0]] = max(lx.head_len.get(k[0], 0), len(k))
    lx.standalone = _norm_list(o["standalone"])
    lx.not_after_bi = _norm_list(o["not_after_bi"])
    lx.not_purpose = _norm_list(o["not_purpose"])
    lx.purpose_heads = _norm_list(o["purpose_heads"])
    lx.places = _norm_list(o["places"])
    _, rows = load_tsv("given_names.tsv")
    lx.given = {normalize_word(r["name"]): (r["gender"], r["ambiguous"] == "1") for r in rows}
    k = load_yaml("known_entities.yaml")
    entries: dict[tuple[str, ...], tuple] = {}
    for label, key in (("PERS", "people"), ("ORG", "orgs")):
        for item in k[key]:
            val = (label, item["name"], item.get("role"))
            entries.setdefault(tuple(normalize_key(item["name"]).split()), val)
            for v in item.get("variants") or []:
                entries.setdefault(tuple(normalize_key(v).split()), val)
                if label == "PERS" and " " not in v.strip():
                    lx.known_names.add(normalize_word(v))
            if label == "PERS" and " " not in item["name"]:
                lx.known_names.add(normalize_word(item["name"]))
    for key, val in sorted(entries.items(), key=lambda kv: -len(kv[0])):
        lx.known.setdefault(key[0], []).append((key[1:], val))
    for first, items in lx.known.items():
        for second in {rest[0] for rest, _ in items if rest}:
            lx.known_pairs[(first, second)] = [(r, v) for r, v in items if not r or r[0] == second]
        single = [(r, v) for r, v in items if not r]
        if single:
            lx.known_single[first] = single
    fb = lx.first_bits
    for w in lx.title_first:
        fb[w] = fb.get(w, 0) | 1
    for w in lx.head_first:
        for form in (w, "ال" + w, w[2:] if w.startswith("ال") else None):
            if form:
                fb[form] = fb.get(form, 0) | 2
    for w in lx.known:
        fb[w] = fb.get(w, 0) | 8
    return lx


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    """True when only spaces (no line break) separate two tokens."""
    gap = text[a.end:b.start]
    return "\n" not in gap and len(gap) <= 3


class _Reader:
    """One document's token-level rules."""

    def __init__(self, doc: Document, lx: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.toks = doc.tokens
        self.lx = lx
        self.n = len(self.toks)
        self._starts: list[int] | None = None
        self.place_starts: set[int] = set()
        self.place_conj: set[int] = set()
        for p in doc.places:
            i = self._index_at(p.start)
            if i is not None:
                self.place_starts.add(i)
                if p.start > self.toks[i].start and self.text[self.toks[i].start] == "و":
                    self.place_conj.add(i)  # والولايات المتحدة: a new place after "and"
        self.person_tokens: set[int] = set()
        self.known_orgs: dict[int, int] = {}  # first token -> end token of a known body (لحلف شمال الأطلسي)
        self.title_idx: list[int] | None = None
        self.head_idx: list[int] | None = None
        self.given_idx: list[int] | None = None
        self.known_idx: list[int] | None = None
        tt = token_table(doc)  # the tokenizer's forms and word ids, when they hold for doc.tokens
        self.wids = tt.ids if tt is not None else None
        self.norms = tt.norms if tt is not None else list(map(_NORM, self.toks))
        self._titles: dict[int, tuple[str, int, int] | None] = {}
        self._heads: dict[int, tuple[bool, int, int] | None] = {}

    def candidates(self) -> None:
        """Find the tokens that may start a title, an organisation head, a given name, a known name."""
        norms = self.norms
        if self.wids is not None:
            feats = _bits_by_id(self.lx, norms, self.wids)
        else:
            feats = list(map(feature_table(self.lx).get, norms, repeat(0)))
            # a word on عبد (a given name) may be missing from the table: its bit (the scans in C)
            for i in compress(count(), map(str.startswith, norms, repeat(_NAME_PREFIX))):
                feats[i] |= 4
        toks = self.toks
        hits = [i for i in compress(count(), feats) if toks[i].kind == "word"]  # tokens with a feature
        self.title_idx = [i for i in hits if feats[i] & 1]
        self.head_idx = [i for i in hits if feats[i] & 2]
        self.given_idx = [i for i in hits if feats[i] & 4]
        self.known_idx = [i for i in hits if feats[i] & 8]

    def _index_at(self, offset: int) -> int | None:
        if self._starts is None:
            self._starts = list(map(_START, self.toks))
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.toks[i].start <= offset < self.toks[i].end:
            return i
        return None

    # --- small predicates -------------------------------------------------------------------
    def word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].kind == "word"

    def joined(self, i: int, j: int) -> bool:
        """Tokens i and j (j = i + 1) are adjacent words on the same line."""
        return j < self.n and _gap_ok(self.text, self.toks[i], self.toks[j])

    def is_adj(self, norm: str) -> bool:
        lx = self.lx
        if norm in lx.adjectives or norm in lx.nisbas:
            return True
        if not norm.startswith("ال") or len(norm) < 5 or norm in lx.stop or norm in lx.known_names:
            return False
        return norm.endswith(("ي", "يه", "يين", "يون", "يان"))

    def adj_phrase(self, i: int) -> int:
        """Length in tokens of an adjective phrase (المعترف بها دوليا) starting at i, else 0."""
        if self.toks[i].norm not in self.lx.adj_first:
            return 0
        for key in self.lx.adj_phrases:
            m = len(key)
            if i + m <= self.n and all(self.toks[i + k].norm == key[k] for k in range(m)) and \
                    all(self.joined(i + k, i + k + 1) for k in range(m - 1)):
                return m
        return 0

    def title_at(self, i: int) -> tuple[str, int, int] | None:
        """(kind, tokens, prefix length) of a title starting at token i."""
        if i in self._titles:
            return self._titles[i]
        r = self._titles[i] = self._title_at(i)
        return r

    def _title_at(self, i: int) -> tuple[str, int, int] | None:
        if not self.word(i):
            return None
        lx = self.lx
        if self.toks[i].text.rstrip(_HARAKAT).endswith("ى"):
            return None  # وإلى (and to) is not والي (a governor)
        for plen, base in _title_cands(self.toks[i].norm):
            best = None
            longest = lx.title_len[base]  # (no title of more words starts with this one)
            for m in (4, 3, 2, 1):
                if i + m > self.n or m > longest:
                    continue
                key = (base, *self.norms[i + 1:i + m])
                kind = lx.titles.get(key)
                if kind and all(self.joined(i + k, i + k + 1) for k in range(m - 1)):
                    best = (kind, m, plen)
                    break
            if best:
                return best
        return None

    def head_at(self, i: int) -> tuple[bool, int, int] | None:
        """(definite, tokens, prefix length) of an organisation head at token i."""
        if i in self._heads:
            return self._heads[i]
        r = self._heads[i] = self._head_at(i)
        return r

    def _head_at(self, i: int) -> tuple[bool, int, int] | None:
        if not self.word(i):
            return None
        lx = self.lx
        for plen, base, core, definite in _head_cands(self.toks[i].norm):
            longest = max(lx.head_len.get(core, 0), lx.head_len.get(base, 0))  # (no longer head starts here)
            for m in (3, 2, 1):
                if i + m > self.n or m > longest:
                    continue
                rest = self.norms[i + 1:i + m]
                if (core, *rest) in lx.heads:
                    return definite, m, plen
                if (base, *rest) in lx.heads:  # a head written with its article (الدفاع المدني)
                    return True, m, plen
        return None

    def is_place(self, i: int) -> bool:
        return i in self.place_starts or self.toks[i].norm in self.lx.places

    # --- complements ------------------------------------------------------------------------
    def complement(self, i: int, *, definite: bool, for_role: bool, purpose: bool = False) -> int:
        """End token index (exclusive) of the complement of a head or title ending before i (``purpose``:
        the head of a body that may go on with one purpose on ل: اللجنة الوطنية | لمكافحة المخدرات)."""
        lx, toks = self.lx, self.toks
        j = i
        had_genitive = definite  # a definite head takes adjectives only
        while j < self.n and self.word(j) and self.joined(j - 1, j):
            norm = toks[j].norm
            ap = self.adj_phrase(j)
            if ap:
                j += ap
                continue
            if norm.startswith("ال"):
                if norm in lx.descriptive or norm in lx.known_names or j in self.person_tokens:
                    break
                if self.is_adj(norm):
                    had_genitive = True
                    j += 1
                    continue
                if norm in lx.time_words or self.title_at(j) is not None or (norm in lx.stop and had_genitive):
                    break  # a time word; a title after the complement (... العميد سمير) starts again
                if not had_genitive:
                    had_genitive = True
                    j += 1
                    continue
                if for_role and self.title_at(j) is None and not self._name_follows(j + 1):
                    break
                if not for_role:
                    break
                # a genitive noun inside a role: رئيس هيئة الأركان العامة
                j += 1
                continue
            if j in self.place_conj and not toks[j].norm.endswith(("ي", "يه")):
                break  # مجلس التعاون | والولايات المتحدة: a second party, not the genitive
            if self.is_place(j) or (j in self.person_tokens and not for_role and not had_genitive):
                j += 1
                had_genitive = True
                continue
            h = self.head_at(j)
            if (norm in lx.construct or (h is not None and h[2] == 0)) and (
                    j == i or self.norms[j - 1] in lx.construct or
                    not (self.norms[j - 1].startswith("ال") or self.is_place(j - 1))):
                # (after a complete genitive, حكومة اليمن | تحرير عدن, a construct noun starts anew)
                # a construct noun must itself be followed by its genitive
                end = self.complement(j + 1, definite=False, for_role=for_role)
                if end > j + 1:
                    j = end
                    had_genitive = True
                    continue
                break
            if purpose and j > i:
                n_purpose = self._purpose(j)
                if n_purpose:  # الشبكة السورية | لحقوق الإنسان: a body's purpose on ل (one only)
                    j += n_purpose
                    had_genitive = True
                    purpose = False
                    continue
            if norm in lx.stop and norm not in lx.role_preps:
                break
            if for_role and norm in lx.role_preps and j + 1 < self.n:
                if j + 1 in self.person_tokens:  # المتحدث باسم دي ميستورا: a known person
                    e = j + 1
                    while e in self.person_tokens and e < self.n:
                        e += 1
                    j = e
                    continue
                end = self.complement(j + 1, definite=False, for_role=True)
                if end > j + 1:
                    j = end
                    continue
                break
            break
        return j

    def _purpose(self, j: int) -> int:
        """How many tokens of a body's purpose on ل start at token j (للطيران: 1, لحقوق الإنسان: 2), else 0."""
        lx, toks = self.lx, self.toks
        norm = toks[j].norm
        if norm[:1] != "ل" or toks[j].text[:2] == "لـ" or norm.endswith(("ين", "ون")):
            return 0
        rest = norm[2:] if norm.startswith("لل") else norm[1:]
        if len(rest) < 3 or rest in lx.not_purpose or rest in lx.stop or rest in lx.known_names or \
                self.is_place(j) or (norm.startswith("لل") and self.title_at(j) is not None):
            return 0
        if norm.startswith("لل"):
            return 1  # للطيران (المدني): its adjectives follow
        if j + 1 < self.n and self.word(j + 1) and self.joined(j, j + 1) and \
                (toks[j + 1].norm.startswith("ال") or self.is_place(j + 1)) and toks[j + 1].norm not in lx.stop:
            return 2  # لحقوق الإنسان، لمساعدة العراق
        return 0

    def _name_follows(self, j: int) -> bool:
        """Whether token j plausibly starts a person's name."""
        if not self.word(j):
            return False
        norm = self.toks[j].norm
        return norm in self.lx.given or norm in _CONNECTORS or norm.startswith(_NAME_PREFIX)

    # --- names ------------------------------------------------------------------------------
    def name_token_ok(self, j: int, first: bool) -> bool:
        if not self.word(j):
            return False
        lx = self.lx
        norm = self.toks[j].norm
        if norm in lx.spelled_words and self.toks[j].text.rstrip(_HARAKAT).endswith("ى"):
            return False  # على is not علي
        if norm in lx.known_names or norm in lx.given:
            return True
        if len(norm) < 2 or norm in lx.construct or (norm in lx.stop and norm not in lx.title_first):
            return False
        if norm[0] == "و" or (norm[0] == "ف" and (norm[1:] in lx.stop or norm[1:] in lx.given or
                                                  norm[1:] in lx.known_names)):
            return False  # a conjunction: وهو، وكثير، ومحمد (a new name); وليد، وائل are given names
        if norm.startswith(("بال", "لل", "وال", "فال", "كال")):
            return False
        if self.is_place(j) or (norm[0] in "بل" and (norm[1:] in lx.places or norm[1:] in lx.known_names)):
            return False
        text = self.toks[j].text
        if text.endswith("ه") and len(norm) >= 4 and not norm.endswith("الله"):
            return False  # غضبه، قواته: a pronoun suffix, not a name
        if "ً" in text or (norm.endswith("ا") and len(norm) >= 5):
            return False  # أدوارا، إيجابية: an accusative noun, not a name
        if norm[0] in "بلك" and norm[1:] in lx.stop:
            return False  # بذلك، لهذا
        if norm.startswith("ال") and norm.endswith("يه") and (norm[:-1] in lx.nisbas or norm[:-1] in lx.adjectives):
            return False  # الأمنية، الشعبية: a feminine adjective, not a family name (الفراية is one)
        core = norm[1:] if norm[0] in "بل" and len(norm) > 5 else norm
        if len(core) == 5 and core[0] == "ت" and core[3] == "ي":
            return False  # تدشين، لتعزيز: a verbal noun (تفعيل), not a name
        if first and norm[0] in "بلك" and j + 1 < self.n and self.toks[j + 1].norm.startswith("ال"):
            return False  # لحقوق الإنسان: a preposition phrase
        if norm.startswith("ي") and len(norm) >= 4:
            return False  # يقود، يبقى: a verb, not a name (يوسف، يحيى are given names)
        if not first and text.startswith("أ") and len(norm) == 4:
            return False  # أورد، أكد: a verb after the name
        if self.head_at(j) is not None:
            return False
        t = self.title_at(j)
        if t is not None:
            # العميد سمير الحاج: an honorific closing a name is a family name
            nxt = self.toks[j + 1] if j + 1 < self.n else None
            return not first and t[0] == "honorific" and t[1] == 1 and norm.startswith("ال") and (
                nxt is None or nxt.kind != "word" or not self._name_follows(j + 1))
        # a nisba after a first name is a family name (سعيد المصري); before any name it is a role word
        return not (norm.startswith("ال") and (first or norm in lx.adjectives or norm in lx.descriptive))

    def name(self, i: int, *, al_first: bool = False, max_words: int = 4) -> int:
        """End index (exclusive) of a person's name starting at token i (i when none)."""
        j, words = i, 0
        toks = self.toks
        surname = False
        prev_given = True  # after a connector pair (عبد ربه، بن سلمان) the chain goes on
        while j < self.n and words < max_words:
            if j > i and not self.joined(j - 1, j):
                break
            norm = toks[j].norm if self.word(j) else ""
            if norm in _CONNECTORS:
                nxt = toks[j + 1].norm if j + 1 < self.n else ""
                if self.word(j + 1) and self.joined(j, j + 1) and (
                        nxt not in self.lx.stop or nxt in self.lx.given or nxt in self.lx.known_names):
                    j += 2
                    words += 1
                    prev_given = True
                    continue
                break
            if surname and norm not in self.lx.given:
                break  # حسان الجبوري استمرار ...: a family name with the article ends the name
            if words >= 2 and not prev_given and norm not in self.lx.given and norm not in self.lx.known_names:
                break  # a third name needs a father's name before it (محمد صادق إسماعيل)
            if not self.name_token_ok(j, first=(j == i and not al_first)):
                if al_first and j == i and self.word(j) and toks[j].norm.startswith("ال") and \
                        toks[j].norm not in self.lx.stop and not self.is_adj(toks[j].norm):
                    pass
                else:
                    break
            surname = j > i and norm.startswith("ال")
            prev_given = norm in self.lx.given or norm in self.lx.known_names
            j += 1
            words += 1
        return j

    # --- the rules --------------------------------------------------------------------------
    def known_entities(self) -> list[Entity]:
        """Names of the known list (token-level, proclitics allowed on the first word, longest first)."""
        out = []
        norms, toks = self.norms, self.toks
        pairs, single = self.lx.known_pairs, self.lx.known_single
        nxt_ok = 0
        for i in self.known_idx or []:
            if i < nxt_ok:
                continue
            hit = None
            nxt = norms[i + 1] if i + 1 < self.n else None
            for plen, base in strip_forms(norms[i]):
                # only the entries whose second word is the next token (or that have one word) can match
                entries = pairs.get((base, nxt)) if nxt is not None else None
                for rest, val in (entries if entries is not None else single.get(base, ())):
                    m = len(rest)
                    if i + m < self.n and all(norms[i + 1 + k] == rest[k] for k in range(m)) and \
                            all(self.joined(i + k, i + k + 1) for k in range(m)):
                        if hit is None or m > hit[1]:
                            hit = (plen, m, val)
                        break
            if hit is None:
                continue
            plen, m, (label, canonical, role) = hit
            s, e = toks[i].start + plen, toks[i + m].end
            out.append(Entity(s, e, self.text[s:e], label, canonical=canonical, source="rules", confidence=0.9,
                              info={"rule": "known", "tokens": (i, i + m + 1), **({"known_role": role} if role else {})}))
            if label == "PERS":
                self.person_tokens.update(range(i, i + m + 1))
            nxt_ok = i + m + 1
        return out

    def titled_people(self) -> list[Entity]:
        out: list[Entity] = []
        lx = self.lx
        nxt_ok = 0
        for i in self.title_idx or []:
            if i < nxt_ok or i in self.person_tokens:
                continue  # قائد inside الباجي قائد السبسي
            t = self.title_at(i)
            if t is None:
                continue
            kind, m, plen = t
            if i > 0 and self.toks[i].norm.endswith("ه") and self.toks[i - 1].norm.startswith("ال") and \
                    self.title_at(i - 1) is None and self.joined(i - 1, i):
                continue  # المحاور الرئيسة: an adjective, not a title
            title_end = i + m
            # further titles and the complement of an office
            j = title_end
            rank_at = None  # a rank or honorific just before the name (المتحدث باسم ... العميد سمير)
            while True:
                t2 = self.title_at(j) if j < self.n and self.joined(j - 1, j) else None
                if t2 is not None and t2[2] == 0:
                    rank_at = (j, j + t2[1])
                    j += t2[1]
                    continue
                if kind == "office" or j > title_end:
                    end = self.complement(j, definite=False, for_role=True)
                    if end > j:
                        j = end
                        continue
                    if j in self.known_orgs and self.joined(j - 1, j):
                        j = self.known_orgs[j]  # الأمين العام | لحلف شمال الأطلسي: a known body is no name
                        continue
                    if j > title_end and self._role_purpose(j):
                        j += 1  # رئيس الفريق الإعلامي | للانتخابات البلدية: the office's purpose on لل
                        continue
                break
            if kind == "office" and not self.toks[i].norm[plen:].startswith("ال"):
                # مسؤول حكومي، مستشار عسكري: an indefinite nisba stays in the role
                while j < self.n and self.word(j) and self.joined(j - 1, j) and \
                        not self.norms[j - 1].startswith("ال") and self.toks[j].norm.endswith("ي") and len(self.toks[j].norm) >= 4 and \
                        self.toks[j].norm not in lx.given and self.toks[j].norm not in lx.known_names:
                    j += 1
            if kind in ("rank", "honorific") and j + 1 < self.n and self.word(j) and self.is_adj(self.toks[j].norm) \
                    and self.toks[j].norm not in lx.known_names and self.name_token_ok(j + 1, first=True):
                j += 1  # المهندس البريطاني فرانك: the nisba describes the title (اللواء التركي alone is a name)
            role_end = j
            if j < self.n and self.toks[j].norm == "باسم":
                nxt_ok = title_end  # الناطق باسم ...: the preposition, not the name Basem
                continue
            noun_title = m == 1 and self.norms[i][plen:] in lx.noun_titles  # (اللواء الركن: a rank only)
            name_end = self.name(j, al_first=kind in ("rank", "honorific") and not noun_title)
            confidence = 0.85
            if name_end == j and role_end > title_end and kind == "office" and \
                    self.toks[i].norm[plen:].startswith("ال") and role_end - title_end == 1:
                # الرئيس السيسي: the only word after a bare title is a surname
                last = self.toks[role_end - 1].norm
                if last in lx.known_names or not (self.is_adj(last) or last in lx.stop or
                                                  last in lx.descriptive):
                    j = role_end - 1
                    role_end = j
                    name_end = j + 1
                    confidence = 0.6
            if name_end == j and j + 1 < self.n and self.toks[j].text in ("،", ",") and \
                    self._name_follows(j + 1):
                # مدير المركز، مهند العيساوي: the name after a comma
                e2 = self.name(j + 1)
                if e2 - (j + 1) >= 2:
                    j, name_end = j + 1, e2
            if name_end == j + 1 and kind == "office" and not self.toks[i].norm[plen:].startswith("ال") and \
                    (lx.given.get(self.toks[j].norm, ("", True))[1]) and self.toks[j].norm not in lx.known_names:
                name_end = j  # قاضي تحقيق، قيادي برتبة: an indefinite post takes a full name
            if name_end == j or name_end == j + 1 and self._no_surname(j, noun_title):
                nxt_ok = title_end
                continue
            if self._common_word(j):
                nxt_ok = title_end  # وأكد الوزير دعم المملكة: the title's verb takes an object, not a name
                continue
            role_start = self.toks[i].start + plen
            extra = {}
            if rank_at is not None and rank_at[0] > i and role_end == rank_at[1]:
                extra["title"] = self.text[self.toks[rank_at[0]].start:self.toks[role_end - 1].end]
                role_end = rank_at[0]
            role = self.text[role_start:self.toks[role_end - 1].end] if role_end > i else None
            if role and plen and self.toks[i].norm[plen - 1:plen + 1] == "لل":
                role = "ا" + role  # للرئيس السابق -> الرئيس السابق
            ent = self._person(j, name_end, role, confidence, "title", title_kind=kind, **extra)
            out.append(ent)
            nxt_ok = name_end
        return out

    def _no_surname(self, j: int, noun_title: bool) -> bool:
        """Is token j, the only word after a title, no name: a verb in the past of a woman (غادرت), the dual
        of a feminine noun (بلدتي), a frequent word on a preposition (لفرع), or any word but a listed name
        after a title that is also an everyday noun (``noun_title``: الفريق | جاهز)?"""
        lx = self.lx
        nm = self.norms[j]
        if nm in lx.given or nm in lx.known_names:
            return False
        if noun_title or len(nm) >= 5 and nm.endswith(("ت", "تي")):
            return True  # (الفريق | جاهز: after the team, a lone word is no name either)
        return nm[:1] in "لب" and len(nm) >= 5 and not nm.startswith(("لل", "بال")) and \
            word_after_titles(nm[1:]) is False

    def _role_purpose(self, j: int) -> bool:
        """Does token j add a purpose on لل to a role (الفريق الإعلامي | للانتخابات البلدية) that a name or
        a rank follows (after its adjectives)?"""
        if j >= self.n or not self.joined(j - 1, j) or not self.norms[j].startswith("لل") or self._purpose(j) != 1:
            return False
        k = self.complement(j + 1, definite=True, for_role=True)
        return k < self.n and self.joined(k - 1, k) and (self._name_follows(k) or self.title_at(k) is not None)

    def _common_word(self, j: int) -> bool:
        """Token j is a frequent word of raw news that never stands after a title there, and no
        listed name: a verbal noun or noun object after ``verb + title`` (أكد الوزير دعم، بحث
        الرئيس تعزيز), not the name the title introduces."""
        norm = self.toks[j].norm
        if norm in self.lx.given or norm in self.lx.known_names:
            return False
        return word_after_titles(norm) is False

    def _person(self, i: int, e: int, role: str | None, confidence: float, rule: str, **info) -> Entity:
        s, end = self.toks[i].start, self.toks[e - 1].end
        text = self.text[s:end]
        ent = Entity(s, end, text, "PERS", canonical=text, role=role, source="rules",
                     confidence=confidence, info={"rule": rule, "tokens": (i, e), **info})
        self.person_tokens.update(range(i, e))
        self._apposition(ent, e)
        return ent

    def _apposition(self, ent: Entity, e: int) -> None:
        """A role after the name: خليفة حفتر قائد قوات شرق ليبيا / بسام عطية، المسؤول في ..."""
        j = e
        comma = False
        if j < self.n and self.toks[j].text in ("،", ",") :
            j += 1
            comma = True
        if j >= self.n or not self.joined(j - 1, j):
            return
        t = self.title_at(j)
        if t is None or t[2] != 0:
            return
        kind, m, _ = t
        end = self.complement(j + m, definite=False, for_role=True)
        if end == j + m and not comma:
            return
        if kind != "office" and end == j + m:
            return
        role = self.text[self.toks[j].start:self.toks[end - 1].end]
        if ent.role is None or ent.info.get("title_kind") in ("rank", "honorific"):
            if ent.role:
                ent.info["title"] = ent.role
            ent.role = role
        else:
            ent.info["apposition"] = role
        ent.info["role_span"] = (self.toks[j].start, self.toks[end - 1].end)

    def given_name_people(self, taken: set[int]) -> list[Entity]:
        out = []
        lx = self.lx
        given = lx.given
        nxt_ok = 0
        for i in self.given_idx or []:
            if i < nxt_ok or i in taken or not self.word(i):
                continue
            norm = self.norms[i]
            g = given.get(norm)
            if g is None and not (len(norm) > 4 or norm == "عبد"):
                continue
            if g is not None and norm.endswith("ي") and self.toks[i].text.rstrip(_HARAKAT).endswith("ى") \
                    and norm in lx.spelled_words:
                continue  # على (on) is not علي (Ali)
            e = self.name(i)
            if e - i < 2 or any(k in taken for k in range(i, e)):
                continue
            ambiguous = g is not None and g[1]
            if ambiguous:
                nxt = self.toks[i + 1].norm
                prev = self.toks[i - 1].norm if i > 0 else ""
                if not (nxt in lx.given or nxt in lx.known_names or _is_speech(prev)):
                    continue
            out.append(self._person(i, e, None, 0.6 if ambiguous else 0.7, "given-name"))
            nxt_ok = e
        return out

    def organisations(self, taken: set[int]) -> list[Entity]:
        out = []
        lx = self.lx
        nxt_ok = 0
        for i in self.head_idx or []:
            if i < nxt_ok:
                continue
            h = self.head_at(i)
            if h is None or i in taken:
                continue
            definite, m, plen = h
            if plen and self.toks[i].norm[plen - 1] == "ب" and self.toks[i].norm[plen:] in lx.not_after_bi:
                continue  # بقيادة المملكة، برئاسة الوزير: "led by", not a body
            base = strip_forms(self.toks[i].norm)
            head = [b for p, b in base if p == plen][0]
            end = self.complement(i + m, definite=definite, for_role=False,
                                  purpose=(head[2:] if head.startswith("ال") else head) in lx.purpose_heads)
            conf = 0.8
            if end == i + m:
                core = [b for p, b in base if p == plen][0]
                prev = self.toks[i - 1].norm if i > 0 and self.word(i - 1) else ""
                nxt = self.toks[i + 1].norm if i + 1 < self.n else ""
                subject = (plen == 0 and (prev.endswith("ت") or _is_speech(prev))) or _is_speech(nxt)
                if not (definite and core in lx.standalone and m == 1 and subject):
                    continue
                conf = 0.6
            s = self.toks[i].start + plen
            e_ = self.toks[end - 1].end
            text = self.text[s:e_]
            canonical = text
            if self.toks[i].norm[:plen].endswith("ل") and text.startswith("ل") and \
                    self.toks[i].norm[plen - 1:plen + 1] == "لل":
                canonical = "ا" + text  # للحكومة -> الحكومة
            out.append(Entity(s, e_, text, "ORG", canonical=canonical, source="rules", confidence=conf,
                              info={"rule": "head", "tokens": (i, end)}))
            nxt_ok = end
        return out

    def surname_links(self, people: list[Entity], taken: set[int]) -> list[Entity]:
        """Later mentions of a person by surname alone, linked to the full name."""
        lx = self.lx
        by_surname: dict[str, str | None] = {}
        for p in people:
            a, b = p.info["tokens"]
            if b - a < 2 or p.confidence < 0.7:
                continue
            first = self.toks[a].norm
            if not (first in lx.given or first.startswith(_NAME_PREFIX) or p.info.get("rule") == "known"):
                continue  # only names that look like names lend their surname
            last = self.toks[b - 1].norm
            if self.toks[b - 2].norm in _CONNECTORS or last.endswith("الله"):
                continue  # عبد الله، بن سلمان: not a family name to link
            if len(last) < 3 or last in lx.stop or last.endswith("ا") or self.is_place(b - 1) or \
                    last in lx.nisbas or last in lx.adjectives:
                continue
            canon = p.canonical or p.text
            if by_surname.get(last, canon) != canon:
                by_surname[last] = None  # two people share it: do not link
            else:
                by_surname[last] = canon
        if not by_surname:
            return []
        out = []
        norms = self.norms
        forms = set()
        for sn in by_surname:  # the surname with the proclitics it may carry
            forms.update(p + sn for p in _SURNAME_PREFIXES)
            if sn.startswith("ال"):
                forms.update(p + "ل" + sn[1:] for p in ("", "و", "ف"))  # للسيسي
        cands = list(compress(count(), map(forms.__contains__, norms)))  # (the scan in C)
        for i in cands:
            tok = self.toks[i]
            if i in taken or tok.kind != "word":
                continue
            for plen, base in strip_forms(tok.norm):
                canon = by_surname.get(base)
                if canon is None:
                    continue
                if base in lx.given:  # a surname that is also a common word needs a speech context
                    prev = self.toks[i - 1].norm if i > 0 else ""
                    nxt = self.toks[i + 1].norm if i + 1 < self.n else ""
                    if not (_is_speech(prev) or _is_speech(nxt) or self.title_at(i - 1) is not None):
                        continue
                s = tok.start + plen
                out.append(Entity(s, tok.end, self.text[s:tok.end], "PERS", canonical=canon, source="rules",
                                  confidence=0.75, info={"rule": "surname", "tokens": (i, i + 1)}))
                taken.add(i)
                break
        return out


_SURNAME_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_SPEECH: frozenset[str] | None = None
_TABLE: tuple[object, dict[str, int]] | None = None  # (the lexicon, its feature table), see feature_table


#: a word counts as common (see :func:`word_after_titles`) from this many occurrences in the raw
#: news of the NER resources: on 1,200 conflict articles, 147 of the 149 titled "names" it removed
#: were objects, roles, verbs or particles (دعم، حقوق، الملكي، أهمية، جراء، نشرت); two were names
#: (مرسي، المعلم)
COMMON_WORD_MIN = 200


def word_after_titles(norm: str) -> bool | None:
    """From a normalised word's context profile in raw news: True when it is seen right after
    titles, False when it never is although it is frequent (``COMMON_WORD_MIN`` occurrences),
    None when the word is too rare to tell."""
    from rasd.ner.tagger import shared_resources

    res = shared_resources()
    prof = res.profiles.get(norm)  # absent: no share of any context reached the first band
    if prof is not None and any(f.startswith("prT=") for f in prof):
        return True
    return False if res.count(norm) >= COMMON_WORD_MIN else None


def _features(nm: str, lx: Lexicon) -> int:
    """1 may start a title, 2 an organisation head, 4 a given name, 8 a known name (``lx``: the
    recogniser's word lists)."""
    f = 4 if nm in lx.given or nm.startswith(_NAME_PREFIX) else 0
    get = lx.first_bits.get
    # the readings of strip_forms, written out (the rules check again): cheap for unseen words
    f |= get(nm, 0)
    c = nm[:1]
    if c in "وفبلك":
        f |= get(nm[1:], 0)
        if c in "وف" and nm[1:2] in "بلك":
            f |= get(nm[2:], 0)
            if nm[1:3] == "لل":
                f |= get("ا" + nm[2:], 0)
        elif nm.startswith("لل"):
            f |= get("ا" + nm[1:], 0)
    return f


def feature_table(lx: Lexicon) -> dict[str, int]:
    """Every normalised word with feature bits (:func:`_features`) other than the given-name prefix's
    -> its bits, for the word lists ``lx`` (built once): those bits need a given name or a word of
    ``lx.first_bits`` with the proclitics :func:`_features` strips, so these are all; a word not
    listed has the bit of the prefix (عبد) or none."""
    global _TABLE
    if _TABLE is None or _TABLE[0] is not lx:
        keys = set(lx.first_bits)
        forms = set(lx.given) | keys
        for w in keys:
            forms.update(c + w for c in "وفبلك")
            forms.update(c + p + w for c in "وف" for p in "بلك")
            if w.startswith("ا"):  # للقاهرة، وللقاهرة: the article's alef gone after ل
                forms.update(c + "ل" + w[1:] for c in ("", "و", "ف"))
        table = {}
        for f in forms:
            bits = _features(f, lx)
            if bits:
                table[f] = bits
        _TABLE = (lx, table)
    return _TABLE[1]


_BY_ID: list = [None, None, []]  # [the lexicon, the vocabulary's stamp, word id -> bits or None], see _bits_by_id


def _bits_by_id(lx: Lexicon, norms: list[str], wids) -> list[int]:
    """The feature bits of the tokens with normalised forms ``norms`` and word ids ``wids``
    (:mod:`rasd.text.vocab`): :func:`feature_table`'s bits, with the given-name prefix's bit for a
    word on عبد, kept per word id (read by index; a word met for the first time is looked up)."""
    if _BY_ID[0] is not lx or _BY_ID[1] != VOCAB.stamp:
        _BY_ID[:] = [lx, VOCAB.stamp, []]
    by_id = _BY_ID[2]
    if not wids:
        return []
    top = max(wids)
    if top >= len(by_id):
        by_id.extend([None] * (max(top + 1, 2 * len(by_id)) - len(by_id)))
    feats = list(map(by_id.__getitem__, wids))
    if None in feats:
        get = feature_table(lx).get
        for i in compress(count(), map(is_, feats, repeat(None))):
            norm = norms[i]
            feats[i] = by_id[wids[i]] = get(norm, 0) | (4 if norm.startswith(_NAME_PREFIX) else 0)
    return feats


def _is_speech(norm: str) -> bool:
    """Whether a normalised token is a speech verb (قال، وأضاف ...)."""
    global _SPEECH
    if _SPEECH is None:
        forms: set[str] = set()
        for v in load_yaml("speech_verbs.yaml")["verbs"]:
            fs = v["forms"] if isinstance(v, dict) else v
            forms.update(normalize_word(f) for f in fs)
        _SPEECH = frozenset(forms)
    if norm in _SPEECH:
        return True
    return len(norm) > 3 and norm[0] in _CONJ and norm[1:] in _SPEECH


class RecognizeEntities:
    """Pipeline stage: people and organisations by rules (label PERS / ORG, source 'rules')."""

    name = "entities"
    needs = ("tokens", "sentences")
    adds = ("entities",)

    def load(self) -> RecognizeEntities:
        """Load the word lists now."""
        feature_table(lexicon())
        _is_speech("")
        return self

    def __call__(self, doc: Document) -> Document:
        doc.entities.extend(recognize_entities(doc))
        doc.entities.sort(key=lambda e: (e.start, -e.end))
        return doc


def recognize_entities(doc: Document) -> list[Entity]:
    """People and organisations of ``doc`` (needs ``doc.tokens``)."""
    if not doc.tokens:
        return []
    r = _Reader(doc, lexicon())
    r.candidates()
    doc.cache["entities.reader"] = r  # the quotes stage reuses its token tables (and drops it)
    known = r.known_entities()
    r.known_orgs = {k.info["tokens"][0]: k.info["tokens"][1] for k in known if k.label == "ORG"}
    titled = r.titled_people()
    people: list[Entity] = []
    taken: set[int] = set()
    # a titled mention of a known person: keep the title's role, take the known canonical name
    known_by_start = {e.start: e for e in known}
    for p in titled:
        k = known_by_start.get(p.start)
        if k is not None and k.label == "PERS":
            p.canonical = k.canonical  # the list knows where the name ends
            p.end, p.text = k.end, k.text
            p.info["tokens"] = k.info["tokens"]
        people.append(p)
        taken.update(range(*p.info["tokens"]))
    for k in known:
        a, b = k.info["tokens"]
        if k.label == "PERS" and not any(t in taken for t in range(a, b)):
            people.append(k)
            taken.update(range(a, b))
    for k in known:  # a known organisation is neither a name part nor a surname (داعش)
        if k.label == "ORG":
            taken.update(range(*k.info["tokens"]))
    people.extend(r.given_name_people(taken))
    for p in people:
        taken.update(range(*p.info["tokens"]))
    links = r.surname_links(people, taken)
    orgs_taken: set[int] = set()
    orgs: list[Entity] = []
    for k in known:
        if k.label == "ORG":
            orgs.append(k)
            orgs_taken.update(range(*k.info["tokens"]))
    for o in r.organisations(orgs_taken):
        a, b = o.info["tokens"]
        if any(t in orgs_taken for t in range(a, b)):
            continue
        orgs.append(o)
        orgs_taken.update(range(a, b))
    out = people + links + orgs
    for e in out:
        e.info.pop("tokens", None)
    return out
