"""Schema of ``lang/data/<code>/speakers.yaml``: how a language names who speaks (see ``speakers``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dragoman.events.matcher import PhraseMatcher
from dragoman.lang import load_resource, register_resource
from dragoman.text import normalize_key


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ObjectVerb(_Strict):
    """Reporting verbs whose content may be their object, after ``marker`` when one is given.

    "أعرب عن قلقه" (content after عن), "called for the dissolution" (right after),
    "أعلن X وقف العلاقات" (the object itself, no marker).
    """

    verbs: list[str] = Field(min_length=1)
    marker: str | None = None


class SpeakersData(_Strict):
    description: str = ""
    # Where the subject of a reporting verb stands, tried in this order.
    subject_order: list[Literal["after", "before"]] = Field(min_length=1)
    # English inverts only right after a quotation ('"...," said Pryce'): then "after" is tried too.
    invert_after_quote: bool = False
    # Subject pronouns: the speaker is the current one ("he said", "הוא אמר", "وقال هو").
    pronouns: list[str] = Field(default_factory=list)
    # Reporting forms with no subject of their own that continue the sentence's or the
    # last speaker: participles (مضيفا، مشيرا), "adding", "noting", לדבריו.
    continuation_forms: list[str] = Field(default_factory=list)
    # Role nouns that stand for a person named elsewhere, written without the article
    # (the matcher strips it): "minister", وزير, שר.
    titles: list[str] = Field(default_factory=list)
    # Document nouns quoted as speakers ("statement", بيان, הודעה, "letter").
    documents: list[str] = Field(default_factory=list)
    # A document so qualified is the document itself, not one author's ("joint", مشترك, משותפת).
    joint_words: list[str] = Field(default_factory=list)
    # Words between a document noun and its author ("from", "by", من، عن، מאת، של).
    author_markers: list[str] = Field(default_factory=list)
    # Words that may stand between a subject and its verb, or after the verb before the
    # subject, without being either ("also", "has", قد، كما، بدوره، גם، כך). Whole words.
    fillers: list[str] = Field(default_factory=list)
    # Words that end a subject phrase after a verb (prepositions: في، إلى، "in", "to"). Whole words,
    # compared as written less diacritics (على "on" is not the name علي), English in lower case.
    subject_stops: list[str] = Field(default_factory=list)
    # A reporting word right after one of these is no attribution of the article: a relative
    # clause ("التي تعتبر", "which considers": its subject is the noun before) or a verbal noun
    # ("عدم ذكر اسمه", "without naming").
    not_after: list[str] = Field(default_factory=list)
    # Reporting phrases in the outlet's own voice, not attributions ("يُذكر أن", "it is worth noting").
    impersonal: list[str] = Field(default_factory=list)
    # Words that are never part of a name: English capitalised function words ("The", "On"),
    # Arabic and Hebrew function words and title modifiers (ما، هذا، السابق، זה).
    not_names: list[str] = Field(default_factory=list)
    # Noun phrases start with their head (Arabic and Hebrew construct state: "بيان وزارة
    # الخارجية", "הודעת משרד החוץ"), so a subject before the verb is also read from its start.
    # English phrases end with their head ("State Department spokesman Jonah Pryce").
    head_initial: bool = False
    # A verb joined to an earlier one by these (a proclitic و، ו or a word "and") shares its subject.
    coordinators: list[str] = Field(default_factory=list)
    # The article as a proclitic ("ال", "ה"): "الوزارة" refers back, "وزارة التجارة" names.
    definite_prefixes: list[str] = Field(default_factory=list)
    # Names are capitalised words (English); otherwise any word in the language's script can be.
    capitalised_names: bool = False
    # "X: «...»" attributes the quotation to X (headlines, Hebrew and Arabic news style).
    colon_attribution: bool = True
    # The content of a reporting verb may follow it directly with no complementizer
    # ("He said the waiver is...").
    zero_complementizer: bool = False
    object_verbs: list[ObjectVerb] = Field(default_factory=list)
    # Words that are not reported content when they follow a verb directly ("said little").
    not_content: list[str] = Field(default_factory=list)
    # Verbs whose next phrase is the person told, not the content ("told reporters").
    recipient_verbs: list[str] = Field(default_factory=list)
    # Nouns that stand for the press as a recipient ("reporters", الصحفيين, לעיתונאים).
    audience: list[str] = Field(default_factory=list)
    # Proclitics of a recipient phrase between a verb and a glued complementizer
    # (Hebrew "אמר לחדשות 12 שהמסר...": ל).
    recipient_prefixes: list[str] = Field(default_factory=list)
    # The subject may be left out (Arabic وأضاف, Hebrew הוסיף): a verb without one continues the
    # current speaker.  Without pro-drop (English) a "verb" with no subject is a noun ("claims").
    pro_drop: bool = True
    # Longest subject phrase read, in tokens.
    max_subject: int = Field(default=10, ge=1)


register_resource("speakers", SpeakersData)

# Arabic harakat, tatweel and Hebrew points: spelling marks, not letters.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u0591-\u05c7]")


def bare(word: str) -> str:
    """A word as written less diacritics, lower-cased: unlike ``normalize_key`` it keeps ى apart from ي."""
    return _MARKS.sub("", word).lower()


@cache
def speakers_data(lang: str) -> SpeakersData | None:
    return load_resource(lang, "speakers", SpeakersData)


def _pm(words: Sequence[str]) -> PhraseMatcher[str]:
    return PhraseMatcher((w, normalize_key(w.rstrip("*"))) for w in words)


@dataclass(frozen=True, slots=True)
class SpeakerRules:
    """Compiled ``speakers.yaml``.  Whole-word matchers are run on each token's unstripped form only,
    so that a clitic reading never turns a name into a function word (כהן is not כ + הן)."""

    data: SpeakersData
    pronouns: PhraseMatcher[str]  # whole words
    continuation: PhraseMatcher[str]
    titles: PhraseMatcher[str]
    documents: PhraseMatcher[str]
    joint: PhraseMatcher[str]
    authors: PhraseMatcher[str]  # whole words
    fillers: PhraseMatcher[str]  # whole words
    stops: frozenset[str]  # as written, less diacritics (see ``bare``)
    not_after: PhraseMatcher[str]
    impersonal: PhraseMatcher[str]
    recipients: PhraseMatcher[str]
    audience: PhraseMatcher[str]  # whole words
    object_verbs: PhraseMatcher[str | None]
    not_content: frozenset[str]
    not_names: frozenset[str]
    recipient_prefixes: tuple[str, ...]
    coordinators: tuple[str, ...]


@cache
def speaker_rules(lang: str) -> SpeakerRules | None:
    d = speakers_data(lang)
    if d is None:
        return None
    return SpeakerRules(
        d,
        _pm(d.pronouns),
        _pm(d.continuation_forms),
        _pm(d.titles),
        _pm(d.documents),
        _pm(d.joint_words),
        _pm(d.author_markers),
        _pm(d.fillers),
        frozenset(bare(w) for w in d.subject_stops),
        _pm(d.not_after),
        _pm(d.impersonal),
        _pm(d.recipient_verbs),
        _pm(d.audience),
        PhraseMatcher((w, ov.marker) for ov in d.object_verbs for w in ov.verbs),
        frozenset(bare(w) for w in d.not_content),
        frozenset(normalize_key(w) for w in d.not_names),
        tuple(normalize_key(p) for p in d.recipient_prefixes),
        tuple(normalize_key(c) for c in d.coordinators),
    )
