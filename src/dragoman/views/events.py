"""A filtered, paged list of events across the corpus, glossed in English."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.store.queries import EventQuery, Queries
from dragoman.views.base import View
from dragoman.views.labels import date_label, gloss


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventLine:
    article_id: str
    article_title: str | None
    published: str | None
    language: str | None
    id: str
    type: str
    type_label: str
    status: str
    status_label: str
    actors: list[Party]
    recipients: list[Party]
    place: Party | None
    date: str | None  # "2025-03 (month)"
    date_value: str | None
    evidence: list[EvidenceLine]


@dataclass(slots=True)
class EventListView(View):
    filters: dict[str, str]  # the filters applied, as given
    events: list[EventLine]
    next_cursor: str | None


def event_list_view(facts: Queries, query: EventQuery) -> EventListView:
    page = facts.events(query)
    lines = []
    for r in page.items:
        lines.append(
            EventLine(
                article_id=r.article_id,
                article_title=r.title,
                published=r.published,
                language=r.language,
                id=r.event_id,
                type=r.type,
                type_label=gloss("event_types", r.type),
                status=r.status,
                status_label=gloss("event_status", r.status),
                actors=[Party(i, r.name(i)) for i in r.actors],
                recipients=[Party(i, r.name(i)) for i in r.recipients],
                place=Party(r.place, r.name(r.place)) if r.place else None,
                date=date_label(r.date_value, r.date_granularity or "") if r.date_value else None,
                date_value=r.date_value,
                evidence=[EvidenceLine(x.start, x.end, x.text) for x in r.evidence],
            )
        )
    filters = {
        k: str(v)
        for k, v in (
            ("type", query.type),
            ("actor", query.actor),
            ("recipient", query.recipient),
            ("status", query.status),
            ("date_from", query.date_from),
            ("date_to", query.date_to),
            ("article_id", query.article_id),
        )
        if v is not None
    }
    return EventListView(filters, lines, page.next_cursor)
