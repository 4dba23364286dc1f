"""The boilerplate stages (thin adapters over ``dragoman.chrome``): page chrome as ``Boilerplate`` spans over whole lines, without touching the text.

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

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import ClassVar

from pydantic import Field

from dragoman.chrome import (
    BoilerplateCues,
    CueGroup,
    Line,
    OutletMemory,
    core,
    fold,
    line_keys,
    mark_chrome,
    outlet_of,
    repeatable,
    split_lines,
)
from dragoman.ingest.keys import HTML_BODY_LINES
from dragoman.model import Article
from dragoman.pipeline import BaseStage, StageSettings, register_stage

__all__ = [
    "HTML_BODY_LINES",
    "OUTLET_CHROME",
    "BoilerplateCues",
    "BoilerplateSettings",
    "CueGroup",
    "OutletMemory",
    "PageChrome",
    "PageChromeSettings",
    "PageChromeV2",
    "line_keys",
]

OUTLET_CHROME = "outlet_chrome"


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


@register_stage("dragoman.Boilerplate.v1", settings=BoilerplateSettings)
class PageChrome(BaseStage):
    """Mark page chrome (menus, related links, comments, mastheads, blurbs) as Boilerplate spans.

    Superseded by ``dragoman.Boilerplate.v2`` and kept so saved configs still
    run: its outlet memory depends on which articles share a batch, so the
    same article can get different chrome in different runs.

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
    uses: ClassVar[frozenset[str]] = frozenset({HTML_BODY_LINES})

    def __init__(self, settings: BoilerplateSettings | None = None) -> None:
        super().__init__(settings or BoilerplateSettings())
        self.settings: BoilerplateSettings
        self.memory = OutletMemory(self.settings.max_lines_per_outlet)
        # Lines of the batch being marked, split once by observe() for both counting and
        # marking: article id -> (the text they were split from, its lines).
        self._batch_lines: dict[str, tuple[str, list[Line]]] = {}
        if self.settings.corpus_lines:
            self._load_corpus_lines(Path(self.settings.corpus_lines))

    def _load_corpus_lines(self, path: Path) -> None:
        for row in path.read_text("utf-8").splitlines():
            outlet, sep, line = row.partition("\t")
            if not sep:
                outlet, line = "", row
            key = core(fold(line))
            if key:
                self.memory.add_fixed(key, outlet or None)

    def prime(self, articles: Iterable[Article]) -> None:
        """Count the short lines of ``articles`` (with text) in the outlet memory."""
        for art in articles:
            outlet = outlet_of(art)
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
            lines = split_lines(art.text)
            self._batch_lines[art.id] = (art.text, lines)
            outlet = outlet_of(art)
            if outlet and self.settings.outlet_memory:
                self.memory.add(outlet, {ln.core for ln in lines if repeatable(ln)}, art.id)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        it = iter(articles)
        while batch := list(islice(it, self.settings.window)):
            if self.settings.outlet_memory:
                self.prime(batch)
            for art in batch:
                yield self(art)

    def __call__(self, article: Article) -> Article:
        split = self._batch_lines.pop(article.id, None)
        lines = split[1] if split is not None and split[0] is article.text else split_lines(article.text)
        outlet = outlet_of(article)
        if outlet and self.settings.outlet_memory:
            self.memory.add(outlet, {ln.core for ln in lines if repeatable(ln)}, article.id)
        body_spans = article.ext.get(HTML_BODY_LINES)
        html_body = [[sp.start, sp.end] for sp in body_spans] if body_spans is not None else None
        repeats = self.settings.min_outlet_repeats if self.settings.outlet_memory else None
        marks = mark_chrome(
            article.text, lines, outlet, self.memory, html_body=html_body, min_outlet_repeats=repeats
        )
        article.boilerplate = sorted(marks, key=lambda b: (b.span.start, b.span.end))
        return article


class PageChromeSettings(StageSettings):
    corpus_lines: str | None = Field(
        default=None,
        description="file of known chrome lines, one per line, optionally 'outlet<TAB>line'",
    )


class _Known(OutletMemory):
    """The corpus's outlet chrome for one article, answering what ``mark_chrome`` asks its memory."""

    def __init__(self, fixed: OutletMemory, known: frozenset[str]) -> None:
        super().__init__()
        self._lines_file = fixed
        self._known = known

    def fixed(self, outlet: str | None, key: str) -> bool:
        return self._lines_file.fixed(outlet, key)

    def count(self, outlet: str, key: str) -> int:
        return 1 if key in self._known else 0


@register_stage("dragoman.Boilerplate.v2", settings=PageChromeSettings)
class PageChromeV2(BaseStage):
    """Mark page chrome (menus, related links, comments, mastheads, blurbs) as Boilerplate spans, one page at a time.

    The rules look only at the article itself (cue data, page structure,
    trafilatura's body lines for HTML), so an article gets the same chrome
    whatever else is ingested with it.  Lines its outlet repeats across the
    corpus come from the outlet-chrome corpus pass as the ``outlet_chrome``
    layer: they are marked (reason ``outlet_repeat``) unless they are the
    headline or prose, and the layer is narrowed to the lines this article
    has, which is what decided its chrome.  ``corpus_lines`` names a file of
    lines known to be chrome.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"boilerplate", OUTLET_CHROME})
    uses: ClassVar[frozenset[str]] = frozenset({HTML_BODY_LINES, OUTLET_CHROME})

    def __init__(self, settings: PageChromeSettings | None = None) -> None:
        super().__init__(settings or PageChromeSettings())
        self.settings: PageChromeSettings
        self.fixed = OutletMemory()
        if self.settings.corpus_lines:
            for row in Path(self.settings.corpus_lines).read_text("utf-8").splitlines():
                outlet, sep, line = row.partition("\t")
                if not sep:
                    outlet, line = "", row
                key = core(fold(line))
                if key:
                    self.fixed.add_fixed(key, outlet or None)

    def __call__(self, article: Article) -> Article:
        lines = split_lines(article.text)
        given = article.ext.get(OUTLET_CHROME) or frozenset()
        known = frozenset(ln.core for ln in lines if repeatable(ln) and ln.core in given)
        body_spans = article.ext.get(HTML_BODY_LINES)
        html_body = [[sp.start, sp.end] for sp in body_spans] if body_spans is not None else None
        marks = mark_chrome(
            article.text,
            lines,
            outlet_of(article) or ("(corpus)" if known else None),
            _Known(self.fixed, known),
            html_body=html_body,
            min_outlet_repeats=1 if known else None,
        )
        article.boilerplate = sorted(marks, key=lambda b: (b.span.start, b.span.end))
        article.ext[OUTLET_CHROME] = known
        return article
