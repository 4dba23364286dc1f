"""Dated events on a timeline, each drawn over the days its date really covers: JSON-able.

Honest granularity: an event dated "March 2025" is a bar over all of March,
not a point on the 1st; a year is a year.  Dates that are estimates (a
season, a decade, "recently", an approximate anchor, an open range) are
flagged so a chart can draw them differently.  Undated events are counted,
not placed.  Built from the query role, as the event list is; today these
are article-level events (one per article that reports it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dragoman.model.timeline import interval
from dragoman.store.queries import EventQuery, Queries
from dragoman.views.base import View
from dragoman.views.labels import date_label, gloss
from dragoman.views.overview import iter_events

__all__ = ["TimelineItem", "TimelineView", "merged_timeline_view", "timeline_view"]

# Granularities that do not pin the date down: shown as estimates.
ESTIMATED = frozenset({"season", "decade", "vague", "unresolved"})


@dataclass(frozen=True, slots=True)
class TimelineItem:
    article_id: str
    event_id: str
    start: str  # first day the date covers (ISO)
    end: str  # last day it covers (ISO)
    granularity: str
    estimated: bool
    date: str  # the date as a label: "2025-03 (month)"
    type: str
    label: str  # "actors: type → recipients" in English
    title: str | None  # the article's
    sources: int = 1  # articles reporting it (a merged event's sources)
    disputed: bool = False  # its sources disagree on the date


@dataclass(slots=True)
class TimelineView(View):
    filters: dict[str, str]
    items: list[TimelineItem]  # by start, then article and event id
    undated: int  # matching events with no date, or one too open to place
    by_granularity: dict[str, int]
    merged: bool = False  # the corpus layer's merged events rather than each article's own


def _estimated(value: str, granularity: str) -> bool:
    return granularity in ESTIMATED or "~" in value or ".." in value


def timeline_view(facts: Queries, query: EventQuery | None = None) -> TimelineView:
    query = query or EventQuery()
    items: list[TimelineItem] = []
    undated = 0
    by_granularity: dict[str, int] = {}
    for ev in iter_events(facts, query):
        span = interval(ev.date_value)
        if span is None or span[0] == date.min or span[1] == date.max:
            # An open end ("some time before March") has no honest place on an axis.
            undated += 1
            continue
        granularity = ev.date_granularity or "day"
        by_granularity[granularity] = by_granularity.get(granularity, 0) + 1
        actors = ", ".join(ev.name(a) for a in ev.actors) or "(no actor found)"
        recipients = ", ".join(ev.name(r) for r in ev.recipients)
        items.append(
            TimelineItem(
                article_id=ev.article_id,
                event_id=ev.event_id,
                start=span[0].isoformat(),
                end=span[1].isoformat(),
                granularity=granularity,
                estimated=_estimated(ev.date_value or "", granularity),
                date=date_label(ev.date_value, granularity),
                type=ev.type,
                label=f"{actors}: {gloss('event_types', ev.type)}" + (f" → {recipients}" if recipients else ""),
                title=ev.title,
            )
        )
    filters = {k: v for k, v in (("type", query.type), ("actor", query.actor), ("status", query.status)) if v}
    return TimelineView(filters, items, undated, dict(sorted(by_granularity.items())))


def merged_timeline_view(timeline: Any) -> TimelineView:
    """The same view over the corpus layer's merged events (``dragoman.graph.timeline.timeline(picture)``).

    Taken as it comes (entries with start/end days, granularity, estimate,
    dispute and source count), so this module does not depend on the corpus
    layer; an entry open at either end is counted with the undated, as above.
    """
    items: list[TimelineItem] = []
    undated = int(timeline.undated)
    by_granularity: dict[str, int] = {}
    for e in timeline.entries:
        if e.start is None or e.end is None:
            undated += 1
            continue
        granularity = e.granularity or "day"
        by_granularity[granularity] = by_granularity.get(granularity, 0) + 1
        items.append(
            TimelineItem(
                article_id="",
                event_id=e.event,
                start=e.start.isoformat(),
                end=e.end.isoformat(),
                granularity=granularity,
                estimated=bool(e.estimated) or _estimated(e.value or "", granularity),
                date=date_label(e.value, granularity),
                type="",
                label=e.label,
                title=None,
                sources=int(e.sources),
                disputed=bool(e.disputed),
            )
        )
    items.sort(key=lambda it: (it.start, it.end, it.event_id))
    return TimelineView({}, items, undated, dict(sorted(by_granularity.items())), merged=True)
