"""Speakers from before a verb: the subject before it, the last speaker, the person the story is about."""

from __future__ import annotations

import bisect
from dataclasses import replace

from rasd.doc import Entity, Speaker
from rasd.recognize.quotes.lexicon import (
    _AFFIL_PREPS,
    _CLAUSE_OPEN,
    _COMMAS,
    _CUT_WORDS,
    _HARAKAT,
    _HE,
    _HONORIFIC_TITLES,
    _LEADING,
    _NONHUMAN_GROUPS,
    _NOT_SUBJECT_STARTS,
    _NOUN_BEFORE,
    _OPENERS,
    _PLURAL_PEOPLE,
    _PREP_CLITICS,
    _RELATIVES,
    _SKIP_BEFORE_VERB,
    _THERE,
    _definite,
)
from rasd.text.normalize import normalize_word


class _Anaphora:
    """The speaker of a verb with no subject after it: a subject before it, else the last speaker."""

    def anaphora(self, v: int, participle: bool = False) -> Speaker | None:
        """The subject of a verb with none after it: an entity just before it, else the last speaker."""
        k = v - 1
        sent_start = self.sentence_start(v)
        said = self._quote_in_sentence(v, sent_start) if self.toks[v].norm[:1] == "و" and not participle else None
        sp = said.speaker if said is not None else None
        if sp is not None and sp.kind in ("person", "organisation") and self._fits(
                replace(sp, role=None) if sp.role and not sp.text.startswith(sp.role.split()[0]) else sp, v):
            # قال المصدر إن مسؤولين تحدثوا ...، وبين أن: the one who spoke goes on (a role after the name or a
            # body in it tells no gender: مصدر في وزارة الخارجية)
            return Speaker(sp.start, sp.end, sp.text, name=sp.name, role=sp.role, kind=sp.kind)
        if v + 1 < self.n and self.toks[v + 1].norm in _HONORIFIC_TITLES:
            sp = self._honorific_person(v)
            if sp is not None:  # وقال سموه: the prince named before (not the king he thanked)
                return sp
        if self._number(v) == "pl":  # استنكر دبلوماسيون ... فلان، مؤكدين أن | وقالوا إن: the plural subject
            sp = self._first_verb_person(sent_start, v, plural=True)
            if sp is not None:
                return sp
        if participle:  # ..., مضيفا أن: the subject of the sentence's verb
            sp = self._participle_subject(v, sent_start)
            if sp is not None:
                return sp
        # أما رئيس الرابطة ...، فقال: the topic after أما
        for j in range(sent_start, min(v, sent_start + 3)):
            if self.toks[j].norm == "اما" and self.toks[v].norm.startswith("ف"):
                sp, _ = self.speaker_from(j + 1, v)
                if sp is not None:
                    return sp
        while k >= sent_start and (self.toks[k].norm in _SKIP_BEFORE_VERB):
            k -= 1
        if k >= sent_start and not participle:
            sp = self._subject_ending_at(v, k, sent_start)
            if sp is not None:
                return sp
        last = self.last_speaker(self.toks[v].start, paragraph_of_unknown=True)
        if last is None or not self._fits(last, v) or self._before_paragraph(v):
            sp = self._paragraph_subject(v, last)
            if sp is not None:  # وفي عدن أدانت الحكومة ... وقالت: the body this paragraph is about
                return sp
        if last is not None and not self._fits(last, v):
            # وقالت after a man spoke: the woman who spoke before; قال after a group: the man named last
            last = self._fitting_speaker(v) or (self._one_person(v) if self._plural_speaker(last) else None) or last
        if last is not None:
            return Speaker(last.start, last.end, last.text, name=last.name, role=last.role, kind=last.kind)
        if not participle and (self.toks[v].norm[:1] in "وف" or k < sent_start):
            return self._last_person(v)  # no one has spoken yet: the person the story is about
        return None

    def _fitting_speaker(self, v: int) -> Speaker | None:
        """The last of the three speakers before token v who agrees with its verb in gender, in the same
        paragraph or the one before."""
        k = bisect.bisect_left(self.speaker_at, self.toks[v].start)
        start = self.toks[v].start
        for j in range(k - 1, max(-1, k - 4), -1):
            if self.text.count("\n", self.speaker_at[j], start) > 1:
                break
            sp = self.speakers[j]
            if sp.kind == "person" and (sp.role or self._given_gender(sp)) and self._fits(sp, v):
                return sp
        return None

    def _before_paragraph(self, v: int) -> bool:
        """Did the last speaker before token v speak in an earlier paragraph?"""
        k = bisect.bisect_left(self.speaker_at, self.toks[v].start)
        return k > 0 and "\n" in self.text[self.speaker_at[k - 1]:self.toks[v].start]

    def _paragraph_subject(self, v: int, last: Speaker | None) -> Speaker | None:
        """The subject of the first verb of the paragraph of token v, if it fits the verb at v (when no one
        has spoken yet: also of the paragraph before); None when that is the last speaker anyway."""
        par = self.text.rfind("\n", 0, self.toks[v].start) + 1
        tries = 2 if last is None else 1
        while tries:
            tries -= 1
            a = bisect.bisect_left(self.starts, par)
            sp = self._opening_subject(a, v)
            if sp is not None:
                if not self._fits(sp, v) or last is not None and sp.start == last.start:
                    return None
                return sp
            if par <= 1:
                break
            par = self.text.rfind("\n", 0, par - 1) + 1
        return None

    def _opening_subject(self, a: int, v: int) -> Speaker | None:
        """The person or body named as the subject right after the verb that opens the sentence at token a
        (after a short leading phrase: وفي عدن أدانت الحكومة اليمنية)."""
        toks = self.toks
        end = min(v, self.clause_end(a, v) + 1) if a < v else v
        for x in range(a, min(end - 1, a + 4)):
            t = toks[x]
            nm = t.norm
            w = nm[1:] if nm[:1] in "وف" else nm
            if t.kind != "word" or nm in _LEADING or nm in self.r.lx.stop or w in self.r.lx.stop:
                continue  # و، وفي ...
            if x > a and not self._is_prep(x - 1) and \
                    not (toks[x - 1].kind == "punct" or toks[x - 1].norm in _LEADING) and \
                    not (x > a + 1 and self._is_prep(x - 2)):
                return None  # سقط عشرات | الحوثيين: the verb opens the sentence (or follows في عدن)
            if nm.startswith("ال") or x in self.ents_at or w.startswith(_NOT_SUBJECT_STARTS) or \
                    self.r.title_at(x) is not None:
                continue
            if x + 1 in self.ents_at or self.r.title_at(x + 1) is not None:
                sp, _ = self.speaker_from(x + 1, min(end, x + 20), np=False)
                if sp is not None and sp.kind in ("person", "organisation") and sp.name is not None and \
                        sp.start == toks[x + 1].start:
                    return sp
        return None

    def _number(self, v: int) -> str | None:
        """"pl" for a plural verb or participle at v (قالوا، مؤكدين), "sg" for a singular one, else None."""
        nm = self.toks[v].norm
        w = nm[1:] if nm[:1] in "وف" else nm
        q = self.q
        if w.endswith("وا") and w[:-2] in q.verbs or w.endswith("ين") and w[:-2] + "ا" in q.participles:
            return "pl"
        if w in q.verbs or w in q.participles or w.endswith("ه") and w[:-1] + "ا" in q.participles:
            return "sg"
        return None

    def _one_person(self, v: int) -> Speaker | None:
        """The person named last before token v, if the name is one man's or woman's (not الحوثيين)."""
        sp = self._last_person(v)
        return None if sp is None or self._plural_speaker(sp) else sp

    def _plural_speaker(self, sp: Speaker) -> bool:
        """Does the speaker name several people or a group (مصادر، بعض السوريين، مواطنون وأولياء أمور)?"""
        words = sp.text.split(maxsplit=1)
        if not words:
            return False
        w = normalize_word(words[0])
        w = w[2:] if w.startswith("ال") else w
        if len(words) == 1 and w not in self.q.groups and (sp.role or sp.name and " " in sp.name.strip()):
            return False  # ياسين، بوتين: a surname in ـين of a person named in full or by a role
        return sp.kind == "person" and (w in self.q.groups or w == "بعض" or len(w) > 4 and w.endswith(("ون", "ين")))

    def _sound_plural(self, sp: Speaker) -> bool:
        """Is a word of the speaker a masculine sound plural (مواطنون، سياسيين: men, not things)?"""
        return any(len(w) > 4 and normalize_word(w).endswith(("ون", "ين")) for w in sp.text.split()[:3])

    def _is_prep(self, k: int) -> bool:
        """Is token k a preposition such as في/من (also with و: وفي)?"""
        nm = self.toks[k].norm
        return nm in _AFFIL_PREPS or nm[1:] in _AFFIL_PREPS

    def _fits(self, sp: Speaker, v: int) -> bool:
        """Does the speaker agree in gender with the verb or participle at v (قالت: not a man named by
        his role; قال: not a woman named by hers)? Unknown genders fit."""
        nm = self.toks[v].norm
        w = nm[1:] if nm[:1] in "وف" else nm
        q = self.q
        fem = (w.endswith("ت") and w[:-1] in q.verbs) or (w.endswith("ه") and w[:-1] + "ا" in q.participles)
        masc = not fem and (w + "ت" in q.verbs or w in q.participles and w.endswith("ا"))
        if self._number(v) == "sg" and self._plural_speaker(sp):
            # قال after بعض السوريين: one man, not the group; but وأشارت after المصادر، مصادر أمنية: a plural of
            # things takes a feminine verb (not نواب كويتيون, a plural of men)
            w0 = normalize_word(sp.text.split()[0])
            return fem and ((w0[2:] if w0.startswith("ال") else w0) in _NONHUMAN_GROUPS or not self._sound_plural(sp))
        if masc and sp.kind == "organisation" and sp.text:
            head = normalize_word(sp.text.split(maxsplit=1)[0])
            return not head.endswith(("ه", "ات"))  # وأكد after إدارة الدفاع المدني: not the body (a woman's noun)
        if not (fem or masc) or sp.kind != "person":
            return True
        g = self._given_gender(sp)
        if g is not None:  # وقالت after فاتن حسين، وقال after محمد حسين: the given name's gender
            return (g == "f") == fem
        if not sp.role:
            return True
        return normalize_word(sp.role.split()[0]).endswith("ه") == fem  # وزيرة، الأخصائية: a woman's role

    def _given_gender(self, sp: Speaker) -> str | None:
        """"m" or "f" for a person named with a listed given name and more (فاتن حسين), else None."""
        if sp.kind != "person" or not sp.name or " " not in sp.name:
            return None
        g = self.r.lx.given.get(normalize_word(sp.name.split(maxsplit=1)[0]))
        return g[0] if g is not None and g[0] in ("m", "f") else None

    def _participle_subject(self, v: int, sent_start: int) -> Speaker | None:
        """The subject a participle at token v (..., مضيفا أن) goes with: the sentence's last speaker, the
        subject before a speech noun, a noun phrase, the first person or body of the sentence, or the
        subject of its first verb."""
        last = self.last_speaker(self.toks[v].start)
        at = self.speaker_at[bisect.bisect_left(self.speaker_at, self.toks[v].start) - 1] if last is not None else -1
        if last is not None and at >= self.toks[sent_start].start and not self._relative_cue(at, v, sent_start):
            return Speaker(last.start, last.end, last.text, name=last.name, role=last.role, kind=last.kind)
        said = self._quote_in_sentence(v, sent_start)
        if said is not None and said.speaker is not None and said.speaker.kind in ("person", "organisation"):
            # وأكد عدم وجود خلل ...، مشيرا إلى: the same speaker
            sp = said.speaker
            return Speaker(sp.start, sp.end, sp.text, name=sp.name, role=sp.role, kind=sp.kind)
        if self.toks[v].norm in self.q.speech_nouns:  # عكست الوزيرة الأزمة بقولها: the subject just before
            for j in range(v - 1, max(sent_start, v - 8) - 1, -1):
                if self.toks[j].kind == "punct":
                    break
                e = self.ents_at.get(j)
                if e is not None and e.label.startswith("PERS") or self.r.title_at(j) is not None:
                    sp, _ = self.speaker_from(j, v)
                    if sp is not None and sp.kind == "person":
                        return sp
            sp = self._subject_before_speech_noun(v, sent_start)
            if sp is not None:
                return sp
        sent_off = self.toks[sent_start].start
        for off, sp in reversed(self.np_subjects):
            if sent_off <= off < self.toks[v].start:  # دعا الوزراء مجددا ...، مؤكدين أن
                return Speaker(sp.start, sp.end, sp.text, name=sp.name, role=sp.role, kind=sp.kind)
        sp = self._first_verb_person(sent_start, v, plural=self.toks[v].norm.endswith("ين"))
        if sp is not None:  # ناشد المتحدث باسم الحكومة ...، مبينا أن: the role that opens the sentence
            return sp
        first_org = None
        for j in range(sent_start, v):  # the first person named in the sentence, else a body
            e = self.ents_at.get(j)
            if e is not None and not self._after_preposition(e, j) and \
                    not self._in_prep_phrase(e, j, sent_start) and \
                    not (said is not None and said.start <= e.start < said.end):  # (not a name said in it)
                if e.label.startswith("PERS"):
                    return self._entity_speaker(e)
                first_org = first_org or e
        if first_org is not None:
            return self._entity_speaker(first_org)
        a = sent_start  # أولت الصحف المغربية اهتمامها ...، مشيرة إلى أن: the subject of the first verb
        while a < v and (self.toks[a].norm in ("و", "ولكن", "لكن", "كما", "ثم", "وقد", "قد") or
                         self.toks[a].kind == "punct" or self.toks[a].norm in _LEADING):
            a += 1
        w = self.toks[a].norm[1:] if self.toks[a].norm[:1] in "وف" else self.toks[a].norm
        if a + 1 < v and self.toks[a].kind == "word" and not self.toks[a].norm.startswith("ال") and \
                w not in self.r.lx.stop and not w.startswith(("ب", "ل", "ال", "في", "عن", "من", "على", "علي")):
            sp, _ = self.speaker_from(a + 1, min(v, a + 8))
            if sp is not None and (sp.kind in ("person", "organisation") or
                                   (sp.start, sp.end) in self.generic and self.toks[a + 1].norm.startswith("ال")
                                   and a + 2 < v and _definite(self.toks[a + 2].norm)):
                return sp  # الصحف المغربية (a definite phrase of two words at least), not تنفيذ ...
        return None

    def _quote_in_sentence(self, v: int, sent_start: int):
        """The last reported quote found so far that ends before token v in its sentence, if any."""
        if not self.quotes:
            q = None
        else:
            q = self.quotes[-1]
            if not (self.toks[sent_start].start <= q.start and q.end <= self.toks[v].start):
                q = None
        return q

    def _subject_ending_at(self, v: int, k: int, sent_start: int) -> Speaker | None:
        """The subject of the verb at v that ends at token k before it: an entity, an unnamed source
        shortly before, or a fronted subject."""
        sp = self._fronted_apposition(v, k, sent_start)
        if sp is not None:  # إلا أن فلان، مندوب الصين لدى المنظمة قال: the name before its role
            return sp
        # an entity that ends at token k
        for j in range(k, max(sent_start, k - 6) - 1, -1):
            e = self.ents_at.get(j)
            if e is not None and self.tok_at(e.end - 1) == k:
                if self.toks[v - 1].norm not in _RELATIVES and self._in_prep_phrase(e, j, sent_start):
                    break  # وتطرق إلى قضية فلان، وقال: the name is the topic, not who speaks
                first = self._first_conjunct(j, sent_start)
                return first if first is not None else self._entity_speaker(e)
        if self._number(v) == "pl":
            first = self._first_conjunct(k, sent_start)
            if first is not None:  # لكن فلان ومسؤولو الاتحاد قالوا
                return first
        # an unnamed source shortly before (مصدرا في المعارضة ... أفاد)
        for j in range(k, max(sent_start, k - 6) - 1, -1):
            if self.toks[j].kind == "punct" or self.toks[j].norm in ("وهو", "وهي", "وهم"):
                break
            nm = self.toks[j].norm
            core = nm[2:] if nm.startswith("ال") else nm
            if (core in self.q.unnamed or (core.endswith("ا") and core[:-1] in self.q.unnamed)) and \
                    not (j > sent_start and self.toks[j - 1].norm in _CUT_WORDS):  # في أحد المعسكرات
                sp, _ = self.speaker_from(j, v)
                if sp is not None and j - 2 >= sent_start and self.toks[j - 1].text in _COMMAS:
                    named = self._person_ending(j - 2)
                    if named is not None:  # الشيخ فلان، أحد زعماء القبيلة، قال: the person, with that role
                        named.role = named.role or sp.text
                        return named
                if sp is not None:
                    return sp
        sp = self._fronted_country(k, sent_start)
        if sp is not None:  # لكن روسيا قالت: the state speaks
            return sp
        return self._fronted_subject(v, k, sent_start)

    def _relative_cue(self, at: int, v: int, sent_start: int) -> bool:
        """Did the last speaker speak in a relative clause (التقارير التي تشير إلى ...، مشيرا) at offset
        ``at``, after a person named earlier in the sentence? The participle at v goes with that person."""
        k = self.tok_at(at)
        if k is None or k == 0 or self.toks[k - 1].norm not in _RELATIVES:
            return False
        return any((e := self.ents_at.get(j)) is not None and e.label.startswith("PERS") for j in range(sent_start, k - 1))

    def _first_conjunct(self, j: int, sent_start: int) -> Speaker | None:
        """The person named first when the subject ending at the verb joins two (لكن فلان ومسؤولو الاتحاد
        قالوا): the name that opens the clause, just before the و of the second, which starts by token j."""
        toks = self.toks
        for c in range(j, max(sent_start, j - 3), -1):
            if toks[c].norm[:1] != "و" or toks[c].kind != "word":
                continue
            for x in range(c - 1, max(sent_start, c - 5) - 1, -1):
                p = self.ents_at.get(x)
                if p is not None:
                    y = x
                    while y - 1 > sent_start and self.r.title_at(y - 1) is not None:
                        y -= 1  # لكن الرئيس | فلان
                    if p.label.startswith("PERS") and self.tok_at(p.end - 1) == c - 1 and self._opens_clause(y, sent_start):
                        return self._entity_speaker(p)
                    return None
            return None
        return None

    def _honorific_person(self, v: int) -> Speaker | None:
        """The person last named, within the three paragraphs before the verb at v, with a title that the
        honorific pronoun after the verb stands for (سموه: الأمير فلان، صاحب السمو ...)."""
        toks = self.toks
        titles = _HONORIFIC_TITLES[toks[v + 1].norm]
        floor = self.toks[v].start
        for _ in range(3):
            floor = self.text.rfind("\n", 0, max(0, floor - 1))
        floor = max(floor, 0)
        for j in range(v - 1, -1, -1):
            if toks[j].start < floor:
                break
            e = self.ents_at.get(j)
            if e is None or not e.label.startswith("PERS"):
                continue
            if any(toks[x].norm in titles for x in range(max(0, j - 3), j)) or \
                    e.role and any(normalize_word(w) in titles for w in e.role.split()):
                return self._entity_speaker(e)
        return None

    def _opens_clause(self, j: int, sent_start: int) -> bool:
        """Does a subject at token j open its clause (the sentence start, after a mark, لكن or أن)?"""
        if j <= sent_start:
            return True
        p = self.toks[j - 1]
        return p.kind == "punct" or p.norm in _CLAUSE_OPEN or p.norm in self.q.comps or p.norm in self.q.kana or \
            p.norm[:1] in "وف" and p.norm[1:] in self.q.kana

    def _fronted_apposition(self, v: int, k: int, sent_start: int) -> Speaker | None:
        """A person named at the start of the clause, then a comma and a role, then the verb at v (فلان،
        سفير روسيا في الأمم المتحدة، قال): that person, with the role."""
        toks = self.toks
        c = next((x for x in range(k, max(sent_start, k - 12) - 1, -1) if toks[x].kind == "punct"), None)
        if c is None or c - 1 <= sent_start or toks[c].text not in _COMMAS or c + 1 > k or \
                self.r.title_at(c + 1) is None or any(self.verb_at(x) is not None for x in range(c + 1, k + 1)):
            return None
        for j in range(c - 1, max(sent_start, c - 5) - 1, -1):
            e = self.ents_at.get(j)
            if e is not None:
                if not e.label.startswith("PERS") or self.tok_at(e.end - 1) != c - 1 or \
                        not self._opens_clause(j, sent_start):
                    return None
                sp = self._entity_speaker(e)
                sp.role = sp.role or self.text[toks[c + 1].start:toks[k].end]
                return sp
        return None

    def _fronted_country(self, k: int, sent_start: int) -> Speaker | None:
        """A country named right before the verb, opening its clause (لكن روسيا قالت): it speaks."""
        if self._country_at is None:
            self._countries()
        end = self.toks[k].end
        for j in (k, k - 1):
            p = self._country_at.get(self.toks[j].start) if j >= sent_start else None
            if p is not None and p.end == end and self._opens_clause(j, sent_start):
                return Speaker(p.start, p.end, p.text, name=p.name, kind="organisation")
        return None

    def _subject_before_speech_noun(self, v: int, sent_start: int) -> Speaker | None:
        """The subject of the verb that opens the clause of a speech noun (واسترسل تقرير المنظمة بالقول، علق
        مراقبون على التصريحات بالقول): the words after that verb."""
        toks = self.toks
        a = v - 1
        while a > sent_start and toks[a - 1].kind != "punct" and v - a < 10:
            a -= 1
        if a + 1 >= v or toks[a].kind != "word" or toks[v - 1].kind == "punct" or \
                a > sent_start and toks[a - 1].kind != "punct":
            return None  # (فلان، وزير المخابرات، بقوله: the participle goes with the sentence's subject)
        if toks[a].norm in _CLAUSE_OPEN and a + 2 < v:
            a += 1  # فيما علق مراقبون ... بالقول
        w = toks[a].norm[1:] if toks[a].norm[:1] in "وف" else toks[a].norm
        if toks[a].norm.startswith(_NOT_SUBJECT_STARTS) or w in self.r.lx.stop:
            return None  # بفضل من وعدهم بقوله: no verb opens the clause
        sp, _ = self.speaker_from(a + 1, v)
        return sp if sp is not None and sp.kind in ("person", "organisation", "document") else None

    def _after_preposition(self, e: Entity, j: int) -> bool:
        """Entity e (at token j) is written onto a preposition (قامت الفرق بالجيش الوطني): not the subject
        (but قيادات في الحكومة: the body its subject belongs to)."""
        return e.start > self.toks[j].start and self.toks[j].text[:e.start - self.toks[j].start] in _PREP_CLITICS

    def _named_ends_at(self, k: int) -> bool:
        """Does the name of a person or body end at token k (دييجو مارادونا | الذي قال)?"""
        end = self.toks[k].end
        return any(e.end == end and e.label[:4] in ("PERS", "ORG")
                   for e in map(self.ents_at.get, range(k, max(-1, k - 6), -1)) if e is not None)

    def _first_verb_person(self, sent_start: int, v: int, plural: bool = False) -> Speaker | None:
        """The titled or unnamed person right after the verb that opens the sentence (ناشد المتحدث باسم
        الحكومة)، or None; ``plural``: for a plural participle, the definite plural subject there (ناقش
        الوزراء ...، مؤكدين أن)."""
        toks = self.toks
        a = sent_start
        comma = next((x for x in range(a, min(v, a + 5)) if toks[x].text in _COMMAS), None)
        if comma is not None and toks[a].norm in _AFFIL_PREPS:
            a = comma + 1  # من جهة أخرى، ناشد ...
        while a < v and (toks[a].kind == "punct" or toks[a].norm in _LEADING or toks[a].norm in _CLAUSE_OPEN):
            a += 1
        nm0 = toks[a].norm
        if a + 2 >= v or toks[a].kind != "word" or nm0.startswith("ال") or a in self.ents_at or len(nm0) < 4 or \
                nm0 in self.r.lx.stop or nm0[1:] in _CUT_WORDS or nm0[1:] in _NOUN_BEFORE or nm0[1:] in _LEADING:
            return None  # وفي، ومن ...: not a verb
        nm = toks[a + 1].norm
        core = nm[2:] if nm.startswith("ال") else None
        if plural and core is None and len(nm) > 4 and nm.endswith("ون") and a + 1 not in self.ents_at and \
                nm not in self.r.lx.stop and self.verb_at(a + 1) is None:
            return self._people(a + 1, min(v, a + 5))  # استنكر دبلوماسيون عرب ...، مؤكدين
        if plural and core is not None and a + 1 not in self.ents_at and nm not in self.r.lx.stop and \
                (core in self.q.groups or nm.endswith(("ون", "ين")) or nm in _PLURAL_PEOPLE):
            sp = self._noun_phrase(a + 1, min(v, a + 3), v)
            if sp is not None and sp.kind != "document":
                return sp
        if core is None or not (core in self.q.unnamed and core not in self.q.groups) or a + 1 in self.ents_at:
            return None
        sp, _ = self.speaker_from(a + 1, min(v, a + 8))
        if sp is None or sp.kind != "person" or sp.name == sp.text:
            return None
        return sp

    def _last_person(self, v: int) -> Speaker | None:
        """The person named last before token v, within the two sentences before it."""
        floor = self.sentence_start(v)
        for _ in range(2):
            if floor > 0:
                floor = self.sentence_start(floor - 1)
        for k in range(v - 1, floor - 1, -1):
            e = self.ents_at.get(k)
            if e is not None and e.label.startswith("PERS"):
                return self._entity_speaker(e)
        return None

    def _fronted_subject(self, v: int, k: int, sent_start: int) -> Speaker | None:
        """A subject written before the verb: وكانت التصريحات في السابق تشير، النادي قد صرح، and the
        subject of the sentence for a verb joined to an earlier one (البغدادي رفض ...، وأصر على أن)."""
        toks, q = self.toks, self.q
        # فتوى أكدت أن، أنباء تقول إن: a report that speaks
        nk = toks[k].norm
        if toks[k].kind == "word" and (nk[2:] if nk.startswith("ال") else nk) in q.report_nouns:
            kind = "document" if (nk[2:] if nk.startswith("ال") else nk) in q.documents else "unknown"
            return Speaker(toks[k].start, toks[k].end, toks[k].text, name=toks[k].text, kind=kind)
        j = v - 1
        while j >= max(sent_start, v - 12):
            nm = toks[j].norm
            if toks[j].text in ("»", "”") and j == v - 1:
                o = next((x for x in range(j - 1, max(sent_start, j - 6) - 1, -1) if toks[x].text in _OPENERS), None)
                if o is not None and o > sent_start:  # وكان «المرصد السوري» أفاد: a name in quotes
                    j = o - 1
                    continue
            if (toks[j].kind == "punct" or toks[j].text in _OPENERS) and not (
                    toks[j].text in _COMMAS and toks[j + 1].norm in ("قد", "وقد")):
                break  # (كانت تقارير محلية، قد ذكرت: the comma before قد goes on)
            if (nm in q.kana or nm[:1] in "وف" and nm[1:] in q.kana) and j + 1 < v:
                a = j + 2 if toks[j + 1].norm in _THERE else j + 1  # كانت هناك أنباء تقول
                sp, _ = self.speaker_from(a, v) if a < v else (None, None)
                if sp is None and a + 1 == v and toks[a].kind == "word" and toks[a].norm not in self.r.lx.stop:
                    sp = self._noun_phrase(a, v, v)
                elif sp is None and a < v and toks[a].norm in q.report_nouns:
                    e = next((x for x in range(a + 1, v) if toks[x].kind == "punct"), v)  # كانت تقارير محلية، قد
                    text = self.text[toks[a].start:toks[e - 1].end]
                    sp = Speaker(toks[a].start, toks[e - 1].end, text, name=text,
                                 kind="document" if toks[a].norm in q.documents else "unknown")
                return sp
            j -= 1
        sp = self._fronted_group(k, v, sent_start)
        if sp is not None:
            return sp
        # a definite noun phrase just before the verb, opening its clause (أن النادي قد صرح، لكن الصفراء شدد)
        j = k
        while j > sent_start and k - j < 3 and toks[j - 1].kind == "word" and toks[j - 1].norm.startswith("ال") \
                and toks[j - 1].norm not in _CUT_WORDS:
            j -= 1
        vinfo = self.verb_at(v)
        joined = (vinfo is not None and vinfo[1] > 0) or any(toks[x].kind == "punct" for x in range(k + 1, v))
        if toks[k].kind == "word" and toks[j].norm.startswith("ال") and self.verb_at(k) is None and not joined and \
                (j == sent_start or toks[j - 1].kind == "punct" or toks[j - 1].norm in q.comps or
                 toks[j - 1].norm in _CLAUSE_OPEN):
            sp = self._noun_phrase(j, k + 1)
            if sp is not None:
                return sp
        # لكنه قال إن: the person last named
        if nk in _HE and k == v - 1:
            floor = self.sentence_start(sent_start - 1) if sent_start > 0 else 0
            for x in range(k - 1, floor - 1, -1):
                e = self.ents_at.get(x)
                if e is not None and e.label.startswith("PERS"):
                    return self._entity_speaker(e)
        # وأصر على أن after a first clause: the subject that opens the sentence (البغدادي رفض ...، وأصر)
        # or the subject of its first verb (ورفع نائب رئيس الوفد فلان التهاني ...، وقال)
        if v - sent_start > 3 and (toks[v].norm[:1] in "وف" or toks[v - 1].norm in ("و", "ف", "ثم", "كما", "وكما") or
                                   toks[v - 1].kind == "punct"):
            a = sent_start
            while a < v and (toks[a].norm in ("و", "ولكن", "لكن", "كما", "ثم") or toks[a].kind == "punct" or
                             toks[a].norm in _LEADING):
                a += 1  # من جانبه اشاد فلان ...، وأكد
            for x in (a, a + 1):
                e = self.ents_at.get(x)
                if e is not None and x < v:
                    sp = self._entity_speaker(e)
                    return sp if self._fits(sp, v) else None  # جددت الإدارة ...، وأكد: not the body
            w = toks[a].norm[1:] if toks[a].norm[:1] in "وف" else toks[a].norm
            if a + 1 < v and toks[a].kind == "word" and not toks[a].norm.startswith("ال") and \
                    toks[a].norm not in self.r.lx.stop and w not in self.r.lx.stop and \
                    not w.startswith(_NOT_SUBJECT_STARTS):
                sp, _ = self.speaker_from(a + 1, min(v, a + 14), np=False)
                if sp is not None and sp.kind in ("person", "organisation"):
                    return sp
        return None

    def _fronted_group(self, k: int, v: int, sent_start: int) -> Speaker | None:
        """A plural unnamed source right before the verb, opening its clause (والخبراء يرون، بعضهم يرى، لكن
        كثيرين حثوا): it speaks (without the و written onto it)."""
        toks, q = self.toks, self.q
        nk = toks[k].norm
        if k != v - 1 or toks[k].kind != "word" or not (
                k == sent_start or toks[k - 1].kind == "punct" or toks[k - 1].norm in _CLAUSE_OPEN):
            return None
        cut = 1 if nk[:1] in "وف" and len(nk) > 4 else 0
        w = nk[cut:]
        core = w[2:] if w.startswith("ال") else w
        if core.endswith("هم") and core[:-2] in q.groups:
            core = core[:-2]  # بعضهم، معظمهم
        if core not in q.groups or core in _NONHUMAN_GROUPS or k in self.ents_at:
            return None
        start = toks[k].start + cut
        text = self.text[start:toks[k].end]
        return Speaker(start, toks[k].end, text, name=text, kind="unknown")

    def remember(self, sp: Speaker | None, offset: int) -> None:
        """Note who spoke at ``offset`` (for a later verb without a subject)."""
        if sp is None:
            return
        if sp.kind == "person" and sp.name and sp.role:
            self.roles.setdefault(sp.name, sp.role)  # for a later short mention of the same person
        k = bisect.bisect_right(self.speaker_at, offset)
        self.speaker_at.insert(k, offset)
        self.speakers.insert(k, sp)

    def last_speaker(self, offset: int, paragraph_of_unknown: bool = False) -> Speaker | None:
        """The speaker named last before ``offset`` (with ``paragraph_of_unknown``, a plain noun phrase such
        as الأنباء only from the same paragraph: it is not a person a later paragraph goes on quoting)."""
        k = bisect.bisect_left(self.speaker_at, offset)
        while k and paragraph_of_unknown and \
                (self.speakers[k - 1].start, self.speakers[k - 1].end) in self.generic and \
                "\n" in self.text[self.speakers[k - 1].end:offset]:
            k -= 1
        return self.speakers[k - 1] if k else None

    def _role_before_relative(self, r: int) -> Speaker | None:
        """The person named by a role that ends just before the relative at r (بالسفير الأمريكي | الذي)."""
        toks = self.toks
        sent = self.sentence_start(r)
        for j in range(r - 1, max(sent, r - 5) - 1, -1):
            if toks[j].kind == "punct":
                return None
            t = self.r.title_at(j)
            if t is not None and j + t[1] <= r:
                if j > sent and _definite(toks[j].norm) and _definite(toks[j - 1].norm) and \
                        toks[j - 1].norm not in _CUT_WORDS and self.r.title_at(j - 1) is None and j - 1 not in self.ents_at:
                    return None  # التقارير الإعلامية | التي: a title word agreeing with a noun is its adjective
                if not all(self.r.is_adj(toks[x].norm) and not toks[x].text.rstrip(_HARAKAT).endswith("ى") or
                           toks[x].norm.startswith("لل") for x in range(j + t[1], r)):
                    return None  # زار الوزير المستشفى الذي: the place visited is no role
                sp, _ = self.speaker_from(j, r)
                if sp is None or sp.kind != "person" or self.tok_at(sp.end - 1) != r - 1:
                    return None
                if t[2] and sp.start == toks[j].start:  # بالسفير: the role without its preposition
                    a = sp.start + t[2]
                    return Speaker(a, sp.end, self.text[a:sp.end], name=sp.name, role=sp.role, kind=sp.kind)
                return sp
        return None
