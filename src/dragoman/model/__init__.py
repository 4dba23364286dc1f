"""Pure data: the article and its span-anchored layers."""

from dragoman.model.article import Article, Source, content_hash
from dragoman.model.provenance import DateSource, PipelineInfo, Provenance, PublishedFrom
from dragoman.model.records import (
    Boilerplate,
    Claim,
    Entity,
    EntityType,
    Event,
    EventStatus,
    Granularity,
    Mention,
    MentionKind,
    Quote,
    SpeakerKind,
    TimeExpr,
)
from dragoman.model.span import Span

__all__ = [
    "Article",
    "Boilerplate",
    "Claim",
    "DateSource",
    "Entity",
    "EntityType",
    "Event",
    "EventStatus",
    "Granularity",
    "Mention",
    "MentionKind",
    "PipelineInfo",
    "Provenance",
    "PublishedFrom",
    "Quote",
    "Source",
    "Span",
    "SpeakerKind",
    "TimeExpr",
    "content_hash",
]
