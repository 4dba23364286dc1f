"""Highlights over an article's text, and the flat segments they cut it into.

A ``Mark`` is one highlight (a span plus what it is); ``segments`` cuts the
text at every mark boundary so a client that cannot nest elements (a
terminal, a dashboard widget) gets each piece with the marks covering it.
The HTML report nests the marks instead (dragoman.report.segments).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dragoman.model import Span


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: a span plus the classes and attributes of what shows it.

    ``rank`` breaks ties between marks with identical spans: lower ranks sit
    outside (boilerplate outside quotes outside mentions outside dates).
    """

    span: Span
    classes: tuple[str, ...]
    attrs: Mapping[str, str] = field(default_factory=dict)
    rank: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    marks: tuple[int, ...]  # indices of the marks covering this piece, outermost first


def segments(text: str, spans: Sequence[Span]) -> list[tuple[Span, frozenset[int]]]:
    """Split ``text`` at every span boundary: each piece with the indices of spans covering it.

    One sweep over the sorted boundaries (spans outside the text are ignored).
    """
    n = len(text)
    inside = [(i, s) for i, s in enumerate(spans) if s.start >= 0 and s.end <= n]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in inside:
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    bounds = sorted({0, n, *starts, *ends})
    active: set[int] = set()
    out: list[tuple[Span, frozenset[int]]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active.difference_update(ends.get(a, ()))
        active.update(i for i in starts.get(a, ()) if spans[i].end > a)
        if a < b:
            out.append((Span(a, b), frozenset(active)))
    return out


def cut(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """The text as segments, each with the marks over it ordered outer to inner."""

    def order(i: int) -> tuple[int, int, int]:
        m = marks[i]
        return (m.span.start, -m.span.end, m.rank)

    return [
        Segment(sp.start, sp.end, text[sp.start : sp.end], tuple(sorted(cover, key=order)))
        for sp, cover in segments(text, [m.span for m in marks])
    ]
