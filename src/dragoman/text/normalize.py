"""Matching form of text, with a map back to original offsets.

Arabic and Hebrew spell the same name many ways (hamza on alef or not,
ى/ي, ة/ه, tatweel, optional diacritics; Hebrew niqqud and three kinds of
geresh).  We fold them for matching and search only: ``NormalizedText``
keeps, for every character it emits, the index of the character it came
from, so a match in the folded string maps back to an exact span of the
original.  The folding rules are per-language data (``normalize.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import resource_for_all
from dragoman.model import Span


class NormalizeRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    # single characters mapped to one replacement character
    fold: dict[str, str] = Field(default_factory=dict)
    # inclusive code point ranges removed entirely, as ["064B", "065F"]
    remove_ranges: list[tuple[str, str]] = Field(default_factory=list)
    remove_chars: list[str] = Field(default_factory=list)


@cache
def _table() -> tuple[dict[int, str], frozenset[int]]:
    fold: dict[int, str] = {}
    remove: set[int] = set()
    for lang, rules in resource_for_all("normalize", NormalizeRules).items():
        for src, dst in rules.fold.items():
            if len(src) != 1 or len(dst) != 1:
                raise ValueError(f"{lang}/normalize.yaml: fold entries map one character to one: {src!r}")
            fold[ord(src)] = dst
        for lo, hi in rules.remove_ranges:
            remove.update(range(int(lo, 16), int(hi, 16) + 1))
        remove.update(ord(c) for c in rules.remove_chars)
    return fold, frozenset(remove)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    text: str
    offsets: list[int]  # offsets[i] is the original index of text[i]; offsets[len(text)] == len(original)

    def to_original(self, start: int, end: int) -> Span:
        """Map a half-open span in the folded text back to the original text."""
        if end <= start:
            o = self.offsets[start]
            return Span(o, o)
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


@cache
def _translation() -> tuple[dict[int, str | None], re.Pattern[str]]:
    """The same folding as a ``str.translate`` table, plus a pattern for the removed characters.

    Every stage folds text, so one C-level pass beats a Python loop per
    character.  Only code points below U+0590 are case-folded; higher ones
    are left out of the table and pass through unchanged.
    """
    fold, remove = _table()
    table: dict[int, str | None] = {}
    for cp in range(0x0590):
        low = chr(cp).lower()
        if len(low) == 1 and low != chr(cp):  # e.g. "İ".lower() is two characters; keep offsets 1:1
            table[cp] = low
    for cp, dst in fold.items():
        table[cp] = dst
    for cp in remove:
        table[cp] = None
    removed = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(remove)) + "]") if remove else None
    return table, removed or re.compile(r"(?!)")


def normalize(text: str) -> NormalizedText:
    table, removed = _translation()
    folded = text.translate(table)
    n = len(text)
    if len(folded) == n:  # nothing removed: offsets are the identity
        return NormalizedText(folded, list(range(n + 1)))
    offsets: list[int] = []
    pos = 0
    for m in removed.finditer(text):
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    offsets.extend(range(pos, n + 1))
    return NormalizedText(folded, offsets)


def normalize_key(text: str) -> str:
    """Folded form for dictionary keys and search terms."""
    return " ".join(normalize(text).text.split())
