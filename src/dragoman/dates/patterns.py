"""Compiled candidate patterns, built once per language from ``dates.yaml``.

The finder must be cheap (the whole pipeline targets 100+ articles/s), so
every shape of date is one compiled regex and the expensive parser
(dateparser) only ever sees the few numeric strings these regexes pick
out.  Patterns run over a digit-folded copy of the text (Arabic-Indic and
Persian digits mapped one-to-one onto ASCII), so offsets are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dragoman.dates.data import DatesData, Modifier, OtherCalendar, dates_data

# One-to-one digit folding keeps every offset valid.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_OTHER_DIGITS = re.compile("[٠-٩۰-۹]")


def fold_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Persian digits as ASCII (same length); a no-op copy is skipped."""
    return text.translate(DIGITS) if _OTHER_DIGITS.search(text) else text


_START = r"(?<![\w])"
_END = r"(?![\w])"
_YEAR = r"(?:1[89]|20)\d\d"


def _lit(phrase: str, data: DatesData) -> str:
    """Regex for a literal phrase: escaped, spelling-equivalent, any run of spaces."""
    out: list[str] = []
    for ch in phrase:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        else:
            out.append(data.equivalents.get(ch, re.escape(ch)))
    return "".join(out)


def _alt(phrases: list[str], data: DatesData) -> str:
    """Alternation, longest first (Python's ``re`` takes the first alternative that fits)."""
    uniq = sorted(set(p.strip() for p in phrases if p.strip()), key=len, reverse=True)
    if not uniq:
        return r"(?!x)x"  # matches nothing: the language has no such words
    return "(?:" + "|".join(_lit(p, data) for p in uniq) + ")"


