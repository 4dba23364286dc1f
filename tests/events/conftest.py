"""Hand-built articles with mentions and entities we choose, for the event and quote tests."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Span
from dragoman.text import normalize, sentence_spans, tokenize

Names = dict[str, tuple[str, EntityType]]


def build_article(text: str, lang: str, names: Names | None = None) -> Article:
    """Sentences, tokens, norm, and one mention per occurrence of each name (clitics included in the span)."""
    art = Article.from_text(text)
    art.language = lang
    art.sentences = sentence_spans(text)
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    n = normalize(text)
    art.norm, art.norm_offsets = n.text, n.offsets
    found: list[Mention] = []
    for name, (eid, etype) in (names or {}).items():
        for m in re.finditer(re.escape(name), text):
            start = m.start()
            while start > 0 and not text[start - 1].isspace() and text[start - 1].isalpha():
                start -= 1  # proclitics glued to the name: وأذربيجان، לאזרבייג'ן
            found.append(
                Mention(
                    span=Span(start, m.end()),
                    type=etype,
                    kind=MentionKind.NAME,
                    kb_id=eid,
                    head=Span(m.start(), m.end()),
                )
            )
    found.sort(key=lambda m: m.span.start)
    set_mentions(art, found)
    art.provided |= {"language", "sentences", "tokens", "norm", "mentions", "entities", "time_expressions"}
    return art


def set_mentions(art: Article, mentions: list[Mention]) -> None:
    """Give ``art`` these linked mentions and one entity per KB id over them."""
    art.mentions = mentions
    ents: dict[str, Entity] = {}
    for i, m in enumerate(mentions):
        assert m.kb_id
        ents.setdefault(m.kb_id, Entity(id=m.kb_id, canonical=m.kb_id, type=m.type)).mentions.append(i)
    art.entities = list(ents.values())


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return build_article
