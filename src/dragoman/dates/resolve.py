"""Calendar arithmetic: turn a ``Reading`` into a ``TimeExpr`` against an anchor date.

Values are ISO 8601 at the expression's own granularity: ``2025-03-12``
(day), ``2025-03`` (month), ``2025`` (year), ``199`` (decade, ISO 8601-1
three-digit form), intervals ``2025-06-02/2025-06-08`` for weeks and
seasons, ``2020/2022`` for year ranges, and open intervals ``../2025-06-15``
or ``2025-06-15/..`` for vague expressions ("in recent weeks").
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dragoman.dates.data import Shift, Unit
from dragoman.model import Granularity, Span, TimeExpr

# Meteorological seasons (northern hemisphere). Winter Y runs from December
# of Y-1 to February of Y, the way weather services label it.
_SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "winter": (12, 2),
}


class Kind(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    YEARS = "years"  # a range of years
    DAYS = "days"  # "12-14 March": month/day to month2/day2
    MONTHS = "months"  # "March to May 2025": month to month2
    SEASON = "season"
    DECADE = "decade"
    WEEKDAY = "weekday"  # "on Tuesday": ``day`` is the ISO weekday
    RELATIVE = "relative"  # ``offset`` units from the anchor
    VAGUE = "vague"  # a direction from the anchor, no boundary


@dataclass(frozen=True, slots=True)
class Reading:
    """What a candidate says, before any anchor is applied."""

    span: Span
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    shift: Shift | None = None
    unit: Unit | None = None
    offset: int = 0
    season: str | None = None
    direction: str | None = None  # VAGUE: "past" | "future"
    named: bool = False  # a date used as a name ("هجمات 11 سبتمبر"): says nothing about publication

    @property
    def absolute(self) -> bool:
        """Fully determined by the text itself, whatever the publication date."""
        if self.kind in (Kind.YEARS, Kind.DECADE):
            return True
        if self.kind in (Kind.DAY, Kind.MONTH, Kind.YEAR, Kind.SEASON, Kind.DAYS, Kind.MONTHS):
            return self.year is not None
        return False

    @property
    def needs_day(self) -> bool:
        """Meaningless without the exact publication day ("yesterday", "last week", "in recent weeks")."""
        if self.kind in (Kind.VAGUE, Kind.WEEKDAY):
            return True
        return self.kind == Kind.RELATIVE and self.unit in (Unit.DAY, Unit.WEEK)

    @property
    def needs_month(self) -> bool:
        """Meaningless without the publication month: all but "this year", "last year", "March of this year"."""
        if self.kind == Kind.RELATIVE:
            return self.unit != Unit.YEAR
        return self.shift not in (Shift.THIS_YEAR, Shift.LAST_YEAR, Shift.NEXT_YEAR)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against.

    ``estimated`` anchors come from dates in the text, not from metadata or
    a dateline; their ISO form carries the ISO 8601-2 "approximate" mark
    ``~`` and, when only the month (or the year) is known, that precision.
    A ``year_only`` anchor (the year the office terms of the people an undated
    article names allow, ``dragoman.dates.tenure``) resolves only what needs
    no more than the year.
    """

    day: date
    estimated: bool = False
    month_only: bool = False
    year_only: bool = False

    @property
    def iso(self) -> str:
        if self.year_only:
            base = f"{self.day.year:04d}"
        elif self.month_only:
            base = f"{self.day.year:04d}-{self.day.month:02d}"
        else:
            base = self.day.isoformat()
        return base + "~" if self.estimated else base


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def season_bounds(season: str, year: int) -> tuple[date, date]:
    first, last = _SEASON_MONTHS[season]
    if first > last:  # winter straddles the new year
        return date(year - 1, first, 1), _month_end(year, last)
    return date(year, first, 1), _month_end(year, last)


def _pick_year(anchor: date, start_of: Callable[[int], date], future_days: int) -> int:
    """The latest year whose occurrence starts no later than ``future_days`` after the anchor.

    News mostly reports the past, so "7 October" in a June article is last
    October unless it is close ahead ("the summit on 12 July").
    """
    limit = anchor + timedelta(days=future_days)
    for y in (anchor.year + 1, anchor.year, anchor.year - 1):
        try:
            if start_of(y) <= limit:
                return y
        except ValueError:  # 29 February in a common year
            continue
    return anchor.year - 1


