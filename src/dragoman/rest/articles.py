"""Articles: a filtered, paged listing (JSON or CSV) with facets, one article as Article JSON v2 or as a view.

The listing reads the store's article rows (no documents) and filters them
here; the order is newest published first, undated last, then id, and a
cursor is the last row's (published, id), so pages stay put while articles
are added or removed.  "Has an event of type X" asks the query role.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from dragoman.rest.listing import CSV, By, Format, bucket, csv_response, day_range, decode, encode
from dragoman.rest.models import ArticleRowModel, ArticleViewModel, Facets, Page
from dragoman.rest.problems import ProblemError
from dragoman.rest.state import desk_store
from dragoman.serialize import to_json
from dragoman.store import ArticleRow, Store
from dragoman.store.queries import EventQuery, Queries
from dragoman.views import article_view

router = APIRouter(prefix="/api/articles", tags=["articles"])
StoreDep = Annotated[Store, Depends(desk_store)]
COLUMNS = ("id", "title", "url", "outlet", "path", "language", "published", "pipeline", "stored_at")
_CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}


def queries(store: Store) -> Queries:
    if not isinstance(store, Queries):
        raise ProblemError(501, f"{type(store).__name__} does not answer queries")
    return store


def with_event_type(store: Store, event_type: str) -> set[str]:
    """Ids of articles with at least one event of ``event_type`` (corrections applied)."""
    facts = queries(store)
    ids: set[str] = set()
    cursor: str | None = None
    while True:
        page = facts.events(EventQuery(type=event_type, limit=1000, cursor=cursor))
        ids.update(r.article_id for r in page.items)
        cursor = page.next_cursor
        if cursor is None:
            return ids


SEARCH_LIMIT = 1000  # articles a full-text filter considers, best matches first


def _filtered(
    store: Store, outlet: str | None, language: str | None, published_from: str | None,
    published_to: str | None, event_type: str | None, q: str | None = None,
) -> list[ArticleRow]:
    lo = day_range(published_from, "published_from")
    hi = day_range(published_to, "published_to")
    rows = store.list_articles(language=language or None)
    if outlet:
        want = outlet.casefold()
        rows = [r for r in rows if (r.outlet or "").casefold() == want]
    if lo or hi:
        first, last = (lo[0] if lo else date.min), (hi[1] if hi else date.max)
        rows = [r for r in rows if r.published and first <= date.fromisoformat(r.published[:10]) <= last]
    if event_type:
        ids = with_event_type(store, event_type)
        rows = [r for r in rows if r.id in ids]
    if q:
        found = {h.article_id for h in store.search(q, limit=SEARCH_LIMIT)}
        rows = [r for r in rows if r.id in found]
    rows.sort(key=lambda r: r.id)
    rows.sort(key=lambda r: r.published or "", reverse=True)  # stable: id order within a day
    return rows


def _after(rows: list[ArticleRow], key: list[Any]) -> list[ArticleRow]:
    pub, aid = str(key[0]), str(key[1])
    return [r for r in rows if (r.published or "") < pub or ((r.published or "") == pub and r.id > aid)]


Outlet = Annotated[str | None, Query(max_length=200, description="Exact outlet name (case-insensitive).")]
Language = Annotated[str | None, Query(max_length=20, description="Language code: ar, he, en.")]
From = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")]
To = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Published on or before: YYYY, YYYY-MM or YYYY-MM-DD.")]
EventType = Annotated[str | None, Query(max_length=40, description="Only articles with an event of this type.")]
Q = Annotated[str | None, Query(max_length=500, description="Only articles the full-text search finds (every word).")]


@router.get("", response_model=Page[ArticleRowModel], responses=_CSV_RESPONSE, summary="List articles")
def list_articles(
    store: StoreDep,
    outlet: Outlet = None,
    language: Language = None,
    published_from: From = None,
    published_to: To = None,
    event_type: EventType = None,
    q: Q = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    format: Format = "json",
) -> Any:
    """Stored articles, newest published first (undated last); every filter given must hold."""
    rows = _filtered(store, outlet, language, published_from, published_to, event_type, q)
    key = decode(cursor, "articles", 2)
    if key is not None:
        rows = _after(rows, key)
    page = rows[:limit]
    nxt = encode("articles", [page[-1].published or "", page[-1].id]) if len(rows) > limit and page else None
    items = [{c: getattr(r, c) for c in COLUMNS} for r in page]
    if format == "csv":
        return csv_response(COLUMNS, items, filename="articles.csv", next_cursor=nxt)
    return {"items": items, "next_cursor": nxt}


@router.get("/facets", response_model=Facets, summary="Article counts by date, outlet and language")
def article_facets(
    store: StoreDep,
    by: By = "month",
    outlet: Outlet = None,
    language: Language = None,
    published_from: From = None,
    published_to: To = None,
    event_type: EventType = None,
    q: Q = None,
) -> Any:
    """How many of the filtered articles fall in each day, month or year of publication, outlet and language."""
    rows = _filtered(store, outlet, language, published_from, published_to, event_type, q)
    return {
        "by": by,
        "total": len(rows),
        "facets": {
            "published": dict(sorted(Counter(bucket(r.published, by) for r in rows).items())),
            "outlet": dict(Counter(r.outlet or "unknown" for r in rows).most_common()),
            "language": dict(Counter(r.language or "unknown" for r in rows).most_common()),
        },
    }


def _article(store: Store, article_id: str) -> Any:
    article = store.get_article(article_id)
    if article is None:
        raise ProblemError(404, f"no article {article_id!r} in the store")
    return article


@router.get(
    "/{article_id}",
    response_model=dict[str, Any],
    responses={200: {"description": "Article JSON v2 (docs/article-json.md), the analysts' corrections applied."}},
    summary="One article as Article JSON v2",
)
def get_article(
    store: StoreDep,
    article_id: str,
    input_bytes: Annotated[bool, Query(description="Include the input bytes (base64).")] = False,
) -> Any:
    """Every layer and span of the current revision, with the corrections in force applied."""
    return JSONResponse(to_json(_article(store, article_id), embed_bytes=input_bytes))


@router.get("/{article_id}/view", response_model=ArticleViewModel, summary="One article as the reader shows it")
def get_article_view(store: StoreDep, article_id: str) -> Any:
    """Text, highlight marks and flat segments, glossed facts: what the dashboard's reader renders."""
    return article_view(_article(store, article_id)).to_dict()


__all__ = ["queries", "router", "with_event_type"]
