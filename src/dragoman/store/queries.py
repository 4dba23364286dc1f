"""The query role: events by type, actor, recipient, status and date; entity detail; counts; cursors.

What the views (and through them the report, the REST API and the
dashboard) ask of a corpus.  The SQL stores answer with indexed queries;
``MemoryQueries`` answers from articles in memory, the same way, and one
contract suite holds both to the same results.

Events come in one stable order, by the first day their date covers
(undated events last), then article id, then event id: ids are derived
from content, so the order (and a cursor into it) survives re-ingestion
and is the same in every store.  A cursor is opaque to callers: the last
row's sort key, encoded.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, TypeVar, runtime_checkable

from dragoman.model import Article
from dragoman.model.timeline import interval
from dragoman.store.base import EntityRow, MentionRow

__all__ = [
    "Counts",
    "EntityDetail",
    "EventQuery",
    "EventRow",
    "Evidence",
    "MemoryQueries",
    "Page",
    "Queries",
    "QuoteRow",
    "RoleRow",
    "decode_cursor",
    "encode_cursor",
    "event_sort_key",
]

T = TypeVar("T")
UNDATED = "9999-12-31"  # sorts undated events after every dated one
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters (all optional, combined with AND) and a page of ``limit`` rows after ``cursor``."""

    type: str | None = None
    actor: str | None = None  # entity id among the event's actors
    recipient: str | None = None  # entity id among its recipients
    status: str | None = None
    date_from: date | None = None  # the event's date overlaps [date_from, date_to]; undated events never do
    date_to: date | None = None
    article_id: str | None = None
    limit: int = 50
    cursor: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    event_id: str
    type: str
    mode: str | None
    status: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str | None
    date_value: str | None
    date_granularity: str | None
    evidence: tuple[Evidence, ...]
    names: tuple[tuple[str, str], ...]  # (entity id, canonical name in that article) for the ids above
    title: str | None  # the article's
    published: str | None  # the article's, ISO
    language: str | None

    def name(self, entity_id: str) -> str:
        return dict(self.names).get(entity_id, entity_id)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None  # None on the last page


@dataclass(frozen=True, slots=True)
class RoleRow:
    """An entity's part in one event."""

    article_id: str
    event_id: str
    role: str  # actor | recipient | place
    type: str
    status: str
    date_value: str | None
    date_granularity: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    quote_id: str
    speaker: str | None
    direct: bool
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityDetail:
    entity: EntityRow
    mentions: list[MentionRow]  # in article then text order
    roles: list[RoleRow]  # in the events' order (event_sort_key)
    quotes: list[QuoteRow]  # quotes the entity is the speaker of, in article then text order


@dataclass(frozen=True, slots=True)
class Counts:
    articles: int
    events: int
    entities: int  # distinct entity ids
    mentions: int
    events_by_type: dict[str, int] = field(default_factory=dict)
    events_by_status: dict[str, int] = field(default_factory=dict)
    articles_by_language: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class Queries(Protocol):
    def events(self, query: EventQuery) -> Page[EventRow]: ...

    def entity_detail(self, entity_id: str) -> EntityDetail | None: ...

    def counts(self) -> Counts: ...


def event_sort_key(date_value: str | None, article_id: str, event_id: str) -> tuple[str, str, str]:
    span = interval(date_value)
    first = span[0].isoformat() if span is not None and span[0] != date.min else ("0001-01-01" if span else UNDATED)
    return (first, article_id, event_id)