def _expr(r: Reading, value: str | None, gran: Granularity, anchor: Anchor | None) -> TimeExpr:
    relative = not r.absolute
    return TimeExpr(
        span=r.span,
        value=value,
        granularity=gran if value is not None else Granularity.UNRESOLVED,
        relative=relative,
        anchor=anchor.iso if relative and anchor is not None and value is not None else None,
    )


def resolve(r: Reading, anchor: Anchor | None, *, future_days: int = 92) -> TimeExpr:
    """Resolve one reading; relative ones without a usable anchor stay UNRESOLVED."""
    if r.absolute:
        return _absolute(r)
    if anchor is None or (anchor.estimated and r.needs_day) or (anchor.year_only and r.needs_month):
        # An estimated anchor is a lower bound on the publication date: good
        # enough to say which year "this year" is, not which day "yesterday" was;
        # a year-only one says which year "this year" is and nothing finer.
        return TimeExpr(span=r.span, value=None, granularity=Granularity.UNRESOLVED, relative=True)
    a = anchor.day
    if r.kind == Kind.DAY:
        return _relative_day(r, anchor, future_days)
    if r.kind == Kind.MONTH:
        return _relative_month(r, anchor, future_days)
    if r.kind == Kind.SEASON:
        return _relative_season(r, anchor)
    if r.kind in (Kind.DAYS, Kind.MONTHS):
        first = r.day or 1
        y = _pick_year(a, lambda yy: date(yy, r.month or 1, first), future_days)
        return _span(r, y, anchor)
    if r.kind == Kind.WEEKDAY:
        return _weekday(r, anchor)
    if r.kind == Kind.VAGUE:
        value = f"../{a.isoformat()}" if r.direction == "past" else f"{a.isoformat()}/.."
        return _expr(r, value, Granularity.VAGUE, anchor)
    if r.kind == Kind.RELATIVE:
        return _offset(r, anchor)
    return TimeExpr(span=r.span, value=None, granularity=Granularity.UNRESOLVED, relative=True)


def _absolute(r: Reading) -> TimeExpr:
    assert r.year is not None or r.kind == Kind.YEARS
    if r.kind == Kind.DAY and r.month and r.day and r.year:
        return _expr(r, date(r.year, r.month, r.day).isoformat(), Granularity.DAY, None)
    if r.kind == Kind.MONTH and r.month and r.year:
        return _expr(r, f"{r.year:04d}-{r.month:02d}", Granularity.MONTH, None)
    if r.kind == Kind.SEASON and r.season and r.year:
        lo, hi = season_bounds(r.season, r.year)
        return _expr(r, f"{lo.isoformat()}/{hi.isoformat()}", Granularity.SEASON, None)
    if r.kind == Kind.DECADE and r.year:
        return _expr(r, f"{r.year // 10:03d}", Granularity.DECADE, None)
    if r.kind in (Kind.DAYS, Kind.MONTHS) and r.year:
        return _span(r, r.year, None)
    if r.kind == Kind.YEARS and r.year and r.year2:
        return _expr(r, f"{r.year:04d}/{r.year2:04d}", Granularity.RANGE, None)
    return _expr(r, f"{r.year:04d}", Granularity.YEAR, None)


def _span(r: Reading, year: int, anchor: Anchor | None) -> TimeExpr:
    """A day or month range; ``year`` is the year written after it, so the range ends in it."""
    m1, m2 = r.month or 1, r.month2 or r.month or 1
    y1 = year - 1 if m2 < m1 else year  # "December to February 2025" starts in 2024
    try:
        lo = date(y1, m1, r.day or 1)
        hi = date(year, m2, r.day2) if r.day2 else _month_end(year, m2)
    except ValueError:
        return TimeExpr(span=r.span, value=None, granularity=Granularity.UNRESOLVED, relative=not r.absolute)
    if hi < lo:
        return TimeExpr(span=r.span, value=None, granularity=Granularity.UNRESOLVED, relative=not r.absolute)
    return _expr(r, f"{lo.isoformat()}/{hi.isoformat()}", Granularity.RANGE, anchor)


