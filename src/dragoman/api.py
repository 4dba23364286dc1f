"""The public Python API. The CLI is a thin wrapper over these functions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dragoman.exec import Executor, LocalExecutor
from dragoman.ingest import FetchSettings, iter_inputs
from dragoman.ingest.keys import READER_ERROR
from dragoman.ingest.readers import DEFAULT_MAX_BYTES, missing_paths
from dragoman.ingest.walk import WalkLog
from dragoman.model import Article, Source, content_hash

__all__ = [
    "Article",
    "ExtractionError",
    "IngestSummary",
    "MultipleRecords",
    "extract",
    "ingest",
    "load_pipeline",
    "process_batch",
    "remove",
]
from dragoman.pipeline import ErrorRecord, Pipeline, Result, build_pipeline, input_of, load_config
from dragoman.pipeline.config import config_text
from dragoman.store import Store
from dragoman.store.roles import Revisions


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


class MultipleRecords(ValueError):
    """Raised by ``extract`` for a file that holds several articles (JSONL, feed, web archive)."""

    def __init__(self, path: Path, count: int) -> None:
        super().__init__(
            f"{path} holds {count} records; extract() processes one article: "
            "use ingest() (`dragoman ingest`) for a file of many"
        )
        self.path = path
        self.count = count


def extract(
    source: Path | bytes | None = None,
    *,
    path: str | Path | None = None,
    text: str | None = None,
    config: str | Path | None = None,
    meta: Source | None = None,
) -> Article:
    """Process one article and return it annotated.

    Say what the article is: ``path=`` a file to read, ``text=`` the article's
    own text, or positionally a ``Path`` (a file) or ``bytes`` (its raw
    content, charset detected).  A plain ``str`` is never guessed to be one or
    the other: ``extract("missing.txt")`` raises ``TypeError`` instead of
    reading the file name as news.  A missing file raises
    ``FileNotFoundError``; a file of several records (JSONL, feed, web
    archive) raises ``MultipleRecords`` with their number, unless it holds
    exactly one.  ``ExtractionError`` says why an input could not be processed.
    """
    given = [x for x in (source, path, text) if x is not None]
    if len(given) != 1:
        raise TypeError("extract() takes exactly one of: a Path or bytes, path=..., text=...")
    if isinstance(source, str):
        raise TypeError(
            f"extract() got a str ({source[:40]!r}): pass path=... for a file or text=... for the article's text"
        )
    if isinstance(source, bytes):
        article = Article.from_bytes(source, meta or Source(format="auto"))
    elif text is not None:
        article = Article.from_bytes(text.encode("utf-8"), meta or Source(format="auto"))
    elif isinstance(source, os.PathLike) or path is not None:
        article = _one_record(Path(path if path is not None else source))  # type: ignore[arg-type]
        if meta is not None:
            article.source = meta
    else:
        raise TypeError(f"extract() takes a Path or bytes, not {type(source).__name__}")
    result = _cached_pipeline(_config_text(config)).run(article)
    if result.error is not None:
        raise ExtractionError(result.error)
    return result.article


def _one_record(file: Path) -> Article:
    """The only article of ``file``, read offline; raises when there is none or several."""
    if not os.path.lexists(file):
        raise FileNotFoundError(f"no such file: {file}")
    if file.is_dir():
        raise IsADirectoryError(f"{file} is a folder; extract() reads one file (use ingest() for folders)")
    records = iter_inputs([file])
    first = next(records, None)
    if first is None:  # the walker accounts for every input, so this cannot happen
        raise ExtractionError(ErrorRecord(content_hash(b""), str(file), None, "read", "empty", "no article"))
    rest = sum(1 for _ in records)
    if rest:
        raise MultipleRecords(file, 1 + rest)
    return first


def process_batch(config_text: str, batch: list[Article]) -> list[Result]:
    """Run the pipeline over one batch (the unit of work an executor ships to a worker).

    Never raises for its articles: the runner records a stage's failure per
    article, and should the batch as a whole fail (a stage's ``observe`` hook
    raising), each article is run on its own so one cannot take the others
    down with it.
    """
    pipe = _cached_pipeline(config_text)
    try:
        results = pipe.run_batch(batch)
    except Exception:
        results = [_run_alone(pipe, article) for article in batch]
    # The input bytes travel back with each article: the store keeps them (content-addressed)
    # and the stored Article JSON names them by their SHA-256, so any article can be extracted
    # again from the store alone.
    return results


def _run_alone(pipe: Pipeline, article: Article) -> Result:
    try:
        return pipe.run(article)
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        error = ErrorRecord(
            article.id, article.source.path, article.source.url, "pipeline", "internal_error", detail,
            input=input_of(article),
        )
        return Result(article, error)


@dataclass
class IngestSummary:
    """How every input of an ingest ended: ``seen == stored + skipped + reextracted + len(errors)``.

    ``errors`` has one record per input that failed, as the store keeps them;
    ``ignored`` lists what the folder walk passed over on purpose (hidden
    files and folders, README/LICENCE files), which are not inputs.
    ``revised`` counts stored articles extracted again because a corpus pass
    learnt something that changes them (a new revision each);
    ``revision_errors`` lists those whose extraction again failed: they keep
    the revision they had, and the store records the failure under their
    input like any other (cleared when a later revision is stored).
    ``reextracted`` counts already-stored articles extracted again because
    ``ingest(force=True)`` asked for it.
    """

    seen: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store (same content hash), or an input met twice in this run
    errors: list[ErrorRecord] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    revised: int = 0
    revision_errors: list[ErrorRecord] = field(default_factory=list)
    reextracted: int = 0  # already stored, extracted again because ``force`` was given


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _read_limit(config: str | Path | None) -> int:
    """The read stage's ``max_bytes``: the walker refuses bigger files without reading them."""
    cfg = load_config(config)
    for name in cfg.pipeline.stages:
        if cfg.stages[name].factory.startswith("dragoman.Read."):
            return int(cfg.stage_settings(name).get("max_bytes", DEFAULT_MAX_BYTES))
    return DEFAULT_MAX_BYTES


