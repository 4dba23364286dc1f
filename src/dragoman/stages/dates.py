"""Time expressions and the publication date (see docs/dates.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from dragoman.dates import (
    Anchor,
    Trigger,
    extract_time_expressions,
    find_readings,
    find_triggers,
    fold_digits,
    patterns,
)
from dragoman.dates.data import Shift
from dragoman.dates.patterns import Patterns
from dragoman.dates.published import (
    CONFIDENCE,
    PublishedDate,
    embedded_post_dates,
    estimate_published,
    raised_to,
    read_top,
    text_today,
    weekday_pinned,
)
from dragoman.dates.resolve import Kind, Reading
from dragoman.model import NEWS_CHROME, Article, Granularity, PublishedBasis, PublishedFrom, Span, TimeExpr
from dragoman.pipeline import BaseStage, StageSettings, register_stage


class DatesSettings(StageSettings):
    # A year-less date ("7 October", "in July") is taken in the past unless
    # it falls at most this many days after the publication date.
    future_days: int = Field(default=92, ge=0, le=366)
    # How many non-empty lines from the top may hold a dateline.
    dateline_lines: int = Field(default=12, ge=0)
    # With no publication date, estimate one from the article's own dates.
    estimate_published: bool = True
    # Resolve month- and year-level relative expressions ("this year", "last July")
    # against that estimate; day-level ones ("yesterday") always stay unresolved.
    resolve_against_estimate: bool = True
    # The present the run assumes: no page is published after it. A year-less date written
    # with its weekday ("Sunday 9 March") is taken in the latest year that fits up to it.
    # None is the machine's date; set it (the crawl date) to re-run an archive reproducibly.
    today: date | None = None


def _latest_this_year(readings: list[Reading], exprs: list[TimeExpr]) -> tuple[date, bool, Span] | None:
    best: tuple[date, bool, Span] | None = None
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
            best = (d, month_only, e.span)
    return best


def body_spans(article: Article) -> list[Span]:
    """The sentences whose time expressions count: the body, and captions (they date their event)."""
    return [sent for sent in article.sentences if not article.in_boilerplate(sent, NEWS_CHROME)]


def _preset(article: Article) -> PublishedDate | None:
    """The date the input or the page's metadata gave (``Article.given_published``), with its basis.

    A date this stage derived on an earlier run (a stored article run again) is not
    given: it is dropped here and derived afresh, so the re-run agrees with the run.
    """
    src = article.source
    day = article.given_published()
    if day is None:
        src.published, src.published_estimated, src.published_basis = None, False, None
        return None
    # A reader may hand over a datetime; dates are compared by calendar day.
    if isinstance(day, datetime):
        day = day.date()
    basis = src.published_basis or PublishedBasis(PublishedFrom.INPUT, CONFIDENCE[PublishedFrom.INPUT])
    return PublishedDate(day, basis)


# Chrome the boilerplate stage marks as the page's own date: a metadata field
# (" date 2025-03-12" before the text) or a dateline/byline line with a date.
DATE_CHROME = frozenset({"metadata", "dateline"})


def _chrome_date(article: Article, scan: str, pats: Patterns, triggers: list[Trigger]) -> PublishedDate | None:
    """The first full date inside the page's date chrome, when the top of the page gave none."""
    for b in sorted(article.boilerplate, key=lambda b: b.span.start):
        if b.reason not in DATE_CHROME:
            continue
        for r in find_readings(scan, b.span.start, b.span.end, pats, triggers):
            if r.kind == Kind.DAY and r.year and r.month and r.day:
                basis = PublishedBasis(
                    PublishedFrom.DATELINE,
                    round(CONFIDENCE[PublishedFrom.DATELINE] - 0.1, 2),
                    Granularity.DAY,
                    (Span(r.span.start, r.span.end),),
                )
                return PublishedDate(date(r.year, r.month, r.day), basis)
    return None


@register_stage("dragoman.Dates.v1", settings=DatesSettings)
class Dates(BaseStage):
    """Find time expressions in body sentences and resolve them against the publication date.

    Absolute dates keep their granularity (day, month, season, year, range,
    decade); relative ones ("last July", "أمس", "בחודש שעבר") are resolved
    against ``Source.published`` and carry ``relative=True`` and the anchor.
    With no publication date from metadata the stage reads one from the
    page address, a leading metadata line, a dateline near the top, or the
    text's own "today, 19 August 2025"; failing those it estimates a lower
    bound from the article's own dates, never from a background date when
    the news is told with "yesterday" or "on Friday", or from a year-less
    date written with its weekday, in the latest fitting year up to the
    run's present (``today``) (``Source.published_estimated=True``), and resolves against it only
    what needs no exact day ("this year", "last July"), marking the anchor
    approximate (``2025-04~``).  ``Source.published_basis`` records the
    source, evidence spans and a confidence.
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
        # captions are read as text (NEWS_CHROME): "X meets Y in Muscat, 25 April 2025" dates its event
        body = body_spans(article)
        src = article.source
        pub = (
            _preset(article)
            or read_top(scan, pats, url=src.url, max_lines=s.dateline_lines, triggers=triggers)
            or _chrome_date(article, scan, pats, triggers)
        )
        anchor = pub.anchor() if pub else None
        exprs, readings = extract_time_expressions(
            scan, body, pats, anchor, future_days=s.future_days, triggers=triggers
        )
        if pub is None:
            pub = text_today(scan, readings, pats)
            if pub is None and s.estimate_published:
                pub = estimate_published(scan, readings, body, pats, embedded_post_dates(article.text))
            if pub is None and s.estimate_published:
                pub = weekday_pinned(scan, readings, pats, s.today or date.today(), future_days=s.future_days)
            if pub is not None and (not pub.estimated or s.resolve_against_estimate):
                exprs, pub = self._resolve(scan, body, pats, readings, pub)
        if pub is not None:
            src.published, src.published_estimated, src.published_basis = pub.day, pub.estimated, pub.basis
        article.time_expressions = exprs
        return article

    def _resolve(
        self, scan: str, body: list[Span], pats: Patterns, readings: list[Reading], pub: PublishedDate
    ) -> tuple[list[TimeExpr], PublishedDate]:
        fd = self.settings.future_days
        est = pub.anchor()
        exprs, _ = extract_time_expressions(scan, body, pats, est, future_days=fd, readings=readings)
        if pub.estimated:
            # "May of this year" in an article whose latest full date is April
            # means it was published in May at the earliest: raise the estimate.
            later = _latest_this_year(readings, exprs)
            if later is not None and later[0] > pub.day:
                pub = raised_to(pub, *later)
                est = Anchor(pub.day, estimated=True, month_only=pub.month_only)
                exprs, _ = extract_time_expressions(scan, body, pats, est, future_days=fd, readings=readings)
        return exprs, pub
