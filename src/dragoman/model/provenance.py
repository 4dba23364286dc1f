"""Where the article-wide facts came from, and what produced the article.

Typed, so a reader of Article JSON can tell an article extracted by last
month's models from one extracted today.  (The publication date's own
provenance, ``PublishedBasis``, sits beside the date in ``Source``.)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PipelineInfo:
    """The pipeline that produced an article: its name, its stages, and the data and models they used."""

    name: str | None = None  # "default@1a2b3c4d": config name and a hash of its text
    stages: list[str] = field(default_factory=list)  # registered names of the stages that ran, in order
    models: dict[str, str] = field(default_factory=dict)  # e.g. {"ner.ar": "crf:3f2a...", "kb": "9c0d..."}
    dragoman: str | None = None  # package version


@dataclass(slots=True)
class Provenance:
    """What produced the article.  Where its publication date came from is
    ``Source.published_basis``, beside the date itself."""

    language: str | None = None  # how the language was identified ("fasttext", "lingua", ...)
    pipeline: PipelineInfo | None = None
