"""The default store: one SQLite file, safe for several writer processes.

WAL mode lets readers carry on while one process writes; every write takes
the lock up front (``BEGIN IMMEDIATE``) and waits up to ``timeout`` seconds
for it, so concurrent ingests queue rather than fail.  The article id is
``UNIQUE`` in the schema, so two processes storing the same article end
with one row, whichever gets there first.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dragoman.store._sql import Candidate, Cursor, SQLStore
from dragoman.store.errors import StoreError, one_line
from dragoman.store.migrate import MigrationError, latest_version, migrate_sqlite, sqlite_version
from dragoman.store.search import Term, index_text


class SQLiteStore(SQLStore):
    """A store in one SQLite file.

    ``read_only`` opens an existing store without creating or changing
    anything (no folder, no file, no migration): a missing file, or one that
    is not a Dragoman store, raises ``StoreError``.  Failures to open raise
    ``StoreError`` with one line naming the file.
    """

    def __init__(self, path: str | Path, *, timeout: float = 60.0, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        on_disk = self.path != ":memory:" and not self.path.startswith("file:")
        try:
            if read_only:
                self._conn = self._connect_read_only(timeout)
            else:
                if on_disk:
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                # isolation_level=None: we issue BEGIN/COMMIT ourselves, so the
                # module never opens a transaction behind our back.
                self._conn = sqlite3.connect(
                    self.path, timeout=timeout, isolation_level=None, check_same_thread=False
                )
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if self.path != ":memory:" and not read_only:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe with WAL
            self._conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open SQLite store {self.path}: {one_line(exc)}") from exc
        self._lock = threading.RLock()

    def _connect_read_only(self, timeout: float) -> sqlite3.Connection:
        file = Path(self.path)
        if not file.is_file():
            raise StoreError(f"no store at {self.path}: nothing has been ingested there (see `dragoman ingest`)")
        conn = sqlite3.connect(
            f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout, isolation_level=None,
            check_same_thread=False,
        )
        try:
            version = _read_version(conn)
        except sqlite3.Error:
            conn.close()
            raise
        if version == 0:
            conn.close()
            raise StoreError(f"{self.path} is not a Dragoman store (no schema_version table)")
        return conn

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    def migrate(self) -> None:
        if self.read_only:
            self._check_current()
            return
        try:
            migrate_sqlite(self._conn)
            self._backfill()
        except (sqlite3.Error, MigrationError) as exc:
            raise StoreError(f"cannot prepare SQLite store {self.path}: {one_line(exc)}") from exc

    def _check_current(self) -> None:
        version, latest = self.schema_version(), latest_version("sqlite")
        if version < latest:
            raise StoreError(
                f"{self.path} was written by an older Dragoman (schema {version}, now {latest}): "
                f"run `dragoman migrate --db {self.path}` to upgrade it"
            )

    def schema_version(self) -> int:
        return _read_version(self._conn) if self.read_only else sqlite_version(self._conn)

    def close(self) -> None:
        self._conn.close()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self._conn.execute(sql, params)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._conn.executemany(sql, rows)

    @contextmanager
    def _write(self) -> Iterator[None]:
        # The lock keeps two threads sharing this store from interleaving
        # statements inside one transaction; other processes wait on SQLite's lock.
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _insert_article(self, row: Sequence[Any], terms: list[Term]) -> bool:
        cur = self._conn.execute(
            "INSERT INTO articles (id, path, url, outlet, title, language, published, pipeline, stored_at, doc) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            row,
        )
        if cur.rowcount == 0:
            return False
        self._conn.execute(
            "INSERT INTO article_search (rowid, terms) VALUES (?, ?)", (cur.lastrowid, index_text(terms))
        )
        return True

    def _delete_search(self, article_id: str) -> None:
        self._conn.execute(
            "DELETE FROM article_search WHERE rowid IN (SELECT seq FROM articles WHERE id = ?)", (article_id,)
        )

    def _replace_search(self, article_id: str, terms: list[Term]) -> None:
        self._delete_search(article_id)
        self._conn.execute(
            "INSERT INTO article_search (rowid, terms) SELECT seq, ? FROM articles WHERE id = ?",
            (index_text(terms), article_id),
        )

    def _search_candidates(self, groups: list[tuple[str, ...]], limit: int) -> list[Candidate]:
        # Each term is a quoted FTS5 string: (a OR b) AND (c OR d).
        match = " AND ".join(
            "(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in alts) + ")" for alts in groups
        )
        rows = self._conn.execute(
            "SELECT a.id, a.title, a.doc FROM article_search s JOIN articles a ON a.seq = s.rowid "
            "WHERE s.terms MATCH ? ORDER BY s.rank, a.seq LIMIT ?",
            (match, limit),
        ).fetchall()
        return [Candidate(r[0], r[1], r[2]) for r in rows]


def _read_version(conn: sqlite3.Connection) -> int:
    """The schema version, without creating the version table (0 when there is none)."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if row is None:
        return 0
    return int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])


__all__ = ["SQLiteStore"]
