"""The dates stage on hand-built articles, one block per language."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from dragoman.model import Article, Boilerplate, Granularity, Source, Span, TimeExpr
from dragoman.pipeline import make_stage, registry
from dragoman.stages.dates import Dates, DatesSettings
from dragoman.stages.sentences import Sentences

PUB = date(2025, 6, 15)  # a Sunday


def _run(text: str, lang: str, published: date | None = PUB, **settings: object) -> Article:
    art = Article.from_text(text, Source(published=published))
    art.language = lang
    art.provided |= {"boilerplate", "language"}
    art = Sentences()(art)
    return Dates(DatesSettings(**settings))(art)  # type: ignore[arg-type]


def _by_text(art: Article) -> dict[str, TimeExpr]:
    return {art.span_text(t.span): t for t in art.time_expressions}


def _check(art: Article, surface: str, value: str | None, gran: Granularity, *, relative: bool) -> None:
    found = _by_text(art)
    assert surface in found, f"{surface!r} not found; got {sorted(found)}"
    t = found[surface]
    assert (t.value, t.granularity, t.relative) == (value, gran, relative)
    if relative and value is not None:
        assert t.anchor == art.source.published.isoformat()  # type: ignore[union-attr]
    else:
        assert t.anchor is None


def test_registered_with_layers() -> None:
    spec = registry()["dragoman.Dates.v1"]
    assert spec.provides == frozenset({"time_expressions", "published"})
    assert spec.requires == frozenset({"text", "language", "sentences", "boilerplate"})
    assert isinstance(make_stage("dragoman.Dates.v1", {"future_days": 30}), Dates)
    with pytest.raises(ValidationError):
        make_stage("dragoman.Dates.v1", {"no_such_setting": 1})


def test_arabic() -> None:
    art = _run(
        "في مارس/آذار من هذا العام التقى الوفد بالرئيس. وفي أبريل/نيسان 2025 صدر بيان.\n"
        "وقع الاتفاق في 12 مارس 2024، وتم توقيع الاتفاقيات في عامي 2020 و2021.\n"
        "وقال المتحدث أمس إن الزيارة جرت الأسبوع الماضي، وإن المحادثات تكثفت في الأسابيع الأخيرة.\n"
        "وكان الاجتماع في يوليو/تموز الماضي، بعد قمة كانون الثاني 2024، والعلاقات قائمة منذ التسعينيات.\n"
        "واستمرت المعارك من مارس إلى مايو 2024 وبين عامي 2015 و2017.\n"
        "وأعلن الوزير يوم الثلاثاء أن الاجتماع سيعقد الخميس المقبل.",
        "ar",
    )
    _check(art, "مارس/آذار من هذا العام", "2025-03", Granularity.MONTH, relative=True)
    _check(art, "أبريل/نيسان 2025", "2025-04", Granularity.MONTH, relative=False)
    _check(art, "12 مارس 2024", "2024-03-12", Granularity.DAY, relative=False)
    _check(art, "2020", "2020", Granularity.YEAR, relative=False)
    _check(art, "2021", "2021", Granularity.YEAR, relative=False)
    _check(art, "أمس", "2025-06-14", Granularity.DAY, relative=True)
    _check(art, "الأسبوع الماضي", "2025-06-02/2025-06-08", Granularity.RANGE, relative=True)
    _check(art, "في الأسابيع الأخيرة", "../2025-06-15", Granularity.VAGUE, relative=True)
    _check(art, "يوليو/تموز الماضي", "2024-07", Granularity.MONTH, relative=True)
    _check(art, "كانون الثاني 2024", "2024-01", Granularity.MONTH, relative=False)
    _check(art, "التسعينيات", "199", Granularity.DECADE, relative=False)
    _check(art, "من مارس إلى مايو 2024", "2024-03-01/2024-05-31", Granularity.RANGE, relative=False)
    _check(art, "وبين عامي 2015 و2017", "2015/2017", Granularity.RANGE, relative=False)
    _check(art, "يوم الثلاثاء", "2025-06-10", Granularity.DAY, relative=True)
    _check(art, "الخميس المقبل", "2025-06-19", Granularity.DAY, relative=True)


def test_hebrew() -> None:
    art = _run(
        "המתקפה ב-7 באוקטובר 2023 שינתה את האזור.\n"
        "השר ביקר אתמול בבאקו, ובחודש שעבר נפגש עם עמיתו.\n"
        "בשבועות האחרונים עלתה האפשרות להרחיב את ההסכמים, שנחתמו בין 2020 ל-2022.\n"
        "השנה צפוי ביקור נוסף, בשנה שעברה נחתם הסכם, וביולי האחרון נערכה פגישה.\n"
        "השר נחת ביום שלישי בבאקו.",
        "he",
    )
    _check(art, "ב-7 באוקטובר 2023", "2023-10-07", Granularity.DAY, relative=False)
    _check(art, "אתמול", "2025-06-14", Granularity.DAY, relative=True)
    _check(art, "ובחודש שעבר", "2025-05", Granularity.MONTH, relative=True)
    _check(art, "בשבועות האחרונים", "../2025-06-15", Granularity.VAGUE, relative=True)
    _check(art, "בין 2020 ל-2022", "2020/2022", Granularity.RANGE, relative=False)
    _check(art, "השנה", "2025", Granularity.YEAR, relative=True)
    _check(art, "בשנה שעברה", "2024", Granularity.YEAR, relative=True)
    _check(art, "וביולי האחרון", "2024-07", Granularity.MONTH, relative=True)
    _check(art, "ביום שלישי", "2025-06-10", Granularity.DAY, relative=True)


def test_hebrew_day_without_year_takes_the_past() -> None:
    art = _run("הטבח של ה-7 באוקטובר נזכר בדיון.", "he")
    _check(art, "ה-7 באוקטובר", "2024-10-07", Granularity.DAY, relative=True)


def test_english() -> None:
    art = _run(
        "The deal was signed on 12 March 2025 and ratified on March 20, 2025.\n"
        "Officials met yesterday; last July they had met in Baku, and March of this year saw new talks.\n"
        "In recent weeks the idea gained ground. The accords were signed in 2020 and 2021.\n"
        "Trade grew between 2018 and 2022 and since the 1990s. Last summer was calm; summer of 2023 was not.\n"
        "Three days ago the minister spoke. The summit is planned for next March.\n"
        "Fighting raged from March to May 2024 and again on 12-14 October.\n"
        "The minister said on Tuesday that talks resume next Monday.",
        "en",
    )
    _check(art, "12 March 2025", "2025-03-12", Granularity.DAY, relative=False)
    _check(art, "March 20, 2025", "2025-03-20", Granularity.DAY, relative=False)
    _check(art, "yesterday", "2025-06-14", Granularity.DAY, relative=True)
    _check(art, "last July", "2024-07", Granularity.MONTH, relative=True)
    _check(art, "March of this year", "2025-03", Granularity.MONTH, relative=True)
    _check(art, "In recent weeks", "../2025-06-15", Granularity.VAGUE, relative=True)
    _check(art, "2020", "2020", Granularity.YEAR, relative=False)
    _check(art, "between 2018 and 2022", "2018/2022", Granularity.RANGE, relative=False)
    _check(art, "1990s", "199", Granularity.DECADE, relative=False)
    _check(art, "Last summer", "2024-06-01/2024-08-31", Granularity.SEASON, relative=True)
    _check(art, "summer of 2023", "2023-06-01/2023-08-31", Granularity.SEASON, relative=False)
    _check(art, "Three days ago", "2025-06-12", Granularity.DAY, relative=True)
    _check(art, "next March", "2026-03", Granularity.MONTH, relative=True)
    _check(art, "from March to May 2024", "2024-03-01/2024-05-31", Granularity.RANGE, relative=False)
    _check(art, "12-14 October", "2024-10-12/2024-10-14", Granularity.RANGE, relative=True)
    _check(art, "Tuesday", "2025-06-10", Granularity.DAY, relative=True)
    _check(art, "next Monday", "2025-06-16", Granularity.DAY, relative=True)


def test_english_verbs_are_not_months() -> None:
    art = _run("Officials may march on the capital. May I add that talks resume in May.", "en")
    assert [art.span_text(t.span) for t in art.time_expressions] == ["May"]
    assert art.time_expressions[0].value == "2025-05"


def test_boilerplate_is_skipped() -> None:
    text = "اقرأ أيضا: قمة 12 مارس 2025\nالتقى الوزيران أمس في باكو."
    art = Article.from_text(text, Source(published=PUB))
    art.language = "ar"
    art.boilerplate = [Boilerplate(Span(0, text.index("\n")), "related")]
    art.provided |= {"boilerplate", "language"}
    art = Dates()(Sentences()(art))
    assert [art.span_text(t.span) for t in art.time_expressions] == ["أمس"]


def test_arabic_indic_digits() -> None:
    art = _run("وقع الاتفاق في ١٢ مارس ٢٠٢٤.", "ar")
    _check(art, "١٢ مارس ٢٠٢٤", "2024-03-12", Granularity.DAY, relative=False)


def test_no_publication_date_estimates_and_marks_the_anchor() -> None:
    art = _run(
        "في مارس/آذار من هذا العام التقى الوفد بالرئيس.\nوفي أبريل/نيسان 2025 صدر بيان.\nوقال المتحدث أمس إن الزيارة تمت.",
        "ar",
        published=None,
    )
    assert art.source.published == date(2025, 4, 1)
    assert art.source.published_estimated is True
    found = _by_text(art)
    this_year = found["مارس/آذار من هذا العام"]
    assert (this_year.value, this_year.granularity, this_year.anchor) == (
        "2025-03",
        Granularity.MONTH,
        "2025-04~",
    )
    yesterday = found["أمس"]  # a day-level expression needs the real day: not guessed
    assert (yesterday.value, yesterday.granularity, yesterday.anchor) == (None, Granularity.UNRESOLVED, None)


def test_no_publication_date_and_no_estimate_leaves_relative_unresolved() -> None:
    art = _run(
        "في مارس/آذار من هذا العام التقى الوفد بالرئيس.\nوفي أبريل/نيسان 2025 صدر بيان.",
        "ar",
        published=None,
        resolve_against_estimate=False,
    )
    t = _by_text(art)["مارس/آذار من هذا العام"]
    assert (t.value, t.granularity, t.relative) == (None, Granularity.UNRESOLVED, True)
    assert art.source.published_estimated is True  # the estimate is still offered


def test_nothing_to_estimate_from() -> None:
    art = _run("التقى الوفد بالرئيس في مارس/آذار من هذا العام.", "ar", published=None)
    assert art.source.published is None
    assert all(t.granularity == Granularity.UNRESOLVED and t.value is None for t in art.time_expressions)
    assert art.time_expressions


def test_dateline_sets_publication_date() -> None:
    art = _run("صحيفة الوقت\nنشر في 12 مارس 2025 - 10:30\nالتقى الوزيران أمس في باكو.", "ar", published=None)
    assert art.source.published == date(2025, 3, 12)
    assert art.source.published_estimated is False
    _check(art, "أمس", "2025-03-11", Granularity.DAY, relative=True)


def test_language_without_data_passes_through() -> None:
    art = _run("Le 12 mars 2025, hier.", "fr")
    assert art.time_expressions == []


def test_datetime_publication_is_read_as_its_day() -> None:
    from datetime import datetime

    art = _run("Officials met yesterday.", "en", published=datetime(2025, 6, 15, 23, 30))  # type: ignore[arg-type]
    t = art.time_expressions[0]
    assert (t.value, t.anchor) == ("2025-06-14", "2025-06-15")


def test_publication_date_from_the_pages_metadata_chrome() -> None:
    from dragoman.stages.boilerplate import PageChrome

    text = (
        " date 2025-03-04 "
        + "وقال وزير الخارجية إن المحادثات ستستأنف أمس في القاهرة بعد توقف طويل جدا بين الطرفين."
    )
    art = PageChrome()(Article.from_text(text, Source()))
    art.language = "ar"
    art.provided |= {"language"}
    art = Dates()(Sentences()(art))
    assert art.source.published == date(2025, 3, 4)
    assert art.source.published_estimated is False
    basis = art.source.published_basis
    assert basis is not None and basis.evidence
    assert art.text[basis.evidence[0].start : basis.evidence[0].end] == "2025-03-04"


def test_a_date_this_stage_derived_is_derived_again_not_taken_as_given() -> None:
    """A stored article run again: the estimate the stage made is not a given date, so a
    stage that may no longer estimate drops it; a date given with the input stays."""
    from dragoman.model import PublishedBasis, PublishedFrom

    text = "The delegation arrived on 12 March 2024. The talks went on for two days."
    first = _run(text, "en", published=None)
    basis = first.source.published_basis
    assert first.source.published == date(2024, 3, 12) and basis is not None
    assert basis.source is PublishedFrom.ESTIMATE and not basis.given
    assert first.given_published() is None
    again = Dates(DatesSettings(estimate_published=False))(first)
    assert again.source.published is None and again.source.published_basis is None
    assert not again.source.published_estimated

    given = _run(text, "en", published=PUB, estimate_published=False)
    assert given.source.published == PUB == given.given_published()
    assert given.source.published_basis == PublishedBasis(PublishedFrom.INPUT, 0.95)
