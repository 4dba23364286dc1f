"""Hebrew and Islamic calendar dates, converted to Gregorian."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.dates import Anchor, find_readings, patterns, resolve
from dragoman.model import Granularity


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "gran"),
    [
        ("ar", "الأربعاء 12 رمضان 1446 هـ", "12 رمضان 1446 هـ", "2025-03-12", Granularity.DAY),
        ("ar", "خلال شهر رمضان 1446هـ", "رمضان 1446هـ", "2025-03-01/2025-03-30", Granularity.RANGE),
        ("he", 'נפטר בכ"ה בתשרי תשפ"ה', 'בכ"ה בתשרי תשפ"ה', "2024-10-27", Granularity.DAY),
        ("he", 'ט"ו בשבט התשפ"ה', 'ט"ו בשבט התשפ"ה', "2025-02-13", Granularity.DAY),
        ("he", "ה-25 בתשרי 5785", "ה-25 בתשרי 5785", "2024-10-27", Granularity.DAY),
        ("he", 'י"ד באדר ב\' תשפ"ד', 'י"ד באדר ב\' תשפ"ד', "2024-03-24", Granularity.DAY),
        ("he", 'בחודש אב תשפ"ה', 'אב תשפ"ה', "2025-07-26/2025-08-24", Granularity.RANGE),
    ],
)
def test_converted(lang: str, text: str, surface: str, value: str, gran: Granularity) -> None:
    pats = patterns(lang)
    assert pats is not None
    got = find_readings(text, 0, len(text), pats)
    assert [text[r.span.start : r.span.end] for r in got] == [surface]
    t = resolve(got[0], Anchor(date(2025, 6, 15)))
    assert (t.value, t.granularity, t.relative) == (value, gran, False)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ar", "ارتفع بنسبة صفر في المئة"), ("ar", "في رمضان"), ("he", "אב ובנו הגיעו"), ("he", "בתשרי")],
)
def test_words_and_yearless_months_are_not_converted(lang: str, text: str) -> None:
    pats = patterns(lang)
    assert pats is not None
    assert find_readings(text, 0, len(text), pats) == []
