"""Lines of a page as the chrome rules see them: folded keys, word counts, sentence ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.text import normalize

BULLETS = " \t-–—|•·»«*>#▪►●◆■:"
_FINAL = ".!?؟…"
_FINAL_CHARS = frozenset(_FINAL)
_CLOSERS = "\"'”’»)]\u200f\u200e "
_MARKERS = "-–—|•·»►▪●◆■*"
_SUBSTANTIVE_WORDS = 5  # with a sentence end
_PROSE_WORDS = 15  # without one
SHORT_WORDS = 3  # menu entries
DUPLICATE_MAX_WORDS = 15
_REPEAT_MAX_WORDS = 12


class _FoldTable(dict[int, str | None]):
    """``str.translate`` table filled lazily from ``normalize``, which folds character by character.

    Lines are folded for matching only, so we can skip ``normalize``'s offset
    bookkeeping, which is most of its cost.
    """

    def __missing__(self, cp: int) -> str | None:
        folded = normalize(chr(cp)).text
        value = folded or None
        self[cp] = value
        return value


_FOLD = _FoldTable()
# "1. " or "2) " before a menu entry ("1. Skip to content"): not part of what prefixes match.
_ENUMERATOR = re.compile(r"^\d{1,2}[.)]\s+")
_MAX_MATCH_WORDS = 40  # longer lines are prose: no cue, duplicate or repeat rule looks at them


def fold(s: str) -> str:
    return " ".join(s.translate(_FOLD).split())


def core(key: str) -> str:
    return key.strip(BULLETS)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    key: str  # folded, whitespace collapsed
    head: str  # key without leading bullets: what prefixes are matched against
    core: str  # key without bullets or a trailing colon: what exact cues are matched against
    words: int
    final: bool  # ends like a sentence
    marker: str | None  # leading list marker, if any


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            words = len(stripped.split())
            key = fold(stripped) if words <= _MAX_MATCH_WORDS else ""
            out.append(
                Line(
                    start=pos + lead,
                    end=pos + len(body.rstrip()),
                    text=stripped,
                    key=key,
                    head=_ENUMERATOR.sub("", key.lstrip(BULLETS)),
                    core=core(key),
                    words=words,
                    final=stripped.rstrip(_CLOSERS)[-1:] in _FINAL_CHARS,
                    marker=stripped[0] if stripped[0] in _MARKERS else None,
                )
            )
        pos += len(raw)
    return out


def line_keys(text: str) -> set[str]:
    """The short lines of ``text`` in the form the outlet memory counts them (for priming)."""
    return {ln.core for ln in split_lines(text) if repeatable(ln)}


def repeatable(ln: Line) -> bool:
    return bool(ln.core) and ln.words <= _REPEAT_MAX_WORDS and not ln.final


def substantive(ln: Line) -> bool:
    return (ln.final and ln.words >= _SUBSTANTIVE_WORDS) or ln.words >= _PROSE_WORDS
