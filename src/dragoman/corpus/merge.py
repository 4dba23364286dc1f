"""Cross-article event merging: the same real-world event, however many articles report it, is one.

Two article-level events from different articles *may* be one event when

* their types are of one family (the PLOVER type they roll up to) and one
  is the other or its generic type (``ACCEDE`` meets ``ACCEDE`` or
  ``COOPERATE``, never ``NORMALIZE``);
* their statuses are of one class (``facts.status_class``): a planned
  accession and an accession that happened are two events, linked later as
  precursor and outcome; a denial is neither;
* they share a participant (by QID or cross-script name key) and their
  actors do not contradict each other: two disjoint sets of *states* as
  actors are two events, while a person or organisation may stand for a
  state (extraction often gives the speaker or the leader as the actor);
* their dates are compatible at their granularity: overlapping intervals
  (a month contains its days) agree; intervals at most ``max_gap_days``
  apart are one event whose sources disagree on the date; farther apart,
  two events.

Which pairs may be one is decided pair by pair (``link``), from the two
events alone; in a symmetric code two events naming different pairs of states
are two, and an undated realised act meets a dated one only through a
non-state participant in the same role.  The merged events are then built from
the scored pairs, strongest first, never putting two events of one article
together (the extractor already made within-article repeats one event), and
only when every event of one side is linked to every event of the other
(complete linkage, so a chain of pairs joins nothing no pair would).  Ties are broken
by ids, so the result depends on the set of articles, not on the order in
which they came.

A merged event keeps every source and, per attribute, every value with the
sources that give it; where values conflict (two dates that do not contain
one another, two statuses, two types) the attribute is listed under
``disagreements``.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dragoman.corpus.facts import STATEMENT, ArticleFacts, EventFacts, Party, status_class
from dragoman.events.plover import plover_code
from dragoman.model.timeline import interval

__all__ = ["MergeSettings", "MergedEvent", "Source", "link", "merge_events", "precursor_links"]

# Event types where "A met B" and "B met A" say the same thing: roles may be swapped.
_SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "NORMALIZE", "ASSAULT"})
_STATE_TYPES = frozenset({"GPE"})


@dataclass(frozen=True)
class MergeSettings:
    max_gap_days: int = 45  # dates farther apart are two events, not a disagreement


def _type_compatible(a: EventFacts, b: EventFacts) -> bool:
    if a.family != b.family:
        return False
    return a.type == b.type or a.type == a.family or b.type == b.family


def _states(parties: Iterable[Party]) -> set[str]:
    return {p.key for p in parties if p.type in _STATE_TYPES}


def _date_gap(a: EventFacts, b: EventFacts) -> int | None:
    """Days between the two dates' intervals (0 when they overlap); None when either has none."""
    ia, ib = interval(a.date), interval(b.date)
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return _days(ia[1], ib[0])
    if ib[1] < ia[0]:
        return _days(ib[1], ia[0])
    return 0


def _days(lo: date, hi: date) -> int:
    try:
        return (hi - lo).days
    except OverflowError:  # an open end (date.min / date.max)
        return 0


