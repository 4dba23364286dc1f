"""Hand-built articles for the linker: earlier stages run for real, NER mentions added by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dragoman.model import Article, EntityType, Mention, Source, Span
from dragoman.stages.gazetteer import Gazetteer
from dragoman.stages.normalize import Normalize
from dragoman.stages.sentences import Sentences

Build = Callable[..., Article]
AddNer = Callable[..., int]


@pytest.fixture
def build() -> Build:
    def make(text: str, lang: str, published: date | None = None) -> Article:
        art = Article.from_text(text, Source(published=published))
        art.language = lang
        art.provided |= {"boilerplate", "language"}
        return Gazetteer()(Normalize()(Sentences()(art)))

    return make


@pytest.fixture
def ner() -> AddNer:
    def add(art: Article, surface: str, etype: EntityType, nth: int = 0, score: float = 0.9) -> int:
        """Append an NER mention as the tagger would (whole tokens, no KB id); return its index."""
        start = -1
        for _ in range(nth + 1):
            start = art.text.index(surface, start + 1)
        art.mentions.append(Mention(Span(start, start + len(surface)), etype, source="ner", score=score))
        return len(art.mentions) - 1

    return add
