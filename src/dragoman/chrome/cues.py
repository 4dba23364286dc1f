"""Per-language chrome cue data (``lang/data/<code>/boilerplate.yaml``) compiled into matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.chrome.lines import BULLETS, Line, core, fold
from dragoman.lang import available_languages, load_resource
from dragoman.text import normalize


class CueGroup(BaseModel):
    """Phrases that mark a line as chrome for one reason."""

    model_config = ConfigDict(extra="forbid")
    reason: str
    exact: list[str] = Field(default_factory=list)  # the whole line, bullets and trailing colon aside
    prefixes: list[str] = Field(default_factory=list)  # the line starts with it
    contains: list[str] = Field(default_factory=list)  # the line contains it anywhere
    patterns: list[str] = Field(default_factory=list)  # regular expressions searched in the folded line
    line_suffixes: list[str] = Field(default_factory=list)  # inline: from the marker to the end of the line
    # Inline, as regular expressions on the line as written: chrome at the start of a body line
    # (a dateline "BEIRUT — ", a " date 2025-03-12" metadata field) or at its end (a date stamp).
    inline_prefixes: list[str] = Field(default_factory=list)
    inline_suffixes: list[str] = Field(default_factory=list)
    starts_tail: bool = False  # everything after such a line, once the body has begun, is chrome
    takes_next_short_line: bool = False  # a label whose value is on the next line (masthead: name)
    max_words: int = Field(default=12, gt=0)  # longer lines are prose, whatever they contain


class BoilerplateCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    groups: list[CueGroup] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CueMatcher:
    reason: str
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    contains: re.Pattern[str] | None
    patterns: re.Pattern[str] | None
    suffixes: tuple[str, ...]
    inline_prefix: re.Pattern[str] | None
    inline_suffix: re.Pattern[str] | None
    starts_tail: bool
    takes_next: bool
    max_words: int

    def matches(self, ln: Line) -> bool:
        if ln.words > self.max_words:
            return False
        return (
            ln.core in self.exact
            or ln.head.startswith(self.prefixes)
            or bool(self.contains and self.contains.search(ln.key))
            or bool(self.patterns and self.patterns.search(ln.core))
        )


def _alternation(parts: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(parts)) if parts else None


@cache
def cue_matchers() -> tuple[CueMatcher, ...]:
    """Cue groups of every language: scripts rarely collide, and language is not known yet."""
    out: list[CueMatcher] = []
    for lang in available_languages():
        cues = load_resource(lang, "boilerplate", BoilerplateCues)
        if cues is None:
            continue
        for g in cues.groups:
            out.append(
                CueMatcher(
                    reason=g.reason,
                    exact=frozenset(core(fold(s)) for s in g.exact),
                    prefixes=tuple(fold(s).lstrip(BULLETS) for s in g.prefixes),
                    contains=_alternation([re.escape(fold(s)) for s in g.contains]),
                    patterns=_alternation([f"(?:{p})" for p in g.patterns]),
                    suffixes=tuple(normalize(s).text for s in g.line_suffixes),
                    inline_prefix=re.compile("|".join(f"(?:{p})" for p in g.inline_prefixes))
                    if g.inline_prefixes
                    else None,
                    inline_suffix=re.compile("|".join(f"(?:{p})" for p in g.inline_suffixes))
                    if g.inline_suffixes
                    else None,
                    starts_tail=g.starts_tail,
                    takes_next=g.takes_next_short_line,
                    max_words=g.max_words,
                )
            )
    return tuple(out)


@cache
def suffix_matchers() -> tuple[CueMatcher, ...]:
    """The groups with inline suffix markers, in order: most lines are tried against these only."""
    return tuple(g for g in cue_matchers() if g.suffixes)


@cache
def inline_matchers() -> tuple[CueMatcher, ...]:
    """The groups with inline prefix or suffix patterns (datelines, metadata fields, date stamps)."""
    return tuple(g for g in cue_matchers() if g.inline_prefix or g.inline_suffix)


@dataclass(frozen=True, slots=True)
class AnyCue:
    """Whether some cue group might match a line: the union of every group's tests.

    Most lines are body text that no group matches; one pass over the union
    rules them out instead of 39 calls to ``CueMatcher.matches``.  A line that
    passes still goes through the groups in order, so the first match wins
    as before.  The union is taken per word count (``tiers[words]``): only the
    groups whose ``max_words`` admit the line, so a long line is searched with
    the few patterns of the groups that allow long lines (captions) and not
    with every dateline and byline pattern, which cost most of the search.
    """

    tiers: tuple[_Union, ...]  # by the line's word count; a longer line than any group admits: none

    def may_match(self, ln: Line) -> bool:
        return ln.words < len(self.tiers) and self.tiers[ln.words].may_match(ln)


@dataclass(frozen=True, slots=True)
class _Union:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    contains: re.Pattern[str] | None
    patterns: re.Pattern[str] | None  # the groups' patterns in one alternation: one search a line

    def may_match(self, ln: Line) -> bool:
        return (
            ln.core in self.exact
            or ln.head.startswith(self.prefixes)
            or bool(self.contains and self.contains.search(ln.key))
            or bool(self.patterns and self.patterns.search(ln.core))
        )


def _union(groups: tuple[CueMatcher, ...]) -> _Union:
    return _Union(
        exact=frozenset().union(*(g.exact for g in groups)),
        prefixes=tuple(p for g in groups for p in g.prefixes),
        # each group's ``contains`` is an alternation of escaped literals, so their union is one too
        contains=_alternation([g.contains.pattern for g in groups if g.contains]),
        patterns=_alternation([g.patterns.pattern for g in groups if g.patterns]),
    )


@cache
def any_cue() -> AnyCue:
    groups = cue_matchers()
    made: dict[tuple[int, ...], _Union] = {}  # the same groups admit many word counts: one union each
    tiers: list[_Union] = []
    for words in range(max((g.max_words for g in groups), default=-1) + 1):
        admitted = tuple(i for i, g in enumerate(groups) if words <= g.max_words)
        if admitted not in made:
            made[admitted] = _union(tuple(groups[i] for i in admitted))
        tiers.append(made[admitted])
    return AnyCue(tiers=tuple(tiers))
