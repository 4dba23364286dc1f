"""Facets of a filtered event list: how many of the matching events each type, status and actor has.

What narrowing the filters further would give, counted over every event
the filters match (not one page), from the query role; JSON-able, so the
dashboard's facet lists and the API's facet answer (``/api/events/facets``)
are the same numbers.  Asked for, the dates are counted too, by day, month
or year, honestly: a date coarser than the bucket is counted under its own
granularity (``date_bucket``), never silently in the first day or month.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from dragoman.model.timeline import interval
from dragoman.store.queries import EventQuery, Queries
from dragoman.views.base import View
from dragoman.views.labels import gloss
from dragoman.views.overview import iter_events

__all__ = ["By", "EventFacetsView", "FacetValue", "date_bucket", "event_facets_view"]

By = Literal["day", "month", "year"]
_WIDTH = {"year": 4, "month": 7, "day": 10}
_LEVELS: tuple[By, ...] = ("day", "month", "year")


def date_bucket(value: str | None, by: By) -> str:
    """The bucket of a date value (an ISO date, month, year, interval or vague range) at ``by``.

    The value's own granularity wins when it is coarser than ``by``: a date
    spanning several months is counted under its year, one spanning years
    (or open-ended) under ``"span"``; no date at all is ``"undated"``.
    """
    span = interval(value) if value else None
    if span is None:
        return "undated"
    lo, hi = span
    if lo == date.min or hi == date.max:
        return "span"
    for level in _LEVELS[_LEVELS.index(by):]:
        w = _WIDTH[level]
        if lo.isoformat()[:w] == hi.isoformat()[:w]:
            return lo.isoformat()[:w]
    return "span"


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str  # what the filter takes: a type code, a status, an entity id
    label: str  # in English
    count: int


@dataclass(slots=True)
class EventFacetsView(View):
    total: int  # events matching the filters
    type: list[FacetValue]
    status: list[FacetValue]
    actor: list[FacetValue]  # entities among the actors, counted once per event
    by: By | None = None  # the date buckets' size, when dates were counted
    date: list[FacetValue] | None = None  # chronological; "span" and "undated" last


def _top(counts: Counter[str], label: dict[str, str] | None, table: str, top: int | None) -> list[FacetValue]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [FacetValue(k, label[k] if label is not None else gloss(table, k), n) for k, n in ordered]


def event_facets_view(
    facts: Queries, query: EventQuery | None = None, *, top: int | None = 25, by: By | None = None
) -> EventFacetsView:
    """Counts over every event ``query``'s filters match: the ``top`` values of each facet (``None``: all),
    and the dates bucketed ``by`` day, month or year when asked."""
    types: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    names: dict[str, str] = {}
    total = 0
    for ev in iter_events(facts, query):
        total += 1
        types[ev.type] += 1
        statuses[ev.status] += 1
        if by is not None:
            dates[date_bucket(ev.date_value, by)] += 1
        for a in dict.fromkeys(ev.actors):
            actors[a] += 1
            names.setdefault(a, ev.name(a))
    return EventFacetsView(
        total=total,
        type=_top(types, None, "event_types", top),
        status=_top(statuses, None, "event_status", top),
        actor=_top(actors, names, "", top),
        by=by,
        date=None if by is None else [
            FacetValue(k, k, n) for k, n in sorted(dates.items(), key=lambda kv: (kv[0] in ("span", "undated"), kv[0]))
        ],
    )
