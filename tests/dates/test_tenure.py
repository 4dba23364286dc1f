"""Dating an undated page by the office terms of the people it titles (dates/tenure.py, stages/tenure.py).

The people are real knowledge-base entries with dated roles; every sentence is our own.
Eli Cohen: Israel's foreign minister 2022-12-29 to 2024-01-01; Israel Katz: 2019-02-17 to
2020-05-17 and 2024-01-01 to 2024-11; Gideon Sa'ar: from 2024-11.
"""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.api import extract
from dragoman.dates.tenure import Term, Window, days_fitting, intersect, one_year, union, window_of
from dragoman.model import Article, Granularity, PublishedFrom, Span
from dragoman.pipeline import make_stage, registry
from dragoman.stages.tenure import Tenure


def _d(s: str) -> date:
    return date.fromisoformat(s)


def _t(lo: str, hi: str) -> Term:
    return Term(_d(lo), _d(hi))


def test_terms_union_and_intersection() -> None:
    # a re-appointment the day after leaving is one term; a gap keeps two
    assert union([_t("2020-01-01", "2020-06-30"), _t("2020-07-01", "2021-01-01")]) == (_t("2020-01-01", "2021-01-01"),)
    assert len(union([_t("2017-01-20", "2021-01-20"), _t("2025-01-20", "2026-01-01")])) == 2
    two_terms = union([_t("2017-01-20", "2021-01-20"), _t("2025-01-20", "2026-06-01")])
    assert intersect(two_terms, (_t("2020-06-01", "2025-12-31"),)) == (
        _t("2020-06-01", "2021-01-20"),
        _t("2025-01-20", "2025-12-31"),
    )


def test_window_is_where_every_titled_office_overlaps_or_none() -> None:
    s1, s2 = Span(0, 5), Span(6, 10)
    w = window_of([([_t("2022-12-29", "2024-01-01")], [s2]), ([_t("2003-10-31", "2030-01-01")], [s1])], until=_d("2026-01-01"))
    assert w is not None and (w.lo, w.hi) == (_d("2022-12-29"), _d("2024-01-01"))
    assert w.evidence == (s1, s2)
    # two foreign ministers of one state whose terms never meet: no window rather than a wrong one
    assert window_of([([_t("2022-12-29", "2024-01-01")], [s1]), ([_t("2024-11-01", "2026-01-01")], [s2])], until=_d("2026-01-01")) is None
    assert window_of([], until=_d("2026-01-01")) is None


def test_one_year_allows_a_few_days_of_slack() -> None:
    cohen = Window((_t("2022-12-29", "2024-01-01"),), ())
    assert one_year(cohen, slack_days=7) == 2023
    assert one_year(cohen, slack_days=0) is None
    assert one_year(Window((_t("2024-08-21", "2026-03-01"),), ()), slack_days=7) is None
    assert one_year(Window((_t("2024-12-30", "2025-01-02"),), ()), slack_days=7) is None  # short and split


def test_days_fitting_a_window() -> None:
    w = Window((_t("2022-12-29", "2024-01-01"),), ())
    assert days_fitting(w, 4, 19) == [_d("2023-04-19")]
    assert days_fitting(w, 12, 30) == [_d("2022-12-30"), _d("2023-12-30")]
    assert days_fitting(w, 12, 30, not_before=_d("2023-06-01")) == [_d("2023-12-30")]
    assert days_fitting(w, 2, 29) == []


def test_registered_after_the_linker_with_its_layers() -> None:
    spec = registry()["dragoman.Tenure.v1"]
    assert spec.provides == frozenset({"time_expressions", "published"})
    assert {"entities", "mentions", "published"} <= spec.requires
    assert isinstance(make_stage("dragoman.Tenure.v1", {"slack_days": 3}), Tenure)


def _basis(a: Article) -> tuple[PublishedFrom, Granularity, list[str]]:
    b = a.source.published_basis
    assert b is not None
    return b.source, b.granularity, [a.span_text(s) for s in b.evidence]


def _times(a: Article) -> dict[str, str | None]:
    return {a.span_text(t.span): t.value for t in a.time_expressions}


