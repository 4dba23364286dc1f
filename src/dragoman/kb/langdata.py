"""Schemas of the per-language files the KB reads from ``lang/data/<code>/``.

``demonyms.yaml`` (nisba adjectives), ``titles.yaml`` (role titles) and
``gazetteer.yaml`` (matching policy and romanisation hints).  Registering
the schemas here makes ``dragoman.lang`` validate those files on load.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import load_resource, register_resource


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NisbaRule(_Strict):
    """Derive an adjective from a one-word country name: strip, fix final letter, add a suffix."""

    strip_prefixes: list[str] = Field(default_factory=list)
    strip_suffixes: list[str] = Field(default_factory=list)  # first that matches is removed
    suffix: str
    min_length: int = 3  # of the stem, so short names do not yield two-letter words
    finals: dict[str, str] = Field(default_factory=dict)  # word-final letter -> medial form


class Demonyms(_Strict):
    description: str = ""
    generate: NisbaRule | None = None
    inflections: list[str] = Field(default_factory=lambda: [""])
    demonyms: dict[str, list[str]] = Field(default_factory=dict)  # ISO code -> curated bases
    exclude: list[str] = Field(default_factory=list)  # generated forms that are ordinary words


class Title(_Strict):
    role: str
    phrases: list[str]
    default_of: str | None = None  # the state meant when none is named


class Titles(_Strict):
    description: str = ""
    modifier: str = Field(default="after", pattern="^(after|before|both)$")
    connectors: list[str] = Field(default_factory=list)
    titles: list[Title] = Field(default_factory=list)
    # Nouns that head an office of any organisation or state, with no role in the knowledge
    # base ("head", "chairman", ראש, زعيم): "the head of the X council Y" names Y, and the
    # council is Y's affiliation, not a party of its own (``dragoman.events.apposition``).
    heads: list[str] = Field(default_factory=list)
    # Words that put a title in the past ("former", "السابق", "לשעבר"): a term the person no
    # longer held when the article was written, so it dates nothing (``dragoman.dates.tenure``).
    past: list[str] = Field(default_factory=list)
    # The definite article as a prefix (ال, ה): a definite title is in no construct with a name
    # after it ("زار الرئيس روسيا" is "the president visited Russia", "שר החוץ ישראל כ\"ץ" names
    # Israel Katz); only an adjective after it names its state ("الرئيس الروسي").
    definite_prefixes: list[str] = Field(default_factory=list)


class GazetteerPolicy(_Strict):
    description: str = ""
    min_prefixed_stem: int = 3
    suffixes: list[str] = Field(default_factory=list)
    blocked: list[str] = Field(default_factory=list)
    ambiguous: list[str] = Field(default_factory=list)
    # Whole words that are common vocabulary although a prefix reading of them is a
    # name (Hebrew כיוון "since" = כ + יוון Greece): never matched as a name.
    stop_words: list[str] = Field(default_factory=list)
    romanize: dict[str, str] = Field(default_factory=dict)
    # Prefixes that swallow a following article (Hebrew ב + המזרח is written במזרח):
    # [prefix, article] pairs; the stem is looked up with the article put back.
    elision: list[tuple[str, str]] = Field(default_factory=list)
    # Words that open an organisation's name when a place follows: "מכבי תל אביב" and
    # "نادي برشلونة" are clubs, so the place inside is not matched.
    org_words: list[str] = Field(default_factory=list)
    # A capital after these reads as the city, not its government ("in Baku", "בבאקו").
    locative_prefixes: list[str] = Field(default_factory=list)
    locative_words: list[str] = Field(default_factory=list)
    # Proper names are capitalised in this script, so a lower-case match is a common word.
    require_capital: bool = False
    # Head nouns of a state's institutions: "وزارة التجارة التركية", "משרד החוץ האיראני" (the head,
    # up to `institution_words` more words, then the state's adjective) is one organisation.
    institution_heads: list[str] = Field(default_factory=list)
    institution_words: int = Field(default=2, ge=0, le=4)
    # Marks that normalisation removes but that tell two names apart in `marked_forms`: عمّان
    # (shadda, Amman) and عمان / عُمان (Oman) fold alike. A word written with the mark matches
    # only KB names written with it; written without, it reads as before.
    kept_marks: list[str] = Field(default_factory=list)
    marked_forms: list[str] = Field(default_factory=list)


RESOURCES: dict[str, type[BaseModel]] = {
    "demonyms": Demonyms,
    "titles": Titles,
    "gazetteer": GazetteerPolicy,
}
for _name, _schema in RESOURCES.items():
    register_resource(_name, _schema)


@cache
def demonyms(lang: str) -> Demonyms | None:
    return load_resource(lang, "demonyms", Demonyms)


@cache
def titles(lang: str) -> Titles | None:
    return load_resource(lang, "titles", Titles)


@cache
def policy(lang: str) -> GazetteerPolicy:
    return load_resource(lang, "gazetteer", GazetteerPolicy) or GazetteerPolicy()
