"""The corpus picture through the API: stories and merged events (docs/picture.md), as JSON or CSV.

Each item is what ``dragoman stories|events --format json`` prints for it
(``corpus.documents.story_json``/``event_json``, schemas stories-v1 and
events-v1), read from the store's picture (``corpus.picture.picture_of``)
at each request, so the lists follow the store as articles arrive.  Orders
are stable and a cursor is the last item's sort key: stories earliest
first (undated last), merged events by the first day of their date
(undated last), then id.

``InArticles`` restricts the query role to a set of articles: it is how the
article-level event list and its facets take a ``story`` filter.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dragoman.model.timeline import interval
from dragoman.rest.listing import CSV, Format, csv_response, day_range, decode, encode
from dragoman.rest.models import MergedEventModel, Page, StoryModel
from dragoman.rest.problems import ProblemError, problem_responses
from dragoman.rest.state import desk_store
from dragoman.store import Store
from dragoman.store.queries import (
    UNDATED,
    Counts,
    EntityDetail,
    EventQuery,
    EventRow,
    Queries,
    encode_cursor,
    event_sort_key,
)
from dragoman.store.queries import Page as RowPage

router = APIRouter(prefix="/api", tags=["corpus"])
StoreDep = Annotated[Store, Depends(desk_store)]
_CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}

STORY_COLUMNS = ("id", "title", "first", "last", "article_count", "articles", "languages", "outlets", "events")
MERGED_COLUMNS = (
    "id", "type", "plover", "status", "date", "granularity", "actors", "actor_names", "recipients",
    "recipient_names", "story", "source_count", "articles", "languages", "disagreements", "precursor_of",
)


def _picture(store: Store) -> Any:
    from dragoman.corpus.picture import picture_of

    return picture_of(store)


def stories_of(store: Store) -> list[dict[str, Any]]:
    """Every story (stories-v1 items), earliest first, undated last, then id."""
    from dragoman.corpus.documents import stories_document

    return sorted(stories_document(_picture(store)), key=_story_key)


def story_article_ids(store: Store, story_id: str) -> set[str]:
    """The articles of one story; a story the store does not have is a 404."""
    for s in stories_of(store):
        if s["id"] == story_id:
            return {a["article"] for a in s["articles"]}
    raise ProblemError(404, f"no story {story_id!r} in the store")


def _story_key(s: dict[str, Any]) -> tuple[str, str]:
    return (s["first"] or UNDATED, s["id"])


def _first_day(value: str | None) -> str:
    span = interval(value)
    if span is None:
        return UNDATED
    return "0001-01-01" if span[0] == date.min else span[0].isoformat()


def _event_key(e: dict[str, Any]) -> tuple[str, str]:
    return (_first_day(e["date"]["value"] if e["date"] else None), e["id"])


def _overlaps(value: str | None, lo: tuple[date, date] | None, hi: tuple[date, date] | None) -> bool:
    if lo is None and hi is None:
        return True
    span = interval(value)
    if span is None:
        return False
    return (lo is None or span[1] >= lo[0]) and (hi is None or span[0] <= hi[1])


def _page(items: list[dict[str, Any]], key: Any, kind: str, cursor: str | None,
          limit: int) -> tuple[list[dict[str, Any]], str | None]:
    mark = decode(cursor, kind, 2)
    if mark is not None:
        after = (str(mark[0]), str(mark[1]))
        items = [x for x in items if key(x) > after]
    page = items[:limit]
    return page, (encode(kind, list(key(page[-1]))) if len(items) > limit and page else None)


def _names(parties: list[dict[str, Any]]) -> list[str]:
    return [p["canonical"] for p in parties]


# -- stories --------------------------------------------------------------------------------------
DayFilter = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@router.get("/stories", response_model=Page[StoryModel], responses=_CSV_RESPONSE, tags=["stories"],
            summary="List stories")
def list_stories(
    store: StoreDep,
    language: Annotated[str | None, Query(max_length=20, description="Stories with an article in this language.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Stories with an article from this outlet (exact, case-insensitive).")] = None,
    article_id: Annotated[str | None, Query(max_length=128, description="The story this article belongs to.")] = None,
    date_from: Annotated[str | None, Query(pattern=DayFilter, description="Published first..last overlaps from: YYYY, YYYY-MM, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(pattern=DayFilter, description="Published first..last overlaps up to.")] = None,
    min_articles: Annotated[int, Query(ge=1, le=100000, description="Stories told by at least this many articles.")] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    format: Format = "json",
) -> Any:
    """Articles about the same story in any language, with an English title; earliest first, undated last."""
    lo, hi = day_range(date_from, "date_from"), day_range(date_to, "date_to")
    rows = stories_of(store)
    want_outlet = outlet.casefold() if outlet else None
    out = []
    for s in rows:
        arts = s["articles"]
        if len(arts) < min_articles:
            continue
        if language and not any(a["language"] == language for a in arts):
            continue
        if want_outlet and not any((a["outlet"] or "").casefold() == want_outlet for a in arts):
            continue
        if article_id and not any(a["article"] == article_id for a in arts):
            continue
        if (lo or hi) and not _overlaps(f"{s['first']}/{s['last']}" if s["first"] else None, lo, hi):
            continue
        out.append(s)
    page, nxt = _page(out, _story_key, "stories", cursor, limit)
    if format == "csv":
        rows_csv = [
            {**s, "article_count": len(s["articles"]), "articles": [a["article"] for a in s["articles"]],
             "languages": sorted({a["language"] for a in s["articles"] if a["language"]}),
             "outlets": sorted({a["outlet"] for a in s["articles"] if a["outlet"]})}
            for s in page
        ]
        return csv_response(STORY_COLUMNS, rows_csv, filename="stories.csv", next_cursor=nxt)
    return {"items": page, "next_cursor": nxt}


@router.get("/stories/{story_id}", response_model=StoryModel, responses=problem_responses(404), tags=["stories"],
            summary="One story")
def get_story(store: StoreDep, story_id: str) -> Any:
    """Its articles, its merged events' ids and its date range; its events: ``/api/merged-events?story=ID``,
    the articles' own events: ``/api/events?story=ID``, its framing: ``/api/framing?article=…``."""
    for s in stories_of(store):
        if s["id"] == story_id:
            return s
    raise ProblemError(404, f"no story {story_id!r} in the store")


