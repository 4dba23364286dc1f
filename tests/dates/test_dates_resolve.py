"""Calendar arithmetic of the resolver, independent of any language."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.dates import Anchor, Kind, Reading, Shift, Unit, find_readings, patterns, resolve
from dragoman.model import Granularity, Span

S = Span(0, 1)
JUNE = Anchor(date(2025, 6, 15))  # a Sunday


def _r(**kw: object) -> Reading:
    return Reading(S, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reading", "value", "gran"),
    [
        (_r(kind=Kind.MONTH, month=7, shift=Shift.LAST), "2024-07", Granularity.MONTH),  # July not yet over
        (_r(kind=Kind.MONTH, month=5, shift=Shift.LAST), "2025-05", Granularity.MONTH),
        (_r(kind=Kind.MONTH, month=6, shift=Shift.LAST), "2024-06", Granularity.MONTH),
        (_r(kind=Kind.MONTH, month=6, shift=Shift.NEXT), "2026-06", Granularity.MONTH),
        (_r(kind=Kind.MONTH, month=3, shift=Shift.THIS_YEAR), "2025-03", Granularity.MONTH),
        (_r(kind=Kind.MONTH, month=3, shift=Shift.LAST_YEAR), "2024-03", Granularity.MONTH),
        (_r(kind=Kind.MONTH, month=8), "2025-08", Granularity.MONTH),  # close ahead: within the window
        (_r(kind=Kind.MONTH, month=11), "2024-11", Granularity.MONTH),  # far ahead: the past one
        (_r(kind=Kind.DAY, month=10, day=7), "2024-10-07", Granularity.DAY),
        (_r(kind=Kind.DAY, month=7, day=1), "2025-07-01", Granularity.DAY),
        (_r(kind=Kind.RELATIVE, unit=Unit.DAY, offset=-1), "2025-06-14", Granularity.DAY),
        (_r(kind=Kind.RELATIVE, unit=Unit.WEEK, offset=-1), "2025-06-02/2025-06-08", Granularity.RANGE),
        (_r(kind=Kind.RELATIVE, unit=Unit.WEEK, offset=0), "2025-06-09/2025-06-15", Granularity.RANGE),
        (_r(kind=Kind.RELATIVE, unit=Unit.MONTH, offset=-6), "2024-12", Granularity.MONTH),
        (_r(kind=Kind.RELATIVE, unit=Unit.YEAR, offset=1), "2026", Granularity.YEAR),
        (_r(kind=Kind.VAGUE, unit=Unit.WEEK, direction="future"), "2025-06-15/..", Granularity.VAGUE),
        (
            _r(kind=Kind.SEASON, season="winter", shift=Shift.LAST),
            "2024-12-01/2025-02-28",
            Granularity.SEASON,
        ),
        (
            _r(kind=Kind.SEASON, season="summer", shift=Shift.NEXT),
            "2026-06-01/2026-08-31",
            Granularity.SEASON,
        ),
    ],
)
def test_relative_against_a_known_day(reading: Reading, value: str, gran: Granularity) -> None:
    t = resolve(reading, JUNE)
    assert (t.value, t.granularity, t.relative, t.anchor) == (value, gran, True, "2025-06-15")


@pytest.mark.parametrize(
    ("reading", "value", "gran"),
    [
        (_r(kind=Kind.DAY, year=2024, month=2, day=29), "2024-02-29", Granularity.DAY),
        (_r(kind=Kind.MONTH, year=2025, month=3), "2025-03", Granularity.MONTH),
        (_r(kind=Kind.YEARS, year=2020, year2=2021), "2020/2021", Granularity.RANGE),
        (_r(kind=Kind.DECADE, year=1980), "198", Granularity.DECADE),
        (_r(kind=Kind.SEASON, season="winter", year=2024), "2023-12-01/2024-02-29", Granularity.SEASON),
    ],
)
def test_absolute_needs_no_anchor(reading: Reading, value: str, gran: Granularity) -> None:
    t = resolve(reading, None)
    assert (t.value, t.granularity, t.relative, t.anchor) == (value, gran, False, None)


def test_no_anchor_means_unresolved() -> None:
    t = resolve(_r(kind=Kind.MONTH, month=3, shift=Shift.THIS_YEAR), None)
    assert (t.value, t.granularity, t.relative) == (None, Granularity.UNRESOLVED, True)


def test_estimated_anchor_resolves_month_level_only() -> None:
    est = Anchor(date(2025, 4, 1), estimated=True, month_only=True)
    assert est.iso == "2025-04~"
    month = resolve(_r(kind=Kind.MONTH, month=3, shift=Shift.THIS_YEAR), est)
    assert (month.value, month.anchor) == ("2025-03", "2025-04~")
    for day_level in (
        _r(kind=Kind.RELATIVE, unit=Unit.DAY, offset=-1),
        _r(kind=Kind.RELATIVE, unit=Unit.WEEK, offset=-1),
        _r(kind=Kind.VAGUE, unit=Unit.WEEK, direction="past"),
    ):
        t = resolve(day_level, est)
        assert (t.value, t.granularity, t.anchor) == (None, Granularity.UNRESOLVED, None)


def test_future_window_is_a_setting() -> None:
    r = _r(kind=Kind.DAY, month=7, day=1)
    assert resolve(r, JUNE, future_days=0).value == "2024-07-01"


def test_arabic_spelling_variants_match() -> None:
    pats = patterns("ar")
    assert pats is not None
    for text in ("ابريل 2024", "إبريل 2024", "أبريل 2024"):
        got = find_readings(text, 0, len(text), pats)
        assert [(r.kind, r.month, r.year) for r in got] == [(Kind.MONTH, 4, 2024)], text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "عبرت السفينة باب المندب"),  # ب + "اب" is not August
        ("ar", "اجتمعت قوى 14 آذار"),  # a political bloc, not a date
        ("en", "Officials may march on the capital."),
        ("he", "במאי הסרט זכה בפרס"),  # "the film director"
        ("he", "הם פועלים במרץ לקידום ההסכם"),  # "energetically"
        ("ar", "ومارس الضغط على الحكومة"),  # "and he exercised pressure"
        ("ar", "قبل 99999 يوم"),  # would leave the calendar
    ],
)
def test_look_alikes_are_not_dates(lang: str, text: str) -> None:
    pats = patterns(lang)
    assert pats is not None
    assert find_readings(text, 0, len(text), pats) == []
