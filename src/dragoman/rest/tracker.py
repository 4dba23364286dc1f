"""The accession tracker through the API: one row per agreement and state (tracker-v1), as JSON or CSV.

Rows are ``corpus.tracker.tracker_report``'s (what ``dragoman tracker
--format json`` prints), in its order: by agreement, then state, by English
name and id; a cursor is the last row's (agreement name, agreement id,
state name, state id).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dragoman.rest.listing import CSV, Format, csv_response, decode, encode
from dragoman.rest.models import Page, TrackerRowModel, TrackerStatus
from dragoman.rest.problems import ProblemError
from dragoman.rest.state import desk_store
from dragoman.store import Store

router = APIRouter(prefix="/api", tags=["tracker"])
StoreDep = Annotated[Store, Depends(desk_store)]
_CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}

COLUMNS = (
    "agreement", "agreement_name", "state", "state_name", "state_qid", "status", "since", "conditions",
    "cited_by", "sources", "articles", "history",
)


def _key(r: dict[str, Any]) -> tuple[str, str, str, str]:
    return (r["agreement"]["canonical"], r["agreement"]["id"], r["state"]["canonical"], r["state"]["id"])


def _names(actor: dict[str, Any], want: str) -> bool:
    """An agreement or a state named by its KB id, its QID or its English name (case-insensitive)."""
    return want.casefold() in (actor["id"].casefold(), (actor["qid"] or "").casefold(), actor["canonical"].casefold())


@router.get("/tracker", response_model=Page[TrackerRowModel], responses=_CSV_RESPONSE, summary="Accession tracker")
def tracker(
    store: StoreDep,
    agreement: Annotated[str | None, Query(max_length=200, description="Agreement by KB id (agreement:…), QID or English name.")] = None,
    state: Annotated[str | None, Query(max_length=200, description="State by KB id (country:KZ), QID or English name.")] = None,
    status: Annotated[TrackerStatus | None, Query(description="The state's current status in the agreement.")] = None,
    as_of: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Only what was published (or documented) on or before this day; undated articles always count.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    format: Format = "json",
) -> Any:
    """Each state's status in each agreement (member, joined, candidate, talks, conditional, declined, blocked,
    withdrawn, mentioned), since when, the conditions cited and by whom, every source and the history over
    publication time (docs/tracker.md)."""
    from dragoman.corpus.tracker import tracker_report

    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise ProblemError(422, f"as_of: {as_of!r} is not a day: give YYYY-MM-DD") from None
    rows = sorted(tracker_report(store, as_of=day), key=_key)
    rows = [
        r for r in rows
        if (not agreement or _names(r["agreement"], agreement)) and (not state or _names(r["state"], state))
        and (not status or r["status"] == status)
    ]
    mark = decode(cursor, "tracker", 4)
    if mark is not None:
        after = tuple(str(x) for x in mark)
        rows = [r for r in rows if _key(r) > after]
    page = rows[:limit]
    nxt = encode("tracker", list(_key(page[-1]))) if len(rows) > limit and page else None
    if format == "csv":
        flat = [
            {
                "agreement": r["agreement"]["id"], "agreement_name": r["agreement"]["canonical"],
                "state": r["state"]["id"], "state_name": r["state"]["canonical"], "state_qid": r["state"]["qid"],
                "status": r["status"], "since": r["since"],
                "conditions": [f"{c['kind']}: {c['gloss']}" for c in r["conditions"]],
                "cited_by": sorted({who for c in r["conditions"] for who in c["cited_by"]}),
                "sources": len(r["sources"]),
                "articles": sorted({s["article"] for s in r["sources"] if s["article"]}),
                "history": [f"{h['date'] or 'undated'}{' (estimated)' if h.get('estimated') else ''} {h['status']}"
                            for h in r["history"]],
            }
            for r in page
        ]
        return csv_response(COLUMNS, flat, filename="tracker.csv", next_cursor=nxt)
    return {"items": page, "next_cursor": nxt}


__all__ = ["router"]
