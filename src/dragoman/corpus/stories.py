"""Stories across languages: articles about the same story, whatever language they are in.

Two articles are linked when their similarity reaches ``threshold``; a story
is a group of linked articles (near-duplicates are always together) joined
strongest link first, never spanning more than ``max_span_days`` of publication.
The similarity is a function of the two articles alone, so stories do not
depend on ingest order:

* **entities**: overlap of the participants (QID or cross-script name key)
  each article mentions most, weighted by mentions; QIDs are the same in
  every language, which is what carries a story across scripts;
* **event signatures**: overlap of (family, participant) pairs of their events;
* **embeddings**: cosine of the bundled multilingual encoder's passage
  vectors (multilingual-e5-small) of headline and lead, when both have one;
* **dates**: articles published more than ``max_days`` apart are not linked,
  and the score fades over that window.

Blocking: an article writes one key per (top participant, publication week)
and asks for its own week and the next and previous ones (and for undated
articles); only articles sharing such a key are compared, so a new dated
article's cost follows how many articles share its main actors in a
three-week window, not corpus size.  An undated article is compared with
every article sharing a top participant.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from dragoman.corpus.facts import ArticleFacts
from dragoman.corpus.merge import MergedEvent

__all__ = ["StorySettings", "Story", "block_keys", "query_keys", "similarity", "stories", "story_title"]

TOP = 6  # participants per article that make its blocking keys and entity profile


@dataclass(frozen=True)
class StorySettings:
    threshold: float = 0.42
    max_days: int = 21  # two articles farther apart are not linked
    max_span_days: int = 60  # a story's first and last article at most this far apart


def _profile(f: ArticleFacts) -> dict[str, float]:
    top = sorted(f.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    total = sum(math.sqrt(n) for _, n in top) or 1.0
    return {k: math.sqrt(n) / total for k, n in top if n > 0}


def _signatures(f: ArticleFacts) -> set[str]:
    return {f"{e.family}|{p.key}" for e in f.events for p in (*e.actors, *e.recipients)}


def _day(f: ArticleFacts) -> date | None:
    return date.fromisoformat(f.published) if f.published else None


def _week(d: date | None) -> str:
    if d is None:
        return "undated"
    y, w, _ = d.isocalendar()
    return f"{y}W{w:02d}"


def block_keys(f: ArticleFacts) -> list[str]:
    """The keys an article is filed under: (participant, week), and (participant, any) when dated."""
    d = _day(f)
    buckets = [_week(d), "any"] if d is not None else [_week(None)]
    return [f"s|{k}|{b}" for k in _profile(f) for b in buckets]


def query_keys(f: ArticleFacts) -> list[str]:
    """The keys an article looks up: its top participants in its week and either side, and undated articles.

    An undated article looks up every dated article sharing a participant (the
    ``any`` bucket): only articles without a date pay a cost that grows with the corpus.
    """
    d = _day(f)
    if d is None:
        buckets = [_week(None), "any"]
    else:
        buckets = [*sorted({_week(d + timedelta(days=7 * i)) for i in (-1, 0, 1)}), _week(None)]
    return [f"s|{k}|{b}" for k in _profile(f) for b in buckets]


def _cosine(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> float | None:
    if not a or not b or len(a) != len(b):
        return None
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else None


def similarity(a: ArticleFacts, b: ArticleFacts, settings: StorySettings | None = None) -> float:
    """0..1: how much two articles look like one story (symmetric)."""
    settings = settings or StorySettings()
    da, db = _day(a), _day(b)
    fade = 1.0
    if da and db:
        gap = abs((da - db).days)
        if gap > settings.max_days:
            return 0.0
        fade = 1.0 - 0.3 * gap / settings.max_days
    pa, pb = _profile(a), _profile(b)
    ent = sum(min(pa[k], pb[k]) for k in pa.keys() & pb.keys())
    sa, sb = _signatures(a), _signatures(b)
    sig = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
    cos = _cosine(a.embedding, b.embedding)
    if cos is None:
        score = 0.65 * ent + 0.35 * sig
    else:
        # e5 cosines of unrelated news sit around 0.75-0.8; stretch the useful range to 0..1.
        emb = min(1.0, max(0.0, (cos - 0.78) / 0.14))
        score = 0.45 * ent + 0.25 * sig + 0.3 * emb
    return round(score * fade, 4)


@dataclass
class Story:
    id: str
    title: str
    articles: list[ArticleFacts]
    events: list[str] = field(default_factory=list)  # merged event ids
    duplicates: list[list[str]] = field(default_factory=list)  # groups of near-duplicate article ids

    @property
    def languages(self) -> list[str]:
        return sorted({a.language for a in self.articles if a.language})

    @property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles if a.outlet})

    @property
    def first(self) -> str | None:
        days = [a.published for a in self.articles if a.published]
        return min(days) if days else None

    @property
    def last(self) -> str | None:
        days = [a.published for a in self.articles if a.published]
        return max(days) if days else None


def story_id(article_ids: Iterable[str]) -> str:
    return "st-" + hashlib.sha256(min(article_ids).encode("utf-8")).hexdigest()[:16]


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of ``nodes`` (each sorted; groups by first member)."""
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in sorted(parent):
        groups[find(n)].append(n)
    return sorted(groups.values(), key=lambda g: g[0])


