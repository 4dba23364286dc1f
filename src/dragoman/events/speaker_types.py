"""The small records the speaker finder, the referent resolver and the quotes stage share."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.model import Span, SpeakerKind


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str | None
    span: Span | None
    kind: SpeakerKind
    # Read from the words alone (an unlinked name), not from a mention, title, cue or description:
    # a verb's other side wins over it when that side names someone for sure.
    weak: bool = False


# A verb with no subject of its own ("وأضاف أن", "he added"): whoever spoke last.
CONTINUES = Speaker(None, None, SpeakerKind.PERSON, weak=True)


@dataclass(frozen=True, slots=True)
class Subject:
    speaker: Speaker
    lo: int  # token range of the element that names the speaker (lo == hi when there is none)
    hi: int
    start: int = -1  # where the whole subject phrase starts ("the" in "the Israeli foreign ministry")
    stop: int = -1  # where it ends ("موفد [الميادين]" after the title that names the speaker)


_PUNCT = frozenset(",،;؛:.!?؟")
_QUOTE_MARKS = frozenset("\"“”«»„‘’״'")


def is_break(word: str) -> bool:
    """Punctuation that ends a phrase (a hyphen inside a name is checked by the caller)."""
    return word in _PUNCT or word in _QUOTE_MARKS or word in ("(", ")", "-", "–", "—", "|")
