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
    return [resolve(r, anchor, future_days=future_days) for r in readings], readings