def _year_shift(shift: Shift | None) -> int | None:
    return {Shift.THIS_YEAR: 0, Shift.LAST_YEAR: -1, Shift.NEXT_YEAR: 1}.get(shift) if shift else None


def _relative_day(r: Reading, anchor: Anchor, future_days: int) -> TimeExpr:
    a, m, d = anchor.day, r.month or 1, r.day or 1
    ys = _year_shift(r.shift)
    if ys is not None:
        y = a.year + ys
    elif r.shift == Shift.LAST:
        y = a.year if date(a.year, m, min(d, 28)) < a else a.year - 1
    elif r.shift == Shift.NEXT:
        y = a.year if date(a.year, m, min(d, 28)) > a else a.year + 1
    else:
        y = _pick_year(a, lambda yy: date(yy, m, d), future_days)
    try:
        return _expr(r, date(y, m, d).isoformat(), Granularity.DAY, anchor)
    except ValueError:
        return TimeExpr(span=r.span, value=None, granularity=Granularity.UNRESOLVED, relative=True)


def _relative_month(r: Reading, anchor: Anchor, future_days: int) -> TimeExpr:
    a, m = anchor.day, r.month or 1
    ys = _year_shift(r.shift)
    if ys is not None:
        y = a.year + ys
    elif r.shift == Shift.LAST:  # "last July" in August is this July; in July, last year's
        y = a.year if m < a.month else a.year - 1
    elif r.shift == Shift.NEXT:
        y = a.year if m > a.month else a.year + 1
    else:
        y = _pick_year(a, lambda yy: date(yy, m, 1), future_days)
    return _expr(r, f"{y:04d}-{m:02d}", Granularity.MONTH, anchor)


def _relative_season(r: Reading, anchor: Anchor) -> TimeExpr:
    a, s = anchor.day, r.season or "summer"
    ys = _year_shift(r.shift)
    if ys is not None:
        y = a.year + ys
    elif r.shift == Shift.LAST:
        y = next(yy for yy in (a.year, a.year - 1, a.year - 2) if season_bounds(s, yy)[1] < a)
    else:  # NEXT
        y = next(yy for yy in (a.year, a.year + 1, a.year + 2) if season_bounds(s, yy)[0] > a)
    lo, hi = season_bounds(s, y)
    return _expr(r, f"{lo.isoformat()}/{hi.isoformat()}", Granularity.SEASON, anchor)


def _weekday(r: Reading, anchor: Anchor) -> TimeExpr:
    """ "on Tuesday" is the latest Tuesday up to the anchor (news reports the past); "next" is after it."""
    a, wd = anchor.day, r.day or 1
    back = (a.isoweekday() - wd) % 7
    if r.shift == Shift.NEXT:
        d = a + timedelta(days=(wd - a.isoweekday()) % 7 or 7)
    elif r.shift == Shift.LAST:
        d = a - timedelta(days=back or 7)
    else:
        d = a - timedelta(days=back)
    return _expr(r, d.isoformat(), Granularity.DAY, anchor)


def _offset(r: Reading, anchor: Anchor) -> TimeExpr:
    a, k = anchor.day, r.offset
    if r.unit == Unit.DAY:
        return _expr(r, (a + timedelta(days=k)).isoformat(), Granularity.DAY, anchor)
    if r.unit == Unit.WEEK:  # ISO weeks, Monday to Sunday
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=k)
        return _expr(
            r, f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", Granularity.RANGE, anchor
        )
    if r.unit == Unit.MONTH:
        y, m = _add_months(a.year, a.month, k)
        return _expr(r, f"{y:04d}-{m:02d}", Granularity.MONTH, anchor)
    if r.unit == Unit.YEAR:
        return _expr(r, f"{a.year + k:04d}", Granularity.YEAR, anchor)
    return TimeExpr(span=r.span, value=None, granularity=Granularity.UNRESOLVED, relative=True)
