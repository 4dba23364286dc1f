"""Publication date from the page itself: a dateline, or failing that an estimate.

Scraped pages often carry the date in their chrome ("نشر في 12 مارس
2025", "פורסם: 12.03.25", a line holding only "Wednesday 12 March 2025").
Only the top of the page is searched, boilerplate included, because that
is where outlets print it; a date in a sentence of the lede is an event
date, not a dateline, so an unlabelled date counts only when it is (nearly)
alone on its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dragoman.dates.finder import Trigger, find_readings, find_triggers, parse_numeric
from dragoman.dates.patterns import Patterns
from dragoman.dates.resolve import Kind, Reading

_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|ص|م|GMT|UTC)?")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LABEL_TAIL = 40  # characters after a label that may hold the date
_MAX_LINE = 160  # longer unlabelled lines are text, not datelines


@dataclass(frozen=True, slots=True)
class Dateline:
    day: date
    start: int
    end: int
    labelled: bool


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text) and len(out) < limit:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _full_day(r: Reading) -> date | None:
    if r.kind == Kind.DAY and r.year and r.month and r.day:
        return date(r.year, r.month, r.day)
    return None


def _alone(scan: str, start: int, end: int, r: Reading, pats: Patterns) -> bool:
    """Is the date (nearly) all its line says? Weekday names, times and punctuation don't count."""
    rest = scan[start : r.span.start] + " " + scan[r.span.end : end]
    rest = pats.weekday.sub(" ", _TIME.sub(" ", rest))
    return len(_WORD.findall(rest)) <= 2


def find_dateline(
    scan: str, pats: Patterns, *, max_lines: int = 12, triggers: list[Trigger] | None = None
) -> Dateline | None:
    """The publication date printed near the top of ``scan`` (digit-folded text), if any.

    ``triggers`` is ``find_triggers(pats.keys(scan), pats)`` when the caller already has it.
    """
    fallback: Dateline | None = None
    lines = _lines(scan, max_lines)
    if not lines:
        return None
    if triggers is None:
        triggers = find_triggers(pats.keys(scan[: lines[-1][1]]), pats)
    for start, end in lines:
        label = pats.label.search(scan, start, end)
        if label is None and end - start > _MAX_LINE:
            continue  # a paragraph, not a dateline
        lo, hi = (label.start(), min(end, label.end() + _LABEL_TAIL)) if label else (start, end)
        for r in find_readings(scan, lo, hi, pats, triggers):
            d = _full_day(r)
            if d is None:
                continue
            if label and label.end() <= r.span.start:
                return Dateline(d, r.span.start, r.span.end, labelled=True)
            if fallback is None and _alone(scan, start, end, r, pats):
                fallback = Dateline(d, r.span.start, r.span.end, labelled=False)
        if label:
            # Formats our shapes miss ("Published 2025-03-12T09:30Z"): let dateparser try the tail.
            tail = scan[label.end() : min(end, label.end() + _LABEL_TAIL)].strip(" :-–|\t")
            d = (
                parse_numeric(tail.split("T")[0].split()[0], pats.lang, pats.data.date_order)
                if tail
                else None
            )
            if d is not None:
                return Dateline(d, label.end(), min(end, label.end() + _LABEL_TAIL), labelled=True)
    return fallback


def latest_dated(readings: list[Reading]) -> tuple[date, bool] | None:
    """The latest absolute day or month date, and whether it is month-only (for estimating publication).

    Dates used as names ("the 9/11 attacks") are left out: they are history, not news.
    """
    best: tuple[date, bool] | None = None
    for r in readings:
        if (
            r.named
            or not r.absolute
            or r.year is None
            or r.month is None
            or r.kind not in (Kind.DAY, Kind.MONTH)
        ):
            continue
        d = date(r.year, r.month, r.day or 1)
        month_only = r.kind == Kind.MONTH
        if best is None or d > best[0] or (d == best[0] and not month_only):
            best = (d, month_only)
    return best
