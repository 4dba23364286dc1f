"""Matching form of the whole text (see dragoman.text.normalize)."""

from __future__ import annotations

from typing import ClassVar

from dragoman.model import Article
from dragoman.pipeline import BaseStage, register_stage
from dragoman.text import normalize


@register_stage("dragoman.Normalize.v1")
class Normalize(BaseStage):
    """Fold Arabic/Hebrew/Latin spelling variants for matching, keeping a map to original offsets.

    Invisible format characters (bidi marks, ZWNJ/ZWJ, zero-width spaces,
    the word joiner, BOM, soft hyphens, tatweel) are removed, so the
    gazetteer, the taggers and the linker, which match against ``norm``,
    see a name the same with or without them; ``norm_offsets`` maps every
    character back to ``text``.  The tokeniser cuts words as if the marks
    were absent (``dragoman.text.tokenize``).
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"norm"})

    def __call__(self, article: Article) -> Article:
        n = normalize(article.text)
        article.norm = n.text
        article.norm_offsets = n.offsets
        return article
