"""The days a time value covers, at its granularity: a month holds all of its days.

Filters over event dates ("events between 1 and 15 March") and comparisons
of dates given at different granularities need the interval a value stands
for, not its string: ``2025-03`` overlaps ``2025-03-10``, ``2025`` overlaps
both, and ``../2025-03-01`` (vague: some time before) is open at one end.
"""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["interval"]

_OPEN_START = date.min
_OPEN_END = date.max


def _part(text: str, *, end: bool) -> date | None:
    text = text.strip().rstrip("~")  # "~" marks an approximate anchor
    if text in ("", ".."):
        return _OPEN_END if end else _OPEN_START
    try:
        if len(text) == 3 and text.isdigit():  # a decade: "202" is 2020-2029
            year = int(text) * 10
            return date(year + 9, 12, 31) if end else date(year, 1, 1)
        pieces = [int(p) for p in text.split("-")]
        if len(pieces) == 1:
            return date(pieces[0], 12, 31) if end else date(pieces[0], 1, 1)
        if len(pieces) == 2:
            y, m = pieces
            return date(y, m, calendar.monthrange(y, m)[1]) if end else date(y, m, 1)
        if len(pieces) == 3:
            return date(*pieces)
    except ValueError:
        return None
    return None


def interval(value: str | None) -> tuple[date, date] | None:
    """First and last day ``value`` covers (``date.min``/``date.max`` for an open end); None if unreadable."""
    if not value:
        return None
    lo_text, sep, hi_text = value.partition("/")
    lo = _part(lo_text, end=False)
    hi = _part(hi_text if sep else lo_text, end=True)
    if lo is None or hi is None or hi < lo:
        return None
    return lo, hi
