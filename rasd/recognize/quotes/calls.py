"""Calls, demands and descriptions (دعا، طالب، ناشد، حث، وصف) and the words around a subject that are not it:
the object after the verb, the outlet told, a time phrase, a name read as إن/أن."""

from __future__ import annotations

from rasd.doc import Speaker
from rasd.recognize.quotes.lexicon import (
    _ALL_OBJECT,
    _BI_NOT_CONTENT,
    _CLAUSE_OPEN,
    _CROWD,
    _CUT_WORDS,
    _LEADING,
    _NOT_SUBJECT_STARTS,
    _NOUN_BEFORE,
    _OPENERS,
    _PLACE_PEOPLE,
    _PLURAL_PEOPLE,
    _TIME_ADJS,
    _TIME_NOUNS,
    _definite,
)
from rasd.text.normalize import normalize_word

# the plural people and the people of a place, without the article (الوزراء، أهالي): heads of a plural subject
_PEOPLE_CORES = frozenset(normalize_word(w).removeprefix("ال") for w in _PLURAL_PEOPLE | _PLACE_PEOPLE)


class _Calls:
    """Steps for calls and demands, whose object often stands where a subject would."""

    def _bi_content(self, k: int, base: str) -> bool:
        """Is token k the content of a demand (طالب ...، مطالبا ...) written onto ب: a verbal noun (بالقيام،
        بإطلاق، بتكثيف، بمغادرة), not a name, a place or a phrase about the one asked (برئاسة، بمدينة)?"""
        t = self.toks[k]
        if base not in self.q.bi_verbs or t.kind != "word" or not t.norm.startswith("ب") or len(t.norm) < 4 or \
                k in self.ents_at or t.norm in _BI_NOT_CONTENT or \
                not self._place_starts().isdisjoint((t.start + 1, t.start + 2, t.start + 3)):
            return False
        rest = t.norm[1:]
        return rest.startswith("ال") or rest in self.q.content_forms or len(rest) >= 4 and \
            rest not in self.r.lx.stop and rest not in self.q.documents and self.r.title_at(k) is None

    def _participle_object(self, j: int) -> bool:
        """Is token j the object of a participle before its content (لافتا الانتباه إلى أن، محذرا الحوثيين
        بأن): a definite word, or a word of not_subjects?"""
        t = self.toks[j]
        return t.kind == "word" and (t.norm in self.q.not_subjects or _definite(t.norm) and t.norm not in _CUT_WORDS)

    def _sentence_subject_before(self, v: int) -> Speaker | None:
        """The person whose name opens the sentence and ends right before verb v (عضو الكتلة النائب فلان دعا
        ...): the subject, written first; the words after the verb are its object."""
        toks = self.toks
        if v == 0 or toks[v - 1].kind != "word":
            return None
        s0 = self.sentence_start(v)
        for j in range(v - 1, max(s0, v - 5) - 1, -1):
            e = self.ents_at.get(j)
            if e is None or self.tok_at(e.end - 1) != v - 1:
                continue
            if not e.label.startswith("PERS") or j - s0 > 8 or self._in_prep_phrase(e, j, s0) or \
                    any(toks[x].kind == "punct" or self.verb_at(x) is not None for x in range(s0, j)):
                return None
            return self._entity_speaker(e)
        return None

    def _plural_subject(self, v: int) -> Speaker | None:
        """The subject of the verb that opens the sentence of the plural verb v (واجتمع وزراء الخارجية ...، لكنهم
        قالوا إن؛ وتظاهر مئات الطلاب ...، ودعوا الحكومة إلى): the group the plural pronoun stands for."""
        toks = self.toks
        a = self.sentence_start(v)
        while a < v and (toks[a].kind == "punct" or toks[a].norm in _LEADING or toks[a].norm in _CLAUSE_OPEN):
            a += 1
        nm = toks[a].norm
        w = nm[1:] if nm[:1] in "وف" else nm
        if a + 2 >= v or toks[a].kind != "word" or nm.startswith("ال") or a in self.ents_at or \
                w.startswith(_NOT_SUBJECT_STARTS) or nm in _CUT_WORDS or self.verb_at(a) is not None:
            return None  # وفي، ومن ...: no verb opens the sentence (a speech verb there is read by itself)
        quantity = toks[a + 1].norm in self.q.quantifiers  # عدد كبير من المغردين: من goes on
        end = next((x for x in range(a + 1, min(v, a + 8)) if toks[x].kind == "punct" or toks[x].norm in _CUT_WORDS
                    and not (quantity and toks[x].norm == "من" and x <= a + 3)), min(v, a + 8))
        if quantity:  # عدد كبير من المغردين | صورة الرجل: the group ends after the noun (and its adjectives)
            m = next((x for x in range(a + 2, min(end, a + 4)) if toks[x].norm == "من"), None)
            if m is not None and m + 1 < end:
                y = m + 2
                while y < end and _definite(toks[y].norm) and toks[y].norm.endswith(("ي", "يه", "ين", "يون")):
                    y += 1
                end = y
        if end <= a + 1:
            return None
        sp, _ = self.speaker_from(a + 1, end)
        if sp is None:
            sp = self._noun_phrase(a + 1, end, end)  # وزراء الخارجية العرب، مئات الطلاب
        return sp if sp is not None and self._plural_words(sp.text) else None

    def _plural_words(self, text: str) -> bool:
        """Does the phrase name several people (مصادر، مسؤولون أتراك، الأهالي، الوزراء، مئات الطلاب)?"""
        words = text.split(maxsplit=1)
        if not words:
            return False
        w = normalize_word(words[0])
        core = w[2:] if w.startswith("ال") else w
        return core in self.q.groups or core in _CROWD or core in _PEOPLE_CORES or \
            len(core) > 4 and core.endswith(("ون", "ين"))

    def _call_object(self, a: int) -> bool:
        """Is token a, after a call, its object rather than its subject: a noun without the article that names
        no one and no body (أنصاره، أتباع النظام), or a definite plural in ـين (المواطنين: accusative)?"""
        t = self.toks[a]
        if t.kind != "word" or a in self.ents_at or t.norm in self.q.unnamed or \
                t.norm in self.q.documents or self.r.title_at(a) is not None or self.r.head_at(a) is not None:
            return False
        if t.norm.startswith("ال"):  # طالبت المواطنين بـ: a plural in ـين is no subject (المواطنون would be)
            return len(t.norm) > 6 and t.norm.endswith("ين") and t.norm[2:] not in self.q.unnamed
        if self._country_at is None:
            self._countries()
        return t.start not in self._country_at and t.norm not in self.r.lx.given

    def _described(self, a: int, b: int) -> bool:
        """Is token a, after وصف, what is described (ووصف القرار بـ ...): a definite noun naming no one, and
        at most one more word before the description?"""
        if b - a > 2:
            return False
        t = self.toks[a]
        if t.kind != "word" or not _definite(t.norm) or a in self.ents_at or t.norm[2:] in self.q.unnamed or \
                self.r.title_at(a) is not None or self.r.head_at(a) is not None:
            return False
        if self._country_at is None:
            self._countries()
        return t.start not in self._country_at

    def _before_object(self, a: int, b: int) -> int:
        """The end of the subject of a call or a description in [a, b): before a definite plural in ـين (the
        accusative: المجندين، المواطنين), الجميع, or a bare noun after a definite word (اللجنة | طرفي النزاع),
        which begin its object."""
        toks = self.toks
        for x in range(a + 1, b):
            nm = toks[x].norm
            if toks[x].kind != "word" or x in self.ents_at or self.r.title_at(x) is not None:
                continue
            if nm in _ALL_OBJECT or _definite(nm) and len(nm) > 6 and nm.endswith("ين"):
                return x
            if _definite(toks[x - 1].norm) and not nm.startswith("ال") and nm[:1] not in "وبل" and \
                    nm not in self.r.lx.given and nm not in self.r.lx.stop and x - 1 not in self.ents_at:
                return x
        return b

    def _past_outlet(self, a: int, b: int) -> int:
        """After the outlet told, written first (أبلغ «الاقتصادية» | مسؤول، أخبر رويترز | مصدر): the subject's
        first token; else a."""
        toks = self.toks
        if toks[a].text in _OPENERS:
            close = next((x for x in range(a + 1, min(b, a + 6)) if toks[x].text in ("»", "”", '"')), None)
            if close is None or close + 1 >= b:
                return a
            a = close + 1
        elif toks[a].norm in self.q.outlets and a + 1 < b:
            a += 1
        else:
            return a
        while a < b and toks[a].kind == "punct":
            a += 1
        return a

    def _before_time_phrase(self, a: int, b: int) -> int:
        """The end of a subject in [a, b) before a time phrase (الشركة | العام الماضي، الوزير | الأسبوع الماضي)."""
        norms = self.norms
        for x in range(a + 1, b - 1):
            if norms[x] in _TIME_NOUNS and norms[x + 1] in _TIME_ADJS:
                return x
        return b

    def _inside_name(self, k: int, v: int, start: int | None = None) -> bool:
        """Is token k (read as إن/أن, or as a verb) part of a person's name that starts after token v and at
        ``start`` at the latest (يوهانس فان در كلاوو، بان كي مون، علي بن أبي طالب)?"""
        ents_at = self.ents_at
        end = self.toks[k].end
        bare = self.norms[k] in ("ان", "انه", "انها")  # ان دي ميستورا: the name after أن, read into it
        for j in range(k - bare if start is None else start, max(v, k - 4), -1):
            if j in ents_at:
                e = ents_at[j]
                if e.end > end and e.label.startswith("PERS"):
                    return True
        return False

    def _in_prep_phrase(self, e, j: int, floor: int) -> bool:
        """Entity e (at token j) is the object of a preposition, directly or as the genitive of the noun
        after it (إلى قضية فلان، الأمين العام لرابطة ...)."""
        toks = self.toks
        if self._after_preposition(e, j):
            return True
        if j - 1 < floor or toks[j - 1].kind != "word":
            return False
        if toks[j - 1].norm in _NOUN_BEFORE and not self._ali(j - 1):
            return True
        return j - 2 >= floor and toks[j - 2].norm in _NOUN_BEFORE and not self._ali(j - 2) and \
            not toks[j - 1].norm.startswith("ال") and j - 1 not in self.ents_at
