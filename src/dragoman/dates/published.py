"""The publication date: read from metadata or the page when it is there, else estimated honestly.

In order of strength (``PublishedFrom``):

1. a date given with the input (a feed entry, a JSONL record, the caller) or
   found by the read stage in the page's metadata (meta tags, JSON-LD): handed
   in as ``Source.published`` (``PublishedFrom.INPUT``/``METADATA``), never
   second-guessed here;
2. a date in the page's address (``/2025/03/12/``, ``/20250312/``), from
   ``Source.url`` or an address printed in the first lines of a scraped page;
3. a leading metadata line of a scraped page (`` date 2025-03-12``);
4. a dateline near the top ("نشر في 12 مارس 2025", "פורסם: 12.03.25", a line
   holding only "Wednesday 12 March 2025");
5. the text saying what today is ("اليوم الأربعاء 11 يونيو 2025");
6. an estimate from the article's own dates (``estimate_published``).

1-5 are readings: relative expressions ("yesterday") resolve against them.
6 is a lower bound: the article cannot predate the latest date it reports,
but that date may be background ("during his visit in January 2017").  When
the article tells its news with deictic words ("on Friday", "yesterday",
"this week") the news is days old at publication, so only a date tied to
such a word or standing in the lede counts; a date further down is history
and gives no estimate at all rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dragoman.dates.data import Shift, Unit
from dragoman.dates.finder import Trigger, find_readings, find_triggers, parse_numeric
from dragoman.dates.patterns import Patterns
from dragoman.dates.resolve import Anchor, Kind, Reading
from dragoman.model import Granularity, PublishedBasis, PublishedFrom, Span

_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|ص|م|GMT|UTC)?")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LABEL_TAIL = 40  # characters after a label that may hold the date
_MAX_LINE = 160  # longer unlabelled lines are text, not datelines
_BYLINE_WORDS = 6  # other words a dated and timed line may hold (author, section)

# Confidence per source: how often that kind of evidence names the publication day, as
# judged from how outlets print dates (not fitted on any data set).
CONFIDENCE: dict[PublishedFrom, float] = {
    PublishedFrom.INPUT: 0.95,
    PublishedFrom.METADATA: 0.95,
    PublishedFrom.URL: 0.9,
    PublishedFrom.METADATA_LINE: 0.9,
    PublishedFrom.DATELINE: 0.85,
    PublishedFrom.TEXT_TODAY: 0.8,
}


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date with its basis; ``day`` is the first of the month when only the month is known."""

    day: date
    basis: PublishedBasis

    @property
    def estimated(self) -> bool:
        return self.basis.source is PublishedFrom.ESTIMATE

    @property
    def month_only(self) -> bool:
        return self.basis.granularity is Granularity.MONTH

    @property
    def year_only(self) -> bool:
        return self.basis.granularity is Granularity.YEAR

    def anchor(self) -> Anchor:
        """The anchor relative expressions resolve against, at this date's precision."""
        return Anchor(self.day, estimated=self.estimated, month_only=self.month_only, year_only=self.year_only)


def _found(
    day: date, source: PublishedFrom, *evidence: Span, confidence: float | None = None
) -> PublishedDate:
    conf = CONFIDENCE[source] if confidence is None else confidence
    return PublishedDate(day, PublishedBasis(source, conf, Granularity.DAY, tuple(evidence)))


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
    """Is the date (nearly) all its line says? Weekday names, times and punctuation don't count.

    A byline stamps the date with a time of day ("Name | Politics 2.5.2024 | 19:16"): with a
    time, a few more words (author, section) may share the line.
    """
    rest = scan[start : r.span.start] + " " + scan[r.span.end : end]
    timed = _TIME.search(rest) is not None
    rest = pats.weekday.sub(" ", _TIME.sub(" ", rest))
    return len(_WORD.findall(rest)) <= (_BYLINE_WORDS if timed else 2)


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
            # Formats our shapes miss ("Published 2025-03-12T09:30Z"): let dateparser try the
            # tail, but only a numeric one: a word there ("פורסם אתמול", "published today")
            # would be read against the clock of the machine running us.
            tail = scan[label.end() : min(end, label.end() + _LABEL_TAIL)].strip(" :-–|\t")
            first = tail.split("T")[0].split()[0] if tail else ""
            d = parse_numeric(first, pats.lang, pats.data.date_order) if first[:1].isdigit() else None
            if d is not None:
                return Dateline(d, label.end(), min(end, label.end() + _LABEL_TAIL), labelled=True)
    return fallback