def link(a: EventFacts, b: EventFacts, settings: MergeSettings | None = None) -> float | None:
    """How strongly two events of different articles look like one event; None when they cannot be."""
    settings = settings or MergeSettings()
    if a.article == b.article or not _type_compatible(a, b):
        return None
    if status_class(a.status) != status_class(b.status):
        return None
    shared = a.keys & b.keys
    if not shared:
        return None
    if a.type == STATEMENT and not {p.key for p in a.actors} & {p.key for p in b.actors}:
        return None  # a statement is its speaker's: two speakers, two statements
    a_act, b_act = {p.key for p in a.actors}, {p.key for p in b.actors}
    a_rec, b_rec = {p.key for p in a.recipients}, {p.key for p in b.recipients}
    # Roles may be swapped only between two events of one symmetric code; a generic code (COOPERATE)
    # meets a specific one (ACCEDE) only through a participant in the same role.
    sym = a.type == b.type and a.type in _SYMMETRIC
    if a.type != b.type and not (a_act & b_act or a_rec & b_rec):
        return None
    sa, sb = _states(a.actors), _states(b.actors)
    if (
        sa
        and sb
        and not (sa & sb)
        and not (sym and (sa & _states(b.recipients) or sb & _states(a.recipients)))
    ):
        return None  # two different states did it: two events
    if sym:
        # A meeting of Azerbaijan and Israel is not a meeting of Azerbaijan and Armenia: when both name
        # two or more states, one set must hold the other (a source may miss a party, not name another).
        pa, pb = sa | _states(a.recipients), sb | _states(b.recipients)
        if len(pa) > 1 and len(pb) > 1 and not (pa <= pb or pb <= pa):
            return None
    if (a.date is None) != (b.date is None) and status_class(a.status) == "realised":
        # An undated act that shares only states with a dated one is as likely a different act of the
        # same countries (a background "Israel opened an embassy" against one dated decades apart):
        # it joins only through a person, organisation or agreement named in the same role.
        same_role = (a_act & b_act) | (a_rec & b_rec)
        if sym:
            same_role |= (a_act & b_rec) | (a_rec & b_act)
        states = _states((*a.actors, *a.recipients, *b.actors, *b.recipients))
        if not same_role - states:
            return None
    gap = _date_gap(a, b)
    if gap is not None and gap > settings.max_gap_days:
        return None
    score = 2.0 * len(a_act & b_act) + 1.5 * len(a_rec & b_rec)
    if sym:
        score += 1.0 * (len(a_act & b_rec) + len(a_rec & b_act))
    score += 0.5 * len(shared)
    score += 0.5 if a.type == b.type else 0.0
    score += 0.25 if a.status == b.status else 0.0
    if gap == 0:
        score += 0.5
    elif gap is not None:
        score -= 0.5
    return round(score, 3)


@dataclass(frozen=True, slots=True)
class Source:
    article: ArticleFacts
    event: EventFacts


@dataclass
class MergedEvent:
    id: str
    type: str
    plover: str | None
    status: str
    actors: list[Party]
    recipients: list[Party]
    date: str | None
    granularity: str | None
    estimated: bool
    disagreements: dict[str, list[tuple[Any, list[int]]]]
    sources: list[Source]
    precursor_of: list[str] = field(default_factory=list)
    story: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in (*self.actors, *self.recipients))

    @property
    def family(self) -> str:
        return self.sources[0].event.family

    @property
    def days(self) -> tuple[datetime.date, datetime.date] | None:
        return interval(self.date)


def merged_id(event_ids: Iterable[str]) -> str:
    """Named after its first member (by id), so adding sources to it keeps its id."""
    return "me-" + hashlib.sha256(min(event_ids).encode("utf-8")).hexdigest()[:16]


class _Sets:
    """Union-find over event ids that keeps, per set, what a join must not break.

    A set never holds two events of one article, two specific codes of a
    family (``ACCEDE`` and another extension), dates farther apart than
    ``max_gap`` days, or two events that ``link`` did not accept as a pair:
    a join needs every event of one set linked to every event of the other
    (complete linkage), so a chain (a 1991 date, an undated one, a 2025 one;
    a meeting of A and B, one of B and C) cannot join what no single pair would.
    """

    def __init__(self, events: Mapping[str, EventFacts], max_gap: int, linked: set[tuple[str, str]]) -> None:
        self.parent = {i: i for i in events}
        self.linked = linked  # (smaller id, larger id) of every accepted pair
        self.members = {i: [i] for i in events}
        self.max_gap = max_gap
        self.articles = {i: {e.article} for i, e in events.items()}
        self.codes = {i: {e.type} - {e.family} for i, e in events.items()}
        self.bounds: dict[str, tuple[date, date] | None] = {}
        for i, e in events.items():
            iv = e.days
            # (latest start, earliest end): the widest gap between two of the set's dates
            self.bounds[i] = (iv[0], iv[1]) if iv and iv[0] != date.min and iv[1] != date.max else None

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.articles[ra] & self.articles[rb] or len(self.codes[ra] | self.codes[rb]) > 1:
            return False
        ba, bb = self.bounds[ra], self.bounds[rb]
        both = (max(ba[0], bb[0]), min(ba[1], bb[1])) if ba and bb else (ba or bb)
        if both is not None and ba and bb and _days(both[1], both[0]) > self.max_gap:
            return False
        if any((min(x, y), max(x, y)) not in self.linked for x in self.members[ra] for y in self.members[rb]):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.articles[ra] |= self.articles.pop(rb)
        self.codes[ra] |= self.codes.pop(rb)
        self.bounds[ra] = both
        self.bounds.pop(rb)
        return True


