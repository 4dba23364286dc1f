"""Described actors: unnamed sources and described groups (see dragoman.events.described)."""

from __future__ import annotations

from typing import ClassVar

from dragoman.events.described import find_described
from dragoman.model import Article
from dragoman.pipeline import BaseStage, register_stage


@register_stage("dragoman.Described.v1")
class DescribedActors(BaseStage):
    """Record actors the text describes instead of naming ("a senior Israeli official", "مصدر مصري").

    Each becomes a ``Described`` (kind ``anonymous`` or ``group``) with the
    span of its description, its head noun, the entity it is tied to (a
    nisba, or a body after "at"/"في"/"ב") and a count when given; later
    definite references ("the source", "المصدر") join it.  Quotes, claims
    and event arguments refer to it by id.  Per-language data:
    ``described.yaml``; languages without it get none.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "sentences", "mentions", "entities"})
    provides: ClassVar[frozenset[str]] = frozenset({"described"})

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        article.described = find_described(article, lang) if lang else []
        return article