# /2025/03/12/, /2025-03-12, /20250312/, _2025_3_12 and a slug ending "-2025-3-13-40".
_URL_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d\d)(?P<sep>[/_-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![0-9])"
    r"|(?<![0-9])(?P<y8>(?:19|20)\d\d)(?P<m8>[01]\d)(?P<d8>[0-3]\d)(?![0-9])"
)
_URL = re.compile(r"(?:https?://|www\.)\S+")


def date_in_url(url: str) -> tuple[date, int, int] | None:
    """The date an address carries in its path, with its offsets in ``url``; None when there is none.

    Only the path is read (a host name holds no date) and only plausible years.  An
    eight-digit run counts only between separators (``/20250921/``): inside a longer
    number it is an article id.
    """
    start = url.find("/", url.find("//") + 2 if "//" in url else 0)
    if start < 0:
        return None
    for m in _URL_DATE.finditer(url, start):
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = int(m.group("y8")), int(m.group("m8")), int(m.group("d8"))
        try:
            day = date(y, mo, d)
        except ValueError:
            continue
        if 1990 <= y <= 2100:
            return day, m.start(), m.end()
    return None


# A scraped page's metadata line: " date 2025-08-09 ...", "Date: 2025-08-09T10:00".
_META_LINE = re.compile(
    r"\s*(?:date|published|pubdate|publication date)\s*[:=]?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}\S*)?",
    re.IGNORECASE,
)


def read_top(
    scan: str, pats: Patterns, *, url: str | None, max_lines: int, triggers: list[Trigger]
) -> PublishedDate | None:
    """A publication date read (not guessed) from the address or the top of the page, if any."""
    if url:
        hit = date_in_url(url)
        if hit is not None:
            return _found(hit[0], PublishedFrom.URL)
    lines = _lines(scan, min(max_lines, 3)) if max_lines else []
    for start, end in lines:
        m = _META_LINE.match(scan, start, end)
        if m is not None:
            try:
                return _found(
                    date.fromisoformat(m.group(1)), PublishedFrom.METADATA_LINE, Span(m.start(1), m.end(1))
                )
            except ValueError:
                pass
        for u in _URL.finditer(scan, start, end):
            hit = date_in_url(u.group())
            if hit is not None:
                return _found(hit[0], PublishedFrom.URL, Span(u.start() + hit[1], u.start() + hit[2]))
    line = find_dateline(scan, pats, max_lines=max_lines, triggers=triggers) if max_lines else None
    if line is not None:
        conf = round(CONFIDENCE[PublishedFrom.DATELINE] - (0 if line.labelled else 0.1), 2)
        return _found(line.day, PublishedFrom.DATELINE, Span(line.start, line.end), confidence=conf)
    return None


def _today(r: Reading) -> bool:
    return r.kind == Kind.RELATIVE and r.unit == Unit.DAY and r.offset == 0


def _deictic(r: Reading) -> bool:
    """Words that place the news days from publication: today, yesterday, on Friday, this week."""
    if r.named:
        return False
    if r.kind == Kind.WEEKDAY:
        return True
    return r.kind == Kind.RELATIVE and (
        (r.unit == Unit.DAY and -2 <= r.offset <= 1) or (r.unit == Unit.WEEK and -1 <= r.offset <= 0)
    )


