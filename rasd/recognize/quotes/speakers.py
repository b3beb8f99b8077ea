"""Speakers: who the subject of a speech verb is."""

from __future__ import annotations

import bisect

from rasd.doc import Entity, Speaker
from rasd.recognize.quotes.lexicon import (
    _ADDRESSEE_ENDS,
    _AFFIL_PREPS,
    _BEFORE_YESTERDAY,
    _COMMAS,
    _CUT_WORDS,
    _DAY_PARTS,
    _DEMONSTRATIVES,
    _DOC_PARTS,
    _HE,
    _HONORIFIC_HE,
    _LEADING,
    _NOT_GIVEN,
    _OBJECT_START,
    _OPENERS,
    _PAPER_CLOSERS,
    _PAPER_OPENERS,
    _PLACE_PEOPLE,
    _RELATIVES,
    _SKIP_BEFORE_VERB,
    _SOURCE_ADJ,
    _SUBJECT_TAIL,
    _TIME_LEAD,
    _adverbial,
    _definite,
)
from rasd.text.normalize import normalize_word


class _Speakers:
    """The speaker named by the subject of a speech verb: a person, a body, a document, an unnamed source, a role."""

    # --- speakers ---------------------------------------------------------------------------
    def speaker_from(self, a: int, b: int, np: bool = True, lam: bool = False) -> tuple[Speaker | None, str | None]:
        """The speaker named by tokens [a, b) after a speech verb, and the channel if any (``lam``: the first
        word may be written onto ل, as after وفقا: لتقرير المؤسسة)."""
        while b - 1 > a and self.toks[b - 1].kind == "word" and self.toks[b - 1].norm in _SKIP_BEFORE_VERB:
            b -= 1  # كانت مصادر في عدن | قد أفادت: the particle before the verb is no part of the subject
        sp, channel = self._speaker_from(a, b, np, lam)
        if sp is None and b - a >= 5 and self.toks[a].norm in self.q.quantifiers and _definite(self.toks[a + 1].norm):
            named = self._name_before_content(a, b)
            if named is not None:  # بيّن أحد المشرفين على المعرض فلان، أن: one of a group, named
                return named, channel
        if sp is not None and sp.kind in ("organisation", "unknown") and sp.name == sp.text:
            sp = self._body_goes_on(sp, b)  # وزارة الشؤون الإسلامية | والأوقاف
        if sp is not None and sp.kind in ("person", "unknown") and (sp.name is None or sp.name == sp.text) and \
                b - a >= 5:
            k = self.tok_at(sp.start)
            named = self._name_before_content(k, b) if k is not None and (
                self.r.title_at(k) is not None or sp.kind == "unknown" and self._person_noun(k)) else None
            if named is not None and named.start >= sp.end:
                # المتحدث باسم اللجنة ... وممثل عن ... فلان لـ«الصحيفة» إن: a long role, then the name (not a
                # name inside the role: مستشار الرئيس هادي)
                return named, channel
        return sp, channel

    def _person_noun(self, k: int) -> bool:
        """Is token k a noun for a person (المشرف، باحث) that no title lists?"""
        nm = self.toks[k].norm
        return (nm[2:] if nm.startswith("ال") else nm) in self.q.person_nouns

    def _body_goes_on(self, sp: Speaker, b: int) -> Speaker:
        """A body's name cut before a second noun joined by و (وزارة الشؤون الإسلامية | والأوقاف، عمادة القبول
        | والتسجيل), with its adjectives and the body it belongs to (بجامعة الملك خالد), up to token b."""
        toks, r = self.toks, self.r
        k = self.tok_at(sp.start)
        j = self.tok_at(sp.end - 1)
        if k is None or j is None or r.head_at(k) is None:
            return sp
        j += 1
        nm = toks[j].norm if j < b else ""
        if not (nm.startswith("وال") and len(nm) >= 6 and toks[j].start == sp.end + 1) or j in self.ents_at or \
                r.is_place(j) or r.title_at(j) is not None or r.head_at(j) is not None or \
                nm[1:] in self.r.lx.stop or self.verb_at(j) is not None:
            return sp
        j += 1
        while j < b and toks[j].kind == "word" and _definite(toks[j].norm) and r.is_adj(toks[j].norm):
            j += 1  # والعلاقات | العامة
        e = self.ents_at.get(j) if j < b else None
        if e is not None and e.label.startswith("ORG") and toks[j].norm[:1] == "ب" and e.start > toks[j].start:
            last = self.tok_at(e.end - 1)
            if last is not None and last < b:
                j = last + 1  # بجامعة الملك خالد: the body it belongs to
        end = toks[j - 1].end
        text = self.text[sp.start:end]
        return Speaker(sp.start, end, text, name=text, role=sp.role, kind="organisation")

    def _speaker_from(self, a: int, b: int, np: bool, lam: bool) -> tuple[Speaker | None, str | None]:
        toks = self.toks
        channel = self._channel_in(a, b)
        quoted = self._quoted_name(a, b)
        if quoted is not None:  # وقالت "لورا كولانجيلو" من كلية الطب: a name in quotation marks
            return quoted, channel
        a = self._past_time_words(a, b)
        if a + 2 < b and toks[a].norm in _DEMONSTRATIVES and toks[a + 1].kind == "word" and \
                not _definite(toks[a + 1].norm):
            a = self._past_time_words(a + 1, b)  # أوضح ذلك مدير المهرجان فلان: the object, then the subject
        if a + 2 < b and (toks[a].norm, toks[a + 1].norm) in self.q.according:
            return self._speaker_from(a + 2, b, np, False)  # وقال نقلا عن دائرة الصحة: the source quoted speaks
        a2 = self._past_spoken_to(a, b)
        if a2 > a:
            a = self._past_time_words(a2, b)  # أكد لـ«الصحيفة» صباح اليوم فلان: the time after the paper
        if a + 1 < b and toks[a].norm in _DOC_PARTS and toks[a + 1].norm[2:] in self.q.documents and \
                toks[a + 1].norm.startswith("ال"):
            a += 1  # نص البيان: the statement itself
        if a >= b or (toks[a].norm in _CUT_WORDS and not self._ali(a) and not self._person_starts(a)) or \
                toks[a].norm in _HONORIFIC_HE:
            return None, channel  # وشدد معاليه: the person named before speaks
        q = self.q
        # the plain subject: up to a cut word, punctuation or a word that ends it (إثر، خلال)
        end = a
        while end < b and not (end > a and ((toks[end].norm in _CUT_WORDS and not self._ali(end)) or
                                            toks[end].kind == "punct" or toks[end].norm in q.subject_stops or
                                            toks[end].norm in _SUBJECT_TAIL or self._addressee(end))):
            end += 1
        first = toks[a].norm
        core = first[2:] if first.startswith("ال") else first
        if lam and first[:1] == "ل" and a not in self.ents_at:
            alt = "ا" + first[1:] if first[:2] == "لل" else first[1:]
            alt_core = alt[2:] if alt.startswith("ال") else alt
            if alt_core in q.documents or alt_core in q.unnamed or alt_core in q.media:
                first, core = alt, alt_core  # طبقا لتقرير المؤسسة، وفقا لمصادر
        if core.endswith("ا") and core[:-1] in q.unnamed:
            core = core[:-1]  # مصدرا
        unnamed = core in q.unnamed or first in q.unnamed
        titled = self.r.title_at(a) is not None
        # a long role goes on over في/على/عن/لدى/من to the name (المشرف العام على المهرجان فلان)
        reach = self._role_reach(end, b, titled)
        if unnamed and a not in self.ents_at and not self._named_source(a, reach, core):
            return self._unnamed_source(a, end, b, first, core, reach), channel
        # القيادي في المقاومة عادل أبو بكر / وزير الخارجية، جون كيري / المطور العقاري المهندس فلان
        if a in self.ents_at or not (titled or core in q.person_nouns):
            stop_at = reach if titled else min(end, a + 2)
        else:
            stop_at = reach
        if core in q.documents and a not in self.ents_at and not (core in q.media and end < b and
                                                                  toks[end].text in _OPENERS):
            return self._document(a, end, first.startswith("ال"), b), channel  # بيان وزارة الداخلية
        if a not in self.ents_at:
            if self._country_at is None:
                self._countries()
            place = self._country_at.get(toks[a].start)
            if place is not None:  # قالت الولايات المتحدة، أبلغت تركيا الأمم المتحدة: a state speaks
                return Speaker(place.start, place.end, place.text, name=place.name, kind="organisation"), channel
        if not titled and core not in q.person_nouns:
            foreign = self._nisba_name(a, end)
            if foreign is not None:  # قال الإسباني تشابي ألونسو لصحيفة: the nationality, then a name
                return foreign, channel
        named, best, best_k = self._best_entity(a, end, stop_at, core, titled)
        if named is not None:
            return named, channel
        if (best is None or not best.label.startswith("PERS")) and stop_at > a + 1 and \
                (titled or core in q.person_nouns):
            sp = self._given_name_in(a, stop_at)
            if sp is not None:  # نائب رئيس الهيئة لشؤون السلامة سامر القاضي: a name the entities missed
                return sp, channel
            if best is not None and best_k > a and titled:
                sp = self._name_in_org(best, best_k)
                if sp is not None:  # مدير مطار الجوف | عبدالمحسن المضيان read as one body: the name
                    sp.role = self._role_text(a, self.tok_at(sp.start))
                    return sp, channel
                best = None  # مدير مركز الرصد: the director speaks, not the body of his title
        if best is None and not titled and first.startswith("ال") and a + 2 < end and \
                toks[a + 1].norm in self.r.lx.given and toks[a + 1].norm not in _NOT_GIVEN:
            sp = self._given_name_in(a, min(end, a + 5))
            if sp is not None and sp.start == toks[a + 1].start:  # يقول النحات سلطان عسيري: a name missed
                return sp, channel
        if best is not None:
            return self._entity_subject(a, b, best, best_k), channel
        return self._unnamed_subject(a, end, b, first, core, titled, np), channel

    def _quoted_name(self, a: int, b: int) -> Speaker | None:
        """A person's name of two to four bare words in quotation marks at token a, none of them known."""
        toks = self.toks
        if a + 3 >= b or toks[a].text not in _OPENERS:
            return None
        close = next((x for x in range(a + 1, min(b, a + 6)) if toks[x].kind == "punct"), None)
        if close is None or close - a < 3 or toks[close].text not in ("»", "”", '"'):
            return None
        stop = self.r.lx.stop
        for x in range(a + 1, close):
            nm = toks[x].norm
            if x in self.ents_at or nm.startswith("ال") or nm in stop or nm in _CUT_WORDS or \
                    self.verb_at(x) is not None or self.r.title_at(x) is not None or self.r.head_at(x) is not None:
                return None
        s, e = toks[a + 1].start, toks[close - 1].end
        name = self.text[s:e]
        return Speaker(s, e, name, name=name, kind="person")

    def _channel_in(self, a: int, b: int) -> str | None:
        """The channel (a news agency, a paper, a broadcaster) named among tokens (a, b), if any."""
        toks = self.toks
        channel = None
        first_words = self.q.channel_first
        for k in range(a + 1, b):
            nm = toks[k].norm
            if nm not in first_words and nm[1:] not in first_words:
                continue
            for key, name in self.q.channels.items():
                m = len(key)
                if k + m <= b and all(toks[k + x].norm == key[x] or
                                      (x == 0 and toks[k].norm[1:] == key[0] and toks[k].norm[0] in "بلو")
                                      for x in range(m)):
                    channel = name
                    break
            if channel:
                break
        return channel

    def _past_time_words(self, a: int, b: int) -> int:
        """Where the subject starts after the punctuation, time words and verb pronoun leading tokens [a, b)."""
        toks = self.toks
        tw = self.r.lx.time_words
        while a < b and (toks[a].kind == "punct" or toks[a].norm in _LEADING or toks[a].norm in _TIME_LEAD or
                         toks[a].norm in tw or
                         toks[a].norm in _DAY_PARTS and a + 1 < b and toks[a + 1].norm in _TIME_LEAD):
            a += 1  # أعلنت أمس الشرطة: the time before the subject
        if a + 1 < b and toks[a].norm in _BEFORE_YESTERDAY:
            a = self._past_before_yesterday(a, b)
        if a + 1 < b and self._verb_with_object(toks[a].norm):
            a += 1  # بحسب ما قاله الوزير، وفقا لما ذكرته الوكالة: the verb with its pronoun, then the subject
        return a

    def _past_before_yesterday(self, a: int, b: int) -> int:
        """Where the subject starts after أول (من) أمس at token a (قالت أول من أمس إنه), or a itself."""
        toks = self.toks
        k = a + 2 if toks[a + 1].norm == "من" else a + 1
        if k < b and toks[k].norm in _TIME_LEAD:
            return self._past_time_words(k + 1, b)
        return a

    def _past_spoken_to(self, a: int, b: int) -> int:
        """Where the subject starts after the paper or the one spoken to named first at token a."""
        toks = self.toks
        if a + 2 < b and toks[a].norm == "ل" and (toks[a + 1].text in _PAPER_OPENERS or toks[a + 1].text == "("):
            close = next((x for x in range(a + 2, min(b, a + 7)) if toks[x].text in _PAPER_CLOSERS), None)
            if close is not None:  # أكد لـ«الشرق الأوسط» العميد فلان: the paper spoken to comes first
                a = close + 1
                while a < b and toks[a].kind == "punct":
                    a += 1
        elif a < b and self._addressee(a):
            a = self._addressee_end(a)  # قال لرويترز المتحدث، ذكرت لوكالة الأنباء الفرنسية أن
        return a

    def _unnamed_source(self, a: int, end: int, b: int, first: str, core: str, reach: int) -> Speaker:
        """The speaker of an unnamed source at token a (مصدر أمني، أحد مسؤولي السفارة الليبية), maybe of a
        named body, maybe named after all or described in full before."""
        toks = self.toks
        q = self.q
        role = None
        for k in range(a + 1, end):
            e = self.ents_at.get(k)
            if e is not None:
                if first.startswith("ال") and not e.label.startswith("PERS") and toks[k - 1].norm not in _CUT_WORDS:
                    sp = self._name_in_org(e, k)
                    if sp is not None:  # المتحدث باسم الحكومة | هيروشي تاناكا read as a body: the name
                        sp.role = self._role_text(a, k)
                        return sp
                role = e.canonical or e.text
                break
        if core not in q.groups and a + 1 < reach and not any(
                toks[x].norm in ("من", "عن") or toks[x].norm.startswith("مقرب") for x in range(a, reach)):
            # مسؤول تركي | كبير: right after an indefinite source, a given name is its adjective
            sp = self._given_name_in(a, reach, skip_first=not first.startswith("ال"))
            if sp is not None and not self._body_genitive(a, self.tok_at(sp.start)):
                # أحد وجهاء القبيلة سالم الفلاني: the source is named after all
                return sp
        e2 = self._source_words_end(a, end, b, core)
        # مصدر في وزارة الخارجية: the body a source speaks for stays; شهود عيان | في المنطقة: where
        # witnesses or residents are is not who they are
        e3 = e2 if core in q.quantifiers else self._affiliation(e2, b)
        if core in _PLACE_PEOPLE and not any((x := self.ents_at.get(j)) is not None and x.label.startswith("ORG")
                                             for j in range(e2, e3)):
            e3 = e2  # (شاهد من رويترز: the body stays)
        if role is None and e3 > e2:
            role = next((x.canonical or x.text for x in map(self.ents_at.get, range(e2, e3)) if x is not None),
                        None)  # the body it speaks for
        e2 = e3
        stext = self.text[toks[a].start:toks[e2 - 1].end]
        if first.startswith("ال") and e2 == a + 1:
            earlier = self._unnamed_before(core, toks[a].start)
            if earlier is not None:  # وأضاف المصدر: the source described in full before
                return Speaker(toks[a].start, toks[a].end, stext, name=earlier.name, role=earlier.role,
                               kind="person")
        if first.startswith("ال") and core not in q.groups:
            named = self._speaker_by_role(stext)
            if named is not None:  # وذكر المتحدث باسم الحكومة: the spokesman named before
                return Speaker(toks[a].start, toks[e2 - 1].end, stext, name=named.name, role=named.role,
                               kind="person")
        return Speaker(toks[a].start, toks[e2 - 1].end, stext, name=stext, role=role, kind="person")

    def _source_words_end(self, a: int, end: int, b: int, core: str) -> int:
        """The token after an unnamed source's own words: its quantity (عدد من السكان) and adjectives."""
        toks = self.toks
        e2 = a + 1
        if core in self.q.quantifiers and e2 + 1 < b and toks[e2 + 1].norm == "من" and \
                toks[e2].kind == "word" and not toks[e2].norm.startswith("ال") and \
                toks[e2].norm not in _CUT_WORDS and e2 not in self.ents_at:
            e2 += 1  # عدد كبير | من المغردين
        if core in self.q.quantifiers and e2 < b and toks[e2].norm == "من":
            e2 += 1  # عدد من السكان
            end = self._np_after(e2, b)
        adj = False
        while e2 < end and (toks[e2].norm not in self.r.lx.stop or toks[e2].norm in _SOURCE_ADJ or
                            toks[e2].norm.endswith(("ي", "يه", "يون", "يين", "ه"))):
            if toks[e2].norm in _NOT_GIVEN and e2 + 1 < end:
                e2 = self._bism_end(e2 + 1, end)  # المتحدث باسم الجيش العراقي | الأطباء ...
                break
            w2 = toks[e2].norm
            is_adj = self.r.is_adj(w2) or w2 in _SOURCE_ADJ or w2.endswith(("ي", "يون", "يين")) or (w2.endswith("يه") and len(w2) > 4)
            if adj and not is_adj and not w2.startswith("ال") and w2[:1] not in "بل":
                break  # محللون سياسيون أردنيون | تصرفات ...: a new noun after the adjectives
            if not is_adj and w2.startswith("ال") and _definite(toks[a].norm) and w2 not in self.r.lx.stop and \
                    not w2.startswith("الم") and not w2.endswith("ه"):
                break  # كشف المصدر | النقاب عن: a definite noun after a definite source is the object
            adj = adj or is_adj
            e2 += 1
        return e2

    def _best_entity(self, a: int, end: int, stop_at: int, core: str,
                     titled: bool) -> tuple[Speaker | None, Entity | None, int]:
        """The entity among tokens [a, stop_at) that is the subject (the first person, else the first
        entity) and its token; or a speaker named after a role read as a name (then no entity)."""
        toks = self.toks
        q = self.q
        best: Entity | None = None
        best_k = a
        for k in range(a, stop_at):
            e = self.ents_at.get(k)
            if e is not None and k > a and (self._addressee(k) or toks[k].norm in q.subject_stops or
                                            toks[k].norm[:1] == "ل" and toks[k].norm[1:] in q.outlets):
                continue  # قال القائد لرويترز، لفرانس برس: the one spoken to; اللاعب البالغ: not a name
            if e is None or (k >= end and not e.label.startswith("PERS")) or \
                    (k > a and not titled and not e.label.startswith("PERS") and k >= a + 2):
                continue
            if e.label.startswith("PERS"):
                if k > a and not self._name_start(k) and any(
                        (x := self.ents_at.get(j)) is not None and x.label.startswith("PERS")
                        for j in range(k + 1, stop_at)):
                    continue  # لشؤون مكافحة: a role word read as a name, the name comes later
                if k > a and any(toks[j].norm[:1] in "بلك" and toks[j].norm[1:3] == "ال" or
                                 toks[j].norm in q.subject_stops for j in range(a, k)) and not titled and \
                        not (core in q.person_nouns and self.r.title_at(k - 1) is not None):
                    continue  # بقيادة خليفة حفتر: a name inside a phrase, not the subject (but: عميد شؤون
                    # الطلاب بالجامعة الدكتور فلان)
                if self._nisba_before_name(e, k, stop_at):
                    continue  # قال الباراجوياني | خوان نابوت: a nationality read as a name, the name follows
                if self.r.title_at(k) is not None or toks[k].start in self._place_starts():
                    # مساعد الأمين ... الدكتور فلان، رئيس بلدية البلدة سعد آل فلان: a role or a place read
                    # as the start of a name; the name is the one after it
                    if any((x := self.ents_at.get(j)) is not None and x.label.startswith("PERS")
                           for j in range(k + 1, stop_at)):
                        continue
                    sp = self._given_name_in(k, stop_at)
                    if sp is not None:
                        sp.role = self._role_text(a, self.tok_at(sp.start))
                        return sp, None, a
                best, best_k = e, k
                break
            if best is None:
                best, best_k = e, k
        return None, best, best_k

    def _nisba_name(self, a: int, end: int) -> Speaker | None:
        """A person named by a nationality at token a and two to four plain words of a name the entities
        did not read whole, up to where the subject ends (الأوروغوياني أوسكار تاباريز | لوكالة ...)."""
        toks, r = self.toks, self.r
        nm = toks[a].norm
        if not (nm.startswith("ال") and nm.endswith("ي") and len(nm) >= 6) or nm in r.lx.known_names or \
                r.head_at(a) is not None or a + 2 > end:
            return None
        e0 = self.ents_at.get(a)
        if e0 is not None and e0.end > toks[a].end:
            return None
        j = a + 1
        while j < end and j - a <= 4:
            x = self.ents_at.get(j)
            if x is not None and not x.label.startswith("PERS") or \
                    not (r.name_token_ok(j, first=j == a + 1) or j > a + 1 and r.is_place(j)) or \
                    self.verb_at(j) is not None or toks[j].norm in self.q.not_subjects or _adverbial(toks[j].text):
                return None
            j += 1
        if j != end or j - a < 3:
            return None
        s, e = toks[a + 1].start, toks[j - 1].end
        return Speaker(s, e, self.text[s:e], name=self.text[s:e], role=toks[a].text, kind="person")

    def _nisba_before_name(self, e: Entity, k: int, stop_at: int) -> bool:
        """Is the one-word person entity e at token k a nationality or origin (الباراجوياني، السويسري) with
        a person's name right after it, before ``stop_at``?"""
        nm = self.toks[k].norm
        lx = self.r.lx
        if not (nm.startswith("ال") and nm.endswith("ي") and len(nm) >= 6) or e.end != self.toks[k].end or \
                nm in lx.known_names or nm in lx.given or k + 1 >= min(stop_at, self.n):
            return False
        x = self.ents_at.get(k + 1)
        return x is not None and x.label.startswith("PERS") and x.start == self.toks[k + 1].start

    def _role_of_other(self, prefix: str, e: Entity) -> bool:
        """Is the role written before the known person e the role of someone else who serves them: a title
        whose genitive is e's own title (مستشار الرئيس اليمني | عبدربه منصور هادي)?"""
        known = e.info.get("known_role") if e.info else None
        if not known:
            return False
        pw = normalize_word(prefix).split()
        head = normalize_word(known).split()[0]
        return len(pw) >= 2 and pw[0] != head and head in pw[1:]

    def _aide_of(self, a: int, e: Entity, b: int) -> Speaker:
        """The speaker of a role whose genitive is the known person e (مستشار الرئيس اليمني عبدربه منصور
        هادي): the person named after a comma (، فلان،), else the role with e's name, unnamed."""
        toks = self.toks
        stext = self.text[toks[a].start:e.end]
        j = self.tok_at(e.end - 1)
        if j is not None and j + 2 < b and toks[j + 1].text in _COMMAS:
            x = self.ents_at.get(j + 2)
            if x is not None and x.label.startswith("PERS") and x.start == toks[j + 2].start:
                sp = self._entity_speaker(x)  # مستشار الرئيس هادي، ياسين مكاوي، إن: the adviser named
                sp.role = stext
                return sp
        return Speaker(toks[a].start, e.end, stext, name=None, role=stext, kind="person")

    def _entity_subject(self, a: int, b: int, best: Entity, best_k: int) -> Speaker:
        """The speaker for the subject entity ``best`` at token best_k of a subject starting at a, with its
        whole role; or two bodies speaking together, or a body's head word and name."""
        toks = self.toks
        if best_k > a and not best.label.startswith("PERS") and toks[best_k].norm[:1] == "و" and \
                not self._ali(a) and toks[a].norm.startswith("ال"):
            # الوزارة وهيئة الأركان: two bodies speak together
            stext = self.text[toks[a].start:best.end]
            return Speaker(toks[a].start, best.end, stext, name=stext, kind="organisation")
        if best_k == a + 1 and not best.label.startswith("PERS") and self.r.head_at(a) is not None and \
                best.start == toks[best_k].start:
            stext = self.text[toks[a].start:best.end]  # شركة الأهلي: the head and the name of the body
            return Speaker(toks[a].start, best.end, stext, name=best.canonical and stext or stext,
                           kind="organisation")
        sp = self._entity_speaker(best)
        k0 = self.tok_at(sp.start) if sp.start < best.start else best_k  # فاتن | محمد حسين: the name starts earlier
        if k0 is not None and k0 > a and best.label.startswith("PERS"):
            prefix = self._role_text(a, k0)
            if prefix and (sp.role is None or len(prefix) > len(sp.role)):
                sp.role = prefix  # the whole role before the name
            if prefix and self._role_of_other(prefix, best):
                return self._aide_of(a, best, b)
        if best.label.startswith("PERS"):
            after = self._role_after(sp.end, b)  # فلان، الأمين العام للحزب: the whole role after the name
            if after and (sp.role is None or after.startswith(sp.role) and len(after) > len(sp.role)):
                sp.role = after
        return sp

    def _unnamed_subject(self, a: int, end: int, b: int, first: str, core: str, titled: bool,
                         np: bool) -> Speaker | None:
        """The speaker of a subject with no entity in it: a body named in quotes, a document, a role (maybe
        given to someone named before), a body's head word, else a plain noun phrase (``np``)."""
        toks = self.toks
        q = self.q
        if (core in q.media or self.r.head_at(a) is not None) and end < b and toks[end].text in _OPENERS:
            close = end + 1
            while close < b and toks[close].text not in ("»", "”", '"'):
                close += 1
            if close < b:  # موقع «مراسل سوري»، شركة «إيني» الإيطالية: a body named in quotes
                last = close
                while last + 1 < b and toks[last + 1].kind == "word" and _definite(toks[last + 1].norm) and \
                        toks[last + 1].norm.endswith(("ي", "يه")) and toks[last + 1].norm not in _RELATIVES:
                    last += 1
                stext = self.text[toks[a].start:toks[last].end]
                return Speaker(toks[a].start, toks[last].end, stext, name=stext, kind="organisation")
        if core in q.documents:
            return self._document(a, end, first.startswith("ال"))
        if titled:
            return self._role_subject(a, self._role_end(a, end))
        if self.r.head_at(a) is not None:
            e = a + 1  # المنظمة | ما حدث ...: the head and its words, not the object after it
            while e < end and toks[e].norm not in _OBJECT_START and toks[e].norm not in q.not_subjects and \
                    not self._and_source(e):
                e += 1
            stext = self.text[toks[a].start:toks[e - 1].end]
            if e == a + 1 and _definite(first):
                org = self._org_by_head(a)
                if org is not None:  # وقال الحزب: the party named before (حزب الله)
                    return Speaker(toks[a].start, toks[a].end, stext, name=org.canonical or org.text,
                                   kind="organisation")
            return Speaker(toks[a].start, toks[e - 1].end, stext, name=stext, kind="organisation")
        return self._noun_phrase(a, end, b) if np else None

    def _role_end(self, a: int, end: int) -> int:
        """Where a titled subject's role starting at token a ends (before ``end``): on a bare word after an
        article-bearing word, or on its country."""
        toks = self.toks
        # مفتي السعودية | نداء: a bare word after the article-bearing role starts the object
        if self._country_at is None:
            self._countries()
        for x in range(a + 1, end):
            if _definite(toks[x - 1].norm) and toks[x].kind == "word" and not toks[x].norm.startswith("ال") and \
                    toks[x].norm[:1] not in "وبل" and self.r.title_at(x) is None and toks[x].norm not in _NOT_GIVEN:
                return x
            if x > a + 1 and toks[x - 1].start in self._country_at and _definite(toks[x].norm) and \
                    not toks[x].norm.endswith(("ي", "يه")) and self.r.title_at(x) is None:
                return x  # وزيرة داخلية بريطانيا | الأزمة: a role ends on its country
        return end

    def _role_subject(self, a: int, end: int) -> Speaker:
        """The speaker of the role in tokens [a, end): the person given that role before, else the role."""
        toks = self.toks
        stext = self.text[toks[a].start:toks[end - 1].end]
        sp = self._speaker_by_role(stext)
        if sp is not None:  # وقال مدير المرصد، وقال اللاعب: the named speaker given that role earlier
            return Speaker(toks[a].start, toks[end - 1].end, stext, name=sp.name, role=sp.role,
                           kind="person")
        person = self._by_role(stext)
        after = person is None and (person := self._by_role_after(stext, toks[a].start)) is not None
        if person is not None:  # (after: الدكتور فلان مدير جامعة الملك سعود ... وقال مدير الجامعة)
            sp = self._entity_speaker(person)
            sp.start, sp.end, sp.text = toks[a].start, toks[end - 1].end, stext
            if after:
                sp.role = stext
            return sp
        named = self._by_surname(a, end)
        if named is not None:  # وقال الدكتور التركي: the person named in full before (عبدالله التركي)
            return Speaker(toks[a].start, toks[end - 1].end, stext, name=named.name, role=named.role,
                           kind="person")
        t = self.r.title_at(a)
        if end > a + 1 and t is not None and t[0] == "honorific" and t[1] == 1:
            sp = self._role_subject(a, a + 1)
            if sp.name is not None:  # وبين فضيلة إمام وخطيب المسجد: the one so honoured before
                return Speaker(toks[a].start, toks[end - 1].end, stext, name=sp.name, role=sp.role, kind="person")
        return Speaker(toks[a].start, toks[end - 1].end, stext, name=None, role=stext, kind="person")

    def _by_surname(self, a: int, end: int) -> Speaker | None:
        """For an honorific or a rank and one word (الدكتور التركي، العقيد الدليمي), the person who spoke before
        with that word as the last of his name."""
        t = self.r.title_at(a)
        if t is None or t[0] not in ("honorific", "rank") or end - a != t[1] + 1:
            return None
        last = self.toks[end - 1].norm
        k = bisect.bisect_left(self.speaker_at, self.toks[a].start)
        for sp in reversed(self.speakers[:k]):
            if sp.kind == "person" and sp.name and " " in sp.name and normalize_word(sp.name.split()[-1]) == last:
                return sp
        return None

    def _and_source(self, k: int) -> bool:
        """Does token k join an unnamed source to a body (المرصد | وشهود، الجيش | ومصادر محلية)? The body
        named first is kept as the speaker: the two are not one name."""
        nm = self.toks[k].norm
        if nm[:1] != "و" or k in self.ents_at:
            return False
        core = nm[3:] if nm[1:3] == "ال" else nm[1:]
        return core in self.q.unnamed

    def _noun_phrase(self, a: int, end: int, b: int | None = None) -> Speaker | None:
        """The subject as a plain noun phrase (الأنباء الواردة، البعض، النظام السوري), or None."""
        toks = self.toks
        first = toks[a].norm
        stop = self.r.lx.stop
        if first in stop and not first.startswith("ال") or first in self.q.not_subjects or toks[a].kind != "word":
            return None  # ذلك، هذا، ضرورة، مجددا ...: no subject named here
        if first[:1] in "بلك" and first[1:3] == "ال" or _adverbial(toks[a].text) or first.isdigit():
            return None
        if first[:1] in "وف" and (first[1:] in self.q.verbs or first[1:] in self.q.participles):
            return None
        if first[:1] == "ب" and first not in self.r.lx.given and first not in self.r.lx.known_names and \
                not first.startswith("بعض") and not (first.endswith(("ون", "ين")) and first[:-2] in self.q.person_nouns) and \
                self._full_name(toks[a].text) is None or \
                first[:1] == "ل" and (first[1:] in stop or first[1:] in self.q.not_subjects or
                                      first[1:] in self.q.unnamed):
            return None  # بسرعة، لأي، لخبراء: a preposition, not a subject (لينا is a name)
        if not first.startswith("ال") and first not in self.q.person_nouns:  # والد | الشهيد: a role, no name
            for k in range(a + 1, min(end, a + 4)):
                nk = toks[k].norm
                if (nk[2:] if nk.startswith("ال") else nk) in self.q.person_nouns or self.r.title_at(k) is not None:
                    if all(toks[x].kind == "word" and not _definite(toks[x].norm) and
                           toks[x].norm not in stop for x in range(a, k)):
                        # متى حداد عضو مجلس المحافظة: a name the entities missed, then its role
                        stext = self.text[toks[a].start:toks[k - 1].end]
                        role = self.text[toks[k].start:toks[end - 1].end]
                        return Speaker(toks[a].start, toks[k - 1].end, stext, name=stext, role=role, kind="person")
                    break
        if first.endswith("ون") and first[:-2] in self.q.person_nouns and a + 1 < end:
            return self._people(a, end)  # أوضح مواطنون وأولياء أمور أن: plain people speak together
        if first in self.q.report_nouns and a + 1 < end:
            sp = self._report_phrase(a, end)
            if sp is not None:  # وقالت تقارير إعلامية محلية إن: reports described by their adjectives
                return sp
        construct = not first.startswith("ال") and a + 1 < end and _definite(toks[a + 1].norm) and \
            b is not None and b - end <= 2
        if not first.startswith("ال") and not construct and (end - a > 2 or any(
                toks[k].norm[:1] in "بلك" and toks[k].norm[1:3] == "ال" or _adverbial(toks[k].text)
                for k in range(a, end))):
            return None  # a longer indefinite stretch is rarely the subject (يعتبر خطوة كبيرة نحو ...)
        # وسائل الإعلام التركية إلى أن: a construct right before the content is the subject
        e = a + 1
        seen_al = first.startswith("ال")
        while e < end and e - a < 5:
            t = toks[e]
            nm = t.norm
            if t.kind != "word" or _adverbial(t.text) or nm in self.q.not_subjects or \
                    nm in stop and not nm.startswith("ال") or \
                    (seen_al and not _definite(nm) and not (nm[:1] == "ل" and _definite(toks[e - 1].norm))) or \
                    nm[:1] in "بلك" and nm[1:3] == "ال" or self.verb_at(e) is not None:
                break  # الأزهر | رفضه: a bare word after the article starts the object
            seen_al = seen_al or _definite(nm)
            e += 1
        stext = self.text[toks[a].start:toks[e - 1].end]
        if first.startswith("ال") and e - a <= 2:
            person = self._by_role(stext)  # الباحث: the person given that role earlier
            if person is None and first.endswith("ي") and len(first) >= 6:
                named = self._speaker_by_role(toks[a].text)  # السويسري المتوج ...: the Swiss named before
                if named is not None:
                    return Speaker(toks[a].start, toks[e - 1].end, stext, name=named.name, role=named.role,
                                   kind="person")
                person = self._by_role(toks[a].text)
            if person is not None:
                sp = self._entity_speaker(person)
                sp.start, sp.end, sp.text = toks[a].start, toks[e - 1].end, stext
                return sp
        full = self._full_name(stext)
        if full is not None:  # آل الشيخ after عبد العزيز آل الشيخ: a short mention the entities missed
            return Speaker(toks[a].start, toks[e - 1].end, stext, name=full[0], role=full[1], kind="person")
        core = first[2:] if first.startswith("ال") else first
        kind = "document" if core in self.q.documents else "unknown"
        if first.startswith("ال") or e - a > 1:
            self.generic.add((toks[a].start, toks[e - 1].end))
        return Speaker(toks[a].start, toks[e - 1].end, stext, name=stext, kind=kind)

    def _report_phrase(self, a: int, end: int) -> Speaker | None:
        """An indefinite report noun at token a and the adjectives after it (تقارير إعلامية محلية), or None
        when no adjective follows."""
        toks = self.toks
        e = a + 1
        while e < end and e - a < 4 and toks[e].kind == "word" and toks[e].norm not in self.r.lx.stop and \
                not _definite(toks[e].norm) and (self.r.is_adj(toks[e].norm) or toks[e].norm.endswith(("يه", "ي"))):
            e += 1
        if e == a + 1:
            return None
        stext = self.text[toks[a].start:toks[e - 1].end]
        kind = "document" if toks[a].norm in self.q.documents else "unknown"
        return Speaker(toks[a].start, toks[e - 1].end, stext, name=stext, kind=kind)

    def _people(self, a: int, end: int) -> Speaker:
        """Indefinite plain people at token a (مواطنون وأولياء أمور، ناشطون من المنطقة): the plural and
        what is joined to it by و, up to four words."""
        toks = self.toks
        e = a + 1
        while e < end and e - a < 4 and toks[e].kind == "word" and toks[e].norm not in self.r.lx.stop and \
                toks[e].norm not in _CUT_WORDS and self.verb_at(e) is None and not _adverbial(toks[e].text) and \
                (toks[e].norm[:1] == "و" and len(toks[e].norm) > 3 or toks[e - 1].norm[:1] == "و" or
                 toks[e].norm.endswith("يون")):
            e += 1
        stext = self.text[toks[a].start:toks[e - 1].end]
        return Speaker(toks[a].start, toks[e - 1].end, stext, name=stext, kind="person")

    def _np_after(self, k: int, b: int) -> int:
        """The end (exclusive) of the noun phrase that starts at k (المزارعين | والمهتمين، بإنشاء ...)."""
        toks = self.toks
        e = k
        while e < b and e - k < 6 and toks[e].kind == "word" and toks[e].norm not in _CUT_WORDS and \
                (e == k or toks[e].norm[:1] not in "وبل") and \
                toks[e].norm not in self.q.subject_stops and not _adverbial(toks[e].text) and \
                self.verb_at(e) is None and toks[e].norm not in self.q.comps:
            e += 1
        return max(e, k + 1)

    def _addressee(self, k: int) -> bool:
        """A name written onto ل/ب (لرويترز), or a noun with a pronoun on ل (لوالديها): the one spoken to,
        which ends the subject."""
        e = self.ents_at.get(k)
        nm = self.toks[k].norm
        if e is None:
            return nm[:1] == "ل" and len(nm) > 4 and nm.endswith(_ADDRESSEE_ENDS) and nm not in self.r.lx.given
        return e.start > self.toks[k].start and nm[:1] == "ل" and \
            not e.label.startswith("PERS") and (nm[1:] in self.q.outlets or nm[1:] in self.q.media or
                                                 nm[2:] in self.q.outlets)

    def _addressee_end(self, k: int) -> int:
        """The token after the addressee that starts at token k (the whole لوكالة الأنباء الفرنسية)."""
        e = self.ents_at.get(k)
        if e is None:
            return k + 1
        j = self.tok_at(e.end - 1)
        return j + 1 if j is not None and j >= k else k + 1

    def _document(self, a: int, end: int, definite: bool, b: int | None = None) -> Speaker:
        toks = self.toks
        head = toks[a].norm[2:] if definite else toks[a].norm
        if definite:  # البيان: the statement already named
            for sp in reversed(self.speakers[:bisect.bisect_left(self.speaker_at, toks[a].start)]):
                if sp.kind == "document" and sp.name and normalize_word(sp.name).split()[0] in (head, "ال" + head):
                    return Speaker(toks[a].start, toks[a].end, toks[a].text, name=sp.name, role=sp.role,
                                   kind="document")
            issuer = self._issuer(a, head)
            if issuer is not None:  # أكدت الوزارة في بيانها ... وأضاف البيان: the body that issued it
                return Speaker(toks[a].start, toks[a].end, toks[a].text, name=issuer.name, role=issuer.role,
                               kind=issuer.kind)
        e = a + 1
        while e < end and e - a < 4 and toks[e].kind == "word" and toks[e].norm not in self.q.comps and \
                toks[e].norm not in _HE and (  # بيان رئاسة الإقليم | فإنه
                self.r.is_adj(toks[e].norm) or toks[e].norm.endswith(("ي", "يه")) or
                (not definite and toks[e].norm[:1] not in "بلك" and
                 not _adverbial(toks[e].text) and self.verb_at(e) is None) or
                (toks[e].norm == "ال" and e + 1 < end and toks[e + 1].norm.isdigit())):
            e += 1  # بيان حكومي، حيثيات الحكم، التقرير الـ51 (not البيان | الحكومة: an object)
            if toks[e - 1].norm == "ال":
                e += 1
        role = None
        for k in range(a + 1, end):
            ent = self.ents_at.get(k)
            if ent is not None:
                role = ent.canonical or ent.text
                break
        if b is not None and e == end and e - 1 > a and e < b and toks[e].text in _OPENERS:
            close = next((x for x in range(e + 2, min(b, e + 5)) if toks[x].text in ("»", "”", '"')), None)
            if close is not None:  # تقرير منظمة «...»: the body named in quotes is part of it
                e = close + 1
        text = self.text[toks[a].start:toks[e - 1].end]
        return Speaker(toks[a].start, toks[e - 1].end, text, name=text, role=role, kind="document")

    def _person_starts(self, a: int) -> bool:
        """Does a person's name found by the entity stage start at token a (صباح الخالد, not صباح اليوم)?"""
        e = self.ents_at.get(a)
        return e is not None and e.label.startswith("PERS") and e.start == self.toks[a].start and \
            e.end > self.toks[a].end

    def _issuer(self, a: int, head: str) -> Speaker | None:
        """The body or person that gave the statement named again at token a (البيان, head بيان): the speaker
        or organisation of the sentence where it was given (أكدت الوزارة في بيانها، كشفت الإدارة عن تقريرها)."""
        toks = self.toks
        own = {head + s for s in ("ه", "ها", "هم", "ا")}
        own |= {"ب" + w for w in own} | {"ب" + head}
        for x in range(a - 1, max(-1, a - 300), -1):
            nm = toks[x].norm
            if not (nm in own or nm == head and x > 0 and toks[x - 1].norm == "في"):
                continue
            s0 = self.toks[self.sentence_start(x)].start
            k = bisect.bisect_left(self.speaker_at, toks[x].start)
            if k and self.speaker_at[k - 1] >= s0:
                sp = self.speakers[k - 1]
                return sp if sp.name and sp.kind in ("person", "organisation") else None
            for y in range(x - 1, self.sentence_start(x) - 1, -1):
                ent = self.ents_at.get(y)
                if ent is not None and ent.label.startswith("ORG"):
                    name = ent.canonical or ent.text
                    return Speaker(ent.start, ent.end, ent.text, name=name, kind="organisation")
            return None
        return None

    def _affiliation(self, e: int, b: int) -> int:
        """The end of an unnamed source's في/من phrase (مصدر | في الدفاع المدني), from token e."""
        toks, q = self.toks, self.q
        if e + 1 >= b or toks[e].norm not in _AFFIL_PREPS:
            return e
        x = e + 1
        tw = self.r.lx.time_words
        while x < b and x - e <= 7 and toks[x].kind == "word" and toks[x].norm not in q.comps and \
                toks[x].norm not in _CUT_WORDS and toks[x].norm not in q.subject_stops and \
                toks[x].norm not in q.occasion and toks[x].norm not in tw and not self._addressee(x) and \
                toks[x].norm not in q.not_subjects and self.verb_at(x) is None and \
                not (x > e + 1 and (toks[x].norm[:1] == "و" or self.r.title_at(x) is not None or
                                    x in self.ents_at and self.ents_at[x].label.startswith("PERS") or
                                    self._clause_after(x))):
            x += 1  # ... | وبيانات شحن: another source; ... | الكابتن فلان: a person named after it
        if x > e + 1 and x < b and self.r.title_at(x) is not None and self.r.head_at(x - 1) is not None and \
                not _definite(toks[x - 1].norm):
            x = self._genitive_person_end(x, b)  # عضو في حزب | الرئيس السابق فلان: the head of his body
        return x if x > e + 1 else e

    def _genitive_person_end(self, x: int, b: int) -> int:
        """After a body's head (حزب، حكومة), the end of the title and name of its head at token x (الرئيس اليمني
        السابق علي عبد الله صالح); x when no name follows."""
        toks = self.toks
        j = x + self.r.title_at(x)[1]
        while j < b and j - x < 5 and toks[j].kind == "word" and _definite(toks[j].norm) and j not in self.ents_at:
            j += 1
        e = self.ents_at.get(j)
        if j < b and e is not None and e.label.startswith("PERS"):
            end = self.tok_at(e.end - 1)
            return end + 1 if end is not None and end < b else x
        return x

    def _bism_end(self, k: int, end: int) -> int:
        """The end of the body after باسم at token k: a name, or a noun with its genitive, and adjectives."""
        toks = self.toks
        e = self.ents_at.get(k)
        j = self.tok_at(e.end - 1) if e is not None and e.start == toks[k].start else None
        if j is not None and j >= k:
            j += 1
        else:
            j = k + 1
            if not toks[k].norm.startswith("ال") and j < end and toks[j].norm.startswith("ال"):
                j += 1  # باسم وزارة الصحة
        while j < end and toks[j].kind == "word" and toks[j].norm.startswith("ال") and \
                (self.r.is_adj(toks[j].norm) or toks[j].norm.endswith(("ي", "يه"))):
            j += 1
        return min(j, end)

    def _named_source(self, a: int, reach: int, core: str) -> bool:
        """Is the unnamed-source noun at ``a`` followed by the name of that source (مسؤول في الوزارة فلان)?"""
        if core in self.q.groups:
            return False  # مصادر ... فلان: a group is not named by one person
        for k in range(a, reach):
            e = self.ents_at.get(k)
            if e is not None and e.label.startswith("PERS"):
                return not self._body_genitive(a, k) and not any(
                    self.toks[j].norm in ("من", "عن") or self.toks[j].norm.startswith("مقرب") for j in range(a, k))
        return False

    def _body_genitive(self, a: int, k: int) -> bool:
        """Is the name at token k, after the source at a, the name of its body's head (مسؤول في حكومة رئيس
        الوزراء فلان: a title right after an indefinite head), not the source's own?"""
        toks, r = self.toks, self.r
        e = self.ents_at.get(k)
        if e is not None and any(normalize_word(w).startswith(("لل", "بال")) for w in e.text.split()):
            return False  # سلمان للإغاثة رأفت الصباغ: a body's name read into the person's
        for j in range(a + 2, k + 1):
            t = r.title_at(j)
            head = toks[j - 1].norm
            if t is not None and not _definite(head) and not (head[:1] in "بلك" and _definite(head[1:])) and \
                    r.head_at(j - 1) is not None:
                # ... بمكتب وزير الدفاع العميد أحمد: a title of his own after it names the source again
                return all(_definite(toks[x].norm) and r.title_at(x) is None for x in range(j + t[1], k))
        return False

    def _unnamed_before(self, core: str, offset: int) -> Speaker | None:
        """The last unnamed source before ``offset`` described in full with the same noun (مصدر عسكري في
        الجيش for المصدر), if it is the last unnamed source that spoke."""
        k = bisect.bisect_left(self.speaker_at, offset)
        for sp in reversed(self.speakers[:k]):
            if sp.kind != "person" or sp.name is None or " " not in sp.name:
                continue
            w = normalize_word(sp.name.split()[0])
            w = w[2:] if w.startswith("ال") else w
            if w == core:
                return sp
            if w in self.q.unnamed:
                return None  # another source spoke last
        return None
