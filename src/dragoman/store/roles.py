"""Small role protocols a store plays, each held to its own contract suite (tests/contract/).

* ``RawInputs``: the inputs as they came in (content-addressed blobs plus
  what the reader said about them), so any article can be extracted again
  from the store alone.
* ``Revisions``: articles with revisions: a re-extraction (a newer
  pipeline, a corpus pass giving new knowledge) adds one and it becomes the
  one served; older ones are kept until pruned.
* ``Queries`` (dragoman.store.queries): events, entity detail, counts, cursors.
* ``CorpusTables``: what corpus passes keep: per-article contributions
  (key rows, grouped) and pass state.
* ``Corrections``: an analyst's versioned overlay (dragoman.model.corrections),
  applied on read.
* ``ApiTokens``: the REST API's tokens (dragoman.rest.security), kept as
  digests only.

``Store`` (dragoman.store.base) is the original all-in-one protocol; a
backend implements whichever roles it can, and code that needs a role asks
for it with ``isinstance(store, Role)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from dragoman.model import Article
from dragoman.model.corrections import Correction

__all__ = ["ApiTokens", "ContributionRow", "CorpusTables", "Corrections", "RawInputs", "RevisionRow", "Revisions", "TokenRow"]


@runtime_checkable
class RawInputs(Protocol):
    def put_blob(self, data: bytes) -> str:
        """Keep ``data`` under its SHA-256 (returned); keeping the same bytes again changes nothing."""

    def get_blob(self, sha256: str) -> bytes | None: ...

    def put_input(self, article: Article) -> None:
        """Keep an article as its reader produced it (bytes, source, reader notes), before any stage ran.

        Idempotent per article id: the first input kept for an id stays.
        """

    def get_input(self, article_id: str) -> Article | None:
        """A fresh, unprocessed ``Article`` equal to the one given to ``put_input``."""


@dataclass(frozen=True, slots=True)
class RevisionRow:
    article_id: str
    revision: int  # 1, 2, ... in the order they were added
    pipeline: str
    stored_at: str  # ISO timestamp, UTC
    current: bool


@runtime_checkable
class Revisions(Protocol):
    def put_revision(self, article: Article, *, pipeline: str) -> int | None:
        """Add ``article`` as the newest revision of its id and serve it from now on.

        The first revision of a new id is revision 1.  Returns the revision
        number, or None (and no change) when it is identical to the current
        one.
        """

    def revisions(self, article_id: str) -> list[RevisionRow]:
        """Every kept revision of an article, oldest first."""

    def get_revision(self, article_id: str, revision: int) -> Article | None: ...

    def prune_revisions(self, *, keep: int = 1) -> int:
        """Drop all but the ``keep`` newest revisions of every article (the current one always stays); how many went."""


@dataclass(frozen=True, slots=True)
class ContributionRow:
    group: str
    key: str
    article_id: str
    value: Any  # JSON


@runtime_checkable
class CorpusTables(Protocol):
    """Tables of corpus passes, by name: rows each article contributes, and the pass's own state."""

    def corpus_replace(self, table: str, article_id: str, rows: Iterable[tuple[str, str, Any]]) -> None:
        """Replace everything ``article_id`` contributes to ``table`` with ``(group, key, value)`` rows."""

    def corpus_rows(
        self,
        table: str,
        *,
        article_ids: Iterable[str] | None = None,
        group: str | None = None,
        keys: Iterable[str] | None = None,
    ) -> list[ContributionRow]:
        """Rows matching every filter given, by group, key, article id."""

    def corpus_counts(self, table: str, group: str, keys: Iterable[str]) -> dict[str, int]:
        """How many articles contribute each of ``keys`` within ``group`` (keys nobody has are left out)."""

    def corpus_frequent(self, table: str, group: str, min_articles: int) -> set[str]:
        """The keys of ``group`` that at least ``min_articles`` articles contribute."""

    def corpus_delete(self, table: str, article_id: str) -> None: ...

    def put_state(self, table: str, key: str, value: Any) -> None:
        """A pass's own state (JSON) under a key; None removes it."""

    def get_state(self, table: str, key: str) -> Any: ...


@runtime_checkable
class Corrections(Protocol):
    def correct(self, article_id: str, target: str, field: str, after: Any, *, who: str, reason: str) -> Correction:
        """Record a correction of a fact of the current revision; ``before`` is what it showed."""

    def revert(self, correction_id: int, *, who: str, reason: str) -> Correction:
        """Cancel a correction with one that reverts it (both stay in the history)."""

    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        """Every correction, reverts included, oldest first."""

    def orphaned_corrections(self, article_id: str) -> list[Correction]:
        """Corrections in force whose fact the current revision does not have."""


@dataclass(frozen=True, slots=True)
class TokenRow:
    name: str
    created_at: str  # ISO timestamp, UTC
    last_used: str | None


@runtime_checkable
class ApiTokens(Protocol):
    """Named API tokens, kept as digests: the token itself is shown once, when made, and never stored."""

    def add_token(self, name: str, digest: str) -> TokenRow:
        """Keep a token's digest under a new name; ``ValueError`` when the name is taken."""

    def token_named(self, digest: str) -> str | None:
        """The name of the token with this digest (its last use noted), or None."""

    def tokens(self) -> list[TokenRow]:
        """Every token, by name."""

    def revoke_token(self, name: str) -> bool:
        """Forget a token; False when there was none of that name."""
