"""The storage interface every backend (SQLite, PostgreSQL, plugins) implements.

One contract test suite (tests/contract/test_store_contract.py) runs
against every implementation, so behaviour is the same whichever holds the
data.  Articles are stored as Article JSON v2 plus derived tables for
entities, mentions and search; errors are first-class records so nothing
fed in is silently lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from dragoman.model import Article
from dragoman.pipeline.runner import ErrorRecord


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    snippet: str  # original text around the match
    start: int  # offset of the match in the article's text
    end: int
    # Where the match is within ``snippet``, so a surface can highlight it (as text, never markup).
    snippet_start: int = 0
    snippet_end: int = 0


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    canonical: str
    qid: str | None
    type: str
    articles: int
    mentions: int
    surface_forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What a listing of stored articles shows, without loading the documents."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    path: str | None
    language: str | None
    published: str | None  # ISO date
    pipeline: str
    stored_at: str  # ISO timestamp, UTC


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One mention as stored: where it is in its article and which entity it belongs to."""

    article_id: str
    index: int  # position in the article's ``mentions`` layer
    entity_id: str | None
    kb_id: str | None
    type: str
    kind: str
    surface: str  # text[start:end], clitics included
    head: str | None  # the name without clitics, when the stage marked it
    start: int
    end: int


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
        """Record an input that could not be processed: one record per input (``ErrorRecord.where``),
        the latest reason kept; True if the input had none.  Storing the input's article clears it."""

    def iter_errors(self) -> Iterator[ErrorRecord]: ...

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search with Arabic/Hebrew folding on both the index and the query."""

    def entity_table(self, *, limit: int | None = None) -> list[EntityRow]:
        """Entities across all articles, most mentioned first."""

    def schema_version(self) -> int:
        """The number of the last migration applied."""

    def get_article_json(self, article_id: str) -> dict[str, Any] | None:
        """The stored Article JSON document (v2; v1 for articles stored before it), as ``dragoman.serialize.to_json`` wrote it."""

    def list_articles(
        self, *, limit: int | None = None, offset: int = 0, language: str | None = None
    ) -> list[ArticleRow]:
        """Stored articles in the order they were stored."""

    def mentions(self, *, article_id: str | None = None, entity_id: str | None = None) -> list[MentionRow]:
        """Mentions of one article and/or one entity, in article then text order."""

    def delete_article(self, article_id: str) -> bool:
        """Remove an article with everything derived from it; False if it was not stored."""

    def close(self) -> None: ...
