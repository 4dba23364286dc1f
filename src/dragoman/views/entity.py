"""One entity across the corpus: its names, where it is mentioned, its part in events, what it said."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.store.queries import Queries
from dragoman.views.base import View
from dragoman.views.labels import date_label, gloss, qid_url


@dataclass(frozen=True, slots=True)
class MentionLine:
    article_id: str
    mention_index: int
    surface: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class RoleLine:
    article_id: str
    event_id: str
    role: str  # actor | recipient | place
    type: str
    type_label: str
    status: str
    date: str | None  # "2025-03 (month)"; None when undated


@dataclass(frozen=True, slots=True)
class QuoteLine:
    article_id: str
    quote_id: str
    text: str
    direct: bool


@dataclass(slots=True)
class EntityView(View):
    id: str
    canonical: str
    qid: str | None
    qid_url: str | None
    type: str
    articles: int
    mention_count: int
    forms: list[str]  # surface forms without clitics, most frequent first
    mentions: list[MentionLine]
    roles: list[RoleLine]
    quotes: list[QuoteLine]


def entity_view(facts: Queries, entity_id: str) -> EntityView | None:
    detail = facts.entity_detail(entity_id)
    if detail is None:
        return None
    e = detail.entity
    return EntityView(
        id=e.id,
        canonical=e.canonical,
        qid=e.qid,
        qid_url=qid_url(e.qid),
        type=e.type,
        articles=e.articles,
        mention_count=e.mentions,
        forms=list(e.surface_forms),
        mentions=[MentionLine(m.article_id, m.index, m.surface, m.start, m.end, m.kind) for m in detail.mentions],
        roles=[
            RoleLine(
                r.article_id,
                r.event_id,
                r.role,
                r.type,
                gloss("event_types", r.type),
                r.status,
                date_label(r.date_value, r.date_granularity or "") if r.date_value else None,
            )
            for r in detail.roles
        ],
        quotes=[QuoteLine(q.article_id, q.quote_id, q.text, q.direct) for q in detail.quotes],
    )
