"""Time expressions and publication dates in Arabic, Hebrew and English news.

``patterns(lang)`` compiles the candidate finder from ``lang/data/<code>/dates.yaml``;
``find_readings`` says what each candidate means; ``resolve`` applies an
anchor date; ``find_dateline`` and ``latest_dated`` supply that anchor when
the article's metadata has none.
"""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.dates.data import DatesData, Shift, Unit, dates_data, languages_with_dates
from dragoman.dates.finder import Trigger, find_readings, find_triggers, parse_numeric
from dragoman.dates.patterns import DIGITS, Patterns, fold_digits, patterns
from dragoman.dates.published import (
    Dateline,
    PublishedDate,
    estimate_published,
    find_dateline,
    gap_is_small,
    latest_dated,
    read_top,
)
from dragoman.dates.resolve import Anchor, Kind, Reading, resolve
from dragoman.model import Span, TimeExpr

__all__ = [
    "DIGITS",
    "Anchor",
    "Dateline",
    "DatesData",
    "Kind",
    "Patterns",
    "Reading",
    "Shift",
    "Trigger",
    "Unit",
    "PublishedDate",
    "dates_data",
    "estimate_published",
    "extract_time_expressions",
    "find_dateline",
    "find_readings",
    "find_triggers",
    "fold_digits",
    "gap_is_small",
    "languages_with_dates",
    "latest_dated",
    "parse_numeric",
    "patterns",
    "read_top",
    "resolve",
]


def extract_time_expressions(
    scan: str,
    regions: Sequence[Span],
    pats: Patterns,
    anchor: Anchor | None,
    *,
    future_days: int = 92,
    readings: list[Reading] | None = None,
    triggers: list[Trigger] | None = None,
) -> tuple[list[TimeExpr], list[Reading]]:
    """Time expressions in ``regions`` of ``scan`` (digit-folded text), plus the readings behind them.

    Pass ``readings`` from an earlier call to re-resolve against another
    anchor without searching the text again.
    """
    if readings is None:
        if triggers is None:
            triggers = find_triggers(pats.keys(scan), pats)
        readings = [r for reg in regions for r in find_readings(scan, reg.start, reg.end, pats, triggers)]
    exprs = [resolve(r, anchor, future_days=future_days) for r in readings]
    return _weekdays_follow_their_dates(scan, readings, exprs, pats), readings


def _weekdays_follow_their_dates(
    scan: str, readings: list[Reading], exprs: list[TimeExpr], pats: Patterns
) -> list[TimeExpr]:
    """A day name written beside its date ("on Sunday, 9 March") names that date.

    Alone, "Sunday" is the latest Sunday up to the anchor; beside a date it only
    repeats the date's weekday, so it takes the date's value: a page published a week
    later must not date the event to the Sunday it was published on.
    """
    out = list(exprs)
    for i, r in enumerate(readings):
        if r.kind != Kind.WEEKDAY or r.shift is not None:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(readings) or readings[j].kind != Kind.DAY:
                continue
            date_expr = exprs[j]
            if date_expr.value is None or not gap_is_small(scan, r.span, readings[j].span, pats):
                continue
            out[i] = TimeExpr(
                span=exprs[i].span,
                value=date_expr.value,
                granularity=date_expr.granularity,
                relative=date_expr.relative,
                anchor=date_expr.anchor,
            )
            break
    return out
