"""Names and roles of speakers: the person a name or role stands for."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from rasd.doc import Entity, Speaker
from rasd.recognize.quotes.lexicon import (
    _COMMAS,
    _CUT_WORDS,
    _HARAKAT,
    _LEADING,
    _LONGER_BY_RULES,
    _NAME_LINKS,
    _NOT_BARE_ROLE,
    _NOT_GIVEN,
    _PRESS,
    _RELATIVES,
    _SUBJECT_TAIL,
    _adverbial,
    _definite,
    role_key,
)
from rasd.text.normalize import normalize_word

_QUOTE_MARKS = frozenset(("«", "»", "“", "”", '"'))


def _compound_given(nm: str) -> bool:
    """Is the (normalised) word a compound given name written as one word (عبدالمحسن، عبدالباسط)?"""
    return len(nm) >= 7 and nm.startswith("عبدال")


class _Names:
    """Names and roles: the person a name or a role stands for, and how far a name or a role goes."""

    def _without_content_noun(self, e: Entity) -> Entity:
        """A name read on over the verbal noun that opens what its bearer says (أكد المتحدث علي سعيد |
        استكمال ...): the name ends before it."""
        last = self.tok_at(e.end - 1)
        if last is None or self.toks[last].start <= e.start:
            return e
        nm = self.toks[last].norm
        if nm not in self.q.speech_nouns and (nm not in self.q.content_forms or e.text.count(" ") < 2):
            return e  # (عبد الكريم | للقول; a surname of two words may be such a noun: أيمن عودة)
        end = self.toks[last - 1].end
        return replace(e, end=end, text=self.text[e.start:end], canonical=None)

    def _rule_span(self, e: Entity) -> Entity:
        """A tagger entity that the rules read on further from the same start (الشبكة السورية | لحقوق
        الإنسان), as the rules read it."""
        rt = e.info.get("rules") if e.label in _LONGER_BY_RULES else None
        if not rt:
            return e
        if len(rt) < len(e.text) and e.text.startswith(rt) and all(
                normalize_word(w) in self.r.lx.time_words or normalize_word(w) in _CUT_WORDS
                for w in e.text[len(rt):].split()):  # حزب العمال الكردستاني | أمس: a time word is no name
            return replace(e, end=e.start + len(rt), text=rt, canonical=None)
        if len(rt) <= len(e.text):
            return e
        if not self.text.startswith(rt, e.start):
            return e  # only a longer end: a start moved onto a clitic (لوكالة رويترز) is an outlet spoken to
        end = e.start + len(rt)
        if e.label == "PERS":
            end = self._name_goes_on(e.end, end, e.role is not None and " " not in e.text)
            if end <= e.end:
                return e
            rt = self.text[e.start:end]
        return replace(e, end=end, text=rt, canonical=None)

    def _name_goes_on(self, a: int, b: int, titled_first: bool = False) -> int:
        """How far a person's name cut at offset ``a`` goes on in the rules' reading up to ``b``: over given
        names and the words after بن/آل/أبو, and one surname of a family (العمري); not over المعروفة، خاضت.
        ``titled_first``: a titled given name alone (النائب صالح | قلمة) takes one plain word as its surname."""
        given, toks = self.r.lx.given, self.toks
        end, after_link = a, False
        for n, m in enumerate(re.finditer(r"\S+", self.text[a:b])):
            w = normalize_word(m.group())
            k = self.tok_at(a + m.start())
            if n == 0 and titled_first and k is not None and toks[k].start == a + m.start() and \
                    not w.startswith("ال") and w[:1] not in "بلو" and w[-1:] != "ت" and w not in self.r.lx.stop and \
                    w not in _CUT_WORDS and self.verb_at(k) is None and w not in self.q.not_subjects:
                end = a + m.end()  # النائب صالح | قلمة (not هادي | خاضت: a verb)
                continue
            if w in _NAME_LINKS or after_link or (w in given and w not in _NOT_GIVEN):
                after_link = w in _NAME_LINKS
                end = a + m.end()
                continue
            if w.startswith("ال") and w.endswith("ي") and len(w) > 4 and w not in self.r.lx.stop:
                end = a + m.end()  # محمد علي العمري: the family name closes the name
            elif n == 0 and w.startswith("ال") and len(w) > 4 and self._after_nasab(a) and k is not None and \
                    toks[k].start == a + m.start() and self._family_name_ok(k):
                end = a + m.end()  # حمد بن سعد | العمر: after a father's name, the family name closes it
            break
        return end

    def _after_nasab(self, a: int) -> bool:
        """Does the name cut at offset ``a`` end on a father's name (حمد بن سعد; not the kunya أبو محمد)?"""
        words = self.text[max(0, a - 40):a].split()
        return len(words) >= 3 and normalize_word(words[-2]) in self.r.lx.father_links

    def _family_name_ok(self, k: int) -> bool:
        """May token k (a word with the article) be a family name after a full name: not a stop, time,
        cut or content word, an adjective, a title or a verb?"""
        w = self.toks[k].norm
        lx = self.r.lx
        return self.toks[k].kind == "word" and w not in lx.stop and w not in lx.time_words and \
            w not in _CUT_WORDS and w not in self.q.speech_nouns and w not in self.q.not_subjects and \
            not self.r.is_adj(w) and self.r.title_at(k) is None and self.r.head_at(k) is None and \
            self.verb_at(k) is None and w not in _RELATIVES and k not in self.ents_at

    def _place_starts(self) -> set[int]:
        """The offsets where a place name starts (computed once)."""
        if self._place_at is None:
            self._place_at = {p.start for p in self.doc.places}
        return self._place_at

    def _countries(self) -> None:
        self._country_at = {p.start: p for p in self.doc.places if p.kind == "country" and p.via == "name"}

    def _given_name_in(self, a: int, stop: int, skip_first: bool = False) -> Speaker | None:
        """A person named by a given name (and up to three more words) at the end of a role [a, stop);
        ``skip_first``: the word right after the role is not taken as a name."""
        toks, given = self.toks, self.r.lx.given
        for k in range(a + 1 + skip_first, stop):
            nm = toks[k].norm
            if (nm not in given and not _compound_given(nm)) or nm in _NOT_GIVEN or toks[k - 1].kind != "word" or \
                    (nm in _CUT_WORDS and not self._ali(k)):
                continue  # على (on) is not علي
            if nm in given and given[nm][1] and k + 1 < stop and toks[k + 1].norm[:1] == "و":
                continue  # الله عز وجل: a word that may be a name, then و, is no name
            last = k  # إسماعيل الداراني | من «...»: the name runs to the end, or to a cut word or mark
            while last + 1 < stop and toks[last + 1].kind == "word" and toks[last + 1].norm not in _CUT_WORDS:
                last += 1
            if 1 <= last - k <= 3:
                s, e = toks[k].start, toks[last].end
                name = self.text[s:e]
                return Speaker(s, e, name, name=name, role=self._role_text(a, k), kind="person")
        # المدعي العام ديردي ديلي: two or three bare words after the article-bearing role
        k = stop
        while k > a + 1 and stop - k < 3 and toks[k - 1].kind == "word" and not toks[k - 1].norm.startswith("ال") \
                and toks[k - 1].norm[:1] not in "لبو" and toks[k - 1].norm not in self.r.lx.stop and \
                toks[k - 1].norm not in _CUT_WORDS and not _adverbial(toks[k - 1].text) and \
                toks[k - 1].norm not in self.q.not_subjects and self.verb_at(k - 1) is None:
            k -= 1
        if stop - k == 1 and k - 1 > a + 1 and _definite(toks[k - 2].norm) and self._name_on_clitic(k - 1):
            k -= 1  # وزير النفط الإيراني بيجن زنغنه: a name whose first letter is also a preposition
        if stop - k >= 2 and _definite(toks[k - 1].norm) and toks[k].norm not in _NAME_LINKS:
            s, e = toks[k].start, toks[stop - 1].end
            name = self.text[s:e]
            return Speaker(s, e, name, name=name, role=self._role_text(a, k), kind="person")
        return None

    def _name_in_org(self, e: Entity, k: int) -> Speaker | None:
        """A person's name the tagger read as (the end of) a body right after a role, at token k: مدير مطار
        الجوف | عبدالمحسن المضيان read as one body, الناطق باسم الحكومة | يوشيهيدي سوغا read as a body. The
        name is a person named so elsewhere in the text, or a given name after a place, or two or three bare
        words; a body that opens with its head word (جامعة الملك عبدالعزيز) is a body."""
        toks, r = self.toks, self.r
        last = self.tok_at(e.end - 1)
        if last is None or last <= k or last - k > 4 or e.canonical or r.head_at(k) is not None:
            return None
        pers = self.__dict__.get("_pers_norms")
        if pers is None:  # the words of the people named in the text (built once, when first asked)
            pers = self._pers_norms = {tuple(self.norms[i:(self.tok_at(p.end - 1) or i) + 1]) for i, p in self._pers}
        for j in range(k, last):
            if last - j > 3 or r.head_at(j) is not None:
                continue
            nm = toks[j].norm
            if tuple(self.norms[j:last + 1]) in pers or j > k and nm not in _NOT_GIVEN and (
                    nm in r.lx.given or _compound_given(nm)) and all(r.is_place(x) for x in range(k, j)):
                break
        else:
            j = k
            if last - k > 2 or not all(toks[x].kind == "word" and not toks[x].norm.startswith("ال") and
                                       toks[x].norm not in r.lx.stop and r.head_at(x) is None and
                                       not r.is_place(x) and self.verb_at(x) is None for x in range(k, last + 1)):
                return None
        s, end = toks[j].start, toks[last].end
        return Speaker(s, end, self.text[s:end], name=self.text[s:end], kind="person")

    def _title_reaches(self, x: int, k: int) -> bool:
        """A title starts at token x and, past at most two definite modifiers (السابق، اليمني), ends at k."""
        t = self.r.title_at(x)
        if t is None:
            return False
        y = x + t[1]
        while y < k and y - (x + t[1]) < 2 and self.toks[y].norm.startswith("ال") and y not in self.ents_at:
            y += 1
        return y == k

    def _name_before_content(self, a: int, b: int) -> Speaker | None:
        """The person whose name closes a long role that starts at token a, right before the content at b
        (past the paper spoken to, a time word or a comma): the role runs over no verb, no second name
        and no word that ends a subject."""
        toks, q = self.toks, self.q
        j = b - 1
        while j > a and (toks[j].kind == "punct" or toks[j].norm in self.r.lx.time_words):
            if toks[j].text in _QUOTE_MARKS:  # لـ«المدينة»: the paper spoken to
                o = next((x for x in range(j - 1, max(a, j - 6), -1) if toks[x].text in _QUOTE_MARKS), None)
                if o is None or toks[o - 1].norm != "ل":
                    break
                j = o - 2
                continue
            j -= 1
        if j > a and self._addressee(j):
            j -= 1
        e = self._ent_ending(j, a)
        if e is None:
            sp = self._bare_name_ending(a, j) or self._family_name_ending(a, j)  # سفيرة ... سامنتا باور
            k = self.tok_at(sp.start) if sp is not None else None
        elif not e.label.startswith("PERS") and not self._bare_org(e):
            return None
        else:
            k = self.tok_at(e.start)
        first = toks[a].norm
        if k is None or k <= a + 1 or toks[k - 1].norm in _PRESS:
            return None  # (متحدث باسم الجهاز لوكالة | فرانس برس: the agency told, not a name)
        inner = any(self._title_reaches(x, k) and not self._own_honorific(x, k) for x in range(max(a + 1, k - 5), k))
        whole = self._title_reaches(a, k)  # نائب الرئيس اليمني فلان: one title
        if inner and (not whole or (first[2:] if first.startswith("ال") else first) in q.unnamed):
            return None  # مسؤول في حكومة رئيس الوزراء فلان، عضو في حزب الرئيس السابق فلان: the head is named
        for x in range(a + 1, k):
            t = toks[x]
            if t.kind == "punct" and t.text not in _COMMAS and t.text not in _QUOTE_MARKS or \
                    t.norm in q.subject_stops or t.norm in _SUBJECT_TAIL or self.verb_at(x) is not None or \
                    (x in self.ents_at and self.ents_at[x].label.startswith("PERS")):
                return None  # (a body named in quotation marks may be part of the role: البرنامج «...»)
        if e is None:
            return sp
        if not e.label.startswith("PERS"):  # سفيرة ... سامنتا باور read as a body: the name of the one titled
            return Speaker(e.start, e.end, e.text, name=e.text, role=self._role_text(a, k), kind="person")
        sp = self._entity_speaker(e)
        sp.role = sp.role or self._role_text(a, k)
        return sp

    def _own_honorific(self, x: int, k: int) -> bool:
        """Are tokens x..k-1 honorifics of the name at k (المشرف على البرنامج «...» | الدكتور فلان), after a
        mark or a definite word, not the genitive of a bare head (مستشار | الشيخ فلان)?"""
        toks = self.toks
        for y in range(x, k):
            t = self.r.title_at(y)
            if t is None or t[0] != "honorific":
                return False
        p = toks[x - 1]
        return p.kind == "punct" or _definite(p.norm) or p.norm[:3] in ("بال", "لل")

    def _bare_name_ending(self, a: int, j: int) -> Speaker | None:
        """Two or three bare words ending at token j right after an article-bearing word of the role that
        starts at a: a name the entities missed (foreign names may start with ب/ل/و: باور)."""
        toks, lx = self.toks, self.r.lx
        k = j + 1
        while k > a + 1 and j + 1 - k < 3 and toks[k - 1].kind == "word" and k - 1 not in self.ents_at:
            nm = toks[k - 1].norm
            if nm.startswith("ال") or nm in lx.stop or nm in _CUT_WORDS or nm in self.q.not_subjects or \
                    self.verb_at(k - 1) is not None or _adverbial(toks[k - 1].text) or \
                    nm[:1] in "لبو" and not self._name_on_clitic(k - 1) or nm in self.q.comps:
                break
            k -= 1
        if j + 1 - k < 2 or not _definite(toks[k - 1].norm) or toks[k].norm in _NAME_LINKS:
            return None
        s, e = toks[k].start, toks[j].end
        name = self.text[s:e]
        return Speaker(s, e, name, name=name, role=self._role_text(a, k), kind="person")

    def _family_name_ending(self, a: int, j: int) -> Speaker | None:
        """A bare given name and a family name with the article ending at token j, right after the
        article-bearing end of the role that starts at a (المتحدث باسم الوزارة | تيسير المفرج), when the
        given name is known or the family name comes again in the text (وبيّن المفرج)."""
        toks, r = self.toks, self.r
        k = j - 1
        if k - 1 <= a or toks[j].kind != "word" or toks[k].kind != "word" or not _definite(toks[k - 1].norm):
            return None
        fam, nm = toks[j].norm, toks[k].norm
        if not fam.startswith("ال") or len(fam) < 5 or j in self.ents_at or k in self.ents_at or \
                r.is_adj(fam) or r.title_at(j) is not None or r.head_at(j) is not None or \
                fam in r.lx.time_words or toks[j].start in self._place_starts():
            return None
        if nm.startswith("ال") or nm in r.lx.stop or nm in _CUT_WORDS or nm in self.q.not_subjects or \
                nm in _NAME_LINKS or nm in _NOT_GIVEN or self.verb_at(k) is not None or \
                _adverbial(toks[k].text) or r.title_at(k) is not None or r.head_at(k) is not None or \
                nm[:1] in "لبو" and not self._name_on_clitic(k) or r.is_adj(nm):
            return None
        if nm not in r.lx.given and self.text.count(toks[j].text) < 2:
            return None
        s, e = toks[k].start, toks[j].end
        name = self.text[s:e]
        return Speaker(s, e, name, name=name, role=self._role_text(a, k), kind="person")

    def _bare_org(self, e: Entity) -> bool:
        """Is the body ``e`` two or three bare words with no head noun and no article (سامنتا باور): a
        foreign person's name read as a body?"""
        i, j = self.tok_at(e.start), self.tok_at(e.end - 1)
        if i is None or j is None or not 1 <= j - i <= 2 or self.toks[i].start != e.start:
            return False
        return all(self.toks[x].kind == "word" and not self.toks[x].norm.startswith("ال") and
                   self.r.head_at(x) is None and self.toks[x].norm not in self.r.lx.stop for x in range(i, j + 1))

    def _ent_ending(self, j: int, floor: int) -> Entity | None:
        """The entity whose last token is j (starting after token ``floor``), if any."""
        end = self.toks[j].end
        for x in range(j, max(floor, j - 6), -1):
            e = self.ents_at.get(x)
            if e is not None and e.end == end:
                return e
        return None

    def _name_on_clitic(self, k: int) -> bool:
        """Can token k, which starts with ب/ل/و, be a foreign first name (بيجن) rather than a word on a
        clitic (بدوره، بهذا، لها)?"""
        nm, lx = self.toks[k].norm, self.r.lx
        return self.toks[k].kind == "word" and len(nm) >= 4 and nm[1:3] != "ال" and nm not in lx.stop and \
            nm[1:] not in lx.stop and nm not in _CUT_WORDS and nm not in _LEADING and \
            not nm.endswith(("ه", "ها", "هم")) and not _adverbial(self.toks[k].text) and \
            nm not in self.q.not_subjects and self.verb_at(k) is None

    def _role_reach(self, end: int, b: int, titled: bool) -> int:
        """How far a long role may run after the plain subject ends at ``end``."""
        toks, q = self.toks, self.q
        k = end
        limit = min(b, end + 12)
        while k < limit:
            t = toks[k]
            nm = t.norm
            if t.kind == "punct":
                if titled and t.text in ("،", ",") and k + 1 < limit and toks[k + 1].kind == "word" and \
                        toks[k + 1].norm not in _CUT_WORDS:
                    k += 1  # وزير الخارجية، جون كيري
                    continue
                if t.text in ('"', "«", "»", "“", "”"):
                    k += 1  # رئيس تحرير "سبق" فلان
                    continue
                if titled and t.text == "(" and self._bracketed_name_or_body(k, limit):
                    k += 1  # الرئيس الأسبق (فلان)، مدير مكتب (الهيئة الوطنية) في الأردن فلان
                    continue
                if titled and t.text == ")" and k > end and any(toks[x].text == "(" for x in range(end, k)):
                    k += 1
                    continue
                break
            if nm in q.subject_stops or nm in self.r.lx.time_words or nm in _SUBJECT_TAIL:
                break
            if nm in _CUT_WORDS and not self._ali(k):
                nxt = toks[k + 1].norm if k + 1 < limit else ""
                ncore = nxt[2:] if nxt.startswith("ال") else nxt
                if nm in q.role_preps and nxt and ncore not in q.occasion and nxt not in _CUT_WORDS and \
                        nxt not in self.r.lx.time_words and nxt not in _LEADING:
                    k += 1
                    continue
                break
            k += 1
        return k

    def _bracketed_name_or_body(self, k: int, limit: int) -> bool:
        """Does the bracket opened at token k hold just a person's or a body's name (closed before limit)?"""
        e = self.ents_at.get(k + 1)
        if e is None or not e.label.startswith(("PERS", "ORG")):
            return False
        last = self.tok_at(e.end - 1)
        if last is None or last + 1 >= limit or self.toks[last + 1].text != ")":
            return False
        # a body in brackets: only when a person's name follows (مدير مكتب (الهيئة) في الأردن فلان)
        return e.label.startswith("PERS") or any(
            (x := self.ents_at.get(j)) is not None and x.label.startswith("PERS") for j in range(last + 2, min(limit, last + 8)))

    def _name_start(self, k: int) -> bool:
        """Does the name at token k start with a word that may open a name (not لشؤون، بقيادة)?"""
        nm = self.toks[k].norm
        lx = self.r.lx
        return nm not in _NOT_GIVEN and not (nm[:1] in "لب" and nm not in lx.given and nm not in lx.known_names)

    def _person_ending(self, k: int) -> Speaker | None:
        """The person whose name ends at token k, as a speaker."""
        end = self.toks[k].end
        for j in range(k, max(-1, k - 4), -1):
            e = self.ents_at.get(j)
            if e is not None and e.end == end and e.label.startswith("PERS"):
                return self._entity_speaker(e)
        return None

    def _role_after(self, end: int, b: int) -> str | None:
        """A role written after the name (مايكل كاريك لاعب وسط الفريق الذي ...، فلان، الأمين العام للحزب)."""
        toks, q = self.toks, self.q
        k = self.tok_at(end - 1)
        if k is None:
            return None
        k += 1
        if k < b and toks[k].text in _COMMAS:
            k += 1
        if k >= b or toks[k].kind != "word":
            return None
        nm = toks[k].norm
        if not (self.r.title_at(k) is not None or (nm[2:] if nm.startswith("ال") else nm) in q.person_nouns):
            return None
        e = k + 1
        while e < b and toks[e].kind == "word" and toks[e].norm not in _RELATIVES and toks[e].norm not in q.comps \
                and toks[e].norm not in q.subject_stops and not (toks[e].norm in _CUT_WORDS and toks[e].norm not in
                                                                  q.role_preps) and self.verb_at(e) is None:
            e += 1
        return self.text[toks[k].start:toks[e - 1].end]

    def _role_text(self, a: int, k: int) -> str | None:
        """The role written before the name at token k (from token a), without trailing commas."""
        j = k - 1
        while j >= a and self.toks[j].kind == "punct":
            j -= 1
        if j < a:
            return None
        return self.text[self.toks[a].start:self.toks[j].end]

    def _entity_speaker(self, e: Entity) -> Speaker:
        kind = "person" if e.label.startswith("PERS") else "organisation"
        e = self._cut_at_comp(e)
        start, text = e.start, e.text
        i = self.tok_at(e.start)
        if i is not None and self.toks[i].start < e.start and (self.toks[i].norm in self.r.lx.given or (
                kind == "person" and e.start - self.toks[i].start == 1 and self.toks[i].norm[:1] == "ك")):
            start = self.toks[i].start  # وليد المعلم read as و + يد المعلم, كاريك as كـ + اريك: the whole word
            text = self.text[start:e.end]
        prev = self.toks[i - 1] if i is not None and i > 0 else None
        if kind == "person" and prev is not None and prev.end + 1 == start and not e.canonical and \
                prev.norm in self.r.lx.given and not (prev.norm == "علي" and prev.text.rstrip(_HARAKAT).endswith("ى")):
            start = prev.start  # علي داود، مسلم دوابشة: a given name the entities left out (علي, not على)
            text = self.text[start:e.end]
        end = e.end
        j = self.tok_at(e.end - 1)
        if kind == "person" and j is not None and j + 1 < self.n and self.toks[j].norm in _NAME_LINKS and \
                self.toks[j + 1].kind == "word":
            end = self.toks[j + 1].end  # عبد العزيز آل | الشيخ: a name does not end on آل
            text = self.text[start:end]
            name = e.canonical + " " + self.toks[j + 1].text if e.canonical else text
        elif kind == "person" and j is not None and self._family_name_after(j):
            end = self.toks[j + 1].end  # حمد عبدالمحسن | المرزوق: the family name the entities left out
            text = self.text[start:end]
            name = (e.canonical or e.text) + " " + self.toks[j + 1].text
        else:
            name = e.canonical or text
        role = e.role or self.roles.get(name)
        if kind == "person":
            full = self._full_name(name)
            if full is not None:  # تونر after مارك تونر, داود اوغلو after أحمد داود أوغلو
                name, role = full[0], role or full[1] or self.roles.get(full[0])
        return Speaker(start, end, text, name=name, role=role, kind=kind)

    def _family_name_after(self, j: int) -> bool:
        """Is the word after token j, the last of a name that ends on a given name (حمد عبدالمحسن), that
        person's family name with the article, found again alone in the text (المرزوق)?"""
        toks, r = self.toks, self.r
        k = j + 1
        if k >= self.n or toks[k].start != toks[j].end + 1 or toks[k].kind != "word" or k in self.ents_at:
            return False
        last, fam = toks[j].norm, toks[k].norm
        if not (last in r.lx.given or _compound_given(last)) or not fam.startswith("ال") or len(fam) < 5 or \
                fam in r.lx.stop or r.is_adj(fam) or r.title_at(k) is not None or r.head_at(k) is not None or \
                fam in r.lx.time_words or toks[k].start in self._place_starts() or self.verb_at(k) is not None:
            return False
        return self.text.count(toks[k].text) >= 2

    def _cut_at_comp(self, e: Entity) -> Entity:
        """An entity read on over the إن/أن that opens the content (قالت نتفليكس | إن فلانة): it ends
        before it."""
        if " " not in e.text or not any(w in e.text for w in (" إن", " أن", " ان", " بأن", " بان", " إنه", " أنه")):
            return e
        i = self.tok_at(e.start)
        if i is None:
            return e
        for k in range(i + 1, min(self.n, i + 8)):
            t = self.toks[k]
            if t.start >= e.end:
                break
            if t.norm in ("ان", "انه", "بان") and t.start > e.start:
                end = self.toks[k - 1].end
                return replace(e, end=end, text=self.text[e.start:end], canonical=None)
        return e

    def _full_name(self, name: str) -> tuple[str, str | None] | None:
        """The one longer name of a person in the document that ends with ``name``, with its role."""
        memo = self._full_memo
        if name in memo:
            return memo[name]
        out = memo[name] = None
        words = name.split()
        if not words or len(words) > 2:
            return None
        short = tuple(normalize_word(w) for w in words)
        if len(short) == 1 and short[0] in self.r.lx.given:
            out = memo[name] = self._given_full(short[0])  # وتابع محمد after محمد باسل خلف or دياري محمد
            return out
        if self._full is None:  # last word -> the long names that end with it (token norms, no re-normalising)
            self._full = {}
            norms, starts = self.norms, self.starts
            for i, e in self._pers:
                j = bisect.bisect_right(starts, e.end - 1) - 1
                if j <= i or norms[i].startswith("ال"):
                    continue
                nm = e.canonical or e.text
                self._full.setdefault(norms[j], []).append(
                    (tuple(norms[i:j + 1]), nm, e.role or self.roles.get(nm)))
        found = {}
        n = len(short)
        for key, nm, role in self._full.get(short[-1], ()):
            if len(key) > n and key[-n:] == short and " " in nm and key[-n - 1] not in self.r.lx.father_links:
                # (إبراهيم الحميدان is not عواد بن إبراهيم الحميدان, his son)
                found.setdefault(key[-n - 1:], (nm, role))
        if len(found) == 1:
            out = memo[name] = next(iter(found.values()))
        return out

    def _given_full(self, given: str) -> tuple[str, str | None] | None:
        """The one person of the document named in full whose name starts or ends with the given name
        ``given`` (normalised), with the role."""
        found: dict[str, str | None] = {}
        norms, starts = self.norms, self.starts
        for i, e in self._pers:
            j = bisect.bisect_right(starts, e.end - 1) - 1
            if j <= i or given not in (norms[i], norms[j]):
                continue
            if given != norms[i] and norms[j - 1] in self.r.lx.father_links:
                continue  # الملك عبدالعزيز is not سلمان بن عبدالعزيز: a father's name is not his own
            nm = e.canonical or e.text
            if " " in nm:
                found.setdefault(normalize_word(nm), (nm, e.role or self.roles.get(nm)))
                if len(found) > 1:
                    return None
        return next(iter(found.values())) if found else None

    def _by_role(self, role_text: str) -> Entity | None:
        """The person given this role in the document (exactly, else the only one whose role starts so)."""
        if self._role_idx is None:  # the people with a role, normalised once per document
            self._role_idx = [(role_key(e.role), e) for e in self.doc.entities
                              if e.role and e.label.startswith("PERS")]
        if not self._role_idx:
            return None
        key = role_key(role_text)
        bare = key[2:] if key.startswith("ال") and " " not in key else None  # الوزير: وزير الخارجية فلان
        prefixed: dict[str, Entity] = {}
        by_bare: dict[str, Entity] = {}
        for r, e in self._role_idx:
            if r == key:
                return e
            if r.startswith(key + " "):
                prefixed.setdefault(e.canonical or e.text, e)
            elif bare is not None and self._bare_role(bare, r):
                by_bare.setdefault(e.canonical or e.text, e)
        if not prefixed:
            prefixed = by_bare
        return next(iter(prefixed.values())) if len(prefixed) == 1 else None

    def _by_role_after(self, role_text: str, before: int) -> Entity | None:
        """The one person named before offset ``before`` with a role written after the name (الدكتور فلان
        مدير جامعة الملك سعود ... وقال مدير الجامعة) that ``role_text`` stands for."""
        key = role_key(role_text)
        found: dict[str, Entity] = {}
        for e in self.doc.entities:
            if e.start >= before:
                break
            if not e.label.startswith("PERS"):
                continue
            k = self.tok_at(e.end - 1)
            if k is None or k + 1 >= self.n or self.r.title_at(k + 1 + (self.toks[k + 1].text in _COMMAS)) is None:
                continue
            role = self._role_after(e.end, min(self.n, k + 12))
            r = role_key(role) if role else ""
            if r and (r == key or " " in key and (r.startswith(key + " ") or self._role_words_in(key, r))):
                # (a bare المحامي is not المحامي العام)
                found.setdefault(e.canonical or e.text, e)
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _bare_role(bare: str, role: str) -> bool:
        """Is ``role`` (normalised) a role that the bare word (وزير for الوزير) may stand for: the word itself
        or the word and its complement, but not a compound title (رئيس الوزراء is not الرئيس)?"""
        if role == bare:
            return True
        if not role.startswith(bare + " "):
            return False
        return role[len(bare) + 1:].split(" ", 1)[0] not in _NOT_BARE_ROLE

    def _speaker_by_role(self, role_text: str) -> Speaker | None:
        """The one named speaker so far whose role is ``role_text`` or starts with it (مدير المرصد)."""
        key = role_key(role_text)
        bare = key[2:] if key.startswith("ال") and " " not in key else None  # اللاعب: لاعب وسط الفريق
        found: dict[str, Speaker] = {}
        for sp in self.speakers:
            if sp.name and sp.role and sp.kind == "person":
                r = self._role_norm.get(sp.role)
                if r is None:
                    r = self._role_norm[sp.role] = role_key(sp.role)
                if r == key or r.startswith(key + " ") or bare is not None and self._bare_role(bare, r) \
                        or self._role_words_in(key, r):
                    found.setdefault(sp.name, sp)
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _role_words_in(key: str, role: str) -> bool:
        """The words of ``key`` in order inside ``role``, with the same head (المتحدث باسم الحكومة in
        المتحدث الرسمي باسم الحكومة الشرعية; not وزير الخارجية in نائب وزير الخارجية)."""
        kw, rw = key.split(), role.split()
        if len(kw) < 2 or kw[0] != rw[0]:
            return False
        x = 1
        for w in kw[1:]:  # الوزارة is also the وزارة of a longer name (باسم وزارة الصحة)
            while x < len(rw) and rw[x] != w and not (w.startswith("ال") and rw[x] == w[2:]):
                x += 1
            if x == len(rw):
                return False
            x += 1
        return True

    def _org_by_head(self, a: int) -> Entity | None:
        """The body last named before token ``a`` whose name opens with its head word (الحزب: حزب الله)."""
        if self._orgs is None:  # (first token, its norm, entity) of the bodies of two words or more
            self._orgs = [(k, self.norms[k], e) for k, e in sorted(self.ents_at.items())
                          if e.label.startswith("ORG") and e.start == self.toks[k].start and " " in e.text]
        core = self.norms[a][2:]
        for k, nm, e in reversed(self._orgs):
            if k < a and nm in (core, self.norms[a]):
                return e
        return None

    def _abbreviated_titled(self, sp: Speaker, s0: int, a: int) -> Speaker:
        """The speaker read after a title's abbreviation at a - 2 (subject from s0): a person, the words
        before the abbreviation its role, the whole name from the abbreviation on."""
        toks = self.toks
        role = self.text[toks[s0].start:toks[a - 3].end] if a - 2 > s0 else None
        start = toks[a].start
        between = self.text[start:sp.start]
        if sp.start > start and between.replace(" ", "").isalpha() and between.count(" ") <= 2:
            text = self.text[start:sp.end]  # د. سارة | المالكي: the given name the tagger left out
            return replace(sp, start=start, text=text, name=text, kind="person", role=role)
        return replace(sp, kind="person", role=sp.role or role)