def gap_is_small(scan: str, a: Span, b: Span, pats: Patterns) -> bool:
    """Only weekday names, times and punctuation between two neighbouring spans."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    if hi - lo > 30 or "\n" in scan[lo:hi]:
        return False
    rest = pats.weekday.sub(" ", _TIME.sub(" ", scan[lo:hi]))
    return len(_WORD.findall(rest)) <= 1


def text_today(scan: str, readings: list[Reading], pats: Patterns) -> PublishedDate | None:
    """'Today, Tuesday 19 August 2025': the text's own today, the anchor of its deictic words."""
    days = [r for r in readings if _full_day(r) is not None and not r.named]
    for t in (r for r in readings if _today(r)):
        for r in days:
            if gap_is_small(scan, t.span, r.span, pats):
                d = _full_day(r)
                assert d is not None
                return _found(d, PublishedFrom.TEXT_TODAY, t.span, r.span)
    return None


# "— Name (@handle) April 26, 2025": the signature of an embedded post (the
# embed code writes English month names whatever the page's language).
_EMBED = re.compile(r"\(@\w{1,30}\)\s*([A-Z][a-z]+ \d{1,2}, \d{4})")


def embedded_post_dates(text: str) -> list[tuple[date, Span]]:
    """Dates of posts embedded in the page: each was posted before the page was published."""
    out: list[tuple[date, Span]] = []
    for m in _EMBED.finditer(text):
        try:
            d = datetime.strptime(m.group(1), "%B %d, %Y").date()
        except ValueError:
            continue
        out.append((d, Span(m.start(1), m.end(1))))
    return out


@dataclass(frozen=True, slots=True)
class _Candidate:
    day: date
    month_only: bool
    span: Span
    tied: bool  # beside a deictic word ("on Friday, 10 March 2023")


def estimate_published(
    scan: str,
    readings: list[Reading],
    body: list[Span],
    pats: Patterns,
    embeds: Sequence[tuple[date, Span]] = (),
    *,
    lede_sentences: int = 2,
) -> PublishedDate | None:
    """A lower bound for the publication date from the article's own dates, or None.

    ``readings`` are those of the body sentences ``body``.  Without deictic words the
    latest absolute day or month date (and any embedded post) bounds publication from
    below.  With them, only dates tied to a deictic word or in the first
    ``lede_sentences`` sentences count: the rest of the article's dates are background.
    """
    lede_end = body[min(lede_sentences, len(body)) - 1].end if body else 0
    deictics = [r for r in readings if _deictic(r)]
    cands: list[_Candidate] = []
    for r in readings:
        if (
            r.named
            or not r.absolute
            or r.year is None
            or r.month is None
            or r.kind not in (Kind.DAY, Kind.MONTH)
        ):
            continue
        tied = any(gap_is_small(scan, r.span, t.span, pats) for t in deictics)
        cands.append(_Candidate(date(r.year, r.month, r.day or 1), r.kind == Kind.MONTH, r.span, tied))
    if deictics:
        news = [c for c in cands if c.tied or c.span.start < lede_end]
    else:
        news = cands + [_Candidate(d, False, sp, False) for d, sp in embeds]
    if not news:
        return _yearless_after_background(readings, cands) if deictics else None
    best = max(news, key=lambda c: (c.day, not c.month_only))
    conf = 0.6 if best.tied else 0.5 if best.span.start < lede_end else 0.4
    conf = round(conf - (0.1 if best.month_only else 0.0), 2)
    gran = Granularity.MONTH if best.month_only else Granularity.DAY
    return PublishedDate(best.day, PublishedBasis(PublishedFrom.ESTIMATE, conf, gran, (best.span,)))


# How far back a weekday-pinned date is looked for: weekday and day-of-month
# coincide every 5, 6 or 11 years, so this always holds several candidates.
_PIN_YEARS = 30