def encode_cursor(key: tuple[str, str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        first, article_id, event_id = json.loads(raw)
        return str(first), str(article_id), str(event_id)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a cursor this store gave out: {cursor!r}") from exc


def overlaps(date_value: str | None, lo: date | None, hi: date | None) -> bool:
    if lo is None and hi is None:
        return True
    span = interval(date_value)
    if span is None:
        return False
    return (lo is None or span[1] >= lo) and (hi is None or span[0] <= hi)


class MemoryQueries:
    """The query role over articles held in memory (the static report, tests, a reference for the SQL stores)."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._events: list[tuple[tuple[str, str, str], EventRow]] = []
        self._mentions: list[MentionRow] = []
        self._entities: dict[str, list[tuple[str, str, str | None, str, int]]] = {}
        self._quotes: list[QuoteRow] = []
        self._articles = 0
        self._order: dict[str, int] = {}  # article id -> position, for "article then text" order
        self._languages: dict[str, int] = {}
        for a in articles:
            self._add(a)
        self._events.sort(key=lambda kv: kv[0])

    def _add(self, a: Article) -> None:
        if a.id in self._order:
            return
        self._order[a.id] = self._articles
        self._articles += 1
        lang = a.language or ""
        self._languages[lang] = self._languages.get(lang, 0) + 1
        owner: dict[int, str] = {}
        names: dict[str, str] = {}
        per_article: dict[str, list[tuple[str, str, str | None, str, int]]] = {}
        for e in a.entities:
            names.setdefault(e.id, e.canonical)
            for i in e.mentions:
                owner.setdefault(i, e.id)
            prior = per_article.get(e.id)
            if prior:  # one id twice in an article: one row, every mention counted (as the SQL stores do)
                aid, canonical, qid, etype, n = prior[0]
                prior[0] = (aid, canonical, qid, etype, n + len(e.mentions))
            else:
                per_article[e.id] = [(a.id, e.canonical, e.qid, e.type.value, len(e.mentions))]
        for d in a.described:  # a described actor ("a senior US official") is named by its gloss
            names.setdefault(d.id, d.gloss)
        for eid, rows in per_article.items():
            self._entities.setdefault(eid, []).extend(rows)
        for i, m in enumerate(a.mentions):
            self._mentions.append(
                MentionRow(
                    a.id, i, owner.get(i), m.kb_id, m.type.value, m.kind.value, a.span_text(m.span),
                    a.span_text(m.head) if m.head else None, m.span.start, m.span.end,
                )
            )
        published = a.source.published.isoformat() if a.source.published else None
        for ev in a.events:
            ids = [*ev.actors, *ev.recipients, *([ev.place] if ev.place else [])]
            row = EventRow(
                article_id=a.id,
                event_id=ev.id,
                type=ev.type,
                mode=ev.mode,
                status=ev.status.value,
                actors=tuple(ev.actors),
                recipients=tuple(ev.recipients),
                place=ev.place,
                date_value=ev.date.value if ev.date else None,
                date_granularity=ev.date.granularity.value if ev.date else None,
                evidence=tuple(Evidence(s.start, s.end, a.span_text(s)) for s in ev.evidence),
                names=tuple((i, names[i]) for i in dict.fromkeys(ids) if i in names),
                title=a.source.title,
                published=published,
                language=a.language,
            )
            self._events.append((event_sort_key(row.date_value, a.id, ev.id), row))
        for q in a.quotes:
            self._quotes.append(QuoteRow(a.id, q.id, q.speaker, q.direct, q.span.start, q.span.end, a.span_text(q.span)))

    def _matching(self, q: EventQuery) -> list[tuple[tuple[str, str, str], EventRow]]:
        return [
            (key, row)
            for key, row in self._events
            if (q.type is None or row.type == q.type)
            and (q.status is None or row.status == q.status)
            and (q.actor is None or q.actor in row.actors)
            and (q.recipient is None or q.recipient in row.recipients)
            and (q.article_id is None or row.article_id == q.article_id)
            and overlaps(row.date_value, q.date_from, q.date_to)
        ]

    def events(self, query: EventQuery) -> Page[EventRow]:
        rows = self._matching(query)
        if query.cursor is not None:
            after = decode_cursor(query.cursor)
            rows = [kv for kv in rows if kv[0] > after]
        page = rows[: query.limit]
        more = len(rows) > query.limit
        return Page([row for _, row in page], encode_cursor(page[-1][0]) if more and page else None)

    def entity_detail(self, entity_id: str) -> EntityDetail | None:
        rows = self._entities.get(entity_id)
        if not rows:
            return None
        mentions = sorted(
            (m for m in self._mentions if m.entity_id == entity_id),
            key=lambda m: (self._order[m.article_id], m.start, m.index),
        )
        forms: dict[str, int] = {}
        for m in mentions:
            form = m.head or m.surface
            forms[form] = forms.get(form, 0) + 1
        entity = EntityRow(
            id=entity_id,
            canonical=min(r[1] for r in rows),
            qid=max((r[2] for r in rows if r[2]), default=None),
            type=min(r[3] for r in rows),
            articles=len(rows),
            mentions=sum(r[4] for r in rows),
            surface_forms=tuple(sorted(forms, key=lambda f: (-forms[f], f))),
        )
        roles = []
        for _key, ev in self._events:
            for role, ids in (("actor", ev.actors), ("place", (ev.place,)), ("recipient", ev.recipients)):
                if entity_id in ids:
                    roles.append(
                        RoleRow(ev.article_id, ev.event_id, role, ev.type, ev.status, ev.date_value, ev.date_granularity)
                    )
        quotes = sorted(
            (q for q in self._quotes if q.speaker == entity_id), key=lambda q: (self._order[q.article_id], q.start)
        )
        return EntityDetail(entity, mentions, roles, quotes)

    def counts(self) -> Counts:
        by_type: dict[str, int] = {}
        by_status: dict[str, int] = {}
        for _key, ev in self._events:
            by_type[ev.type] = by_type.get(ev.type, 0) + 1
            by_status[ev.status] = by_status.get(ev.status, 0) + 1
        return Counts(
            articles=self._articles,
            events=len(self._events),
            entities=len(self._entities),
            mentions=len(self._mentions),
            events_by_type=dict(sorted(by_type.items())),
            events_by_status=dict(sorted(by_status.items())),
            articles_by_language=dict(sorted(self._languages.items())),
        )
