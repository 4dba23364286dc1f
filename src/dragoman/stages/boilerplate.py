"""Page chrome as ``Boilerplate`` spans over whole lines, without touching the text.

Scraped news arrives with the page around it: mastheads, menus, "read
also" links, comment widgets, psalm and newsletter blurbs.  Removing them
would break every offset, so this stage only *marks* them; later stages
work on ``Article.body_spans()``.

Evidence is combined from three places, cheapest and surest first:

* per-language cue data (``lang/data/<code>/boilerplate.yaml``): phrases
  that only ever appear in chrome, matched on the folded line;
* page structure: lines after the last substantive paragraph, runs of
  very short lines (menus), bullet and pipe lists, short lines repeated
  within the article;
* for HTML, trafilatura's main-content decision left by the read stage.

A line is *substantive* when it reads like prose (enough words, and a
sentence end or many words); substantive lines and the first non-chrome
line (the headline) are never marked by the structural rules, because
losing a headline or lead costs far more than keeping a stray menu word.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from dragoman.ingest.keys import HTML_BODY_LINES
from dragoman.lang import available_languages, load_resource
from dragoman.model import Article, Boilerplate, Span
from dragoman.pipeline import BaseStage, StageSettings, register_stage
from dragoman.text import normalize

__all__ = [
    "HTML_BODY_LINES",
    "BoilerplateCues",
    "BoilerplateSettings",
    "CueGroup",
    "OutletMemory",
    "PageChrome",
    "line_keys",
]


class CueGroup(BaseModel):
    """Phrases that mark a line as chrome for one reason."""

    model_config = ConfigDict(extra="forbid")
    reason: str
    exact: list[str] = Field(default_factory=list)  # the whole line, bullets and trailing colon aside
    prefixes: list[str] = Field(default_factory=list)  # the line starts with it
    contains: list[str] = Field(default_factory=list)  # the line contains it anywhere
    patterns: list[str] = Field(default_factory=list)  # regular expressions searched in the folded line
    line_suffixes: list[str] = Field(default_factory=list)  # inline: from the marker to the end of the line
    starts_tail: bool = False  # everything after such a line, once the body has begun, is chrome
    takes_next_short_line: bool = False  # a label whose value is on the next line (masthead: name)
    max_words: int = Field(default=12, gt=0)  # longer lines are prose, whatever they contain


class BoilerplateCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    groups: list[CueGroup] = Field(default_factory=list)


class BoilerplateSettings(StageSettings):
    outlet_memory: bool = Field(
        default=True, description="remember short lines per outlet across the run and mark repeats as chrome"
    )
    min_outlet_repeats: int = Field(
        default=3, ge=2, description="articles of one outlet a short line must appear in to count as chrome"
    )
    max_lines_per_outlet: int = Field(default=20_000, gt=0, description="bound on the memory of one outlet")
    window: int = Field(
        default=64, gt=0, description="articles pipe() reads ahead to prime the outlet memory before marking"
    )
    corpus_lines: str | None = Field(
        default=None,
        description="file of known chrome lines, one per line, optionally 'outlet<TAB>line'",
    )


_BULLETS = " \t-–—|•·»«*>#▪►●◆■:"
_FINAL = ".!?؟…"
_FINAL_CHARS = frozenset(_FINAL)
_CLOSERS = "\"'”’»)]\u200f\u200e "
_MARKERS = "-–—|•·»►▪●◆■*"
_SUBSTANTIVE_WORDS = 5  # with a sentence end
_PROSE_WORDS = 15  # without one
_SHORT_WORDS = 3  # menu entries
_DUPLICATE_MAX_WORDS = 15
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
_MAX_MATCH_WORDS = 40  # longer lines are prose: no cue, duplicate or repeat rule looks at them


def _fold(s: str) -> str:
    return " ".join(s.translate(_FOLD).split())


def _core(key: str) -> str:
    return key.strip(_BULLETS)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    key: str  # folded, whitespace collapsed
    head: str  # key without leading bullets: what prefixes are matched against
    core: str  # key without bullets or a trailing colon: what exact cues are matched against
    words: int
    final: bool  # ends like a sentence
    marker: str | None  # leading list marker, if any


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            words = len(stripped.split())
            key = _fold(stripped) if words <= _MAX_MATCH_WORDS else ""
            out.append(
                _Line(
                    start=pos + lead,
                    end=pos + len(body.rstrip()),
                    text=stripped,
                    key=key,
                    head=key.lstrip(_BULLETS),
                    core=_core(key),
                    words=words,
                    final=stripped.rstrip(_CLOSERS)[-1:] in _FINAL_CHARS,
                    marker=stripped[0] if stripped[0] in _MARKERS else None,
                )
            )
        pos += len(raw)
    return out


def line_keys(text: str) -> set[str]:
    """The short lines of ``text`` in the form the outlet memory counts them (for priming)."""
    return {ln.core for ln in _lines(text) if _repeatable(ln)}


def _repeatable(ln: _Line) -> bool:
    return bool(ln.core) and ln.words <= _REPEAT_MAX_WORDS and not ln.final


@dataclass(frozen=True, slots=True)
class _Group:
    reason: str
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    contains: re.Pattern[str] | None
    patterns: re.Pattern[str] | None
    suffixes: tuple[str, ...]
    starts_tail: bool
    takes_next: bool
    max_words: int

    def matches(self, ln: _Line) -> bool:
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
def _groups() -> tuple[_Group, ...]:
    """Cue groups of every language: scripts rarely collide, and language is not known yet."""
    out: list[_Group] = []
    for lang in available_languages():
        cues = load_resource(lang, "boilerplate", BoilerplateCues)
        if cues is None:
            continue
        for g in cues.groups:
            out.append(
                _Group(
                    reason=g.reason,
                    exact=frozenset(_core(_fold(s)) for s in g.exact),
                    prefixes=tuple(_fold(s).lstrip(_BULLETS) for s in g.prefixes),
                    contains=_alternation([re.escape(_fold(s)) for s in g.contains]),
                    patterns=_alternation([f"(?:{p})" for p in g.patterns]),
                    suffixes=tuple(normalize(s).text for s in g.line_suffixes),
                    starts_tail=g.starts_tail,
                    takes_next=g.takes_next_short_line,
                    max_words=g.max_words,
                )
            )
    return tuple(out)


@cache
def _suffix_groups() -> tuple[_Group, ...]:
    """The groups with inline suffix markers, in order: most lines are tried against these only."""
    return tuple(g for g in _groups() if g.suffixes)


@dataclass(frozen=True, slots=True)
class _AnyGroup:
    """Whether some cue group might match a line: the union of every group's tests.

    Most lines are body text that no group matches; one pass over the union
    rules them out instead of 39 calls to ``_Group.matches``.  A line that
    passes still goes through the groups in order, so the first match wins
    as before.
    """

    max_words: int
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    contains: re.Pattern[str] | None
    patterns: tuple[re.Pattern[str], ...]

    def may_match(self, ln: _Line) -> bool:
        return ln.words <= self.max_words and (
            ln.core in self.exact
            or ln.head.startswith(self.prefixes)
            or bool(self.contains and self.contains.search(ln.key))
            or any(p.search(ln.core) for p in self.patterns)
        )


@cache
def _any_group() -> _AnyGroup:
    groups = _groups()
    return _AnyGroup(
        max_words=max((g.max_words for g in groups), default=-1),
        exact=frozenset().union(*(g.exact for g in groups)),
        prefixes=tuple(p for g in groups for p in g.prefixes),
        # each group's ``contains`` is an alternation of escaped literals, so their union is one too
        contains=_alternation([g.contains.pattern for g in groups if g.contains]),
        patterns=tuple(g.patterns for g in groups if g.patterns),
    )


class OutletMemory:
    """How many articles of each outlet contained each short line.

    Each article counts a line once.  The memory is bounded per outlet: when
    full, lines seen in a single article are forgotten first, since the
    repeats are what matter.
    """

    def __init__(self, max_lines: int = 20_000, recent_ids: int = 10_000) -> None:
        self.max_lines = max_lines
        self._counts: dict[str, Counter[str]] = {}
        self._fixed: dict[str | None, set[str]] = {}
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._recent_ids = recent_ids

    def clear_counts(self) -> None:
        """Forget counted lines (not the fixed corpus lines)."""
        self._counts.clear()
        self._seen.clear()

    def add(self, outlet: str, keys: Iterable[str], article_id: str | None = None) -> None:
        if article_id is not None:
            if article_id in self._seen:
                return  # pipe() primed it already; do not count it twice
            self._seen[article_id] = None
            if len(self._seen) > self._recent_ids:
                self._seen.popitem(last=False)
        counts = self._counts.setdefault(outlet, Counter())
        counts.update(set(keys))
        if len(counts) > self.max_lines:
            for key in [k for k, c in counts.items() if c <= 1]:
                del counts[key]

    def add_fixed(self, key: str, outlet: str | None = None) -> None:
        """A line known to be chrome (for one outlet, or for all when ``outlet`` is None)."""
        self._fixed.setdefault(outlet, set()).add(key)

    def count(self, outlet: str, key: str) -> int:
        return self._counts.get(outlet, Counter()).get(key, 0)

    def fixed(self, outlet: str | None, key: str) -> bool:
        return key in self._fixed.get(None, ()) or (outlet is not None and key in self._fixed.get(outlet, ()))


def _outlet(article: Article) -> str | None:
    if article.source.outlet:
        return article.source.outlet
    if article.source.url:
        host = urlsplit(article.source.url).hostname
        return host.removeprefix("www.") if host else None
    return None


@register_stage("dragoman.Boilerplate.v1", settings=BoilerplateSettings)
class PageChrome(BaseStage):
    """Mark page chrome (menus, related links, comments, mastheads, blurbs) as Boilerplate spans.

    Lines repeated across articles of the same outlet are chrome too.  A
    stage sees one article at a time, so it keeps an ``OutletMemory`` for
    the whole run: ``__call__`` counts each article before marking it (the
    first articles of an outlet benefit least), ``pipe()`` reads ``window``
    articles ahead and counts them all first, and ``prime()`` lets a caller
    that already holds a corpus (an ingest job, a re-run) fill the memory
    up front.  ``corpus_lines`` names a file of lines known to be chrome.
    The memory holds folded short lines only, bounded per outlet.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"boilerplate"})

    def __init__(self, settings: BoilerplateSettings | None = None) -> None:
        super().__init__(settings or BoilerplateSettings())
        self.settings: BoilerplateSettings
        self.memory = OutletMemory(self.settings.max_lines_per_outlet)
        # Lines of the batch being marked, split once by observe() for both counting and
        # marking: article id -> (the text they were split from, its lines).
        self._batch_lines: dict[str, tuple[str, list[_Line]]] = {}
        if self.settings.corpus_lines:
            self._load_corpus_lines(Path(self.settings.corpus_lines))

    def _load_corpus_lines(self, path: Path) -> None:
        for row in path.read_text("utf-8").splitlines():
            outlet, sep, line = row.partition("\t")
            if not sep:
                outlet, line = "", row
            key = _core(_fold(line))
            if key:
                self.memory.add_fixed(key, outlet or None)

    def prime(self, articles: Iterable[Article]) -> None:
        """Count the short lines of ``articles`` (with text) in the outlet memory."""
        for art in articles:
            outlet = _outlet(art)
            if outlet and art.text:
                self.memory.add(outlet, line_keys(art.text), art.id)

    def observe(self, articles: list[Article]) -> None:
        """Runner hook: the batch, and only the batch, is the evidence of repeated lines.

        Counts are reset per batch so the result depends on the batch's
        articles alone, not on which other batches this worker happened to
        process before: ingest stores the same facts whichever executor runs
        it.  Larger batches give the signal more to work with.
        """
        self._batch_lines.clear()
        if self.settings.outlet_memory:
            self.memory.clear_counts()
        for art in articles:
            if not art.text:
                continue
            lines = _lines(art.text)
            self._batch_lines[art.id] = (art.text, lines)
            outlet = _outlet(art)
            if outlet and self.settings.outlet_memory:
                self.memory.add(outlet, {ln.core for ln in lines if _repeatable(ln)}, art.id)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        it = iter(articles)
        while batch := list(islice(it, self.settings.window)):
            if self.settings.outlet_memory:
                self.prime(batch)
            for art in batch:
                yield self(art)

    def __call__(self, article: Article) -> Article:
        split = self._batch_lines.pop(article.id, None)
        lines = split[1] if split is not None and split[0] is article.text else _lines(article.text)
        outlet = _outlet(article)
        if outlet and self.settings.outlet_memory:
            self.memory.add(outlet, {ln.core for ln in lines if _repeatable(ln)}, article.id)
        article.boilerplate = sorted(
            self._mark(article, lines, outlet), key=lambda b: (b.span.start, b.span.end)
        )
        return article

    def _mark(self, article: Article, lines: list[_Line], outlet: str | None) -> list[Boilerplate]:
        marks: dict[int, str] = {}
        partial: dict[int, Boilerplate] = {}  # chrome at the end of an otherwise body line
        tail_cues: list[int] = []
        groups = _groups()
        union = _any_group()
        suffix_groups = _suffix_groups()
        for i, ln in enumerate(lines):
            for g in groups if union.may_match(ln) else ():
                if g.matches(ln):
                    marks[i] = g.reason
                    if g.starts_tail:
                        tail_cues.append(i)
                    nxt = lines[i + 1] if i + 1 < len(lines) else None
                    if g.takes_next and nxt and nxt.words <= 4 and not nxt.final:
                        marks.setdefault(i + 1, g.reason)
                    break
            else:
                if self.memory.fixed(outlet, ln.core):
                    marks[i] = "known_chrome"
                    continue
                cut = self._suffix_cut(article.text, ln, suffix_groups)
                if cut is not None:
                    partial[i] = cut

        html_body = article.meta.get(HTML_BODY_LINES)
        if html_body:
            body = {(int(s), int(e)) for s, e in html_body}
            kept = [i for i, ln in enumerate(lines) if (ln.start, ln.end) in body]
            # trafilatura's precision mode often drops the standfirst (a lead set in an <h2> or
            # a "subtitle" div); prose between the headline and the first body paragraph is kept.
            first_prose = next((i for i in kept if _substantive(lines[i])), None)
            lead_from = kept[0] if kept and first_prose is not None and kept[0] < first_prose else None
            for i, ln in enumerate(lines):
                if i in marks or (ln.start, ln.end) in body:
                    continue
                in_lead = lead_from is not None and first_prose is not None and lead_from < i < first_prose
                if not (in_lead and _substantive(ln)):
                    marks[i] = "html_chrome"

        subs = [i for i, ln in enumerate(lines) if i not in marks and _substantive(ln)]
        unmarked = [i for i in range(len(lines)) if i not in marks]
        # The headline: the first unmarked line that could be one (kickers and labels are shorter).
        title = next((i for i in unmarked if lines[i].words >= 4), unmarked[0] if unmarked else None)
        protected = set(subs) | ({title} if title is not None else set())

        if not html_body and subs:
            for i in range(subs[-1] + 1, len(lines)):
                marks.setdefault(i, "tail")
            starts = [t for t in tail_cues if sum(1 for s in subs if s < t) >= 2]
            if starts:
                for i in range(starts[0] + 1, len(lines)):
                    marks.setdefault(i, "tail")

        self._lists(lines, marks, protected)
        self._duplicates(lines, marks, protected)
        if not html_body:
            self._menus(lines, marks, protected, subs)
        for i, ln in enumerate(lines):
            if i in marks or i in protected or not _repeatable(ln):
                continue
            if (
                outlet
                and self.settings.outlet_memory
                and self.memory.count(outlet, ln.core) >= self.settings.min_outlet_repeats
            ):
                marks[i] = "outlet_repeat"
        out = [Boilerplate(Span(lines[i].start, lines[i].end), reason) for i, reason in marks.items()]
        return out + [cut for i, cut in partial.items() if i not in marks]

    @staticmethod
    def _suffix_cut(text: str, ln: _Line, groups: tuple[_Group, ...]) -> Boilerplate | None:
        for g in groups:
            if not g.suffixes:
                continue
            if not any(m in ln.key for m in g.suffixes):
                continue
            folded = normalize(text[ln.start : ln.end])
            for marker in g.suffixes:
                k = folded.text.rfind(marker)
                if k > 0:
                    start = ln.start + folded.offsets[k]
                    return Boilerplate(Span(start, ln.end), g.reason)
        return None

    @staticmethod
    def _lists(lines: list[_Line], marks: dict[int, str], protected: set[int]) -> None:
        """Pipe-led short lines, and runs of bullet-led short lines, are link lists."""

        def short_item(i: int) -> bool:
            ln = lines[i]
            return ln.marker is not None and ln.words <= 6 and not ln.final and i not in protected

        for i, ln in enumerate(lines):
            if i in marks or not short_item(i):
                continue
            neighbour = (i > 0 and short_item(i - 1)) or (i + 1 < len(lines) and short_item(i + 1))
            if ln.marker == "|" or neighbour:
                marks[i] = "list"

    @staticmethod
    def _duplicates(lines: list[_Line], marks: dict[int, str], protected: set[int]) -> None:
        counts = Counter(ln.core for ln in lines if ln.core and ln.words <= _DUPLICATE_MAX_WORDS)
        for i, ln in enumerate(lines):
            if i not in marks and i not in protected and counts.get(ln.core, 0) >= 2:
                marks[i] = "duplicate"

    @staticmethod
    def _menus(lines: list[_Line], marks: dict[int, str], protected: set[int], subs: list[int]) -> None:
        """Runs of one-to-three-word lines: 3 at the edges of the page, 5 between paragraphs."""
        first = subs[0] if subs else len(lines)
        last = subs[-1] if subs else -1
        run: list[int] = []

        def flush() -> None:
            if not run:
                return
            edge = run[-1] < first or run[0] > last
            if len(run) >= (3 if edge else 5):
                for j in run:
                    marks.setdefault(j, "menu")
            run.clear()

        for i, ln in enumerate(lines):
            if i not in protected and ln.words <= _SHORT_WORDS and not ln.final:
                run.append(i)
            else:
                flush()
        flush()


def _substantive(ln: _Line) -> bool:
    return (ln.final and ln.words >= _SUBSTANTIVE_WORDS) or ln.words >= _PROSE_WORDS