@dataclass(frozen=True)
class Patterns:
    """Everything the finder needs for one language."""

    lang: str
    data: DatesData
    shapes: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, regex), higher priority first
    month_of: re.Pattern[str]  # fullmatch on a month name; lastgroup is "m<number>"
    season_of: re.Pattern[str]  # fullmatch; lastgroup is the season name
    relative_of: re.Pattern[str]  # fullmatch; lastgroup "r<index>_<k>"
    mod_after: re.Pattern[str]  # fullmatch; lastgroup is the Shift value
    mod_before: re.Pattern[str]
    ambiguous: re.Pattern[str]  # fullmatch: a month name that needs a cue when alone
    numbers: dict[str, int]
    unit_of: re.Pattern[str]
    decade_of: re.Pattern[str]
    label: re.Pattern[str]
    weekday: re.Pattern[str]  # any day name or abbreviation (datelines)
    weekday_of: re.Pattern[str]  # fullmatch; lastgroup "w<ISO weekday>"
    calendar_months: tuple[re.Pattern[str], ...]  # per other calendar: fullmatch, lastgroup "m<number>"
    # Cheap prefilter: lower-cased words (every spelling variant, with and without
    # clitics) that can be part of a date, each with the bit mask of the shape
    # families it can start; a shape runs only in windows around its triggers.
    triggers: dict[str, int]
    needs: tuple[int, ...]  # per shape, the families that must be present
    # families present -> the (priority, kind, regex) of the shapes they allow; filled as windows ask
    _allowed: dict[int, tuple[tuple[int, str, re.Pattern[str]], ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def shapes_for(self, bits: int) -> tuple[tuple[int, str, re.Pattern[str]], ...]:
        """The shapes a window with the families ``bits`` runs, in priority order.

        A window holds one of a few dozen combinations of families: the test of
        every shape's ``needs`` is made once per combination, not once per window.
        """
        hit = self._allowed.get(bits)
        if hit is None:
            hit = self._allowed[bits] = tuple(
                (prio, kind, rx) for prio, (kind, rx) in enumerate(self.shapes) if bits & self.needs[prio]
            )
        return hit

    @staticmethod
    def keys(scan: str) -> str:
        """Lower-cased copy of ``scan`` for trigger lookups (same length, same offsets)."""
        out = scan.lower()
        return out if len(out) == len(scan) else scan


# Shape families, for the trigger prefilter.
# YEAR is a number that can be a year (1800-2099); DIGIT is any number.
MONTH, DIGIT, REL, SEASON, DECADE, COUNTED, YEAR, WEEKDAY, NAMED = 1, 2, 4, 8, 16, 32, 64, 128, 256
_NEEDS = {
    "named": NAMED,
    "numeric": DIGIT,
    "year_span": YEAR,
    "year_dash": YEAR,
    "year_list": YEAR,
    "year": YEAR,
    "year_suffixed": YEAR,
    "season_y": SEASON,
    "season_mod": SEASON,
    "mod_season": SEASON,
    "decade": DECADE | DIGIT,
    "counted": COUNTED,
    "relative": REL,
    "weekday": WEEKDAY,
    "mod_weekday": WEEKDAY,
}


def _mod_lookup(mods: list[Modifier], data: DatesData) -> re.Pattern[str]:
    by_shift: dict[str, list[str]] = {}
    for m in mods:
        by_shift.setdefault(m.shift.value, []).append(m.phrase)
    return _lookup(by_shift, data)


def _lookup(groups: dict[str, list[str]], data: DatesData) -> re.Pattern[str]:
    parts = [f"(?P<{name}>{_alt(words, data)})" for name, words in groups.items() if words]
    return re.compile("(?:" + "|".join(parts or [r"(?!x)x"]) + ")", re.IGNORECASE)


@cache
def patterns(lang: str) -> Patterns | None:
    """The compiled finder for ``lang``, or None when it has no ``dates.yaml``.

    Compiling the Arabic set takes about half a second (many spelling-equivalent
    alternations), so it is done once per process and language.
    """
    data = dates_data(lang)
    if data is None:
        return None
    d = data
    month_words = [w for names in d.months.values() for w in names]
    mon = _alt(month_words, d)
    if d.case_sensitive_months:
        mon = f"(?-i:{mon})"
    pfx = f"(?:{_alt(d.prefixes, d)})?" if d.prefixes else ""
    join = f"(?:{_alt(d.joiners, d)})?"
    pairs = "|".join(rf"\s*{_lit(p.strip(), d)}\s*" if p.strip() else r"\s+" for p in d.month_pairs)
    # "مارس/آذار", "March (Adar)": a second name of the same month, kept inside the span.

    def month_frag(tag: str = "") -> str:
        second = rf"(?:(?:{pairs})(?P<month2{tag}>{mon})|\s*\(\s*(?P<month3{tag}>{mon})\s*\))?"
        return rf"{pfx}(?P<month{tag}>{mon}){second}"

    month, month_b = month_frag(), month_frag("_b")
    suffix = f"(?:{_alt(d.day_suffixes, d)})?" if d.day_suffixes else ""
    dpfx = rf"(?:{_alt(d.prefixes, d)}{join})?" if d.prefixes else ""
    day = rf"{dpfx}(?P<day>[0-3]?\d){suffix}(?!\d)"
    day_b = rf"{dpfx}(?P<day_b>[0-3]?\d){suffix}(?!\d)"
    conn = rf"(?:\s*,)?\s+(?:{_alt(d.connectors, d)}\s+){{0,2}}" if d.connectors else r"(?:\s*,)?\s+"
    ysuf = f"(?:{_alt(d.year_suffixes, d)})?" if d.year_suffixes else ""
    year = rf"(?P<year>{_YEAR}){ysuf}(?!\d)"
    mod_after = rf"(?P<mod>{_alt([m.phrase for m in d.modifiers_after], d)})"
    mod_before = rf"(?P<mod>{_alt([m.phrase for m in d.modifiers_before], d)})"
    cue = rf"(?:{pfx}(?P<cue>{_alt(d.month_cues, d)})\s+)?"
    ycue = rf"(?:{_alt(d.year_cues, d)})(?:\s+|{_alt(d.joiners, d)})"
    and_ = rf"\s*{_alt(d.and_words, d)}{join}\s*"
    to = rf"(?:\s*[-–—]\s*|\s+{_alt(d.range_to, d)}{join}\s*)"
    between = rf"(?:{pfx}{_alt(d.between_words + d.range_from, d)}{join}\s*)"
    between_only = rf"(?:{pfx}{_alt(d.between_words, d)}\s+)"
    y1, y2 = (rf"(?P<{n}>{_YEAR}){ysuf}(?!\d)" for n in ("y1", "y2"))
    season_words = [w for names in d.seasons.values() for w in names]
    weekday_words = [w for names in d.weekdays.values() for w in names]
    wday = _alt(weekday_words, d)
    if d.case_sensitive_months:
        wday = f"(?-i:{wday})"
    wcue = rf"(?:{pfx}(?P<wcue>{_alt(d.weekday_cues, d)})\s+)?" if d.weekday_cues else ""
    season = rf"{pfx}(?P<season>{_alt(season_words, d)})"

    def rx(body: str) -> re.Pattern[str]:
        return re.compile(_START + body + _END, re.IGNORECASE)

    rel_groups: dict[str, list[str]] = {}
    for i, rel in enumerate(d.relative):
        for k, phrase in enumerate(rel.phrases):
            rel_groups[f"r{i}_{k}"] = [phrase]
    # Longest phrase first across entries, so "العام الماضي" beats "العام".
    ordered = sorted(rel_groups.items(), key=lambda kv: len(kv[1][0]), reverse=True)
    relative_of = re.compile(
        "(?:" + "|".join(f"(?P<{n}>{_lit(w[0], d)})" for n, w in ordered) + ")", re.IGNORECASE
    )
    rel_any = _alt([w[0] for w in rel_groups.values()], d)

    c = d.counted
    unit_words = [w for ws in c.units.values() for w in ws]
    num = rf"(?:\d+|{_alt(list(c.numbers), d)})"
    counted_core = (
        rf"(?:(?P<n>{num})\s+(?P<unit>{_alt(unit_words, d)})|(?P<cu>{_alt(list(c.counted_units), d)}))"
    )
    counted_parts = []
    if c.before:
        counted_parts.append(rf"{pfx}{_alt(c.before, d)}\s+{counted_core}")
    if c.after:
        counted_parts.append(rf"{counted_core}\s+{_alt(c.after, d)}")

    # Each data regex has its own group named "decade", so each is its own shape.
    decade_shapes = [("decade", rx(p)) for p in d.decade_patterns]
    decade_words = [w for ws in d.decade_words.values() for w in ws]
    if decade_words:
        decade_shapes.append(("decade", rx(rf"{pfx}(?P<dword>{_alt(decade_words, d)})")))

    shapes: list[tuple[str, re.Pattern[str] | None]] = [
        ("named", rx(_named_dates(d, pfx)) if d.named_dates else None),
        *((f"calendar{i}", rx(_calendar(cal, d, pfx, dpfx))) for i, cal in enumerate(d.calendars)),
        # "12-14 March 2025", "from March to May 2025", "between 12 and 14 March"
        ("day_range", rx(rf"{between}?{day}{to}{day_b}\s+{month}(?:{conn}{year})?")),
        ("day_range", rx(rf"{between_only}{day}{and_}{day_b}\s+{month}(?:{conn}{year})?")),
        ("month_range", rx(rf"{between}?{month}{to}{month_b}{conn}{year}")),
        ("month_range", rx(rf"{between_only}{month}{and_}{month_b}{conn}{year}")),
        ("dmy", rx(rf"{day}\s+(?:{_alt(d.connectors, d)}\s+)?{month}{conn}{year}")),
        ("mdy", rx(rf"{month}\s+{day}(?:\s*,)?\s+{year}")),
        (
            "numeric",
            re.compile(
                r"(?<![\d./-])(?P<num>(?:1[89]|20)\d\d(?P<s1>[./-])\d{1,2}(?P=s1)\d{1,2}"
                r"|\d{1,2}(?P<s2>[./-])\d{1,2}(?P=s2)(?:\d{4}|\d{2}))"
                r"(?![\d]|[./-]\d)"
            ),
        ),
        ("my", rx(rf"{month}{conn}{year}")),
        ("dm", rx(rf"{day}\s+(?:{_alt(d.connectors, d)}\s+)?{month}(?:\s+{mod_after})?")),
        ("md", rx(rf"{month}\s+{day}")),
        ("m_mod", rx(rf"{month}\s+{mod_after}")),
        ("mod_m", rx(rf"{mod_before}\s+{month}")),
        ("m", rx(rf"{cue}(?P<tok>{month})")),
        ("year_span", rx(rf"{between}(?:{ycue})?{y1}{to}(?:{ycue})?{y2}")),
        ("year_span", rx(rf"{between_only}(?:{ycue})?{y1}{and_}(?:{ycue})?{y2}")),
        ("year_dash", rx(rf"{y1}\s*[-–—]\s*{y2}")),
        ("year_list", rx(rf"{ycue}{y1}{and_}{y2}")),
        ("year", rx(rf"{ycue}{year}")),
        ("year_suffixed", rx(rf"(?P<year>{_YEAR}){_alt(d.year_suffixes, d)}") if d.year_suffixes else None),
        ("season_y", rx(rf"{season}{conn}{year}")),
        ("season_mod", rx(rf"{season}\s+{mod_after}")),
        ("mod_season", rx(rf"{mod_before}\s+{season}")),
        *decade_shapes,
        ("counted", rx("(?:" + "|".join(counted_parts) + ")") if counted_parts else None),
        ("relative", rx(rf"{pfx}(?P<rel>{rel_any})") if rel_groups else None),
        ("weekday", rx(rf"{wcue}{pfx}(?P<wday>{wday})(?:\s+{mod_after})?") if weekday_words else None),
        ("mod_weekday", rx(rf"{mod_before}\s+{pfx}(?P<wday>{wday})") if weekday_words else None),
    ]
    families: list[tuple[int, list[str]]] = [
        (MONTH, month_words + [w for cal in d.calendars for ws in cal.months.values() for w in ws]),
        (SEASON, season_words),
        (DECADE, decade_words),
        (COUNTED, [*unit_words, *c.counted_units, *c.before, *c.after]),
        (REL, [w for rel in d.relative for w in rel.phrases]),
        (WEEKDAY, weekday_words),
        # The context words of a named date ("هجمات", "attacks"), not its date part: the
        # alternation is costly and date parts are everywhere.
        (NAMED, [_context(nd.phrase) for nd in d.named_dates]),
    ]
    triggers: dict[str, int] = {}
    for bit, phrases in families:
        for ph in phrases:
            if ph.strip():
                for word in _variants(_trigger_word(ph), d):
                    # Clitic-prefixed forms too ("وأبريل", "באוקטובר"): one dict lookup per token.
                    for p in ["", *d.prefixes]:
                        triggers[p.lower() + word] = triggers.get(p.lower() + word, 0) | bit
    months_named = {f"m{n}": names for n, names in d.months.items()}
    unit_named = {u.value: ws for u, ws in c.units.items()}
    return Patterns(
        lang=lang,
        data=d,
        shapes=tuple((k, p) for k, p in shapes if p is not None),
        month_of=_lookup(months_named, d),
        season_of=_lookup(dict(d.seasons), d),
        relative_of=relative_of,
        mod_after=_mod_lookup(d.modifiers_after, d),
        mod_before=_mod_lookup(d.modifiers_before, d),
        ambiguous=re.compile(_alt(d.ambiguous_alone, d), re.IGNORECASE),
        numbers={k.lower(): v for k, v in c.numbers.items()},
        unit_of=_lookup(unit_named, d),
        decade_of=_lookup({f"d{k}": v for k, v in d.decade_words.items()}, d),
        label=re.compile(_START + _alt(d.published_labels, d) + _END, re.IGNORECASE),
        weekday=re.compile(_START + _alt(weekday_words + d.weekday_abbreviations, d) + _END, re.IGNORECASE),
        weekday_of=_lookup({f"w{n}": names for n, names in d.weekdays.items()}, d),
        calendar_months=tuple(
            _lookup({f"m{n}": ws for n, ws in cal.months.items()}, d) for cal in d.calendars
        ),
        triggers=triggers,
        needs=tuple(_NEEDS.get(k, MONTH) for k, p in shapes if p is not None),
    )


def _calendar(cal: OtherCalendar, data: DatesData, pfx: str, dpfx: str) -> str:
    """Day (optional), month and year of another calendar; days and years may be letter numerals."""
    num = r"\d{1,2}"
    year = r"\d{4}"
    if cal.numeral_letters:
        letters = "".join(sorted(cal.numeral_letters))
        # "כ"ה", "ט"ו", "ה'": letters with gershayim before the last one, or one letter and a geresh
        word = rf"[{letters}]{{1,4}}[\"״][{letters}]|[{letters}]['׳]"
        num, year = rf"(?:{num}|{word})", rf"(?:ה['׳]?(?=[{letters}]{{2,4}}[\"״]))?(?:{year}|{word})"
    names = [w for ws in cal.months.values() for w in ws]
    suffix = rf"\s*{_alt(cal.year_suffixes, data)}" if cal.year_suffixes else ""
    return (
        rf"(?:{dpfx}(?P<cday>{num})\s+)?{pfx}(?P<cmonth>{_alt(names, data)})"
        rf"(?:\s*,)?\s+(?P<cyear>{year})(?:{suffix})?(?![\w\"״])"
    )


def _named_dates(data: DatesData, pfx: str) -> str:
    """One alternation; group ``n<i>`` is entry i, ``c<i>`` its bracketed core."""
    parts = []
    for i, nd in sorted(enumerate(data.named_dates), key=lambda e: len(e[1].phrase), reverse=True):
        head, core, tail = nd.phrase.partition("[")
        if core:
            core, _, tail = tail.partition("]")
        else:
            head, core, tail = "", nd.phrase, ""
        parts.append(rf"(?P<n{i}>{_lit(head, data)}(?P<c{i}>{_lit(core.strip(), data)}){_lit(tail, data)})")
    return pfx + "(?:" + "|".join(parts) + ")"


def _variants(word: str, data: DatesData, limit: int = 256) -> set[str]:
    """Every spelling the ``equivalents`` allow ("أبريل" -> "ابريل", "إبريل"...)."""
    out = [""]
    for ch in word:
        cls = data.equivalents.get(ch)
        opts = [c for c in cls.strip("[]?")] if cls else [ch]
        if cls and cls.endswith("?"):
            opts.append("")
        out = [o + c for o in out for c in opts][:limit]
    return set(out)


def _context(phrase: str) -> str:
    head, _, rest = phrase.partition("[")
    outside = head + " " + rest.partition("]")[2]
    return outside if outside.strip() else phrase


def _trigger_word(phrase: str) -> str:
    # The longest word is the most specific one ("yesterday" in "the day before yesterday"):
    # common words such as "the" or "في" would open a window at every other token.
    return max(re.findall(r"\w+", phrase.lower()) or [phrase.lower()], key=len)
