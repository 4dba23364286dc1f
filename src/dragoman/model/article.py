"""The one document object that flows through every stage."""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dragoman.model.provenance import Provenance
from dragoman.model.records import (
    Boilerplate,
    Claim,
    Described,
    Entity,
    Event,
    Mention,
    PublishedBasis,
    Quote,
    TimeExpr,
)
from dragoman.model.span import Span


def content_hash(data: bytes) -> str:
    """Stable identity of an input: re-ingesting the same bytes is a no-op."""
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class Source:
    """Where an article came from. Everything optional except how it was read."""

    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_estimated: bool = False  # True when guessed from dates in the text
    published_basis: PublishedBasis | None = None  # where ``published`` came from (None: not recorded)
    format: str = "text"  # text | html | jsonl | warc | feed
    encoding: str | None = None  # what the reader assumed, e.g. "windows-1256"
    encoding_note: str | None = None  # e.g. "declared iso-8859-6, detected utf-8"

    def published_for_titles(self) -> date | None:
        """The date titles ("the Iranian foreign minister") resolve against: none when the date was
        itself read from the article's titles (the tenure stage runs after the linker), so that a
        re-run of a stored article resolves them as its first run did."""
        basis = self.published_basis
        return None if basis is not None and basis.from_offices else self.published

    def published_iso(self) -> str | None:
        """``published`` at the precision its basis knows: "2025-03-12", "2025-03" or "2025"."""
        if self.published is None:
            return None
        day = self.published.isoformat()
        gran = self.published_basis.granularity.value if self.published_basis else "day"
        return day[:4] if gran == "year" else day[:7] if gran == "month" else day


