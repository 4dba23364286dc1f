"""Combine article observations and documented memberships into the tracker: one row per agreement and state.

Pure and order-independent: the same contributions in any order give the
same rows (everything is sorted on content before it is combined).

* **history**: one entry per publication date and status, each with its
  sources; a documented membership (treaties.yaml) is an entry on its day;
  an article whose date the dates stage only estimated counts on that date,
  the entry marked ``estimated`` when no source gives the day; an article
  without any publication date gives an entry with no date, listed last.
* **status** and **since**: the dated entries in date order, the strongest
  status of a day standing for the day.  A later status replaces the current
  one, except that a mention never replaces a status, and a member (or a
  state that joined) stays one until an entry says it withdrew.  Undated
  entries only decide when nothing dated has (their time is unknown).
  ``since`` is the day the current status was first seen in the run that
  ends with it (None when that is unknown).
* **conditions**: merged by what they are (kind, topic or law, parties),
  every source and everyone citing them kept.

An agreement gets rows when treaties.yaml documents it or when some article
gives one of its states more than a mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dragoman.kb.loader import load_kb
from dragoman.tracker.observe import RANK
from dragoman.tracker.treaties import Treaties, treaties

__all__ = ["KB_PATH", "Contribution", "build_tracker"]

KB_PATH = "kb/data/treaties.yaml"


@dataclass(frozen=True)
class Contribution:
    """What one article says about one agreement and state (a row of the corpus pass)."""

    article: str
    path: str | None
    published: str | None  # ISO day, or None
    agreement: str
    state: str
    statuses: tuple[dict[str, Any], ...]
    conditions: tuple[dict[str, Any], ...]
    estimated: bool = False  # ``published`` is the dates stage's estimate, not a given date


def _actor(kb_id: str) -> dict[str, Any]:
    rec = load_kb().get(kb_id)
    return {"id": kb_id, "qid": rec.qid if rec else None, "canonical": rec.canonical if rec else kb_id}


def _source(c: Contribution, obs: dict[str, Any]) -> dict[str, Any]:
    return {"article": c.article, "path": c.path, "start": obs["start"], "end": obs["end"], "text": obs["text"]}


def _source_key(s: dict[str, Any]) -> tuple[Any, ...]:
    return (s["article"] or "", s["path"] or "", s["start"] if s["start"] is not None else -1, s["end"] or 0, s["text"])


def _uniq_sources(sources: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted({_source_key(s): s for s in sources}.values(), key=_source_key)


def build_tracker(
    contributions: Iterable[Contribution], data: Treaties | None = None, *, as_of: date | None = None
) -> list[dict[str, Any]]:
    """The tracker JSON (schema/tracker-v1.schema.json): rows sorted by agreement, then state name."""
    data = data or treaties()
    cutoff = as_of.isoformat() if as_of else None
    by_pair: dict[tuple[str, str], list[Contribution]] = defaultdict(list)
    for c in contributions:
        if cutoff and c.published and c.published > cutoff:
            continue
        by_pair[(c.agreement, c.state)].append(c)
    shown = {t.agreement for t in data.data.treaties}
    for (agreement, _), cs in by_pair.items():
        if any(o["status"] != "mentioned" for c in cs for o in c.statuses):
            shown.add(agreement)
    pairs: set[tuple[str, str]] = {p for p in by_pair if p[0] in shown}
    for t in data.data.treaties:
        for p in t.parties:
            if cutoff is None or p.since <= cutoff:
                pairs.add((t.agreement, p.state))
    rows = []
    for agreement, state in pairs:
        if state in data.brokers(agreement):
            continue
        row = _row(agreement, state, sorted(by_pair.get((agreement, state), []), key=lambda c: c.article), data,
                   cutoff)
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: (r["agreement"]["canonical"], r["agreement"]["id"], r["state"]["canonical"],
                             r["state"]["id"]))
    return rows


def _row(agreement: str, state: str, cs: list[Contribution], data: Treaties, cutoff: str | None) -> dict[str, Any] | None:
    # (date or None, status) -> sources
    entries: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
    given: set[tuple[str | None, str]] = set()  # entries some source dates by a given (not estimated) day
    sources: list[dict[str, Any]] = []
    treaty = data.treaty(agreement)
    for p in treaty.parties if treaty else []:
        if p.state == state and (cutoff is None or p.since <= cutoff):
            src = data.source(p.source)
            kb_source = {"article": None, "path": KB_PATH, "start": None, "end": None,
                         "text": src.cite + (f" ({src.url})" if src.url else "") + (f"; {p.note}" if p.note else "")}
            entries[(p.since, p.status)].append(kb_source)
            given.add((p.since, p.status))
            sources.append(kb_source)
    press: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)  # the articles alone
    for c in cs:
        if not c.statuses:
            continue
        best = max(RANK[o["status"]] for o in c.statuses)
        status = next(s for s, r in sorted(RANK.items()) if r == best and any(o["status"] == s for o in c.statuses))
        entries[(c.published, status)].extend(_source(c, o) for o in c.statuses if o["status"] == status)
        press[(c.published, status)].append(_source(c, c.statuses[0]))
        if not c.estimated:
            given.add((c.published, status))
        sources.extend(_source(c, o) for o in c.statuses)
    if not entries:
        return None
    status, since = _current(entries)
    # What the stored articles alone say, beside the status that also counts documented (KB) memberships:
    # a corpus that predates a documented step still shows how its own articles read the state.
    reported = None
    if press:
        r_status, r_since = _current(press)
        reported = {"status": r_status, "since": r_since}
    history = [
        {"date": d, "status": s, "sources": _uniq_sources(srcs), "estimated": d is not None and (d, s) not in given}
        for (d, s), srcs in sorted(entries.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", RANK[kv[0][1]]))
    ]
    return {
        "agreement": _actor(agreement),
        "state": _actor(state),
        "status": status,
        "since": since,
        "reported": reported,
        "conditions": _conditions(cs),
        "sources": _uniq_sources(sources),
        "history": history,
    }


def _current(entries: dict[tuple[str | None, str], list[dict[str, Any]]]) -> tuple[str, str | None]:
    by_day: dict[str, str] = {}
    undated: str | None = None
    for (day, s) in entries:
        if day is None:
            undated = s if undated is None or RANK[s] > RANK[undated] else undated
        elif day not in by_day or RANK[s] > RANK[by_day[day]]:
            by_day[day] = s
    current: str | None = None
    since: str | None = None
    for day in sorted(by_day):
        new = by_day[day]
        if current is None:
            current, since = new, day
        elif new == current or new == "mentioned" or current in ("member", "joined") and new != "withdrawn":
            continue
        else:
            current, since = new, day
    if undated is not None and (current is None or (current == "mentioned" and undated != "mentioned")):
        current, since = undated, None
    assert current is not None
    return current, since


def _conditions(cs: list[Contribution]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cs:
        for cond in c.conditions:
            key = (cond["kind"], cond["key"])
            entry = merged.setdefault(key, {"gloss": cond["gloss"], "kind": cond["kind"], "cited_by": set(),
                                            "sources": []})
            entry["cited_by"].update(cond["cited_by"])
            entry["sources"].append(_source(c, cond))
    return [
        {"gloss": e["gloss"], "kind": e["kind"], "cited_by": sorted(e["cited_by"]), "sources": _uniq_sources(e["sources"])}
        for _, e in sorted(merged.items())
    ]
