"""The documented side of the tracker: ``kb/data/treaties.yaml`` read once, with questions it answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from dragoman.kb.loader import KbError, load_kb, read_file
from dragoman.kb.schema import SanctionLaw, TreatiesFile, Treaty, TreatySource, date_bounds

__all__ = ["Treaties", "treaties"]


@dataclass(frozen=True)
class Treaties:
    data: TreatiesFile

    def treaty(self, agreement: str) -> Treaty | None:
        return next((t for t in self.data.treaties if t.agreement == agreement), None)

    def source(self, key: str) -> TreatySource:
        return self.data.sources[key]

    def brokers(self, agreement: str) -> frozenset[str]:
        t = self.treaty(agreement)
        return frozenset(t.brokers) if t else frozenset()

    def members(self, agreement: str, day: date | None) -> frozenset[str]:
        """States that are members (founded or joined) on ``day``; every one ever documented when it is None."""
        t = self.treaty(agreement)
        if t is None:
            return frozenset()
        return frozenset(
            p.state for p in t.parties
            if p.status in ("member", "joined") and (day is None or date_bounds(p.since, upper=False) <= day)
        )

    def sanction_law(self, kb_id: str) -> SanctionLaw | None:
        return next((s for s in self.data.sanction_laws if kb_id == s.law or kb_id in s.also), None)


@cache
def treaties() -> Treaties:
    """The validated file, checked against the KB: every agreement, state and source it names exists."""
    data = read_file("treaties.yaml")
    assert isinstance(data, TreatiesFile)
    kb = load_kb()
    problems: list[str] = []
    for t in data.treaties:
        rec = kb.get(t.agreement)
        if rec is None or rec.type != "AGREEMENT":
            problems.append(f"{t.agreement}: not an AGREEMENT of the KB")
        for ref in [*t.brokers, *(p.state for p in t.parties)]:
            if kb.get(ref) is None:
                problems.append(f"{t.agreement}: unknown state {ref}")
        for p in t.parties:
            if p.source not in data.sources:
                problems.append(f"{t.agreement}/{p.state}: unknown source {p.source!r}")
        states = [p.state for p in t.parties]
        if len(states) != len(set(states)):
            problems.append(f"{t.agreement}: a state is listed twice")
    for s in data.sanction_laws:
        for ref in [s.law, *s.also, s.imposer, *s.targets]:
            if kb.get(ref) is None:
                problems.append(f"sanction law {s.law}: unknown KB id {ref}")
        if s.source not in data.sources:
            problems.append(f"sanction law {s.law}: unknown source {s.source!r}")
    if problems:
        raise KbError("kb/data/treaties.yaml: " + "; ".join(problems))
    return Treaties(data)
