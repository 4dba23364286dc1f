"""Where the article-wide facts came from, and what produced the article.

Typed, so a reader of Article JSON can tell a publication date printed in
the page's metadata from one estimated from the latest date in the text,
and an article extracted by last month's models from one extracted today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dragoman.model.span import Span


class DateSource(StrEnum):
    """How ``Source.published`` was obtained."""

    INPUT = "input"  # given with the input: a feed or JSONL record, a WARC header, the caller
    PAGE_META = "page-meta"  # the HTML page's metadata (article:published_time, JSON-LD...)
    DATELINE = "dateline"  # a date printed near the top of the page ("Published 12 March 2025")
    ESTIMATE = "estimate"  # the latest full date mentioned in the text (``published_estimated``)


@dataclass(frozen=True, slots=True)
class PublishedFrom:
    source: DateSource
    span: Span | None = None  # the dateline in ``Article.text``, when it was one


@dataclass(slots=True)
class PipelineInfo:
    """The pipeline that produced an article: its name, its stages, and the data and models they used."""

    name: str | None = None  # "default@1a2b3c4d": config name and a hash of its text
    stages: list[str] = field(default_factory=list)  # registered names of the stages that ran, in order
    models: dict[str, str] = field(default_factory=dict)  # e.g. {"ner.ar": "crf:3f2a...", "kb": "9c0d..."}
    dragoman: str | None = None  # package version


@dataclass(slots=True)
class Provenance:
    published: PublishedFrom | None = None
    language: str | None = None  # how the language was identified ("fasttext", "lingua", ...)
    pipeline: PipelineInfo | None = None