# -- merged events --------------------------------------------------------------------------------
def merged_events_of(store: Store) -> list[dict[str, Any]]:
    """Every merged event (events-v1 items), singletons included, by first day of its date, then id."""
    from dragoman.corpus.documents import events_document

    return sorted(events_document(_picture(store)), key=_event_key)


def _party_match(parties: list[dict[str, Any]], want: str) -> bool:
    return any(want in (p["id"], p["qid"]) for p in parties)


@router.get("/merged-events", response_model=Page[MergedEventModel], responses=_CSV_RESPONSE,
            tags=["merged events"], summary="List merged events")
def list_merged_events(
    store: StoreDep,
    type: Annotated[str | None, Query(max_length=40, description="Type or PLOVER type: AGREE, ACCEDE, CONSULT…")] = None,
    status: Annotated[str | None, Query(max_length=40, description="occurred, planned, talks, conditional, hypothetical, negated.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Entity id or QID among the actors.")] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="Entity id or QID among the recipients.")] = None,
    date_from: Annotated[str | None, Query(pattern=DayFilter, description="Event date overlaps from: YYYY, YYYY-MM, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(pattern=DayFilter, description="Event date overlaps up to.")] = None,
    story: Annotated[str | None, Query(max_length=100, description="Only this story's merged events.")] = None,
    article_id: Annotated[str | None, Query(max_length=128, description="Merged events with a source in this article.")] = None,
    min_sources: Annotated[int, Query(ge=1, le=100000, description="Told by at least this many article-level events.")] = 1,
    disputed: Annotated[bool | None, Query(description="true: only events whose sources disagree; false: only those that agree.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    format: Format = "json",
) -> Any:
    """The same real-world event across articles and languages as one: each attribute with the sources that
    give it, every disagreement kept (events-v1). Ordered by the first day of the date, undated last."""
    lo, hi = day_range(date_from, "date_from"), day_range(date_to, "date_to")
    out = []
    for e in merged_events_of(store):
        if type and type not in (e["type"], e["plover"]):
            continue
        if status and e["status"] != status:
            continue
        if actor and not _party_match(e["actors"], actor):
            continue
        if recipient and not _party_match(e["recipients"], recipient):
            continue
        if (lo or hi) and not _overlaps(e["date"]["value"] if e["date"] else None, lo, hi):
            continue
        if story and e["story"] != story:
            continue
        if article_id and not any(s["article"] == article_id for s in e["sources"]):
            continue
        if len(e["sources"]) < min_sources:
            continue
        if disputed is not None and bool(e["disagreements"]) != disputed:
            continue
        out.append(e)
    page, nxt = _page(out, _event_key, "merged-events", cursor, limit)
    if format == "csv":
        rows = [
            {**e, "date": e["date"]["value"] if e["date"] else None,
             "granularity": e["date"]["granularity"] if e["date"] else None,
             "actors": [p["id"] for p in e["actors"]], "actor_names": _names(e["actors"]),
             "recipients": [p["id"] for p in e["recipients"]], "recipient_names": _names(e["recipients"]),
             "source_count": len(e["sources"]), "articles": sorted({s["article"] for s in e["sources"]}),
             "languages": sorted({s["language"] for s in e["sources"] if s["language"]}),
             "disagreements": sorted(e["disagreements"])}
            for e in page
        ]
        return csv_response(MERGED_COLUMNS, rows, filename="merged-events.csv", next_cursor=nxt)
    return {"items": page, "next_cursor": nxt}


@router.get("/merged-events/{event_id}", response_model=MergedEventModel, responses=problem_responses(404),
            tags=["merged events"], summary="One merged event")
def get_merged_event(store: StoreDep, event_id: str) -> Any:
    """Its attributes, every source (article, its own event id, evidence spans) and every disagreement."""
    for e in merged_events_of(store):
        if e["id"] == event_id:
            return e
    raise ProblemError(404, f"no merged event {event_id!r} in the store")


# -- the query role narrowed to some articles -------------------------------------------------------
class InArticles:
    """The query role over the events of some articles only (a story's), pages and cursors as the store's.

    Each article is asked on its own (a story has a handful of articles, the
    corpus many) from the same cursor, and the answers are merged in the
    store's order, so a cursor it gives out is one the store would give.
    """

    def __init__(self, facts: Queries, article_ids: set[str]) -> None:
        self.facts = facts
        self.article_ids = article_ids

    def events(self, query: EventQuery) -> RowPage[EventRow]:
        ids = self.article_ids if query.article_id is None else self.article_ids & {query.article_id}
        rows: list[EventRow] = []
        more = False
        for aid in sorted(ids):
            page = self.facts.events(replace(query, article_id=aid))
            rows += page.items
            more = more or page.next_cursor is not None
        rows.sort(key=lambda r: event_sort_key(r.date_value, r.article_id, r.event_id))
        more = more or len(rows) > query.limit
        page_rows = rows[: query.limit]
        last = page_rows[-1] if page_rows else None
        nxt = encode_cursor(event_sort_key(last.date_value, last.article_id, last.event_id)) if more and last else None
        return RowPage(page_rows, nxt)

    def entity_detail(self, entity_id: str) -> EntityDetail | None:
        return self.facts.entity_detail(entity_id)

    def counts(self) -> Counts:
        return self.facts.counts()


__all__ = ["InArticles", "merged_events_of", "router", "stories_of", "story_article_ids"]
