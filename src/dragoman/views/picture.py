"""Stories, merged events and the timeline as view models (the report's story and timeline pages)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from dragoman.corpus.merge import MergedEvent
from dragoman.corpus.picture import Picture
from dragoman.graph.timeline import timeline
from dragoman.views.base import View
from dragoman.views.events import EvidenceLine, Party
from dragoman.views.labels import date_label, gloss

__all__ = ["MergedEventLine", "StoriesView", "StoryLine", "TimelineBar", "TimelineView", "stories_view", "timeline_view"]


@dataclass(frozen=True, slots=True)
class SourceLine:
    article_id: str
    title: str
    language: str | None
    outlet: str | None
    published: str | None
    event: str
    evidence: list[EvidenceLine]


@dataclass(frozen=True, slots=True)
class ValueLine:
    value: str  # shown as text
    sources: list[int]  # indices into the event's sources


@dataclass(frozen=True, slots=True)
class DisagreementLine:
    attribute: str
    values: list[ValueLine]


@dataclass(frozen=True, slots=True)
class MergedEventLine:
    id: str
    type: str
    type_label: str
    status: str
    actors: list[Party]
    recipients: list[Party]
    date: str | None  # "2025-03 (month)"
    date_value: str | None
    estimated: bool
    disagreements: list[DisagreementLine]
    precursor_of: list[str]
    sources: list[SourceLine]

    @property
    def articles(self) -> int:
        return len({s.article_id for s in self.sources})


@dataclass(frozen=True, slots=True)
class StoryArticle:
    article_id: str
    title: str
    language: str | None
    outlet: str | None
    published: str | None
    copy_of: str | None  # the first article of its near-duplicate group, when it is a copy


@dataclass(frozen=True, slots=True)
class StoryLine:
    id: str
    title: str
    languages: list[str]
    outlets: list[str]
    first: str | None
    last: str | None
    articles: list[StoryArticle]
    events: list[MergedEventLine]  # best sourced first


@dataclass(slots=True)
class StoriesView(View):
    stories: list[StoryLine]


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def merged_line(m: MergedEvent) -> MergedEventLine:
    return MergedEventLine(
        id=m.id,
        type=m.type,
        type_label=gloss("event_types", m.type),
        status=m.status,
        actors=[Party(p.id, p.canonical) for p in m.actors],
        recipients=[Party(p.id, p.canonical) for p in m.recipients],
        date=date_label(m.date, m.granularity or "") if m.date else None,
        date_value=m.date,
        estimated=m.estimated,
        disagreements=[
            DisagreementLine(attr, [ValueLine(_shown(v), list(idx)) for v, idx in values])
            for attr, values in m.disagreements.items()
        ],
        precursor_of=list(m.precursor_of),
        sources=[
            SourceLine(
                s.article.id, s.article.title, s.article.language, s.article.outlet, s.article.published, s.event.id,
                [EvidenceLine(a, b, t) for a, b, t in s.event.evidence],
            )
            for s in m.sources
        ],
    )


def stories_view(picture: Picture) -> StoriesView:
    merged = {m.id: m for m in picture.events}
    copy_of = {x: g[0] for g in picture.duplicates for x in g[1:]}
    lines = []
    for s in picture.stories:
        events = sorted((merged_line(merged[i]) for i in s.events), key=lambda e: (-e.articles, -len(e.sources), e.id))
        lines.append(
            StoryLine(
                s.id, s.title, s.languages, s.outlets, s.first, s.last,
                [StoryArticle(a.id, a.title, a.language, a.outlet, a.published, copy_of.get(a.id)) for a in s.articles],
                events,
            )
        )
    lines.sort(key=lambda s: (-len(s.articles), s.id))
    return StoriesView(lines)


@dataclass(frozen=True, slots=True)
class TimelineBar:
    event: str
    label: str
    date: str  # "2025-03 (month)"
    granularity: str
    left: float  # percent of the axis
    width: float  # percent: the days the date stands for, never less than a sliver
    open_start: bool
    open_end: bool
    estimated: bool
    disputed: bool
    sources: int
    story: str | None


@dataclass(slots=True)
class TimelineView(View):
    start: str | None
    end: str | None
    ticks: list[tuple[str, float]]  # (year, percent)
    bars: list[TimelineBar]
    undated: int


def timeline_view(picture: Picture, *, story: str | None = None, since: date | None = None) -> TimelineView:
    """Bars over a common axis: a month spans its month, a year its year; open ends reach the axis' edge."""
    t = timeline(picture, story=story)
    entries = [e for e in t.entries if since is None or (e.end or date.max) >= since]
    ends = [d for e in entries for d in (e.start, e.end) if d is not None]
    if not ends:
        return TimelineView(None, None, [], [], t.undated)
    lo, hi = min(ends), max(ends)
    span = max(1, (hi - lo).days + 1)

    def pct(d: date) -> float:
        return round(100 * (d - lo).days / span, 3)

    bars = []
    for e in entries:
        start, end = e.start or lo, e.end or hi
        left = pct(start)
        width = max(0.4, round(100 * ((end - start).days + 1) / span, 3))
        bars.append(
            TimelineBar(
                e.event, e.label, date_label(e.value, e.granularity), e.granularity, left, min(width, 100 - left + 0.4),
                e.start is None, e.end is None, e.estimated, e.disputed, e.sources, e.story,
            )
        )
    step = max(1, (hi.year - lo.year) // 12 + 1)
    ticks = [(str(y), pct(date(y, 1, 1))) for y in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1, step)]
    return TimelineView(lo.isoformat(), hi.isoformat(), ticks, bars, t.undated)
