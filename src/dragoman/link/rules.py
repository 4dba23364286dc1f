"""What the linker knows about a language: stop and common words, clitics, gloss conventions.

Read from ``lang/data/<code>/linking.yaml``; the type tables say which KB types an NER label may
link to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import load_resource
from dragoman.model import EntityType, Span
from dragoman.ner.wordfreq_table import table as word_frequencies
from dragoman.text import normalize_key

# Which KB types an NER label may link to (taggers confuse a state and its government,
# and MISC covers nationality adjectives, agreements, laws).
COMPATIBLE: dict[EntityType, frozenset[EntityType]] = {
    EntityType.PERSON: frozenset({EntityType.PERSON}),
    EntityType.ORG: frozenset({EntityType.ORG, EntityType.GPE, EntityType.GROUP}),
    EntityType.GPE: frozenset({EntityType.GPE, EntityType.PLACE, EntityType.ORG}),
    EntityType.PLACE: frozenset({EntityType.PLACE, EntityType.GPE}),
    EntityType.GROUP: frozenset({EntityType.GROUP, EntityType.ORG}),
}
ANY_TYPE = frozenset(EntityType)
PLACES = frozenset({EntityType.GPE, EntityType.PLACE})
ACTORS = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.PLACE, EntityType.GROUP})
APPOSITION_GAP = 3  # "الرئيس الأمريكي، دونالد ترامب": at most a comma and spaces between


def apposed(text: str, a: Span, b: Span) -> bool:
    """Two spans side by side in apposition: at most a comma and spaces between, either order."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return 0 <= second.start - first.end <= APPOSITION_GAP and text[first.end : second.start].strip(" ,،") == ""


NER_SOURCES = frozenset({"ner"})  # statistical mentions the junk filters judge
PROPAGATED = "link"  # Mention.source of the names this stage finds itself


class GlossPrefix(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prefix: str
    written: str
    first_word: bool = True  # also on a name's first word (Arabic ال) or only inside it (Hebrew ה)


class LinkingData(BaseModel):
    """``lang/data/<code>/linking.yaml``: what the linker knows about a language's unknown names."""

    model_config = ConfigDict(extra="forbid")
    description: str = ""
    stop_words: list[str] = Field(default_factory=list)
    common_words: list[str] = Field(default_factory=list)
    # Nouns that open a description, never a name: "גורם מדיני בכיר", "مصدر مصري", "a senior official".
    descriptions: list[str] = Field(default_factory=list)
    # Titles and forms of address that stand right before a surname ("الشيخ", "השר", "Mr"): no given
    # name, so "השר נתניהו" is the KB's Netanyahu while "יוסי נתניהו" is a namesake (``link.namesakes``).
    honorifics: list[str] = Field(default_factory=list)
    # Prefixes no given name starts with (the Arabic article: "الوزير الصفدي" is a title, not a name).
    honorific_prefixes: list[str] = Field(default_factory=list)
    common_prefixes: dict[str, float] = Field(default_factory=dict)
    common_min_stem: int = Field(default=3, ge=1)
    common_zipf: float = Field(default=99.0, ge=0.0)
    stem_zipf: float = Field(default=99.0, ge=0.0)
    conjunctions: list[str] = Field(default_factory=list)
    gloss_prefixes: list[GlossPrefix] = Field(default_factory=list)
    # How a letter reads at the start of a word when that differs from inside it (Hebrew ב is b, not v).
    gloss_initials: dict[str, str] = Field(default_factory=dict)
    # A state's institution named by common words and the state's adjective ("وزارة الدفاع المصرية"):
    # the words before the adjective, as written, -> their English ("Defence Ministry"), so the
    # gloss is "Egyptian Defence Ministry", not a romanisation of common nouns.
    institutions: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rules:
    stop: frozenset[str]
    common_words: frozenset[str]
    descriptions: frozenset[str]
    common_prefixes: dict[str, int]  # clitic -> stem frequency from which the whole is a common word
    common_min_stem: int
    common: int  # in the frequency table's unit, Zipf x 10
    stem: int
    conjunctions: tuple[str, ...]
    gloss: tuple[GlossPrefix, ...]
    initials: dict[str, str]
    freq: dict[str, int]
    institutions: dict[str, str] = field(default_factory=dict)  # folded words -> English
    honorifics: frozenset[str] = frozenset()
    honorific_prefixes: tuple[str, ...] = ()


@cache
def rules_for(lang: str) -> Rules:
    data = load_resource(lang, "linking", LinkingData) if lang else None
    data = data or LinkingData()
    return Rules(
        stop=frozenset(normalize_key(w) for w in data.stop_words),
        common_words=frozenset(normalize_key(w) for w in data.common_words),
        descriptions=frozenset(normalize_key(w) for w in data.descriptions),
        common_prefixes={normalize_key(p): round(10 * z) for p, z in data.common_prefixes.items()},
        common_min_stem=data.common_min_stem,
        common=round(10 * data.common_zipf),
        stem=round(10 * data.stem_zipf),
        conjunctions=tuple(normalize_key(c) for c in data.conjunctions),
        gloss=tuple(
            GlossPrefix(prefix=normalize_key(g.prefix), written=g.written, first_word=g.first_word)
            for g in data.gloss_prefixes
        ),
        initials={normalize_key(k): v for k, v in data.gloss_initials.items()},
        freq=word_frequencies(lang) if lang else {},
        institutions={normalize_key(k): v for k, v in data.institutions.items()},
        honorifics=frozenset(normalize_key(w) for w in data.honorifics),
        honorific_prefixes=tuple(normalize_key(p) for p in data.honorific_prefixes),
    )
