"""Time expressions and the publication date (see docs/dates.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from dragoman.dates import (
    Anchor,
    Trigger,
    extract_time_expressions,
    find_dateline,
    find_readings,
    find_triggers,
    fold_digits,
    latest_dated,
    patterns,
)
from dragoman.dates.data import Shift
from dragoman.dates.patterns import Patterns
from dragoman.dates.resolve import Kind, Reading
from dragoman.model import Article, Granularity, TimeExpr
from dragoman.pipeline import BaseStage, StageSettings, register_stage


class DatesSettings(StageSettings):
    # A year-less date ("7 October", "in July") is taken in the past unless
    # it falls at most this many days after the publication date.
    future_days: int = Field(default=92, ge=0, le=366)
    # How many non-empty lines from the top may hold a dateline.
    dateline_lines: int = Field(default=12, ge=0)
    # With no publication date, estimate one from the latest absolute date in the text.
    estimate_published: bool = True
    # Resolve month- and year-level relative expressions ("this year", "last July")
    # against that estimate; day-level ones ("yesterday") always stay unresolved.
    resolve_against_estimate: bool = True


def _latest_this_year(readings: list[Reading], exprs: list[TimeExpr]) -> tuple[date, bool] | None:
    best: tuple[date, bool] | None = None
    for r, e in zip(readings, exprs, strict=True):
        if (
            r.shift != Shift.THIS_YEAR
            or e.value is None
            or e.granularity not in (Granularity.DAY, Granularity.MONTH)
        ):
            continue
        month_only = e.granularity == Granularity.MONTH
        d = date.fromisoformat(e.value + "-01" if month_only else e.value)
        if best is None or d > best[0]:
            best = (d, month_only)
    return best


# Chrome the boilerplate stage marks as the page's own date: a metadata field
# (" date 2025-03-12" before the text) or a dateline/byline line with a date.
_DATE_CHROME = frozenset({"metadata", "dateline"})


def _chrome_date(
    article: Article, scan: str, pats: Patterns, triggers: list[Trigger]
) -> tuple[date, tuple[int, int]] | None:
    """The first full date inside the page's date chrome, when no dateline line gave one."""
    for b in sorted(article.boilerplate, key=lambda b: b.span.start):
        if b.reason not in _DATE_CHROME:
            continue
        for r in find_readings(scan, b.span.start, b.span.end, pats, triggers):
            if r.kind == Kind.DAY and r.year and r.month and r.day:
                return date(r.year, r.month, r.day), (r.span.start, r.span.end)
    return None


@register_stage("dragoman.Dates.v1", settings=DatesSettings)
class Dates(BaseStage):
    """Find time expressions in body sentences and resolve them against the publication date.

    Absolute dates keep their granularity (day, month, season, year, range,
    decade); relative ones ("last July", "أمس", "בחודש שעבר") are resolved
    against ``Source.published`` and carry ``relative=True`` and the anchor.
    With no known publication date the stage looks for a dateline near the
    top of the page; failing that it estimates one from the latest absolute
    day/month date in the text (``Source.published_estimated=True``) and
    resolves against it only what needs no exact day ("this year", "last
    July"), marking the anchor approximate (``2025-04~``); "yesterday" and
    the like stay ``unresolved``.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "sentences", "boilerplate"})
    provides: ClassVar[frozenset[str]] = frozenset({"time_expressions", "published"})

    def __init__(self, settings: DatesSettings | None = None) -> None:
        super().__init__(settings or DatesSettings())
        self.settings: DatesSettings

    def __call__(self, article: Article) -> Article:
        s = self.settings
        lang = (article.language or "").split("-")[0].lower()
        pats = patterns(lang) if lang else None
        if pats is None:
            article.time_expressions = []
            return article
        scan = fold_digits(article.text)
        triggers = find_triggers(pats.keys(scan), pats)  # one scan of the text serves every search below
        body = [sent for sent in article.sentences if not article.in_boilerplate(sent)]
        src = article.source
        anchor: Anchor | None = None
        if src.published is not None:
            # A reader may hand over a datetime; dates are compared by calendar day.
            day = src.published.date() if isinstance(src.published, datetime) else src.published
            anchor = Anchor(day, estimated=src.published_estimated)
        else:
            line = (
                find_dateline(scan, pats, max_lines=s.dateline_lines, triggers=triggers)
                if s.dateline_lines
                else None
            )
            if line is not None:
                src.published, src.published_estimated = line.day, False
                article.meta["published_from"] = "dateline"
                article.meta["published_span"] = [line.start, line.end]
                anchor = Anchor(line.day)
            else:
                stamp = _chrome_date(article, scan, pats, triggers)
                if stamp is not None:
                    day, (start, end) = stamp
                    src.published, src.published_estimated = day, False
                    article.meta["published_from"] = "chrome"
                    article.meta["published_span"] = [start, end]
                    anchor = Anchor(day)
        exprs, readings = extract_time_expressions(
            scan, body, pats, anchor, future_days=s.future_days, triggers=triggers
        )
        if anchor is None and s.estimate_published:
            latest = latest_dated(readings)
            if latest is not None:
                day, month_only = latest
                src.published, src.published_estimated = day, True
                article.meta["published_from"] = "estimate:latest-date-in-text"
                if s.resolve_against_estimate:
                    est = Anchor(day, estimated=True, month_only=month_only)
                    exprs, _ = extract_time_expressions(
                        scan, body, pats, est, future_days=s.future_days, readings=readings
                    )
                    # "May of this year" in an article whose latest full date is April
                    # means it was published in May at the earliest: raise the estimate.
                    later = _latest_this_year(readings, exprs)
                    if later is not None and later[0] > day:
                        day, month_only = later
                        src.published = day
                        est = Anchor(day, estimated=True, month_only=month_only)
                        exprs, _ = extract_time_expressions(
                            scan, body, pats, est, future_days=s.future_days, readings=readings
                        )
        article.time_expressions = exprs
        return article
