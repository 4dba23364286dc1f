"""Hebrew and Islamic calendar dates converted to Gregorian (via convertdate).

The Islamic calendar here is the arithmetic (tabular) one: a date may differ
by a day or two from the observed calendar an outlet printed, so converted
days are as good as the outlet's own "الموافق" Gregorian date at best.
"""

from __future__ import annotations

import warnings
from datetime import date

from convertdate import hebrew, islamic

from dragoman.dates.data import OtherCalendar


def letter_number(text: str, cal: OtherCalendar) -> int | None:
    """Value of a number written in letters ("כ"ה" = 25, "ט"ו" = 15), or None if it is not one."""
    letters = [ch for ch in text if ch not in "\"'״׳"]
    if not letters or any(ch not in cal.numeral_letters for ch in letters):
        return None
    return sum(cal.numeral_letters[ch] for ch in letters)


def _convert(cal: OtherCalendar, y: int, m: int, d: int) -> date | None:
    with warnings.catch_warnings():
        # convertdate 2.4 calls its own deprecated month_days internally; not our concern.
        warnings.simplefilter("ignore", DeprecationWarning)
        return _convert_quietly(cal, y, m, d)


def _convert_quietly(cal: OtherCalendar, y: int, m: int, d: int) -> date | None:
    try:
        if cal.calendar == "hebrew":
            if m == 13 and not hebrew.leap(y):
                return None
            if d > hebrew.month_length(y, m):
                return None
            return date(*hebrew.to_gregorian(y, m, d))
        if d > islamic.month_length(y, m):
            return None
        return date(*islamic.to_gregorian(y, m, d))
    except ValueError:
        return None


def to_gregorian(cal: OtherCalendar, y: int, m: int, d: int) -> date | None:
    """The Gregorian day of ``d`` ``m`` ``y`` in ``cal``, or None if there is no such day."""
    if not cal.min_year <= y <= cal.max_year or not 1 <= d <= 30:
        return None
    return _convert(cal, y, m, d)


def month_bounds(cal: OtherCalendar, y: int, m: int) -> tuple[date, date] | None:
    """First and last Gregorian day of month ``m`` of year ``y`` in ``cal``."""
    first = to_gregorian(cal, y, m, 1)
    if first is None:
        return None
    length = hebrew.month_length(y, m) if cal.calendar == "hebrew" else islamic.month_length(y, m)
    last = to_gregorian(cal, y, m, length)
    return (first, last) if last else None
