"""Matching form of text, with a map back to original offsets.

Arabic and Hebrew spell the same name many ways (hamza on alef or not,
ى/ي, ة/ه, tatweel, optional diacritics; Hebrew niqqud and three kinds of
geresh).  We fold them for matching and search only: ``NormalizedText``
keeps, for every character it emits, the index of the character it came
from, so a match in the folded string maps back to an exact span of the
original.  The folding rules are per-language data (``normalize.yaml``).

Invisible format characters are removed for every language: bidi marks and
embeddings, zero-width (non-)joiners and spaces, the word joiner, the BOM
and soft hyphens.  Real pages carry them inside names (an RLM typed after a
Latin name in Hebrew text, a ZWNJ in a Persian-keyboard أذربيجان), and they
change nothing a reader sees, so matching must not see them either.  They
are Unicode properties rather than knowledge of any one language, hence a
constant here and not a ``normalize.yaml`` entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import resource_for_all
from dragoman.model import Span

# Format characters that never change what a word is: removed before matching, and
# transparent to the tokeniser (``dragoman.text.tokenize``), so the offset map and
# the token spans both step over them.  Tatweel and soft hyphen are also in the
# Arabic and English rules; listing them here makes them language-independent.
FORMAT_CHAR_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark (bidi)
    (0x0640, 0x0640),  # Arabic tatweel (kashida): stretches a word, never changes it
    (0x180E, 0x180E),  # Mongolian vowel separator (formerly a zero-width space)
    (0x200B, 0x200F),  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner and invisible operators
    (0x2066, 0x206F),  # bidi isolates and deprecated format controls
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
)
FORMAT_CHARS: frozenset[str] = frozenset(
    chr(cp) for lo, hi in FORMAT_CHAR_RANGES for cp in range(lo, hi + 1)
)


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
    remove.update(map(ord, FORMAT_CHARS))
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
    # normalize(text).text, without the offsets map a key has no use for
    return " ".join(text.translate(_translation()[0]).split())
