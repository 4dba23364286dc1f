"""Annotation records that hang off an ``Article``. Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dragoman.model.span import Span


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"  # a state or its government (countries, metonymic capitals)
    PLACE = "PLACE"  # a location that is not a polity (region, city as a place, sea)
    AGREEMENT = "AGREEMENT"
    LAW = "LAW"
    EVENT = "EVENT"
    GROUP = "GROUP"  # religious, ethnic or political groups, demonym plurals
    MISC = "MISC"


class MentionKind(StrEnum):
    NAME = "name"
    NISBA = "nisba"  # demonym / relational adjective: الإسرائيلي, האזרי, Israeli
    METONYM = "metonym"  # a capital or seat standing for a government: Baku, the White House
    TITLE = "title"  # a role description resolved to its holder: "the Azerbaijani president"
    ALIAS = "alias"  # pejorative or informal naming: "the Zionist entity"


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A stretch of page chrome (menu, byline, related links, comment prompt...)."""

    span: Span
    reason: str


# Chrome whose sentences still tell the news: a photo caption says who met whom, where
# and when, in a sentence of its own. Names, events and quotes are read there as in the
# body (``Article.sentence_tokens(keep=NEWS_CHROME)``); a restatement merges with the body's.
NEWS_CHROME: frozenset[str] = frozenset({"caption"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form that refers to some actor.

    ``head`` is the part of ``span`` that carries the name itself, without
    clitics or prefixes (for ``وأذربيجان`` the span covers the whole token
    and ``head`` only ``أذربيجان``).
    """

    span: Span
    type: EntityType
    kind: MentionKind = MentionKind.NAME
    source: str = "gazetteer"  # which stage found it: gazetteer, ner, coref
    kb_id: str | None = None  # filled by the gazetteer or the linker
    head: Span | None = None
    score: float = 1.0
    id: str = ""  # content-derived (dragoman.model.ids), given when a stage hands the layer over


@dataclass(slots=True)
class Entity:
    """An actor of the article with all its mentions (indices into ``Article.mentions``)."""

    id: str  # KB id ("country:IL", "person:netanyahu") or an article-scoped one ("local:<article>:<key>")
    canonical: str  # English canonical name, our gloss
    type: EntityType
    qid: str | None = None
    mentions: list[int] = field(default_factory=list)


class Granularity(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    RANGE = "range"
    DECADE = "decade"
    VAGUE = "vague"  # "in recent weeks", "recently": a direction, no boundary
    UNRESOLVED = "unresolved"  # relative expression with no anchor to resolve against


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression and what it resolves to.

    ``value`` is ISO-8601 at the stated granularity (``2025-03`` for a month,
    ``2025`` for a year, ``2025-03-01/2025-05-31`` for a range) or ``None``
    when it cannot be resolved.
    """

    span: Span
    value: str | None
    granularity: Granularity
    relative: bool = False
    anchor: str | None = None  # the date a relative expression was resolved against


class PublishedFrom(StrEnum):
    """Where an article's publication date was read, strongest first.

    ``INPUT`` and ``METADATA`` are given before any stage runs (by the reader
    or the read stage); the others are derived by the dates stage.
    """

    INPUT = "input"  # given with the input: a feed entry, a JSONL record, a WARC header, the caller
    METADATA = "metadata"  # the page's own metadata: HTML meta tags, JSON-LD
    URL = "url"  # a date in the page's address (/2025/03/12/, /20250312/)
    METADATA_LINE = "metadata-line"  # a scraped page's leading "date 2025-03-12" line
    DATELINE = "dateline"  # a date printed near the top of the page ("Published 12 March 2025")
    TEXT_TODAY = "text-today"  # the text says what today is ("today, Tuesday 12 March 2025")
    # A year-less dateline ("Jerusalem, Apr 19") in the one year the office terms of the
    # people the article names with their titles allow (dragoman.dates.tenure)
    DATELINE_TENURE = "dateline-tenure"
    ESTIMATE = "estimate"  # inferred from the article's own dates: a lower bound, not a reading


@dataclass(frozen=True, slots=True)
class PublishedBasis:
    """Why ``Source.published`` holds what it holds: where it came from, how sure, and the words behind it.

    ``granularity`` is ``day``, ``month`` (an estimate from "March 2025" knows only the
    month; ``Source.published`` then holds its first day) or ``year`` (the year the office
    terms of the titled people allow; ``Source.published`` holds 1 January).  ``evidence`` spans point into
    ``Article.text``; metadata outside the text has none.
    """

    source: PublishedFrom
    confidence: float  # 0..1, a calibrated guess per source kind, not a probability fitted on data
    granularity: Granularity = Granularity.DAY
    evidence: tuple[Span, ...] = ()

    @property
    def from_offices(self) -> bool:
        """Whether the date was read from who holds which office (the tenure stage), not from dates."""
        return self.source is PublishedFrom.DATELINE_TENURE or self.granularity is Granularity.YEAR

    @property
    def given(self) -> bool:
        """Whether the date came with the input or the page's metadata (not derived by the dates stage)."""
        return self.source in (PublishedFrom.INPUT, PublishedFrom.METADATA)


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    TALKS = "talks"
    CONDITIONAL = "conditional"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


@dataclass(slots=True)
class Event:
    id: str
    type: str  # PLOVER type or a documented extension code
    mode: str | None
    status: EventStatus
    actors: list[str]
    recipients: list[str]
    evidence: list[Span]
    date: TimeExpr | None = None
    place: str | None = None
    trigger: Span | None = None


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PUBLICATION = "publication"
    ANONYMOUS = "anonymous"  # an unnamed source: a ``Described`` referent of kind anonymous, or none
    GROUP = "group"  # a described collective ("Iranian media", "the two ministers")
    DOCUMENT = "document"  # a statement, letter or agreement quoted as such, its author not named
    OUTLET = "outlet"


class DescribedKind(StrEnum):
    ANONYMOUS = "anonymous"  # unnamed source(s) whose identity is withheld: a senior official, مصدر دبلوماسي
    GROUP = "group"  # a described collective: a group of 50 rabbis, Iranian media, المتظاهرون


@dataclass(slots=True)
class Described:
    """An actor the text describes instead of naming ("two Turkish officials familiar with the matter").

    ``mentions`` are its spans in text order: the first is the full description, later
    ones refer back to it ("the source", "המקור").  ``head`` is the noun of the first
    ("officials").  ``affiliation`` is the entity the description ties it to (Turkish ->
    ``country:TR``; "an official at the ministry" -> the ministry); ``count`` is a number
    the text gives ("two", مصدران); ``gloss`` is an English description for display.
    ``acts`` is false for those that only tell (media, reports, witnesses): they may be
    a quote's speaker but never an event's party.
    Quotes, claims and events refer to it by ``id`` as they refer to entities.
    """

    id: str
    kind: DescribedKind
    mentions: list[Span]
    head: Span
    gloss: str
    affiliation: str | None = None
    count: int | None = None
    plural: bool = False
    acts: bool = True


@dataclass(slots=True)
class Quote:
    id: str
    span: Span
    direct: bool
    speaker: str | None  # entity id
    speaker_span: Span | None
    speaker_kind: SpeakerKind


@dataclass(slots=True)
class Claim:
    id: str
    claimant: str | None
    claimant_span: Span | None
    evidence: list[Span]
    about: list[str]
