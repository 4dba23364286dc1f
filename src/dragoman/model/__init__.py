"""Pure data: the article and its span-anchored layers."""

from dragoman.model.article import Article, Source, content_hash
from dragoman.model.provenance import PipelineInfo, Provenance
from dragoman.model.records import (
    NEWS_CHROME,
    Boilerplate,
    Claim,
    Described,
    DescribedKind,
    Entity,
    EntityType,
    Event,
    EventStatus,
    Granularity,
    Mention,
    MentionKind,
    PublishedBasis,
    PublishedFrom,
    Quote,
    SpeakerKind,
    TimeExpr,
)
from dragoman.model.span import Span

__all__ = [
    "NEWS_CHROME",
    "Article",
    "Boilerplate",
    "Claim",
    "Described",
    "DescribedKind",
    "Entity",
    "EntityType",
    "Event",
    "EventStatus",
    "Granularity",
    "Mention",
    "MentionKind",
    "PipelineInfo",
    "Provenance",
    "PublishedBasis",
    "PublishedFrom",
    "Quote",
    "Source",
    "Span",
    "SpeakerKind",
    "TimeExpr",
    "content_hash",
]
