"""A bare day name told of a planned or hypothetical act is the coming one, not the last one.

The dates stage resolves "on Thursday" to the latest Thursday up to the
publication date: news reports what happened.  A plan reverses that: "the embassy
will be inaugurated on Thursday", "ستفتتح السفارة يوم الخميس", "השגרירות תיפתח ביום
חמישי" written on a Wednesday mean the next day.  The status of the act is known
only here, so the events stage moves such a date forward a week when it fell
before the anchor.  Only a day name with nothing that fixes it ("last Thursday",
"الخميس الماضي", a date beside it) moves, and only against a real publication day
(an estimate's anchor, marked ``~``, never resolves day names at all).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dragoman.dates import find_readings, find_triggers, fold_digits, patterns
from dragoman.dates.resolve import Kind
from dragoman.model import Article, EventStatus, Granularity, TimeExpr

# Acts not told as done: a plan ("will open"), and what may or would happen ("could meet on
# Thursday", "said it would open on Friday").
_AHEAD = frozenset({EventStatus.PLANNED, EventStatus.HYPOTHETICAL})


def coming_weekday(
    article: Article, expr: TimeExpr | None, status: EventStatus, lang: str
) -> TimeExpr | None:
    """``expr`` moved to the next such weekday when it dates an act not yet done, before its anchor."""
    if (
        expr is None
        or status not in _AHEAD
        or not expr.relative
        or expr.granularity is not Granularity.DAY
        or not expr.value
        or not expr.anchor
        or expr.anchor.endswith("~")
    ):
        return expr
    anchor, day = date.fromisoformat(expr.anchor), date.fromisoformat(expr.value)
    if day >= anchor:
        return expr
    pats = patterns(lang)
    if pats is None:
        return expr
    words = fold_digits(article.text[expr.span.start : expr.span.end])
    readings = find_readings(words, 0, len(words), pats, find_triggers(pats.keys(words), pats))
    if len(readings) != 1 or readings[0].kind != Kind.WEEKDAY or readings[0].shift is not None:
        return expr
    return replace(expr, value=(day + timedelta(days=7)).isoformat())