def weekday_pinned(
    scan: str, readings: list[Reading], pats: Patterns, today: date, *, future_days: int = 92
) -> PublishedDate | None:
    """A lower bound from a year-less date written with its weekday ("يوم الأحد 9 آذار/مارس").

    The weekday fixes the year up to the calendar's cycle: 9 March fell on a Sunday in
    2014, 2025 and 2031.  Publication is no later than ``today`` (the run's present: a page
    is read after it went online), so the date is the latest such day not after it: the
    news is recent when a pipeline reads it.  When the latest fitting day lies up to
    ``future_days`` after the present, the article announced it ahead: no estimate, rather
    than a cycle-old year.  Years the article names decide nothing here:
    they may be plans ("a census planned for 2030") as well as history.  The estimate is a lower
    bound at day precision with a low confidence; the evidence is the weekday and the date.
    With several such pairs the latest date counts.
    """
    best: tuple[date, Span, Span] | None = None
    weekdays = [r for r in readings if r.kind == Kind.WEEKDAY and r.shift is None and not r.named]
    for r in readings:
        if r.kind != Kind.DAY or r.year is not None or r.shift is not None or r.named or not r.month or not r.day:
            continue
        for w in weekdays:
            if not gap_is_small(scan, w.span, r.span, pats):
                continue
            for y in range(today.year + 1, today.year - _PIN_YEARS, -1):
                try:
                    d = date(y, r.month, r.day)
                except ValueError:  # 29 February
                    continue
                if d <= today + timedelta(days=future_days) and d.isoweekday() == w.day:
                    # A fitting day just ahead of the present is a plan told before it
                    # happened: it bounds nothing, and an older year would be a wrong guess.
                    if d <= today and (best is None or d > best[0]):
                        best = (d, w.span, r.span)
                    break
    if best is None:
        return None
    evidence = tuple(sorted((best[1], best[2]), key=lambda s: s.start))
    return PublishedDate(best[0], PublishedBasis(PublishedFrom.ESTIMATE, 0.4, Granularity.DAY, evidence))


# Shifts that keep a year-less month in the past or the current year ("in February",
# "last July", "March of this year"); "next March" looks ahead and bounds nothing.
_PAST_SHIFTS = frozenset({None, Shift.LAST, Shift.THIS_YEAR})


def _yearless_after_background(readings: list[Reading], background: list[_Candidate]) -> PublishedDate | None:
    """A month-level lower bound from a year-less month told after the article's background dates.

    Writers give the year of a date outside the current year ("In December 2024, ...") and
    leave it out inside it ("In February, ..."): a year-less month is the first such month
    after the latest dated background, and publication is no earlier.  Background alone
    still gives no estimate (``estimate_published``); the year-less month is the article's
    own cue, and the estimate is month-level with a low confidence.  A month told as
    "last" is over, so the bound is the month after it.  With several, the earliest
    counts: one of them may look ahead ("the summit in July").
    """
    if not background:
        return None
    floor = max(background, key=lambda c: c.day)
    best: tuple[date, Span] | None = None
    for r in readings:
        if r.named or r.year is not None or r.month is None or r.kind not in (Kind.DAY, Kind.MONTH):
            continue
        if r.shift not in _PAST_SHIFTS:
            continue
        # Strictly after the background's month: a year-less "February" beside a dated
        # "February 2024" is another February.
        y = floor.day.year if r.month > floor.day.month else floor.day.year + 1
        d = date(y, r.month, 1)
        if r.shift is Shift.LAST:
            # "last April", "أبريل الماضي", "באפריל האחרון": April is over, so publication is
            # in a later month (in April itself the words would mean the April before).
            d = date(y + (r.month == 12), r.month % 12 + 1, 1)
        if best is None or d < best[0]:
            best = (d, r.span)
    if best is None:
        return None
    basis = PublishedBasis(PublishedFrom.ESTIMATE, 0.3, Granularity.MONTH, (floor.span, best[1]))
    return PublishedDate(best[0], basis)


def raised_to(estimate: PublishedDate, day: date, month_only: bool, span: Span) -> PublishedDate:
    """The estimate moved up to a later lower bound ("May of this year" in an article whose latest date is April)."""
    b = estimate.basis
    gran = Granularity.MONTH if month_only else Granularity.DAY
    return PublishedDate(day, PublishedBasis(b.source, b.confidence, gran, (*b.evidence, span)))


def latest_dated(readings: list[Reading]) -> tuple[date, bool] | None:
    """The latest absolute day or month date, and whether it is month-only.

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
