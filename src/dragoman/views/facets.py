"""Facets of a filtered event list: how many of the matching events each type, status and actor has.

What narrowing the filters further would give, counted over every event
the filters match (not one page), from the query role; JSON-able, so the
dashboard's facet lists and an API's facet answer can be the same numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dragoman.store.queries import EventQuery, Queries
from dragoman.views.base import View
from dragoman.views.labels import gloss
from dragoman.views.overview import iter_events

__all__ = ["FacetValue", "EventFacetsView", "event_facets_view"]


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


def _top(counts: Counter[str], label: dict[str, str] | None, table: str, top: int) -> list[FacetValue]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [FacetValue(k, label[k] if label is not None else gloss(table, k), n) for k, n in ordered]


def event_facets_view(facts: Queries, query: EventQuery | None = None, *, top: int = 25) -> EventFacetsView:
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    names: dict[str, str] = {}
    total = 0
    for ev in iter_events(facts, query):
        total += 1
        types[ev.type] += 1
        statuses[ev.status] += 1
        for a in dict.fromkeys(ev.actors):
            actors[a] += 1
            names.setdefault(a, ev.name(a))
    return EventFacetsView(
        total=total,
        type=_top(types, None, "event_types", top),
        status=_top(statuses, None, "event_status", top),
        actor=_top(actors, names, "", top),
    )