def merge_events(
    facts: Mapping[str, ArticleFacts],
    edges: Iterable[tuple[str, str, float]],
    settings: MergeSettings | None = None,
) -> list[MergedEvent]:
    """Every article-level event in exactly one merged event, from the scored pairs ``edges``.

    ``edges`` are (event id, event id, score) of pairs ``link`` accepted; the
    strongest are joined first, and a join that would put two events of one
    article together is skipped.
    """
    events: dict[str, tuple[ArticleFacts, EventFacts]] = {}
    for af in facts.values():
        for ev in af.events:
            events[ev.id] = (af, ev)
    settings = settings or MergeSettings()
    seen: set[tuple[str, str]] = set()
    ordered: list[tuple[float, str, str]] = []
    for a, b, score in edges:
        if a not in events or b not in events:
            continue
        pair = (a, b) if a < b else (b, a)
        if pair not in seen:
            seen.add(pair)
            ordered.append((-score, *pair))
    sets = _Sets({i: events[i][1] for i in sorted(events)}, settings.max_gap_days, seen)
    for _, a, b in sorted(ordered):
        sets.join(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in sorted(events):
        groups[sets.find(i)].append(i)
    merged = [_build([Source(*events[i]) for i in members]) for members in groups.values()]
    return sorted(merged, key=_order)


def _order(m: MergedEvent) -> tuple[date, str]:
    d = m.days
    return (d[0] if d else date.max, m.id)


def _source_order(s: Source) -> tuple[str, str, str]:
    return (s.article.published or "9999", s.article.id, s.event.id)


def _build(sources: list[Source]) -> MergedEvent:
    sources = sorted(sources, key=_source_order)
    evs = [s.event for s in sources]
    disagreements: dict[str, list[tuple[Any, list[int]]]] = {}

    def values(get: Any) -> list[tuple[Any, list[int]]]:
        by: dict[Any, list[int]] = {}
        for i, e in enumerate(evs):
            v = get(e)
            if v is not None:
                by.setdefault(v, []).append(i)
        return sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))

    types = values(lambda e: e.type)
    # The most specific code any source gives (ACCEDE over COOPERATE), then the most given.
    specific = [t for t, _ in types if t != evs[0].family] or [t for t, _ in types]
    type_ = specific[0]
    if len({t for t, _ in types if t != evs[0].family}) > 1:
        disagreements["type"] = types
    statuses = values(lambda e: e.status)
    status = statuses[0][0]
    if len(statuses) > 1:
        disagreements["status"] = statuses
    date_value, gran, estimated, conflict = _date_of(evs)
    if conflict:
        disagreements["date"] = values(lambda e: e.date)
    roles = _oriented([(s.event.actors, s.event.recipients) for s in sources], type_ in _SYMMETRIC)
    actors, actor_sets = _parties([a for a, _ in roles])
    recipients, recipient_sets = _parties([r for _, r in roles])
    for name, sets in (("actors", actor_sets), ("recipients", recipient_sets)):
        if len(sets) > 1:
            disagreements[name] = sets
    return MergedEvent(
        id=merged_id(e.id for e in evs),
        type=type_,
        plover=_plover(type_, status),
        status=status,
        actors=actors,
        recipients=recipients,
        date=date_value,
        granularity=gran,
        estimated=estimated,
        disagreements=disagreements,
        sources=sources,
    )


def _plover(code: str, status: str) -> str | None:
    from dragoman.model import EventStatus

    if code == STATEMENT:
        return None  # PLOVER codes no statements

    try:
        return plover_code(code, EventStatus(status))
    except (KeyError, ValueError):
        return code


Roles = tuple[tuple[Party, ...], tuple[Party, ...]]


