"""Schema of ``lang/data/<code>/dates.yaml``: how a language writes dates.

Everything language-specific the date finder knows lives in these files:
month names in every calendar naming system the press uses, the words that
turn a month into "last March" or "March of this year", relative phrases
("yesterday", "في الأسابيع الأخيرة"), year cues, seasons and decades.
Phrases are literal text; the regex builder escapes them and applies the
file's ``equivalents`` so that one spelling in the data matches the common
orthographic variants in the wild (hamza or not, alef maqsura or ya).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import available_languages, load_resource


class Shift(StrEnum):
    """What a modifier does to the month or season it qualifies."""

    LAST = "last"  # the most recent one before the anchor: "last July", "يوليو الماضي"
    NEXT = "next"  # the first one after the anchor: "next March", "مارس المقبل"
    THIS_YEAR = "this_year"  # in the anchor's year: "March of this year", "مارس من هذا العام"
    LAST_YEAR = "last_year"
    NEXT_YEAR = "next_year"


class Unit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class Modifier(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phrase: str
    shift: Shift


class Relative(BaseModel):
    """A fixed relative phrase: ``offset`` units from the anchor, or vague when ``vague`` is set."""

    model_config = ConfigDict(extra="forbid")
    phrases: list[str] = Field(min_length=1)
    unit: Unit
    offset: int = 0
    # "in recent weeks" has a direction but no boundary: past or future.
    vague: str | None = Field(default=None, pattern="^(past|future)$")


class Counted(BaseModel):
    """ "three days ago", "قبل 3 أيام": ``before`` + count + unit word, or a unit word that carries its count."""

    model_config = ConfigDict(extra="forbid")
    before: list[str] = Field(default_factory=list)  # "قبل", "לפני"
    after: list[str] = Field(default_factory=list)  # "ago"
    # unit -> words that mean one or several of that unit ("أيام", "days")
    units: dict[Unit, list[str]] = Field(default_factory=dict)
    # words that carry their own count: dual forms ("أسبوعين" = 2 weeks, "שבועיים")
    counted_units: dict[str, tuple[Unit, int]] = Field(default_factory=dict)
    numbers: dict[str, int] = Field(default_factory=dict)  # number words: "ثلاثة" -> 3


class NamedDate(BaseModel):
    """A date used as a name: "هجمات 11 سبتمبر" is 2001-09-11, "قوى 14 آذار" is no date at all.

    ``phrase`` may bracket the part that is the time expression ("هجمات [11 سبتمبر]");
    ``value`` is an ISO day, month or year, or null for a name that only looks like a date.
    """

    model_config = ConfigDict(extra="forbid")
    phrase: str
    value: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


class OtherCalendar(BaseModel):
    """Month names of a non-Gregorian calendar; such dates are converted to Gregorian.

    Only dates with a year are read ("12 رمضان 1446 هـ", "כ"ה בתשרי תשפ"ה"):
    several of these month names are ordinary words alone (صفر "zero", אב "father").
    """

    model_config = ConfigDict(extra="forbid")
    calendar: Literal["hebrew", "islamic"]
    # Month numbers as the converter counts them (convertdate: Hebrew Nisan = 1, Tishrei = 7,
    # Adar = 12, Adar II = 13; Islamic Muharram = 1).
    months: dict[int, list[str]]
    year_suffixes: list[str] = Field(default_factory=list)  # "هـ"
    min_year: int
    max_year: int
    # Letter numerals (Hebrew gematria): letter -> value, for days and years written in letters.
    numeral_letters: dict[str, int] = Field(default_factory=dict)
    # A year written in letters omits the thousands ("תשפ"ה" = 785): add this.
    letter_year_base: int = 0


class DatesData(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    # Order of day and month in numeric dates such as 12/03/2025.
    date_order: str = Field(default="DMY", pattern="^(DMY|MDY|YMD)$")
    # Month and day names must match case exactly (English "May" the month vs "may" the verb).
    case_sensitive_months: bool = False
    # Character -> regex class applied to every phrase ("ا" -> "[اأإآ]").
    equivalents: dict[str, str] = Field(default_factory=dict)
    # month number (1-12) -> every name the press uses for it, in any naming system
    months: dict[int, list[str]]
    # Month names that stand for something else when alone ("May", "במאי" = film director):
    # accepted only with a day, a year or a modifier.
    ambiguous_alone: list[str] = Field(default_factory=list)
    # Clitics written onto the next word (Hebrew ב ו ה ל, Arabic و ب ف ل).
    prefixes: list[str] = Field(default_factory=list)
    # Joiners between a clitic and a number ("ב-2020", "ה־7").
    joiners: list[str] = Field(default_factory=lambda: ["-"])
    # Words between two month names that are the same month ("مارس/آذار", "March (Adar)").
    month_pairs: list[str] = Field(default_factory=lambda: ["/"])
    # Between day and month or month and year ("the 7th of March", "March, 2025").
    day_suffixes: list[str] = Field(default_factory=list)  # "th", "st"
    connectors: list[str] = Field(default_factory=list)  # "of", "من"
    # A month name alone is a date only after one of these ("في مارس", "in March", "בחודש").
    month_cues: list[str] = Field(default_factory=list)
    modifiers_before: list[Modifier] = Field(default_factory=list)
    modifiers_after: list[Modifier] = Field(default_factory=list)
    # Words that introduce a bare year ("عام 2020", "in 2020", "בשנת 2020").
    year_cues: list[str] = Field(default_factory=list)
    year_suffixes: list[str] = Field(default_factory=list)  # "م" (Gregorian era mark)
    # "عامي 2020 و2021": two years; "between 2020 and 2022", "2020 to 2022": a range.
    and_words: list[str] = Field(default_factory=list)
    between_words: list[str] = Field(default_factory=list)
    range_from: list[str] = Field(default_factory=list)
    range_to: list[str] = Field(default_factory=list)
    relative: list[Relative] = Field(default_factory=list)
    counted: Counted = Field(default_factory=Counted)
    # season -> names; spring/summer/autumn/winter
    seasons: dict[str, list[str]] = Field(default_factory=dict)
    # Decades written as words: digit of the decade -> words ("التسعينيات" -> 9, 20th century assumed).
    decade_words: dict[int, list[str]] = Field(default_factory=dict)
    # Regexes with a group named ``decade`` holding "1990" or "90" ("the 1990s", "שנות ה-90").
    decade_patterns: list[str] = Field(default_factory=list)
    named_dates: list[NamedDate] = Field(default_factory=list)
    calendars: list[OtherCalendar] = Field(default_factory=list)
    # Labels that introduce a publication date in page chrome ("نشر في", "פורסם", "Published").
    published_labels: list[str] = Field(default_factory=list)
    # ISO weekday (1 = Monday ... 7 = Sunday) -> names: "on Tuesday", "يوم الثلاثاء", "ביום שלישי".
    weekdays: dict[int, list[str]] = Field(default_factory=dict)
    # A day name is a date only after one of these ("يوم" الثلاثاء: "الاثنين" alone is also "the two"),
    # or with a modifier ("الثلاثاء الماضي"); empty: the name alone is enough.
    weekday_cues: list[str] = Field(default_factory=list)
    # Short day names, used only to recognise a dateline line ("Wed, 12 Mar 2025").
    weekday_abbreviations: list[str] = Field(default_factory=list)
    # Clause openers through which the one time expression of a sentence reaches the acts
    # its reported and relative clauses tell ("said Monday that it extended a licence which
    # lets ..."): complementizers and relative pronouns, not "and", "after" or "while".
    governed_clauses: list[str] = Field(default_factory=list)
    # Clause openers that put their act before the main one ("after", "بعد", "לאחר"): a time
    # expression outside such a clause never dates the act inside it.
    anterior_clauses: list[str] = Field(default_factory=list)


@cache
def dates_data(lang: str) -> DatesData | None:
    """The validated ``dates.yaml`` of ``lang``, or None for a language without one."""
    return load_resource(lang, "dates", DatesData)


def languages_with_dates() -> tuple[str, ...]:
    return tuple(lang for lang in available_languages() if dates_data(lang) is not None)
