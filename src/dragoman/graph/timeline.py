"""A timeline of merged events where granularity is honest.

Each dated merged event becomes an entry spanning the days its date stands
for (``model.timeline.interval``): a month is drawn as the whole month, a
year as the year, never as its first day; an estimate (a relative or vague
date resolved against an anchor) is marked.  Events without a date are
counted, not placed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dragoman.corpus.merge import MergedEvent
from dragoman.corpus.picture import Picture

__all__ = ["Entry", "Timeline", "timeline"]


@dataclass(frozen=True, slots=True)
class Entry:
    event: str  # merged event id
    label: str
    value: str  # the date as given
    granularity: str
    start: date | None  # None: open at the start ("some time before March")
    end: date | None  # None: open at the end
    estimated: bool
    disputed: bool  # sources disagree on the date
    sources: int
    story: str | None


@dataclass(frozen=True, slots=True)
class Timeline:
    entries: list[Entry]
    undated: int


def _label(m: MergedEvent) -> str:
    who = ", ".join(p.canonical for p in m.actors[:2])
    whom = ", ".join(p.canonical for p in m.recipients[:2])
    return f"{who or '?'} {m.type} {whom}".strip() + ("" if m.status == "occurred" else f" ({m.status})")


def timeline(picture: Picture, *, story: str | None = None) -> Timeline:
    entries: list[Entry] = []
    undated = 0
    for m in picture.events:
        if story is not None and m.story != story:
            continue
        days = m.days
        if m.date is None or days is None:
            undated += 1
            continue
        start = None if days[0] == date.min else days[0]
        end = None if days[1] == date.max else days[1]
        entries.append(Entry(m.id, _label(m), m.date, m.granularity or "", start, end, m.estimated,
                             "date" in m.disagreements, len(m.sources), m.story))
    entries.sort(key=lambda e: (e.start or date.min, e.end or date.max, e.event))
    return Timeline(entries, undated)
