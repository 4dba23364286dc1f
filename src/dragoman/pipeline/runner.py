"""Build a pipeline from stages, check it lines up, and run it.

Errors in one article never stop a batch: the runner turns a
``StageError`` (or any unexpected exception) into an ``ErrorRecord`` that
the caller stores beside the good articles.
"""

from __future__ import annotations

import time
import traceback
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dragoman.model import Article
from dragoman.pipeline.stage import Stage, StageError


class PipelineError(ValueError):
    """The pipeline's stages do not line up."""


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    article_id: str
    path: str | None
    url: str | None
    stage: str
    kind: str
    message: str


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
    """Raise ``PipelineError`` naming every requirement no earlier stage provides."""
    have = set(initial)
    problems: list[str] = []
    for stage in stages:
        missing = sorted(set(stage.requires) - have)
        if missing:
            providers = ", ".join(missing)
            problems.append(f"stage {stage.name!r} requires {providers}, which no earlier stage provides")
        have |= set(stage.provides)
    if problems:
        raise PipelineError("pipeline does not line up:\n  - " + "\n  - ".join(problems))


class Pipeline:
    def __init__(self, stages: Sequence[Stage], *, initial: frozenset[str] = frozenset({"raw"})) -> None:
        check_alignment(stages, initial)
        self.stages = list(stages)
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
        given = set(article.provided)
        for stage in self.stages:
            if stage.provides and set(stage.provides) <= given:
                continue  # supplied by the caller (e.g. text given directly to the API)
            t0 = time.perf_counter()
            try:
                out = stage(article)
            except StageError as exc:
                return Result(article, self._error(article, exc.stage, exc.kind, exc.message))
            except Exception as exc:  # a bug in a stage must not lose the rest of the batch
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                return Result(article, self._error(article, stage.name, "internal_error", detail))
            finally:
                self.timings.seconds[stage.name] += time.perf_counter() - t0
            if not isinstance(out, Article):
                msg = f"returned {type(out).__name__}, not Article"
                return Result(article, self._error(article, stage.name, "internal_error", msg))
            out.provided |= set(stage.provides)
            article = out
        self.timings.articles += 1
        return Result(article)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Result]:
        for article in articles:
            yield self.run(article)

    @staticmethod
    def _error(article: Article, stage: str, kind: str, message: str) -> ErrorRecord:
        return ErrorRecord(
            article_id=article.id,
            path=article.source.path,
            url=article.source.url,
            stage=stage,
            kind=kind,
            message=message,
        )
