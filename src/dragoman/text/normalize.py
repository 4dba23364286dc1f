"""Matching form of text, with a map back to original offsets.

Arabic and Hebrew spell the same name many ways (hamza on alef or not,
ى/ي, ة/ه, tatweel, optional diacritics; Hebrew niqqud and three kinds of
geresh).  We fold them for matching and search only: ``NormalizedText``
keeps, for every character it emits, the index of the character it came
from, so a match in the folded string maps back to an exact span of the
original.  The folding rules are per-language data (``normalize.yaml``).
"""

from __future__ import annotations

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


def normalize(text: str) -> NormalizedText:
    fold, remove = _table()
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in remove:
            continue
        mapped = fold.get(cp)
        if mapped is None:
            mapped = ch.lower() if cp < 0x0590 else ch  # Latin/Cyrillic/Greek case-fold only
            if len(mapped) != 1:  # e.g. "İ".lower() is two characters; keep offsets 1:1
                mapped = ch
        out.append(mapped)
        offsets.append(i)
    offsets.append(len(text))
    return NormalizedText("".join(out), offsets)


def normalize_key(text: str) -> str:
    """Folded form for dictionary keys and search terms."""
    return " ".join(normalize(text).text.split())
