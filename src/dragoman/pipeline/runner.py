"""Build a pipeline from stages, check it lines up, and run it.

Errors in one article never stop a batch: the runner turns a
``StageError`` (or any unexpected exception) into an ``ErrorRecord`` that
the caller stores beside the good articles.
"""

from __future__ import annotations

import gc
import time
import traceback
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dragoman._version import __version__ as _VERSION
from dragoman.ingest.keys import INPUT
from dragoman.model import Article, PipelineInfo
from dragoman.pipeline.layers import CORE_LAYERS, finalizer
from dragoman.pipeline.stage import Stage, StageError

# The cyclic collector's youngest generation is collected after this many net allocations
# instead of CPython's 700.  A batch allocates tens of thousands of objects that outlive it
# (spans, mentions, feature lists of 16 articles): at 700 the collector walked each of them
# in every generation, and the full collections their promotion set off walked the loaded
# models and tables again (~0.14 s each): 1.1 ms per article of the default pipeline (gc
# callbacks over 5 passes of the 16x bench corpus, 880 articles), and none at this threshold,
# which those passes never reach: most of a batch is freed by reference counting first.  The
# pipeline makes no cyclic garbage (gc.collect() after those passes finds 0 unreachable
# objects either way), so nothing is held longer, and peak RSS is unchanged (163 MB).
# Process-wide, since raising it only for the length of a batch undoes itself: the first
# allocation after restoring 700 collects the whole batch.  Only CPython's default is
# replaced; an application that chose its own thresholds keeps them.
_GC_THRESHOLD = 100_000
_CPYTHON_GC_DEFAULT = (700, 10, 10)


def _raise_gc_threshold() -> None:
    threshold = gc.get_threshold()
    if threshold == _CPYTHON_GC_DEFAULT:
        gc.set_threshold(_GC_THRESHOLD, *threshold[1:])


class PipelineError(ValueError):
    """The pipeline's stages do not line up."""


def input_of(article: Article) -> str:
    """The input an article came from, as the user gave it: a path, a URL, ``file.jsonl:LINE``, ``feed#N``.

    Error records are keyed by it, not by content: three different empty
    files are three errors.  Text handed over with no path or URL has only its
    content to go by.
    """
    given = article.meta.get(INPUT)
    if given:
        return str(given)
    return article.source.path or article.source.url or f"sha256:{article.id}"


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    article_id: str
    path: str | None
    url: str | None
    stage: str
    kind: str
    message: str
    # The input that failed (see ``input_of``); one record per input.  Empty in records
    # built by hand: ``where`` then falls back on the path, the URL, the content hash.
    input: str = ""

    @property
    def where(self) -> str:
        """What failed, as the user would name it."""
        return self.input or self.path or self.url or f"sha256:{self.article_id}"


@dataclass(slots=True)
class Result:
    """One article's outcome: either the annotated article or an error."""

    article: Article
    error: ErrorRecord | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    articles: int = 0

    def merge(self, other: Timings) -> None:
        for k, v in other.seconds.items():
            self.seconds[k] += v
        self.articles += other.articles


def check_alignment(stages: Sequence[Stage], initial: frozenset[str] = frozenset({"raw"})) -> None:
    """Raise ``PipelineError`` naming every requirement no earlier stage provides.

    A layer a stage only ``uses`` may be absent altogether, but if a later
    stage provides it, the order is wrong and is refused the same way.
    """
    have = set(initial)
    problems: list[str] = []
    for k, stage in enumerate(stages):
        missing = sorted(set(stage.requires) - have)
        if missing:
            providers = ", ".join(missing)
            problems.append(f"stage {stage.name!r} requires {providers}, which no earlier stage provides")
        later = {layer: s.name for s in stages[k + 1 :] for layer in s.provides}
        for layer in sorted(set(getattr(stage, "uses", ())) - have):
            if layer in later:
                problems.append(f"stage {stage.name!r} uses {layer}, which only the later stage {later[layer]!r} provides")
        have |= set(stage.provides)
    if problems:
        raise PipelineError("pipeline does not line up:\n  - " + "\n  - ".join(problems))


