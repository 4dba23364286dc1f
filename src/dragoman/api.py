"""The public Python API. The CLI is a thin wrapper over these functions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dragoman.exec import Executor, LocalExecutor
from dragoman.ingest import iter_inputs
from dragoman.model import Article, Source

__all__ = ["Article", "ExtractionError", "IngestSummary", "extract", "ingest", "load_pipeline", "process_batch"]
from dragoman.pipeline import ErrorRecord, Pipeline, Result, build_pipeline, load_config
from dragoman.pipeline.config import config_text
from dragoman.store import Store


class ExtractionError(RuntimeError):
    """Raised by ``extract`` when the article could not be processed."""

    def __init__(self, error: ErrorRecord) -> None:
        super().__init__(f"{error.kind} in {error.stage}: {error.message}")
        self.error = error


def load_pipeline(config: str | Path | None = None) -> Pipeline:
    """Build the pipeline from a TOML config file, a shipped name (``accurate``), or the default."""
    return build_pipeline(load_config(config))


@cache
def _cached_pipeline(config_text: str) -> Pipeline:
    # Workers receive the config *text* (picklable, exact) and build once per process.
    import tomllib

    from dragoman.pipeline.config import PipelineConfig

    return build_pipeline(PipelineConfig.model_validate(tomllib.loads(config_text)))


def _config_text(config: str | Path | None) -> str:
    text = config_text(config)
    load_config(config)  # validate here, in the caller, so errors surface before any work
    return text


def extract(
    source: str | Path | bytes,
    *,
    config: str | Path | None = None,
    meta: Source | None = None,
) -> Article:
    """Process one article (a path, raw bytes, or a text string) and return it annotated."""
    if isinstance(source, bytes):
        article = Article.from_bytes(source, meta or Source(format="auto"))
    elif isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and Path(source).is_file()):
        article = next(iter_inputs([source]))
        if meta is not None:
            article.source = meta
    else:
        article = Article.from_bytes(str(source).encode("utf-8"), meta or Source(format="auto"))
    result = _cached_pipeline(_config_text(config)).run(article)
    if result.error is not None:
        raise ExtractionError(result.error)
    return result.article


def process_batch(config_text: str, batch: list[Article]) -> list[Result]:
    """Run the pipeline over one batch (the unit of work an executor ships to a worker)."""
    pipe = _cached_pipeline(config_text)
    out = []
    for res in pipe.run_batch(batch):
        res.article.raw_bytes = None  # don't ship the input back; its hash is the id
        out.append(res)
    return out


@dataclass
class IngestSummary:
    seen: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store (same content hash)
    errors: list[ErrorRecord] = field(default_factory=list)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[str | Path] | None = None,
    *,
    store: Store,
    articles: Iterable[Article] | None = None,
    config: str | Path | None = None,
    executor: Executor | None = None,
    batch_size: int = 16,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read, process and store every input; bad inputs become error records, nothing is dropped.

    Articles whose content hash is already stored are skipped before any
    processing, which makes re-ingesting (or resuming after a crash) cheap.
    """
    import functools

    text = _config_text(config)
    # Recorded with every stored article so results of different pipelines can be told apart.
    pipeline_id = f"{Path(config).stem if config else 'default'}@{hashlib.sha256(text.encode()).hexdigest()[:8]}"
    executor = executor or LocalExecutor()
    summary = IngestSummary()
    inputs: Iterable[Article] = articles if articles is not None else iter_inputs(paths or [])

    def fresh() -> Iterator[Article]:
        for art in inputs:
            summary.seen += 1
            if store.has_article(art.id):
                summary.skipped += 1
                if on_progress:
                    on_progress(summary)
                continue
            yield art

    work = functools.partial(process_batch, text)
    for results in executor.map_batches(work, _batches(fresh(), batch_size)):
        for res in results:
            if res.error is not None:
                store.put_error(res.error)
                summary.errors.append(res.error)
            elif store.put_article(res.article, pipeline=pipeline_id):
                summary.stored += 1
            else:
                summary.skipped += 1
        if on_progress:
            on_progress(summary)
    return summary