def _oriented(roles: list[Roles], symmetric: bool) -> list[Roles]:
    """Each source's (actors, recipients), turned round where a symmetric code's source tells it the other way.

    "Azerbaijan met the US" and "the US met Azerbaijan" are one meeting, not a disagreement about who
    met whom: a source whose actors are only among the parties the sources before it named as
    recipients (or the reverse) is read with its roles swapped, so the merged event does not list
    every party as both actor and recipient.  Other codes keep each source's roles as told.
    """
    if not symmetric:
        return roles
    seen_act: set[str] = set()
    seen_rec: set[str] = set()
    out: list[Roles] = []
    for act, rec in roles:
        ka, kr = {p.key for p in act}, {p.key for p in rec}
        if (ka & seen_rec or kr & seen_act) and not (ka & seen_act or kr & seen_rec):
            act, rec, ka, kr = rec, act, kr, ka
        out.append((act, rec))
        seen_act |= ka
        seen_rec |= kr
    return out


def _parties(per_source: list[tuple[Party, ...]]) -> tuple[list[Party], list[tuple[Any, list[int]]]]:
    """Every participant any source names in one role (most named first), and the distinct sets named."""
    counts: Counter[str] = Counter()
    shown: dict[str, Party] = {}
    sets: dict[tuple[str, ...], list[int]] = {}
    for i, parties in enumerate(per_source):
        for p in parties:
            counts[p.key] += 1
            # Show a knowledge-base entity (English canonical name) over an article-local one.
            if p.key not in shown or (shown[p.key].qid is None and p.qid is not None):
                shown[p.key] = p
        if parties:
            sets.setdefault(tuple(sorted(shown[p.key].canonical for p in parties)), []).append(i)
    order = sorted(counts, key=lambda k: (-counts[k], k))
    listed = sorted(sets.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    return [shown[k] for k in order], [(list(k), v) for k, v in listed]


def _date_of(evs: list[EventFacts]) -> tuple[str | None, str | None, bool, bool]:
    """The merged date (value, granularity, estimated) and whether sources conflict on it.

    The value is the one most sources are compatible with (its interval
    contains, or lies within, theirs), the finest such; two values whose
    intervals are disjoint are a conflict.
    """
    dated = [(e, interval(e.date)) for e in evs if e.date and interval(e.date) is not None]
    if not dated:
        return None, None, False, False
    conflict = any(
        x[1] is not None and y[1] is not None and (x[1][1] < y[1][0] or y[1][1] < x[1][0])
        for i, x in enumerate(dated)
        for y in dated[i + 1 :]
    )

    def support(item: tuple[EventFacts, tuple[date, date] | None]) -> tuple[int, int, int, date, str]:
        e, iv = item
        assert iv is not None
        n = sum(1 for _, o in dated if o is not None and not (o[1] < iv[0] or iv[1] < o[0]))
        width = _days(iv[0], iv[1])
        return (-n, int(e.estimated), width, iv[0], e.date or "")

    best, _ = min(dated, key=support)
    return best.date, best.granularity, best.estimated, conflict


def precursor_links(merged: list[MergedEvent]) -> None:
    """Link each prospective merged event to the realised ones of its type it announced.

    The outcome must have the same type (a planned accession leads to an
    accession, not to any cooperation), share the participants (two when
    both name two or more) without two different states as actors, and not
    be dated before every source of the prospective event was published.
    """
    by_key: dict[tuple[str, str], list[MergedEvent]] = defaultdict(list)
    for m in merged:
        if status_class(m.status) == "realised":
            for k in m.keys:
                by_key[(m.type, k)].append(m)
    for m in merged:
        m.precursor_of = []
        if status_class(m.status) != "prospective":
            continue
        candidates = {o.id: o for k in m.keys for o in by_key.get((m.type, k), [])}
        published = [s.article.published for s in m.sources if s.article.published]
        earliest = min(published) if published else None
        for oid, o in sorted(candidates.items()):
            need = min(2, len(m.keys), len(o.keys))
            if len(m.keys & o.keys) < need or not _actors_agree(m, o):
                continue
            od = o.days
            if earliest and od and od[1] != date.max and od[1].isoformat() < earliest:
                continue
            m.precursor_of.append(oid)


def _actors_agree(a: MergedEvent, b: MergedEvent) -> bool:
    """No two disjoint sets of states as actors (as in ``link``)."""
    sa, sb = _states(a.actors), _states(b.actors)
    return not sa or not sb or bool(sa & sb)
