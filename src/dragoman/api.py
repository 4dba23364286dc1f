"""The public Python API. The CLI is a thin wrapper over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dragoman.exec import Executor, LocalExecutor
from dragoman.ingest import iter_inputs
from dragoman.model import Article, Source

__all__ = [
    "Article",
    "ExtractionError",
    "IngestSummary",
    "extract",
    "ingest",
    "load_pipeline",
    "process_batch",
    "remove",
]
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
    return _cached_pipeline(config_text).run_batch(batch)


@dataclass
class IngestSummary:
    seen: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store (same content hash)
    errors: list[ErrorRecord] = field(default_factory=list)
    revised: int = 0  # stored articles extracted again because a corpus pass learnt something


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
    A store that keeps inputs and corpus tables also keeps every input as
    read and runs the config's corpus passes (dragoman.corpus): what the
    corpus knows is given to each batch, and the articles it changes for
    are extracted again at the end (``IngestSummary.revised``), so what each
    article ends up with does not depend on the order or batches of ingest.
    """
    import functools

    from dragoman.corpus.ingest import CorpusHooks

    text = _config_text(config)
    cfg = load_config(config)
    pipeline_id = cfg.pipeline_id()
    executor = executor or LocalExecutor()
    summary = IngestSummary()
    inputs: Iterable[Article] = articles if articles is not None else iter_inputs(paths or [])
    work = functools.partial(process_batch, text)
    corpus = CorpusHooks(store, cfg, work=work, executor=executor, batch_size=batch_size, pipeline_id=pipeline_id)

    def fresh() -> Iterator[Article]:
        for art in inputs:
            summary.seen += 1
            if store.has_article(art.id):
                summary.skipped += 1
                if on_progress:
                    on_progress(summary)
                continue
            corpus.keep_input(art)
            yield art

    for results in executor.map_batches(work, corpus.prime(_batches(fresh(), batch_size))):
        stored: list[Article] = []
        for res in results:
            if res.error is not None:
                store.put_error(res.error)
                summary.errors.append(res.error)
            elif store.put_article(res.article, pipeline=pipeline_id):
                summary.stored += 1
                stored.append(res.article)
            else:
                summary.skipped += 1
        corpus.stored(stored)
        if on_progress:
            on_progress(summary)
    summary.revised = corpus.settle()
    for res in corpus.errors:  # a re-extraction failing where the first run did not: keep the record
        if res.error is not None:
            store.put_error(res.error)
            summary.errors.append(res.error)
    return summary


def remove(
    article_ids: Iterable[str],
    *,
    store: Store,
    config: str | Path | None = None,
    executor: Executor | None = None,
    batch_size: int = 16,
) -> IngestSummary:
    """Delete stored articles, then let the corpus passes re-extract the articles that depended on them.

    (A line three pages of an outlet shared stops being chrome when one of
    them goes.)  ``stored`` counts the articles deleted, ``revised`` the
    articles extracted again.
    """
    import functools

    from dragoman.corpus.ingest import CorpusHooks

    text = _config_text(config)
    cfg = load_config(config)
    executor = executor or LocalExecutor()
    hooks = CorpusHooks(store, cfg, work=functools.partial(process_batch, text), executor=executor,
                        batch_size=batch_size, pipeline_id=cfg.pipeline_id())
    ids = [i for i in dict.fromkeys(article_ids) if store.has_article(i)]
    hooks.removed(ids)
    summary = IngestSummary(seen=len(ids))
    for article_id in ids:
        summary.stored += int(store.delete_article(article_id))
    summary.revised = hooks.settle()
    return summary
