"""Events, entities, search and corpus counts: the query role through the views, as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dragoman.rest.articles import queries
from dragoman.rest.listing import CSV, By, Format, csv_response, day_range, decode, encode
from dragoman.rest.models import (
    CountsModel,
    EntityRowModel,
    EntityViewModel,
    EventFacets,
    EventPage,
    Page,
    SearchResults,
)
from dragoman.rest.picture import InArticles, story_article_ids
from dragoman.rest.problems import ProblemError
from dragoman.rest.state import desk_store
from dragoman.store import Store
from dragoman.store.queries import EventQuery, Queries, decode_cursor
from dragoman.views import entity_view, event_list_view, to_data
from dragoman.views.facets import event_facets_view

router = APIRouter(prefix="/api", tags=["facts"])
StoreDep = Annotated[Store, Depends(desk_store)]
_CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}

EVENT_COLUMNS = (
    "article_id", "id", "type", "type_label", "status", "date_value", "date", "actors", "actor_names",
    "recipients", "recipient_names", "place", "published", "language", "article_title", "evidence",
)
ENTITY_COLUMNS = ("id", "canonical", "qid", "type", "articles", "mentions", "surface_forms")


# -- events ---------------------------------------------------------------------------------------
def _event_query(
    type: str | None, actor: str | None, recipient: str | None, status: str | None, date_from: str | None,
    date_to: str | None, article_id: str | None, limit: int, cursor: str | None,
) -> EventQuery:
    lo, hi = day_range(date_from, "date_from"), day_range(date_to, "date_to")
    if cursor:
        try:
            decode_cursor(cursor)
        except ValueError as exc:
            raise ProblemError(422, f"cursor: {exc}") from exc
    return EventQuery(
        type=type or None, actor=actor or None, recipient=recipient or None, status=status or None,
        date_from=lo[0] if lo else None, date_to=hi[1] if hi else None, article_id=article_id or None,
        limit=limit, cursor=cursor or None,
    )


Type = Annotated[str | None, Query(max_length=40, description="PLOVER type (or a Dragoman extension): AGREE, CONSULT…")]
Actor = Annotated[str | None, Query(max_length=200, description="Entity id among the actors, e.g. country:AZ.")]
Recipient = Annotated[str | None, Query(max_length=200, description="Entity id among the recipients.")]
Status = Annotated[str | None, Query(max_length=40, description="occurred, planned, reported-talks, negated…")]
DateFrom = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Event date overlaps from: YYYY, YYYY-MM, YYYY-MM-DD.")]
DateTo = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Event date overlaps up to: YYYY, YYYY-MM, YYYY-MM-DD.")]
ArticleId = Annotated[str | None, Query(max_length=128, description="Only this article's events.")]
Story = Annotated[str | None, Query(max_length=100, description="Only the events of this story's articles (st-…).")]


def _facts(store: Store, story: str | None) -> Queries:
    """The query role, narrowed to one story's articles when asked."""
    facts = queries(store)
    return InArticles(facts, story_article_ids(store, story)) if story else facts


@router.get("/events", response_model=EventPage, responses=_CSV_RESPONSE, tags=["events"], summary="List events")
def list_events(
    store: StoreDep,
    type: Type = None,
    actor: Actor = None,
    recipient: Recipient = None,
    status: Status = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    article_id: ArticleId = None,
    story: Story = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    format: Format = "json",
) -> Any:
    """Events across the corpus in one stable order (by date, undated last), glossed in English.

    ``story`` keeps the events of that story's articles (each article's own events; the story's merged
    events are ``/api/merged-events?story=…``)."""
    q = _event_query(type, actor, recipient, status, date_from, date_to, article_id, limit, cursor)
    view = event_list_view(_facts(store, story), q)
    data = to_data(view)
    if story:
        data["filters"]["story"] = story
    body = {"filters": data["filters"], "items": data["events"], "next_cursor": data["next_cursor"]}
    if format == "csv":
        rows = [
            {
                **e,
                "actors": [p["id"] for p in e["actors"]],
                "actor_names": [p["name"] for p in e["actors"]],
                "recipients": [p["id"] for p in e["recipients"]],
                "recipient_names": [p["name"] for p in e["recipients"]],
                "place": e["place"]["id"] if e["place"] else None,
                "evidence": [x["text"] for x in e["evidence"]],
            }
            for e in body["items"]
        ]
        return csv_response(EVENT_COLUMNS, rows, filename="events.csv", next_cursor=body["next_cursor"])
    return body


