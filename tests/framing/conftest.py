"""Hand-built articles for the framing tests: mentions and entities we choose, quotes we place."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Quote, Source, Span, SpeakerKind
from dragoman.text import sentence_spans

Names = dict[str, tuple[str, EntityType]]


def build(text: str, lang: str, names: Names | None = None, *, source: Source | None = None) -> Article:
    """Sentences and one mention per occurrence of each name (proclitics glued to it kept in the span)."""
    art = Article.from_text(text, source)
    art.language = lang
    art.sentences = sentence_spans(text)
    found: list[Mention] = []
    for name, (eid, etype) in (names or {}).items():
        for m in re.finditer(re.escape(name), text):
            start = m.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            found.append(Mention(Span(start, m.end()), etype, MentionKind.NAME, kb_id=eid, head=Span(m.start(), m.end())))
    found.sort(key=lambda m: m.span.start)
    art.mentions = found
    ents: dict[str, Entity] = {}
    for i, m in enumerate(found):
        assert m.kb_id
        ents.setdefault(m.kb_id, Entity(id=m.kb_id, canonical=m.kb_id, type=m.type)).mentions.append(i)
    art.entities = list(ents.values())
    return art


def quote(art: Article, said: str, speaker: str | None, kind: SpeakerKind) -> Quote:
    i = art.text.index(said)
    return Quote(id=f"q{len(art.quotes)}", span=Span(i, i + len(said)), direct=True, speaker=speaker,
                 speaker_span=None, speaker_kind=kind)


@pytest.fixture
def make() -> Callable[..., Article]:
    return build
