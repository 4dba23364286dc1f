"""Find time-expression candidates and read what each one says.

Every shape in ``patterns`` runs over the region; overlapping matches are
settled longest-first (so "مارس/آذار من هذا العام" is one month, not a
month plus "this year"), ties going to the shape listed first.  Numeric
dates are the one shape handed to dateparser, which knows the many
separators and two-digit years; everything with a name is read from the
language's data.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cache

from dateparser.date import DateDataParser

from dragoman.dates.calendars import letter_number, month_bounds, to_gregorian
from dragoman.dates.data import Shift, Unit
from dragoman.dates.patterns import DIGIT, YEAR, Patterns
from dragoman.dates.resolve import Kind, Reading
from dragoman.model import Span


@cache
def _numeric_parser(lang: str, order: str) -> DateDataParser:
    # One parser per language: building one costs far more than a parse.
    return DateDataParser(
        languages=[lang],
        settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
    )


# A four-digit year first (read year-month-day whatever the language's order), or last.
_PLAIN_NUMERIC = re.compile(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})|(\d{1,2})([./-])(\d{1,2})\6(\d{4})")


def _plain_numeric(text: str, order: str) -> date | None:
    """The date when ``text`` is a four-digit-year date that is valid read in ``order``; else None.

    This is what dateparser answers for such strings (tests/dates check it on
    every day of the year in both shapes and all three separators), at a
    thousandth of its cost: each of its calls takes a millisecond or two.
    Everything else (two-digit years, day and month that only fit swapped,
    impossible days) is left to dateparser.
    """
    m = _PLAIN_NUMERIC.fullmatch(text)
    if m is None:
        return None
    if m.group(1):
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif order in ("DMY", "MDY"):
        a, b, year = int(m.group(5)), int(m.group(7)), int(m.group(8))
        day, month = (a, b) if order == "DMY" else (b, a)
    else:
        return None
    if not 1800 <= year <= 2100 or not 1 <= month <= 12:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_numeric(text: str, lang: str, order: str) -> date | None:
    """A full numeric date ("12/03/2025", "2025-03-12", "12.03.25") or None."""
    plain = _plain_numeric(text, order)
    if plain is not None:
        return plain
    data = _numeric_parser(lang, order).get_date_data(text)
    if data.date_obj is None or data.period != "day" or not 1800 <= data.date_obj.year <= 2100:
        return None
    return data.date_obj.date()


_TOKEN = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
# How far around a trigger word a date may reach: the longest phrase in the
# data ("the day before yesterday", "مارس/آذار من هذا العام") fits easily.
_BEFORE, _AFTER = 40, 50

Trigger = tuple[int, int, int]  # start, end, families


def find_triggers(keys: str, pats: Patterns) -> list[Trigger]:
    """Where in ``keys`` (``pats.keys(text)``) a date may be: trigger words and numbers, in order.

    Set intersection in C finds which trigger words occur at all (usually a
    handful), so only those are located; a Python loop over every token
    would cost more than all the date regexes together.
    """
    out: list[Trigger] = [
        (
            m.start(),
            m.end(),
            DIGIT | YEAR if m.end() - m.start() == 4 and 1800 <= int(m.group()) < 2100 else DIGIT,
        )
        for m in _NUMBER.finditer(keys)
    ]
    for word in pats.triggers.keys() & set(_TOKEN.findall(keys)):
        bits, n = pats.triggers[word], len(word)
        pos = keys.find(word)
        while pos >= 0:
            before = keys[pos - 1] if pos else " "
            after = keys[pos + n] if pos + n < len(keys) else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                out.append((pos, pos + n, bits))
            pos = keys.find(word, pos + n)
    out.sort()
    return out


def _windows(triggers: list[Trigger], start: int, end: int) -> list[Trigger]:
    """Stretches of ``[start, end)`` around the triggers inside it, merged, with their families."""
    out: list[Trigger] = []
    for i in range(bisect_left(triggers, (start, -1, -1)), len(triggers)):
        ts, te, bits = triggers[i]
        if ts >= end:
            break
        if te > end:
            continue
        lo, hi = max(start, ts - _BEFORE), min(end, te + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi, out[-1][2] | bits)
        else:
            out.append((lo, hi, bits))
    return out


def find_readings(
    scan: str, start: int, end: int, pats: Patterns, triggers: list[Trigger] | None = None
) -> list[Reading]:
    """Readings in ``scan[start:end]`` (``scan`` is the digit-folded text), in text order.

    ``triggers`` is ``find_triggers(pats.keys(scan), pats)``; pass it when
    calling once per sentence, so the text is scanned for triggers only once.
    """
    if triggers is None:
        triggers = find_triggers(pats.keys(scan), pats)
    hits: list[tuple[int, int, int, str, re.Match[str]]] = []
    for lo, hi, bits in _windows(triggers, start, end):
        for prio, kind, rx in pats.shapes_for(bits):
            for m in rx.finditer(scan, lo, hi):
                if m.end() > m.start():
                    hits.append((m.start(), m.end(), prio, kind, m))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[2], h[0]))
    taken: list[tuple[int, int]] = []
    out: list[Reading] = []
    for s, e, _, kind, m in hits:
        if any(s < te and ts < e for ts, te in taken):
            continue
        readings = _read(kind, m, pats)
        if readings or kind == "named":  # a name that only looks like a date still blocks the span
            taken.append((s, e))
            out.extend(readings)
    out.sort(key=lambda r: r.span.start)
    return out


def _month(m: re.Match[str], pats: Patterns, group: str = "month") -> int | None:
    hit = pats.month_of.fullmatch(m.group(group))
    return int(hit.lastgroup[1:]) if hit and hit.lastgroup else None


def _second_month(m: re.Match[str], pats: Patterns) -> int | None:
    for group in ("month2", "month3"):
        if m.groupdict().get(group):
            return _month(m, pats, group)
    return None


def _shift(m: re.Match[str], lookup: re.Pattern[str]) -> Shift | None:
    text = m.groupdict().get("mod")
    if not text:
        return None
    hit = lookup.fullmatch(" ".join(text.split()))
    return Shift(hit.lastgroup) if hit and hit.lastgroup else None


def _valid_day(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _read(kind: str, m: re.Match[str], pats: Patterns) -> list[Reading]:
    span = Span(m.start(), m.end())
    g = m.groupdict()
    if kind in ("dmy", "mdy", "dm", "md"):
        mo, d = _month(m, pats), int(g["day"])
        y = int(g["year"]) if g.get("year") else None
        if mo is None or not _valid_day(y or 2000, mo, d):  # 2000 is a leap year: 29 Feb passes
            return []
        return [Reading(span, Kind.DAY, year=y, month=mo, day=d, shift=_shift(m, pats.mod_after))]
    if kind == "named":
        return _named(m, pats)
    if kind.startswith("calendar"):
        return _other_calendar(int(kind[len("calendar") :]), m, pats)
    if kind == "numeric":
        parsed = parse_numeric(g["num"], pats.lang, pats.data.date_order)
        if parsed is None:
            return []
        return [Reading(span, Kind.DAY, year=parsed.year, month=parsed.month, day=parsed.day)]
    if kind == "my":
        mo, other = _month(m, pats), _second_month(m, pats)
        if mo and other and other != mo:  # "مارس-مايو 2025": a range, not two names of one month
            return [Reading(span, Kind.MONTHS, year=int(g["year"]), month=mo, month2=other)]
        return [Reading(span, Kind.MONTH, year=int(g["year"]), month=mo)] if mo else []
    if kind in ("day_range", "month_range"):
        mo, mo_b = _month(m, pats), _month(m, pats, "month_b") if g.get("month_b") else None
        y = int(g["year"]) if g.get("year") else None
        if kind == "month_range":
            return [Reading(span, Kind.MONTHS, year=y, month=mo, month2=mo_b)] if mo and mo_b else []
        d1, d2 = int(g["day"]), int(g["day_b"])
        if mo is None or not d1 < d2 or not _valid_day(y or 2000, mo, d2):
            return []
        return [Reading(span, Kind.DAYS, year=y, month=mo, day=d1, month2=mo, day2=d2)]
    if kind in ("m_mod", "mod_m"):
        mo = _month(m, pats)
        shift = _shift(m, pats.mod_after if kind == "m_mod" else pats.mod_before)
        return [Reading(span, Kind.MONTH, month=mo, shift=shift)] if mo and shift else []
    if kind == "m":
        return _month_alone(m, pats)
    if kind in ("year_span", "year_dash"):
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not 0 < y2 - y1 <= 100:
            return []
        return [Reading(span, Kind.YEARS, year=y1, year2=y2)]
    if kind == "year_list":
        return [Reading(Span(m.start(n), m.end(n)), Kind.YEAR, year=int(g[n])) for n in ("y1", "y2")]
    if kind in ("year", "year_suffixed"):
        start = m.start("year")
        return [Reading(Span(start, m.end()), Kind.YEAR, year=int(g["year"]))]
    if kind.startswith("season") or kind == "mod_season":
        return _season(kind, m, pats)
    if kind == "decade":
        return _decade(m, pats)
    if kind == "counted":
        return _counted(m, pats)
    if kind == "relative":
        return _relative(m, pats)
    if kind in ("weekday", "mod_weekday"):
        return _weekday(kind, m, pats)
    return []


def _named(m: re.Match[str], pats: Patterns) -> list[Reading]:
    index = int((m.lastgroup or "n-1")[1:])
    value = pats.data.named_dates[index].value if index >= 0 else None
    if value is None:
        return []
    parts = [int(x) for x in value.split("-")]
    span = Span(m.start(f"c{index}"), m.end(f"c{index}"))
    if len(parts) == 3:
        return [Reading(span, Kind.DAY, year=parts[0], month=parts[1], day=parts[2], named=True)]
    if len(parts) == 2:
        return [Reading(span, Kind.MONTH, year=parts[0], month=parts[1], named=True)]
    return [Reading(span, Kind.YEAR, year=parts[0], named=True)]


def _other_calendar(index: int, m: re.Match[str], pats: Patterns) -> list[Reading]:
    """A Hebrew or Islamic date, converted: a day, or the Gregorian days its month covers."""
    cal = pats.data.calendars[index]
    hit = pats.calendar_months[index].fullmatch(" ".join(m.group("cmonth").split()))
    if not hit or not hit.lastgroup:
        return []
    month = int(hit.lastgroup[1:])

    def number(text: str) -> int | None:
        return int(text) if text.isdigit() else letter_number(text, cal)

    raw_year = m.group("cyear")
    year = number(raw_year.lstrip("ה'׳") if not raw_year.isdigit() and len(raw_year) > 4 else raw_year)
    if year is not None and not raw_year.isdigit() and year < 1000:
        year += cal.letter_year_base
    if year is None:
        return []
    span = Span(m.start(), m.end())
    if m.group("cday"):
        day = number(m.group("cday"))
        conv = to_gregorian(cal, year, month, day) if day else None
        return [Reading(span, Kind.DAY, year=conv.year, month=conv.month, day=conv.day)] if conv else []
    bounds = month_bounds(cal, year, month)
    if bounds is None:
        return []
    lo, hi = bounds
    return [Reading(span, Kind.DAYS, year=hi.year, month=lo.month, day=lo.day, month2=hi.month, day2=hi.day)]


def _month_alone(m: re.Match[str], pats: Patterns) -> list[Reading]:
    """A month name with no day, year or modifier: only after a cue, a clitic, or as a name pair."""
    tok = " ".join(m.group("tok").split())
    name = " ".join(m.group("month").split())
    paired = bool(m.group("month2") or m.group("month3"))
    if not (m.group("cue") or paired or tok != name):
        return []
    if (
        not paired
        and not m.group("cue")
        and (pats.ambiguous.fullmatch(tok) or pats.ambiguous.fullmatch(name))
    ):
        return []
    mo = _month(m, pats)
    return [Reading(Span(m.start("tok"), m.end()), Kind.MONTH, month=mo)] if mo else []


def _weekday(kind: str, m: re.Match[str], pats: Patterns) -> list[Reading]:
    hit = pats.weekday_of.fullmatch(" ".join(m.group("wday").split()))
    if not hit or not hit.lastgroup:
        return []
    lookup = pats.mod_after if kind == "weekday" else pats.mod_before
    shift = _shift(m, lookup)
    if kind == "weekday" and pats.data.weekday_cues and not (m.groupdict().get("wcue") or shift):
        return []
    return [Reading(Span(m.start(), m.end()), Kind.WEEKDAY, day=int(hit.lastgroup[1:]), shift=shift)]


def _season(kind: str, m: re.Match[str], pats: Patterns) -> list[Reading]:
    hit = pats.season_of.fullmatch(m.group("season"))
    if not hit or not hit.lastgroup:
        return []
    span = Span(m.start(), m.end())
    if kind == "season_y":
        return [Reading(span, Kind.SEASON, year=int(m.group("year")), season=hit.lastgroup)]
    shift = _shift(m, pats.mod_after if kind == "season_mod" else pats.mod_before)
    return [Reading(span, Kind.SEASON, season=hit.lastgroup, shift=shift)] if shift else []


def _decade(m: re.Match[str], pats: Patterns) -> list[Reading]:
    g = m.groupdict()
    if g.get("dword"):
        hit = pats.decade_of.fullmatch(" ".join(g["dword"].split()))
        if not hit or not hit.lastgroup:
            return []
        start = 1900 + 10 * int(hit.lastgroup[1:])  # the words name 20th-century decades
    else:
        digits = g["decade"]
        start = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return [Reading(Span(m.start(), m.end()), Kind.DECADE, year=start)]


def _counted(m: re.Match[str], pats: Patterns) -> list[Reading]:
    g = m.groupdict()
    c = pats.data.counted
    if g.get("cu"):
        key = " ".join(g["cu"].split())
        unit, n = next(((u, k) for w, (u, k) in c.counted_units.items() if pats_eq(w, key, pats)), (None, 0))
    else:
        raw = g["n"]
        n = int(raw) if raw.isdigit() else pats.numbers.get(raw.lower(), 0)
        hit = pats.unit_of.fullmatch(g["unit"])
        unit = Unit(hit.lastgroup) if hit and hit.lastgroup else None
    if unit is None or not 0 < n <= 500:  # "قبل 99999 يوم" is not a date anyone wrote
        return []
    return [Reading(Span(m.start(), m.end()), Kind.RELATIVE, unit=unit, offset=-n)]


def pats_eq(word: str, text: str, pats: Patterns) -> bool:
    """Does ``text`` spell ``word`` (allowing the language's equivalent letters)?"""
    rx = "".join(pats.data.equivalents.get(ch, re.escape(ch)) for ch in word)
    return re.fullmatch(rx, text, re.IGNORECASE) is not None


def _relative(m: re.Match[str], pats: Patterns) -> list[Reading]:
    hit = pats.relative_of.fullmatch(m.group("rel"))
    if not hit or not hit.lastgroup:
        return []
    rel = pats.data.relative[int(hit.lastgroup[1:].split("_")[0])]
    span = Span(m.start(), m.end())
    if rel.vague:
        return [Reading(span, Kind.VAGUE, unit=rel.unit, direction=rel.vague)]
    return [Reading(span, Kind.RELATIVE, unit=rel.unit, offset=rel.offset)]