def _skippable(stage: Stage, given: set[str]) -> bool:
    """Layers the caller supplied (text given to the API) are not computed again.

    A stage whose core layers are all given is skipped even when it also
    provides extension layers: a caller who hands over the text has no page
    structure to offer, and reading it again would not make one.
    """
    provides = set(stage.provides)
    if not provides:
        return False
    core = provides & CORE_LAYERS
    return provides <= given or bool(core and core <= given)


class Pipeline:
    def __init__(
        self, stages: Sequence[Stage], *, initial: frozenset[str] = frozenset({"raw"}), name: str | None = None
    ) -> None:
        check_alignment(stages, initial)
        self.stages = list(stages)
        self.name = name  # "default@1a2b3c4d" when built from a config: recorded in each article's provenance
        self.timings = Timings()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def provides(self) -> set[str]:
        out: set[str] = set()
        for s in self.stages:
            out |= set(s.provides)
        return out

    def run(self, article: Article) -> Result:
        """Run every stage on one article; never raises for a bad article."""
        return self.run_batch([article])[0]

    def run_batch(self, articles: Sequence[Article]) -> list[Result]:
        """Run the stages over a batch, stage by stage; never raises for a bad article.

        Going stage-major lets a stage that learns from the corpus (page
        chrome repeated across an outlet's articles) see the whole batch
        through its optional ``observe(articles)`` hook before it marks any.
        """
        _raise_gc_threshold()
        results = [Result(a) for a in articles]
        given = [set(a.provided) for a in articles]
        for stage in self.stages:
            todo = [i for i, r in enumerate(results) if r.error is None and not _skippable(stage, given[i])]
            if not todo:
                continue
            t0 = time.perf_counter()
            observe = getattr(stage, "observe", None)
            if observe is not None:
                observe([results[i].article for i in todo])
            for i in todo:
                results[i] = self._apply(stage, results[i].article)
            self.timings.seconds[stage.name] += time.perf_counter() - t0
        for r in results:
            if r.error is None:
                self._stamp(r.article)
        self.timings.articles += sum(r.error is None for r in results)
        return results

    def _stamp(self, article: Article) -> None:
        """Record which pipeline, stages and models produced the article."""
        info = article.provenance.pipeline
        if info is None:
            info = article.provenance.pipeline = PipelineInfo()
        info.name = self.name
        info.dragoman = _VERSION
        info.stages = self.names

    def _apply(self, stage: Stage, article: Article) -> Result:
        ext_before = set(article.ext)
        try:
            out = stage(article)
        except StageError as exc:
            return Result(article, self._error(article, exc.stage, exc.kind, exc.message))
        except Exception as exc:  # a bug in a stage must not lose the rest of the batch
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            return Result(article, self._error(article, stage.name, "internal_error", detail))
        if not isinstance(out, Article):
            msg = f"returned {type(out).__name__}, not Article"
            return Result(article, self._error(article, stage.name, "internal_error", msg))
        undeclared = sorted(set(out.ext) - ext_before - set(stage.provides))
        if undeclared:
            msg = f"wrote extension layers it does not declare in provides: {undeclared}"
            return Result(article, self._error(article, stage.name, "internal_error", msg))
        out.provided |= set(stage.provides)
        for layer in stage.provides:
            finish = finalizer(layer)
            if finish is not None:
                finish(out)  # e.g. mention ids: several stages add mentions, each hands over ids
        versions = getattr(stage, "versions", None)
        if versions is not None:
            used = versions(out)
            if used:
                info = out.provenance.pipeline or PipelineInfo()
                info.models.update(used)
                out.provenance.pipeline = info
        return Result(out)

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Result]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)

    @staticmethod
    def _error(article: Article, stage: str, kind: str, message: str) -> ErrorRecord:
        return ErrorRecord(
            article_id=article.id,
            path=article.source.path,
            url=article.source.url,
            stage=stage,
            kind=kind,
            message=message,
            input=input_of(article),
        )