@router.get("/events/facets", response_model=EventFacets, tags=["events"],
            summary="Event counts by date, type, status and actor")
def event_facets(
    store: StoreDep,
    by: By = "month",
    type: Type = None,
    actor: Actor = None,
    recipient: Recipient = None,
    status: Status = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    article_id: ArticleId = None,
    story: Story = None,
) -> Any:
    """How many filtered events fall in each day, month or year, type, status and actor (every value).

    The dashboard's events page counts with the same view (``views.facets.event_facets_view``), so both
    give the same numbers. A date coarser than ``by`` is counted under its own granularity (a year-only
    date under the year)."""
    facts = _facts(store, story)
    q = _event_query(type, actor, recipient, status, date_from, date_to, article_id, 1000, None)
    view = event_facets_view(facts, q, top=None, by=by)
    counts = {name: {v.value: v.count for v in values}
              for name, values in (("date", view.date or []), ("type", view.type), ("status", view.status),
                                   ("actor", view.actor))}
    labels = {name: {v.value: v.label for v in values}
              for name, values in (("type", view.type), ("status", view.status), ("actor", view.actor))}
    return {"by": by, "total": view.total, "facets": counts, "labels": labels}


# -- entities -------------------------------------------------------------------------------------
@router.get("/entities", response_model=Page[EntityRowModel], responses=_CSV_RESPONSE, tags=["entities"],
            summary="List entities")
def list_entities(
    store: StoreDep,
    type: Annotated[str | None, Query(max_length=40, description="GPE, PERSON, ORG, …")] = None,
    name: Annotated[str | None, Query(max_length=200, description="Part of the canonical name or a surface form.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    format: Format = "json",
) -> Any:
    """Entities across the corpus, most mentioned first."""
    rows = store.entity_table()
    if type:
        rows = [r for r in rows if r.type == type]
    if name:
        want = name.casefold()
        rows = [r for r in rows if want in r.canonical.casefold() or any(want in f.casefold() for f in r.surface_forms)
                or want == (r.qid or "").casefold()]
    key = decode(cursor, "entities", 3)
    if key is not None:
        order = [(-r.mentions, -r.articles, r.id) for r in rows]
        mark = (-int(key[0]), -int(key[1]), str(key[2]))
        rows = [r for r, k in zip(rows, order, strict=True) if k > mark]
    page = rows[:limit]
    nxt = encode("entities", [page[-1].mentions, page[-1].articles, page[-1].id]) if len(rows) > limit and page else None
    items = [{**to_data(r), "surface_forms": list(r.surface_forms)} for r in page]
    if format == "csv":
        return csv_response(ENTITY_COLUMNS, items, filename="entities.csv", next_cursor=nxt)
    return {"items": items, "next_cursor": nxt}


@router.get("/entities/{entity_id:path}", response_model=EntityViewModel, tags=["entities"], summary="One entity")
def get_entity(store: StoreDep, entity_id: str) -> Any:
    """Its names, every mention, its roles in events (with dates) as actor, recipient or place, and its quotes."""
    view = entity_view(queries(store), entity_id)
    if view is None:
        raise ProblemError(404, f"no entity {entity_id!r} in the store")
    return view.to_dict()


# -- search and counts ----------------------------------------------------------------------------
@router.get("/search", response_model=SearchResults, responses=_CSV_RESPONSE, tags=["search"],
            summary="Full-text search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words in any language, an English entity name or a QID.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    format: Format = "json",
) -> Any:
    """Every word required; Arabic and Hebrew spellings and prefixes folded, English stemmed.

    Each hit's snippet comes cut into plain-text ``parts`` with the match marked, to be shown as text."""
    hits = []
    for h in store.search(q, limit=limit):
        a, b = h.snippet_start, h.snippet_end
        parts = [{"text": t, "hit": hit} for t, hit in
                 ((h.snippet[:a], False), (h.snippet[a:b], True), (h.snippet[b:], False)) if t]
        hits.append({"article_id": h.article_id, "title": h.title, "snippet": h.snippet, "start": h.start,
                     "end": h.end, "parts": parts})
    if format == "csv":
        return csv_response(("article_id", "title", "start", "end", "snippet"), hits, filename="search.csv")
    return {"query": q, "hits": hits}


@router.get("/counts", response_model=CountsModel, tags=["facts"], summary="Corpus counts")
def counts(store: StoreDep) -> Any:
    """Articles, events, entities and mentions, with events by type and status and articles by language."""
    return to_data(queries(store).counts())


__all__ = ["router"]