@dataclass(slots=True)
class Article:
    """Raw input plus span-anchored annotation layers.

    ``raw`` is the input as decoded (HTML markup included for HTML pages);
    ``text`` is what every span points into: for plain text it *is* the
    input, for HTML it is the page's visible text, and ``raw_offsets[i]`` is
    the index in ``raw`` of ``text[i]`` so evidence can be traced back to
    the markup.  ``provided`` records which layers the stages have filled.

    ``ext`` holds the declared extension layers (``dragoman.pipeline.layers``):
    what a stage hands to later stages beyond the fields above, under a
    registered name, serialised and checked by ``requires``/``provides`` like
    every other layer.  ``meta`` holds only what a reader noted about the
    input for the read stage (an HTTP Content-Type, a crawl time, why a record
    could not be read; keys in ``dragoman.ingest.keys``), as JSON values kept
    with the input; stages do not talk to each other through it.
    """

    id: str
    source: Source
    raw_bytes: bytes | None = None
    raw: str | None = None
    text: str = ""
    raw_offsets: list[int] | None = None
    language: str | None = None
    language_scores: dict[str, float] = field(default_factory=dict)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Span] = field(default_factory=list)
    norm: str | None = None  # matching form of ``text`` (see dragoman.text.normalize)
    norm_offsets: list[int] | None = None  # norm[i] came from text[norm_offsets[i]]; one extra at the end
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    described: list[Described] = field(default_factory=list)  # unnamed actors, described not named
    time_expressions: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    provided: set[str] = field(default_factory=set)
    meta: dict[str, Any] = field(default_factory=dict)
    ext: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance = field(default_factory=Provenance)
    # Derived indexes over the layers, rebuilt when a layer is replaced: not part of the article.
    _index: dict[object, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_bytes(cls, data: bytes, source: Source) -> Article:
        return cls(id=content_hash(data), source=source, raw_bytes=data, provided={"raw"})

    @classmethod
    def from_text(cls, text: str, source: Source | None = None) -> Article:
        """Build an article straight from text (tests, API callers with a string)."""
        data = text.encode("utf-8")
        art = cls(id=content_hash(data), source=source or Source(), raw_bytes=data, provided={"raw"})
        art.raw = text
        art.text = text
        art.provided.add("text")
        return art

    def given_published(self) -> date | None:
        """The publication date as the input or the page's metadata gave it; None when the dates
        stage derived it (from the address, a dateline, the text's "today", an estimate).

        The dates stage starts from this, not from ``Source.published``, so that running it
        again on a stored article derives the date afresh instead of taking its own earlier
        reading (or estimate) for a given one.
        """
        src = self.source
        basis = src.published_basis
        if basis is not None:
            return src.published if basis.given else None
        return None if src.published_estimated else src.published

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def in_boilerplate(self, span: Span, keep: frozenset[str] = frozenset()) -> bool:
        """Does ``span`` overlap any boilerplate (other than chrome of the reasons in ``keep``)?

        Asked per sentence and token by several stages.
        """
        starts, ends = self._chrome_index(keep)
        i = bisect_left(starts, span.end) - 1  # last chrome block starting before the span ends
        if span.end == span.start:
            i = bisect_right(starts, span.start - 1) - 1 if span.start else -1
        return i >= 0 and ends[i] > span.start

    def _chrome_index(self, keep: frozenset[str] = frozenset()) -> tuple[list[int], list[int]]:
        # Merged, sorted chrome intervals, rebuilt whenever the layer is replaced or resized
        # (stages assign a new list; they do not edit spans in place). Keyed by the frozenset
        # itself (its hash is computed once): asked per sentence and token, a name spelled out
        # from ``keep`` on every call cost more than the bisection it serves.
        key = (id(self.boilerplate), len(self.boilerplate))
        name = ("chrome", keep)
        cached = self._index.get(name)
        if cached is None or cached[0] != key:
            starts: list[int] = []
            ends: list[int] = []
            chrome = (b for b in self.boilerplate if b.reason not in keep)
            for b in sorted(chrome, key=lambda b: b.span.start):
                if starts and b.span.start < ends[-1]:
                    ends[-1] = max(ends[-1], b.span.end)
                else:
                    starts.append(b.span.start)
                    ends.append(b.span.end)
            cached = (key, starts, ends)
            self._index[name] = cached
        return cached[1], cached[2]

    def body_spans(self, keep: frozenset[str] = frozenset()) -> list[Span]:
        """The complement of the boilerplate layer: where the article itself is.

        Chrome of the reasons in ``keep`` counts as article (``NEWS_CHROME``: captions).
        Read from the merged chrome intervals ``in_boilerplate`` keeps (a block starting
        inside an earlier one extends it; one starting at or after its end opens a new
        interval, as it opens a new gap here), so the layer is sorted once, not per call.
        """
        starts, ends = self._chrome_index(keep)
        out: list[Span] = []
        pos = 0
        for start, end in zip(starts, ends, strict=True):
            if start > pos:
                out.append(Span(pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            out.append(Span(pos, len(self.text)))
        return out

    def covered_tokens(self) -> list[bool]:
        """Per token, whether some mention (so far) overlaps it."""
        toks = self.tokens
        starts = [t.start for t in toks]
        out = [False] * len(toks)
        for m in self.mentions:
            k = bisect_left(starts, m.span.start)
            if k and toks[k - 1].end > m.span.start:
                k -= 1
            while k < len(toks) and toks[k].start < m.span.end:
                out[k] = True
                k += 1
        return out

    def sentence_tokens(self, keep: frozenset[str] = frozenset()) -> Iterator[tuple[Span, list[Span]]]:
        """Each non-boilerplate sentence with its tokens (sentences with no tokens are skipped).

        ``keep`` names chrome whose sentences count as text all the same (``NEWS_CHROME``:
        a photo caption tells who met whom as the body does).
        """
        starts = [t.start for t in self.tokens]
        for sent in self.sentences:
            if self.in_boilerplate(sent, keep):
                continue
            lo = bisect_left(starts, sent.start)
            hi = bisect_left(starts, sent.end, lo)
            if hi > lo:
                yield sent, self.tokens[lo:hi]

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
