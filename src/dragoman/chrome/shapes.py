"""Chrome that no phrase gives away, recognised by its shape: date stamps, bare links, embeds, handles.

A news page prints its date on a line of its own ("الأربعاء 8 مارس 2023 -
09:12", "2 November 2023"), bylines as pipe-separated fields with a date or a
clock time ("Name | Section 2.5.2024 | 19:16"), embedded posts as a text line
with a ``pic.twitter.com`` link followed by "— Name (@handle) Month D, YYYY",
and sometimes a handle or a bare address as a line.  None of these is prose,
whatever the language; month and weekday names come from every language's
``dates.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from dragoman.chrome.lines import Line, fold
from dragoman.dates.data import dates_data, languages_with_dates

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# An embedded post: its photo link, or the status address of the post itself.
_EMBED = re.compile(r"pic\.twitter\.com/\w+|(?:twitter|x)\.com/\w+/status/\d+", re.IGNORECASE)
# The attribution line under an embedded post: "— Name (@handle) April 26, 2025".
_EMBED_CREDIT = re.compile(r"^[—–-]{1,2}\s*[^()]{1,80}\(@\w{1,30}\)")
# A lone handle, hashtag or underscore-joined site tag ("outlet_country"): never prose.
_HANDLE = re.compile(r"^(?:[@#]\w+|\w+_\w+)$")
_DATE_LINE_MAX_WORDS = 10
_DATE_LINE_OTHER_WORDS = 1  # "Updated", "نشر": one word besides the date itself
_META_MAX_WORDS = 14


@cache
def calendar_words() -> frozenset[str]:
    """Folded month and weekday names (and their abbreviations) of every language."""
    out: set[str] = set()
    for lang in languages_with_dates():
        data = dates_data(lang)
        if data is None:
            continue
        names = [n for ns in data.months.values() for n in ns]
        names += [n for ns in data.weekdays.values() for n in ns]
        names += data.weekday_abbreviations
        for cal in data.calendars:
            names += [n for ns in cal.months.values() for n in ns]
        for name in names:
            out.update(_WORD.findall(fold(name)))
    return frozenset(w for w in out if not w.isdigit())


def date_line(ln: Line) -> bool:
    """A line that is a date (and perhaps a weekday and a clock time), nothing more."""
    if ln.words > _DATE_LINE_MAX_WORDS or not ln.key:
        return False
    words = _WORD.findall(ln.key)
    digits = [w for w in words if w.isdigit()]
    if not digits:
        return False
    known = calendar_words()
    named = sum(1 for w in words if w in known)
    other = len(words) - len(digits) - named
    dated = named > 0 or bool(_NUMERIC_DATE.search(ln.key))
    return dated and other <= _DATE_LINE_OTHER_WORDS


def metadata_line(ln: Line) -> bool:
    """Pipe-separated fields with a date or a clock time: "Name | Section 2.5.2024 | 19:16"."""
    if ln.final or ln.words > _META_MAX_WORDS or "|" not in ln.key:
        return False
    return bool(_NUMERIC_DATE.search(ln.key) or _CLOCK.search(ln.key))


def embed_line(ln: Line) -> bool:
    """An embedded post, its attribution line, a bare address or a lone handle."""
    text = ln.text
    linked = ".com/" in text and _EMBED.search(text) is not None
    if linked or (text[:1] in "—–-" and _EMBED_CREDIT.match(text)):
        return True
    return ln.words == 1 and bool(_URL.match(text) or _HANDLE.match(text))


def shape_reason(ln: Line) -> str | None:
    """Why a line is chrome by its shape alone, if it is."""
    if embed_line(ln):
        return "embed"
    if date_line(ln) or metadata_line(ln):
        return "dateline"
    return None
