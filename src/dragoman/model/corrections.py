"""Analysts' corrections: a versioned overlay applied to an article on read.

A correction names a fact by its content-derived id (``event:e-…``,
``quote:q-…``, ``claim:c-…``, ``mention:m-…``), the field it changes, the
value before and after, who made it, when and why.  Corrections are kept
apart from the extraction, so they survive re-extraction: the same fact
gets the same id, and the correction applies again; one whose fact is gone
is returned as an orphan, never dropped silently.  Reverting adds a
correction that cancels an earlier one, so the history stays whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dragoman.model.article import Article
from dragoman.model.records import Entity, EntityType, EventStatus, Granularity, TimeExpr
from dragoman.model.timeline import interval

__all__ = ["FIELDS", "Correction", "apply_corrections", "check_after", "current_value", "effective"]

# What can be corrected, by kind of fact.  "deleted" (after: true) marks a fact wrong.
FIELDS: dict[str, frozenset[str]] = {
    "event": frozenset({"type", "status", "actors", "recipients", "date", "place", "deleted"}),
    "quote": frozenset({"speaker", "deleted"}),
    "claim": frozenset({"claimant", "deleted"}),
    "mention": frozenset({"entity"}),
}


@dataclass(frozen=True, slots=True)
class Correction:
    article_id: str
    target: str  # "event:e-3f…", "quote:q-…", "claim:c-…", "mention:m-…"
    field: str
    after: Any  # JSON: the new value
    before: Any = None  # JSON: the value it replaced (filled by the store when the correction is made)
    who: str = ""
    reason: str = ""
    at: str = ""  # ISO timestamp, UTC
    id: int | None = None  # the store's sequence number: the version
    reverts: int | None = None  # the id of the correction this one cancels

    def __post_init__(self) -> None:
        kind, _, fact = self.target.partition(":")
        if kind not in FIELDS or not fact:
            raise ValueError(f"correction target {self.target!r} must be one of {sorted(FIELDS)} and an id")
        if self.reverts is None and self.field not in FIELDS[kind]:
            raise ValueError(f"a {kind} cannot have its {self.field!r} corrected; fields: {sorted(FIELDS[kind])}")
        if self.reverts is None:
            check_after(kind, self.field, self.after)

    @property
    def kind(self) -> str:
        return self.target.partition(":")[0]

    @property
    def fact_id(self) -> str:
        return self.target.partition(":")[2]


def _is_ids(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and x for x in value)


def check_after(kind: str, field: str, after: Any) -> None:
    """Refuse a value the overlay could not apply, so a bad correction fails when made, not on every read."""
    ok: bool
    if field == "deleted":
        ok = isinstance(after, bool)
    elif field in ("actors", "recipients"):
        ok = _is_ids(after)
    elif field == "status":
        ok = after in {s.value for s in EventStatus}
    elif field == "type":
        ok = isinstance(after, str) and bool(after.strip())
    elif field == "date":
        ok = after is None or (
            isinstance(after, dict) and set(after) == {"value", "granularity"}
            and isinstance(after["value"], str) and after["granularity"] in {g.value for g in Granularity}
            and (after["granularity"] == Granularity.UNRESOLVED.value or interval(after["value"]) is not None)
        )
    elif field == "entity":
        ok = after is None or (isinstance(after, str) and bool(after)) or (
            isinstance(after, dict) and isinstance(after.get("id"), str) and bool(after["id"])
            and set(after) <= {"id", "canonical", "qid", "type"}
            and all(after.get(k) is None or isinstance(after[k], str) for k in ("canonical", "qid"))
            and (after.get("type") is None or after["type"] in {t.value for t in EntityType})
        )
    else:  # place, speaker, claimant: an entity id, or none
        ok = after is None or (isinstance(after, str) and bool(after))
    if not ok:
        raise ValueError(f"{kind} {field}: {after!r} is not a value it can take ({_EXPECTED.get(field, 'an entity id or null')})")


_EXPECTED = {
    "deleted": "true or false",
    "actors": "a list of entity ids",
    "recipients": "a list of entity ids",
    "status": f"one of {', '.join(s.value for s in EventStatus)}",
    "type": "an event type code",
    "date": "null or {value: an ISO date, month, year or interval, granularity: " + ", ".join(g.value for g in Granularity) + "}",
    "entity": "null, an entity id, or {id, canonical, qid, type}",
}


def effective(corrections: list[Correction]) -> list[Correction]:
    """The corrections in force: not reverted, the latest per (fact, field), in the order they were made."""
    reverted = {c.reverts for c in corrections if c.reverts is not None}
    latest: dict[tuple[str, str], Correction] = {}
    for c in sorted(corrections, key=lambda c: c.id or 0):
        if c.reverts is None and c.id not in reverted:
            latest[(c.target, c.field)] = c
    return sorted(latest.values(), key=lambda c: c.id or 0)


def _date_json(t: TimeExpr | None) -> dict[str, str] | None:
    return {"value": t.value, "granularity": t.granularity.value} if t is not None and t.value else None


def current_value(article: Article, target: str, field: str) -> tuple[bool, Any]:
    """(whether the fact exists, the field's value as JSON)."""
    kind, _, fact = target.partition(":")
    if kind == "event":
        ev = next((e for e in article.events if e.id == fact), None)
        if ev is None:
            return False, None
        values = {
            "type": ev.type, "status": ev.status.value, "actors": list(ev.actors),
            "recipients": list(ev.recipients), "date": _date_json(ev.date), "place": ev.place, "deleted": False,
        }
        return True, values[field]
    if kind == "quote":
        q = next((q for q in article.quotes if q.id == fact), None)
        return (q is not None), ({"speaker": q.speaker, "deleted": False}[field] if q else None)
    if kind == "claim":
        c = next((c for c in article.claims if c.id == fact), None)
        return (c is not None), ({"claimant": c.claimant, "deleted": False}[field] if c else None)
    for i, m in enumerate(article.mentions):
        if m.id == fact:
            return True, next((e.id for e in article.entities if i in e.mentions), None)
    return False, None


def apply_corrections(article: Article, corrections: list[Correction]) -> list[Correction]:
    """Apply the corrections in force to ``article`` (in place); those whose fact is not there."""
    orphans: list[Correction] = []
    for c in effective(corrections):
        exists, _ = current_value(article, c.target, c.field)
        if not exists:
            orphans.append(c)
            continue
        _apply(article, c)
    return orphans


def _apply(article: Article, c: Correction) -> None:
    fact = c.fact_id
    if c.kind == "event":
        if c.field == "deleted":
            if c.after:
                article.events = [e for e in article.events if e.id != fact]
            return
        ev = next(e for e in article.events if e.id == fact)
        if c.field == "type":
            ev.type = str(c.after)
        elif c.field == "status":
            ev.status = EventStatus(c.after)
        elif c.field in ("actors", "recipients"):
            setattr(ev, c.field, [str(x) for x in c.after or []])
        elif c.field == "place":
            ev.place = c.after
        elif c.field == "date":
            if not c.after:
                ev.date = None
            else:
                anchor = ev.date.span if ev.date else (ev.trigger or ev.evidence[0])
                ev.date = TimeExpr(anchor, c.after["value"], Granularity(c.after["granularity"]))
    elif c.kind == "quote":
        if c.field == "deleted":
            if c.after:
                article.quotes = [q for q in article.quotes if q.id != fact]
            return
        q = next(q for q in article.quotes if q.id == fact)
        q.speaker = c.after
    elif c.kind == "claim":
        if c.field == "deleted":
            if c.after:
                article.claims = [x for x in article.claims if x.id != fact]
            return
        claim = next(x for x in article.claims if x.id == fact)
        claim.claimant = c.after
    elif c.kind == "mention":
        _relink(article, fact, c.after)


def _relink(article: Article, mention_id: str, after: Any) -> None:
    """Move a mention to another entity (an id, or {id, canonical, qid, type} for one the article lacks)."""
    index = next(i for i, m in enumerate(article.mentions) if m.id == mention_id)
    for e in article.entities:
        if index in e.mentions:
            e.mentions.remove(index)
    article.entities = [e for e in article.entities if e.mentions]
    if not after:
        return
    spec = after if isinstance(after, dict) else {"id": str(after)}
    target = article.entity(spec["id"])
    if target is None:
        target = Entity(
            id=spec["id"],
            canonical=spec.get("canonical") or spec["id"],
            type=EntityType(spec.get("type") or article.mentions[index].type.value),
            qid=spec.get("qid"),
            mentions=[],
        )
        article.entities.append(target)
    target.mentions = sorted({*target.mentions, index})
