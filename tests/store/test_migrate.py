"""Migration files and the runner (no database server needed)."""

from __future__ import annotations

import sqlite3

from dragoman.store.migrate import (
    _sqlite_statements,
    latest_version,
    migrate_sqlite,
    migrations,
    sqlite_version,
)


def test_dialects_are_numbered_and_in_step() -> None:
    for dialect in ("sqlite", "postgres"):
        found = migrations(dialect)
        assert [m.version for m in found] == list(range(1, len(found) + 1))
        assert all(m.sql.strip() for m in found)
    # a schema change must land in both dialects, or the contract suite drifts
    assert latest_version("sqlite") == latest_version("postgres")
    assert [m.name for m in migrations("sqlite")] == [m.name for m in migrations("postgres")]


def test_statement_splitter_keeps_semicolons_in_strings() -> None:
    script = (
        "-- comment; here\nCREATE TABLE a (x TEXT DEFAULT 'a;b');\nINSERT INTO a VALUES ('c;d');\n-- tail\n"
    )
    assert _sqlite_statements(script) == [
        "-- comment; here\nCREATE TABLE a (x TEXT DEFAULT 'a;b');",
        "INSERT INTO a VALUES ('c;d');",
    ]


def test_sqlite_runner_records_each_version_once() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert sqlite_version(conn) == 0
    assert migrate_sqlite(conn) == list(range(1, latest_version("sqlite") + 1))
    assert migrate_sqlite(conn) == []
    rows = conn.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    assert [(v, n) for v, n in rows] == [(m.version, m.name) for m in migrations("sqlite")]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "articles",
        "entities",
        "mentions",
        "time_expressions",
        "events",
        "quotes",
        "claims",
        "errors",
    } <= tables