def ingest(
    paths: Iterable[str | Path] | None = None,
    *,
    store: Store,
    articles: Iterable[Article] | None = None,
    urls: Iterable[str] = (),
    url_lists: Iterable[str | Path] = (),
    feeds: Iterable[str | Path] = (),
    fetch: FetchSettings | None = None,
    fetch_pages: bool = False,
    config: str | Path | None = None,
    executor: Executor | None = None,
    batch_size: int = 16,
    on_progress: Callable[[IngestSummary], None] | None = None,
    force: bool = False,
) -> IngestSummary:
    """Read, process and store every input; bad inputs become error records, nothing is dropped.

    ``paths`` (files and folders) are read offline.  The network is used only
    for ``urls``, ``url_lists`` (files of URLs) and ``feeds`` (feed URLs or
    files; ``fetch_pages`` fetches each entry's page), configured by ``fetch``.
    Articles whose content hash is already stored are skipped before any
    processing, which makes re-ingesting (or resuming after a crash) cheap.
    A path that does not exist raises ``FileNotFoundError`` before anything
    is read; after that no input stops the run.

    A store that keeps inputs and corpus tables also keeps every input as
    read and runs the config's corpus passes (dragoman.corpus): what the
    corpus knows is given to each batch, and the articles it changes are
    extracted again at the end (``IngestSummary.revised``), so what each
    article ends up with does not depend on the order or batches of ingest.

    ``force`` extracts already-stored inputs again (a newer pipeline, a
    changed config) and stores each result as a new revision of its article
    (none when nothing changed); analysts' corrections stay attached to the
    facts' content-derived ids and apply to the new revision.
    """
    import functools

    from dragoman.corpus.ingest import CorpusHooks

    text = _config_text(config)
    cfg = load_config(config)
    # Recorded with every stored article so results of different pipelines can be told apart.
    pipeline_id = cfg.pipeline_id()
    paths = list(paths or [])
    if force and not isinstance(store, Revisions):
        raise ValueError(f"{type(store).__name__} keeps no revisions: it cannot extract stored articles again")
    missing = missing_paths(paths)
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    executor = executor or LocalExecutor()
    summary = IngestSummary()
    log = WalkLog(summary.ignored)
    inputs: Iterable[Article] = (
        articles
        if articles is not None
        else iter_inputs(
            paths, urls=urls, url_lists=url_lists, feeds=feeds, fetch=fetch, fetch_pages=fetch_pages,
            max_bytes=_read_limit(config), log=log,
        )
    )

    work = functools.partial(process_batch, text)
    corpus = CorpusHooks(store, cfg, work=work, executor=executor, batch_size=batch_size, pipeline_id=pipeline_id)

    def fresh() -> Iterator[Article]:
        for art in inputs:
            summary.seen += 1
            # An input that could not be read has no content to find in the store.
            if READER_ERROR in art.meta:
                yield art
                continue
            if store.has_article(art.id) and not force:
                summary.skipped += 1
                if on_progress:
                    on_progress(summary)
                continue
            corpus.keep_input(art)
            yield art

    recorded: set[str] = set()
    for results in executor.map_batches(work, corpus.prime(_batches(fresh(), batch_size))):
        stored: list[Article] = []
        for res in results:
            if res.error is not None:
                if res.error.where in recorded:  # the same input given twice: one record
                    summary.skipped += 1
                    continue
                recorded.add(res.error.where)
                store.put_error(res.error)
                summary.errors.append(res.error)
            elif force and isinstance(store, Revisions) and store.has_article(res.article.id):
                store.put_revision(res.article, pipeline=pipeline_id)  # None (no change) when identical
                summary.reextracted += 1
                stored.append(res.article)
            elif store.put_article(res.article, pipeline=pipeline_id):
                summary.stored += 1
                stored.append(res.article)
            else:
                summary.skipped += 1
        corpus.stored(stored)
        if on_progress:
            on_progress(summary)
    summary.revised = corpus.settle()
    for res in corpus.errors:
        if res.error is not None:
            store.put_error(res.error)
            summary.revision_errors.append(res.error)
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
    for res in hooks.errors:
        if res.error is not None:
            store.put_error(res.error)
            summary.revision_errors.append(res.error)
    return summary
