"""PostgreSQL store for teams and many concurrent writers.

Same tables and behaviour as the SQLite store (one contract suite runs on
both).  Search terms are the folded terms from ``dragoman.store.search``
written as a ``tsvector`` literal and queried with a ``tsquery`` literal:
no text-search configuration ever parses Arabic or Hebrew, so the result
does not depend on the server's locale or dictionaries.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.types.json import Jsonb

from dragoman.store._sql import Candidate, Cursor, SQLStore
from dragoman.store.errors import StoreError, one_line, redact
from dragoman.store.migrate import MigrationError, latest_version, migrate_postgres, postgres_version
from dragoman.store.search import Term

_MAX_POSITION = 16383  # tsvector positions above this are clamped by PostgreSQL anyway
_MAX_POSITIONS_PER_TERM = 256  # PostgreSQL keeps at most 256 positions per lexeme


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(terms: list[Term]) -> str:
    """``'term':1,4 'other':2``: lexemes with 1-based token positions."""
    positions: dict[str, list[int]] = {}
    for t in terms:
        pos = positions.setdefault(t.term, [])
        if len(pos) < _MAX_POSITIONS_PER_TERM:
            pos.append(min(t.position + 1, _MAX_POSITION))
    return " ".join(
        f"{_lexeme(term)}:{','.join(map(str, sorted(set(pos))))}" for term, pos in positions.items()
    )


def tsquery_literal(groups: list[str] | list[tuple[str, ...]]) -> str:
    """``('a' | 'b') & 'c'``: every group required, any term of a group enough."""
    parts = []
    for group in groups:
        alts = (group,) if isinstance(group, str) else group
        parts.append(_lexeme(alts[0]) if len(alts) == 1 else "(" + " | ".join(map(_lexeme, alts)) + ")")
    return " & ".join(parts)


def _password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def _no_nul(value: Any) -> Any:
    # PostgreSQL text cannot hold U+0000, which scraped pages occasionally do.
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False).replace("\\u0000", "\\ufffd")


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database.

    ``read_only`` sets every transaction of the session read-only and never
    migrates; a database without Dragoman's tables raises ``StoreError``.
    Connection failures raise ``StoreError`` with one line naming the URL
    without its password.
    """

    _no_limit = None  # LIMIT NULL means no limit in PostgreSQL

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        password = _password(url)
        try:
            # autocommit: reads never leave a transaction open; writes use _write().
            self._conn: psycopg.Connection[Any] = psycopg.connect(url, autocommit=True, connect_timeout=10)
            if read_only:
                self._conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {redact(url)}: {one_line(exc, hide=password)}") from exc
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"PostgresStore({self._conn.info.dsn!r})"  # the DSN psycopg reports omits the password

    def migrate(self) -> None:
        if self.read_only:
            version, latest = self.schema_version(), latest_version("postgres")
            if version == 0:
                raise StoreError(f"no Dragoman store at {redact(self.url)}: the database has no Dragoman tables")
            if version < latest:
                raise StoreError(
                    f"{redact(self.url)} was written by an older Dragoman (schema {version}, now {latest}): "
                    "run `dragoman migrate` with this --db to upgrade it"
                )
            return
        try:
            migrate_postgres(self._conn)
            self._backfill()
        except (psycopg.Error, MigrationError) as exc:
            raise StoreError(f"cannot prepare {redact(self.url)}: {one_line(exc, hide=_password(self.url))}") from exc

    def schema_version(self) -> int:
        return postgres_version(self._conn)

    def close(self) -> None:
        self._conn.close()

    def _timestamp(self, when: datetime) -> Any:
        return when

    def _day(self, day: date | None) -> Any:
        return day

    def _flag(self, value: bool) -> Any:
        return value

    def _json(self, obj: Any) -> Any:
        return Jsonb(obj, dumps=_dumps)

    def _unjson(self, value: Any) -> Any:
        return value  # JSONB comes back decoded

    @staticmethod
    def _sql(sql: str) -> bytes:
        return sql.replace("?", "%s").encode("utf-8")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self._conn.execute(self._sql(sql), [_no_nul(p) for p in params])

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(self._sql(sql), [[_no_nul(p) for p in row] for row in rows])

    @contextmanager
    def _write(self) -> Iterator[None]:
        # One transaction per connection at a time, even when threads share the store.
        with self._lock, self._conn.transaction():
            yield

    def _insert_article(self, row: Sequence[Any], terms: list[Term]) -> bool:
        cur = self._execute(
            "INSERT INTO articles (id, path, url, outlet, title, language, published, pipeline, stored_at, doc, "
            "search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector) ON CONFLICT (id) DO NOTHING",
            (*row, tsvector_literal(terms)),
        )
        return cur.rowcount > 0

    def _replace_search(self, article_id: str, terms: list[Term]) -> None:
        self._execute("UPDATE articles SET search = ?::tsvector WHERE id = ?", (tsvector_literal(terms), article_id))

    def _upsert_error(self, row: Sequence[Any]) -> bool:
        # Concurrent writers do not wait for each other here: the statement itself says whether
        # it inserted (a fresh row version has no deleting transaction, xmax = 0) or updated.
        found = self._execute(self._UPSERT_ERROR + " RETURNING (xmax = 0)", row).fetchone()
        return bool(found and found[0])

    def _delete_search(self, article_id: str) -> None:
        return None  # the terms live in the article's own row

    def _search_candidates(self, groups: list[tuple[str, ...]], limit: int) -> list[Candidate]:
        query = tsquery_literal(groups)
        rows = self._execute(
            "SELECT id, title, doc FROM articles WHERE search @@ ?::tsquery "
            "ORDER BY ts_rank(search, ?::tsquery) DESC, seq LIMIT ?",
            (query, query, limit),
        ).fetchall()
        return [Candidate(r[0], r[1], r[2]) for r in rows]


__all__ = ["PostgresStore", "tsquery_literal", "tsvector_literal"]
