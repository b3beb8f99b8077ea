"""The word lists of the quote reader (data: rasd/data/quote_words.yaml, speech_verbs.yaml), normalised once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasd.lazy import once
from rasd.lexicon import load_yaml, word_set
from rasd.text.normalize import normalize_word

_OPENERS = {"«": "»", "“": "”", '"': '"', "„": "”"}
_PAPER_CLOSERS = frozenset(("»", "”", '"', ")"))  # لـ(الصحيفة) closes with a bracket too
_PAPER_OPENERS = frozenset((*_OPENERS, "”"))  # لـ”الصحيفة”: some papers open with the closing mark
_ENDERS = frozenset(".!?؟…")
_COMMAS = frozenset(("،", ",", "؛", ";"))
_WORDS = "quote_words.yaml"  # the word lists of this module, as data
_CUT_WORDS = word_set(_WORDS, "quotes_cut_words")
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"
_RELATIVES = word_set(_WORDS, "quotes_relatives")
_DOC_PARTS = word_set(_WORDS, "quotes_document_parts")  # نص البيان
_DEMONSTRATIVES = frozenset(map(normalize_word, word_set(_WORDS, "quotes_demonstratives")))  # أوضح ذلك فلان
# a relative with the verb right after it and no subject between (التي قالت إنها) is not a quotation; after
# these the verb never starts one (ما يذكر، مما يعني)
_BARE_REL = word_set(_WORDS, "quotes_bare_rel")
_NOUN_BEFORE = word_set(_WORDS, "quotes_noun_before")
_THERE = word_set(_WORDS, "quotes_there")
_CLAUSE_OPEN = word_set(_WORDS, "quotes_clause_open")
_HE = word_set(_WORDS, "quotes_he")
_NAME_LINKS = word_set(_WORDS, "quotes_name_links")
_OBJECT_START = word_set(_WORDS, "quotes_object_start")
_NOT_GIVEN = word_set(_WORDS, "quotes_not_given")
# a word written onto a preposition or the article, or a preposition itself, opens no subject
_NOT_SUBJECT_STARTS = tuple(sorted(word_set(_WORDS, "quotes_not_subject_starts")))
_TIME_LEAD = word_set(_WORDS, "quotes_time_lead")
_DAY_PARTS = word_set(_WORDS, "quotes_day_parts")  # صباح اليوم
_BEFORE_YESTERDAY = word_set(_WORDS, "quotes_before_yesterday")  # أول (من) أمس
_ADVERB_REL = word_set(_WORDS, "quotes_adverb_rel")
_CLAUSE_BEFORE_VERB = word_set(_WORDS, "quotes_clause_before_verb")
_NOT_COMP_BEFORE = word_set(_WORDS, "quotes_not_comp_before")
_LEADING = word_set(_WORDS, "quotes_leading")
_SKIP_BEFORE_VERB = word_set(_WORDS, "quotes_skip_before_verb")
_NEGATION = word_set(_WORDS, "quotes_negation")
_AFFIL_PREPS = word_set(_WORDS, "quotes_affiliation_preps")  # مصدر في الحكومة، مسؤول من الوزارة
_LONGER_BY_RULES = frozenset({"ORG", "PERS"})  # labels whose rule span is kept when the tagger cut it short
_SUBJECT_TAIL = word_set(_WORDS, "quotes_subject_tail")  # الوزير | بهذا الخصوص: an adverb ends the subject
_INTERVIEW_WORDS = word_set(_WORDS, "quotes_interview_words")  # أجرت معه الحوار التالي
_MARKS = "|".join(sorted(load_yaml(_WORDS)["quotes_answer_marks"], key=len, reverse=True))
_ANSWER_MARK = re.compile(rf"[\s\-–—*•■●ـ:]*(?:(?:{_MARKS})\s*[:/])?[\s\-–—*•■●ـ:]*")  # - ، ج: before an answer
_AFTER_QUOTE_LEAD = word_set(_WORDS, "quotes_after_quote_lead")  # «...»، هكذا قال الوزير
_PLURAL_PEOPLE = word_set(_WORDS, "quotes_plural_people")  # ناقش الوزراء ...، مؤكدين أن
_HONORIFIC_HE = word_set(_WORDS, "quotes_honorific_pronouns")  # معاليه، سموه: the one named before
_SIDE_OPENERS = word_set(_WORDS, "quotes_side_openers")  # من جهته | بيّن
_NOT_CUT_SPELLINGS = frozenset(load_yaml(_WORDS)["quotes_not_cut_spellings"])  # إمام (imam), not أمام (before)
_HONORIFIC_TITLES = {normalize_word(k): frozenset(map(normalize_word, v))
                     for k, v in load_yaml(_WORDS)["quotes_honorific_titles"].items()}  # سموه: الأمير
_ADDRESSEE_ENDS = tuple(sorted(word_set(_WORDS, "quotes_addressee_ends")))  # لوالديها، لأسرهم: spoken to
_PLACE_PEOPLE = word_set(_WORDS, "quotes_place_people")  # شهود عيان في المنطقة: a place, not a body
_SOURCE_ADJ = word_set(_WORDS, "quotes_source_adjectives")  # مسؤول تركي كبير
_NOT_BARE_ROLE = word_set(_WORDS, "quotes_not_bare_role")  # رئيس الوزراء is not الرئيس
_ACC_COMPS = word_set(_WORDS, "quotes_according_comps")  # وبحسب الوزارة فإنه: only after "according to"
_COMMA_OPENERS = frozenset(map(normalize_word, word_set(_WORDS, "quotes_comma_openers")))  # قال فلان، نحن
_COMMA_VERBS = word_set(_WORDS, "quotes_comma_verbs")  # قال فلان للصحفيين، تم ...: content after the comma
_PRESS = word_set(_WORDS, "quotes_press_addressees")
_ALA_VERBS = word_set(_WORDS, "quotes_ala_verbs")  # شدد الوزير على ضرورة ...: the content after على
_ALA = word_set(_WORDS, "quotes_ala")
_PREP_CLITICS = word_set(_WORDS, "quotes_preposition_clitics")  # بالجيش، للوزارة: a body after a preposition
_ABBREVIATIONS = word_set(_WORDS, "quotes_title_abbreviations")  # د. م. before a name: no sentence end
_BODY_LEADS = word_set(_WORDS, "quotes_body_leads")  # مصدر من داخل المحافظة
_OBJECT_FIRST = frozenset(map(normalize_word, word_set(_WORDS, "quotes_object_first_verbs")))  # أبلغ «الصحيفة» مسؤول
_TIME_NOUNS = frozenset(map(normalize_word, word_set(_WORDS, "quotes_time_nouns")))  # الشركة | العام الماضي
_TIME_ADJS = frozenset(map(normalize_word, word_set(_WORDS, "quotes_time_adjectives")))
_CALL_VERBS = frozenset(map(normalize_word, word_set(_WORDS, "quotes_call_verbs")))  # دعا، طالب: an object after
_DESCRIBE = frozenset(map(normalize_word, word_set(_WORDS, "quotes_describe_verbs")))  # وصف فلان القرار بـ
_DESCRIBE_NOUNS = frozenset(map(normalize_word, word_set(_WORDS, "quotes_describe_nouns")))  # على حد وصف
_BI_NOT_CONTENT = frozenset(map(normalize_word, word_set(_WORDS, "quotes_bi_not_content")))  # برئاسة، بمدينة
_ALL_OBJECT = frozenset(map(normalize_word, word_set(_WORDS, "quotes_everyone")))  # حثت الحكومة الجميع
_NAME_LINKS_BEFORE_VERB = frozenset(map(normalize_word, word_set(_WORDS, "quotes_name_links_before_verb")))
_RELAY_PRONOUNS = word_set(_WORDS, "quotes_relay_pronouns")  # نقلت الوكالة عنه: the one spoken of before
_NONHUMAN_GROUPS = frozenset(map(normalize_word, word_set(_WORDS, "quotes_nonhuman_groups")))  # المصادر ... وأشارت
_CROWD = frozenset(map(normalize_word, word_set(_WORDS, "quotes_crowd_words")))  # مئات الطلاب ...، ودعوا
_ALA_NOT_CONTENT = frozenset(map(normalize_word, word_set(_WORDS, "quotes_ala_not_content")))  # على هامش
_ASIDES = tuple(sorted({tuple(normalize_word(w) for w in p.split()) for p in word_set(_WORDS, "quotes_aside_phrases")},
                        key=len, reverse=True))  # مشددا في الوقت ذاته على أن: skipped before the content
_ASIDE_FIRST = frozenset(p[0] for p in _ASIDES)
_ACC_REL = word_set(_WORDS, "quotes_according_rel")  # وفقا لما أعلنته الوكالة  # لم تكشف الشركة نوع ...: not a statement of it


def _adverbial(word: str) -> bool:
    """A word written with the accusative tanween (مجدداً، رداً): an adverb or object, not a subject."""
    return word.endswith(("ً", "اً", "ًا"))


def _definite(norm: str) -> bool:
    """A word with the article (الوزارة), not آل of a family name."""
    return norm.startswith("ال") and len(norm) > 3


def _forms(items) -> list[str]:
    return [normalize_word(x) for x in items]


@dataclass
class QuoteLexicon:
    """The speech verbs and the words around them, normalised once."""

    verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # form -> extra complementisers
    participles: set[str] = field(default_factory=set)
    comps: set[str] = field(default_factory=set)
    according: dict[tuple[str, ...], str] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    channels: dict[tuple[str, ...], str] = field(default_factory=dict)
    unnamed: set[str] = field(default_factory=set)
    channel_first: set[str] = field(default_factory=set)
    maqsura: set[str] = field(default_factory=set)  # verb forms written with final ى (رأى، نفى)
    term_words: set[str] = field(default_factory=set)  # words before a quoted title or name
    media: set[str] = field(default_factory=set)
    according1: set[str] = field(default_factory=set)  # one-word "according to" (بحسب، وفق)
    relay_verbs: set[str] = field(default_factory=set)  # نقل: X relays what Y said (عن Y)
    document_verbs: set[str] = field(default_factory=set)  # وجاء في البيان أن: the document speaks
    impersonal: set[str] = field(default_factory=set)  # يذكر أن، يشار إلى أن: no speaker
    not_subjects: set[str] = field(default_factory=set)  # وأكد ضرورة أن، وقال مجددا: object or adverb
    role_preps: set[str] = field(default_factory=set)  # في، على، عن ... inside a long role before a name
    occasion: set[str] = field(default_factory=set)  # في مؤتمر صحفي: an occasion, not a role
    subject_stops: set[str] = field(default_factory=set)  # إثر، خلال ...: the subject has ended
    quantifiers: set[str] = field(default_factory=set)  # عدد من، بعض
    kana: set[str] = field(default_factory=set)  # كان before a fronted subject
    groups: set[str] = field(default_factory=set)  # مصادر، محللون: plural unnamed sources
    person_nouns: set[str] = field(default_factory=set)  # المشرف، المطور ...: a role that leads to a name
    ambiguous: set[str] = field(default_factory=set)  # بين: a verb only where a clause opens
    speech_nouns: set[str] = field(default_factory=set)  # بقولها: the subject just before speaks
    according_ma: set[str] = field(default_factory=set)  # حسبما
    nominal: set[str] = field(default_factory=set)  # verb forms whose content may be a noun phrase (أكد ضرورة)
    content_nouns: set[str] = field(default_factory=set)  # ضرورة، بدء، مقتل ...: such content opens
    content_forms: set[str] = field(default_factory=set)  # their written forms (البدء، بمقتل، حرصه)
    report_nouns: set[str] = field(default_factory=set)  # فتوى أكدت، أنباء تقول
    outlets: set[str] = field(default_factory=set)  # رويترز ...: after ل, the one spoken to
    verbs_with_object: set[str] = field(default_factory=set)  # قاله، ذكرته، أعلنها: a verb with its pronoun
    bi_verbs: set[str] = field(default_factory=set)  # طالب، ناشد، وصف: what is asked is written onto ب (بالقيام)


@once
def quote_lexicon() -> QuoteLexicon:
    """The speech-verb lexicon (loaded once per process)."""
    d = load_yaml("speech_verbs.yaml")
    q = QuoteLexicon()
    nominal = set(_forms(d["nominal_verbs"]))
    q.nominal = set(nominal)
    q.content_nouns = set(_forms(d["content_nouns"]))
    bi = set(_forms(d["bi_verbs"]))
    q.bi_verbs = set(bi)  # and the forms of those verbs, below
    # with ال, a ب before it or a pronoun after it (البدء، بمقتل، حرصه)
    q.content_forms = {p + w + s for w in q.content_nouns for p in ("", "ال", "ب", "بال") for s in ("", "ه", "ها", "هم")}
    for v in d["verbs"]:
        forms = v["forms"] if isinstance(v, dict) else v
        extra = frozenset(_forms(v.get("comp", []))) if isinstance(v, dict) else frozenset()
        if normalize_word(forms[0]) in nominal:
            q.nominal.update(_forms(forms))
        if normalize_word(forms[0]) in bi:
            q.bi_verbs.update(_forms(forms))
        for f in forms:
            q.verbs[normalize_word(f)] = extra
            if f.endswith("ى"):
                q.maqsura.add(normalize_word(f))
    q.participles = set(_forms(d["participles"]))
    q.comps = set(_forms(d["complementizers"]))
    for a in d["according"]:
        q.according[tuple(normalize_word(a).split())] = a
    q.documents = set(_forms(d["documents"]))
    for name, variants in d["channels"].items():
        for v in variants:
            q.channels[tuple(normalize_word(v).split())] = name
    q.unnamed = set(_forms(d["unnamed_sources"]))
    q.channel_first = {k[0] for k in q.channels}
    q.term_words = set(_forms(d["term_words"]))
    q.media = set(_forms(d["media"]))
    q.relay_verbs = set(_forms(d["relay_verbs"]))
    q.according1 = {k[0] for k in q.according if len(k) == 1} - {normalize_word("حسبما")}
    q.according_ma = {k[0] for k in q.according if len(k) == 1} - q.according1  # حسبما: a verb follows
    q.document_verbs = set(_forms(d["document_verbs"]))
    q.impersonal = set(_forms(d["impersonal"]))
    q.not_subjects = set(_forms(d["not_subjects"]))
    q.role_preps = set(_forms(d["role_preps"]))
    q.occasion = set(_forms(d["occasion_nouns"]))
    q.subject_stops = set(_forms(d["subject_stops"]))
    q.quantifiers = set(_forms(d["quantifiers"]))
    q.kana = set(_forms(d["kana"]))
    q.groups = set(_forms(d["group_sources"]))
    q.person_nouns = set(_forms(d["person_nouns"]))
    q.ambiguous = set(_forms(d["ambiguous_verbs"]))
    q.speech_nouns = set(_forms(d["speech_nouns"]))
    q.report_nouns = set(_forms(d["report_nouns"]))
    q.outlets = {normalize_word(w.split()[0]) for w in d["news_outlets"]}
    q.verbs_with_object = {v + suffix for v in q.verbs if len(v) >= 3 for suffix in ("ه", "ها")}
    return q


@once
def nisba_countries() -> dict[str, str]:
    """Normalised nisba adjectives (masculine and feminine, with and without the article) → country code,
    from the gazetteer's ``geo/nisba.yaml`` bases (الأمريكي and الأميركي are both US)."""
    out: dict[str, str] = {}
    for cc, bases in load_yaml("geo/nisba.yaml")["bases"].items():
        for base in bases:
            for form in (base, base + "ة"):
                w = normalize_word(form)
                out.setdefault(w, cc)
                out.setdefault("ال" + w, cc)
    return out


def role_key(role: str) -> str:
    """A role normalised for comparison, each nisba word standing for its country (الرئيس الأميركي and
    الرئيس الأمريكي give the same key)."""
    nisba = nisba_countries()
    return " ".join("@" + nisba[w] if w in nisba else w for w in normalize_word(role).split())
