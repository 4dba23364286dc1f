"""Numeric dates: the plain four-digit-year reader agrees with dateparser, which it stands in for."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from dragoman.dates.finder import _numeric_parser, _plain_numeric, parse_numeric


def _dateparser(text: str, lang: str, order: str) -> date | None:
    # What parse_numeric answered before the plain reader existed.
    data = _numeric_parser(lang, order).get_date_data(text)
    if data.date_obj is None or data.period != "day" or not 1800 <= data.date_obj.year <= 2100:
        return None
    return data.date_obj.date()


@pytest.mark.parametrize(("lang", "order"), [("he", "DMY"), ("en", "MDY")])
def test_plain_reader_agrees_with_dateparser_on_every_day(lang: str, order: str) -> None:
    rng = random.Random(3)
    day = date(2024, 1, 1)
    checked = 0
    while day.year == 2024:
        sep = rng.choice("./-")
        d = f"{day.day:02d}" if rng.random() < 0.5 else str(day.day)
        m = f"{day.month:02d}" if rng.random() < 0.5 else str(day.month)
        year = rng.choice([1800, 1999, 2024, 2100]) if (day.month, day.day) != (2, 29) else 2024
        first = f"{d}{sep}{m}" if order == "DMY" else f"{m}{sep}{d}"
        for text in (f"{year}{sep}{m}{sep}{d}", f"{first}{sep}{year}"):
            plain = _plain_numeric(text, order)
            assert plain == date(year, day.month, day.day), text
            assert plain == _dateparser(text, lang, order), text
            checked += 1
        day += timedelta(days=1)
    assert checked == 2 * 366


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2024-13-05", "DMY", date(2024, 5, 13)),  # only fits swapped: dateparser decides
        ("05/13/2024", "DMY", date(2024, 5, 13)),
        ("06.05.24", "DMY", date(2024, 5, 6)),  # two-digit year: dateparser decides
        ("31.02.2024", "DMY", None),
        ("1799-05-06", "DMY", None),
        ("01.01.2101", "DMY", None),
        ("5/6/2024", "MDY", date(2024, 5, 6)),
    ],
)
def test_parse_numeric_edge_cases(text: str, order: str, expected: date | None) -> None:
    lang = "en" if order == "MDY" else "he"
    assert parse_numeric(text, lang, order) == expected
    assert _dateparser(text, lang, order) == expected
