"""What an ingest does for the corpus: keep inputs, prime articles, record them, settle the passes.

``api.ingest`` calls four hooks and nothing else of this module, so the
ingest loop stays about reading, running and storing.  A store that cannot
keep inputs or corpus tables gets no passes (they could not re-extract
anything); the articles are stored as the pipeline made them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from dragoman.corpus.base import CorpusPass
from dragoman.corpus.runner import CorpusStore, Todo, build_corpus_passes, settle
from dragoman.exec import Executor
from dragoman.model import Article
from dragoman.pipeline.config import PipelineConfig
from dragoman.pipeline.runner import Result
from dragoman.store.roles import RawInputs

__all__ = ["CorpusHooks"]


class CorpusHooks:
    def __init__(
        self,
        store: object,
        cfg: PipelineConfig,
        *,
        work: Callable[[list[Article]], list[Result]],
        executor: Executor,
        batch_size: int,
        pipeline_id: str,
    ) -> None:
        self.store = store
        self.keeps_inputs = isinstance(store, RawInputs)
        self.corpus: CorpusStore | None = store if isinstance(store, CorpusStore) else None
        self.passes: list[CorpusPass] = build_corpus_passes(cfg) if self.corpus is not None else []
        self.work = work
        self.executor = executor
        self.batch_size = batch_size
        self.pipeline_id = pipeline_id
        self.candidates: set[str] = set()
        self.errors: list[Result] = []

    def keep_input(self, article: Article) -> None:
        """Before anything runs: the input as read, so the store alone can extract it again."""
        if self.keeps_inputs and article.raw_bytes is not None:
            self.store.put_input(article)  # type: ignore[attr-defined]

    def prime(self, batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """Give each batch, as it leaves for a worker, the layers the corpus knows now."""
        for batch in batches:
            for p in self.passes:
                p.prime(self.corpus, batch)
            yield batch

    def stored(self, articles: Sequence[Article]) -> None:
        if self.corpus is not None:
            for p in self.passes:
                self.candidates |= p.update(self.corpus, articles)

    def removed(self, article_ids: Sequence[str]) -> None:
        """Before the articles are deleted: forget what they contributed."""
        if self.corpus is not None:
            for p in self.passes:
                self.candidates |= p.update(self.corpus, [], article_ids)

    def settle(self) -> int:
        """Re-extract what the ingest made stale; the number of new revisions."""
        if self.corpus is None or not self.passes:
            return 0
        return settle(self.corpus, self.passes, self.candidates, self._reextract)

    def _reextract(self, todo: Todo) -> list[Article]:
        assert self.corpus is not None
        fresh: list[Article] = []
        for article_id, layers in sorted(todo.items()):
            article = self.corpus.get_input(article_id)
            if article is None:
                continue  # stored before inputs were kept: nothing to extract again from
            article.ext.update(layers)
            fresh.append(article)
        out: list[Article] = []
        batches = [fresh[i : i + self.batch_size] for i in range(0, len(fresh), self.batch_size)]
        for results in self.executor.map_batches(self.work, batches):
            for res in results:
                if res.error is not None:
                    self.errors.append(res)
                    continue
                self.corpus.put_revision(res.article, pipeline=self.pipeline_id)
                out.append(res.article)
        return out
