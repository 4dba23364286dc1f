"""The accession tracker as a view: a UN-Treaty-Collection-style table per agreement and a stage ladder per state.

Built from the tracker JSON (``dragoman.corpus.tracker.tracker_report``),
so the report, the CLI table and any API show the same thing.  The ladder
is the way into an agreement, ``mentioned -> talks -> conditional ->
candidate -> joined`` (a founding member stands on the last rung); the exits
``declined``, ``blocked`` and ``withdrawn`` are shown beside it.  A rung
is reached when the history ever shows it, with the first day it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dragoman.views.base import View

__all__ = ["EXITS", "LADDER", "AgreementTable", "TrackerView", "tracker_view"]

LADDER = ("mentioned", "talks", "conditional", "candidate", "joined")
EXITS = ("declined", "blocked", "withdrawn")
STATUS_LABELS = {
    "member": "founding member",
    "joined": "joined",
    "candidate": "candidate (announced or applied)",
    "talks": "in talks",
    "conditional": "would join on conditions",
    "declined": "declined",
    "blocked": "blocked",
    "withdrawn": "withdrawn",
    "mentioned": "mentioned only",
}


@dataclass(frozen=True, slots=True)
class Rung:
    stage: str
    reached: bool
    first: str | None  # first day the history shows it (None: undated or not reached)
    current: bool


@dataclass(frozen=True, slots=True)
class ConditionLine:
    kind: str
    gloss: str
    cited_by: list[str]  # entity ids
    cited_by_names: list[str]  # their English names where the KB knows them
    sources: int


@dataclass(frozen=True, slots=True)
class SourceLine:
    article: str | None
    path: str | None
    start: int | None
    end: int | None
    text: str


@dataclass(frozen=True, slots=True)
class HistoryLine:
    date: str | None
    status: str
    sources: int
    estimated: bool = False  # the date is the dates stage's estimate of the publication date


@dataclass(frozen=True, slots=True)
class StateRow:
    state: str
    state_id: str
    qid: str | None
    status: str
    status_label: str
    since: str | None
    conditions: list[ConditionLine]
    sources: int
    evidence: list[SourceLine]
    history: list[HistoryLine]
    ladder: list[Rung]
    exits: list[Rung]
    # What the stored articles alone say, shown where it differs from the status (a documented step
    # the corpus predates); None when it agrees or no article gives a status.
    reported: str | None = None
    reported_label: str | None = None
    reported_since: str | None = None


@dataclass(frozen=True, slots=True)
class AgreementTable:
    id: str
    qid: str | None
    canonical: str
    rows: list[StateRow]
    counts: dict[str, int]  # status -> states


@dataclass(slots=True)
class TrackerView(View):
    agreements: list[AgreementTable]


def _rungs(stages: tuple[str, ...], row: dict[str, Any]) -> list[Rung]:
    status = "joined" if row["status"] == "member" else row["status"]
    out = []
    for stage in stages:
        dates = [h["date"] for h in row["history"]
                 if (h["status"] == stage or (stage == "joined" and h["status"] == "member"))]
        first = min((d for d in dates if d), default=None)
        out.append(Rung(stage, bool(dates) or status == stage, first, status == stage))
    return out


def _name(entity_id: str) -> str:
    from dragoman.kb.loader import load_kb

    rec = load_kb().get(entity_id.removeprefix("office:"))
    return rec.canonical if rec else entity_id


def _row(row: dict[str, Any]) -> StateRow:
    rep = row.get("reported")
    # shown only where it differs: (status, since) of the articles alone, else None
    shown: dict[str, Any] | None = rep if rep is not None and (rep["status"], rep["since"]) != (
        row["status"], row["since"]) else None
    return StateRow(
        state=row["state"]["canonical"],
        state_id=row["state"]["id"],
        qid=row["state"]["qid"],
        status=row["status"],
        status_label=STATUS_LABELS.get(row["status"], row["status"]),
        since=row["since"],
        conditions=[ConditionLine(c["kind"], c["gloss"], list(c["cited_by"]), [_name(i) for i in c["cited_by"]],
                                  len(c["sources"])) for c in row["conditions"]],
        sources=len(row["sources"]),
        evidence=[SourceLine(s["article"], s["path"], s["start"], s["end"], s["text"]) for s in row["sources"]],
        history=[HistoryLine(h["date"], h["status"], len(h["sources"]), bool(h.get("estimated"))) for h in row["history"]],
        ladder=_rungs(LADDER, row),
        exits=_rungs(EXITS, row),
        reported=shown["status"] if shown else None,
        reported_label=STATUS_LABELS.get(shown["status"], shown["status"]) if shown else None,
        reported_since=shown["since"] if shown else None,
    )


def tracker_view(rows: list[dict[str, Any]]) -> TrackerView:
    """Group the tracker JSON by agreement; states by how far in they are, then by name (as UNTC lists them)."""
    order = {s: i for i, s in enumerate(("member", "joined", "candidate", "talks", "conditional", "declined",
                                          "blocked", "withdrawn", "mentioned"))}
    tables: dict[str, AgreementTable] = {}
    for r in rows:
        a = r["agreement"]
        t = tables.setdefault(a["id"], AgreementTable(a["id"], a["qid"], a["canonical"], [], {}))
        t.rows.append(_row(r))
        t.counts[r["status"]] = t.counts.get(r["status"], 0) + 1
    for t in tables.values():
        t.rows.sort(key=lambda s: (order.get(s.status, 99), s.state))
    return TrackerView(sorted(tables.values(), key=lambda t: (t.canonical, t.id)))
