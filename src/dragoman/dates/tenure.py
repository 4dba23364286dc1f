"""The dates the office terms of an article's people allow: a year for an undated page.

A page with no date at all still tells when it was written by who holds which
office in it: an article that calls Eli Cohen "Israel's foreign minister" was
written while he held that office (29 December 2022 to 1 January 2024 in the
knowledge base), and if it also calls Ilham Aliyev "the Azerbaijani president",
while both held theirs.  Each titled person gives the union of his terms in that
office; the article's window is their intersection.  The window then

* fixes the year of a year-less dateline ("Jerusalem, Apr 19 (Wire)"): a reading
  of the day the page prints, whose year is the only one the window holds;
* or, when it lies within one calendar year, is a year-level estimate of the
  publication date: "this year" and "last year" resolve against it, nothing finer.

Only a title in apposition to the person's name counts ("Foreign Minister Eli
Cohen", "وزير الخارجية الإسرائيلي يسرائيل كاتس"): a bare title was resolved to an
office holder by the linker on some date and proves nothing, and a title marked as
past ("former", "السابق", "לשעבר") is not a term at the time of writing.  The
window is only as good as the knowledge base's terms: a person whose earlier term
in the same office is missing gives a window too narrow, so the stage only runs
on pages that give no date of their own and records the titles as evidence.

The functions here know nothing of the knowledge base: they take terms as dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.model import Span


@dataclass(frozen=True, slots=True)
class Term:
    """Days ``lo`` to ``hi``, both included."""

    lo: date
    hi: date


@dataclass(frozen=True, slots=True)
class Window:
    """The days an article can have been written on, with the title and name spans behind them."""

    terms: tuple[Term, ...]  # sorted, disjoint
    evidence: tuple[Span, ...]

    @property
    def lo(self) -> date:
        return self.terms[0].lo

    @property
    def hi(self) -> date:
        return self.terms[-1].hi

    def holds(self, day: date) -> bool:
        return any(t.lo <= day <= t.hi for t in self.terms)


def union(terms: Iterable[Term]) -> tuple[Term, ...]:
    """Sorted disjoint terms covering the same days (a person re-appointed the day after leaving is one term)."""
    out: list[Term] = []
    for t in sorted(terms, key=lambda t: t.lo):
        if t.hi < t.lo:
            continue
        if out and t.lo <= out[-1].hi + timedelta(days=1):
            out[-1] = Term(out[-1].lo, max(out[-1].hi, t.hi))
        else:
            out.append(t)
    return tuple(out)


def intersect(a: Sequence[Term], b: Sequence[Term]) -> tuple[Term, ...]:
    """The days in both (each sorted and disjoint)."""
    out: list[Term] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
        if lo <= hi:
            out.append(Term(lo, hi))
        if a[i].hi < b[j].hi:
            i += 1
        else:
            j += 1
    return tuple(out)


def window_of(people: Sequence[tuple[Sequence[Term], Sequence[Span]]], *, until: date) -> Window | None:
    """The days every titled person held the titled office, up to ``until`` (the run's present).

    ``people`` holds, per person, the terms of the office the article gives them and the
    spans that say so.  None when nobody is titled or the terms never overlap (a title the
    knowledge base does not date right, or one the text uses of the past: no window beats a
    wrong one).
    """
    if not people:
        return None
    days: tuple[Term, ...] = (Term(date.min, until),)
    evidence: list[Span] = []
    for terms, spans in people:
        days = intersect(days, union(terms))
        evidence.extend(spans)
        if not days:
            return None
    return Window(days, tuple(sorted(set(evidence), key=lambda s: (s.start, s.end))))


def days_fitting(window: Window, month: int, day: int, *, not_before: date | None = None) -> list[date]:
    """Every ``day`` of ``month`` inside the window (and not before ``not_before``), earliest first."""
    out: list[date] = []
    for y in range(window.lo.year, window.hi.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if window.holds(d) and (not_before is None or d >= not_before):
            out.append(d)
    return out


def one_year(window: Window, *, slack_days: int) -> int | None:
    """The calendar year the window lies in, allowing ``slack_days`` at either end into the next or last year.

    A minister sworn in on 29 December and replaced on 1 January a year later served in one
    year for all but four days; a window that spans more than that is no year at all.
    """
    lo = window.lo + timedelta(days=slack_days)
    hi = window.hi - timedelta(days=slack_days)
    if lo > hi:  # a window of a few days: only its own ends can say
        lo, hi = window.lo, window.hi
    return lo.year if lo.year == hi.year else None