def test_a_year_less_dateline_takes_the_one_year_the_office_allows() -> None:
    a = extract(
        text="Ashdod, Jun 3 (Wire) - Eli Cohen, Israel's foreign minister, spoke to reporters on Saturday.\n"
        "He had met the Azerbaijani ambassador on Thursday."
    )
    assert a.source.published == date(2023, 6, 3)
    assert not a.source.published_estimated
    source, gran, evidence = _basis(a)
    assert (source, gran) == (PublishedFrom.DATELINE_TENURE, Granularity.DAY)
    assert evidence == ["Jun 3", "Eli Cohen", "Israel's foreign minister"]
    # a reading of the day: day names resolve against it
    assert _times(a) == {"Saturday": "2023-06-03", "Thursday": "2023-06-01"}


@pytest.mark.parametrize(
    ("text", "year", "surface"),
    [
        ("قال وزير الخارجية الإسرائيلي إيلي كوهين إن بلاده ستفتح سفارة في أذربيجان هذا العام.", 2023, "هذا العام"),
        ("שר החוץ אלי כהן אמר כי ישראל תפתח שגרירות באזרבייג'ן השנה.", 2023, "השנה"),
        ("Foreign Minister Eli Cohen said Israel would open an embassy in Azerbaijan this year.", 2023, "this year"),
    ],
)
def test_a_window_within_one_year_is_a_year_level_estimate(text: str, year: int, surface: str) -> None:
    a = extract(text=text)
    assert a.source.published == date(year, 1, 1) and a.source.published_estimated
    source, gran, _ = _basis(a)
    assert (source, gran) == (PublishedFrom.ESTIMATE, Granularity.YEAR)
    assert a.source.published_iso() == str(year)
    t = next(t for t in a.time_expressions if a.span_text(t.span) == surface)
    assert (t.value, t.anchor) == (str(year), f"{year}~")


def test_a_year_level_anchor_resolves_nothing_finer_than_the_year() -> None:
    a = extract(text="Foreign Minister Eli Cohen said on Monday that talks began last month and will end in June.")
    assert _basis(a)[1] is Granularity.YEAR
    assert all(v is None for v in _times(a).values()), _times(a)


@pytest.mark.parametrize(
    "text",
    [
        "שר החוץ לשעבר אלי כהן אמר השנה כי ישראל תפתח שגרירות באזרבייג'ן.",
        "Former Foreign Minister Eli Cohen said this year that Israel would open an embassy in Baku.",
        "قال وزير الخارجية الإسرائيلي السابق إيلي كوهين هذا العام إن إسرائيل ستفتح سفارة في باكو.",
        # two holders of one office whose terms never meet: the page dates nothing
        "Foreign Minister Eli Cohen met Foreign Minister Gideon Sa'ar this year.",
        # two terms in the office, years apart (Katz: 2019-2020 and 2024): no one year
        "قال وزير الخارجية الإسرائيلي يسرائيل كاتس إن بلاده ستفتح سفارة في أذربيجان هذا العام.",
    ],
)
def test_past_titles_and_contradicting_terms_date_nothing(text: str) -> None:
    a = extract(text=text)
    assert a.source.published is None and a.source.published_basis is None
    assert all(t.value is None for t in a.time_expressions)


def test_a_page_with_its_own_date_is_left_alone() -> None:
    a = extract(text=" date 2025-03-12 \nForeign Minister Eli Cohen said this year that talks would go on.")
    assert a.source.published == date(2025, 3, 12)
    assert _basis(a)[0] is PublishedFrom.METADATA_LINE
    assert _times(a)["this year"] == "2025"


def test_a_title_in_a_sentence_with_its_own_date_says_who_held_the_office_then() -> None:
    # a look back: the title is the office on that date, not when the page was written
    a = extract(text="The embassy will open on Monday. In March 2023, Foreign Minister Eli Cohen visited Baku.")
    assert "Eli Cohen" not in _basis(a)[2] and _basis(a)[1] is Granularity.MONTH  # the dates stage's own bound
    b = extract(text="The embassy will open on Monday. Foreign Minister Eli Cohen visited Baku in March.")
    assert _basis(b)[1:] == (Granularity.YEAR, ["Foreign Minister", "Eli Cohen"])
