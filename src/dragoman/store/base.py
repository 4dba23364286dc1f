"""The storage interface every backend (SQLite, PostgreSQL, plugins) implements.

One contract test suite (tests/contract/test_store_contract.py) runs
against every implementation, so behaviour is the same whichever holds the
data.  Articles are stored as Article JSON v1 plus derived tables for
entities, mentions and search; errors are first-class records so nothing
fed in is silently lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from dragoman.model import Article
from dragoman.pipeline.runner import ErrorRecord


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    snippet: str  # original text around the match
    start: int  # offset of the match in the article's text
    end: int


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    canonical: str
    qid: str | None
    type: str
    articles: int
    mentions: int
    surface_forms: tuple[str, ...]


@runtime_checkable
class Store(Protocol):
    def migrate(self) -> None:
        """Bring the schema to the latest version (idempotent)."""

    def has_article(self, article_id: str) -> bool: ...

    def put_article(self, article: Article, *, pipeline: str = "default") -> bool:
        """Store an annotated article; False (and no change) if its content hash is already stored."""

    def get_article(self, article_id: str) -> Article | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def count_articles(self) -> int: ...

    def put_error(self, error: ErrorRecord) -> bool:
        """Record an input that could not be processed; idempotent per (article_id, stage)."""

    def iter_errors(self) -> Iterator[ErrorRecord]: ...

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search with Arabic/Hebrew folding on both the index and the query."""

    def entity_table(self) -> list[EntityRow]:
        """Entities across all articles, most mentioned first."""

    def close(self) -> None: ...
