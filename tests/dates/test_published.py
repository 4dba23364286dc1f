"""Datelines near the top of a page, and the estimate from dates in the text."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.dates import find_dateline, find_readings, fold_digits, latest_dated, patterns
from dragoman.dates.published import date_in_url, embedded_post_dates
from dragoman.model import Article, Granularity, PublishedFrom, Span
from dragoman.stages.dates import Dates, DatesSettings
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


def _run(text: str, lang: str, url: str | None = None) -> Article:
    art = Article.from_text(text)
    art.source.url = url
    art.language = lang
    art.provided.add("boilerplate")
    return Dates()(Sentences()(art))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2024/03/14/us-extends-waiver", date(2024, 3, 14)),
        ("https://news.example/20250921/minister-denies-talks-1105085561.html", date(2025, 9, 21)),
        ("https://news.example/news-detail/peace-treaty-talks-2025-3-13-40/", date(2025, 3, 13)),
        ("https://news.example/story/2024-11-19/envoy-in-beirut", date(2024, 11, 19)),
        ("https://news.example/article/51023/talks-resume", None),
        ("https://2024.news.example/story/1105085561", None),  # a host and an article id are not dates
    ],
)
def test_date_in_url(url: str, expected: date | None) -> None:
    hit = date_in_url(url)
    assert (hit[0] if hit else None) == expected


def test_url_date_is_a_reading_not_an_estimate() -> None:
    art = _run("The minister met his counterpart yesterday.", "en", url="https://x.example/2024/03/14/talks")
    src = art.source
    assert (src.published, src.published_estimated) == (date(2024, 3, 14), False)
    assert src.published_basis is not None and src.published_basis.source is PublishedFrom.URL
    (y,) = [t for t in art.time_expressions if art.span_text(t.span) == "yesterday"]
    assert (y.value, y.anchor) == ("2024-03-13", "2024-03-14")


def test_leading_metadata_line_of_a_scraped_page() -> None:
    art = _run(" date 2025-08-09 وقال الوزير أمس إن المحادثات مستمرة في مسقط.", "ar")
    basis = art.source.published_basis
    assert art.source.published == date(2025, 8, 9) and not art.source.published_estimated
    assert basis is not None and basis.source is PublishedFrom.METADATA_LINE
    assert [art.span_text(s) for s in basis.evidence] == ["2025-08-09"]
    (y,) = [t for t in art.time_expressions if art.span_text(t.span) == "أمس"]
    assert y.value == "2025-08-08"


def test_a_label_before_a_relative_word_is_not_read_against_the_clock() -> None:
    # "פורסם אתמול" ("published yesterday"): dateparser would answer with the machine's yesterday.
    assert _dateline("חדשות\nפורסם אתמול בערב\nהשר נפגש עם עמיתו", "he") is None


def test_byline_with_author_section_date_and_time() -> None:
    text = "כותרת הידיעה\nדנה לוי | מדיני 3.4.2024 | 10:12\nהשר נפגש עם עמיתו."
    assert _dateline(text, "he") == date(2024, 4, 3)


def test_the_text_saying_what_today_is_anchors_its_deictic_words() -> None:
    text = (
        "ذكر مصدر رسمي، اليوم الأربعاء 11 يونيو 2025، أن الوفد غادر عمّان.\n"
        "وكان الوفد قد وصل أمس إلى العاصمة الأردنية."
    )
    art = _run(text, "ar")
    src = art.source
    assert (src.published, src.published_estimated) == (date(2025, 6, 11), False)
    assert src.published_basis is not None and src.published_basis.source is PublishedFrom.TEXT_TODAY
    (y,) = [t for t in art.time_expressions if art.span_text(t.span) == "أمس"]
    assert y.value == "2025-06-10"


def test_a_background_date_never_dates_a_deictic_article() -> None:
    # The news is "on Friday"; the one full date is a visit years before.
    text = (
        "The two leaders signed a trade agreement on Friday in the capital.\n"
        "Officials said the deal would double trade within five years.\n"
        "The president first visited the country in January 2017, when talks began."
    )
    art = _run(text, "en")
    assert art.source.published is None and art.source.published_basis is None


def test_a_deictic_date_in_the_lede_is_a_lower_bound() -> None:
    text = "The two leaders signed a trade agreement on Friday, 12 September 2025, in the capital.\nMore talks follow."
    art = _run(text, "en")
    src = art.source
    assert (src.published, src.published_estimated) == (date(2025, 9, 12), True)
    assert src.published_basis is not None and src.published_basis.source is PublishedFrom.ESTIMATE
    assert [art.span_text(s) for s in src.published_basis.evidence] == ["12 September 2025"]


def test_without_deictic_words_the_latest_date_is_the_estimate_at_its_own_precision() -> None:
    text = "The ministry published its annual report in March 2024.\nThe previous one came out in May 2021."
    art = _run(text, "en")
    basis = art.source.published_basis
    assert art.source.published == date(2024, 3, 1) and art.source.published_estimated
    assert basis is not None and basis.granularity is Granularity.MONTH and basis.confidence < 0.5


def test_embedded_post_dates_bound_publication() -> None:
    text = "بدأت المحادثات الفنية في مسقط في 25 أبريل 2025.\n— قناة الأخبار (@NewsChannel) April 26, 2025\n"
    assert embedded_post_dates(text) == [(date(2025, 4, 26), Span(text.index("April"), text.index("\n", 60)))]
    art = _run(text, "ar")
    assert art.source.published == date(2025, 4, 26) and art.source.published_estimated


def test_a_yearless_month_after_dated_background_bounds_publication() -> None:
    # Deictic news ("on Monday") with only background dates: the background alone gives no
    # estimate, but "In June" written without a year, after "October 2023" written with one,
    # is next year's June at the earliest.
    text = (
        "The two ministers met on Monday in the capital to discuss a transit route.\n"
        "Both sides called the meeting constructive.\n"
        "In October 2023, the first draft of the route was shelved.\n"
        "In June, the parliament approved the funding for the route."
    )
    art = _run(text, "en")
    src, basis = art.source, art.source.published_basis
    assert (src.published, src.published_estimated) == (date(2024, 6, 1), True)
    assert basis is not None and basis.granularity is Granularity.MONTH and basis.confidence <= 0.3
    assert [art.span_text(s) for s in basis.evidence] == ["October 2023", "June"]
    (june,) = [t for t in art.time_expressions if art.span_text(t.span) == "June"]
    assert june.value == "2024-06" and june.anchor == "2024-06~"
    (monday,) = [t for t in art.time_expressions if art.span_text(t.span).endswith("Monday")]
    assert monday.value is None  # a month-level estimate never names a day


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "השרים נפגשו אתמול בירושלים.\nשני הצדדים שיבחו את הפגישה.\nבאוקטובר 2023 נדחתה הטיוטה הראשונה.\nבחודש יוני אישרה הכנסת את התקציב.",
            "he",
            date(2024, 6, 1),
        ),
        # "last June" is over: publication is in July at the earliest.
        (
            "التقى الوزيران أمس في العاصمة.\nووصف الجانبان اللقاء بالبناء.\nفي أكتوبر 2023 تأجلت المسودة الأولى.\nوفي يونيو الماضي أقر البرلمان التمويل.",
            "ar",
            date(2024, 7, 1),
        ),
        (
            "The ministers met yesterday in the capital.\nBoth sides praised the talks.\nIn October 2023 the first draft was shelved.\nLast June the parliament approved the funds.",
            "en",
            date(2024, 7, 1),
        ),
    ],
)
def test_yearless_month_bound_in_three_languages(text: str, lang: str, expected: date) -> None:
    art = _run(text, lang)
    assert (art.source.published, art.source.published_estimated) == (expected, True)
    basis = art.source.published_basis
    assert basis is not None and basis.granularity is Granularity.MONTH
    months = [t for t in art.time_expressions if t.granularity is Granularity.MONTH and t.relative]
    assert [t.value for t in months] == ["2024-06"]  # the year-less month itself stays June


def test_a_month_named_ahead_bounds_nothing() -> None:
    text = (
        "The two ministers met on Monday in the capital.\n"
        "Both sides called the meeting constructive.\n"
        "In October 2023, the first draft was shelved.\n"
        "They will meet again next June."
    )
    art = _run(text, "en")
    assert art.source.published is None


def _run_at(text: str, lang: str, today: date, published: date | None = None) -> Article:
    art = Article.from_text(text)
    art.source.published = published
    art.language = lang
    art.provided.add("boilerplate")
    return Dates(DatesSettings(today=today))(Sentences()(art))


@pytest.mark.parametrize(
    ("text", "lang", "weekday", "day"),
    [
        (
            "قال مصدر إن وفدا من نورلند بلغ عاصمة فالدوريا، يوم الأحد 9 آذار/مارس، لبحث اتفاق الموانئ.",
            "ar",
            "يوم الأحد",
            "9 آذار/مارس",
        ),
        ("A Norland delegation reached Valdoria on Sunday, March 9, to discuss a port deal.", "en", "Sunday", "March 9"),
        ("משלחת מנורלנד הגיעה לוולדוריה ביום ראשון, 9 במרץ, כדי לדון בהסכם הנמלים.", "he", "ביום ראשון", "9 במרץ"),
    ],
)
def test_a_yearless_date_with_its_weekday_pins_the_latest_fitting_year(
    text: str, lang: str, weekday: str, day: str
) -> None:
    # 9 March fell on a Sunday in 2014 and 2025 (and falls so again in 2031): on 3 December
    # 2026 the latest one up to the present is 2025.
    art = _run_at(text, lang, date(2026, 12, 3))
    src, basis = art.source, art.source.published_basis
    assert (src.published, src.published_estimated) == (date(2025, 3, 9), True)
    assert basis is not None and basis.granularity is Granularity.DAY and basis.confidence < 0.5
    assert [art.span_text(s) for s in basis.evidence] == [weekday, day]
    values = {art.span_text(t.span): t.value for t in art.time_expressions}
    assert values[day] == "2025-03-09"
    assert values[weekday] == "2025-03-09"  # the day name repeats its date


def test_the_pinned_year_is_never_after_the_present() -> None:
    text = "A Norland delegation reached Valdoria on Sunday, March 9, to discuss a port deal."
    # Read in December 2024, the next Sunday 9 March is more than three months ahead.
    art = _run_at(text, "en", date(2024, 12, 1))
    assert art.source.published == date(2014, 3, 9)


def test_a_fitting_day_just_ahead_of_the_present_is_a_plan_and_pins_nothing() -> None:
    # Read on 1 March 2025, "Sunday, March 9" is the coming one: no estimate, not 2014's.
    text = "A Norland delegation will reach Valdoria on Sunday, March 9, to discuss a port deal."
    assert _run_at(text, "en", date(2025, 3, 1)).source.published is None


def test_each_weekday_pins_its_own_year_and_a_lone_weekday_pins_nothing() -> None:
    text = "A Norland delegation reached Valdoria on Friday, March 9, to discuss a port deal.\nTalks went on."
    art = _run_at(text, "en", date(2026, 12, 3))
    assert art.source.published == date(2018, 3, 9)  # the latest Friday 9 March up to the present
    lone = "A Norland delegation reached Valdoria on Sunday to discuss a port deal.\nTalks went on."
    assert _run_at(lone, "en", date(2026, 12, 3)).source.published is None


def test_a_weekday_beside_its_date_takes_the_date_not_the_latest_such_day() -> None:
    # Published a week later, on a Sunday: alone, "Sunday" would be the publication day.
    text = "The Valdorian minister said the port talks opened on Sunday, 9 March, in the capital."
    art = _run_at(text, "en", date(2026, 12, 3), published=date(2025, 3, 16))
    values = {art.span_text(t.span): t.value for t in art.time_expressions}
    assert values == {"Sunday": "2025-03-09", "9 March": "2025-03-09"}
