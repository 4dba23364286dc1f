"""Every dates.yaml loads, and every entry in it is reachable by the finder."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dragoman.dates import Kind, dates_data, find_readings, languages_with_dates, patterns
from dragoman.dates.data import DatesData
from dragoman.lang import available_languages

LANGS = languages_with_dates()


def test_the_three_news_languages_have_date_data() -> None:
    assert {"ar", "he", "en"} <= set(LANGS)
    assert set(LANGS) <= set(available_languages())


def test_schema_rejects_unknown_keys() -> None:
    with pytest.raises(ValidationError):
        DatesData.model_validate({"months": {1: ["x"]}, "monthz": {}})


@pytest.mark.parametrize("lang", LANGS)
def test_every_month_name_is_read_with_its_number(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    assert sorted(data.months) == list(range(1, 13))
    for number, names in data.months.items():
        for name in names:
            text = f"{name} 2024"
            got = find_readings(text, 0, len(text), pats)
            assert [(r.kind, r.year, r.month) for r in got] == [(Kind.MONTH, 2024, number)], name


@pytest.mark.parametrize("lang", LANGS)
def test_every_relative_phrase_is_found(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    for rel in data.relative:
        for phrase in rel.phrases:
            got = find_readings(phrase, 0, len(phrase), pats)
            assert len(got) == 1 and got[0].span.start == 0, phrase
            # another entry may win for a shared phrase ("السنة الماضية" both year and modifier), but
            # the unit must agree with the data
            assert got[0].unit == rel.unit, phrase


@pytest.mark.parametrize("lang", LANGS)
def test_every_month_modifier_is_read(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    month = data.months[3][0]
    for mod in data.modifiers_after:
        text = f"{month} {mod.phrase}"
        got = find_readings(text, 0, len(text), pats)
        assert [(r.kind, r.month, r.shift) for r in got] == [(Kind.MONTH, 3, mod.shift)], text
    for mod in data.modifiers_before:
        text = f"{mod.phrase} {month}"
        got = find_readings(text, 0, len(text), pats)
        assert [(r.kind, r.month, r.shift) for r in got] == [(Kind.MONTH, 3, mod.shift)], text


@pytest.mark.parametrize("lang", LANGS)
def test_every_season_and_decade_word_is_read(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    for season, names in data.seasons.items():
        for name in names:
            text = f"{name} 2023"
            got = find_readings(text, 0, len(text), pats)
            assert [(r.kind, r.season, r.year) for r in got] == [(Kind.SEASON, season, 2023)], text
    for digit, words in data.decade_words.items():
        for word in words:
            got = find_readings(word, 0, len(word), pats)
            assert [(r.kind, r.year) for r in got] == [(Kind.DECADE, 1900 + 10 * digit)], word


@pytest.mark.parametrize("lang", LANGS)
def test_counted_units_and_number_words(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    c = data.counted
    for unit, words in c.units.items():
        for word in words:
            for number, value in list(c.numbers.items())[:3] + [("3", 3)]:
                core = f"{number} {word}"
                text = f"{c.before[0]} {core}" if c.before else f"{core} {c.after[0]}"
                got = find_readings(text, 0, len(text), pats)
                assert [(r.kind, r.unit, r.offset) for r in got] == [(Kind.RELATIVE, unit, -value)], text
    for word, (unit, n) in c.counted_units.items():
        text = f"{c.before[0]} {word}"
        got = find_readings(text, 0, len(text), pats)
        assert [(r.unit, r.offset) for r in got] == [(unit, -n)], text


@pytest.mark.parametrize("lang", LANGS)
def test_published_labels_and_weekdays_compile(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    for label in data.published_labels:
        assert pats.label.search(f"x {label} y"), label
    for day in [w for names in data.weekdays.values() for w in names] + data.weekday_abbreviations:
        assert pats.weekday.search(f"x {day} y"), day


@pytest.mark.parametrize("lang", LANGS)
def test_every_weekday_name_is_read_with_its_number(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    assert sorted(data.weekdays) == list(range(1, 8))
    cue = f"{data.weekday_cues[0]} " if data.weekday_cues else ""
    for number, names in data.weekdays.items():
        for name in names:
            text = cue + name
            got = find_readings(text, 0, len(text), pats)
            assert [(r.kind, r.day) for r in got] == [(Kind.WEEKDAY, number)], text


@pytest.mark.parametrize("lang", LANGS)
def test_every_named_date_is_read_as_its_value_or_nothing(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    for nd in data.named_dates:
        text = nd.phrase.replace("[", "").replace("]", "")
        got = find_readings(text, 0, len(text), pats)
        if nd.value is None:
            assert got == [], text
            continue
        assert len(got) == 1, text
        core = nd.phrase.split("[")[1].split("]")[0] if "[" in nd.phrase else nd.phrase
        assert text[got[0].span.start : got[0].span.end] == core
        r = got[0]
        assert "-".join(f"{x:02d}" for x in (r.year, r.month, r.day) if x is not None) == nd.value, text


@pytest.mark.parametrize("lang", LANGS)
def test_every_other_calendar_month_converts(lang: str) -> None:
    data, pats = dates_data(lang), patterns(lang)
    assert data is not None and pats is not None
    for cal in data.calendars:
        year = (cal.min_year + cal.max_year) // 2
        seen: set[tuple[int, int | None]] = set()
        for number, names in cal.months.items():
            for name in names:
                text = f"1 {name} {year}"
                got = find_readings(text, 0, len(text), pats)
                if number == 13 and not got:
                    continue  # Adar II exists only in leap years
                assert len(got) == 1 and got[0].kind == Kind.DAY and got[0].span.end == len(text), text
                seen.add((got[0].month or 0, got[0].day))
        # each month of the other calendar starts on a different Gregorian day
        assert len(seen) >= len([n for n in cal.months if n != 13])


def test_every_data_key_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "dates.md").read_text("utf-8")
    missing = [f for f in DatesData.model_fields if f != "description" and f"`{f}`" not in doc]
    assert not missing, f"dates.yaml keys missing from docs/dates.md: {missing}"


@pytest.mark.parametrize("lang", languages_with_dates())
def test_shapes_for_a_window_are_those_its_families_allow_in_priority_order(lang: str) -> None:
    from dragoman.dates.patterns import DIGIT, MONTH, REL, YEAR

    pats = patterns(lang)
    assert pats is not None
    for bits in (DIGIT, DIGIT | YEAR, MONTH | DIGIT, REL, 0):
        want = [(p, k, rx) for p, (k, rx) in enumerate(pats.shapes) if bits & pats.needs[p]]
        assert list(pats.shapes_for(bits)) == want
        assert pats.shapes_for(bits) is pats.shapes_for(bits)  # made once per combination
    assert pats.shapes_for(0) == ()