def story_groups(
    facts: Mapping[str, ArticleFacts],
    story_edges: Iterable[tuple[str, str, float]],
    duplicate_groups: list[list[str]],
    max_span_days: int,
) -> list[list[str]]:
    """Articles grouped into stories: copies together, then linked pairs strongest first within a window.

    A join is refused when the articles of the two groups were published more than
    ``max_span_days`` apart (first to last): linked pairs can chain (a 2023 article, an
    undated one, a 2025 one), and a story is what happened around one time, not
    everything about the same countries.  Undated articles do not stretch the span.
    Ties are broken by ids, so the groups depend on the set of links, not on their order.
    """
    parent = {n: n for n in facts}
    span: dict[str, tuple[date, date] | None] = {}
    for i, f in facts.items():
        d = _day(f)
        span[i] = (d, d) if d else None

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str, limit: int | None) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        sa, sb = span[ra], span[rb]
        if limit is None:  # a copy: the story keeps the original's days, a republication does not stretch it
            both = min(sa, sb) if sa and sb else (sa or sb)
        else:
            both = (min(sa[0], sb[0]), max(sa[1], sb[1])) if sa and sb else (sa or sb)
            if both is not None and (both[1] - both[0]).days > limit:
                return
        ra, rb = min(ra, rb), max(ra, rb)
        parent[rb] = ra
        span[ra] = both

    for g in duplicate_groups:  # a copy is the same story whenever it was republished
        for x in g[1:]:
            join(g[0], x, None)
    ordered = sorted({(min(a, b), max(a, b)): s for a, b, s in story_edges if a in parent and b in parent}.items(),
                     key=lambda kv: (-kv[1], kv[0]))
    for (a, b), _ in ordered:
        join(a, b, max_span_days)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in sorted(parent):
        groups[find(n)].append(n)
    return sorted(groups.values(), key=lambda g: g[0])


def stories(
    facts: Mapping[str, ArticleFacts],
    story_edges: Iterable[tuple[str, str, float]],
    duplicate_groups: list[list[str]],
    merged: list[MergedEvent],
    settings: StorySettings | None = None,
) -> list[Story]:
    """Stories from linked article pairs; each merged event is given the story most of its sources are in."""
    settings = settings or StorySettings()
    groups = story_groups(facts, story_edges, duplicate_groups, settings.max_span_days)
    story_of: dict[str, str] = {}
    out: list[Story] = []
    for g in groups:
        s = Story(story_id(g), "", [facts[i] for i in g])
        s.articles.sort(key=lambda a: (a.published or "9999", a.id))
        s.duplicates = [d for d in duplicate_groups if len(d) > 1 and d[0] in set(g)]
        out.append(s)
        for i in g:
            story_of[i] = s.id
    by_id = {s.id: s for s in out}
    for m in merged:
        votes = Counter(story_of[src.article.id] for src in m.sources)
        m.story = min(votes, key=lambda sid: (-votes[sid], sid))
        by_id[m.story].events.append(m.id)
    for s in out:
        s.title = story_title(s, [m for m in merged if m.story == s.id])
    return sorted(out, key=lambda s: (s.first or "9999", s.id))


def story_title(story: Story, merged: list[MergedEvent]) -> str:
    """An English title from the story's best-sourced merged event and its most mentioned participants.

    Of the events told by the most articles, a treaty or accession code before a generic
    one, then the one whose actor the story mentions most, is the headline: in a story
    about Kazakhstan's accession, Kazakhstan's joining rather than the condition a US
    official put on it.
    """
    from dragoman.views.labels import gloss

    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for a in story.articles:
        for k, n in a.entities.items():
            counts[k] += n
            if k in a.names and (k not in names or a.names[k].qid):
                names[k] = a.names[k].canonical
    top = [names[k] for k, _ in counts.most_common(4) if k in names]
    # the event most articles tell; among those a treaty or accession code (ACCEDE, NORMALIZE, ...:
    # the project's own, finer than the PLOVER type), then the one whose doer the story is most about
    ranked = sorted(
        (m for m in merged if (m.actors or m.recipients) and m.plover is not None),
        key=lambda m: (
            -len({s.article.id for s in m.sources}),
            m.type == m.family,
            -max((counts[p.key] for p in m.actors), default=0),
            -len(m.sources),
            m.id,
        ),
    )
    if not ranked:
        return ", ".join(top) if top else (story.articles[0].title or story.id)
    m = ranked[0]
    what = gloss("event_types", m.type).split(" (")[0].split(",")[0]
    who = " and ".join(p.canonical for p in m.actors[:2])
    whom = " and ".join(p.canonical for p in m.recipients[:2])
    status = "" if m.status == "occurred" else f" ({m.status})"
    head = f"{who}: {what}{' — ' + whom if whom else ''}{status}" if who else f"{what}: {whom}{status}"
    others = [n for n in top if n not in {p.canonical for p in (*m.actors, *m.recipients)}][:3]
    return head + (f"; with {', '.join(others)}" if others else "")
