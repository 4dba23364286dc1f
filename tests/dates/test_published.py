"""Datelines near the top of a page, and the estimate from dates in the text."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.dates import find_dateline, find_readings, fold_digits, latest_dated, patterns
from dragoman.model import Article, Granularity
from dragoman.stages.dates import Dates
from dragoman.stages.sentences import Sentences


def _dateline(text: str, lang: str) -> date | None:
    pats = patterns(lang)
    assert pats is not None
    found = find_dateline(fold_digits(text), pats)
    return found.day if found else None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("الرئيسية\nالأربعاء 12 مارس 2025 - 10:30 ص\nالتقى الوزيران في باكو.", "ar", date(2025, 3, 12)),
        ("أخبار\nتاريخ النشر: 2025-03-12\nنص الخبر", "ar", date(2025, 3, 12)),
        ("أخبار\n2025/03/12 10:30\nنص الخبر", "ar", date(2025, 3, 12)),
        ("חדשות\nפורסם: 12.03.25\nהשר נפגש", "he", date(2025, 3, 12)),
        ("World\nPublished March 12, 2025 at 10:30 GMT\nThe minister met", "en", date(2025, 3, 12)),
        ("News\nUpdated 2025-03-12T09:30Z\nThe minister met", "en", date(2025, 3, 12)),
    ],
)
def test_dateline_found(text: str, lang: str, expected: date) -> None:
    assert _dateline(text, lang) == expected


def test_a_date_inside_a_sentence_is_not_a_dateline() -> None:
    text = "الوقت- في 12 مارس 2025 التقى الوزيران في باكو وبحثا توسيع اتفاقات التعاون بين البلدين."
    assert _dateline(text, "ar") is None


def test_dateline_only_near_the_top() -> None:
    filler = "\n".join(f"سطر {i}" for i in range(20))
    assert _dateline(filler + "\n12 مارس 2025", "ar") is None


def test_latest_dated_prefers_later_and_full_days() -> None:
    pats = patterns("en")
    assert pats is not None
    text = "In April 2025 and on 2 March 2025, then in 2026 and last May."
    latest = latest_dated(find_readings(text, 0, len(text), pats))
    assert latest == (date(2025, 4, 1), True)  # years and relative months do not count


def test_this_year_months_raise_the_estimate() -> None:
    art = Article.from_text("Talks began in April 2025.\nThey resumed in May of this year.")
    art.language = "en"
    art.provided.add("boilerplate")
    art = Dates()(Sentences()(art))
    assert (art.source.published, art.source.published_estimated) == (date(2025, 5, 1), True)
    may = [t for t in art.time_expressions if art.span_text(t.span) == "May of this year"][0]
    assert (may.value, may.granularity, may.anchor) == ("2025-05", Granularity.MONTH, "2025-05~")


def test_named_dates_do_not_date_the_article() -> None:
    art = Article.from_text("بعد هجمات 11 سبتمبر تغير كل شيء.\nوقال المتحدث أمس إن المحادثات مستمرة.")
    art.language = "ar"
    art.provided.add("boilerplate")
    art = Dates()(Sentences()(art))
    assert art.source.published is None
    named = [t for t in art.time_expressions if t.value == "2001-09-11"]
    assert len(named) == 1 and not named[0].relative
