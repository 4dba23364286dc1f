"""The corpus at a glance, and the article listing its charts lead to: JSON-able.

Built from the store's article rows (``list_articles``) and its query role
(counts, events), never from documents: a dashboard's front page must not
load every article.  Each bucket carries the filter that lists what it
counts, so a chart can lead to that list without knowing how it was built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from dragoman.store.base import ArticleRow, Store
from dragoman.store.queries import MAX_LIMIT, EventQuery, EventRow, Queries
from dragoman.views.base import View
from dragoman.views.labels import direction, gloss

__all__ = ["ArticleFilter", "ArticleListView", "Bucket", "OverviewView", "article_list_view", "iter_events", "overview_view"]

UNKNOWN = "unknown"  # the bucket of articles without an outlet, language or date


@dataclass(frozen=True, slots=True)
class Bucket:
    key: str  # what is counted: a day, an outlet, a language code, an entity id, an event type
    label: str  # the key in English
    count: int
    filter: dict[str, str]  # the filter listing what is counted (of articles, or of events)


@dataclass(slots=True)
class OverviewView(View):
    articles: int
    events: int
    entities: int
    mentions: int
    per_day: list[Bucket]  # by publication day, oldest first; undated articles last
    per_outlet: list[Bucket]  # most articles first
    languages: list[Bucket]
    top_actors: list[Bucket]  # entities most often the actor of an event
    event_types: list[Bucket]  # most frequent first


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Filters over the article listing, all optional, combined with AND."""

    outlet: str | None = None
    language: str | None = None
    day: str | None = None  # an ISO day, or "unknown"

    def matches(self, row: ArticleRow) -> bool:
        return (
            (self.outlet is None or (row.outlet or UNKNOWN) == self.outlet)
            and (self.language is None or (row.language or UNKNOWN) == self.language)
            and (self.day is None or _day(row) == self.day)
        )

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("outlet", self.outlet), ("language", self.language), ("day", self.day)) if v}


@dataclass(frozen=True, slots=True)
class ArticleLine:
    id: str
    title: str
    outlet: str
    language: str
    dir: str
    published: str


@dataclass(slots=True)
class ArticleListView(View):
    filters: dict[str, str]
    total: int  # articles matching, over all pages
    offset: int
    articles: list[ArticleLine]


def _day(row: ArticleRow) -> str:
    return row.published[:10] if row.published else UNKNOWN


def iter_events(facts: Queries, query: EventQuery | None = None) -> Iterator[EventRow]:
    """Every event matching ``query`` (its limit and cursor ignored), page by page in the store's order."""
    base = query or EventQuery()
    cursor: str | None = None
    while True:
        page = facts.events(
            EventQuery(
                type=base.type, actor=base.actor, recipient=base.recipient, status=base.status,
                date_from=base.date_from, date_to=base.date_to, article_id=base.article_id,
                limit=MAX_LIMIT, cursor=cursor,
            )
        )
        yield from page.items
        cursor = page.next_cursor
        if cursor is None:
            return


def _language_label(code: str) -> str:
    from babel import Locale, UnknownLocaleError

    if code == UNKNOWN:
        return "unknown"
    try:
        return f"{Locale.parse(code).get_display_name('en')} ({code})"
    except (UnknownLocaleError, ValueError):
        return code


def overview_view(store: Store, facts: Queries, *, top: int = 12) -> OverviewView:
    rows = store.list_articles()
    days = Counter(_day(r) for r in rows)
    outlets = Counter(r.outlet or UNKNOWN for r in rows)
    languages = Counter(r.language or UNKNOWN for r in rows)
    actors: Counter[str] = Counter()
    names: dict[str, str] = {}
    for ev in iter_events(facts):
        for a in dict.fromkeys(ev.actors):
            actors[a] += 1
            names.setdefault(a, ev.name(a))
    counts = facts.counts()
    by_day = sorted(days, key=lambda d: (d == UNKNOWN, d))
    return OverviewView(
        articles=counts.articles,
        events=counts.events,
        entities=counts.entities,
        mentions=counts.mentions,
        per_day=[Bucket(d, d, days[d], {"day": d}) for d in by_day],
        per_outlet=[Bucket(o, o, n, {"outlet": o}) for o, n in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
        languages=[
            Bucket(code, _language_label(code), n, {"language": code})
            for code, n in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        top_actors=[
            Bucket(a, names[a], n, {"actor": a}) for a, n in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ],
        event_types=[
            Bucket(t, gloss("event_types", t), n, {"type": t})
            for t, n in sorted(counts.events_by_type.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ],
    )


def article_list_view(store: Store, flt: ArticleFilter, *, offset: int = 0, limit: int = 100) -> ArticleListView:
    language = flt.language if flt.language not in (None, UNKNOWN) else None
    rows = [r for r in store.list_articles(language=language) if flt.matches(r)]
    # Newest first reads like a news site; undated articles last.
    rows.sort(key=lambda r: (r.published is not None, r.published or "", r.id), reverse=True)
    page = rows[offset : offset + limit]
    return ArticleListView(
        filters=flt.as_dict(),
        total=len(rows),
        offset=offset,
        articles=[
            ArticleLine(
                id=r.id,
                title=r.title or (r.path or "").rsplit("/", 1)[-1] or r.id[:12],  # a scraped page often has no title
                outlet=r.outlet or UNKNOWN,
                language=r.language or UNKNOWN,
                dir=direction(r.language),
                published=r.published or UNKNOWN,
            )
            for r in page
        ],
    )
