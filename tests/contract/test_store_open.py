"""Opening stores: read-only opening changes nothing, failures are one line without the password.

Findings 5 and 6 of issue 16: a read-only command created ``/nonexistent/``
(or an empty ``typo.db``) and exited 0; an unreachable PostgreSQL URL gave a
71-line traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dragoman.model import Article
from dragoman.pipeline import ErrorRecord
from dragoman.store import Store, StoreError, open_store
from dragoman.store.errors import redact
from dragoman.store.migrate import latest_version, migrations


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_read_only_open_of_a_missing_sqlite_store_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "x.db"
    with pytest.raises(StoreError, match="no store at") as err:
        open_store(str(target), read_only=True)
    assert "\n" not in str(err.value)
    assert not (tmp_path / "nonexistent").exists()
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "typo.db"), read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_read_only_open_of_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database at all " * 100, "utf-8")
    with pytest.raises(StoreError, match="notes.txt") as err:
        open_store(str(notes), read_only=True)
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError, match="notes.txt"):
        open_store(str(notes))  # nor for writing: one line, not a traceback
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a Dragoman store"):
        open_store(str(other), read_only=True)


def _write_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def test_read_only_store_reads_but_never_writes(store: Store, store_url: str, ar_article: Article) -> None:
    store.put_article(ar_article)
    ro = open_store(store_url, read_only=True)
    try:
        assert ro.count_articles() == 1
        assert ro.search("أذربيجان")
        with pytest.raises(_write_errors()):
            ro.put_error(ErrorRecord("x" * 64, "p", None, "read", "empty", "m", "p"))
    finally:
        ro.close()
    assert list(store.iter_errors()) == []


def test_unreachable_postgres_is_one_line_without_the_password() -> None:
    url = f"postgresql://analyst:s3cr3t-pw@127.0.0.1:{_free_port()}/news"
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            open_store(url, read_only=read_only)
        message = str(err.value)
        assert "\n" not in message and "s3cr3t-pw" not in message
        assert "postgresql://analyst:***@127.0.0.1:" in message


def test_redact() -> None:
    assert redact("postgresql://u:pw@db.example:5432/x?sslmode=require") == (
        "postgresql://u:***@db.example:5432/x?sslmode=require"
    )
    assert redact("postgresql://u@db/x") == "postgresql://u@db/x"
    assert redact("corpus/dragoman.db") == "corpus/dragoman.db"


def test_empty_postgres_database_is_not_a_store_when_read_only(pg_cluster: Any) -> None:
    with pytest.raises(StoreError, match="no Dragoman store"):
        open_store(pg_cluster.new_database(), read_only=True)


def _old_store(store_url: str) -> None:
    """A store at schema 1 holding error rows keyed by content, as Dragoman wrote them before."""
    rows = [
        ("e" * 64, "in/a.txt", None, "read", "empty", "no text", "2025-01-01T00:00:00+00:00"),
        ("f" * 64, None, "https://example.org/x", "read", "binary", "png", "2025-01-02T00:00:00+00:00"),
        ("0" * 64, None, None, "langid", "unsupported_language", "fr", "2025-01-03T00:00:00+00:00"),
    ]
    first = migrations("postgres" if store_url.startswith("postgresql") else "sqlite")[0]
    insert = "INSERT INTO errors (article_id, path, url, stage, kind, message, at) VALUES ({})"
    version = f"INSERT INTO schema_version (version, name, applied_at) VALUES (1, '{first.name}', 'then')"
    table = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    if store_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as conn:
            conn.execute(first.sql.encode())
            conn.execute(table)
            conn.execute(version)
            for r in rows:
                conn.execute(insert.format(", ".join(["%s"] * 7)), r)
    else:
        conn = sqlite3.connect(store_url, isolation_level=None)
        conn.executescript(first.sql)
        conn.execute(table)
        conn.execute(version)
        conn.executemany(insert.format(", ".join("?" * 7)), rows)
        conn.close()


def test_an_old_store_must_be_migrated_and_keeps_its_errors(
    store_url: str, open_store_at: Callable[[str], Store]
) -> None:
    _old_store(store_url)
    with pytest.raises(StoreError, match="dragoman migrate"):
        open_store(store_url, read_only=True)
    store = open_store_at(store_url)
    store.migrate()  # what opening for writing does
    assert store.schema_version() == latest_version("sqlite")
    assert sorted(e.where for e in store.iter_errors()) == [
        "https://example.org/x", "in/a.txt", "sha256:" + "0" * 64,
    ]
    assert open_store(store_url, read_only=True).count_articles() == 0
